"""Alembic environment: the URL comes from claimtrack (``--db`` / CLAIMTRACK_DB)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from claimtrack.db import resolve_url
from claimtrack.models import Base

config = context.config
target_metadata = Base.metadata

FTS_TABLE_PREFIX = "claims_fts"


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the FTS5 tables (and the PostgreSQL search index) out of autogenerate."""
    if type_ == "table" and name and name.startswith(FTS_TABLE_PREFIX):
        return False
    if type_ == "index" and name == "ix_claims_search":
        return False
    return True


OPTIONS = {
    "target_metadata": target_metadata,
    "render_as_batch": True,  # SQLite cannot ALTER most things: rebuild tables instead
    "include_object": include_object,
    "compare_type": True,
}


def _configure(connection) -> None:
    context.configure(connection=connection, **OPTIONS)


def run_migrations_offline() -> None:
    url = config.attributes.get("url") or resolve_url(None)
    context.configure(url=url, literal_binds=True, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.attributes.get("url") or resolve_url(config.get_main_option("sqlalchemy.url"))
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
