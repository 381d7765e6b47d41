"""A query command starts without the extractor (issue 16): `claimtrack --help` imports
neither spaCy, dateparser nor alembic, and `who-said` neither spaCy nor dateparser."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.handmade import store_articles

HEAVY = ("spacy", "thinc", "dateparser", "pycrfsuite", "claimtrack.extract.pipeline")

PROBE = """
import json, sys
from claimtrack.cli.app import main
sys.argv = ["claimtrack", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""


def modules_after(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    line = done.stdout.rsplit("MODULES ", 1)[1]
    return set(json.loads(line))


def loaded(modules: set[str], roots: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == r or m.startswith(r + ".") for r in roots))


def test_help_imports_no_extractor_and_no_alembic():
    modules = modules_after("--help")
    assert "claimtrack.cli.app" in modules
    assert loaded(modules, (*HEAVY, "alembic")) == []


def test_a_query_command_imports_no_extractor(tmp_path):
    db = str(tmp_path / "claims.db")
    store_articles(db)
    modules = modules_after("who-said", "--topic", "ceasefire", "--db", db, "--format", "json")
    assert "claimtrack.query.claims" in modules
    assert loaded(modules, HEAVY) == []
