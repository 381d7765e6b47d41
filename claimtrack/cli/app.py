"""The claimtrack command line (Typer + Rich): the root app; commands live in
the modules of ``claimtrack.cli``.

Every command takes ``--db PATH_OR_URL`` (env CLAIMTRACK_DB, default ./claimtrack.db).
A user's mistake prints one line on stderr and exits non-zero: 2 for a bad parameter,
1 for bad data or state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import DBAPIError

from claimtrack.cli import actors, sources, topics
from claimtrack.cli import claims as ask
from claimtrack.cli.common import (
    DbOpt,
    Group,
    QuietOpt,
    date_option,
    err,
    fail,
    report_error,
    sub_app,
)
from claimtrack.cli.review import review
from claimtrack.cli.serve import serve
from claimtrack.ingest import MAX_CHARS
from claimtrack.io.decoding import check_encoding
from claimtrack.io.readers import collect
from claimtrack.store import engine as dbmod

__all__ = ["Group", "app", "fail", "main"]

app = typer.Typer(
    cls=Group,
    name="claimtrack",
    help="Who said what, when, about what, and where it was reported.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = sub_app("Create, upgrade and inspect the database schema.")

app.command("who-said", rich_help_panel="Ask")(ask.who_said)
app.command("timeline", rich_help_panel="Ask")(ask.timeline)
app.command("show", rich_help_panel="Ask")(ask.show)
app.command("export", rich_help_panel="Ask")(ask.export)
app.command("review", rich_help_panel="Keep the record")(review)
app.add_typer(actors.app, name="actors", rich_help_panel="Keep the record")
app.add_typer(topics.app, name="topics", rich_help_panel="Keep the record")
app.add_typer(sources.app, name="sources", rich_help_panel="Keep the record")
app.add_typer(db_app, name="db", rich_help_panel="Database")
app.command("serve", rich_help_panel="Ask")(serve)


# ---- ingest -----------------------------------------------------------------------------


@app.command(rich_help_panel="Collect")
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (searched recursively) or - for stdin.", show_default=False
        ),
    ] = None,
    manifest: Annotated[
        str | None,
        typer.Option(
            help="CSV with a path column and optional title, published, outlet, url, author, "
            "encoding columns."
        ),
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Title (for every document given).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet, e.g. 'Reuters'.")] = None,
    url: Annotated[str | None, typer.Option(help="URL of the article.")] = None,
    author: Annotated[str | None, typer.Option(help="Author.")] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            help="Text encoding of every file given, e.g. windows-1252, latin-1 "
            "(default: UTF-8, else told from the bytes).",
            show_default=False,
        ),
    ] = None,
    taxonomy: Annotated[
        Path | None, typer.Option(help="Topic taxonomy TOML to load (default: the built-in one).")
    ] = None,
    max_chars: Annotated[
        int,
        typer.Option(
            min=1,
            help="Longest document to take, in characters; a longer one fails, the rest go in.",
        ),
    ] = MAX_CHARS,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Read articles and store their attributed claims (.txt, .md with front matter, .html)."""
    from claimtrack.ingest import ingest as run_ingest

    pub = date_option(published, "--published")
    if encoding:
        try:
            check_encoding(encoding)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--encoding") from None
    entries = collect(paths or [], manifest)
    engine = dbmod.open_engine(db)
    overrides = {
        "published": pub.isoformat() if pub else None,
        "title": title,
        "outlet": outlet,
        "url": url,
        "author": author,
    }
    overrides = {k: v for k, v in overrides.items() if v}
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )
    with progress:
        task = progress.add_task("ingesting", total=len(entries))

        def done(path: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {Path(path).name}")

        result = run_ingest(
            engine,
            entries,
            overrides,
            str(taxonomy) if taxonomy else None,
            done,
            encoding=encoding,
            max_chars=max_chars,
        )
    for message in result.notes:
        err.print(message, highlight=False)
    for message in result.errors:
        report_error(message)
    err.print(
        f"documents: {result.added} added, {result.skipped} skipped, {result.failed} failed; "
        f"claims: {result.claims} added",
        highlight=False,
    )
    if result.failed:
        raise typer.Exit(1)


# ---- database ---------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade(db: DbOpt = None) -> None:
    """Create the database, or bring it up to this claimtrack's schema."""
    url = dbmod.resolve_url(db)
    dbmod.upgrade(url)
    engine = dbmod.make_engine(url)
    err.print(f"schema at {dbmod.current_revision(engine)} (head)", highlight=False)


@db_app.command("current")
def db_current(db: DbOpt = None) -> None:
    """Print the database's schema revision and the code's."""
    url = dbmod.resolve_url(db)
    engine = dbmod.make_engine(url)
    try:
        current = dbmod.current_revision(engine)
    except DBAPIError as exc:
        raise dbmod.cannot_open(url, exc) from None
    head = dbmod.head_revision(url)
    state = "up to date" if current == head else "run `claimtrack db upgrade`"
    print(f"{current or 'empty'} (code: {head}; {state})")


# ---- evaluation -------------------------------------------------------------------------


@app.command("eval", rich_help_panel="Measure")
def evaluate(
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Split folder with text/ and attributions/ (brat). "
            "(default: $CLAIMTRACK_EVAL_CORPUS or ../shared/polnear/dev)",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N articles.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    errors: Annotated[int, typer.Option(min=0, help="Print N sample errors of each kind.")] = 0,
    rules_only: Annotated[
        bool, typer.Option("--rules-only", help="Score the rules alone (no learned models).")
    ] = False,
) -> None:
    """Score the extractor on a brat-annotated corpus (default: PolNeAR dev)."""
    from claimtrack.evaluate.__main__ import main as eval_main

    argv = [
        *(["--corpus", str(corpus)] if corpus else []),
        *(["--limit", str(limit)] if limit else []),
        *(["--rules-only"] if rules_only else []),
    ]
    argv += [*(["--json"] if json_out else []), *(["--errors", str(errors)] if errors else [])]
    raise typer.Exit(eval_main(argv) or 0)


def main() -> None:
    try:
        app()
    except DBAPIError as exc:  # a database error no command turned into a message
        report_error(f"database error: {dbmod.error_reason(exc)}")
        raise SystemExit(1) from None
