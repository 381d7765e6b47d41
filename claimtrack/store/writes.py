"""Write one extracted document to the database: its source, actors, claims and topics.

All functions take a Session; the caller owns the transaction (one document, one
transaction), so a failure or a kill half-way leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from claimtrack.extract.types import FoundClaim, Speaker
from claimtrack.io.document import Document
from claimtrack.names import PRONOUNS, name_key
from claimtrack.store import appearances
from claimtrack.store.models import Actor, ActorAlias, Claim, ClaimTopic, Source, Topic
from claimtrack.store.taxonomy import TopicDef, load_taxonomy
from claimtrack.store.taxonomy import tag as tag_topics
from claimtrack.store.timeline import sort_values


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_exists(session: Session, digest: str) -> bool:
    return session.scalar(select(Source.id).where(Source.content_hash == digest)) is not None


def url_stored(session: Session, *urls: str | None) -> bool:
    """A source was read from, fetched from or is canonically at one of URLS."""
    wanted = [u for u in urls if u]
    if not wanted:
        return False
    found = select(Source.id).where(
        or_(Source.path.in_(wanted), Source.url.in_(wanted), Source.fetched_url.in_(wanted))
    )
    return session.scalar(found.limit(1)) is not None


# ---- topics -----------------------------------------------------------------------------


def ensure_taxonomy(session: Session, taxonomy_path: str | None = None) -> list[TopicDef]:
    """The taxonomy in the database; seeded from the default file (or TAXONOMY_PATH)."""
    if taxonomy_path:
        upsert_topics(session, load_taxonomy(taxonomy_path))
    elif session.scalar(select(Topic.id).limit(1)) is None:
        upsert_topics(session, load_taxonomy())
    return taxonomy(session)


def upsert_topics(session: Session, topics: Sequence[TopicDef]) -> None:
    existing = {t.slug: t for t in session.scalars(select(Topic))}
    for t in topics:
        row = existing.get(t.slug)
        if row is None:
            session.add(Topic(slug=t.slug, label=t.label, keywords=list(t.keywords)))
        else:
            row.label, row.keywords = t.label, list(t.keywords)
    session.flush()


def taxonomy(session: Session) -> list[TopicDef]:
    return [
        TopicDef(t.slug, t.label, tuple(t.keywords or ()))
        for t in session.scalars(select(Topic).order_by(Topic.slug))
    ]


# ---- actors -----------------------------------------------------------------------------


def speaker_name(speaker: Speaker, doc_text: str) -> str | None:
    """The actor name to file a claim under: resolved name, else a non-pronoun mention."""
    if speaker.name and speaker.name.strip():
        return speaker.name.strip()
    if speaker.mention is None:
        return None
    mention = " ".join(speaker.mention.text(doc_text).split())
    if not mention or name_key(mention) in PRONOUNS:
        return None
    return mention


def find_actor(session: Session, name: str) -> Actor | None:
    key = name_key(name)
    actor = session.scalar(select(Actor).where(Actor.name_key == key))
    if actor is not None:
        return actor
    ids = session.scalars(
        select(ActorAlias.actor_id).where(ActorAlias.alias_key == key).distinct()
    ).all()
    return session.get(Actor, ids[0]) if len(ids) == 1 else None


def add_alias(actor: Actor, alias: str) -> bool:
    """Give ACTOR another name; False when it is empty, the actor's name, or known."""
    alias = alias.strip()
    key = name_key(alias)
    if not key or key == actor.name_key or any(a.alias_key == key for a in actor.aliases):
        return False
    actor.aliases.append(ActorAlias(alias=alias, alias_key=key))
    return True


def add_seen_name(actor: Actor, name: str) -> None:
    """An alias from the text: any way it named the actor, but a pronoun."""
    if name_key(name) not in PRONOUNS:
        add_alias(actor, name)


def is_role(role: str | None, name: str) -> bool:
    """A role worth keeping: not empty, and not the name or a piece of it ("Sanders")."""
    if not role or not role.strip():
        return False
    key, name_words = name_key(role), name_key(name).split()
    return key != " ".join(name_words) and key not in name_words


def resolve_actor(session: Session, speaker: Speaker, doc_text: str) -> Actor | None:
    name = speaker_name(speaker, doc_text)
    if name is None:
        return None
    actor = find_actor(session, name)
    if actor is None:
        actor = Actor(name=name, name_key=name_key(name), kind=speaker.kind)
        session.add(actor)
        if speaker.kind == "person" and len(name.split()) > 1:
            add_alias(actor, name.split()[-1])  # the surname
    if not actor.role and is_role(speaker.role, actor.name):
        actor.role = speaker.role
    if not actor.affiliation and speaker.affiliation:
        actor.affiliation = speaker.affiliation
    for alias in speaker.aliases:
        add_seen_name(actor, alias)
    if speaker.mention is not None:
        add_seen_name(actor, " ".join(speaker.mention.text(doc_text).split()))
    session.flush()
    return actor


# ---- documents --------------------------------------------------------------------------


def store_document(
    session: Session,
    doc: Document,
    claims: Sequence[FoundClaim],
    topics: Sequence[TopicDef],
    digest: str | None = None,
    *,
    fetched_url: str | None = None,
    language: str | None = None,
) -> Source:
    """Insert the source and its claims (with actors and topics) in the caller's transaction.

    A claim given twice (same content and cue offsets) is stored once: count what was
    stored, not CLAIMS. FETCHED_URL is where a web page came from (after redirects),
    LANGUAGE the code told from its text."""
    source = Source(
        content_hash=digest or content_hash(doc.text),
        path=doc.path,
        title=doc.title,
        outlet=doc.outlet,
        author=doc.author,
        url=doc.url,
        fetched_url=fetched_url,
        language=language,
        published_on=doc.published,
        text=doc.text,
        word_count=len(doc.text.split()),
    )
    session.add(source)
    session.flush()
    topic_ids = {t.slug: t.id for t in session.scalars(select(Topic))}
    seen: set[tuple[int, int, int]] = set()
    rows: list[Claim] = []
    for c in claims:
        key = (c.content.start, c.content.end, c.cue.start)
        if key in seen:
            continue
        seen.add(key)
        rows.append(build_claim(session, source, doc.text, c, topics, topic_ids))
        session.add(rows[-1])
    session.flush()
    set_sort_days(session, source.id)
    for row in rows:  # the same claim already reported by another source?
        appearances.link(session, row)
    session.flush()
    return source


def set_sort_days(session: Session, source_id: int) -> None:
    """Store the date order (store/timeline.py) of the claims of one source, once flushed."""
    claims, sources = Claim.__table__, Source.__table__
    stmt = update(claims).where(claims.c.source_id == source_id)
    session.execute(stmt.values(**sort_values(claims, sources)))


def build_claim(
    session: Session,
    source: Source,
    text: str,
    c: FoundClaim,
    topics: Sequence[TopicDef],
    topic_ids: dict[str, int],
) -> Claim:
    actor = resolve_actor(session, c.speaker, text)
    content = c.content.text(text)
    relation = c.date.relation
    row = Claim(
        source=source,
        actor=actor,
        speaker_mention=c.speaker.mention.text(text) if c.speaker.mention else None,
        speaker_start=c.speaker.mention.start if c.speaker.mention else None,
        speaker_end=c.speaker.mention.end if c.speaker.mention else None,
        cue=c.cue.text(text),
        cue_start=c.cue.start,
        cue_end=c.cue.end,
        content=content,
        content_start=c.content.start,
        content_end=c.content.end,
        quote=c.quote,
        attribution=c.attribution,
        hedged=c.hedged,
        said_on=c.date.on if relation == "on" else None,
        date_anchor=c.date.on if relation in ("before", "by") else None,
        date_precision=c.date.precision if relation == "on" else "none",
        date_relation=relation,
        date_text=c.date.text,
        sentence=c.sentence.text(text),
        sentence_start=c.sentence.start,
        sentence_end=c.sentence.end,
        heading=c.heading,
        confidence=round(float(c.confidence), 3),
        found_by=c.found_by,
        status="unreviewed",
    )
    tagged = dict(tag_topics(topics, content, c.quote, c.heading))
    tagged.update((slug, "extractor") for slug in c.topics if slug not in tagged)
    for slug, via in tagged.items():
        if slug in topic_ids:
            row.topic_links.append(ClaimTopic(topic_id=topic_ids[slug], via=via))
    return row
