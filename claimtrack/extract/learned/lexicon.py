"""Build the learned cue lexicon (``extract/data/cue_lexicon.tsv``) from a brat corpus.

    python -m claimtrack.extract.learned.lexicon [--corpus DIR] [--out FILE]   # make train-models

For every verb, noun and adjective outside quotations it counts, per (part of speech, lemma,
frame), how often the word occurs and how often an annotator marked it as (part of) a cue. The
frames are the ones the rules look up (``frames``), so every row can be used. A row is kept
when the word is seen often enough and is a cue often enough, or when its lemma is in one of
the hand-written lists of ``extract/cues.py`` (then even a low ratio is kept: it overrides the
list's default for that frame, as for "add" with an object, mostly not a cue).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.tokens import Token

from claimtrack.extract import cues, rules
from claimtrack.extract.learned.corpus import GoldDoc, default_corpus, iter_corpus, split_error
from claimtrack.extract.pipeline import parse_chunk
from claimtrack.extract.quotes import QuoteIndex

MIN_SEEN = 2  # occurrences outside quotations
MIN_CUES = 1  # of them marked as cues
MIN_RATIO = 0.3  # below it a row only matters for a hand-listed word (see cues.SMOOTHING)
CHUNK = 32
Key = tuple[str, str, str]  # (pos, lemma, frame)

HEADER = """\
# pos\tlemma\tframe\tcue_count\toccurrences
# Built by `python -m claimtrack.extract.learned.lexicon` from PolNeAR train (outside quotations):
# how often a lemma in a given frame was annotated as an attribution cue. frame: c = clausal
# complement, x = to-infinitive, o = direct object, - = none of these (verbs only),
# p:<prep> = prepositional complement. Nouns and adjectives: c, x and p:<prep> only.
# Rows with a low ratio are kept for the words of the hand-written lists, to override them.
"""


def frames(tok: Token) -> list[tuple[str, str]]:
    """The (pos, frame) rows the rules look up for this token."""
    pos = tok.pos_
    if pos == "NOUN":  # a noun is a cue with a clause ("the claim that") or a preposition
        frame = rules.noun_frame(tok)[0]
        return [("noun", frame)] if frame != "-" else []
    if pos not in ("VERB", "ADJ"):
        return []
    kind = "verb" if pos == "VERB" else "adj"
    frame = rules.frame_of(tok)
    # an adjective is a cue with a clause ("hopeful that", "eager to") or a preposition only
    out = [(kind, frame)] if kind == "verb" or frame in ("c", "x") else []
    prep, pobj = rules.prep_object(tok)
    if prep is not None and pobj is not None:
        out.append((kind, "p:" + prep.lower_))
    return out


def count(docs: Iterable[GoldDoc]) -> tuple[Counter[Key], Counter[Key]]:
    """(cue counts, occurrences) of every row, outside quotations."""
    cue_hits: Counter[Key] = Counter()
    seen: Counter[Key] = Counter()
    it = iter(docs)
    while chunk := list(islice(it, CHUNK)):
        for d, parsed in zip(
            chunk, parse_chunk([(d.text, d.published) for d in chunk]), strict=True
        ):
            qi = QuoteIndex(d.text)
            cue_frags = [f for r in d.relations if r.cue for f in r.cue.fragments]
            for p in parsed:
                for tok in p.doc:
                    start, end = p.doc_span(tok)
                    if qi.containing(start) is not None:
                        continue
                    is_cue = any(s < end and start < e for s, e in cue_frags)
                    for pos, frame in frames(tok):
                        key = (pos, tok.lemma_.lower(), frame)
                        seen[key] += 1
                        cue_hits[key] += is_cue
    return cue_hits, seen


HAND_LISTS = cues.SAY_VERBS | cues.NOUN_CUES | cues.NAMING_VERBS


def select(cue_hits: Counter[Key], seen: Counter[Key]) -> Iterator[tuple[Key, int, int]]:
    for key in sorted(seen):
        n, h = seen[key], cue_hits[key]
        if n < MIN_SEEN or not key[1].isalpha():
            continue
        if (h >= MIN_CUES and h / n >= MIN_RATIO) or key[1] in HAND_LISTS:
            yield key, h, n


def build(corpus: Path, out: Path) -> int:
    cue_hits, seen = count(iter_corpus(corpus))
    rows = [f"{p}\t{lem}\t{fr}\t{h}\t{n}" for (p, lem, fr), h, n in select(cue_hits, seen)]
    out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimtrack.extract.learned.lexicon")
    ap.add_argument("--corpus", type=Path, default=default_corpus().parent / "train")
    ap.add_argument("--out", type=Path, default=cues.LEXICON_FILE)
    args = ap.parse_args(argv)
    if err := split_error(args.corpus):
        print(err, file=sys.stderr)
        return 2
    n = build(args.corpus, args.out)
    print(f"{n} rows -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
