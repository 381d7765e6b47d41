"""Several processes on one database at once: creating it, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from claimtrack.store import engine as dbmod
from claimtrack.store.models import Base
from tests.conftest import ROOT
from tests.store.test_db import _include

PROCESSES = 4


# A child process: import, say it is ready, wait for "go" on stdin, run, print the outcome.
CHILD = """
import sys
from claimtrack.store import engine as dbmod
{setup}
print("ready", flush=True)
sys.stdin.readline()
try:
    {work}
    print("ok")
except BaseException as exc:
    print(f"{{type(exc).__name__}}: {{exc}}")
"""


def run_at_once(work: str, *args: str, setup: str = "", env: dict | None = None) -> list[str]:
    """Run the statement WORK (with sys.argv[1:] = ARGS) in PROCESSES processes at once:
    each imports first, then all start together. Returns each one's outcome line."""
    code = CHILD.format(setup=setup, work=work)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for _ in range(PROCESSES)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    return [p.communicate(timeout=120)[0].strip() for p in procs]


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(3))
def test_processes_creating_a_new_database_at_once_all_succeed(db_url, trial):
    outcomes = run_at_once("dbmod.open_engine(sys.argv[1])", db_url)
    assert outcomes == ["ok"] * PROCESSES
    url = dbmod.resolve_url(db_url)
    engine = dbmod.make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).all() == [
            (dbmod.head_revision(url),)
        ]
        ctx = MigrationContext.configure(
            conn, opts={"include_object": _include, "compare_type": True}
        )
        assert compare_metadata(ctx, Base.metadata) == []
