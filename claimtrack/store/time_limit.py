"""A time limit on each statement of a query, so that no question runs unbounded.

``CLAIMTRACK_STATEMENT_TIMEOUT`` sets it in seconds (default 60; ``0`` turns it off).
A statement over the limit is stopped and the command ends with one line naming the
limit, instead of running for minutes (or printing a traceback).

PostgreSQL: ``statement_timeout`` for the transaction (``SET LOCAL``); a streamed listing
is fetched in batches, each its own statement. An export's COPY is one statement for the
whole stream: the limit holds for each wait for its next rows (``waiting_limited``).
SQLite: a progress handler that interrupts a statement once the command's thread has
spent that much CPU time since the last statement on the connection began (CPU time, so
that waiting for a slow reader of the output, such as a pager, does not count). A statement
streamed in batches (export) restarts the clock after each batch (``lap``), as a FETCH does
on PostgreSQL.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from claimtrack.errors import UserError
from claimtrack.store.handle import connection_of, dialect_name

if TYPE_CHECKING:
    from claimtrack.store.handle import Db

ENV_VAR = "CLAIMTRACK_STATEMENT_TIMEOUT"
DEFAULT_SECONDS = 60.0
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement stopped by the timeout
CHECK_EVERY = 10_000  # SQLite virtual-machine steps between two looks at the clock
_LAP = "claimtrack.time_limit.lap"  # session.info key: restarts the SQLite clock
WATCH_STEPS = 4  # looks per limit at a PostgreSQL COPY's progress (waiting_limited)


def configured_seconds() -> float | None:
    """The limit from the environment: seconds, or None for no limit."""
    raw = os.environ.get(ENV_VAR, "").strip()
    if not raw:
        return DEFAULT_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not seconds >= 0 or seconds == float("inf"):  # also catches nan
        raise UserError(
            f"{ENV_VAR}={raw!r} is not a time limit: give seconds, e.g. 60 (0 for no limit)"
        )
    return seconds or None


def _over_the_limit(seconds: float) -> UserError:
    return UserError(
        f"the query ran longer than the {seconds:g} s a statement may take ({ENV_VAR}): "
        "narrow it with --actor, --topic, --source, --since or fewer --search words, "
        "or raise the limit"
    )


@contextmanager
def _sqlite_limit(session: Db, seconds: float) -> Iterator[list[bool]]:
    connection = connection_of(session)
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    started = [time.thread_time()]
    fired = [False]

    def restart(*_args: object) -> None:
        started[0] = time.thread_time()

    def check() -> int:
        if time.thread_time() - started[0] > seconds:
            fired[0] = True
            return 1  # SQLite stops the statement: "interrupted"
        return 0

    event.listen(connection, "before_cursor_execute", restart)
    raw.set_progress_handler(check, CHECK_EVERY)
    session.info[_LAP] = restart
    try:
        yield fired
    finally:
        session.info.pop(_LAP, None)
        raw.set_progress_handler(None, 0)
        event.remove(connection, "before_cursor_execute", restart)


def lap(session: Db) -> None:
    """A batch of a streamed statement is done: the time limit starts again for the next
    (on PostgreSQL each batch is a FETCH, a statement of its own, already)."""
    restart = session.info.get(_LAP)
    if restart is not None:
        restart()


@contextmanager
def time_limited(session: Db, seconds: float | None = None) -> Iterator[Db]:
    """SESSION with every statement held to SECONDS (default: from the environment).

    A statement over the limit raises a UserError; the transaction is then rolled back
    by whoever owns it.
    """
    limit = configured_seconds() if seconds is None else (seconds or None)
    if limit is None:
        yield session
        return
    dialect = dialect_name(session)
    if dialect == "postgresql":
        ms = max(1, round(limit * 1000))
        session.execute(text("SELECT set_config('statement_timeout', :ms, true)"), {"ms": str(ms)})
        try:
            yield session
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == QUERY_CANCELED:
                raise _over_the_limit(limit) from None
            raise
        return
    if dialect == "sqlite":
        with _sqlite_limit(session, limit) as fired:
            try:
                yield session
            except DBAPIError as exc:
                if fired[0] and "interrupted" in str(exc.orig):
                    raise _over_the_limit(limit) from None
                raise
        return
    yield session


@contextmanager
def waiting_limited(session: Db, progress: Callable[[], Hashable | None]) -> Iterator[None]:
    """For one PostgreSQL statement read whole as it streams (COPY ... TO STDOUT): the limit
    holds for each wait for the server, as it does for each FETCH of a cursor. The
    transaction's statement_timeout is lifted for the statement, and a watcher cancels it once
    PROGRESS() (what the reader has; None while it is not waiting, e.g. writing) has stayed
    the same for the limit; the read then raises QueryCanceled, which time_limited names."""
    ms = session.execute(
        text("SELECT setting::int FROM pg_settings WHERE name = 'statement_timeout'")
    ).scalar()
    if not ms:
        yield
        return
    raw = connection_of(session).connection.driver_connection
    session.execute(text("SELECT set_config('statement_timeout', '0', true)"))
    done = threading.Event()
    step = ms / 1000 / WATCH_STEPS

    def watch() -> None:
        last, still = progress(), 0
        while not done.wait(step):
            now = progress()
            still = still + 1 if now is not None and now == last else 0
            last = now
            if still >= WATCH_STEPS:
                raw.cancel_safe()
                return

    watcher = threading.Thread(target=watch, name="claimtrack-copy-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
    # the later statements of the transaction (not reached when this one failed)
    session.execute(text("SELECT set_config('statement_timeout', :ms, true)"), {"ms": str(ms)})
