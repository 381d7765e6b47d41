"""The SQLite export made by two processes (query/export_split.py): the same bytes as the
one-process export, for every order a filter gives; consecutive key ranges with no row
twice; a child's error told by the parent; no child left when the reader of the output goes
away early, or when the parent is killed. SQLite only (PostgreSQL's server writes the CSV)."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import case, func, literal, select, text

from claimtrack.errors import UserError
from claimtrack.io.writers import cell_lines, write_lines
from claimtrack.query import export_split
from claimtrack.query.claims import cursor_of
from claimtrack.query.columns import EXPORT_COLUMNS
from claimtrack.query.export import cell_query, iter_cells
from claimtrack.query.export_split import Plan, key_ranges, plan, processes, split_lines
from claimtrack.query.filters import ClaimFilter
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim
from tests.benchmarks.scale import grow
from tests.handmade import store_articles
from tests.query.test_export_cells import EVERY, _awkward

CLAIMTRACK = Path(sys.executable).parent / "claimtrack"


def _one_process(s, flt: ClaimFilter, columns, fmt: str) -> str:
    out = io.StringIO()
    lines = cell_lines("," if fmt == "csv" else "\t")
    made = ((len(b), lines(b)) for b in iter_cells(s, cell_query(s, flt, columns)))
    write_lines(made, columns, fmt, out)
    return out.getvalue()


def _two_processes(s, flt: ClaimFilter, columns, fmt: str, size: int) -> str:
    out = io.StringIO()
    made = split_lines(s, plan(s, flt, columns), "," if fmt == "csv" else "\t", size)
    write_lines(made, columns, fmt, out)
    return out.getvalue()


def _same_bytes(db: str, flt: ClaimFilter, columns=EVERY, fmt: str = "csv") -> str:
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as s:
        one = _one_process(s, flt, columns, fmt)
        for size in (1, 2, 5):  # every range of one row, and ranges cut mid-source
            assert _two_processes(s, flt, columns, fmt, size) == one, (flt, size)
    engine.dispose()
    return one


def test_two_processes_write_the_bytes_of_one(tmp_path):
    db = str(tmp_path / "claims.db")
    _awkward(db)
    whole = _same_bytes(db, ClaimFilter(include_rejected=True))
    assert whole.count("\n") > 10 and '"one line\rand another"' in whole  # the awkward rows
    _same_bytes(db, ClaimFilter(include_rejected=True), EXPORT_COLUMNS, "tsv")
    _same_bytes(db, ClaimFilter(newest_first=True))  # the order backwards
    _same_bytes(db, ClaimFilter(limit=7))  # a limit inside a range
    _same_bytes(db, ClaimFilter(limit=6, newest_first=True))  # and on a range's end
    _same_bytes(db, ClaimFilter(actor="Trump", search="Trump"))


def test_every_topic_alone(tmp_path):
    """A topic's own order (its links, one topic) or the claims' (a topic with topics under
    it): the ranges follow the order the listing has."""
    db = str(tmp_path / "claims.db")
    _awkward(db)
    engine = dbmod.open_engine(db)
    with engine.connect() as conn:
        slugs = conn.execute(
            text(
                "SELECT slug FROM topics JOIN claim_topics ON topics.id = topic_id"
                " GROUP BY slug HAVING count(*) > 1"
            )
        ).scalars()
        slugs = list(slugs)
    engine.dispose()
    assert len(slugs) > 2
    for slug in slugs:
        assert _same_bytes(db, ClaimFilter(topic=slug, include_rejected=True)).count("\n") > 2


def test_after_a_cursor_and_nothing_found(tmp_path):
    db = str(tmp_path / "claims.db")
    _awkward(db)
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as s:
        third = next(key_ranges(s, plan(s, ClaimFilter(), EXPORT_COLUMNS), 5)).hi  # (one rejected)
    engine.dispose()
    later = _same_bytes(db, ClaimFilter(after=cursor_of(third)))
    assert 2 < later.count("\n") < _same_bytes(db, ClaimFilter()).count("\n") - 2
    assert _same_bytes(db, ClaimFilter(outlet="Nowhere at all")).count("\n") == 1  # the header


def test_the_ranges_follow_on(tmp_path):
    """Consecutive ranges: each starts after the key the one before ends at; all but the
    last hold SIZE rows; together every row once."""
    db = str(tmp_path / "claims.db")
    store_articles(db)
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as s:
        total = s.scalar(select(func.count()).select_from(Claim).where(Claim.rejected.is_(None)))
        p = plan(s, ClaimFilter(), ("claim_id",))
        ranges = list(key_ranges(s, p, 4))
        assert len(ranges) == -(-total // 4) + (total % 4 == 0)  # an empty last when exact
        assert ranges[0].lo is None and ranges[-1].hi is None
        for before, after in zip(ranges, ranges[1:], strict=False):
            assert after.lo == before.hi
        ids = [row[0] for r in ranges for row in s.execute(export_split.range_query(p, r))]
        sizes = [len(s.execute(export_split.range_query(p, r)).all()) for r in ranges[:-1]]
        assert sizes == [4] * len(sizes)
        assert len(ids) == len(set(ids)) == total
        limited = list(key_ranges(s, plan(s, ClaimFilter(limit=5), ("claim_id",)), 4))
        assert [r.hi is None for r in limited] == [False, False]  # 4, then the fifth
    engine.dispose()


def test_a_childs_error_is_the_parents(tmp_path):
    """A statement that fails only in a range the child makes (SQLite's integer overflow in
    abs) ends the export with its message, the child waited for."""
    db = str(tmp_path / "claims.db")
    store_articles(db)
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as s:
        first = s.scalar(select(func.min(Claim.id)))
        failing = case((Claim.id > first + 1, func.abs(literal(-(2**63)))), else_=0)
        order = (Claim.id,)
        stmt = select(Claim.id, failing).order_by(*order)
        p = Plan(stmt, select(Claim.id).order_by(*order), order, False, None)
        made = split_lines(s, p, ",", 2)
        assert next(made)[0] == 2  # the parent's own range
        with pytest.raises(UserError, match="integer overflow"):
            list(made)
    engine.dispose()


def test_how_many_processes(tmp_path, monkeypatch):
    db = str(tmp_path / "claims.db")
    store_articles(db)
    engine = dbmod.open_engine(db)
    two = len(os.sched_getaffinity(0)) >= 2
    with dbmod.session_scope(engine) as s:
        assert processes(s, "1") == 1
        assert processes(s, "2") == (2 if two else 1)
        monkeypatch.setattr(os, "getloadavg", lambda: (99.0, 99.0, 99.0))
        assert processes(s, None) == 1 and processes(s, "auto") == 1  # no core idle
        monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
        assert processes(s, " Auto ") == (2 if two else 1)
        with pytest.raises(UserError, match="give 1, 2 or auto"):
            processes(s, "many")
    engine.dispose()
    memory = dbmod.make_engine("sqlite://")  # no file another process could open
    with dbmod.session_scope(memory) as s:
        assert processes(s, "2") == 1


# ---- the command: no child left behind -------------------------------------------------


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> str:
    """The hand-made claims copied to 12,000 (three ranges of CHUNK rows, and some)."""
    db = str(tmp_path_factory.mktemp("grown") / "claims.db")
    store_articles(db)
    grow(dbmod.resolve_url(db), 2 * export_split.CHUNK + 2_000)
    return db


def _export(db: str, **popen) -> subprocess.Popen:
    env = {**os.environ, export_split.PROCESSES_ENV: "2"}
    cmd = [str(CLAIMTRACK), "export", "--db", db]
    return subprocess.Popen(cmd, env=env, start_new_session=True, **popen)


def _left(session_id: int, wait: float = 10.0) -> list[int]:
    """The processes of the export's session still running after up to WAIT seconds."""
    deadline = time.monotonic() + wait
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[3]) == session_id and fields[0] != "Z":
                found.append(int(entry.name))
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


needs_fork = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or len(os.sched_getaffinity(0)) < 2,
    reason="needs Linux's /proc and two cores",
)


@needs_fork
def test_the_whole_export_through_the_command(grown, tmp_path):
    out = tmp_path / "two.csv"
    with out.open("wb") as handle:
        assert _export(grown, stdout=handle).wait() == 0
    engine = dbmod.open_engine(grown)
    with dbmod.session_scope(engine) as s:
        one = _one_process(s, ClaimFilter(), EXPORT_COLUMNS, "csv")
    engine.dispose()
    assert out.read_text(encoding="utf-8") == one
    assert one.count("\n") > 2 * export_split.CHUNK


@needs_fork
def test_no_child_left_when_the_output_closes_early(grown):
    """As `claimtrack export | head -1`: the parent fails to write, kills its child."""
    proc = _export(grown, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout.readline().startswith(b"claim_id,")
    time.sleep(0.5)  # the child has started (the parent forks it before its first row)
    assert len(_left(proc.pid, wait=0)) == 2  # parent and child, both waiting
    proc.stdout.close()
    proc.wait(timeout=30)
    assert _left(proc.pid) == []


@needs_fork
def test_no_child_left_when_the_parent_is_killed(grown):
    proc = _export(grown, stdout=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"claim_id,")
    time.sleep(0.5)
    assert len(_left(proc.pid, wait=0)) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert _left(proc.pid) == []  # its next read or write of a pipe fails: it exits
    proc.stdout.close()


def test_the_bounds_come_from_the_order_alone(tmp_path):
    """Unfiltered, the bounds are read from the order's index alone (no join, rejected
    claims counted); the ranges then hold fewer rows where claims are rejected, and every
    listed row once."""
    db = str(tmp_path / "claims.db")
    store_articles(db)
    engine = dbmod.open_engine(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE claims SET rejected = 'duplicate' WHERE id % 3 = 0"))
    with dbmod.session_scope(engine) as s:
        p = plan(s, ClaimFilter(), ("claim_id",))
        keys = str(p.keys)
        assert "JOIN" not in keys and "rejected" not in keys
        listed = [
            row[0] for b in iter_cells(s, cell_query(s, ClaimFilter(), ("claim_id",))) for row in b
        ]
        ranges = list(key_ranges(s, p, 4))
        ids = [int(row[0]) for r in ranges for row in s.execute(export_split.range_query(p, r))]
        assert ids == listed and len(listed) > 8
        assert min(len(s.execute(export_split.range_query(p, r)).all()) for r in ranges[:-1]) < 4
        outlet = plan(s, ClaimFilter(outlet="Nowhere"), ("claim_id",))
        assert "JOIN sources" in str(outlet.keys)  # a filter on the sources keeps their join
    engine.dispose()
