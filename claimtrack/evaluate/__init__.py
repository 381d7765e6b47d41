"""Evaluation harness: score the extractor against brat-annotated attribution corpora.

    evaluate_corpus(corpus: Path, *, limit=None, extractor=None) -> Report

Modules: brat (reading the corpus), score (pure scoring), run (extract + score),
report (the figures as a dict, sample errors as data); build_lexicon and train_models learn
the cue lexicon and the CRFs from a corpus (``make train-models``). ``claimtrack eval``
(claimtrack/cli/evaluate.py) runs it and prints the figures.
"""

from __future__ import annotations

from claimtrack.evaluate.run import Report, default_corpus, evaluate_corpus

__all__ = ["Report", "default_corpus", "evaluate_corpus"]
