"""Train the extractor's learned models on a brat corpus (PolNeAR train by default).

    python -m claimtrack.extract.learned.train [--corpus DIR] [--out DIR]   # make train-models

One pass extracts every article with the rules alone, keeping each paragraph's parse; then:

- the **span refiner** (``refine.crfsuite``) learns from each claim paired with a gold
  relation (its relaxed match, else a missed relation whose cue overlaps the claim's cue): one
  sequence per paired claim, its paragraph's tokens with ``refine.claim_features`` and labels
  drawn from the gold spans. Unpaired claims are not examples.
- the **detector** (``detect.crfsuite``) learns from every paragraph: its tokens with
  ``detect.coverage_features`` (what the rules' claims cover, exactly as ``build_claims``
  shows it to the detector) and labels from all gold relations of the paragraph.

Words: lemmas found in at least ``MIN_DOCS`` articles are features (``refine_vocab.txt``); any
other word is known only by its part of speech, so no name or phrase peculiar to one article
reaches a model. Both models learn to complete the rules, so retrain them after changing the
rules.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from claimtrack.extract.assemble import Parsed, build_claims
from claimtrack.extract.learned import detect, refine
from claimtrack.extract.learned.corpus import (
    GoldDoc,
    GoldRelation,
    default_corpus,
    iter_corpus,
    split_error,
)
from claimtrack.extract.learned.score import score_document
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.types import FoundClaim

MIN_DOCS = 10
L2 = 3.0
ITERATIONS = 300
CHUNK = 32
Pair = tuple[int, int]


@dataclass
class _Recorder:
    """Stands in for the detector inside ``build_claims``: keeps what it would be shown."""

    seen: list[tuple[Parsed, list[tuple[Pair, str]]]] = field(default_factory=list)
    vocab: frozenset[str] = frozenset()

    def detect(
        self, para: Parsed, static: list[list[refine.Feature]], covered: list[tuple[Pair, str]]
    ) -> list[detect.Found]:
        self.seen.append((para, covered))
        return []

    def content_belief(self, span: Pair) -> float:
        return 1.0  # keeps every rules' claim


@dataclass
class Article:
    doc: GoldDoc
    parsed: list[Parsed]
    claims: list[FoundClaim]  # the rules' claims
    paragraphs: list[tuple[Parsed, list[tuple[Pair, str]]]]  # as shown to the detector


def articles(corpus: Path) -> Iterator[Article]:
    docs = iter_corpus(corpus)
    while chunk := list(islice(docs, CHUNK)):
        parsed = parse_chunk([(d.text, d.published) for d in chunk])
        for d, ps in zip(chunk, parsed, strict=True):
            rec = _Recorder()
            claims = build_claims(d.text, ps, d.published, QuoteIndex(d.text), None, rec)
            yield Article(d, ps, claims, rec.seen)


def _pairs(doc: GoldDoc, claims: list[FoundClaim]) -> dict[int, GoldRelation]:
    """claim index -> the gold relation it is trained towards."""
    score = score_document(doc.text, claims, doc.relations)
    out = {ci: doc.relations[gi] for ci, gi, _ in score.matches}
    for ci, c in enumerate(claims):
        if ci in out:
            continue
        for gi in score.missed:
            cue = doc.relations[gi].cue
            if cue is not None and c.cue.start < cue.end and cue.start < c.cue.end:
                out[ci] = doc.relations[gi]
                break
    return out


def _proposal(c: FoundClaim) -> refine.Proposal:
    m = c.speaker.mention
    return refine.Proposal(
        (c.cue.start, c.cue.end),
        (m.start, m.end) if m else None,
        [(p.start, p.end) for p in c.pieces],
    )


def _labels(para: Parsed, rels: list[GoldRelation]) -> list[str]:
    return refine.labels_for(
        para,
        [f for r in rels if r.cue for f in r.cue.fragments],
        [f for r in rels if r.source for f in r.source.fragments],
        [f for r in rels for f in r.content.fragments],
    )


class _Static:
    """Token features of each paragraph, computed once, with the training word list."""

    def __init__(self, text: str, vocab: frozenset[str]) -> None:
        self.qi, self.vocab = QuoteIndex(text), vocab
        self.cache: dict[int, list[list[refine.Feature]]] = {}

    def __call__(self, para: Parsed) -> list[list[refine.Feature]]:
        if para.seg.start not in self.cache:
            self.cache[para.seg.start] = refine.paragraph_features(para, self.qi, self.vocab)
        return self.cache[para.seg.start]


def refiner_sequences(
    a: Article, vocab: frozenset[str]
) -> Iterator[tuple[list[list[refine.Feature]], list[str]]]:
    """(features, labels) of each paired claim whose content lies in one paragraph."""
    static = _Static(a.doc.text, vocab)
    starts = [p.seg.start for p in a.parsed]
    for ci, rel in _pairs(a.doc, a.claims).items():
        c = a.claims[ci]
        k = bisect.bisect_right(starts, c.content.start) - 1
        if k < 0:
            continue
        p = a.parsed[k]
        if c.content.start < p.seg.start or c.content.end > p.seg.end:
            continue
        x = refine.claim_features(p, static(p), _proposal(c))
        yield x, _labels(p, [rel])


def detector_sequences(
    a: Article, vocab: frozenset[str]
) -> Iterator[tuple[list[list[refine.Feature]], list[str]]]:
    """(features, labels) of each paragraph, labelled with all its gold relations."""
    static = _Static(a.doc.text, vocab)
    rels = list(a.doc.relations)
    for para, covered in a.paragraphs:
        if len(para.doc):
            x = detect.coverage_features(para, static(para), covered)
            yield x, _labels(para, rels)


def vocabulary(arts: list[Article], min_docs: int) -> frozenset[str]:
    df: Counter[str] = Counter()
    for a in arts:
        df.update({t.lemma_.lower() for p in a.parsed for t in p.doc})
    return frozenset(w for w, n in df.items() if n >= min_docs and w.strip())


def _fit(
    seqs: Iterator[tuple[list[list[refine.Feature]], list[str]]], path: Path, iterations: int
) -> int:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for x, y in seqs:
        trainer.append(x, y)
        n += 1
    trainer.set_params(
        {"c1": 0.0, "c2": L2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(path))
    return n


def train(
    corpus: Path, out: Path, *, min_docs: int = MIN_DOCS, iterations: int = ITERATIONS
) -> dict[str, float]:
    t0 = time.perf_counter()
    arts = list(articles(corpus))
    vocab = vocabulary(arts, min_docs)
    t1 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    n_ref = _fit(
        (s for a in arts for s in refiner_sequences(a, vocab)),
        out / refine.MODEL_FILE.name,
        iterations,
    )
    n_det = _fit(
        (s for a in arts for s in detector_sequences(a, vocab)),
        out / detect.MODEL_FILE.name,
        iterations,
    )
    (out / refine.VOCAB_FILE.name).write_text("\n".join(sorted(vocab)) + "\n", encoding="utf-8")
    return {
        "articles": len(arts),
        "refiner_sequences": n_ref,
        "detector_sequences": n_det,
        "words": len(vocab),
        "extract_s": t1 - t0,
        "train_s": time.perf_counter() - t1,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimtrack.extract.learned.train")
    ap.add_argument("--corpus", type=Path, default=default_corpus().parent / "train")
    ap.add_argument("--out", type=Path, default=refine.MODEL_FILE.parent)
    args = ap.parse_args(argv)
    if err := split_error(args.corpus):
        print(err, file=sys.stderr)
        return 2
    s = train(args.corpus, args.out)
    print(
        f"{s['articles']} articles, {s['words']} words: refiner {s['refiner_sequences']} claims, "
        f"detector {s['detector_sequences']} paragraphs; {s['extract_s']:.0f} s to extract, "
        f"{s['train_s']:.0f} s to train -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
