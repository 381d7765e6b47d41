"""Database URLs, engines, sessions and the schema version (Alembic).

A plain path means an embedded SQLite file; anything with ``://`` is a SQLAlchemy URL
(``postgresql+psycopg://user@host/db``); only SQLite and PostgreSQL are accepted. A new,
empty database is brought to the current schema on first use; a database behind the
code gives an error naming ``claimtrack db upgrade``. Creating and migrating the schema
hold a lock (SQLite's write lock, a PostgreSQL advisory lock), so processes opening a
new database at once wait for each other.

A database error inside a transaction becomes a DatabaseError, printed as one line;
``run_transaction`` tries again after a transient one (a lock held past the busy
timeout, CLAIMTRACK_BUSY_TIMEOUT seconds; a dropped connection).
"""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
)

from claimtrack.errors import UserError
from claimtrack.store.location import DEFAULT_DB, ENV_VAR

if TYPE_CHECKING:  # alembic is imported when a schema is checked or changed, not at start-up
    from alembic.config import Config
    from sqlalchemy.orm import Session  # the ORM when a session is opened (not `db current`)

BACKENDS = ("sqlite", "postgresql")
USE = "give a SQLite file path (or sqlite:///path/to/file.db) or postgresql://user@host/dbname"
BUSY_TIMEOUT_ENV = "CLAIMTRACK_BUSY_TIMEOUT"
BUSY_TIMEOUT = 10.0  # seconds SQLite waits for another writer's lock before giving up
ATTEMPTS = 4  # tries of a transaction that fails on a transient error (run_transaction)
FIRST_DELAY = 0.25  # seconds before the second try; doubled before each next one
T = TypeVar("T")


def migrations_dir() -> Path:
    """The Alembic folder: shipped inside the wheel, or the repository's top-level one."""
    package = Path(__file__).resolve().parents[1]  # claimtrack/
    for candidate in (package / "migrations", package.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise UserError("claimtrack's migrations folder is missing: reinstall claimtrack")


def resolve_url(db: str | None) -> str:
    """Turn ``--db`` (a path or a URL) into a SQLAlchemy URL string, or raise UserError."""
    db = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in db:
        path = Path(db).expanduser()
        if path.is_dir():
            raise UserError(f"--db {db} is a directory: give a file path such as {path}/claims.db")
        if not path.parent.exists():
            raise UserError(f"--db {db}: folder {path.parent} does not exist; create it first")
        return f"sqlite:///{path.resolve()}"
    try:
        url = make_url(db)
        if url.drivername == "postgresql":  # plain postgresql:// -> the driver we ship
            url = url.set(drivername="postgresql+psycopg")
        dialect = url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise UserError(f"--db {db!r} is not a database URL claimtrack can use: {USE}") from exc
    shown = make_url(db).render_as_string(hide_password=True)  # no password in messages
    backend = url.get_backend_name()
    if backend not in BACKENDS:
        raise UserError(
            f"--db {shown!r}: claimtrack works with SQLite and PostgreSQL, not {backend}: {USE}"
        )
    try:
        dialect.import_dbapi()
    except ImportError as exc:
        raise UserError(
            f"--db {shown!r}: its driver ({exc.name or url.get_driver_name()}) is not installed: {USE}"
        ) from exc
    if dialect.is_async:
        raise UserError(f"--db {shown!r}: claimtrack does not use async drivers: {USE}")
    return url.render_as_string(hide_password=False)


def busy_timeout() -> float:
    """Seconds to wait for another writer's lock: CLAIMTRACK_BUSY_TIMEOUT, default 10."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not raw:
        return BUSY_TIMEOUT
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not (math.isfinite(seconds) and seconds >= 0):
        raise UserError(
            f"{BUSY_TIMEOUT_ENV}={raw!r}: give the seconds to wait for another writer, e.g. 10"
        )
    return seconds


def _sqlite_pragmas(foreign_keys: bool, timeout: float):
    def on_connect(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute(f"PRAGMA busy_timeout={round(timeout * 1000)}")
        cur.execute("PRAGMA journal_mode=WAL")
        # in WAL mode, NORMAL syncs the log at checkpoints, not at every commit: a killed
        # process loses nothing committed and the file stays consistent even after a power
        # cut, which may lose the last commits alone (an ingest run again redoes them).
        # FULL's sync per commit cost the writer of `ingest` 6 ms a document on a quiet
        # machine, 25 ms at a load of 6 (docs/benchmarks.md, "Ingest at scale")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return on_connect


def make_engine(url: str, foreign_keys: bool = True) -> Engine:
    """The engine for URL; SQLite gets foreign keys, WAL (synced at checkpoints:
    synchronous=NORMAL) and a busy timeout on connect
    (CLAIMTRACK_BUSY_TIMEOUT seconds, default 10), PostgreSQL a lock timeout of as long.

    Migrations run with foreign keys off: SQLite rebuilds a table to alter it, and
    dropping the old copy with foreign keys on would cascade deletes.
    """
    return _engine(url, foreign_keys, busy_timeout())


_MADE: list[Engine] = []  # every engine _engine made, for dispose_engines


def dispose_engines() -> None:
    """Close the pooled connections of every engine made here, as a process ends
    (cli/startup.py): SQLite checkpoints its write-ahead log, and removes it, when the last
    connection to a file closes. An engine used again afterwards connects anew."""
    for engine in _MADE:
        engine.dispose()


@lru_cache(maxsize=16)
def _engine(url: str, foreign_keys: bool, timeout: float) -> Engine:
    connect_args = {}
    if url.startswith("postgresql+psycopg"):  # a row lock waits as long as SQLite's busy timeout
        connect_args["options"] = f"-c lock_timeout={round(timeout * 1000)}"
    engine = create_engine(
        url, pool_pre_ping=not url.startswith("sqlite"), connect_args=connect_args
    )
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(foreign_keys, timeout))
    else:
        from claimtrack.store.tables import postgresql_indexes

        postgresql_indexes()
    _MADE.append(engine)
    return engine


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.attributes["url"] = url
    return cfg


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*(?:\"([^\"]*)\"|None)", re.M)


@lru_cache(maxsize=1)
def _script_heads() -> tuple[str, ...]:
    """The revisions no migration revises, read from the migration files' ``revision`` and
    ``down_revision`` lines (a start-up without importing alembic, issue 16)."""
    revisions, revised = set(), set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        for key, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (revisions if key == "revision" else revised).add(value)
    return tuple(sorted(revisions - revised - {""}))


def head_revision(url: str) -> str | None:
    """The newest schema revision this claimtrack knows (as Alembic's current head)."""
    heads = _script_heads()
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory  # several heads (or none): Alembic's own error

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision (Alembic's version table), None before the schema is
    made; read with plain SQL, so that a query command does not import alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        found = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    if len(found) > 1:
        from alembic.runtime.migration import MigrationContext  # several: Alembic's own error

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return found[0] if found else None


SCHEMA_LOCK = 0x636C61696D  # PostgreSQL advisory lock key for schema changes ("claim")


def lock_schema(conn: Connection) -> None:
    """Take the database's schema lock for the rest of CONN's transaction, waiting for a
    process that holds it: one process at a time creates or migrates the schema."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock; DDL then joins the transaction
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


def _migrate(url: str, step: Callable[[Config, Connection], None]) -> None:
    """Run STEP in one transaction holding the schema lock: all of it or nothing, and never
    two at once. STEP reads the schema version itself, after the lock is taken."""
    engine = make_engine(url, foreign_keys=False)
    cfg = alembic_config(url)
    try:
        with engine.begin() as conn:
            lock_schema(conn)
            cfg.attributes["connection"] = conn
            step(cfg, conn)
            if engine.dialect.name == "sqlite":
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise UserError(
                        f"migration left {len(broken)} broken references; nothing changed"
                    )
    except DBAPIError as exc:
        raise database_error(url, exc) from exc
    finally:
        engine.dispose()


def upgrade(url: str, revision: str = "head") -> None:
    from alembic import command

    _migrate(url, lambda cfg, _conn: command.upgrade(cfg, revision))


def downgrade(url: str, revision: str) -> None:
    from alembic import command

    _migrate(url, lambda cfg, _conn: command.downgrade(cfg, revision))


def create_schema(url: str) -> None:
    """Give a new, empty database the current schema. Another process may be doing the
    same: the lock makes it wait, and then it finds the schema there and leaves it."""

    from alembic import command
    from alembic.runtime.migration import MigrationContext

    def step(cfg: Config, conn: Connection) -> None:
        if MigrationContext.configure(conn).get_current_revision() is not None:
            return  # created meanwhile by another process
        if inspect(conn).get_table_names():
            raise _foreign(url)
        command.upgrade(cfg, "head")

    _migrate(url, step)


def _describe(url: str | URL) -> str:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def _foreign(url: str) -> UserError:
    return UserError(
        f"{_describe(url)} has tables but no claimtrack schema version: "
        "point --db at a claimtrack database or a new file"
    )


def cannot_open(url: str, exc: DBAPIError) -> UserError:
    """The one-line error for a database that can't be reached or read."""
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return UserError(f"cannot open database {_describe(url)}: {reason}")


def must_exist(url: str) -> None:
    """A SQLite file to read must be there already: connecting would create an empty one."""
    parsed = make_url(url)
    path = parsed.database
    if parsed.get_backend_name() == "sqlite" and path and path != ":memory:":
        if not Path(path).is_file():
            raise UserError(
                f"no claimtrack database at {path}: check --db (or CLAIMTRACK_DB), "
                "or run `claimtrack ingest` to make one"
            )


def open_engine(db: str | None, *, create: bool = True) -> Engine:
    """Engine for ``--db``, with the schema checked (and created on first use)."""
    url = resolve_url(db)
    if not create:
        must_exist(url)
    engine = make_engine(url)
    delay = FIRST_DELAY
    for attempt in range(1, ATTEMPTS + 1):
        try:
            check_schema(engine, url, create)
            return engine
        except DBAPIError as exc:
            # processes opening a new SQLite file at once: one turning on WAL (or creating
            # the schema) may answer another "database is locked" at once, busy timeout or
            # not; the check is idempotent, so it is tried again (ATTEMPTS tries in all)
            if attempt == ATTEMPTS or not database_error(url, exc).transient:
                raise cannot_open(url, exc) from exc
        except DatabaseError as exc:  # from create_schema's transaction
            if attempt == ATTEMPTS or not exc.transient:
                raise
        engine.dispose()  # new connections, their pragmas run again
        time.sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")


def check_schema(engine: Engine, url: str, create: bool) -> None:
    """ENGINE's database is at this claimtrack's schema: created first when it has none
    (and CREATE), else a UserError that says what to do."""
    current = current_revision(engine)
    if current is None:
        if not create:
            if inspect(engine).get_table_names():
                raise _foreign(url)
            raise UserError(f"{_describe(url)} has no claimtrack data yet: run `claimtrack ingest`")
        create_schema(url)
        current = current_revision(engine)
    if current != head_revision(url):
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(alembic_config(url))
        if script.get_revision(current) is None:
            raise UserError(
                f"{_describe(url)} is at schema {current}, newer than this claimtrack: upgrade claimtrack"
            )
        raise UserError(
            f"{_describe(url)} is at schema {current}, behind this claimtrack: "
            "run `claimtrack db upgrade`"
        )


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: committed on success, rolled back on any error. A database
    error becomes a DatabaseError: one line, saying whether trying again may work."""
    from sqlalchemy.orm import sessionmaker

    factory = sessionmaker(engine, expire_on_commit=False)
    try:
        with factory() as session, session.begin():
            yield session
    except DBAPIError as exc:
        raise database_error(engine.url, exc) from exc


@contextmanager
def connection_scope(engine: Engine) -> Iterator[Connection]:
    """session_scope over a Core connection: what an asking command reads through, so that
    it loads no ORM (issue 16: start-up). Committed on success (a first query may seed the
    taxonomy), rolled back on any error, a database error made a DatabaseError."""
    try:
        with engine.connect() as connection, connection.begin():
            yield connection
    except DBAPIError as exc:
        raise database_error(engine.url, exc) from exc


def run_transaction(engine: Engine, work: Callable[[Session], T], attempts: int = ATTEMPTS) -> T:
    """``work(session)`` in one transaction (session_scope), tried again after a transient
    error: a lock held past the busy timeout, a dropped connection, a serialisation
    failure, or a unique key a concurrent transaction inserted first (the next try finds
    its row). Waits FIRST_DELAY seconds before the second try, doubling each time; after
    ATTEMPTS tries, or on any other error, raises the DatabaseError."""
    delay = FIRST_DELAY
    for attempt in range(1, attempts + 1):
        try:
            with session_scope(engine) as session:
                return work(session)
        except DatabaseError as exc:
            if not exc.transient or attempt == attempts:
                exc.tries = attempt
                raise
        time.sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")


# ---- database errors --------------------------------------------------------------------

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
PG_READ_ONLY = "25006"  # read_only_sql_transaction
# serialization_failure, deadlock_detected, lock_not_available, admin_shutdown,
# crash_shutdown, cannot_connect_now; and class 08, connection exceptions
PG_TRANSIENT = ("40001", "40P01", "55P03", "57P01", "57P02", "57P03")


class DatabaseError(UserError):
    """A database error, as one line. ``transient``: the same work may succeed if tried
    again. ``about_data``: the data given was refused (a constraint, a value too long),
    not the database as a whole. ``tries``: how many times the work was tried."""

    def __init__(self, where: str, reason: str, *, kind: str, transient: bool, about_data: bool):
        super().__init__(reason)
        self.where, self.reason, self.kind = where, reason, kind
        self.transient, self.about_data = transient, about_data
        self.tries = 1

    def __str__(self) -> str:
        tries = f", {self.tries} tries" if self.tries > 1 else ""
        if self.kind == "locked":
            times = f", {self.tries} times" if self.tries > 1 else ""
            return (
                f"database {self.where} is locked by another writer ({self.reason}{times}): "
                f"try again when it is done, or wait longer with {BUSY_TIMEOUT_ENV}=SECONDS"
            )
        if self.kind == "read-only":
            return (
                f"database {self.where} is read-only ({self.reason}): "
                "point --db at a writable copy, or make it writable"
            )
        if self.kind == "disconnected":
            return f"lost the connection to database {self.where} ({self.reason}{tries})"
        return f"database {self.where}: {self.reason}{tries}"


def error_reason(exc: DBAPIError) -> str:
    """The driver's message, first line only."""
    text_ = str(exc.orig if exc.orig is not None else exc).strip()
    return text_.splitlines()[0] if text_ else type(exc).__name__


def database_error(url: str | URL, exc: DBAPIError) -> DatabaseError:
    """The DatabaseError for EXC, raised on the database at URL."""
    reason = error_reason(exc)
    code = getattr(exc.orig, "sqlite_errorcode", None)
    state = getattr(exc.orig, "sqlstate", None) or ""
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (SQLITE_BUSY, SQLITE_LOCKED) or state == "55P03":
        reason = f"waited {busy_timeout():g} s"
        kind, transient = "locked", True
    elif primary == SQLITE_READONLY or state == PG_READ_ONLY:
        kind, transient = "read-only", False
    elif exc.connection_invalidated or state.startswith("08") or state in PG_TRANSIENT[3:]:
        kind, transient = "disconnected", True
    else:
        kind, transient = "other", state in PG_TRANSIENT or isinstance(exc, IntegrityError)
    return DatabaseError(
        _describe(url),
        reason,
        kind=kind,
        transient=transient,
        about_data=isinstance(exc, IntegrityError | DataError),
    )
