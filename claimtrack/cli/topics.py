"""``claimtrack topics``: the taxonomy with claim counts; add, edit, remove, re-tag."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimtrack.cli import startup
from claimtrack.cli.common import ClaimIdArg, DbOpt, err, list_rows, session, sub_app
from claimtrack.cli.options import OUTPUT, OutputOptions, bundled
from claimtrack.cli.render import plural, suggestions_table, topics_table

if TYPE_CHECKING:  # the curating code loads when a command runs, not for --help
    from claimtrack.curate import topics as core

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


@app.command("list")
@bundled(out=OUTPUT)
def list_topics(*, out: OutputOptions, db: DbOpt = None) -> None:
    """Every topic with its number of claims and its keywords."""
    startup.asking()
    from claimtrack.query import listings

    list_rows(
        db, listings.iter_topics, listings.TOPIC_COLUMNS, "topic", topics_table, out, core=True
    )


ParentOpt = Annotated[
    str | None,
    typer.Option(help="Put it under this topic: --topic PARENT then finds its claims too."),
]


@app.command("add")
def add(
    slug: Annotated[str, typer.Argument(help="New slug: a-z, 0-9 and -, e.g. nuclear-weapons.")],
    label: Annotated[str | None, typer.Option(help="Label shown to readers.")] = None,
    keyword: KeywordOpt = None,
    parent: ParentOpt = None,
    db: DbOpt = None,
) -> None:
    """Add a topic and tag the stored claims that match it."""
    from claimtrack.curate import topics as core

    with session(db) as s:
        result = core.add_topic(s, slug, label, keyword or [], parent)
    _report(f"added topic {slug}", result)


@app.command("suggest")
@bundled(out=OUTPUT)
def suggest(
    *,
    out: OutputOptions,
    limit: Annotated[int, typer.Option(min=1, help="How many suggestions.")] = 10,
    min_claims: Annotated[
        int, typer.Option(min=1, help="Fewest uncovered claims a phrase must be in.")
    ] = 3,
    add: Annotated[
        str | None,
        typer.Option(help="Add this suggestion (its rank, or its phrase) as a topic and tag."),
    ] = None,
    slug: Annotated[
        str | None, typer.Option(help="Slug for --add (default: from the phrase).")
    ] = None,
    parent: ParentOpt = None,
    db: DbOpt = None,
) -> None:
    """Propose topics from the claims no topic covers: frequent, distinctive phrases, with
    counts and example claims; --add RANK adds one."""
    from claimtrack.curate import topics as core
    from claimtrack.curate.suggest import SUGGESTION_COLUMNS, suggestion_rows

    if add is None:
        rows = lambda s: suggestion_rows(core.suggestions(s, limit, min_claims))  # noqa: E731
        list_rows(db, rows, SUGGESTION_COLUMNS, "suggestion", suggestions_table, out)
        return
    with session(db) as s:
        found = core.suggestions(s, limit, min_claims)
        added, result = core.add_suggested(s, add, found, slug, parent)
    _report(f"added topic {added}", result)


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
    from claimtrack.curate import topics as core

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
    from claimtrack.curate import topics as core

    with session(db) as s:
        removed, links = core.remove_topic(s, slug)
    err.print(f"removed topic {removed} from {plural(links, 'claim')}", highlight=False)


@app.command("retag")
def retag(db: DbOpt = None) -> None:
    """Re-tag every stored claim with the current keywords of every topic."""
    from claimtrack.curate import topics as core

    with session(db) as s:
        result = core.retag(s)
    _report("re-tagged every topic", result)


@app.command("update")
def update(
    taxonomy: Annotated[
        Path | None, typer.Option(help="Taxonomy TOML to load (default: the built-in one).")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Load the taxonomy (default: the built-in one, after an upgrade of claimtrack) into the
    database and re-tag every claim; topics added by hand stay."""
    from claimtrack.curate import topics as core

    with session(db) as s:
        changed, result = core.update_taxonomy(s, str(taxonomy) if taxonomy else None)
    _report(f"updated {plural(len(changed), 'topic')}", result)


@app.command("tag")
def tag(
    claim_id: ClaimIdArg,
    slug: SlugArg,
    remove: Annotated[bool, typer.Option("--remove", help="Take the claim out instead.")] = False,
    db: DbOpt = None,
) -> None:
    """Put a claim under a topic by hand (kept by re-tagging), or --remove it."""
    from claimtrack.curate import topics as core

    with session(db) as s:
        done = core.tag_claim(s, claim_id, slug, remove)
    err.print(f"claim #{claim_id} {'removed from' if remove else 'tagged'} {done}")
