"""Run the stages over a chunk of documents, parsing all their paragraphs with nlp.pipe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from claimtrack.extract import casing, detect, refine
from claimtrack.extract import nlp as nlp_mod
from claimtrack.extract.assemble import Parsed, build_claims
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.segment import segments
from claimtrack.extract.types import Claim

# Paragraphs per nlp.pipe batch. With numpy's matrix products (extract/nlp.py) bigger batches
# multiply bigger matrices: 64 extracted PolNeAR dev 4 to 23% faster than 16 on one core (three
# paired runs), for identical parses (checked on 822,458 train and dev tokens) and about 35 MB
# more peak memory in `make bench`. Paragraphs are short, so a batch stays small.
BATCH_SIZE = 64


def parse_chunk(chunk: list[tuple[str, dt.date | None]]) -> list[list[Parsed]]:
    """Each document's paragraphs with their parses (all paragraphs go through nlp.pipe)."""
    nlp = nlp_mod.load()
    texts = [t if isinstance(t, str) else str(t) for t, _ in chunk]
    segs = [segments(t) for t in texts]
    flat = [
        (form, (d, k))
        for d, (t, ss) in enumerate(zip(texts, segs, strict=True))
        for k, form in enumerate(casing.parse_forms(t, [s.text for s in ss]))
    ]
    parsed: list[list[Parsed]] = [[] for _ in chunk]
    for doc, (d, k) in nlp.pipe(flat, as_tuples=True, batch_size=BATCH_SIZE):
        seg = segs[d][k]
        if doc.text != seg.text:  # a headline parsed in its common case
            doc = casing.restore(doc, seg.text)
        parsed[d].append(Parsed(seg, doc))
    return parsed


def run_chunk(chunk: list[tuple[str, dt.date | None]]) -> Iterator[list[Claim]]:
    parsed = parse_chunk(chunk)
    refiner, detector = refine.load(), detect.load()
    for d, (text, published) in enumerate(chunk):
        text = text if isinstance(text, str) else str(text)
        yield build_claims(text, parsed[d], published, QuoteIndex(text), refiner, detector)
