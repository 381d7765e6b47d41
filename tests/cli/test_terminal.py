"""Control characters in stored text (ESC, BEL, other C0 and C1 controls) never reach a
terminal raw: tables, ``show`` and CSV/TSV on a terminal show them escaped (``\\x1b``);
files keep the data as stored; JSON escapes them itself. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
import tty

import pytest

from tests.conftest import ROOT
from tests.handmade import C, store_articles

# A terminal acts on these instead of showing them: clear the screen, set the window
# title, ring the bell, move the cursor back, C1 CSI and NEL, DEL.
CLEAR, TITLE, CSI = "\x1b[2J", "\x1b]0;owned\x07", "\x9b31m"
# A right-to-left override (U+202E) and isolate (U+2067) reorder what follows them on screen.
CONTENT = (
    f"the count was {CLEAR}rigged{TITLE} in ward\x08\x08 \x01nine\x7f{CSI}\x85 again"
    "\u202eesle\u2067 \r"
)
TEXT = f"The \x07clerk said {CONTENT}.\n"
TITLE_TEXT = f"Vote {CLEAR}count\x1b[31m (ward \x9b9)"
# every control character a terminal could act on; tab and newline are layout
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Rich's own styling on a real terminal: SGR sequences only
RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def controls(db_url) -> str:
    claim = C("The \x07clerk", "Clerk", "said", CONTENT)
    store_articles(db_url, [("ward.txt", TEXT, [claim], TITLE_TEXT, "\x07Bell", "2025-05-01")])
    return db_url


def assert_no_raw_control(output: str) -> None:
    found = RAW_CONTROL.findall(output)
    assert not found, f"raw control characters {found!r} in:\n{output!r}"


def assert_escaped(output: str) -> None:
    """The controls are there, shown as escapes a reader can see."""
    for escape in (
        r"\x1b[2J",
        r"\x1b]0;owned\x07",
        r"\x9b31m",
        r"\x85",
        r"\x7f",
        r"\x08",
        r"\u202e",
        r"\u2067",
    ):
        assert escape in output, escape


def test_show_and_tables_escape_control_characters(cli, controls, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # no cell wraps: each escape stays on one line
    for args in (
        ["show", "1"],
        ["who-said"],
        ["timeline"],
        ["sources", "list"],
        ["sources", "show", "1"],
        ["actors", "show", "1"],
        ["review", "1"],
    ):
        out = cli(*args, db=controls).stdout
        assert_no_raw_control(out)
    for args in (["show", "1"], ["who-said"], ["sources", "show", "1"]):
        assert_escaped(cli(*args, db=controls).stdout)


def test_error_messages_escape_control_characters(cli, controls):
    cli("review", "1", "--status", "disputed", "--note", f"see {CLEAR}", db=controls)
    result = cli("actors", "set", "1", "--name", f"New {CLEAR}", db=controls)
    assert_no_raw_control(result.stderr)
    assert r"\x1b[2J" in result.stderr
    assert_no_raw_control(cli("review", "1", db=controls).stdout)
    result = cli("sources", "remove", "ward", "--yes", db=controls)
    assert_no_raw_control(result.stderr)


def test_files_keep_the_text_as_stored_and_json_escapes_it(cli, controls, tmp_path):
    out = tmp_path / "claims.csv"
    cli("export", "-o", str(out), db=controls)
    (row,) = csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"), newline=""))
    assert row["content"] == CONTENT and row["source_title"] == TITLE_TEXT
    assert TEXT[int(row["content_start"]) : int(row["content_end"])] == CONTENT
    for fmt in ("json", "jsonl"):
        raw = cli("export", "--format", fmt, db=controls).stdout
        assert_no_raw_control(raw)  # JSON's own escapes, \u001b and \u009b
        first = json.loads(raw)[0] if fmt == "json" else json.loads(raw.splitlines()[0])
        assert first["content"] == CONTENT
    detail = cli("show", "1", "--format", "json", db=controls).stdout
    assert_no_raw_control(detail)
    assert json.loads(detail)["paragraph"]["text"] == TEXT.rstrip("\n")


def on_a_terminal(*args: str, db: str) -> str:
    """ARGS run as a real process whose stdout is a terminal (a pseudo-terminal in raw
    mode, so that what the program writes is what we read)."""
    leader, follower = pty.openpty()
    tty.setraw(follower)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *args, "--db", db],
        stdout=follower,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    _, err = proc.communicate()
    assert proc.returncode == 0, err.decode()
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("who-said", "--format", "csv"),
        ("who-said", "--format", "tsv"),
        ("show", "1"),
        ("who-said",),
    ],
)
def test_nothing_raw_reaches_a_real_terminal(controls, args):
    out = on_a_terminal(*args, db=controls)
    assert_no_raw_control(RICH_STYLE.sub("", out))
    if args[-1] in ("csv", "tsv"):
        delimiter = "," if args[-1] == "csv" else "\t"
        (row,) = csv.DictReader(io.StringIO(out, newline=""), delimiter=delimiter)
        assert row["content"].startswith(r"the count was \x1b[2Jrigged\x1b]0;owned\x07 in")
    else:
        assert_escaped(RICH_STYLE.sub("", out))
