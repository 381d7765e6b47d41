"""``claimtrack actors``: list speakers with claim counts, show, merge, alias, set."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli import startup
from claimtrack.cli.common import (
    ByOpt,
    DbOpt,
    DetailFormat,
    DetailFormatOpt,
    Kind,
    WhyOpt,
    err,
    list_rows,
    query_session,
    session,
    sub_app,
)
from claimtrack.cli.options import OUTPUT, OutputOptions, bundled
from claimtrack.cli.render import (
    actors_table,
    plural,
    print_detail_json,
    render_actor,
    terminal_console,
)

app = sub_app(
    "Speakers: list, show, merge two into one, resolve surnames, add aliases, set role and"
    " affiliation."
)

WhoArg = Annotated[str, typer.Argument(help="Speaker: #id, name, alias or surname.")]


@app.command("list")
@bundled(out=OUTPUT)
def list_actors(
    *,
    kind: Annotated[Kind | None, typer.Option(help="Only this kind of speaker.")] = None,
    out: OutputOptions,
    db: DbOpt = None,
) -> None:
    """Every speaker with the number of claims they made, most first."""
    startup.asking()
    from claimtrack.query import listings

    list_rows(
        db,
        lambda s: listings.iter_actors(s, kind.value if kind else None),
        listings.ACTOR_COLUMNS,
        "speaker",
        actors_table,
        out,
        core=True,
    )


@app.command("show")
def show_actor(
    who: WhoArg,
    fmt: DetailFormatOpt = DetailFormat.text,
    db: DbOpt = None,
) -> None:
    """A speaker's details, aliases and claims."""
    startup.asking()
    from claimtrack.query import listings, lookups
    from claimtrack.query.claims import iter_rows
    from claimtrack.query.filters import ClaimFilter

    with query_session(db) as s:
        actor = lookups.get_actor(s, who)
        claims = list(iter_rows(s, ClaimFilter(actor=str(actor.id)), first_only=True))
        row = listings.actor_row(actor, len(claims))
    if fmt is DetailFormat.json:
        print_detail_json(row, claims)
        return
    render_actor(row, claims, terminal_console())


@app.command("merge")
def merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep.")],
    other: Annotated[str, typer.Argument(help="The speaker merged into it, then removed.")],
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Merge OTHER into KEEP: every claim and alias of OTHER moves to KEEP (kept in the
    audit log, `claimtrack log`)."""
    from claimtrack.curate import actors as core
    from claimtrack.curate.corrections import By

    with session(db) as s:
        result = core.merge(s, keep, other, By(by, why))
    err.print(
        f"merged {result.removed} into {result.kept}: {plural(result.claims_moved, 'claim')} moved",
        highlight=False,
    )


class _DryRun(Exception):
    """Raised inside the transaction of `actors resolve --dry-run`: nothing is kept."""


@app.command("resolve")
def resolve(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would move; change nothing.")
    ] = False,
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Re-resolve the speakers filed under a surname alone ("Obama") or an unresolved
    description ("the Indiana governor") against the whole database: a claim moves to the
    one person its article names in full, else the one known person it fits (kept in the
    audit log). Several who fit, or nobody, leave it where it is."""
    from claimtrack.curate import actors as core
    from claimtrack.curate.corrections import By

    lines: list[str] = []
    try:
        with session(db, create=False) as s:
            moved = core.resolve(s, By(by, why))
            lines = [
                f"claim #{m.claim_id} (source #{m.source_id}): {m.was} -> {m.now} (#{m.now_id}),"
                f" {m.why}"
                for m in moved
            ]
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    for line in lines:
        typer.echo(line)
    verb = "would move" if dry_run else "moved"
    err.print(f"{plural(len(lines), 'claim')} {verb}", highlight=False)


@app.command("alias")
def alias(
    who: WhoArg,
    names: Annotated[list[str], typer.Argument(help="Other names for the speaker.")],
    remove: Annotated[bool, typer.Option("--remove", help="Remove these aliases instead.")] = False,
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Add (or --remove) other names a speaker goes by, so --actor finds them. Removing
    one moves the claims whose speaker the text names by it to the speaker of that name."""
    from claimtrack.curate import actors as core
    from claimtrack.curate.corrections import By

    moves: list[str] = []
    with session(db) as s:
        for name in names:
            if remove:
                actor, other, n = core.remove_alias(
                    s, who, name, By(by, why) if by or why else None
                )
                if other is not None:
                    moves.append(
                        f"{plural(n, 'claim')} named {name!r} moved to {other.name} (#{other.id})"
                    )
            else:
                actor = core.add_alias(s, who, name, By(by, why))
        aliases = ", ".join(sorted(a.alias for a in actor.aliases)) or "none"
        name = actor.name
    err.print(f"{name}: aliases {aliases}", highlight=False, markup=False)
    for line in moves:
        err.print(line, highlight=False, markup=False)


@app.command("split")
def split(
    who: WhoArg,
    claims: Annotated[
        list[int], typer.Argument(help="The claims (ids) to move.", show_default=False)
    ],
    into: Annotated[
        str,
        typer.Option("--into", help="The speaker they move to: #id, name; a new name makes one."),
    ],
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Split a speaker: move chosen claims to another (or a new) speaker, e.g. when two
    people were taken for one. Each move is kept in the audit log."""
    from claimtrack.curate import actors as core
    from claimtrack.curate.corrections import By

    with session(db, create=False) as s:
        actor, target = core.split(s, who, claims, into, By(by, why))
        line = f"{plural(len(claims), 'claim')} moved from {actor.name} to {target.name} (#{target.id})"
    err.print(line, highlight=False, markup=False)


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
    by: ByOpt = None,
    why: WhyOpt = None,
    db: DbOpt = None,
) -> None:
    """Set a speaker's name, role, affiliation or kind (kept in the audit log)."""
    from claimtrack.curate import actors as core
    from claimtrack.curate.corrections import By
    from claimtrack.query import listings

    if name is None and role is None and affiliation is None and kind is None:
        raise typer.BadParameter("give --name, --role, --affiliation or --kind")
    with session(db) as s:
        actor = core.set_details(
            s,
            who,
            name=name,
            kind=kind.value if kind else None,
            role=role,
            affiliation=affiliation,
            by=By(by, why),
        )
        row = listings.actor_row(actor, 0)
    err.print(
        f"#{row['actor_id']} {row['name']} [{row['kind']}] role: {row['role'] or '-'}, "
        f"affiliation: {row['affiliation'] or '-'}",
        highlight=False,
    )
