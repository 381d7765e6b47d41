"""How a claimtrack process starts and ends (issue 16: a query's start-up).

Python's cyclic garbage collector costs an asking command about a quarter of its CPU
while it does nothing useful: while the modules load (SQLAlchemy, the models, Typer, Rich)
it runs a hundred times over objects that all live to the end, and at exit it walks every
object loaded once more, although the process is about to end anyway. So:

- ``hold()`` (at the start of ``main``): the collector runs only after HOLD container
  allocations, not every 700, so that loading the modules (about 120,000 of them for
  ``who-said``) sets it off at most once; bounded, so a command that never calls
  ``release()`` still collects its garbage.
- ``release()`` (when a command's work begins: its database is open, or a long command
  such as ``ingest`` starts): everything loaded so far is frozen (never walked again) and
  the collector runs as usual.
- ``finish()`` (at the end of ``main``): the command's own garbage is collected (a
  generator left holding a cursor closes it), the database connections are closed (SQLite
  checkpoints its write-ahead log when the last one closes), then everything is frozen, so
  the interpreter's shutdown frees objects by their reference counts without walking them.

- ``asking()`` (first thing in an asking command: who-said, timeline, show, export, the
  lists, db current): the standard-library modules that SQLAlchemy imports and a query
  never uses (UNUSED_BY_QUERIES: asyncio, importlib.metadata, ...) are deferred
  (cli/deferred.py): they load if something uses them, else never. In the program only,
  and only before SQLAlchemy loads.

Only the program calls ``hold`` and ``finish`` (the console script and ``python -m
claimtrack`` run ``claimtrack/__main__.py``, which holds the collector before Typer loads,
then cli/app.py's ``main``): a command run in-process (the tests' CliRunner) leaves the
collector alone, and ``asking`` defers nothing there.
"""

from __future__ import annotations

import gc
import sys

HOLD = 1_000_000  # container allocations between collections while modules load
_DEFAULT = gc.get_threshold()
# what SQLAlchemy imports on every start (util/compat.py, util/langhelpers.py) for its async
# drivers, plugin entry points and a few helpers, and a query on SQLite or PostgreSQL (psycopg,
# which imports asyncio itself, loads it as it needs it) does not use
UNUSED_BY_QUERIES = ("asyncio", "importlib.metadata", "hashlib", "base64")
_program = False  # hold() was called: this process is the program, not a test's runner


def hold() -> None:
    """Collect rarely while the program loads its modules."""
    global _program
    _program = True
    gc.set_threshold(HOLD, *_DEFAULT[1:])


def asking() -> None:
    """An asking command begins and SQLAlchemy is about to load: defer what it imports and
    a query never uses. Nothing in-process (the tests' CliRunner) or once SQLAlchemy is
    loaded."""
    if not _program or "sqlalchemy" in sys.modules:
        return
    from claimtrack.cli import deferred

    for name in UNUSED_BY_QUERIES:
        deferred.defer(name)


def release() -> None:
    """The start-up is over: freeze what is loaded, collect as usual from here on."""
    if gc.get_threshold()[0] == HOLD:
        gc.freeze()
        gc.set_threshold(*_DEFAULT)


def finish() -> None:
    """Collect the command's own garbage (what was loaded before ``release`` is frozen and
    not walked), so that a generator still holding a cursor closes it; close the database
    connections; then let the interpreter exit without walking every object loaded."""
    if gc.get_threshold()[0] != HOLD:
        gc.collect()
    engine = sys.modules.get("claimtrack.store.engine")
    if engine is not None:
        engine.dispose_engines()
    gc.freeze()
