"""What every command shares: the error-reporting group, ``--db``, sessions, options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli import startup
from claimtrack.cli.group import Group, fail, report_error  # noqa: F401  (shared from here)
from claimtrack.cli.render import (
    Format,
    LazyConsole,
    OutputOptions,
    plural,
    write_rows,
)
from claimtrack.errors import UserError
from claimtrack.io.isodate import parse_date
from claimtrack.io.writers import open_output
from claimtrack.store.ids import parse_id
from claimtrack.store.location import ENV_VAR
from claimtrack.store.vocab import ACTOR_KINDS, ATTRIBUTIONS, STATUSES

if TYPE_CHECKING:  # a command's --help imports no database library (issue 16): SQLAlchemy
    # loads when a command runs
    from rich.table import Table
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

    from claimtrack.store.handle import Db

# Messages carry user data (names, titles): never parsed as Rich markup, never wrapped.
# Made (and Rich loaded) when the first message is printed.
err = LazyConsole(stderr=True, soft_wrap=True, markup=False, highlight=False)


def sub_app(help: str) -> typer.Typer:
    return typer.Typer(cls=Group, help=help, no_args_is_help=True)


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=ENV_VAR,
        help="SQLite file path, or a URL such as postgresql+psycopg://user@host/db. "
        "(default: ./claimtrack.db)",
        show_default=False,
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
# who made a correction and why (claims, actors, sources)
ByOpt = Annotated[str | None, typer.Option("--by", help="Who made the correction.")]
WhyOpt = Annotated[str | None, typer.Option("--why", help="Why, kept in the audit log.")]

Status = StrEnum("Status", {s: s for s in STATUSES})  # type: ignore[misc]
Attribution = StrEnum("Attribution", {a: a for a in ATTRIBUTIONS})  # type: ignore[misc]
Kind = StrEnum("Kind", {k: k for k in ACTOR_KINDS})  # type: ignore[misc]


class DetailFormat(StrEnum):
    """How the commands that show one thing (show, actors show, sources show) print it."""

    text = "text"
    json = "json"


DetailFormatOpt = Annotated[
    DetailFormat, typer.Option("--format", "-f", help="text (default) or json.")
]


def claim_id(value: str) -> int:
    """A CLAIM_ID argument, through the one id parser (out-of-range ids are "no claim")."""
    n = parse_id(value)
    if n is None:
        raise typer.BadParameter(f"{value!r} is not a claim id: give its number, e.g. 12")
    return n


ClaimIdArg = Annotated[
    int,
    typer.Argument(
        parser=claim_id, metavar="CLAIM_ID", help="The claim's id (first column of who-said)."
    ),
]


def date_option(value: str | None, name: str) -> dt.date | None:
    try:
        return parse_date(value, what=name)
    except UserError as exc:
        raise typer.BadParameter(str(exc)) from None


def open_engine(db: str | None, *, create: bool = True) -> Engine:
    """The engine for --db, its schema checked: the command's modules are loaded, its work
    begins (the collector runs as usual from here: cli/startup.py)."""
    from claimtrack.store import engine as dbmod

    engine = dbmod.open_engine(db, create=create)
    startup.release()
    return engine


@contextmanager
def session(db: str | None, create: bool = True) -> Iterator[Session]:
    """One transaction on --db, committed when the command succeeds."""
    from claimtrack.store import engine as dbmod

    with dbmod.session_scope(open_engine(db, create=create)) as s:
        yield s


@contextmanager
def query_session(db: str | None) -> Iterator[Session]:
    """A session for a command that only asks: every statement held to the time limit
    (CLAIMTRACK_STATEMENT_TIMEOUT), one line when a statement runs over it. It never
    creates a database: a path that holds none is one line naming the fix."""
    from claimtrack.store.time_limit import time_limited

    with session(db, create=False) as s, time_limited(s):
        yield s


@contextmanager
def query_connection(db: str | None) -> Iterator[Connection]:
    """query_session over a Core connection, for a command whose queries are written over
    the tables (store/tables.py): it loads no ORM (issue 16: start-up)."""
    from claimtrack.store import engine as dbmod
    from claimtrack.store.time_limit import time_limited

    engine = open_engine(db, create=False)
    with dbmod.connection_scope(engine) as c, time_limited(c):
        yield c


def list_rows(
    db: str | None,
    rows: Callable[[Db], Iterable[dict]],
    columns: Sequence[str],
    noun: str,
    table: Callable[[Iterable[dict]], Table],
    out: OutputOptions,
    *,
    core: bool = False,
) -> int:
    """What every listing command does: rows in the chosen format, then a count on stderr.
    CORE: ROWS asks over a Core connection (query_connection), else over a session."""
    fmt = out.format(Format.table)
    asking = query_connection if core else query_session
    with asking(db) as s, open_output(out.output) as handle:
        count = write_rows(rows(s), columns, fmt, handle, table, bom=out.bom)
    if fmt is Format.table or out.output is not None:
        err.print(plural(count, noun))
    return count
