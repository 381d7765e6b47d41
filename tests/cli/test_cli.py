"""The command line, driven in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from claimtrack.query.claims import EXPORT_COLUMNS
from tests.conftest import ROOT, SEEDS

ARTICLE = (
    "Governor Maria Lopez said on Tuesday that the state budget would be balanced by June.\n"
    '"We will not raise taxes," Lopez told reporters.\n'
    "According to the state treasurer, revenue rose by four percent last year.\n"
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture
def article_db(cli, db_url, tmp_path) -> str:
    """A database holding ARTICLE, published on Thursday 7 March 2024."""
    cli(
        "ingest",
        write(tmp_path, "a.txt", ARTICLE),
        "--published",
        "2024-03-07",
        "--quiet",
        db=db_url,
    )
    return db_url


def test_every_command_has_help(cli):
    commands = (
        ["ingest"], ["who-said"], ["timeline"], ["show"], ["export"], ["review"],
        ["actors", "list"], ["actors", "show"], ["actors", "merge"], ["actors", "alias"], ["actors", "resolve"],
        ["actors", "set"], ["topics", "list"], ["topics", "add"], ["topics", "edit"],
        ["topics", "remove"], ["topics", "retag"], ["topics", "tag"], ["sources", "list"], ["sources", "show"],
        ["sources", "remove"], ["db", "upgrade"], ["db", "current"],
    )  # fmt: skip
    for command in commands:
        result = cli(*command, "--help")
        assert "--db" in result.stdout


def test_ingest_then_reingest_adds_nothing(cli, db_url, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    first = cli("ingest", path, "--published", "2024-03-07", "--quiet", db=db_url)
    assert "1 added, 0 skipped, 0 failed" in first.stderr
    n = len(json.loads(cli("export", "--format", "json", db=db_url).stdout))
    assert n >= 2
    again = cli("ingest", path, "--quiet", db=db_url)
    assert "0 added, 1 skipped" in again.stderr
    assert len(json.loads(cli("export", "--format", "json", db=db_url).stdout)) == n


def test_stdin_and_metadata_options(cli, db_url):
    cli(
        "ingest",
        "-",
        "--published",
        "2024-03-07",
        "--title",
        "Budget",
        "--outlet",
        "Gazette",
        "--quiet",
        input=ARTICLE,
        db=db_url,
    )
    rows = json.loads(cli("export", "--format", "json", db=db_url).stdout)
    assert {r["source_title"] for r in rows} == {"Budget"}
    assert {r["source_outlet"] for r in rows} == {"Gazette"}
    said = [r for r in rows if r["speaker"] == "Maria Lopez" and r["cue"] == "said"]
    assert said and said[0]["said_on"] == "2024-03-05"  # "on Tuesday" before Thursday 7 March


def test_export_columns_and_formats(cli, article_db, tmp_path):
    db_url = article_db
    text = cli("export", "--format", "csv", db=db_url).stdout
    reader = csv.reader(io.StringIO(text))
    header = tuple(next(reader))
    assert header == EXPORT_COLUMNS  # the contract, exactly
    data = list(reader)
    lines = cli("export", "--format", "jsonl", db=db_url).stdout.splitlines()
    assert len(lines) == len(data) > 0
    first = json.loads(lines[0])
    assert tuple(first) == EXPORT_COLUMNS
    assert first["hedged"] in (True, False)
    out = tmp_path / "claims.json"
    cli("export", "-o", str(out), db=db_url)  # format from the suffix
    assert len(json.loads(out.read_text())) == len(data)


def test_export_offsets_match_the_stored_text(cli, db_url, tmp_path):
    cli("ingest", write(tmp_path, "a.txt", ARTICLE), "--quiet", db=db_url)
    for r in json.loads(cli("export", "--format", "json", db=db_url).stdout):
        assert ARTICLE[r["content_start"] : r["content_end"]] == r["content"]
        assert ARTICLE[r["cue_start"] : r["cue_end"]] == r["cue"]


def test_who_said_filters(cli, article_db):
    db_url = article_db
    rows = json.loads(cli("who-said", "--actor", "lopez", "--format", "json", db=db_url).stdout)
    assert rows and {r["speaker"] for r in rows} == {"Maria Lopez"}
    nobody = cli("who-said", "--actor", "Nobody", "--format", "json", db=db_url, ok=False)
    assert nobody.exit_code == 1 and "no such speaker" in nobody.stderr
    taxes = json.loads(cli("who-said", "--topic", "TAXES", "--format", "json", db=db_url).stdout)
    assert taxes and all("taxes" in r["topics"].split(";") for r in taxes)
    on_day = json.loads(
        cli(
            "who-said",
            "--since",
            "2024-03-05",
            "--until",
            "2024-03-05",
            "--format",
            "json",
            db=db_url,
        ).stdout
    )
    assert on_day and all(r["said_on"] == "2024-03-05" for r in on_day)
    table = cli("who-said", "--actor", "Lopez", db=db_url)
    assert "Lopez" in table.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["ingest", "/no/such/file.txt"], 1, "no such file"),
        (["ingest", "--published", "14/08/2025", "x"], 2, "YYYY-MM-DD"),
        (["who-said", "--since", "yesterday"], 2, "YYYY-MM-DD"),
        (["who-said", "--db", "nosuch://x"], 1, "not a database URL"),
        (["export", "--format", "table"], 2, "csv"),
    ],
)
def test_bad_input_is_one_line_and_nonzero(cli, tmp_path, args, code, message):
    if "--db" not in args:
        args = [*args, "--db", str(tmp_path / "x.db")]
    result = cli(*args, ok=False)
    assert result.exit_code == code
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_empty_folder_and_binary_file(cli, db_url, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("ingest", str(tmp_path / "empty"), ok=False, db=db_url)
    assert result.exit_code == 1 and "no articles found" in result.stderr
    good = write(tmp_path, "good.txt", ARTICLE)
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff\x00 not text")
    result = cli("ingest", good, str(tmp_path / "bad.txt"), "--quiet", ok=False, db=db_url)
    assert result.exit_code == 1
    assert "binary" in result.stderr and "1 added, 0 skipped, 1 failed" in result.stderr
    # the good document landed whole; fixing the bad one and re-running finishes the job
    (tmp_path / "bad.txt").write_text("The mayor said the bridge would reopen.")
    again = cli("ingest", good, str(tmp_path / "bad.txt"), "--quiet", db=db_url)
    assert "1 added, 1 skipped, 0 failed" in again.stderr


@pytest.mark.slow
def test_killed_ingest_leaves_a_consistent_database_and_rerun_finishes(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    base = (SEEDS / "000_8a316d92444b8c15.txt").read_text(encoding="utf-8")
    for i in range(40):
        (folder / f"{i:03d}.txt").write_text(f"Edition {i}.\n{base}", encoding="utf-8")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "claimtrack", "ingest", str(folder), "--quiet", "--db", str(db)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    if conn.execute("select count(*) from sources").fetchone()[0] >= 2:
                        break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        done = conn.execute("select count(*) from sources").fetchone()[0]
        per_source = conn.execute(
            "select count(distinct n) from (select count(*) n from claims group by source_id)"
        ).fetchone()[0]
    assert 2 <= done < 40
    assert per_source == 1  # every stored document has all its claims, none half-written
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from sources").fetchone()[0] == 40
        counts = conn.execute("select count(*) from claims group by source_id").fetchall()
    assert len(set(counts)) == 1 and len(counts) == 40


def test_db_commands(cli, db_url):
    cli("db", "upgrade", db=db_url)
    out = cli("db", "current", db=db_url).stdout
    assert "up to date" in out


@pytest.mark.slow
def test_two_ingests_of_the_same_folder_at_once_store_each_document_once(db_url, tmp_path):
    folder = tmp_path / "same"
    folder.mkdir()
    base = (SEEDS / "000_8a316d92444b8c15.txt").read_text(encoding="utf-8")
    for i in range(6):
        (folder / f"{i}.txt").write_text(f"Issue {i}.\n{base}", encoding="utf-8")
    cmd = [sys.executable, "-m", "claimtrack", "ingest", str(folder), "--quiet", "--db", db_url]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cli_app_db = db_url
    from claimtrack.store.engine import open_engine

    open_engine(cli_app_db)  # create the schema first, as `claimtrack db upgrade` would
    procs = [subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    added = sum(int(re.search(r"(\d+) added", o).group(1)) for o in outs)
    skipped = sum(int(re.search(r"(\d+) skipped", o).group(1)) for o in outs)
    assert (added, skipped) == (6, 6)
    from sqlalchemy import func, select

    from claimtrack.store.engine import session_scope
    from claimtrack.store.models import Claim, Source

    with session_scope(open_engine(cli_app_db)) as s:
        assert s.scalar(select(func.count(Source.id))) == 6
        per_source = s.execute(select(func.count(Claim.id)).group_by(Claim.source_id)).all()
    assert len({n for (n,) in per_source}) == 1


def test_a_role_is_never_just_the_name(cli, db_url, tmp_path):
    text = (
        "Senator Ann Ortiz said on Monday that the bridge would reopen.\n"
        "The Harbor Council said the vote would be delayed.\n"
        "Local officials said the ferry would run all summer.\n"
    )
    cli("ingest", write(tmp_path, "r.txt", text), "--published", "2024-05-08", "--quiet", db=db_url)
    rows = json.loads(cli("export", "--format", "json", db=db_url).stdout)
    assert rows
    for r in rows:
        if r["speaker"] and r["speaker_role"]:
            assert r["speaker_role"].lower() != r["speaker"].lower()
            assert r["speaker_role"].lower() not in r["speaker"].lower().split()


def test_a_claim_without_a_date_phrase_was_said_by_the_publication_day(cli, db_url, tmp_path):
    path = write(tmp_path, "n.txt", "The harbor master said the port would stay open.\n")
    cli("ingest", path, "--published", "2024-05-08", "--quiet", db=db_url)
    [row] = json.loads(cli("export", "--format", "json", db=db_url).stdout)
    assert (row["date_relation"], row["said_on"], row["date_text"]) == ("by", None, None)
    assert row["published_on"] == "2024-05-08"
