"""Listings of speakers, sources and topics with their claim counts (first appearances)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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
    """Every actor with its number of claims (first appearances), most claims first."""
    n = (
        select(func.count(Claim.id))
        .where(Claim.actor_id == Actor.id, Claim.same_as_id.is_(None), Claim.rejected.is_(None))
        .scalar_subquery()
    )
    stmt = select(Actor, n).order_by(n.desc(), Actor.name)
    if kind:
        stmt = stmt.where(Actor.kind == kind)
    for actor, count in session.execute(stmt):
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


def iter_sources(session: Session) -> Iterator[dict]:
    n = (
        select(func.count(Claim.id))
        .where(Claim.source_id == Source.id, Claim.rejected.is_(None))
        .scalar_subquery()
    )
    stmt = select(Source, n).order_by(Source.published_on.is_(None), Source.published_on, Source.id)
    for source, count in session.execute(stmt.execution_options(yield_per=500)):
        yield source_row(source, count)


TOPIC_COLUMNS = ("slug", "label", "claims", "keywords", "parent", "code")


def iter_topics(session: Session) -> Iterator[dict]:
    ensure_taxonomy(session)
    n = (
        select(func.count(ClaimTopic.claim_id))
        .join(Claim, Claim.id == ClaimTopic.claim_id)
        .where(
            ClaimTopic.topic_id == Topic.id, Claim.same_as_id.is_(None), Claim.rejected.is_(None)
        )
        .scalar_subquery()
    )
    slug_of = {i: s for i, s in session.execute(select(Topic.id, Topic.slug))}
    for topic, count in session.execute(select(Topic, n).order_by(Topic.slug)):
        yield {
            "slug": topic.slug,
            "label": topic.label,
            "claims": count,
            "keywords": ";".join(topic.keywords or []),
            "parent": slug_of.get(topic.parent_id) if topic.parent_id else None,
            "code": topic.code,
        }
