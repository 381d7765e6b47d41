"""Reviewing a claim: its status (verified, disputed, false, misleading, unreviewed),
kept with a note, a reviewer and a time in ``claim_reviews``; ``claims.status`` is the
current one. A review covers every appearance of the claim."""

from __future__ import annotations

from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.query.lookups import get_claim
from claimtrack.store import appearances
from claimtrack.store.models import STATUSES, ClaimReview


def review(
    session: Session, claim_id: int, status: str, note: str | None = None, by: str | None = None
) -> ClaimReview:
    if status not in STATUSES:
        raise UserError(f"status {status!r}: use one of {', '.join(STATUSES)}")
    claim = get_claim(session, claim_id)
    group = appearances.group_of(session, claim)
    first = group[0]
    record = ClaimReview(
        claim_id=first.id,
        status=status,
        note=(note or "").strip() or None,
        reviewer=(by or "").strip() or None,
    )
    session.add(record)
    for c in group:
        c.status = status
    session.flush()
    return record
