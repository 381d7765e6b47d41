"""The README documents every command and subcommand, with an example of each."""

from __future__ import annotations

import re

import typer

from claimtrack.cli import app
from tests.conftest import ROOT


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


def test_every_command_is_shown_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = set(re.findall(r"^\$ (claimtrack [^\n]*)", readme, flags=re.M))
    assert len(command_paths()) >= 15
    missing = [
        path
        for path in command_paths()
        if not any(line.startswith(f"claimtrack {path}") for line in shown)
    ]
    assert not missing, f"README shows no example of: {missing}"
