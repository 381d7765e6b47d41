"""One set of output options for every command that prints rows.

``--format table|csv|tsv|json|jsonl``, ``-o FILE`` and ``--bom``. Table on a terminal;
every other format streams row by row, so memory does not grow with the result. CSV and
TSV cells that a spreadsheet would run as a formula are neutralised with a leading ``'``.

Stored text can hold control characters (an article with ``ESC [2J`` clears the screen
it is shown on). What goes to a terminal shows them as escapes (``\x1b``): tables and
``show`` always (``for_terminal``, ``TerminalConsole``), CSV and TSV when stdout is a
terminal. A file (or a pipe) gets the text as stored, so the export's offsets still
point into it; JSON escapes control characters itself (``to_json``).
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

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

T = TypeVar("T")
_NOTHING = object()

# What a terminal acts on instead of showing: the C0 controls but tab and newline, DEL
# and the C1 controls (U+0080 to U+009F; some terminals take U+009B as ESC [).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# What JSON leaves raw (it escapes U+0000 to U+001F itself): DEL and the C1 controls.
_JSON_RAW = re.compile("[\x7f-\x9f]")


def visible(text: str) -> str:
    """TEXT with every control character but tab and newline written out: ESC as \\x1b."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def for_terminal(value: Any) -> Any:
    """VALUE (a string, or rows and details of them) with every string made visible()."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {k: for_terminal(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [for_terminal(v) for v in value]
    return value


def to_json(value: Any, **options: Any) -> str:
    """VALUE as JSON with non-ASCII text kept, and DEL and C1 controls escaped as \\u00XX
    (the same data to a JSON reader; nothing a terminal acts on)."""
    dumped = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


class TerminalConsole(Console):
    """A Rich console whose plain strings are shown with control characters escaped.

    Text objects are printed as they are: build them from for_terminal() data.
    """

    def render_str(self, text: str, **options: Any) -> Text:  # type: ignore[override]
        return super().render_str(visible(text), **options)


def is_terminal(out: IO[str]) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


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
    """Write ROWS in FMT to OUT; returns how many were written.

    The first row is fetched before anything is written, so a query that fails (a bad
    filter, the time limit) leaves no header or half a JSON array behind.
    """
    count = 0
    rows = _started(rows)
    if fmt is Format.table:
        shown = [for_terminal(row) for row in rows]
        console = TerminalConsole(file=out) if out is not sys.stdout else TerminalConsole()
        console.print(table(shown) if table else default_table(shown, columns))
        return len(shown)
    if fmt in (Format.csv, Format.tsv):
        if bom:
            out.write("\ufeff")
        writer = csv_writer(out, "," if fmt is Format.csv else "\t")
        cell = (lambda v: visible(safe_cell(v))) if is_terminal(out) else safe_cell
        writer(columns)
        for row in rows:
            writer([cell(row.get(c)) for c in columns])
            count += 1
        return count
    if fmt is Format.jsonl:
        for row in rows:
            out.write(to_json({c: row.get(c) for c in columns}) + "\n")
            count += 1
        return count
    return write_json_array(({c: row.get(c) for c in columns} for row in rows), out)


def csv_writer(out: IO[str], delimiter: str) -> Callable[[Sequence[str]], object]:
    """A CSV/TSV row writer with "\\n" between rows whose cells holding a carriage return
    are quoted too (csv quotes only the characters of its line terminator, and a bare
    "\\r" ends a row for every CSV reader)."""
    plain = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    quoted = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def write(cells: Sequence[str]) -> object:
        return (quoted if any("\r" in c for c in cells) else plain).writerow(cells)

    return write


def _started(items: Iterable[T]) -> Iterator[T]:
    """ITEMS with the first one already fetched (the query behind them has run)."""
    items = iter(items)
    first = next(items, _NOTHING)
    if first is _NOTHING:
        return iter(())
    return itertools.chain((first,), items)  # type: ignore[arg-type]


def write_json_array(items: Iterable[object], out: IO[str]) -> int:
    """A JSON array written one item at a time (the first fetched before "[")."""
    count = 0
    items = _started(items)
    out.write("[")
    for item in items:
        out.write(("\n" if count == 0 else ",\n") + to_json(item))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def default_table(rows: Sequence[dict], columns: Sequence[str]) -> Table:
    table = Table(show_lines=False)
    for c in columns:
        table.add_column(c)
    for row in rows:
        table.add_row(*(Text(_cell(row.get(c))) for c in columns))
    return table
