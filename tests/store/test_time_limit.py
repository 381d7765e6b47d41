"""CLAIMTRACK_STATEMENT_TIMEOUT: a statement of a query command that runs over the limit
is stopped, and the command says so on one line (SQLite and PostgreSQL). No test here
measures time: each runs a statement that cannot finish within the limit it sets."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, text

from claimtrack.cli.common import query_session
from claimtrack.errors import UserError
from claimtrack.store.engine import resolve_url
from claimtrack.store.time_limit import DEFAULT_SECONDS, ENV_VAR, configured_seconds
from tests.handmade import C, store_articles

# Statements that run for a minute unless stopped (about 60 s of counting, of sleeping):
# with a limit of 0.05 s they cannot finish; without one the test fails, slowly.
ENDLESS = {
    "sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
    "WHERE x < 300000000) SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(60)",
}


def dialect(db_url: str) -> str:
    return "postgresql" if "://" in db_url else "sqlite"


def one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_the_limit_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert configured_seconds() == DEFAULT_SECONDS
    for raw, seconds in (("2.5", 2.5), (" 90 ", 90.0), ("0", None), ("0.0", None)):
        monkeypatch.setenv(ENV_VAR, raw)
        assert configured_seconds() == seconds
    for raw in ("soon", "-1", "nan", "inf"):
        monkeypatch.setenv(ENV_VAR, raw)
        with pytest.raises(UserError, match="is not a time limit"):
            configured_seconds()


def test_a_statement_over_the_limit_is_stopped(db_url, monkeypatch):
    store_articles(db_url)
    monkeypatch.setenv(ENV_VAR, "0.05")
    with pytest.raises(UserError, match=rf"longer than the 0.05 s .*\({ENV_VAR}\)"):
        with query_session(db_url) as s:
            s.execute(text(ENDLESS[dialect(db_url)])).all()
    # the pooled connection comes back clean, and ordinary questions still work
    with query_session(db_url) as s:
        assert s.execute(text("SELECT count(*) FROM claims")).scalar() > 0


def test_no_limit_with_zero(db_url, monkeypatch):
    """0 turns the limit off: a statement that takes work (not time) finishes."""
    store_articles(db_url)
    monkeypatch.setenv(ENV_VAR, "0")
    count = {
        "sqlite": "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
        "WHERE x < 200000) SELECT count(*) FROM n",
        "postgresql": "SELECT count(*) FROM generate_series(1, 200000)",
    }
    with query_session(db_url) as s:
        assert s.execute(text(count[dialect(db_url)])).scalar() == 200000


@pytest.fixture
def ledger(db_url) -> str:
    """400 claims in one article: who-said over them runs well past SQLite's first look
    at the clock (every 10,000 steps of its virtual machine)."""
    lines = [f"Clerk {i} said the ledger showed entry {i}." for i in range(400)]
    text_ = "\n".join(lines) + "\n"
    claims = [
        C(f"Clerk {i}", "Clerk", "said", f"the ledger showed entry {i}", near=f"Clerk {i} said")
        for i in range(400)
    ]
    store_articles(db_url, [("ledger.txt", text_, claims, "Ledger", None, "2025-04-01")])
    return db_url


def test_a_query_command_over_the_limit_prints_one_line(cli, ledger, monkeypatch):
    if dialect(ledger) == "sqlite":
        # a limit of one nanosecond of CPU: the first look at the clock stops the query
        monkeypatch.setenv(ENV_VAR, "0.000000001")
        result = cli("who-said", "--format", "csv", db=ledger, ok=False)
    else:
        # another session holds the claims table, so the query waits past its 0.2 s
        monkeypatch.setenv(ENV_VAR, "0.2")
        result = while_claims_are_locked(ledger, lambda: cli("who-said", db=ledger, ok=False))
    assert result.exit_code == 1, result.output
    assert f"a statement may take ({ENV_VAR})" in one_error_line(result)
    assert result.stdout == ""  # not even the CSV header
    monkeypatch.setenv(ENV_VAR, "60")
    assert cli("who-said", "--format", "csv", db=ledger).stdout.count("\n") == 401


def while_claims_are_locked(db_url: str, run):  # type: ignore[no-untyped-def]
    """RUN while another connection holds an exclusive lock on claims (released after at
    most 60 s, so that without a time limit the test fails instead of hanging)."""
    locked, done = threading.Event(), threading.Event()
    engine = create_engine(resolve_url(db_url))

    def hold() -> None:
        with engine.begin() as conn:
            conn.execute(text("LOCK TABLE claims IN ACCESS EXCLUSIVE MODE"))
            locked.set()
            done.wait(60)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert locked.wait(30)
        return run()
    finally:
        done.set()
        holder.join()
        engine.dispose()


def test_a_bad_limit_is_one_line(cli, db_url, monkeypatch):
    cli("db", "upgrade", db=db_url)  # who-said reads a database that exists
    monkeypatch.setenv(ENV_VAR, "soon")
    result = cli("who-said", db=db_url, ok=False)
    assert result.exit_code == 1
    assert f"{ENV_VAR}='soon' is not a time limit" in one_error_line(result)


def test_an_export_over_the_limit_prints_one_line(cli, ledger, monkeypatch):
    """The export streams from the driver's cursor (SQLite) or PostgreSQL's COPY, one
    statement for the whole stream, whose waits the limit holds: over it, one line and no
    CSV at all."""
    if dialect(ledger) == "sqlite":
        monkeypatch.setenv(ENV_VAR, "0.000000001")
        result = cli("export", db=ledger, ok=False)
    else:
        monkeypatch.setenv(ENV_VAR, "0.2")
        result = while_claims_are_locked(ledger, lambda: cli("export", db=ledger, ok=False))
    assert result.exit_code == 1, result.output
    assert f"a statement may take ({ENV_VAR})" in one_error_line(result)
    assert result.stdout == ""  # not even the CSV header
    monkeypatch.setenv(ENV_VAR, "60")
    assert cli("export", db=ledger).stdout.count("\n") == 401
