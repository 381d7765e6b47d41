"""Parameter values read without pydantic (claimtrack/cli/params.py): on every parameter of
every command, the plain reading gives what Typer's own gives (the same value, or the same
error, word for word), and it reads the ordinary values itself."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import pytest
import typer.main
from typer._click import Context
from typer._coercion import build_runtime_param

from claimtrack.cli.app import app
from claimtrack.cli.params import UNSURE, PlainParam, plain_value

SAMPLES = (
    "12",
    "0",
    "1",
    "-3",
    "007",
    "2.0",
    "0.5",
    " 4",
    "1_000",
    "1e3",
    "abc",
    "",
    "x.db",
    "CSV",
    "json",
    "verified",
    "person",
    "#12",
    12,
    0.5,
    Path("out.csv"),
)


def every_parameter():
    root = typer.main.get_command(app)

    def walk(cmd, path):
        for p in cmd.params:
            yield path, cmd, p
        for name, sub in (getattr(cmd, "commands", None) or {}).items():
            yield from walk(sub, f"{path} {name}")

    return list(walk(root, "claimtrack"))


def outcome(runtime, value, param, ctx):
    try:
        got = runtime._coerce_value(value, param=param, ctx=ctx)
    except Exception as exc:  # noqa: BLE001 - the error is what is compared
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        return ("error", type(exc).__name__, message)
    return ("value", type(got), got)


def samples_of(param) -> list:
    annotation = param.type_descriptor.annotation
    values = [*SAMPLES, param.default]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        values += [m.value for m in annotation] + [m.value.upper() for m in annotation]
    if getattr(annotation, "__origin__", None) is list:
        values = [(v,) for v in values if isinstance(v, str)] + [("a", "b"), ("1", "x"), ()]
    return [v for v in values if v is not None]


def test_plain_reading_is_typers_on_every_parameter(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the paths sampled are relative
    params = every_parameter()
    assert len(params) > 200  # every command's, the groups' commands' too
    compared = plain = 0
    for path, cmd, p in params:
        desc = p.type_descriptor
        if desc.file_annotation is not None:
            continue
        ctx = Context(cmd)
        ours = PlainParam(parameter_info=desc.parameter_info, annotation=desc.annotation)
        typers = build_runtime_param(desc)
        for value in samples_of(p):
            where = (path, p.name, value)
            assert outcome(ours, value, p, ctx) == outcome(typers, value, p, ctx), where
            compared += 1
            plain += plain_value(desc.annotation, desc.parameter_info, value, ctx, p) is not UNSURE
    assert compared > 4000
    assert plain > compared / 3  # most values are read without Typer's adapters


@pytest.mark.parametrize(
    ("command", "option", "value", "expected"),
    [
        ("who-said", "--limit", "20", 20),
        ("who-said", "--topic", "ceasefire", "ceasefire"),
        ("who-said", "--format", "jsonl", "jsonl"),
        ("show", "claim_id", "#7", 7),
    ],
)
def test_ordinary_values_are_read_plainly(command, option, value, expected):
    cmd = typer.main.get_command(app).commands[command]
    p = next(p for p in cmd.params if option in (*p.opts, p.name))
    desc = p.type_descriptor
    got = plain_value(desc.annotation, desc.parameter_info, value, Context(cmd), p)
    assert got == expected


@pytest.mark.parametrize("value", ["abc", "0", "1.5", "9" * 30])
def test_a_value_in_doubt_is_left_to_typer(value):
    cmd = typer.main.get_command(app).commands["who-said"]
    p = next(p for p in cmd.params if "--limit" in p.opts)
    desc = p.type_descriptor
    assert plain_value(desc.annotation, desc.parameter_info, value, Context(cmd), p) is UNSURE


def test_a_bad_value_gets_typers_message(cli):
    result = cli("who-said", "--limit", "abc", ok=False)
    assert result.exit_code == 2
    assert "Invalid value for '--limit': Input should be a valid integer" in result.output
