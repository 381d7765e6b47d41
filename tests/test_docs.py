"""The docs: every command has an example, and every example shows what it really prints.

README.md and docs/*.md are checked by docs/examples.py (`make docs-check`); the tests
here run it over the docs, and over small pages written for the tests to show that it fails
when an example's output is edited by hand.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from claimtrack.cli.app import app
from tests.conftest import ROOT

RUNNER = ROOT / "docs" / "examples.py"
_spec = importlib.util.spec_from_file_location("doc_examples", RUNNER)
doc_examples = sys.modules["doc_examples"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(doc_examples)

SEED_INGEST = "$ claimtrack ingest seeds/ --quiet --db news.db"
SEED_COUNTS = "documents: 1 added, 0 skipped, 0 failed; claims: 11 added"


def command_paths() -> list[str]:
    group = typer.main.get_command(app)
    paths: list[str] = []

    def walk(cmd, prefix: str) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            path = f"{prefix} {name}".strip()
            if getattr(sub, "commands", None):
                walk(sub, path)
            else:
                paths.append(path)

    walk(group, "")
    return paths


def checked_commands() -> list[str]:
    """The commands of README.md and docs/ that the docs check runs."""
    found = []
    for page in doc_examples.PAGES:
        lines = page.read_text(encoding="utf-8").split("\n")
        found += [c.text for b in doc_examples.parse(lines) if b.runs for c in b.commands]
    return found


def check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(RUNNER), *args], capture_output=True, text=True, cwd=ROOT
    )


def page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(f"# A page\n\n{body}\n", encoding="utf-8")
    return path


def test_every_command_has_an_example_that_the_docs_check_runs():
    shown = checked_commands()
    assert len(command_paths()) >= 15
    missing = [
        path
        for path in command_paths()
        if not any(line.startswith(f"claimtrack {path}") for line in shown)
    ]
    assert not missing, f"README.md and docs/ show no checked example of: {missing}"


@pytest.mark.slow
def test_every_example_in_the_docs_prints_what_the_docs_show():
    result = check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every example's output is as shown" in result.stdout


def test_the_check_fails_when_an_output_is_edited_by_hand(tmp_path):
    edited = page(tmp_path, f"```console\n{SEED_INGEST}\n{SEED_COUNTS.replace('11', '12')}\n```")
    before = edited.read_text(encoding="utf-8")
    result = check(str(edited))
    assert result.returncode == 1
    assert "-documents: 1 added, 0 skipped, 0 failed; claims: 12 added" in result.stdout
    assert f"+{SEED_COUNTS}" in result.stdout
    assert edited.read_text(encoding="utf-8") == before  # a check writes nothing


def test_make_docs_writes_the_real_output_in_place(tmp_path):
    edited = page(tmp_path, f"```console\n{SEED_INGEST}\nclaims: many\n```\n\nAfter.")
    assert check("--write", str(edited)).returncode == 0
    assert edited.read_text(encoding="utf-8") == (
        f"# A page\n\n```console\n{SEED_INGEST}\n{SEED_COUNTS}\n```\n\nAfter.\n"
    )
    assert check(str(edited)).returncode == 0


def test_a_page_runs_in_order_with_its_exports_in_a_scratch_folder(tmp_path):
    text = (
        "```console\n$ export CLAIMTRACK_DB=kept.db\n"
        f"{SEED_INGEST.replace(' --db news.db', '')}\n{SEED_COUNTS}\n```\n\n"
        "```console\n$ ls *.db\nkept.db\n$ echo $COLUMNS\n100\n```"
    )
    result = check(str(page(tmp_path, text)))
    assert result.returncode == 0, result.stdout
    assert not list(tmp_path.glob("*.db")) and not list(ROOT.glob("kept.db*"))


def test_a_failing_command_is_reported_even_when_writing(tmp_path):
    edited = page(tmp_path, "```console\n$ claimtrack show 1 --db news.db\n```")
    result = check("--write", str(edited))
    assert result.returncode == 1
    assert "exited 1" in result.stdout and "Error: no claimtrack database" in result.stdout
    shown = page(tmp_path, '```console\n$ claimtrack show 1 --db news.db; echo "exit $?"\n```')
    assert check("--write", str(shown)).returncode == 0
    assert "exit 1\n```" in shown.read_text(encoding="utf-8")


def test_markers_skip_a_block_mask_a_pattern_or_need_a_path(tmp_path):
    text = (
        "<!-- docs: not run -->\n```console\n$ false\nanything\n```\n\n"
        "<!-- docs: ignore \\d+ ms -->\n```console\n$ echo took $RANDOM ms\ntook 5 ms\n```\n\n"
        "<!-- docs: needs no/such/folder | $NO_SUCH_VARIABLE -->\n"
        "```console\n$ false\n```\n\n"
        "```sh\n$ false\n```"
    )
    result = check(str(page(tmp_path, text)))
    assert result.returncode == 0, result.stdout
    assert "skipped: needs no/such/folder | $NO_SUCH_VARIABLE" in result.stdout
    wrong = page(
        tmp_path, "<!-- docs: ignore \\d+ ms -->\n```console\n$ echo took 5 s\ntook 5 ms\n```"
    )
    assert check(str(wrong)).returncode == 1
