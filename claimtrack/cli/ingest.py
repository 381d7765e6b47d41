"""``claimtrack ingest``: read articles, extract their attributed claims, store them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli import feeds
from claimtrack.cli.common import DbOpt, QuietOpt, date_option, err, report_error
from claimtrack.cli.render import progress_bar
from claimtrack.ingest import MAX_CHARS, learned_from_env
from claimtrack.io.decoding import check_encoding
from claimtrack.io.readers import collect
from claimtrack.store import engine as dbmod


def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (searched recursively), http(s) URLs of pages or feeds, "
            "or - for stdin. A feed (RSS or Atom, told by its content) stands for its articles.",
            show_default=False,
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
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Processes that parse and extract (this one stores, in order); "
            "about one per free core.",
        ),
    ] = 1,
    timeout: feeds.TimeoutOpt = feeds.DEFAULTS.timeout,
    delay: feeds.DelayOpt = feeds.DEFAULTS.delay,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Read articles and store their attributed claims (.txt, .md with front matter, .html,
    web pages and feeds)."""
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
    with progress_bar(quiet, err) as progress:
        task = progress.add_task("ingesting", total=len(entries))

        def done(path: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {Path(path).name}")

        def feed_read(path: str, count: int) -> None:  # the feed stands for its articles
            progress.update(task, total=(progress.tasks[0].total or 0) - 1 + count)

        result = run_ingest(
            engine,
            entries,
            overrides,
            str(taxonomy) if taxonomy else None,
            done,
            encoding,
            max_chars=max_chars,
            learned=learned_from_env(),
            policy=feeds.policy(timeout, delay),
            on_feed=feed_read,
            workers=workers,
        )
    for message in result.notes:
        err.print(message, highlight=False)
    if (undated := result.undated_note()) is not None:
        err.print(undated, highlight=False)
    for message in result.errors:
        report_error(message)
    err.print(result.summary(), highlight=False)
    if result.failed:
        raise typer.Exit(1)
