"""Attributed-claim extraction: text in, claims with character spans out.

Public API (stable; the store and the evaluation harness rely on it):

    extract(text, published=None, *, learned=True) -> list[FoundClaim]
    extract_batch(items, *, learned=True) -> Iterator[list[FoundClaim]]  # items: (text, published)

``learned``: the span refiner and the detector (extract/learned/) redraw and add claims; a
missing model file is an error (MissingModelError, naming `make train-models`). False: the
rules alone. The caller decides (the command line: `--rules-only`, CLAIMTRACK_LEARNED=0).

Stages: segment (paragraphs, headings) -> parse (spaCy, nlp.pipe) -> quotes -> rules
(candidates) -> assemble (speakers, dates, hedges, attribution type).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import islice

from claimtrack.extract.types import FoundClaim

BATCH_DOCS = 32


def extract(
    text: str, published: dt.date | None = None, *, learned: bool = True
) -> list[FoundClaim]:
    return next(extract_batch([(text, published)], learned=learned))


def extract_batch(
    items: Iterable[tuple[str, dt.date | None]], *, learned: bool = True
) -> Iterator[list[FoundClaim]]:
    from claimtrack.extract.pipeline import run_chunk

    it = iter(items)
    while chunk := list(islice(it, BATCH_DOCS)):
        yield from run_chunk(chunk, learned)
