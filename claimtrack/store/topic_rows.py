"""The stored taxonomy read back as TopicDefs, and seeded on first use: what a query by topic
needs, apart from the writers (store/writes.py imports the extractor's date and claim types,
a query does not: issue 16, start-up)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.store.models import Topic
from claimtrack.store.taxonomy import TopicDef, load_taxonomy


def taxonomy(session: Session) -> list[TopicDef]:
    return topic_defs(session.scalars(select(Topic).order_by(Topic.slug)).all())


def topic_defs(rows: Sequence[Topic]) -> list[TopicDef]:
    """TopicDefs of topic rows, each naming its parent by slug."""
    slug_of = {t.id: t.slug for t in rows}
    return [
        TopicDef(t.slug, t.label, tuple(t.keywords or ()), slug_of.get(t.parent_id or -1), t.code)
        for t in rows
    ]


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
            row = existing[t.slug] = Topic(slug=t.slug, label=t.label)
            session.add(row)
        row.label, row.keywords, row.code = t.label, list(t.keywords), t.code
    session.flush()
    for t in topics:
        existing[t.slug].parent_id = existing[t.parent].id if t.parent else None
    session.flush()
