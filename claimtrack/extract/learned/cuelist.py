"""Learn ``data/words/not_attribution_cues.txt`` from a brat corpus (PolNeAR train).

    python -m claimtrack.extract.learned.cuelist [--corpus DIR] [--out FILE]   # make train-models

Extracts every article with the learned models but without the plausibility screen, and
counts per cue lemma (``plausibility.Paragraphs.cue_lemma``) the claims and those that match a gold
attribution (relaxed). A lemma (a word, not punctuation) seen in at least MIN_CLAIMS claims of which at most
MAX_SHARE match is listed: its claims are narrative or feeling verbs more often than
attributions. PolNeAR marks many narrative verbs as attributions ("launch", "struggle",
"focus on" are mostly right there), so the list is short; the settings were chosen on train. Run it after the span
refiner and the detector are trained, before the calibration is refitted.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import islice
from pathlib import Path

from claimtrack.extract.assemble import build_claims
from claimtrack.extract.learned import detect, refine
from claimtrack.extract.learned.corpus import default_corpus, iter_corpus, split_error
from claimtrack.extract.learned.score import score_document
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.plausibility import Paragraphs
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.wordlists import WORDS_DIR

OUT = WORDS_DIR / "not_attribution_cues.txt"
MIN_CLAIMS = 5
MAX_SHARE = 0.4
CHUNK = 32
HEADER = """\
# Cue lemmas whose claims are mostly not attributions (narrative and feeling verbs): a claim
# whose cue word is one of them is dropped (extract/plausibility.py). Built from PolNeAR train
# by `python -m claimtrack.extract.learned.cuelist` (make train-models): lemmas of at least
# {n} claims of which at most {share:.0%} matched a gold attribution.
"""


def count(corpus: Path) -> tuple[Counter[str], Counter[str]]:
    """(claims, matched claims) per cue lemma over the corpus, unscreened."""
    seen: Counter[str] = Counter()
    right: Counter[str] = Counter()
    refiner, detector = refine.load(), detect.load()
    docs = iter_corpus(corpus)
    while chunk := list(islice(docs, CHUNK)):
        parsed = parse_chunk([(d.text, d.published) for d in chunk])
        for doc, paras in zip(chunk, parsed, strict=True):
            claims = build_claims(
                doc.text, paras, doc.published, QuoteIndex(doc.text), refiner, detector
            )
            matched = {ci for ci, _, _ in score_document(doc.text, claims, doc.relations).matches}
            index = Paragraphs(paras)
            for i, c in enumerate(claims):
                lemma = index.cue_lemma(c)
                if lemma is None:
                    continue
                seen[lemma] += 1
                right[lemma] += i in matched
    return seen, right


def listed(seen: Counter[str], right: Counter[str]) -> list[str]:
    """The lemmas to list, sorted (see module doc)."""
    return sorted(
        k for k, n in seen.items() if n >= MIN_CLAIMS and right[k] / n <= MAX_SHARE and k.isalpha()
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus().parent / "train"
    if (err := split_error(corpus)) is not None:
        sys.exit(err)
    seen, right = count(corpus)
    lemmas = listed(seen, right)
    header = HEADER.format(n=MIN_CLAIMS, share=MAX_SHARE)
    args.out.write_text(header + "".join(f"{w}\n" for w in lemmas), encoding="utf-8")
    print(f"{len(lemmas)} cue lemmas -> {args.out}")


if __name__ == "__main__":
    main()
