"""``claimtrack topics``: the taxonomy with claim counts; add, edit, remove, re-tag."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from claimtrack.cli.common import (
    ClaimIdArg,
    DbOpt,
    err,
    list_rows,
    plural,
    session,
    sub_app,
)
from claimtrack.cli.render import (
    BomOpt,
    FormatOpt,
    OutputOpt,
)
from claimtrack.curate import topics as core
from claimtrack.query import listings

app = sub_app("Topics: list with claim counts, add, edit, remove; claims are re-tagged at once.")

SlugArg = Annotated[str, typer.Argument(help="Topic slug (or its label or a keyword).")]
KeywordOpt = Annotated[
    list[str] | None,
    typer.Option("--keyword", "-k", help="A keyword (repeat the option); trailing * = any ending."),
]


def _report(what: str, result: core.Retagged) -> None:
    err.print(
        f"{what}; re-tagged: {plural(result.added, 'claim')} added, {result.removed} removed",
        highlight=False,
    )


def topics_table(rows: Iterable[dict]) -> Table:
    table = Table(expand=True)
    table.add_column("slug", style="bold")
    table.add_column("label", ratio=2)
    table.add_column("claims", justify="right")
    table.add_column("keywords", ratio=5)
    for r in rows:
        cells = (r["slug"], r["label"], r["claims"], ", ".join(r["keywords"].split(";")))
        table.add_row(*(Text(str(c)) for c in cells))
    return table


@app.command("list")
def list_topics(
    fmt: FormatOpt = None, output: OutputOpt = None, bom: BomOpt = False, db: DbOpt = None
) -> None:
    """Every topic with its number of claims and its keywords."""
    list_rows(
        db, listings.iter_topics, listings.TOPIC_COLUMNS, "topic", topics_table, fmt, output, bom
    )


@app.command("add")
def add(
    slug: Annotated[str, typer.Argument(help="New slug: a-z, 0-9 and -, e.g. nuclear-weapons.")],
    label: Annotated[str | None, typer.Option(help="Label shown to readers.")] = None,
    keyword: KeywordOpt = None,
    db: DbOpt = None,
) -> None:
    """Add a topic and tag the stored claims that match it."""
    with session(db) as s:
        result = core.add_topic(s, slug, label, keyword or [])
    _report(f"added topic {slug}", result)


@app.command("edit")
def edit(
    slug: SlugArg,
    label: Annotated[str | None, typer.Option(help="New label.")] = None,
    keyword: Annotated[
        list[str] | None,
        typer.Option("--keyword", "-k", help="Replace all keywords with these (repeat)."),
    ] = None,
    add_keyword: Annotated[
        list[str] | None, typer.Option("--add-keyword", "-a", help="Add a keyword (repeat).")
    ] = None,
    remove_keyword: Annotated[
        list[str] | None, typer.Option("--remove-keyword", "-r", help="Remove a keyword (repeat).")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Change a topic's label or keywords, then re-tag the stored claims."""
    if label is None and keyword is None and not add_keyword and not remove_keyword:
        raise typer.BadParameter("give --label, --keyword, --add-keyword or --remove-keyword")
    with session(db) as s:
        result = core.edit_topic(
            s,
            slug,
            label=label,
            keywords=keyword,
            add_keywords=add_keyword or [],
            remove_keywords=remove_keyword or [],
        )
    _report(f"edited topic {slug}", result)


@app.command("remove")
def remove(slug: SlugArg, db: DbOpt = None) -> None:
    """Remove a topic; its claims stay, untagged from it."""
    with session(db) as s:
        removed, links = core.remove_topic(s, slug)
    err.print(f"removed topic {removed} from {plural(links, 'claim')}", highlight=False)


@app.command("retag")
def retag(db: DbOpt = None) -> None:
    """Re-tag every stored claim with the current keywords of every topic."""
    with session(db) as s:
        result = core.retag(s)
    _report("re-tagged every topic", result)


@app.command("tag")
def tag(
    claim_id: ClaimIdArg,
    slug: SlugArg,
    remove: Annotated[bool, typer.Option("--remove", help="Take the claim out instead.")] = False,
    db: DbOpt = None,
) -> None:
    """Put a claim under a topic by hand (kept by re-tagging), or --remove it."""
    with session(db) as s:
        done = core.tag_claim(s, claim_id, slug, remove)
    err.print(f"claim #{claim_id} {'removed from' if remove else 'tagged'} {done}")
