"""Rows out, for any front end: CSV, TSV, JSON and JSON Lines writers that stream row by row,
spreadsheet formulas neutralised, JSON that carries no raw control character, the output file.

A CSV or TSV cell that a spreadsheet would run as a formula gets a leading ``'``; a cell holding
a carriage return is quoted, so its row survives. Every writer fetches the first row before it
writes anything, so a query that fails (a bad filter, the time limit) leaves no header or half a
JSON array behind. The command line's table, and its escaping of control characters for a
terminal, are in claimtrack/cli/render.py.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import os
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
    "text_lines",
    "to_json",
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


def text_lines(delimiter: str, width: int) -> Callable[[Sequence[Sequence[object]]], bytes]:
    """A function from a batch of rows of WIDTH cells, each already text ('' for none; the
    SQLite export's text_query), to their CSV or TSV lines in UTF-8: the bytes of cell_lines'
    text for the same cells, without csv.writer's loop over every character. A row is its
    cells joined by DELIMITER where no cell holds the delimiter, a quote or a line break
    (one count and three searches of the joined line tell); in the others (a comma in a
    quoted sentence: about a third of real rows) the cells that hold one are quoted as
    csv.writer quotes them, and a row holding a carriage return is quoted whole (csv_writer).
    A batch holding a cell that is not text (a float SQLite cannot write as Python does)
    goes through cell_lines whole."""
    slow = cell_lines(delimiter)
    if width < 2:  # a row of one empty cell is '""' to csv.writer
        return lambda batch: slow(batch).encode("utf-8")
    join, q, nl, cr, seps = delimiter.join, '"', "\n", "\r", width - 1
    first = list(range(width))  # the columns looked at first: one that held one lately leads

    def quoted(row: Sequence[str], line: str) -> str:
        """ROW's line with its cells holding a delimiter, quote or line break quoted: looked
        for a column at a time until as many are found as LINE holds (mostly one cell)."""
        if cr in line:
            return slow([row])[:-1]
        left = line.count(delimiter) - seps + line.count(q) + line.count(nl)
        cells, found = list(row), 0
        for n, j in enumerate(first):
            c = cells[j]
            held = c.count(delimiter) + c.count(q) + c.count(nl)
            if held:
                cells[j] = q + c.replace(q, '""') + q
                left, found = left - held, n
                if not left:
                    break
        if found:  # the column found last leads the next search
            first.insert(0, first.pop(found))
        return join(cells)

    def lines(batch: Sequence[Sequence[object]]) -> bytes:
        try:
            made = list(map(join, batch))
        except TypeError:  # a cell that is not text
            return slow(batch).encode("utf-8")
        odd = [
            i
            for i, x in enumerate(made)
            if x.count(delimiter) != seps or q in x or nl in x or cr in x
        ]
        for i in odd:
            made[i] = quoted(batch[i], made[i])
        made.append("")
        return nl.join(made).encode("utf-8")

    return lines


# Characters handed to OUT at a time. One write of more than a pipe holds can end part-way
# when the reader goes (`export | head -1`): the kernel reports the bytes that went and Python's
# buffered writer drops the rest without an error, so the command would end with status 0
# having lost rows. Pieces of a few pages meet the closed pipe as BrokenPipeError instead.
PIECE = 8192


def write_lines(
    blocks: Iterable[tuple[int, str | bytes]],
    columns: Sequence[str],
    fmt: str,
    out: IO[str],
    bom: bool = False,
) -> int:
    """Write blocks of CSV or TSV lines made already (cell_lines; text_lines' UTF-8 bytes;
    PostgreSQL's COPY, made as cell_lines makes them: claimtrack/query/export.py), each a
    count of rows and their text, after the header; returns how many rows. Bytes go to OUT's
    binary buffer as they are when OUT writes UTF-8 ("\n" as it is: not re-encoded), else
    are decoded. The first block is read before the header is written."""
    if fmt not in ("csv", "tsv"):
        raise ValueError(f"write_lines writes csv or tsv, not {fmt!r}")
    blocks = started(blocks)
    if bom:
        out.write("\ufeff")
    csv_writer(out, "," if fmt == "csv" else "\t")(columns)
    raw = _utf8_buffer(out)
    flushed = False
    count = 0
    for rows, text in blocks:
        if isinstance(text, bytes):
            if raw is None:
                text = text.decode("utf-8")
            else:
                if not flushed:  # what the text layer holds goes first
                    out.flush()
                    flushed = True
                view = memoryview(text)
                for i in range(0, len(view), PIECE):
                    raw.write(view[i : i + PIECE])
                count += rows
                continue
        flushed = False
        for i in range(0, len(text), PIECE):
            out.write(text[i : i + PIECE])
        count += rows
    return count


def _utf8_buffer(out: IO[str]) -> IO[bytes] | None:
    """OUT's binary buffer, when what OUT writes is UTF-8 with "\n" as it is (a file
    open_output opens, stdout on POSIX in a UTF-8 locale); else None."""
    raw = getattr(out, "buffer", None)
    encoding = getattr(out, "encoding", None)
    if raw is None or not encoding or os.linesep != "\n":
        return None
    return raw if codecs.lookup(encoding).name == "utf-8" else None


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
