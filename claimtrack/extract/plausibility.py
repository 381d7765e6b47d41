"""Claims that are claims: the last stage drops the ones that are not attributions at all.

Three general filters over a document's claims (plain data, plus the parses for lemmas):

- **twice**: one claim found twice by two cues in one sentence ("asked whether X", "said X"):
  two claims of one sentence whose contents overlap and share at least TWICE_OVERLAP of their
  words (word-token F1, as the scorer counts a match) are one claim; the one with a speaker
  mention, then the higher raw confidence, then the earlier, is kept.
- **headline**: a claim in a heading line (segment.is_heading: short, no final punctuation)
  whose cue is not a speaking cue (a lemma of ``say_verbs`` or a colon): "Hunter Explores a
  Run" is a headline, not something Hunter said.
- **not a cue**: a claim whose cue word (its first verb, noun or adjective) is a lemma of
  ``data/words/not_attribution_cues.txt``: narrative and feeling verbs whose claims were
  mostly not attributions on PolNeAR train (the list is learned from train by
  ``python -m claimtrack.extract.learned.cuelist``, part of ``make train-models`` and read by hand).

Dropped claims are gone: listings, exports and ``claimtrack eval`` see the same claims.
Boilerplate an outlet repeats in many articles needs the store and is not handled here.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Token

from claimtrack.extract.learned.score import content_text, token_f1, words
from claimtrack.extract.types import FoundClaim
from claimtrack.extract.wordlists import words as word_list

TWICE_OVERLAP = 0.5  # word F1 of two contents above which they are one claim
_CONTENT_POS = ("VERB", "NOUN", "ADJ")


def screen(
    text: str,
    claims: list[FoundClaim],
    paragraphs: Sequence,
    not_cues: frozenset[str] | None = None,
) -> list[FoundClaim]:
    """The claims of one document that pass every filter, in their order. ``paragraphs``:
    objects with ``seg`` (a Segment) and ``doc`` (its parse), in document order; ``not_cues``:
    the cue lemmas that are not attributions (default: the shipped list)."""
    paragraphs = list(paragraphs)
    starts = [p.seg.start for p in paragraphs]
    not_cues = word_list("not_attribution_cues") if not_cues is None else not_cues
    keep = []
    for c in claims:
        lemma = cue_lemma(c, paragraphs, starts)
        keep.append(lemma not in not_cues and not _headline(c, lemma, paragraphs, starts))
    for i in found_twice(text, claims):
        keep[i] = False
    return [c for c, k in zip(claims, keep, strict=True) if k]


def found_twice(text: str, claims: Sequence[FoundClaim]) -> set[int]:
    """Indices of the claims that repeat another claim of their sentence (see module doc)."""
    drop: set[int] = set()
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(claims):  # only claims of one sentence are compared
        by_sentence.setdefault((c.sentence.start, c.sentence.end), []).append(i)
    for group in by_sentence.values():
        bags = {i: words(content_text(text, claims[i])) for i in group} if len(group) > 1 else {}
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                a, b = claims[i], claims[j]
                if i in drop or j in drop:
                    continue
                if not (a.content.start < b.content.end and b.content.start < a.content.end):
                    continue
                if token_f1(bags[i], bags[j]) >= TWICE_OVERLAP:
                    drop.add(j if _rank(a) >= _rank(b) else i)
    return drop


def _rank(c: FoundClaim) -> tuple[bool, float]:
    return (c.speaker.mention is not None, c.raw_confidence)


def cue_lemma(claim: FoundClaim, paragraphs: Sequence, starts: Sequence[int]) -> str | None:
    """The lemma of a claim's cue word: its first verb, noun or adjective (else its first
    token), lower case; ``:`` for a colon; None when the cue is in no paragraph."""
    tok = _cue_tokens(claim, paragraphs, starts)
    if not tok:
        return None
    head = next((t for t in tok if t.pos_ in _CONTENT_POS), tok[0])
    return head.lemma_.lower()


def _cue_tokens(claim: FoundClaim, paragraphs: Sequence, starts: Sequence[int]) -> list[Token]:
    k = bisect.bisect_right(starts, claim.cue.start) - 1
    if k < 0:
        return []
    p = paragraphs[k]
    a, b = claim.cue.start - p.seg.start, claim.cue.end - p.seg.start
    return [t for t in p.doc if t.idx < b and a < t.idx + len(t.text)]


def _paragraph_of(claim: FoundClaim, paragraphs: Sequence, starts: Sequence[int]):  # noqa: ANN202
    k = bisect.bisect_right(starts, claim.cue.start) - 1
    return paragraphs[k] if k >= 0 else None


def _headline(
    c: FoundClaim, lemma: str | None, paragraphs: Sequence, starts: Sequence[int]
) -> bool:
    """In a heading line, without a speaking cue."""
    p = _paragraph_of(c, paragraphs, starts)
    if p is None or not p.seg.is_heading:
        return False
    return lemma not in word_list("say_verbs") and lemma != ":"
