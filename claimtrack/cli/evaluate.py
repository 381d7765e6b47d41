"""``claimtrack eval``: score the extractor on a brat-annotated corpus (PolNeAR dev)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


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
