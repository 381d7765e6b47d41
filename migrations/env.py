"""Alembic environment: the URL comes from claimtrack (``--db`` / CLAIMTRACK_DB), or, for
the bare ``alembic`` command (alembic.ini), from ``-x db=PATH_OR_URL`` or CLAIMTRACK_DB."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context

from claimtrack.store.engine import lock_schema, make_engine, resolve_url
from claimtrack.store.fts import PG_VECTOR, PG_VECTOR_INDEX
from claimtrack.store.models import Base

config = context.config
target_metadata = Base.metadata

FTS_TABLE_PREFIX = "claims_fts"


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Leave the FTS5 tables (and the PostgreSQL search index) out of autogenerate."""
    if type_ == "table" and name and name.startswith(FTS_TABLE_PREFIX):
        return False
    if type_ == "index" and name in ("ix_claims_search", PG_VECTOR_INDEX):
        return False
    return not (type_ == "column" and name == PG_VECTOR)  # PostgreSQL's stored tsvector


OPTIONS = {
    "target_metadata": target_metadata,
    "render_as_batch": True,  # SQLite cannot ALTER most things: rebuild tables instead
    "include_object": include_object,
    "compare_type": True,
}


def _configure(connection) -> None:
    context.configure(connection=connection, **OPTIONS)


def _url() -> str:
    """claimtrack's own URL, or for the bare ``alembic`` command: ``-x db=PATH_OR_URL``,
    else CLAIMTRACK_DB, else ./claimtrack.db (as claimtrack's --db)."""
    return config.attributes.get("url") or resolve_url(
        context.get_x_argument(as_dictionary=True).get("db")
    )


def run_migrations_offline() -> None:
    context.configure(url=_url(), literal_binds=True, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # claimtrack's: in a transaction holding the schema lock
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    # the bare alembic command: the same engine, transaction and lock as claimtrack's
    if config.config_file_name:
        fileConfig(config.config_file_name)
    engine = make_engine(_url(), foreign_keys=False)
    with engine.begin() as conn:
        lock_schema(conn)
        _configure(conn)
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
