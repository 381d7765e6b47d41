"""Asking: ``who-said``, ``timeline``, ``show`` and ``export``.

The claim filters, the column options and the output options are declared once, in
cli/options.py; each command gets them as one ClaimFilter, ClaimColumns and OutputOptions.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import replace
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Annotated

import typer

from claimtrack.cli import startup
from claimtrack.cli.common import (
    ClaimIdArg,
    DbOpt,
    DetailFormat,
    DetailFormatOpt,
    err,
    list_rows,
    query_connection,
    query_session,
)
from claimtrack.cli.options import (
    CLAIM_COLUMNS,
    CLAIM_FILTERS,
    OUTPUT,
    ClaimColumns,
    EveryOpt,
    OutputOpt,
    OutputOptions,
    bundled,
)
from claimtrack.cli.render import (
    Format,
    claims_table,
    is_terminal,
    plural,
    render_claim,
    terminal_console,
    timeline_table,
    write_rows,
)
from claimtrack.io.writers import (
    open_output,
    text_lines,
    to_json,
    write_json_array,
    write_lines,
)
from claimtrack.query.filters import ClaimFilter

if TYPE_CHECKING:
    from rich.table import Table
    from sqlalchemy import Connection

# The queries (and so SQLAlchemy and the models) are imported when a command runs, not for
# its --help (issue 16: start-up).

# ---- who-said and timeline ----------------------------------------------------------------


def list_claims(
    flt: ClaimFilter,
    every: bool,
    cols: ClaimColumns,
    out: OutputOptions,
    db: str | None,
    table: Callable[[Iterable[dict]], Table],
) -> None:
    startup.asking()
    from claimtrack.query.claims import iter_rows

    ahead = replace(flt, limit=flt.limit + 1) if flt.limit else flt  # is there a next page?
    cut: list[str | None] = []

    def rows(s: Connection) -> Iterator[dict]:
        last = None
        for n, row in enumerate(iter_rows(s, ahead, first_only=not every)):
            if flt.limit is not None and n == flt.limit:
                cut.append(last)
                return
            last = row["cursor"]
            yield row

    list_rows(db, rows, cols.names, "claim", table, out, core=True)
    if cut and cut[0]:
        err.print(f"next page: --after {cut[0]}", highlight=False, markup=False)


@bundled(flt=CLAIM_FILTERS, cols=CLAIM_COLUMNS, out=OUTPUT)
def who_said(
    *,
    flt: ClaimFilter,
    every: EveryOpt = False,
    cols: ClaimColumns,
    out: OutputOptions,
    db: DbOpt = None,
) -> None:
    """Who said what, when: claims filtered by topic, speaker, date, source, words, status."""
    list_claims(flt, every, cols, out, db, claims_table)


@bundled(flt=CLAIM_FILTERS.led_by("actor"), cols=CLAIM_COLUMNS, out=OUTPUT)
def timeline(
    *,
    flt: ClaimFilter,
    every: EveryOpt = False,
    cols: ClaimColumns,
    out: OutputOptions,
    db: DbOpt = None,
) -> None:
    """Claims in the order they were made, to see how a position moved.

    A claim dated only "before" a day ("earlier", "previously") is placed before the
    dated claims its article reports; one said "by" a day goes after that day's claims.
    """
    list_claims(flt, every, cols, out, db, timeline_table)


# ---- show ---------------------------------------------------------------------------------


def show(
    claim_id: ClaimIdArg,
    fmt: DetailFormatOpt = DetailFormat.text,
    output: OutputOpt = None,
    db: DbOpt = None,
) -> None:
    """One claim with its speaker, date, topics, highlighted paragraph and other sources.

    The paragraph marks the speaker {so}, the cue <so> and the content [so] (in colour
    on a terminal), from the offsets stored at ingest.
    """
    startup.asking()
    from claimtrack.query.detail import claim_detail

    with query_connection(db) as s:
        d = claim_detail(s, claim_id)
    with open_output(output) as out:
        if fmt is DetailFormat.json:
            out.write(to_json(d, indent=2) + "\n")
        else:
            console = terminal_console(file=out) if output is not None else terminal_console()
            render_claim(d, console)


# ---- export -------------------------------------------------------------------------------


class ExportFormat(StrEnum):
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    claimreview = "claimreview"


EXPORT_OUTPUT = OUTPUT.with_option(
    "fmt",
    Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="csv (default), tsv, json, jsonl, or claimreview: schema.org ClaimReview "
            "JSON-LD for the reviewed claims.",
        ),
    ],
)
PublisherOpt = Annotated[
    str | None, typer.Option(help="Your organisation, named in ClaimReview output.")
]


@bundled(out=EXPORT_OUTPUT, flt=CLAIM_FILTERS, cols=CLAIM_COLUMNS)
def export(
    *,
    out: OutputOptions,
    flt: ClaimFilter,
    publisher: PublisherOpt = None,
    cols: ClaimColumns,
    db: DbOpt = None,
) -> None:
    """Export claims with source, speaker, offsets, date, topics and appearances (streams).

    Every appearance is a row. Columns: the export contract, exactly (with --appearances, then first_seen_claim_id and appearances; with --found-by, then found_by; with --speakers, then speakers). CSV cells that would start a spreadsheet formula get a leading '.
    """
    startup.asking()
    if out.fmt is ExportFormat.claimreview:
        export_claim_reviews(flt, publisher, out, db)
        return
    fmt = out.format(Format.csv)
    with query_connection(db) as s, open_output(out.output) as handle:
        count = write_export(s, flt, cols.names, fmt, handle, out.bom)
    if out.output is not None:
        err.print(
            f"{plural(count, 'claim')} written to {out.output}", highlight=False, markup=False
        )


def write_export(
    s: Connection,
    flt: ClaimFilter,
    columns: tuple[str, ...],
    fmt: Format,
    handle: IO[str],
    bom: bool,
) -> int:
    """CSV and TSV to a file or a pipe: cells made by the database, streamed (query/export.py;
    on PostgreSQL its COPY writes the lines; on SQLite a forked second process makes every
    other range when a core is idle, query/export_split.py); a terminal's (control
    characters shown) and JSON: rows built as who-said builds them. On SQLite every cell
    comes as text and text_lines joins them (csv.writer only for the cells that need
    quoting)."""
    if fmt in (Format.csv, Format.tsv) and not is_terminal(handle):
        from claimtrack.query.export import copy_lines, iter_cells, text_query

        delimiter = "," if fmt is Format.csv else "\t"
        if s.dialect.name == "postgresql":
            lines = copy_lines(s, flt, columns, delimiter)
            return write_lines(lines, columns, fmt.value, handle, bom=bom)
        from claimtrack.query import export_split

        wanted = export_split.processes(s, os.environ.get(export_split.PROCESSES_ENV))
        split = export_split.plan(s, flt, columns) if wanted > 1 else None
        if split is not None:  # two processes: the parent and a forked child
            with closing(export_split.split_lines(s, split, delimiter)) as lines:
                return write_lines(lines, columns, fmt.value, handle, bom=bom)
        lines = text_lines(delimiter, len(columns))  # every cell text: no csv.writer
        made = ((len(b), lines(b)) for b in iter_cells(s, text_query(s, flt, columns)))
        return write_lines(made, columns, fmt.value, handle, bom=bom)
    from claimtrack.query.claims import iter_rows

    return write_rows(iter_rows(s, flt), columns, fmt, handle, bom=bom)


def export_claim_reviews(
    flt: ClaimFilter, publisher: str | None, out: OutputOptions, db: str | None
) -> None:
    """ClaimReview JSON-LD for the reviewed claims (those FLT finds, when it filters)."""
    from claimtrack.query.claimreview import iter_claim_reviews, missing
    from claimtrack.query.claims import iter_rows

    with query_session(db) as s, open_output(out.output) as handle:
        only = None
        if flt != ClaimFilter():
            only = {r["first_seen_claim_id"] for r in iter_rows(s, flt, first_only=True)}
        lacking: list[str] = []

        def checked(docs):  # noqa: ANN001, ANN202
            for doc in docs:
                gaps = missing(doc)
                if gaps:
                    lacking.append(f"{doc['identifier']}: lacks {'; '.join(gaps)}")
                yield doc

        count = write_json_array(checked(iter_claim_reviews(s, publisher, only=only)), handle)
    for line in lacking:
        err.print(f"warning: {line}", highlight=False, markup=False)
    if lacking:
        err.print(
            f"{plural(len(lacking), 'claim review')} of {count} not ready to publish: "
            "the consuming tools require the fields named above",
            highlight=False,
            markup=False,
        )
    if out.output is not None:
        err.print(
            f"{plural(count, 'claim review')} written to {out.output}",
            highlight=False,
            markup=False,
        )
