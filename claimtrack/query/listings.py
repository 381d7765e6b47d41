"""Listings of speakers, sources and topics with their claim counts (first appearances)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sqlalchemy import Select, func, select

from claimtrack.store.tables import Actor, ActorAlias, Claim, Source, Topic
from claimtrack.store.topic_rows import ensure_taxonomy

if TYPE_CHECKING:  # the asking commands pass a Core connection: no ORM (issue 16)
    from claimtrack.store.handle import Db

ACTOR_COLUMNS = ("actor_id", "name", "kind", "role", "affiliation", "claims", "aliases")


def actor_row(actor, claims: int, aliases: Iterable[str] | None = None) -> dict:
    """The listing's row of ACTOR (a row or a model's object: then its aliases are its own
    unless ALIASES names them)."""
    if aliases is None:
        aliases = [a.alias for a in actor.aliases]
    return {
        "actor_id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "role": actor.role,
        "affiliation": actor.affiliation,
        "claims": claims,
        "aliases": ";".join(sorted(aliases)),
    }


def actors_query(kind: str | None = None) -> Select:
    """Actors with their stored claim counts, most first (then by name)."""
    stmt = select(Actor).order_by(Actor.claim_count.desc(), Actor.name)
    return stmt.where(Actor.kind == kind) if kind else stmt


def iter_actors(session: Db, kind: str | None = None) -> Iterator[dict]:
    """Every actor with its number of claims (first appearances), most claims first.

    The counts are stored (actors.claim_count, kept by triggers: store/counts.py), so the
    first page is a walk down ix_actors_claim_count; aliases are loaded per batch. The count
    is read as a column of the row, never from an Actor the session may hold from before."""
    stmt = actors_query(kind).execution_options(yield_per=100)
    for part in session.execute(stmt).partitions():
        aliases: dict[int, list[str]] = {actor.id: [] for actor in part}
        named = select(ActorAlias.actor_id, ActorAlias.alias).where(
            ActorAlias.actor_id.in_(list(aliases))
        )
        for actor_id, alias in session.execute(named):
            aliases[actor_id].append(alias)
        for actor in part:
            yield actor_row(actor, actor.claim_count, aliases[actor.id])


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


def source_row(source, claims: int) -> dict:
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


def iter_sources(session: Db, batch: int = 500) -> Iterator[dict]:
    """Every source, earliest published first (undated last), with its number of claims
    (counted per batch; the article texts are not read). The dated and the undated are
    asked apart, each in the order of an index, so the first rows come without a sort."""
    dated = Source.published_on.is_not(None)
    listed = [c for c in Source.__table__.c if c.key != "text"]  # not the article's text
    for stmt in (
        select(*listed).where(dated).order_by(Source.published_on, Source.id),
        select(*listed).where(~dated).order_by(Source.id),
    ):
        stmt = stmt.execution_options(yield_per=batch)
        for part in _growing(session.execute(stmt), batch):
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


def iter_topics(session: Db) -> Iterator[dict]:
    """Every topic with its number of claims (first appearances), stored in
    topics.claim_count (kept by triggers: store/counts.py), so no claim is counted here."""
    ensure_taxonomy(session)
    slug_of = {i: s for i, s in session.execute(select(Topic.id, Topic.slug))}
    for topic in session.execute(select(Topic).order_by(Topic.slug)):
        yield {
            "slug": topic.slug,
            "label": topic.label,
            "claims": topic.claim_count,
            "keywords": ";".join(topic.keywords or []),
            "parent": slug_of.get(topic.parent_id) if topic.parent_id else None,
            "code": topic.code,
        }
