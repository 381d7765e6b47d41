"""Reviewing a claim: its status (verified, disputed, false, misleading, unreviewed),
kept with a note, a reviewer and a time in ``claim_reviews``; ``claims.status`` is the
current one. A review covers every appearance of the claim. The verdicts "not-a-claim" and
"wrong-speaker" reject the claim (see curate/corrections.py)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from claimtrack.curate import corrections
from claimtrack.errors import UserError
from claimtrack.query.lookups import get_claim
from claimtrack.store import appearances
from claimtrack.store.models import REJECTING_VERDICTS, STATUSES, Claim, ClaimReview


def review(
    session: Session,
    claim_id: int,
    status: str,
    note: str | None = None,
    by: str | None = None,
    url: str | None = None,
) -> ClaimReview:
    """Record a verdict; "not-a-claim" and "wrong-speaker" reject the claim (every
    appearance) with that reason and leave its status as it was."""
    verdicts = (*STATUSES, *REJECTING_VERDICTS)
    if status not in verdicts:
        raise UserError(f"status {status!r}: use one of {', '.join(verdicts)}")
    if url and not url.strip().lower().startswith(("http://", "https://")):
        raise UserError(f"--url {url!r}: give the fact-check page's address, https://...")
    claim = get_claim(session, claim_id)
    if status in REJECTING_VERDICTS:
        return reject_by_review(session, claim, status, note, by)
    group = appearances.group_of(session, claim)
    first = group[0]
    record = ClaimReview(
        claim_id=first.id,
        status=status,
        note=(note or "").strip() or None,
        reviewer=(by or "").strip() or None,
        url=(url or "").strip() or None,
    )
    session.add(record)
    for c in group:
        c.status = status
    session.flush()
    return record


def reject_by_review(
    session: Session, claim: Claim, verdict: str, note: str | None, by: str | None
) -> ClaimReview:
    group = appearances.group_of(session, claim)
    record = ClaimReview(
        claim_id=group[0].id,
        status=verdict,
        note=(note or "").strip() or None,
        reviewer=(by or "").strip() or None,
    )
    session.add(record)
    for c in group:
        if c.rejected != verdict:
            corrections.reject(session, c.id, verdict, corrections.By(by, note or "review verdict"))
    session.flush()
    return record
