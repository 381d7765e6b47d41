"""The shared options (claimtrack/cli/options.py): each declared once, the same on every command
that takes it, in the same place in --help, and handed to the command as one value."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import typer
import typer.main
from typer.testing import CliRunner

from claimtrack.cli.app import app
from claimtrack.cli.common import Group
from claimtrack.cli.options import CLAIM_FILTERS, OUTPUT, bundled
from claimtrack.cli.render import Format, OutputOptions
from claimtrack.query.claims import ClaimFilter

CLAIM_LISTINGS = ("who-said", "timeline", "export")
LISTINGS = ("who-said", "timeline", "export", "actors list", "topics list", "sources list")


def command(path: str):
    cmd = typer.main.get_command(app)
    for name in path.split():
        cmd = cmd.commands[name]
    return cmd


def declared(path: str, names) -> dict[str, tuple]:
    """The options NAMES of a command as Typer made them: flags, help, type, default, minimum."""
    return {
        p.name: (tuple(p.opts), p.help, p.type_descriptor.annotation, p.default, p.min)
        for p in command(path).params
        if p.name in names
    }


def test_every_claim_filter_is_an_option_of_every_claim_listing_the_same_way():
    fields = {f.name for f in dataclasses.fields(ClaimFilter)}
    assert {o.name for o in CLAIM_FILTERS.options} == fields
    who_said, timeline, export = (declared(c, fields) for c in CLAIM_LISTINGS)
    assert set(who_said) == fields
    assert who_said == timeline == export


def test_every_listing_takes_the_same_output_options():
    names = {"fmt", "output", "bom"}
    shown = {c: declared(c, names) for c in LISTINGS}
    assert all(set(options) == names for options in shown.values())
    assert len({repr(options) for c, options in shown.items() if c != "export"}) == 1
    # export writes files only: its own --format choices, the same -o and --bom
    assert shown["export"]["output"] == shown["who-said"]["output"]
    assert shown["export"]["bom"] == shown["who-said"]["bom"]
    assert [f.value for f in shown["export"]["fmt"][2]] == [
        "csv",
        "tsv",
        "json",
        "jsonl",
        "claimreview",
    ]


def test_the_options_stay_where_help_listed_them():
    filters = [
        *("topic", "actor", "since", "until", "said_only", "published_since"),
        *("published_until", "source", "outlet", "search", "attribution", "status"),
        *("min_confidence", "include_rejected"),
    ]
    columns = ["appearances", "found_by", "best_day", "corrections", "speakers", "dates"]
    rest = ["limit", "newest_first", "after", "every", *columns, "fmt", "output", "bom", "db"]
    order = {c: [p.name for p in command(c).params] for c in CLAIM_LISTINGS}
    assert order["who-said"] == filters + rest
    assert order["timeline"] == ["actor", "topic", *filters[2:], *rest]
    assert order["export"] == [
        *("fmt", "output", "bom"),
        *filters,
        *("limit", "newest_first", "after", "publisher", *columns, "db"),
    ]


def test_a_command_gets_each_bundle_as_one_value(tmp_path):
    got = {}
    probe = typer.Typer(cls=Group)

    @probe.command()
    @bundled(flt=CLAIM_FILTERS.led_by("actor"), out=OUTPUT)
    def listing(*, flt: ClaimFilter, out: OutputOptions, verbose: bool = False) -> None:
        got.update(flt=flt, out=out, verbose=verbose)

    runner = CliRunner()
    args = ["--actor", "Lopez", "--since", "2024-03-05", "--status", "disputed", "-o", "x.csv"]
    result = runner.invoke(probe, [*args, "--verbose"])
    assert result.exit_code == 0, result.output
    assert got == {
        "flt": ClaimFilter(actor="Lopez", since=dt.date(2024, 3, 5), status="disputed"),
        "out": OutputOptions(None, Path("x.csv"), False),
        "verbose": True,
    }
    assert got["out"].format(Format.table) is Format.csv
    help_text = runner.invoke(probe, ["--help"], env={"COLUMNS": "200"}).output
    assert help_text.index("--actor") < help_text.index("--topic") < help_text.index("--bom")

    bad = runner.invoke(probe, ["--until", "2024-02-30"])
    assert bad.exit_code == 2
    assert "bad --until '2024-02-30': there is no such day" in bad.stderr
    assert got["verbose"] is True  # the command did not run again
