"""The stored taxonomy read back as TopicDefs: what a query by topic needs, apart from the
writers (store/writes.py imports the extractor's date and claim types, a query does not)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.store.models import Topic
from claimtrack.store.taxonomy import TopicDef


def taxonomy(session: Session) -> list[TopicDef]:
    return topic_defs(session.scalars(select(Topic).order_by(Topic.slug)).all())


def topic_defs(rows: Sequence[Topic]) -> list[TopicDef]:
    """TopicDefs of topic rows, each naming its parent by slug."""
    slug_of = {t.id: t.slug for t in rows}
    return [
        TopicDef(t.slug, t.label, tuple(t.keywords or ()), slug_of.get(t.parent_id or -1), t.code)
        for t in rows
    ]
