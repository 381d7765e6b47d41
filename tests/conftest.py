"""Shared fixtures: a fresh database per test, on SQLite and on PostgreSQL.

PostgreSQL comes from CLAIMTRACK_TEST_PG (a server URL, e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/postgres); each test gets its own new
database on it, dropped afterwards. Without the variable, 127.0.0.1:5432 is tried;
when no server answers the PostgreSQL cases are skipped locally, but fail under CI.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from claimtrack.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT.parent / "shared" / "eval" / "seed_gold.json"
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _pg_server() -> str | None:
    url = os.environ.get("CLAIMTRACK_TEST_PG", DEFAULT_PG)
    try:
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return url
    except Exception as exc:  # noqa: BLE001
        if os.environ.get("CI") or os.environ.get("CLAIMTRACK_TEST_PG"):
            raise RuntimeError(f"PostgreSQL test server {url} is not reachable: {exc}") from exc
        return None


_PG = _pg_server()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    """A URL (or plain path, for SQLite) of a new, empty database."""
    if request.param == "sqlite":
        yield str(tmp_path / "claims.db")
        return
    if _PG is None:
        pytest.skip("no PostgreSQL server at 127.0.0.1:5432 (set CLAIMTRACK_TEST_PG)")
    name = f"ct_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(_PG, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(_PG).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        from claimtrack.store.engine import make_engine

        for engine_url in list(_engines_for(url)):
            make_engine(engine_url).dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _engines_for(url: str) -> list[str]:
    from claimtrack.store.engine import resolve_url

    return [resolve_url(url)]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def cli(runner):
    """Run claimtrack in-process: cli("who-said", "--topic", "x", db=url)."""

    def run(*args: str, db: str | None = None, input: str | bytes | None = None, ok: bool = True):
        argv = list(args) + (["--db", db] if db else [])
        result = runner.invoke(app, argv, input=input, catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, f"claimtrack {' '.join(argv)} failed:\n{result.output}"
        return result

    return run


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


CLAIM_LISTINGS = ("who-said", "timeline", "export")


def rows(cli, db, *args) -> list[dict]:
    """A command's JSON rows; claim listings with the appearance columns too."""
    extra = ["--appearances", "--corrections"] if args and args[0] in CLAIM_LISTINGS else []
    return json.loads(cli(*args, *extra, "--format", "json", db=db).stdout)
