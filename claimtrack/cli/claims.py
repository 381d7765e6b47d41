"""Asking: ``who-said``, ``timeline``, ``show`` and ``export``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

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
    plural,
    query_session,
)
from claimtrack.cli.render import (
    BomOpt,
    Format,
    FormatOpt,
    OutputOpt,
    TerminalConsole,
    choose_format,
    for_terminal,
    open_output,
    to_json,
    visible,
    write_json_array,
    write_rows,
)
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


# ---- tables -----------------------------------------------------------------------------


def describe_date(row: dict) -> str:
    relation = row["date_relation"]
    anchor = row.get("date_anchor") or row["published_on"]
    if relation == "on" and row["said_on"]:
        return row["said_on"]
    if relation in ("before", "by") and anchor:
        return f"{relation} {anchor}"
    return f"undated\n(pub. {row['published_on']})" if row["published_on"] else "undated"


def source_cell(row: dict) -> str:
    name = (
        row["source_outlet"]
        or row["source_title"]
        or Path(row["source_path"] or "").name
        or "(stdin)"
    )
    if row.get("appearances", 1) > 1:
        name += f"\n+{row['appearances'] - 1} more (show {row['claim_id']})"
    return name


def speaker_cell(row: dict) -> str:
    return row["speaker"] or row["speaker_mention"] or "(unattributed)"


def claims_table(rows: Iterable[dict]) -> Table:
    """who-said: id, speaker, date, cue and claim, topics, source (+ status once reviewed)."""
    rows = list(rows)
    reviewed = any(r["status"] != "unreviewed" for r in rows)
    table = Table(show_lines=True, expand=True)
    table.add_column("id", justify="right")
    table.add_column("speaker", style="bold", ratio=3)
    table.add_column("date", min_width=10)
    table.add_column("claim", ratio=8)
    table.add_column("topics", ratio=3, overflow="fold")
    table.add_column("source", ratio=3)
    if reviewed:
        table.add_column("status")
    for r in rows:
        cells = [
            str(r["claim_id"]),
            speaker_cell(r),
            describe_date(r),
            f"{r['cue']}: {r['content']}",
            " ".join(r["topics"].split(";")) if r["topics"] else "",
            source_cell(r),
        ]
        if reviewed:
            cells.append(r["status"])
        table.add_row(*(Text(c) for c in cells))
    return table


def timeline_table(rows: Iterable[dict]) -> Table:
    """timeline: date first, then speaker, claim, source, id."""
    table = Table(show_lines=True, expand=True)
    table.add_column("date", min_width=10)
    table.add_column("speaker", style="bold", ratio=3)
    table.add_column("claim", ratio=8)
    table.add_column("source", ratio=3)
    table.add_column("id", justify="right")
    for r in rows:
        cells = [
            describe_date(r),
            speaker_cell(r),
            f"{r['cue']}: {r['content']}",
            source_cell(r),
            str(r["claim_id"]),
        ]
        table.add_row(*(Text(c) for c in cells))
    return table


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


STYLES = {"speaker": "bold cyan", "cue": "bold yellow", "content": "green"}
MARKS = {"speaker": ("{", "}"), "cue": ("<", ">"), "content": ("[", "]")}


def highlighted(par: dict, marks: bool) -> Text:
    """The paragraph with speaker, cue and content styled (and bracketed when plain);
    PAR as stored (offsets into its text), each piece made visible() for the terminal."""
    text, base = par["text"], par["start"]
    out = Text()
    pos = 0
    for h in par["highlights"]:
        s, e = h["start"] - base, h["end"] - base
        if s < pos:
            continue  # overlapping span: keep the first
        out.append(visible(text[pos:s]))
        left, right = MARKS[h["kind"]] if marks else ("", "")
        out.append(left + visible(text[s:e]) + right, style=STYLES[h["kind"]])
        pos = e
    out.append(visible(text[pos:]))
    return out


def render_claim(stored: dict, console: Console) -> None:
    """A claim_detail() for a terminal: every text made visible() first."""
    d = for_terminal(stored)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    row = lambda k, v: grid.add_row(k, Text(v))  # noqa: E731 - plain text, never markup
    sp = d["speaker"]
    who = sp["name"] or sp["mention"] or "(unattributed)"
    details = ", ".join(x for x in (sp["role"], sp["affiliation"]) if x)
    speaker = (
        who + (f" ({details})" if details else "") + (f" [{sp['kind']}]" if sp["kind"] else "")
    )
    if sp["mention"] and sp["mention"] != sp["name"]:
        speaker += f"\nnamed in the text as \u201c{sp['mention']}\u201d"
    seen, first = d["appearances"], d["first_seen_claim_id"]
    if seen == 1:
        row("claim", f"#{d['claim_id']}")
    elif first == d["claim_id"]:
        row("claim", f"#{d['claim_id']} (first of {seen} appearances)")
    else:
        row("claim", f"#{d['claim_id']} (one of {seen} appearances; first: #{first})")
    row("speaker", speaker)
    row("cue", f"{d['cue']} ({d['attribution']}{', hedged' if d['hedged'] else ''})")
    found = "the rules" if d["found_by"] == "rules" else "the learned detector only"
    row("found by", f"{found} (confidence {d['confidence']:.2f})")
    row("content", d["content"])
    if d["quote"]:
        row("quote", f"\u201c{d['quote']}\u201d")
    row("date", d["date"]["derivation"])
    topics = ", ".join(f"{t['slug']} (via {t['via']})" for t in d["topics"]) or "none"
    row("topics", topics)
    src = d["source"]
    where = " / ".join(
        str(x)
        for x in (src["title"], src["outlet"], src["published_on"], src["url"] or src["path"])
        if x
    )
    row("source", f"#{src['source_id']} {where}")
    row("status", d["status"])
    console.print(grid)
    marks = not console.is_terminal or console.no_color
    console.print()
    title = "paragraph" + ("  {speaker} <cue> [content]" if marks else "")
    console.print(Text(title, style="bold"))
    console.print(highlighted(stored["paragraph"], marks))
    others = d["other_appearances"]
    if others:
        console.print()
        console.print(Text(f"also reported by {plural(len(others), 'other source')}", style="bold"))
        seen_in = Table.grid(padding=(0, 1))
        seen_in.add_column(justify="right", no_wrap=True)
        seen_in.add_column()
        for a in others:
            mark = " (first appearance)" if a["first"] else ""
            where = " / ".join(
                str(x) for x in (a["source_title"], a["source_outlet"], a["published_on"]) if x
            )
            said = f"{a['speaker_mention'] or ''} {a['cue']}: {a['content']}".strip()
            seen_in.add_row(f"  #{a['claim_id']}", Text(f"source #{a['source_id']} {where}{mark}"))
            seen_in.add_row("", Text(said))
        console.print(seen_in)
    if d["reviews"]:
        console.print()
        console.print(Text("reviews", style="bold"))
        for r in d["reviews"]:
            by = f" by {r['reviewer']}" if r["reviewer"] else ""
            note = f": {r['note']}" if r["note"] else ""
            console.print(
                f"  {r['reviewed_at']} {r['status']}{by}{note}", highlight=False, markup=False
            )


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
