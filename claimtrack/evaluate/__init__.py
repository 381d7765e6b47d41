"""Evaluation harness: score the extractor against brat-annotated attribution corpora.

    evaluate_corpus(corpus: Path, *, limit=None, extractor=None, learned=True) -> Report

Modules: run (extract + score), report (the figures as a dict, sample errors as data). The
corpus reader and the scorer live in ``claimtrack.extract.learned`` (corpus, score), beside
the trainers that learn the cue lexicon and the CRFs from them (``make train-models``).
``claimtrack eval`` (claimtrack/cli/evaluate.py) runs it and prints the figures.
"""

from __future__ import annotations

from claimtrack.evaluate.run import Report, default_corpus, evaluate_corpus

__all__ = ["Report", "default_corpus", "evaluate_corpus"]
