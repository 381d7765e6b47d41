"""``claimtrack sources``: list the stored articles, show one, remove one with its claims."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli import startup
from claimtrack.cli.common import (
    DbOpt,
    DetailFormat,
    DetailFormatOpt,
    date_option,
    err,
    list_rows,
    query_session,
    session,
    sub_app,
)
from claimtrack.cli.options import OUTPUT, OutputOptions, bundled
from claimtrack.cli.render import (
    plural,
    print_detail_json,
    render_source,
    sources_table,
    terminal_console,
)

app = sub_app(
    "Sources: list the stored articles, show one, correct its details, remove one with its claims."
)

WhichArg = Annotated[
    str, typer.Argument(help="Source id, or part of its title, outlet, path or URL.")
]


@app.command("list")
@bundled(out=OUTPUT)
def list_sources(*, out: OutputOptions, db: DbOpt = None) -> None:
    """Every stored source with its number of claims, oldest first."""
    startup.asking()
    from claimtrack.query import listings

    list_rows(
        db, listings.iter_sources, listings.SOURCE_COLUMNS, "source", sources_table, out, core=True
    )


@app.command("show")
def show_source(
    which: WhichArg,
    fmt: DetailFormatOpt = DetailFormat.text,
    db: DbOpt = None,
) -> None:
    """A source's details and the claims it reports."""
    startup.asking()
    from claimtrack.query import listings, lookups
    from claimtrack.query.claims import iter_rows
    from claimtrack.query.filters import ClaimFilter

    with query_session(db) as s:
        source = lookups.get_source(s, which)
        claims = list(iter_rows(s, ClaimFilter(source=str(source.id)), first_only=False))
        row = listings.source_row(source, len(claims))
    if fmt is DetailFormat.json:
        print_detail_json(row, claims)
        return
    render_source(row, claims, terminal_console())


@app.command("set")
def set_source(
    which: WhichArg,
    published: Annotated[
        str | None, typer.Option(help="Publication day, YYYY-MM-DD ('' clears).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title ('' clears).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet, e.g. 'Example Daily'.")] = None,
    author: Annotated[str | None, typer.Option(help="Author ('' clears).")] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL ('' clears).")] = None,
    by: Annotated[str | None, typer.Option("--by", help="Who made the correction.")] = None,
    why: Annotated[str | None, typer.Option("--why", help="Why, kept in the audit log.")] = None,
    db: DbOpt = None,
) -> None:
    """Correct a source's details; claims dated against its publication day are re-dated.
    Kept in the audit log (`claimtrack log --source ID`)."""
    from claimtrack.curate import sources as core

    changes: dict[str, object] = {
        k: v
        for k, v in (("title", title), ("outlet", outlet), ("author", author), ("url", url))
        if v is not None
    }
    if published is not None:
        changes["published_on"] = (
            date_option(published, "--published") if published.strip() else None
        )
    if not changes:
        raise typer.BadParameter("give --published, --title, --outlet, --author or --url")
    with session(db, create=False) as s:
        source, redated = core.set_source(s, which, changes, by, why)
        label = f"#{source.id} {source.title or source.path or ''}".strip()
    done = ", ".join(sorted(changes))
    err.print(
        f"source {label}: {done} set; {plural(redated, 'claim')} re-dated",
        highlight=False,
        markup=False,
    )


@app.command("remove")
def remove(
    which: WhichArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db: DbOpt = None,
) -> None:
    """Remove a source and every claim it reported (other sources' appearances stay)."""
    from claimtrack.curate import sources as core
    from claimtrack.query import lookups

    with session(db) as s:
        source = lookups.get_source(s, which)
        label = f"#{source.id} {source.title or source.path or ''}".strip()
        if not yes and not typer.confirm(f"remove {label} and its claims?"):
            raise typer.Exit(1)
        _, count = core.remove_source(s, which)
    err.print(f"removed source {label} and {plural(count, 'claim')}", highlight=False, markup=False)
