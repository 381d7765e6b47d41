"""Evaluation harness: score the extractor against brat-annotated attribution corpora.

    evaluate_corpus(corpus: Path, *, limit=None, extractor=None) -> Report
    main(argv) -> exit code          # python -m claimtrack.evaluate [--corpus DIR] ...

Modules: run (extract + score), report (JSON dict, Rich table, sample errors). The corpus
reader and the scorer live in ``claimtrack.extract.learned`` (corpus, score), beside the
trainers that learn the cue lexicon and the CRFs from them (``make train-models``).
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.evaluate.run import Report, default_corpus, evaluate_corpus

__all__ = ["Report", "default_corpus", "evaluate_corpus", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    from claimtrack.evaluate.__main__ import main as _main

    return _main(argv)
