"""Full-text search over claims: FTS5 on SQLite (kept in step by triggers), a GIN
expression index on PostgreSQL. Used by the migrations; queries go through search()."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

FTS_COLUMNS = "content, quote, speaker_mention"
PG_SEARCH_EXPR = (
    "to_tsvector('english', coalesce(content, '') || ' ' || coalesce(quote, '') "
    "|| ' ' || coalesce(speaker_mention, ''))"
)
TRIGGERS = ("claims_ai", "claims_ad", "claims_au")
_NEW = "new.content, new.quote, new.speaker_mention"
_OLD = "old.content, old.quote, old.speaker_mention"
# only when an indexed column changes: linking appearances (same_as_id), reviews (status)
# and the stored sort day leave the index alone
UPDATE_TRIGGER = (
    f"CREATE TRIGGER claims_au AFTER UPDATE OF {FTS_COLUMNS} ON claims BEGIN "
    f"INSERT INTO claims_fts (claims_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO claims_fts (rowid, {FTS_COLUMNS}) VALUES (new.id, {_NEW}); END"
)


def create_search(execute: Callable[[str], object], dialect: str) -> None:
    if dialect == "sqlite":
        cols = FTS_COLUMNS
        new, old = _NEW, _OLD
        execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5({cols}, "
            "content=[claims], content_rowid=[id])"
        )
        execute(
            "CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN "
            f"INSERT INTO claims_fts (rowid, {cols}) VALUES (new.id, {new}); END"
        )
        execute(
            "CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN "
            f"INSERT INTO claims_fts (claims_fts, rowid, {cols}) "
            f"VALUES ('delete', old.id, {old}); END"
        )
        execute(UPDATE_TRIGGER)
        execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
    elif dialect == "postgresql":
        execute(
            f"CREATE INDEX IF NOT EXISTS ix_claims_search ON claims USING gin ({PG_SEARCH_EXPR})"
        )


def drop_search(
    execute: Callable[[str], object], dialect: str, *, keep_table: bool = False
) -> None:
    if dialect == "sqlite":
        for trigger in TRIGGERS:
            execute(f"DROP TRIGGER IF EXISTS {trigger}")
        if not keep_table:
            execute("DROP TABLE IF EXISTS claims_fts")
    elif dialect == "postgresql":
        execute("DROP INDEX IF EXISTS ix_claims_search")


@contextmanager
def search_rebuilt(op: Any) -> Iterator[None]:
    """For a migration that alters ``claims``: the search index's triggers are dropped before
    and made again after (SQLite's batch table rebuild would lose them). ``op`` is Alembic's."""
    dialect = op.get_bind().dialect.name
    drop_search(op.execute, dialect, keep_table=True)
    yield
    create_search(op.execute, dialect)
