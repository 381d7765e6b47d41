"""Attributed-claim extraction: text in, claims with character spans out.

Public API (stable; the store and the evaluation harness rely on it):

    extract(text, published=None, *, outlet=None, learned=True) -> list[FoundClaim]
    extract_batch(items, *, learned=True) -> Iterator[list[FoundClaim]]
    # items: (text, published) or (text, published, outlet)

``outlet``: the name of the site or publisher the document came out in (a page's site name),
if known: a speaker named as it is the outlet itself (media), not a person.

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

from claimtrack.extract.types import ExtractItem, FoundClaim

BATCH_DOCS = 32


def extract(
    text: str,
    published: dt.date | None = None,
    *,
    outlet: str | None = None,
    learned: bool = True,
) -> list[FoundClaim]:
    return next(extract_batch([(text, published, outlet)], learned=learned))


def extract_batch(
    items: Iterable[ExtractItem],
    *,
    learned: bool = True,
) -> Iterator[list[FoundClaim]]:
    from claimtrack.extract.pipeline import run_chunk

    it = iter(items)
    while chunk := list(islice(it, BATCH_DOCS)):
        yield from run_chunk(chunk, learned)
