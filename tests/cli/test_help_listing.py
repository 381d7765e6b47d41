"""`--help` lists each command on one paragraph that Rich wraps to the terminal, not on the
line breaks of its docstring (Typer's Rich mode keeps those in a listing)."""

from __future__ import annotations

import typer.main

from claimtrack.cli.app import COMMANDS, app
from claimtrack.cli.group import one_paragraph


def listing(cmd, capsys, *path: str) -> str:
    ctx = cmd.make_context(" ".join(("claimtrack",) + path), ["--help"], resilient_parsing=True)
    cmd.get_help(ctx)
    return capsys.readouterr().out


def test_one_paragraph_joins_the_lines_of_the_first_paragraph_only():
    text = """Merge OTHER into KEEP: every claim
        moves to KEEP.

        More on a second paragraph."""
    assert one_paragraph(text) == "Merge OTHER into KEEP: every claim moves to KEEP."


def test_every_command_and_sub_command_is_listed_on_one_unbroken_line(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that Rich wraps nothing
    root = typer.main.get_command(app)
    shown = listing(root, capsys)
    broken = [c.name for c in COMMANDS if one_paragraph(c.help) not in shown]
    assert broken == []
    groups = 0
    for c in COMMANDS:
        cmd = root.get_command(None, c.name)
        subs = getattr(cmd, "commands", {})
        if not subs:
            continue
        groups += 1
        shown = listing(cmd, capsys, c.name)
        for name, sub in subs.items():
            line = one_paragraph(sub.help)
            assert "\n" not in line and line in shown, (c.name, name)
    assert groups >= 5  # claims, actors, topics, sources, feeds, db
