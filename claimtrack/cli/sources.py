"""``claimtrack sources``: list the stored articles, show one, remove one with its claims."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimtrack.cli.claims import claims_table
from claimtrack.cli.common import (
    DbOpt,
    DetailFormat,
    DetailFormatOpt,
    err,
    list_rows,
    plural,
    print_detail_json,
    query_session,
    session,
    sub_app,
)
from claimtrack.cli.render import (
    BomOpt,
    FormatOpt,
    OutputOpt,
    TerminalConsole,
    for_terminal,
)
from claimtrack.curate import sources as core
from claimtrack.query import listings, lookups
from claimtrack.query.claims import ClaimFilter, iter_rows

app = sub_app("Sources: list the stored articles, show one, remove one with its claims.")

WhichArg = Annotated[
    str, typer.Argument(help="Source id, or part of its title, outlet, path or URL.")
]


def sources_table(rows: Iterable[dict]) -> Table:
    table = Table(expand=True)
    table.add_column("id", justify="right")
    table.add_column("title", style="bold", ratio=4)
    table.add_column("outlet", ratio=2)
    table.add_column("published", min_width=10)
    table.add_column("claims", justify="right")
    table.add_column("path", ratio=3, overflow="fold")
    for r in rows:
        cells = (r["source_id"], r["title"], r["outlet"], r["published_on"], r["claims"], r["path"])
        table.add_row(*(Text("" if c is None else str(c)) for c in cells))
    return table


@app.command("list")
def list_sources(
    fmt: FormatOpt = None, output: OutputOpt = None, bom: BomOpt = False, db: DbOpt = None
) -> None:
    """Every stored source with its number of claims, oldest first."""
    list_rows(
        db,
        listings.iter_sources,
        listings.SOURCE_COLUMNS,
        "source",
        sources_table,
        fmt,
        output,
        bom,
    )


@app.command("show")
def show_source(
    which: WhichArg,
    fmt: DetailFormatOpt = DetailFormat.text,
    db: DbOpt = None,
) -> None:
    """A source's details and the claims it reports."""
    with query_session(db) as s:
        source = lookups.get_source(s, which)
        claims = list(iter_rows(s, ClaimFilter(source=str(source.id)), first_only=False))
        row = listings.source_row(source, len(claims))
    if fmt is DetailFormat.json:
        print_detail_json(row, claims)
        return
    row, claims = for_terminal(row), for_terminal(claims)
    console = TerminalConsole()
    console.print(Text(f"#{row['source_id']} {row['title'] or row['path']}", style="bold"))
    for field in ("outlet", "published_on", "url", "path", "words"):
        console.print(
            f"{field}: {row[field] if row[field] is not None else '-'}",
            highlight=False,
            markup=False,
        )
    console.print(claims_table(claims))


@app.command("remove")
def remove(
    which: WhichArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db: DbOpt = None,
) -> None:
    """Remove a source and every claim it reported (other sources' appearances stay)."""
    with session(db) as s:
        source = lookups.get_source(s, which)
        label = f"#{source.id} {source.title or source.path or ''}".strip()
        if not yes and not typer.confirm(f"remove {label} and its claims?"):
            raise typer.Exit(1)
        _, count = core.remove_source(s, which)
    err.print(f"removed source {label} and {plural(count, 'claim')}", highlight=False, markup=False)
