"""The SQLite CSV and TSV export on two cores: consecutive key ranges, every other one made
by a child process.

On SQLite the driver steps the export's SELECT and ``text_lines`` joins its cells in the
command's own process, one core (docs/benchmarks.md, "Export at the client's speed"). Here
the export's order is cut into consecutive ranges of CHUNK rows by their sort key (keyset
bounds: the last key of a range, found by a query that reads the order's index alone and
skips CHUNK rows, ``key_ranges``); the parent makes the even ranges and writes them to the
output itself, a forked child makes the odd ones on a connection of its own (SQLite readers
run side by side) and sends each through a pipe as UTF-8 lines, which the parent writes as
they are after the range before it. The child holds one range's text at most while the parent makes the next
of its own, so memory stays flat: no temporary file, nothing growing with the export.

The bytes are those of the one-process export (``text_lines`` for both): the same cells, in
the same order. Each range is its own read of the database, so a claim stored during an
export may be listed or not, never twice (the ranges' bounds are keys, not counts).

The child ends with the export: at its end, on an error, or when the output is closed
early (``| head``), the parent closes the pipes and kills it and waits for it; if the
parent itself dies, the child's next read or write of a pipe fails and it exits.
"""

from __future__ import annotations

import itertools
import os
import pickle
import signal
import struct
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING

from sqlalchemy import Select, literal, tuple_

from claimtrack.errors import UserError
from claimtrack.io.writers import text_lines
from claimtrack.query.claims import beyond, claims_query, order_of
from claimtrack.query.export import iter_cells, text_cell
from claimtrack.query.filters import ClaimFilter
from claimtrack.store.handle import engine_of

if TYPE_CHECKING:  # the asking commands pass a Core connection: no ORM (issue 16)
    from claimtrack.store.handle import Db

PROCESSES_ENV = "CLAIMTRACK_EXPORT_PROCESSES"
CHUNK = 5_000  # rows a range of the parent's holds
CHILD_SHARE = 1.15  # the child's ranges against the parent's (about 2.3 MB of CSV held)
_FRAME = struct.Struct("<cIQ")  # kind (b"D" text, b"E" error, b"Z" range done), rows, bytes

Key = tuple  # the values of the order's columns at a row


@dataclass(frozen=True)
class Plan:
    """The export's SELECT of cells and of its order's key alone, without its --limit."""

    cells: Select
    keys: Select
    order: Sequence
    backwards: bool
    limit: int | None


@dataclass(frozen=True)
class Range:
    """The rows after LO (None: from the first) up to HI (None: to the last), LIMIT at most."""

    lo: Key | None
    hi: Key | None
    limit: int | None = None


def plan(session: Db, flt: ClaimFilter, columns: Sequence[str]) -> Plan | None:
    """FLT's export as a Plan; None when its order is not one key (then it is not split)."""
    base = claims_query(session, flt)
    found = order_of(base)
    if found is None:
        return None
    order, backwards = found
    cells = base.with_only_columns(*(text_cell(c) for c in columns))
    return Plan(cells, _keys(session, flt, base, found), order, backwards, flt.limit)


def _keys(session: Db, flt: ClaimFilter, base: Select, found: tuple) -> Select:
    """The SELECT of BASE's order key alone: the claims' ids query (sources joined only for
    a filter on them, actors not at all), rejected claims counted too, where it has the same
    order; else BASE's. Any key is a sound bound (each range reads its own rows between two
    keys, rejected or not as FLT says): this only makes finding one cheaper (the order's
    index read alone when nothing else filters: 0.8 s of CPU to none at a million claims),
    a range holding the fewer rows the more of them are rejected. With a --limit the ranges
    count the rows listed: the rejected are left out then, as in BASE."""
    order = found[0]
    counted = flt if flt.limit is not None else replace(flt, include_rejected=True)
    lean = claims_query(session, counted, ids_only=True)
    same = order_of(lean)
    if same is not None and same[1] == found[1] and len(same[0]) == len(order):
        if all(a.compare(b) for a, b in zip(same[0], order, strict=True)):
            return lean.with_only_columns(*order)
    return base.with_only_columns(*order)


def _upto(order: Sequence, key: Key, backwards: bool):  # noqa: ANN202
    """The rows at or before KEY in ORDER (the bound beyond leaves open)."""
    row = tuple_(*order)
    values = tuple_(*(literal(v, c.type) for c, v in zip(order, key, strict=True)))
    return row >= values if backwards else row <= values


def _within(p: Plan, stmt: Select, lo: Key | None, hi: Key | None = None) -> Select:
    if lo is not None:
        stmt = stmt.where(beyond(p.order, lo, p.backwards))
    if hi is not None:
        stmt = stmt.where(_upto(p.order, hi, p.backwards))
    return stmt


def range_query(p: Plan, r: Range) -> Select:
    """The cells of the rows in R, in order (read from the order's index from LO on)."""
    stmt = _within(p, p.cells, r.lo, r.hi)
    return stmt if r.limit is None else stmt.limit(r.limit)


def key_ranges(session: Db, p: Plan, size: int = CHUNK, odd: int | None = None) -> Iterator[Range]:
    """P's rows as consecutive Ranges of SIZE rows, every second one ODD rows (default
    SIZE; the last fewer, maybe none), made one at a time: each bound is the key that many
    rows after the one before it, read from the order's index (no cell made)."""
    lo, left = None, p.limit
    sizes = itertools.cycle((size, odd or size))
    while left is None or left > 0:
        take = next(sizes) if left is None else min(next(sizes), left)
        last = session.execute(_within(p, p.keys, lo).limit(1).offset(take - 1)).first()
        if last is None:
            yield Range(lo, None, left)
            return
        yield Range(lo, tuple(last))
        lo = tuple(last)
        left = None if left is None else left - take


def can_split(session: Db) -> bool:
    """Whether a child can read this database beside us: a SQLite file, fork, two cores."""
    url = engine_of(session).url
    if url.get_backend_name() != "sqlite" or not hasattr(os, "fork"):
        return False
    database = url.database or ""
    if database in ("", ":memory:") or "mode=memory" in str(url.query):
        return False
    return _cores() >= 2


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def processes(session: Db, setting: str | None) -> int:
    """How many processes make SESSION's export: SETTING (PROCESSES_ENV) "1", or "2" when a
    child can read the database (can_split); unset or "auto": 2 when it can and a core is
    idle (the load average below the cores less a half, as ``make -l`` judges), else 1. On
    a busy machine a second process gains no time (the scheduler shares the cores out per
    session) and its own work costs more CPU."""
    raw = (setting or "auto").strip().lower()
    if raw not in ("1", "2", "auto"):
        raise UserError(f"{PROCESSES_ENV}={setting!r}: give 1, 2 or auto")
    if raw == "1" or not can_split(session):
        return 1
    if raw == "2":
        return 2
    return 2 if os.getloadavg()[0] < _cores() - 0.5 else 1


def split_lines(
    session: Db, p: Plan, delimiter: str, size: int = CHUNK
) -> Iterator[tuple[int, bytes]]:
    """The lines of P's rows in order, as cell_lines makes them, (rows, text) a batch at a
    time: the even ranges (SIZE rows) made here, the odd ones by a forked child (one range:
    here). The child's ranges are CHILD_SHARE times longer: this process also finds the
    bounds and writes the child's lines."""
    lines = text_lines(delimiter, len(p.cells.selected_columns))
    ranges = key_ranges(session, p, size, round(size * CHILD_SHARE))
    mine, theirs = next(ranges), next(ranges, None)
    if theirs is None:
        yield from _made(session, p, mine, lines)
        return
    url = engine_of(session).url.render_as_string(hide_password=False)
    with _child(url, p, delimiter) as child:
        child.ask(theirs)
        while mine is not None:
            # the child's next range is asked for before this process makes its own, so
            # the child goes on to it as soon as it has made the one before
            after = next(ranges, None) if theirs is not None else None
            then = next(ranges, None) if after is not None else None
            if then is not None:
                child.ask(then)
            yield from _made(session, p, mine, lines)
            if theirs is not None:
                yield from child.lines()
            mine, theirs = after, then
        child.ask(None)


def _made(session: Db, p: Plan, r: Range, lines) -> Iterator[tuple[int, bytes]]:  # noqa: ANN001
    for batch in iter_cells(session, range_query(p, r)):
        yield len(batch), lines(batch)


@contextmanager
def _child(url: str, p: Plan, delimiter: str) -> Iterator[_Child]:
    """A forked child making the ranges asked of it (_serve), killed and waited for when
    the export ends, however it ends."""
    ask_r, ask_w = os.pipe()
    answer_r, answer_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.close(ask_w)
            os.close(answer_r)
            _serve(url, p, delimiter, os.fdopen(ask_r, "rb"), os.fdopen(answer_w, "wb"))
            code = 0
        finally:
            os._exit(code)  # no exit handlers, no flush of the parent's buffers
    os.close(ask_r)
    os.close(answer_w)
    ask, answers = os.fdopen(ask_w, "wb"), os.fdopen(answer_r, "rb")
    finished = False
    try:
        yield _Child(pid, ask, answers)
        finished = True
    finally:
        for end in (ask, answers):
            try:
                end.close()
            except OSError:  # the child has gone: nothing left to flush to it
                pass
        if not finished:
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _serve(url: str, p: Plan, delimiter: str, asks: IO[bytes], answers: IO[bytes]) -> None:
    """The child's loop: each Range asked, its lines made whole, then sent (so that it
    works on while the parent makes its own); ends at None, or when the parent has gone."""
    from sqlalchemy.exc import DBAPIError

    from claimtrack.store.engine import error_reason, make_engine
    from claimtrack.store.time_limit import time_limited

    engine = make_engine(url)  # a connection of its own: never the parent's
    lines = text_lines(delimiter, len(p.cells.selected_columns))
    try:
        with engine.connect() as session, time_limited(session):
            while (r := pickle.load(asks)) is not None:
                made = [(len(b), lines(b)) for b in iter_cells(session, range_query(p, r))]
                for rows, data in made:
                    answers.write(_FRAME.pack(b"D", rows, len(data)))
                    answers.write(data)
                answers.write(_FRAME.pack(b"Z", 0, 0))
                answers.flush()
    except EOFError:  # the parent has gone
        return
    except UserError as exc:
        _failed(answers, True, str(exc))
    except DBAPIError as exc:
        _failed(answers, True, f"database error: {error_reason(exc)}")
    except Exception as exc:  # noqa: BLE001 (told to the parent, which raises it)
        _failed(answers, False, f"the export's child process failed: {type(exc).__name__}: {exc}")


def _failed(answers: IO[bytes], user: bool, message: str) -> None:
    body = pickle.dumps((user, message))
    answers.write(_FRAME.pack(b"E", 0, len(body)) + body)
    answers.flush()


class _Child:
    """The parent's ends of a child's pipes: ranges asked, their lines read back."""

    def __init__(self, pid: int, ask: IO[bytes], answers: IO[bytes]) -> None:
        self.pid, self._ask, self._answers = pid, ask, answers

    def ask(self, r: Range | None) -> None:
        try:
            pickle.dump(r, self._ask)
            self._ask.flush()
        except BrokenPipeError:  # it has failed: its answers say why (lines)
            pass

    def lines(self) -> Iterator[tuple[int, bytes]]:
        """The lines of the oldest range asked, as they come (UTF-8, written as they are)."""
        while True:
            head = self._answers.read(_FRAME.size)
            if len(head) < _FRAME.size:
                raise RuntimeError("the export's child process ended early")
            kind, rows, size = _FRAME.unpack(head)
            body = self._answers.read(size)
            if kind == b"Z":
                return
            if kind == b"E":
                user, message = pickle.loads(body)
                raise (UserError if user else RuntimeError)(message)
            yield rows, body
