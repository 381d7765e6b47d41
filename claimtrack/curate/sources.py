"""Curating sources: list with claim counts, find one, remove one with its claims."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.query.claims import source_ids
from claimtrack.store import appearances
from claimtrack.store.models import Claim, ClaimReview, Source

SOURCE_COLUMNS = (
    "source_id",
    "title",
    "outlet",
    "published_on",
    "claims",
    "words",
    "path",
    "url",
)


def get_source(session: Session, which: str) -> Source:
    """The one source WHICH names (id, or part of title, outlet, path or URL)."""
    ids = source_ids(session, which)
    if not ids:
        raise UserError(f"no source matches {which!r}; see `claimtrack sources list`")
    if len(ids) > 1:
        raise UserError(
            f"{which!r} matches {len(ids)} sources (#{', #'.join(map(str, ids[:5]))}): give its id"
        )
    source = session.get(Source, ids[0])
    assert source is not None
    return source


def source_row(source: Source, claims: int) -> dict:
    return {
        "source_id": source.id,
        "title": source.title,
        "outlet": source.outlet,
        "published_on": source.published_on.isoformat() if source.published_on else None,
        "claims": claims,
        "words": source.word_count,
        "path": source.path,
        "url": source.url,
    }


def iter_sources(session: Session) -> Iterator[dict]:
    n = select(func.count(Claim.id)).where(Claim.source_id == Source.id).scalar_subquery()
    stmt = select(Source, n).order_by(Source.published_on.is_(None), Source.published_on, Source.id)
    for source, count in session.execute(stmt.execution_options(yield_per=500)):
        yield source_row(source, count)


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
