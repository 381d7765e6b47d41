"""Database errors after the database is open: a lock held too long, a read-only database,
a PostgreSQL connection dropped mid-ingest. One line each, a retry where the error is
transient, and nothing lost."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim, Source
from tests.conftest import ROOT

BUSY = "CLAIMTRACK_BUSY_TIMEOUT"
ARTICLES = {
    "budget.txt": "Governor Maria Lopez said on Tuesday that the state budget would be "
    "balanced by June.\n",
    "bridge.txt": "The mayor of Eastport said the harbour bridge would reopen in May after "
    "repairs.\n",
    "school.txt": "Superintendent Tomas Berg said the new school would open in September.\n",
}


def write_articles(folder: Path, names=tuple(ARTICLES)) -> list[str]:  # type: ignore[no-untyped-def]
    folder.mkdir(exist_ok=True)
    paths = []
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def error_lines(stderr: str) -> list[str]:
    assert "Traceback" not in stderr, stderr
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


def counts(db: str) -> tuple[int, int]:
    with dbmod.session_scope(dbmod.open_engine(db)) as session:
        return session.scalar(select(func.count(Source.id))), session.scalar(
            select(func.count(Claim.id))
        )


def first_claim_id(cli, db: str) -> int:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("who-said", "--format", "json", db=db).stdout)
    return rows[0]["claim_id"]


# ---- a lock held longer than the busy timeout (SQLite) ------------------------------------


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_write_lock_held_past_the_busy_timeout_is_one_line(cli, db_url, tmp_path, monkeypatch):
    budget, bridge, _ = write_articles(tmp_path / "in")
    cli("ingest", budget, "--quiet", db=db_url)
    claim_id = first_claim_id(cli, db_url)
    monkeypatch.setenv(BUSY, "0.1")
    holder = sqlite3.connect(db_url)
    holder.execute("BEGIN IMMEDIATE")  # another writer, holding the write lock
    try:
        for command in (
            ["review", str(claim_id), "--status", "verified"],
            ["ingest", bridge, "--quiet"],
            ["db", "upgrade"],
        ):
            result = cli(*command, db=db_url, ok=False)
            assert result.exit_code == 1, command
            (line,) = error_lines(result.stderr)
            assert "is locked" in line and BUSY in line, line
        assert cli("who-said", db=db_url).exit_code == 0  # reading does not need the lock
    finally:
        holder.rollback()
        holder.close()
    assert "1 added" in cli("ingest", bridge, "--quiet", db=db_url).stderr
    cli("review", str(claim_id), "--status", "verified", db=db_url)
    assert counts(db_url) == (2, 2)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_row_lock_held_past_the_busy_timeout_is_one_line_on_postgresql(
    cli, db_url, tmp_path, monkeypatch
):
    budget, _, _ = write_articles(tmp_path / "in")
    cli("ingest", budget, "--quiet", db=db_url)
    claim_id = first_claim_id(cli, db_url)
    monkeypatch.setenv(BUSY, "0.2")  # PostgreSQL's lock_timeout follows the busy timeout
    plain = make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain) as holder:  # another writer, holding the claim's row
        holder.execute("SELECT id FROM claims WHERE id = %s FOR UPDATE", (claim_id,))
        started = time.monotonic()
        result = cli("review", str(claim_id), "--status", "verified", db=db_url, ok=False)
        assert time.monotonic() - started < 60  # waited, gave up, never hung
        assert result.exit_code == 1
        (line,) = error_lines(result.stderr)
        assert "is locked" in line and "waited 0.2 s" in line and BUSY in line, line
        holder.rollback()
    cli("review", str(claim_id), "--status", "verified", db=db_url)
    rows = json.loads(cli("who-said", "--format", "json", db=db_url).stdout)
    assert [r["status"] for r in rows] == ["verified"]


def test_the_busy_timeout_must_be_a_number_of_seconds(cli, tmp_path, monkeypatch):
    cli("db", "upgrade", db=str(tmp_path / "t.db"))  # who-said reads a database that exists
    monkeypatch.setenv(BUSY, "soon")
    result = cli("who-said", db=str(tmp_path / "t.db"), ok=False)
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert BUSY in line and "seconds" in line


# ---- a read-only database -----------------------------------------------------------------


@contextmanager
def read_only(db: str):  # type: ignore[no-untyped-def]
    """Make DB read-only for real. SQLite: the file is made immutable (chattr +i; as root,
    chmod alone would not stop writes) or, for other users, mode 0444; SQLite then opens
    it read-only. PostgreSQL: the database's transactions default to read-only."""
    if "://" not in db:
        path = Path(db)
        if os.geteuid() == 0:
            if shutil.which("chattr") is None:
                pytest.skip("running as root without chattr: cannot make a file read-only")
            done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
            if done.returncode:
                pytest.skip(f"chattr +i failed here: {done.stderr.decode().strip()}")
            undo = ["chattr", "-i", str(path)]
        else:
            path.chmod(0o444)
            undo = None
        dbmod.make_engine(dbmod.resolve_url(db)).dispose()  # no connection opened before
        try:
            yield
        finally:
            if undo:
                subprocess.run(undo, check=True)
            else:
                path.chmod(0o644)
            dbmod.make_engine(dbmod.resolve_url(db)).dispose()  # reopened read-write
        return
    name = make_url(db).database
    admin = psycopg.connect(_admin_dsn(db), autocommit=True)
    try:
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
        dbmod.make_engine(dbmod.resolve_url(db)).dispose()  # new sessions get the setting
        yield
    finally:
        admin.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
        admin.close()
        dbmod.make_engine(dbmod.resolve_url(db)).dispose()


def _admin_dsn(db: str) -> str:
    url = make_url(db).set(drivername="postgresql", database="postgres")
    return url.render_as_string(hide_password=False)


def test_a_read_only_database_is_one_line_and_can_still_be_read(cli, db_url, tmp_path):
    budget, bridge, _ = write_articles(tmp_path / "in")
    cli("ingest", budget, "--quiet", db=db_url)
    claim_id = first_claim_id(cli, db_url)
    with read_only(db_url):
        assert "Lopez" in cli("who-said", "--format", "json", db=db_url).stdout
        for command in (
            ["review", str(claim_id), "--status", "verified"],
            ["ingest", bridge, "--quiet"],
        ):
            result = cli(*command, db=db_url, ok=False)
            assert result.exit_code == 1, command
            (line,) = error_lines(result.stderr)
            assert "is read-only" in line, line
        assert counts(db_url) == (1, 1)
    assert "1 added" in cli("ingest", bridge, "--quiet", db=db_url).stderr
    cli("review", str(claim_id), "--status", "verified", db=db_url)


# ---- a PostgreSQL connection dropped mid-ingest --------------------------------------------


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_connection_killed_mid_ingest_is_retried_and_the_run_goes_on(db_url, tmp_path):
    """The ingest's connection is killed (pg_terminate_backend, from another connection)
    while it stores the first document: that document is retried on a new connection, the
    others follow, and running the ingest again adds nothing."""
    folder = tmp_path / "in"
    write_articles(folder)
    dbmod.open_engine(db_url)  # the schema, as `claimtrack db upgrade` would make it
    dsn = make_url(db_url).set(drivername="postgresql").render_as_string(hide_password=False)
    cmd = [sys.executable, "-m", "claimtrack", "ingest", str(folder), "--quiet", "--db", db_url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with psycopg.connect(dsn) as holder, psycopg.connect(dsn, autocommit=True) as killer:
        holder.execute("LOCK TABLE sources IN SHARE MODE")  # the ingest's INSERT waits here
        proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
        try:
            pid = _wait_for_a_backend_waiting_on_a_lock(killer, proc)
            assert killer.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone() == (True,)
        finally:
            holder.rollback()  # the lock goes; the retry can store the document
        stderr = proc.communicate(timeout=300)[1]
    assert proc.returncode == 0, stderr
    assert error_lines(stderr) == []
    assert "3 added, 0 skipped, 0 failed" in stderr
    sources, claims = counts(db_url)
    assert sources == 3 and claims >= 3
    again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "0 added, 3 skipped" in again.stderr
    assert counts(db_url) == (sources, claims)
    engine = dbmod.make_engine(dbmod.resolve_url(db_url))
    with engine.connect() as conn:
        per_source = conn.execute(
            text("SELECT count(DISTINCT content_hash) = count(*) FROM sources")
        ).scalar()
    assert per_source


def _wait_for_a_backend_waiting_on_a_lock(conn: psycopg.Connection, proc) -> int:  # type: ignore[no-untyped-def]
    """The pid of the ingest's backend once it waits for the lock (polls the server)."""
    query = (
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        row = conn.execute(query).fetchone()
        if row:
            return row[0]
        if proc.poll() is not None:
            pytest.fail(f"the ingest ended before waiting on the lock: {proc.stderr.read()}")
        time.sleep(0.05)
    pytest.fail("the ingest never waited on the lock")


# ---- a document whose data the database refuses -------------------------------------------


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_document_the_database_refuses_fails_alone(cli, db_url, tmp_path):
    """PostgreSQL refuses an author longer than the column (SQLite stores it): that
    document fails with one line, the others are stored."""
    folder = tmp_path / "in"
    write_articles(folder, ["budget.txt", "school.txt"])
    (folder / "bridge.md").write_text(
        f"---\nauthor: {'Eastport Gazette staff ' * 12}\n---\n{ARTICLES['bridge.txt']}",
        encoding="utf-8",
    )
    result = cli("ingest", str(folder), "--quiet", db=db_url, ok=False)
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert "bridge.md: not stored" in line and "too long" in line
    assert "2 added, 0 skipped, 1 failed" in result.stderr
    assert counts(db_url)[0] == 2
