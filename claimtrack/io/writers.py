"""Rows out, for any front end: CSV, TSV, JSON and JSON Lines writers that stream row by row,
spreadsheet formulas neutralised, JSON that carries no raw control character, the output file.

A CSV or TSV cell that a spreadsheet would run as a formula gets a leading ``'``; a cell holding
a carriage return is quoted, so its row survives. Every writer fetches the first row before it
writes anything, so a query that fails (a bad filter, the time limit) leaves no header or half a
JSON array behind. The command line's table, and its escaping of control characters for a
terminal, are in claimtrack/cli/render.py.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar

from claimtrack.errors import UserError

__all__ = [
    "FILE_FORMATS",
    "cell_lines",
    "cell_text",
    "csv_writer",
    "open_output",
    "quoted_whole",
    "safe_cell",
    "started",
    "to_json",
    "write_cells",
    "write_json_array",
    "write_lines",
    "write_records",
]

FILE_FORMATS = ("csv", "tsv", "json", "jsonl")

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# What JSON leaves raw (it escapes U+0000 to U+001F itself): DEL, the C1 controls, and the
# bidirectional overrides and isolates, which reorder text on a screen.
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

T = TypeVar("T")
_NOTHING = object()


def to_json(value: Any, **options: Any) -> str:
    """VALUE as JSON with non-ASCII text kept, and DEL and C1 controls escaped as \\u00XX
    (the same data to a JSON reader; nothing a terminal acts on)."""
    dumped = json.dumps(value, ensure_ascii=False, **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def cell_text(value: object) -> str:
    """A value as a cell: None empty, booleans true and false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formulas get a leading apostrophe."""
    text = cell_text(value)
    if isinstance(value, str) and text.startswith(FORMULA_START):
        return "'" + text
    return text


def csv_writer(out: IO[str], delimiter: str) -> Callable[[Sequence[str]], object]:
    """A CSV/TSV row writer with "\\n" between rows whose cells holding a carriage return
    are quoted too (csv quotes only the characters of its line terminator, and a bare
    "\\r" ends a row for every CSV reader)."""
    plain = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    quoted = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)

    def write(cells: Sequence[str]) -> object:
        return (quoted if any("\r" in c for c in cells) else plain).writerow(cells)

    return write


def started(items: Iterable[T]) -> Iterator[T]:
    """ITEMS with the first one already fetched (the query behind them has run)."""
    items = iter(items)
    first = next(items, _NOTHING)
    if first is _NOTHING:
        return iter(())
    return itertools.chain((first,), items)  # type: ignore[arg-type]


def write_json_array(items: Iterable[object], out: IO[str]) -> int:
    """A JSON array written one item at a time (the first fetched before "[")."""
    count = 0
    items = started(items)
    out.write("[")
    for item in items:
        out.write(("\n" if count == 0 else ",\n") + to_json(item))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_records(
    rows: Iterable[dict],
    columns: Sequence[str],
    fmt: str,
    out: IO[str],
    bom: bool = False,
    cell: Callable[[object], str] = safe_cell,
) -> int:
    """Write ROWS' COLUMNS to OUT as FMT (one of FILE_FORMATS); returns how many were written.

    BOM starts CSV and TSV with a byte-order mark (for Excel); CELL turns a value into a
    CSV/TSV cell."""
    count = 0
    rows = started(rows)
    if fmt in ("csv", "tsv"):
        if bom:
            out.write("\ufeff")
        writer = csv_writer(out, "," if fmt == "csv" else "\t")
        writer(columns)
        for row in rows:
            writer([cell(row.get(c)) for c in columns])
            count += 1
        return count
    if fmt == "jsonl":
        for row in rows:
            out.write(to_json({c: row.get(c) for c in columns}) + "\n")
            count += 1
        return count
    if fmt == "json":
        return write_json_array(({c: row.get(c) for c in columns} for row in rows), out)
    raise ValueError(f"no writer for {fmt!r}: one of {', '.join(FILE_FORMATS)}")


def write_cells(
    batches: Iterable[Sequence[Sequence[object]]],
    columns: Sequence[str],
    fmt: str,
    out: IO[str],
    bom: bool = False,
) -> int:
    """Write rows of cells made already (claimtrack/query/export.py: text as safe_cell
    gives it, numbers, None) to OUT as CSV or TSV, a batch at a time (cell_lines: the same
    bytes as write_records); returns how many. The first batch is read before the header
    is written."""
    if fmt not in ("csv", "tsv"):
        raise ValueError(f"write_cells writes csv or tsv, not {fmt!r}")
    delimiter = "," if fmt == "csv" else "\t"
    lines = cell_lines(delimiter)
    return write_lines(((len(b), lines(b)) for b in batches), columns, fmt, out, bom=bom)


def cell_lines(delimiter: str) -> Callable[[Sequence[Sequence[object]]], str]:
    """A function from a batch of rows of cells made already to their CSV or TSV lines, as
    write_records writes them: the batch goes through csv.writer whole, and only a batch
    holding a carriage return is written again row by row, its rows with one quoted whole
    (csv_writer)."""
    buffer = io.StringIO()
    whole = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    one_by_one = csv_writer(buffer, delimiter)

    def lines(batch: Sequence[Sequence[object]]) -> str:
        buffer.seek(0)
        buffer.truncate()
        whole.writerows(batch)
        text = buffer.getvalue()
        if "\r" not in text:
            return text
        buffer.seek(0)
        buffer.truncate()
        for row in batch:
            one_by_one([cell_text(v) for v in row])
        return buffer.getvalue()

    return lines


# Characters handed to OUT at a time. One write of more than a pipe holds can end part-way
# when the reader goes (`export | head -1`): the kernel reports the bytes that went and Python's
# buffered writer drops the rest without an error, so the command would end with status 0
# having lost rows. Pieces of a few pages meet the closed pipe as BrokenPipeError instead.
PIECE = 8192


def write_lines(
    blocks: Iterable[tuple[int, str]],
    columns: Sequence[str],
    fmt: str,
    out: IO[str],
    bom: bool = False,
) -> int:
    """Write blocks of CSV or TSV lines made already (cell_lines; PostgreSQL's COPY, made as
    cell_lines makes them: claimtrack/query/export.py), each a count of rows and their text,
    after the header; returns how many rows. The first block is read before the header is
    written."""
    if fmt not in ("csv", "tsv"):
        raise ValueError(f"write_lines writes csv or tsv, not {fmt!r}")
    blocks = started(blocks)
    if bom:
        out.write("\ufeff")
    csv_writer(out, "," if fmt == "csv" else "\t")(columns)
    count = 0
    for rows, text in blocks:
        for i in range(0, len(text), PIECE):
            out.write(text[i : i + PIECE])
        count += rows
    return count


def quoted_whole(line: str, delimiter: str) -> str:
    """A CSV or TSV line (its cells quoted where they need it) with every cell quoted, as
    csv_writer writes a row holding a carriage return."""
    buffer = io.StringIO()
    cells = next(csv.reader([line], delimiter=delimiter))
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL).writerow(
        cells
    )
    return buffer.getvalue()


@contextmanager
def open_output(output: Path | None) -> Iterator[IO[str]]:
    """The file OUTPUT, opened for text in UTF-8 (stdout when None); a file that cannot be
    written is one UserError line."""
    if output is None:
        yield sys.stdout
        return
    try:
        handle = output.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UserError(f"-o {output}: cannot write ({exc.strerror})") from None
    with handle:
        yield handle
