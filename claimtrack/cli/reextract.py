"""``claimtrack reextract``: run the extractor again on stored sources, keeping every
human decision (corrected speakers and spans, dates set by hand, rejections, reviews,
hand-made topic links and claims); what can no longer be matched is kept and listed."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli.common import DbOpt, QuietOpt, err, open_engine
from claimtrack.cli.render import progress_bar
from claimtrack.ingest import learned_from_env
from claimtrack.ingest import reextract as run_reextract


def reextract(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Sources to re-extract: ids, or parts of their title, outlet, path or URL "
            "(default: every source).",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOpt = False,
    db: DbOpt = None,
) -> None:
    """Re-run the extractor on stored sources (after an extractor upgrade), keeping every
    human decision, re-attached to the new claims by their spans."""
    engine = open_engine(db, create=False)
    with progress_bar(quiet, err) as progress:
        task = progress.add_task("re-extracting", total=None)
        result = run_reextract(
            engine,
            sources,
            learned=learned_from_env(),
            on_done=lambda _id: progress.update(task, advance=1),
        )
    for line in result.unmatched:
        err.print(line, highlight=False, markup=False)
    err.print(result.summary(), highlight=False, markup=False)
