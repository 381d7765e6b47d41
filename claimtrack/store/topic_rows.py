"""The stored taxonomy read back as TopicDefs, and seeded on first use: what a query by topic
needs, apart from the writers (store/writes.py imports the extractor's date and claim types,
a query does not: issue 16, start-up). Read over Core (an asking command's connection loads
no ORM); the seeding, rare, writes through the models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select

from claimtrack.store.tables import Topic
from claimtrack.store.taxonomy import TopicDef, load_taxonomy

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from claimtrack.store.handle import Db


def taxonomy(session: Db) -> list[TopicDef]:
    return topic_defs(session.execute(select(Topic).order_by(Topic.slug)).all())


def topic_defs(rows: Sequence) -> list[TopicDef]:
    """TopicDefs of topic rows (or Topic objects), each naming its parent by slug."""
    slug_of = {t.id: t.slug for t in rows}
    return [
        TopicDef(t.slug, t.label, tuple(t.keywords or ()), slug_of.get(t.parent_id or -1), t.code)
        for t in rows
    ]


def ensure_taxonomy(session: Db, taxonomy_path: str | None = None) -> list[TopicDef]:
    """The taxonomy in the database; seeded from the default file (or TAXONOMY_PATH)."""
    if taxonomy_path:
        upsert_topics(session, load_taxonomy(taxonomy_path))
    elif session.scalar(select(Topic.id).limit(1)) is None:
        upsert_topics(session, load_taxonomy())
    return taxonomy(session)


def upsert_topics(db: Db, topics: Sequence[TopicDef]) -> None:
    """Add or update TOPICS (through the models: on a connection, a session joined to its
    transaction)."""
    if isinstance(db, Connection):
        from sqlalchemy.orm import Session

        with Session(bind=db) as session:
            _upsert(session, topics)
    else:
        _upsert(db, topics)


def _upsert(session: Session, topics: Sequence[TopicDef]) -> None:
    from claimtrack.store.models import Topic as TopicRow

    existing = {t.slug: t for t in session.scalars(select(TopicRow))}
    for t in topics:
        row = existing.get(t.slug)
        if row is None:
            row = existing[t.slug] = TopicRow(slug=t.slug, label=t.label)
            session.add(row)
        row.label, row.keywords, row.code = t.label, list(t.keywords), t.code
    session.flush()
    for t in topics:
        existing[t.slug].parent_id = existing[t.parent].id if t.parent else None
    session.flush()
