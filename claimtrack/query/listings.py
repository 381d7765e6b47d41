"""Listings of speakers, sources and topics with their claim counts (first appearances)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, defer, selectinload

from claimtrack.store.models import Actor, Claim, Source, Topic
from claimtrack.store.topic_rows import ensure_taxonomy

ACTOR_COLUMNS = ("actor_id", "name", "kind", "role", "affiliation", "claims", "aliases")


def actor_row(actor: Actor, claims: int) -> dict:
    return {
        "actor_id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "role": actor.role,
        "affiliation": actor.affiliation,
        "claims": claims,
        "aliases": ";".join(sorted(a.alias for a in actor.aliases)),
    }


def actors_query(kind: str | None = None) -> Select:
    """Actors with their stored claim counts, most first (then by name)."""
    stmt = select(Actor, Actor.claim_count).order_by(Actor.claim_count.desc(), Actor.name)
    return stmt.where(Actor.kind == kind) if kind else stmt


def iter_actors(session: Session, kind: str | None = None) -> Iterator[dict]:
    """Every actor with its number of claims (first appearances), most claims first.

    The counts are stored (actors.claim_count, kept by triggers: store/counts.py), so the
    first page is a walk down ix_actors_claim_count; aliases are loaded per batch. The count
    is read as a column of the row, never from an Actor the session may hold from before."""
    stmt = actors_query(kind).options(selectinload(Actor.aliases))
    for actor, count in session.execute(stmt.execution_options(yield_per=100)):
        yield actor_row(actor, count)


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


def iter_sources(session: Session, batch: int = 500) -> Iterator[dict]:
    """Every source, earliest published first (undated last), with its number of claims
    (counted per batch; the article texts are not read). The dated and the undated are
    asked apart, each in the order of an index, so the first rows come without a sort."""
    dated = Source.published_on.is_not(None)
    for stmt in (
        select(Source).where(dated).order_by(Source.published_on, Source.id),
        select(Source).where(~dated).order_by(Source.id),
    ):
        stmt = stmt.options(defer(Source.text)).execution_options(yield_per=batch)
        for part in _growing(session.execute(stmt).scalars(), batch):
            ids = [source.id for source in part]
            counted = select(Claim.source_id, func.count()).where(
                Claim.source_id.in_(ids), Claim.rejected.is_(None)
            )
            counts = {k: n for k, n in session.execute(counted.group_by(Claim.source_id))}
            for source in part:
                yield source_row(source, counts.get(source.id, 0))


def _growing(result, batch: int, first: int = 50) -> Iterator[list]:
    """RESULT's rows in parts: FIRST of them (a first page, counted at once), then BATCH."""
    size = min(first, batch)
    while part := result.fetchmany(size):
        yield part
        size = batch


TOPIC_COLUMNS = ("slug", "label", "claims", "keywords", "parent", "code")


def iter_topics(session: Session) -> Iterator[dict]:
    """Every topic with its number of claims (first appearances), stored in
    topics.claim_count (kept by triggers: store/counts.py), so no claim is counted here."""
    ensure_taxonomy(session)
    slug_of = {i: s for i, s in session.execute(select(Topic.id, Topic.slug))}
    for topic, count in session.execute(select(Topic, Topic.claim_count).order_by(Topic.slug)):
        yield {
            "slug": topic.slug,
            "label": topic.label,
            "claims": count,
            "keywords": ";".join(topic.keywords or []),
            "parent": slug_of.get(topic.parent_id) if topic.parent_id else None,
            "code": topic.code,
        }
