"""Listings of speakers, sources and topics with their claim counts (first appearances)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, or_, select
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
        .where(Claim.same_as_id.is_(None), Claim.actor_id.is_not(None), Claim.rejected.is_(None))
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
    """Every source, earliest published first (undated last), with its number of claims
    (counted per batch; the article texts are not read). The dated and the undated are
    asked apart, each in the order of an index, so the first rows come without a sort."""
    dated = Source.published_on.is_not(None)
    for stmt in (
        select(Source).where(dated).order_by(Source.published_on, Source.id),
        select(Source).where(~dated).order_by(Source.id),
    ):
        stmt = stmt.options(defer(Source.text)).execution_options(yield_per=batch)
        for part in session.execute(stmt).scalars().partitions(batch):
            ids = [source.id for source in part]
            counted = select(Claim.source_id, func.count()).where(
                Claim.source_id.in_(ids), Claim.rejected.is_(None)
            )
            counts = {k: n for k, n in session.execute(counted.group_by(Claim.source_id))}
            for source in part:
                yield source_row(source, counts.get(source.id, 0))


TOPIC_COLUMNS = ("slug", "label", "claims", "keywords", "parent", "code")


def iter_topics(session: Session) -> Iterator[dict]:
    """Every topic with its number of claims (first appearances): all its tagged claims,
    counted from ix_claim_topics_topic_id alone, less the other appearances and the
    rejected claims among them (few, from the partial ix_claims_same_as_id)."""
    ensure_taxonomy(session)
    tagged = dict(
        session.execute(
            select(ClaimTopic.topic_id, func.count()).group_by(ClaimTopic.topic_id)
        ).all()
    )
    repeats = dict(
        session.execute(
            select(ClaimTopic.topic_id, func.count())
            .where(
                ClaimTopic.claim_id.in_(
                    select(Claim.id).where(
                        or_(Claim.same_as_id.is_not(None), Claim.rejected.is_not(None))
                    )
                )
            )
            .group_by(ClaimTopic.topic_id)
        ).all()
    )
    slug_of = {i: s for i, s in session.execute(select(Topic.id, Topic.slug))}
    for topic in session.scalars(select(Topic).order_by(Topic.slug)):
        yield {
            "slug": topic.slug,
            "label": topic.label,
            "claims": tagged.get(topic.id, 0) - repeats.get(topic.id, 0),
            "keywords": ";".join(topic.keywords or []),
            "parent": slug_of.get(topic.parent_id) if topic.parent_id else None,
            "code": topic.code,
        }
