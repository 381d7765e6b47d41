"""``python -m claimtrack.evaluate [--corpus DIR] [--limit N] [--json] [--errors N] [--rules-only]``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from claimtrack.errors import UserError
from claimtrack.evaluate.report import as_dict, print_errors, print_table
from claimtrack.evaluate.run import ENV_CORPUS, default_corpus, evaluate_corpus

ENV_LEARNED = "CLAIMTRACK_LEARNED"  # 0: the rules alone, as --rules-only


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="python -m claimtrack.evaluate",
        description="Score the claim extractor against a PolNeAR-style brat corpus.",
    )
    ap.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help=f"split folder with text/ and attributions/ (default: ${ENV_CORPUS} "
        "or ../shared/polnear/dev)",
    )
    ap.add_argument(
        "--limit", type=_positive, default=None, metavar="N", help="first N articles by name"
    )
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--errors",
        type=_positive,
        default=0,
        metavar="N",
        help="print N sample errors of each kind",
    )
    ap.add_argument(
        "--rules-only",
        action="store_true",
        help="score the rules alone, without the learned models (as CLAIMTRACK_LEARNED=0)",
    )
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpus: Path = args.corpus or default_corpus()
    if not (corpus / "text").is_dir() or not (corpus / "attributions").is_dir():
        print(f"error: {corpus} has no text/ and attributions/ folders", file=sys.stderr)
        return 2
    learned = not args.rules_only and os.environ.get(ENV_LEARNED, "1") != "0"
    return _report(corpus, args, learned)


def _report(corpus: Path, args: argparse.Namespace, learned: bool) -> int:
    try:
        report = evaluate_corpus(corpus, limit=args.limit, learned=learned)
    except NotImplementedError as e:
        print(f"error: the extractor is not implemented yet ({e})", file=sys.stderr)
        return 1
    except UserError as e:  # a learned model's file is missing
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(as_dict(report), indent=2))
    else:
        print_table(report)
    if args.errors:
        print_errors(report, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
