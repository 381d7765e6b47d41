"""One set of output options for every command that prints rows.

``--format table|csv|tsv|json|jsonl``, ``-o FILE`` and ``--bom``. Table on a terminal;
every other format streams row by row, so memory does not grow with the result. CSV and
TSV cells that a spreadsheet would run as a formula are neutralised with a leading ``'``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.table import Table

from claimtrack.errors import UserError


class Format(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"


FormatOpt = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="table (default on a terminal), csv, tsv, json or jsonl."),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
BomOpt = Annotated[
    bool, typer.Option("--bom", help="Start CSV/TSV with a byte-order mark, for Excel.")
]

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class Output:
    """The shared output options of a listing command."""

    fmt: Format | None = None
    path: Path | None = None
    bom: bool = False

    def resolve(self, default: Format) -> Format:
        return choose_format(self.fmt, self.path, default)


def choose_format(fmt: Format | None, output: Path | None, default: Format) -> Format:
    """Explicit --format, else the -o file's suffix (.csv, .json ...), else the default."""
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower().lstrip(".") if output else ""
    if suffix in Format.__members__ and suffix != "table":
        return Format(suffix)
    return default


@contextmanager
def open_output(output: Path | None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    try:
        handle = output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UserError(f"-o {output}: cannot write ({exc.strerror})") from None
    with handle:
        yield handle


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formulas get a leading apostrophe."""
    text = _cell(value)
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def write_rows(
    rows: Iterable[dict],
    columns: Sequence[str],
    fmt: Format,
    out: IO[str],
    table: Callable[[Iterable[dict]], Table] | None = None,
    bom: bool = False,
) -> int:
    """Write ROWS in FMT to OUT; returns how many were written."""
    count = 0
    if fmt is Format.table:
        rows = list(rows)
        console = Console(file=out) if out is not sys.stdout else Console()
        console.print(table(rows) if table else default_table(rows, columns))
        return len(rows)
    if fmt in (Format.csv, Format.tsv):
        if bom:
            out.write("\ufeff")
        writer = csv.writer(out, delimiter="," if fmt is Format.csv else "\t", lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([safe_cell(row.get(c)) for c in columns])
            count += 1
        return count
    if fmt is Format.jsonl:
        for row in rows:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
            count += 1
        return count
    return write_json_array(({c: row.get(c) for c in columns} for row in rows), out)


def write_json_array(items: Iterable[object], out: IO[str]) -> int:
    """A JSON array written one item at a time."""
    count = 0
    out.write("[")
    for item in items:
        out.write(("\n" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def default_table(rows: Sequence[dict], columns: Sequence[str]) -> Table:
    table = Table(show_lines=False)
    for c in columns:
        table.add_column(c)
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    return table
