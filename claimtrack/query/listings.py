"""Listings of speakers, sources and topics with their claim counts (first appearances)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer, selectinload

from claimtrack.store.models import Actor, Claim, ClaimTopic, Source, Topic
from claimtrack.store.writes import ensure_taxonomy

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


def iter_actors(session: Session, kind: str | None = None) -> Iterator[dict]:
    """Every actor with its number of claims (first appearances), most claims first.

    One grouped count over ix_claims_actor_firsts (no count per actor), aliases loaded per
    batch."""
    firsts = (
        select(Claim.actor_id, func.count().label("n"))
        .where(Claim.same_as_id.is_(None), Claim.actor_id.is_not(None))
        .group_by(Claim.actor_id)
        .subquery()
    )
    n = func.coalesce(firsts.c.n, 0)
    stmt = (
        select(Actor, n)
        .outerjoin(firsts, firsts.c.actor_id == Actor.id)
        .order_by(n.desc(), Actor.name)
        .options(selectinload(Actor.aliases))
    )
    if kind:
        stmt = stmt.where(Actor.kind == kind)
    for actor, count in session.execute(stmt.execution_options(yield_per=500)):
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
    """Every source, earliest published first, with its number of claims (counted per
    batch, after the order; the article texts are not read)."""
    stmt = (
        select(Source)
        .order_by(Source.published_on.is_(None), Source.published_on, Source.id)
        .options(defer(Source.text))
    )
    result = session.execute(stmt.execution_options(yield_per=batch))
    for part in result.scalars().partitions(batch):
        ids = [source.id for source in part]
        counted = select(Claim.source_id, func.count()).where(Claim.source_id.in_(ids))
        counts = {k: n for k, n in session.execute(counted.group_by(Claim.source_id))}
        for source in part:
            yield source_row(source, counts.get(source.id, 0))


TOPIC_COLUMNS = ("slug", "label", "claims", "keywords")


def iter_topics(session: Session) -> Iterator[dict]:
    ensure_taxonomy(session)
    n = (
        select(func.count(ClaimTopic.claim_id))
        .join(Claim, Claim.id == ClaimTopic.claim_id)
        .where(ClaimTopic.topic_id == Topic.id, Claim.same_as_id.is_(None))
        .scalar_subquery()
    )
    for topic, count in session.execute(select(Topic, n).order_by(Topic.slug)):
        yield {
            "slug": topic.slug,
            "label": topic.label,
            "claims": count,
            "keywords": ";".join(topic.keywords or []),
        }
