"""``topics suggest``: topics a stored corpus asks for, from the claims no topic covers.

Pure counting over plain data: each uncovered claim's content is cut into phrases of one to
three words (no phrase starts or ends with a stop word, a word of speech or a word of a
speaker's name: speakers are not topics); a phrase is proposed when it is in at least
MIN_CLAIMS uncovered claims from at least two sources, ranked by how many uncovered claims
hold it, weighted by how distinctive it is: its keyness, how much more often it is in those claims
than in general English (the ``wordfreq`` package's Zipf frequency), so "good" or
"country" are left out and "fraud" or "iran deal" rise. A longer phrase replaces the shorter ones it contains
when it covers most of their claims.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimtrack.words import stop_words, words

MIN_CLAIMS = 3
MAX_WORDS = 3
# how many times (log10) more often a phrase is in the uncovered claims than in general
# English: at 2, "country" or "support" (about 1.7 in a corpus of news claims) are left out
MIN_KEYNESS = 2.0
EXAMPLES = 2
# words of reporting and of speech that say nothing of a topic
_TALK = frozenset(
    "said says say saying told tell think thinks know going want wants like just really "
    "thing things lot way time times got get make made come came people year years "
    "percent mr mrs ms don doesn didn isn wasn aren won can couldn wouldn shouldn".split()
)


@dataclass(frozen=True)
class Uncovered:
    claim_id: int
    source_id: int
    content: str


@dataclass(frozen=True)
class Suggestion:
    phrase: str
    claims: int  # uncovered claims holding the phrase
    sources: int
    examples: tuple[int, ...]  # claim ids
    score: float
    example: str = ""  # the first example claim's content


def _dull(word: str, names: frozenset[str]) -> bool:
    return word in stop_words() or word in _TALK or word in names or len(word) < 3


def phrases(text: str, names: frozenset[str] = frozenset(), max_words: int = MAX_WORDS) -> set[str]:
    """The candidate phrases of one text: no name word anywhere, no dull word at an end."""
    ws = words(text)
    out: set[str] = set()
    for n in range(1, max_words + 1):
        for i in range(len(ws) - n + 1):
            gram = ws[i : i + n]
            if _dull(gram[0], names) or _dull(gram[-1], names) or names.intersection(gram):
                continue
            out.add(" ".join(gram))
    return out


def suggest(
    uncovered: Sequence[Uncovered],
    frequency: Callable[[str], float],
    names: frozenset[str] = frozenset(),
    limit: int = 10,
    min_claims: int = MIN_CLAIMS,
) -> list[Suggestion]:
    """Phrases proposed as topics: see the module docstring. FREQUENCY gives a phrase's Zipf
    frequency in general English; NAMES are the words of the speakers' names."""
    holders: dict[str, list[Uncovered]] = defaultdict(list)
    for claim in uncovered:
        for p in phrases(claim.content, names):
            holders[p].append(claim)
    ranked: list[Suggestion] = []
    for phrase, claims in holders.items():
        sources = {c.source_id for c in claims}
        if len(claims) < min_claims or len(sources) < 2:
            continue
        lift = keyness(len(claims), len(uncovered), frequency(phrase))
        if lift < MIN_KEYNESS:
            continue
        score = len(claims) * lift * (1 + 0.5 * phrase.count(" "))
        examples = tuple(c.claim_id for c in claims[:EXAMPLES])
        ranked.append(
            Suggestion(
                phrase, len(claims), len(sources), examples, round(score, 2), claims[0].content
            )
        )
    ranked.sort(key=lambda s: (-s.score, s.phrase))
    return _without_parts(ranked)[:limit]


def _without_parts(ranked: list[Suggestion]) -> list[Suggestion]:
    """Drop a phrase inside a better-ranked longer one that holds most of its claims."""
    kept: list[Suggestion] = []
    for s in ranked:
        inside = any(
            f" {s.phrase} " in f" {k.phrase} " and k.claims >= 0.6 * s.claims for k in kept
        )
        if not inside:
            kept.append(s)
    return kept


def keyness(count: int, total: int, zipf: float) -> float:
    """log10 of a phrase's rate in the claims (per claim) over its rate in general English
    (per word; Zipf = log10 of occurrences per billion words)."""
    if count <= 0 or total <= 0:
        return 0.0
    return math.log10(count / total) - (zipf - 9)


def slug_for(phrase: str) -> str:
    return "-".join(words(phrase)).replace("'", "")[:100].strip("-") or "topic"


SUGGESTION_COLUMNS = ("rank", "phrase", "claims", "sources", "example_claims", "example")


def suggestion_rows(found: Sequence[Suggestion]) -> list[dict]:
    return [
        {
            "rank": k,
            "phrase": s.phrase,
            "claims": s.claims,
            "sources": s.sources,
            "example_claims": ";".join(str(i) for i in s.examples),
            "example": " ".join(s.example.split()),
        }
        for k, s in enumerate(found, start=1)
    ]
