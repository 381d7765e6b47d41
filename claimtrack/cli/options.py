"""The options commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.render import Format

FormatOpt = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="table (default on a terminal), csv, tsv, json or jsonl."),
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
]
BomOpt = Annotated[
    bool, typer.Option("--bom", help="Start CSV/TSV with a byte-order mark, for Excel.")
]
