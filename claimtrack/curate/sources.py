"""Curating sources: list with claim counts, find one, remove one with its claims."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.query.lookups import get_source
from claimtrack.store import appearances
from claimtrack.store.models import Claim, ClaimReview, Source


def remove_source(session: Session, which: str) -> tuple[Source, int]:
    """Delete a source and its claims; appearances elsewhere get a new first appearance."""
    source = get_source(session, which)
    actors = set(session.scalars(select(Claim.actor_id).where(Claim.source_id == source.id)))
    count = session.scalar(select(func.count()).where(Claim.source_id == source.id)) or 0
    # Appearances in other sources that pointed at a claim of this one lose their target;
    # the review history moves to the earliest of them, so it outlives the source.
    orphans = select(Claim.id).where(Claim.source_id == source.id)
    heirs: dict[int, int] = {}
    for claim in session.scalars(
        select(Claim).where(Claim.same_as_id.in_(orphans)).order_by(Claim.id)
    ):
        heirs.setdefault(claim.same_as_id, claim.id)  # type: ignore[arg-type]
        claim.same_as_id = None
    for review in session.scalars(select(ClaimReview).where(ClaimReview.claim_id.in_(heirs))):
        review.claim_id = heirs[review.claim_id]
    session.flush()
    session.delete(source)
    session.flush()
    for actor_id in actors:
        appearances.relink_actor(session, actor_id)
    return source, count
