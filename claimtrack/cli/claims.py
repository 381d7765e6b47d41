"""Asking: ``who-said``, ``timeline``, ``show`` and ``export``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from claimtrack.cli.common import (
    Attribution,
    ClaimIdArg,
    DbOpt,
    DetailFormat,
    DetailFormatOpt,
    Status,
    date_option,
    err,
    list_rows,
    query_session,
)
from claimtrack.cli.options import BomOpt, FormatOpt, OutputOpt
from claimtrack.cli.render import (
    Format,
    TerminalConsole,
    choose_format,
    claims_table,
    plural,
    render_claim,
    timeline_table,
    write_rows,
)
from claimtrack.io.writers import open_output, to_json, write_json_array
from claimtrack.query.claimreview import iter_claim_reviews
from claimtrack.query.claims import EXPORT_COLUMNS, LISTING_COLUMNS, ClaimFilter, iter_rows
from claimtrack.query.detail import claim_detail

# ---- the shared claim filters ----------------------------------------------------------

TopicOpt = Annotated[str | None, typer.Option(help="Topic slug, label or keyword.")]
ActorOpt = Annotated[
    str | None, typer.Option(help="Speaker: name, alias or surname (any case, accents optional).")
]
SinceOpt = Annotated[str | None, typer.Option(help="Said on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option(help="Said on or before YYYY-MM-DD.")]
SourceOpt = Annotated[
    str | None, typer.Option(help="Source id, or part of its title, outlet, path or URL.")
]
SearchOpt = Annotated[
    str | None,
    typer.Option(help="Words that must all appear in the claim, its quote or its speaker."),
]
AttributionOpt = Annotated[Attribution | None, typer.Option(help="How the claim is attributed.")]
StatusOpt = Annotated[Status | None, typer.Option(help="Review status.")]
LimitOpt = Annotated[int | None, typer.Option(min=1, help="At most this many claims.")]
AppearancesOpt = Annotated[
    bool,
    typer.Option(
        "--appearances",
        help="Add first_seen_claim_id and appearances after the export contract's columns.",
    ),
]
FoundByOpt = Annotated[
    bool,
    typer.Option(
        "--found-by",
        help="Add found_by after the other columns: rules, or detector for a claim only the "
        "learned detector found (less sure).",
    ),
]
EveryOpt = Annotated[
    bool,
    typer.Option(
        "--every-appearance",
        help="One row per source that reported a claim (default: one row per claim).",
    ),
]


def make_filter(
    topic: str | None,
    actor: str | None,
    since: str | None,
    until: str | None,
    source: str | None,
    search: str | None,
    attribution: Attribution | None,
    status: Status | None,
    limit: int | None,
) -> ClaimFilter:
    return ClaimFilter(
        topic=topic,
        actor=actor,
        since=date_option(since, "--since"),
        until=date_option(until, "--until"),
        source=source,
        search=search,
        attribution=attribution.value if attribution else None,
        status=status.value if status else None,
        limit=limit,
    )


# ---- listings ---------------------------------------------------------------------------


def columns(appearances: bool, found_by: bool = False) -> tuple[str, ...]:
    """The export contract's columns, exactly; the appearance columns and found_by only when
    asked for, after them."""
    return (LISTING_COLUMNS if appearances else EXPORT_COLUMNS) + (
        ("found_by",) if found_by else ()
    )


def list_claims(
    flt: ClaimFilter,
    every: bool,
    appearances: bool,
    found_by: bool,
    fmt: Format | None,
    output: Path | None,
    bom: bool,
    db: str | None,
    table: Callable[[Iterable[dict]], Table],
) -> None:
    list_rows(
        db,
        lambda s: iter_rows(s, flt, first_only=not every),
        columns(appearances, found_by),
        "claim",
        table,
        fmt,
        output,
        bom,
    )


def who_said(
    topic: TopicOpt = None,
    actor: ActorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    search: SearchOpt = None,
    attribution: AttributionOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    every: EveryOpt = False,
    appearances: AppearancesOpt = False,
    found_by: FoundByOpt = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: BomOpt = False,
    db: DbOpt = None,
) -> None:
    """Who said what, when: claims filtered by topic, speaker, date, source, words, status."""
    flt = make_filter(topic, actor, since, until, source, search, attribution, status, limit)
    list_claims(flt, every, appearances, found_by, fmt, output, bom, db, claims_table)


def timeline(
    actor: ActorOpt = None,
    topic: TopicOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    search: SearchOpt = None,
    attribution: AttributionOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    every: EveryOpt = False,
    appearances: AppearancesOpt = False,
    found_by: FoundByOpt = False,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: BomOpt = False,
    db: DbOpt = None,
) -> None:
    """Claims in the order they were made, to see how a position moved.

    A claim dated only "before" a day ("earlier", "previously") is placed before the
    dated claims its article reports; one said "by" a day goes after that day's claims.
    """
    flt = make_filter(topic, actor, since, until, source, search, attribution, status, limit)
    list_claims(flt, every, appearances, found_by, fmt, output, bom, db, timeline_table)


# ---- show -------------------------------------------------------------------------------


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
    with query_session(db) as s:
        d = claim_detail(s, claim_id)
    with open_output(output) as out:
        if fmt is DetailFormat.json:
            out.write(to_json(d, indent=2) + "\n")
        else:
            console = TerminalConsole(file=out) if output is not None else TerminalConsole()
            render_claim(d, console)


# ---- export -----------------------------------------------------------------------------


class ExportFormat(StrEnum):
    csv = "csv"
    tsv = "tsv"
    json = "json"
    jsonl = "jsonl"
    claimreview = "claimreview"


def export(
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="csv (default), tsv, json, jsonl, or claimreview: schema.org ClaimReview "
            "JSON-LD for the reviewed claims.",
        ),
    ] = None,
    output: OutputOpt = None,
    bom: BomOpt = False,
    topic: TopicOpt = None,
    actor: ActorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    source: SourceOpt = None,
    search: SearchOpt = None,
    attribution: AttributionOpt = None,
    status: StatusOpt = None,
    limit: LimitOpt = None,
    publisher: Annotated[
        str | None, typer.Option(help="Your organisation, named in ClaimReview output.")
    ] = None,
    appearances: AppearancesOpt = False,
    found_by: FoundByOpt = False,
    db: DbOpt = None,
) -> None:
    """Export claims with source, speaker, offsets, date, topics and appearances (streams).

    Every appearance is a row. Columns: the export contract, exactly (with --appearances, then first_seen_claim_id and appearances; with --found-by, then found_by). CSV cells that would start a spreadsheet formula get a leading '.
    """
    flt = make_filter(topic, actor, since, until, source, search, attribution, status, limit)
    if fmt is ExportFormat.claimreview:
        with query_session(db) as s, open_output(output) as out:
            only = None
            if flt != ClaimFilter():
                only = {r["first_seen_claim_id"] for r in iter_rows(s, flt, first_only=True)}
            count = write_json_array(iter_claim_reviews(s, publisher, only=only), out)
        if output is not None:
            err.print(
                f"{plural(count, 'claim review')} written to {output}",
                highlight=False,
                markup=False,
            )
        return
    chosen = choose_format(Format(fmt.value) if fmt else None, output, Format.csv)
    if chosen is Format.table:
        raise typer.BadParameter(
            "export writes csv, tsv, json, jsonl or claimreview", param_hint="--format"
        )
    with query_session(db) as s, open_output(output) as out:
        count = write_rows(iter_rows(s, flt), columns(appearances, found_by), chosen, out, bom=bom)
    if output is not None:
        err.print(f"{plural(count, 'claim')} written to {output}", highlight=False, markup=False)
