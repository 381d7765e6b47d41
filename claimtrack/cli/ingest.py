"""``claimtrack ingest``: read articles, extract their attributed claims, store them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimtrack.cli.common import DbOpt, QuietOpt, date_option, err, report_error
from claimtrack.ingest import MAX_CHARS
from claimtrack.io.decoding import check_encoding
from claimtrack.io.readers import collect
from claimtrack.store import engine as dbmod


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
