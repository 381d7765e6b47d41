"""What the queries ask through: an ORM ``Session`` (the writers, the curating commands, the
web app) or a Core ``Connection`` (the asking commands, which so load no ORM: issue 16,
start-up). Both execute Core statements alike (``execute``, ``scalars``, ``scalar``); the
few things they name differently are here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    Db = Session | Connection


def engine_of(db: Db) -> Engine:
    """The engine DB's connections come from (its URL, its dialect)."""
    return db.engine if isinstance(db, Connection) else db.get_bind().engine


def dialect_name(db: Db) -> str:
    """ "sqlite" or "postgresql": the database DB talks to."""
    return engine_of(db).dialect.name


def connection_of(db: Db) -> Connection:
    """The Core connection DB's statements run on (a session's: its transaction's)."""
    return db if isinstance(db, Connection) else db.connection()
