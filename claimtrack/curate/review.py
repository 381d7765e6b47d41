"""Reviewing a claim: its status (verified, disputed, false, misleading, unreviewed),
kept with a note, a reviewer and a time in ``claim_reviews``; ``claims.status`` is the
current one. A review covers every appearance of the claim."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.store import appearances
from claimtrack.store.ids import lookup
from claimtrack.store.models import STATUSES, Claim, ClaimReview


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = lookup(session, Claim, claim_id)
    if claim is None:
        raise UserError(f"no claim #{claim_id}; find ids with `claimtrack who-said`")
    return claim


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


def history(session: Session, claim: Claim) -> list[ClaimReview]:
    """Reviews of the claim (any of its appearances), oldest first."""
    ids = [c.id for c in appearances.group_of(session, claim)]
    return list(
        session.scalars(
            select(ClaimReview)
            .where(ClaimReview.claim_id.in_(ids))
            .order_by(ClaimReview.reviewed_at, ClaimReview.id)
        )
    )
