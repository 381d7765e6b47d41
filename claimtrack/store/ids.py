"""Ids a user types (claims, sources, speakers): one parser and one range check for all.

An id is ASCII digits, optionally after a ``#`` (as ``show`` prints them): ``12``,
``#12``. Anything else is not an id: ``²``, ``①``, ``١٢`` (``str.isdigit`` is true for
them, ``int`` takes some), ``1_000``, ``+1`` or ``-1`` are names or words.

An id beyond what the id column holds names no row: it is "no such claim", and never
sent to the database, which would reject it with an error. SQLite's INTEGER holds 64
bits; claimtrack's INTEGER ids on PostgreSQL hold 32 (``serial``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # SQLAlchemy is imported by the range checks: parse_id, which the command
    # line's arguments use before any database is opened, needs none
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from claimtrack.store.handle import Db

_ID = re.compile(r"#?([0-9]+)")
_LONGEST = 4000  # digits; int() refuses a str of more than 4,300
_INT64 = 2**63 - 1

T = TypeVar("T")


def parse_id(text: str) -> int | None:
    """The id TEXT spells (surrounding spaces ignored), or None when TEXT is not an id.

    A number of more than 4,000 digits (more than int() converts) is out of every range
    all the same: it comes back as 10**4000.
    """
    match = _ID.fullmatch(text.strip(" \t"))
    if match is None:
        return None
    digits = match.group(1).lstrip("0") or "0"
    return int(digits) if len(digits) <= _LONGEST else 10**_LONGEST


def largest_id(session: Db, column: Any) -> int:
    """The largest value COLUMN (an integer id) holds in the session's database."""
    from sqlalchemy import BigInteger, SmallInteger

    from claimtrack.store.handle import dialect_name

    if dialect_name(session) == "sqlite":
        return _INT64  # every SQLite INTEGER is 64-bit
    kind = column.type
    if isinstance(kind, BigInteger):
        return _INT64
    if isinstance(kind, SmallInteger):
        return 2**15 - 1
    return 2**31 - 1


def id_is(session: Db, column: Any, n: int) -> ColumnElement[bool]:
    """``COLUMN = N``; false, without sending N, when N is beyond the column's range."""
    from sqlalchemy import false

    return column == n if 0 <= n <= largest_id(session, column) else false()


def lookup(session: Session, model: type[T], n: int) -> T | None:
    """The row of MODEL with id N, or None (also for an id beyond the column's range)."""
    from sqlalchemy import inspect

    (column,) = inspect(model).primary_key
    return session.get(model, n) if 0 <= n <= largest_id(session, column) else None
