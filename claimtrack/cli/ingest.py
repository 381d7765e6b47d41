"""``claimtrack ingest``: read articles, extract their attributed claims, store them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli import feeds
from claimtrack.cli.common import DbOpt, QuietOpt, err, open_engine, report_error
from claimtrack.cli.options import DOCUMENT_DETAILS, bundled
from claimtrack.cli.render import progress_bar
from claimtrack.ingest import MAX_CHARS, IngestResult, learned_from_env
from claimtrack.io.decoding import check_encoding
from claimtrack.io.readers import collect, may_hold_pages

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help="Files, folders (searched recursively), http(s) URLs of pages or feeds, "
        "or - for stdin. A feed (RSS or Atom, told by its content) stands for its articles.",
        show_default=False,
    ),
]
ManifestOpt = Annotated[
    str | None,
    typer.Option(
        help="CSV with a path column and optional title, published, outlet, url, author, "
        "encoding columns."
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option(
        help="Text encoding of every file given, e.g. windows-1252, latin-1 "
        "(default: UTF-8, else told from the bytes).",
        show_default=False,
    ),
]
TaxonomyOpt = Annotated[
    Path | None, typer.Option(help="Topic taxonomy TOML to load (default: the built-in one).")
]
MaxCharsOpt = Annotated[
    int,
    typer.Option(
        min=1,
        help="Longest document to take, in characters; a longer one fails, the rest go in.",
    ),
]
WorkersOpt = Annotated[
    int,
    typer.Option(
        min=1,
        help="Processes that parse, extract and prepare (this one stores, in order); "
        "about one per free core.",
    ),
]


@bundled(details=DOCUMENT_DETAILS)
def ingest(
    *,
    paths: PathsArg = None,
    manifest: ManifestOpt = None,
    details: dict[str, str],
    encoding: EncodingOpt = None,
    taxonomy: TaxonomyOpt = None,
    max_chars: MaxCharsOpt = MAX_CHARS,
    workers: WorkersOpt = 1,
    timeout: feeds.TimeoutOpt = feeds.DEFAULTS.timeout,
    delay: feeds.DelayOpt = feeds.DEFAULTS.delay,
    db: DbOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Read articles and store their attributed claims (.txt, .md with front matter, .html,
    web pages and feeds)."""
    from claimtrack.ingest import ingest as run_ingest
    from claimtrack.ingest import start_loading

    _check_encoding(encoding)
    entries = collect(paths or [], manifest)
    if workers > 1:  # the workers' extractor loads while this process sets up (issue 16),
        start_loading(may_hold_pages(entries))  # with the page readers if pages may come
    engine = open_engine(db)
    with progress_bar(quiet, err) as progress:
        task = progress.add_task("ingesting", total=len(entries))

        def done(path: str, outcome: str) -> None:
            progress.update(task, advance=1, description=f"{outcome} {Path(path).name}")

        def feed_read(path: str, count: int) -> None:  # the feed stands for its articles
            progress.update(task, total=(progress.tasks[0].total or 0) - 1 + count)

        result = run_ingest(
            engine,
            entries,
            details,
            str(taxonomy) if taxonomy else None,
            done,
            encoding,
            max_chars=max_chars,
            learned=learned_from_env(),
            policy=feeds.policy(timeout, delay),
            on_feed=feed_read,
            workers=workers,
        )
    _report(result)


def _check_encoding(encoding: str | None) -> None:
    """--encoding must name a codec Python knows."""
    if encoding:
        try:
            check_encoding(encoding)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--encoding") from None


def _report(result: IngestResult) -> None:
    """Notes, errors and the summary on stderr; exit 1 when a document failed."""
    for message in result.notes:
        err.print(message, highlight=False)
    if (undated := result.undated_note()) is not None:
        err.print(undated, highlight=False)
    for message in result.errors:
        report_error(message)
    err.print(result.summary(), highlight=False)
    if result.failed:
        raise typer.Exit(1)
