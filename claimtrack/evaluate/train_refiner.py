"""Train the span refiner (``claimtrack/extract/refine.crfsuite``) on a brat corpus.

    python -m claimtrack.evaluate.train_refiner [--corpus DIR] [--out DIR]   # make train-refiner

1. Extract claims with the rules alone (refiner off), keeping each paragraph's parse.
2. Pair each claim with a gold relation: its relaxed match, else a missed relation whose cue
   overlaps the claim's cue. Unpaired claims are not training examples.
3. One sequence per paired claim: its paragraph's tokens, with ``refine.claim_features``
   (the rules' proposal and the parse) and labels drawn from the gold spans.
4. Words: lemmas found in at least ``MIN_DOCS`` articles are features; any other word is known
   only by its part of speech, so no name or phrase peculiar to one article reaches the model.
5. Train (L-BFGS, L2 regularisation) and write the model and its word list.

The refiner learns to correct the rules' proposals, so retrain it after changing the rules.
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from claimtrack.evaluate.brat import GoldDoc, GoldRelation, iter_corpus
from claimtrack.evaluate.run import default_corpus
from claimtrack.evaluate.score import score_document
from claimtrack.extract import refine
from claimtrack.extract.assemble import Parsed, build_claims
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.types import Claim

MIN_DOCS = 10
L2 = 3.0
ITERATIONS = 300
CHUNK = 32


def _pairs(doc: GoldDoc, claims: list[Claim]) -> dict[int, GoldRelation]:
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


def _proposal(c: Claim) -> refine.Proposal:
    m = c.speaker.mention
    parts = c.content_parts or (c.content,)
    return refine.Proposal(
        (c.cue.start, c.cue.end), (m.start, m.end) if m else None, [(p.start, p.end) for p in parts]
    )


def _paragraph(parsed: list[Parsed], starts: list[int], pos: int) -> Parsed | None:
    k = bisect.bisect_right(starts, pos) - 1
    return parsed[k] if k >= 0 and pos <= parsed[k].seg.end else None


def parsed_corpus(corpus: Path) -> Iterator[tuple[GoldDoc, list[Parsed], list[Claim]]]:
    """Each article with its paragraphs' parses and the claims of the rules alone."""
    docs = iter_corpus(corpus)
    while chunk := list(islice(docs, CHUNK)):
        parsed = parse_chunk([(d.text, d.published) for d in chunk])
        for d, ps in zip(chunk, parsed, strict=True):
            yield d, ps, build_claims(d.text, ps, d.published, QuoteIndex(d.text))


def sequences(
    doc: GoldDoc, parsed: list[Parsed], claims: list[Claim], vocab: frozenset[str]
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) of each paired claim whose content lies in one paragraph."""
    qi = QuoteIndex(doc.text)
    starts = [p.seg.start for p in parsed]
    static: dict[int, list[list[str]]] = {}
    for ci, rel in _pairs(doc, claims).items():
        c = claims[ci]
        p = _paragraph(parsed, starts, c.content.start)
        if p is None or c.content.start < p.seg.start or c.content.end > p.seg.end:
            continue
        base = p.seg.start
        if base not in static:
            static[base] = refine.token_features(
                p.doc,
                lambda i, p=p, base=base: qi.containing(p.doc[i].idx + base) is not None,
                vocab,
            )
        x = refine.claim_features(p.doc, base, static[base], _proposal(c))
        y = refine.labels_for(
            p.doc,
            base,
            rel.cue.fragments if rel.cue else (),
            rel.source.fragments if rel.source else (),
            rel.content.fragments,
        )
        yield x, y


def vocabulary(parsed: list[list[Parsed]], min_docs: int) -> frozenset[str]:
    df: Counter[str] = Counter()
    for ps in parsed:
        df.update({t.lemma_.lower() for p in ps for t in p.doc})
    return frozenset(w for w, n in df.items() if n >= min_docs and w.strip())


def train(
    corpus: Path, out: Path, *, min_docs: int = MIN_DOCS, iterations: int = ITERATIONS
) -> dict[str, float]:
    import pycrfsuite

    t0 = time.perf_counter()
    articles = list(parsed_corpus(corpus))
    vocab = vocabulary([ps for _, ps, _ in articles], min_docs)
    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for doc, ps, claims in articles:
        for x, y in sequences(doc, ps, claims, vocab):
            trainer.append(x, y)
            n += 1
    t1 = time.perf_counter()
    trainer.set_params(
        {"c1": 0.0, "c2": L2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    out.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out / refine.MODEL_FILE.name))
    (out / refine.VOCAB_FILE.name).write_text("\n".join(sorted(vocab)) + "\n", encoding="utf-8")
    return {
        "articles": len(articles),
        "sequences": n,
        "words": len(vocab),
        "prepare_s": t1 - t0,
        "train_s": time.perf_counter() - t1,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimtrack.evaluate.train_refiner")
    ap.add_argument("--corpus", type=Path, default=default_corpus().parent / "train")
    ap.add_argument("--out", type=Path, default=refine.MODEL_FILE.parent)
    args = ap.parse_args(argv)
    if not (args.corpus / "text").is_dir():
        print(
            f"error: no corpus at {args.corpus} (a brat split folder with text/)", file=sys.stderr
        )
        return 2
    stats = train(args.corpus, args.out)
    print(
        f"trained on {stats['articles']} articles, {stats['sequences']} claims, "
        f"{stats['words']} words: {stats['prepare_s']:.0f} s to extract, "
        f"{stats['train_s']:.0f} s to train -> {args.out / refine.MODEL_FILE.name}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
