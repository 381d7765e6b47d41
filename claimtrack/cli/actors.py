"""``claimtrack actors``: list speakers with claim counts, show, merge, alias, set."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimtrack.cli.common import (
    DbOpt,
    DetailFormat,
    DetailFormatOpt,
    Kind,
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
from claimtrack.curate import actors as core
from claimtrack.query import listings, lookups
from claimtrack.query.claims import ClaimFilter, iter_rows

app = sub_app("Speakers: list, show, merge two into one, add aliases, set role and affiliation.")

WhoArg = Annotated[str, typer.Argument(help="Speaker: #id, name, alias or surname.")]


def actors_table(rows: Iterable[dict]) -> Table:
    table = Table(expand=True)
    table.add_column("id", justify="right")
    table.add_column("name", style="bold", ratio=3)
    table.add_column("kind")
    table.add_column("role", ratio=2)
    table.add_column("affiliation", ratio=2)
    table.add_column("claims", justify="right")
    for r in rows:
        cells = (r["actor_id"], r["name"], r["kind"], r["role"], r["affiliation"], r["claims"])
        table.add_row(*(Text("" if c is None else str(c)) for c in cells))
    return table


@app.command("list")
def list_actors(
    kind: Annotated[Kind | None, typer.Option(help="Only this kind of speaker.")] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    bom: BomOpt = False,
    db: DbOpt = None,
) -> None:
    """Every speaker with the number of claims they made, most first."""
    list_rows(
        db,
        lambda s: listings.iter_actors(s, kind.value if kind else None),
        listings.ACTOR_COLUMNS,
        "speaker",
        actors_table,
        fmt,
        output,
        bom,
    )


@app.command("show")
def show_actor(
    who: WhoArg,
    fmt: DetailFormatOpt = DetailFormat.text,
    db: DbOpt = None,
) -> None:
    """A speaker's details, aliases and claims."""
    with query_session(db) as s:
        actor = lookups.get_actor(s, who)
        claims = list(iter_rows(s, ClaimFilter(actor=str(actor.id)), first_only=True))
        row = listings.actor_row(actor, len(claims))
    if fmt is DetailFormat.json:
        print_detail_json(row, claims)
        return
    row, claims = for_terminal(row), for_terminal(claims)
    console = TerminalConsole()
    console.print(Text(f"#{row['actor_id']} {row['name']} [{row['kind']}]", style="bold"))
    for field in ("role", "affiliation", "aliases"):
        console.print(f"{field}: {row[field] or '-'}", highlight=False, markup=False)
    console.print(f"{plural(len(claims), 'claim')}:", highlight=False, markup=False)
    for c in claims:
        day = c["said_on"] or f"{c['date_relation']} {c['date_anchor'] or c['published_on'] or ''}"
        console.print(
            f"  #{c['claim_id']} {day} {c['cue']}: {c['content']}", highlight=False, markup=False
        )


@app.command("merge")
def merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep.")],
    other: Annotated[str, typer.Argument(help="The speaker merged into it, then removed.")],
    db: DbOpt = None,
) -> None:
    """Merge OTHER into KEEP: every claim and alias of OTHER moves to KEEP."""
    with session(db) as s:
        result = core.merge(s, keep, other)
    err.print(
        f"merged {result.removed} into {result.kept}: {plural(result.claims_moved, 'claim')} moved",
        highlight=False,
    )


@app.command("alias")
def alias(
    who: WhoArg,
    names: Annotated[list[str], typer.Argument(help="Other names for the speaker.")],
    remove: Annotated[bool, typer.Option("--remove", help="Remove these aliases instead.")] = False,
    db: DbOpt = None,
) -> None:
    """Add (or --remove) other names a speaker goes by, so --actor finds them."""
    with session(db) as s:
        for name in names:
            actor = core.remove_alias(s, who, name) if remove else core.add_alias(s, who, name)
        aliases = ", ".join(sorted(a.alias for a in actor.aliases)) or "none"
        name = actor.name
    err.print(f"{name}: aliases {aliases}", highlight=False, markup=False)


@app.command("set")
def set_actor(
    who: WhoArg,
    name: Annotated[
        str | None, typer.Option(help="New name (the old one becomes an alias).")
    ] = None,
    role: Annotated[
        str | None, typer.Option(help="Role, e.g. 'U.S. President' ('' clears).")
    ] = None,
    affiliation: Annotated[
        str | None, typer.Option(help="Affiliation, e.g. 'Russia' ('' clears).")
    ] = None,
    kind: Annotated[Kind | None, typer.Option(help="Kind of speaker.")] = None,
    db: DbOpt = None,
) -> None:
    """Set a speaker's name, role, affiliation or kind."""
    if name is None and role is None and affiliation is None and kind is None:
        raise typer.BadParameter("give --name, --role, --affiliation or --kind")
    with session(db) as s:
        actor = core.set_details(
            s, who, name=name, kind=kind.value if kind else None, role=role, affiliation=affiliation
        )
        row = listings.actor_row(actor, 0)
    err.print(
        f"#{row['actor_id']} {row['name']} [{row['kind']}] role: {row['role'] or '-'}, "
        f"affiliation: {row['affiliation'] or '-'}",
        highlight=False,
    )
