"""Full-text search over claims: FTS5 on SQLite (kept in step by triggers); on PostgreSQL a
GIN index on the stored tsvector column ``claims.search_vector`` (generated from
PG_SEARCH_EXPR, migration 0012), before it a GIN expression index. Used by the migrations;
queries go through query/search.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

FTS_COLUMNS = "content, quote, speaker_mention"
PG_SEARCH_EXPR = (
    "to_tsvector('english', coalesce(content, '') || ' ' || coalesce(quote, '') "
    "|| ' ' || coalesce(speaker_mention, ''))"
)
PG_VECTOR = "search_vector"  # claims' stored tsvector (PostgreSQL only; not in the models)
PG_VECTOR_INDEX = "ix_claims_search_vector"
# the GIN index a database has: on the stored column once migration 0012 made it
_PG_CREATE = f"""DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
             AND table_name = 'claims' AND column_name = '{PG_VECTOR}') THEN
    CREATE INDEX IF NOT EXISTS {PG_VECTOR_INDEX} ON claims USING gin ({PG_VECTOR});
  ELSE
    CREATE INDEX IF NOT EXISTS ix_claims_search ON claims USING gin ({PG_SEARCH_EXPR});
  END IF;
END $$"""
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
        execute(_PG_CREATE)


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
        execute(f"DROP INDEX IF EXISTS {PG_VECTOR_INDEX}")


@contextmanager
def search_rebuilt(op: Any) -> Iterator[None]:
    """For a migration that alters ``claims``: the search index's triggers are dropped before
    and made again after (SQLite's batch table rebuild would lose them). ``op`` is Alembic's."""
    dialect = op.get_bind().dialect.name
    drop_search(op.execute, dialect, keep_table=True)
    yield
    create_search(op.execute, dialect)
