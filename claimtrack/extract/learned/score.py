"""Pure scoring of predicted claims against gold attribution relations.

Per document:

Content: a gold relation's Content fragments, a claim's ``content_parts`` (or ``content``).

- relaxed match: a predicted claim and a gold relation whose content spans have a word-token
  F1 >= 0.5 (multiset overlap of ``\\w+`` tokens, lower-cased); pairs are taken greedily, best
  first, each claim and each relation used at most once.
- full match: a relaxed match whose predicted speaker span overlaps the gold Source (when the
  gold has one) and whose predicted cue span overlaps the gold Cue (when it has one).
- speaker accuracy: among relaxed matches whose gold has a Source, the share whose predicted
  speaker span overlaps it.
- exact Source/Cue/Content: the set of spans of the document, each trimmed of whitespace and
  punctuation at both edges; a span in several fragments counts from its first to its last
  character.
- kinds: quoted/unquoted content (double quote marks inside a content piece or at its
  edges; single marks are left out, as "’" is mostly an apostrophe), pronoun/other source
  (a bare personal pronoun; no Source counts as other). Precision of a kind counts the
  predictions of that kind (judged on the prediction's own spans), recall the gold relations of
  that kind (judged on the gold spans).

Totals are micro-averaged: counts are summed over documents before dividing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimtrack.extract.learned.corpus import GoldRelation, GoldSpan
from claimtrack.extract.types import CharSpan, FoundClaim
from claimtrack.names import PRONOUNS

__all__ = [
    "KINDS",
    "Counts",
    "content_extent",
    "content_text",
    "DocScore",
    "Totals",
    "greedy_match",
    "score_document",
    "token_f1",
    "total",
    "trim",
]

RELAXED_THRESHOLD = 0.5
QUOTE_MARKS = frozenset('"“”«»„')
KINDS = ("quoted", "unquoted", "pronoun source", "other source")
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Counts:
    """Hits and totals on each side: precision = pred_hits/n_pred, recall = gold_hits/n_gold."""

    pred_hits: int = 0
    n_pred: int = 0
    gold_hits: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.pred_hits / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hits / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.pred_hits += other.pred_hits
        self.n_pred += other.n_pred
        self.gold_hits += other.gold_hits
        self.n_gold += other.n_gold


@dataclass(slots=True)
class DocScore:
    name: str
    relaxed: Counts
    full: Counts
    speaker_hits: int
    speaker_total: int
    exact: dict[str, Counts]
    kinds: dict[str, dict[str, Counts]]  # kind -> {"relaxed": ..., "full": ...}
    matches: list[tuple[int, int, float]] = field(default_factory=list)  # (claim, gold, f1)
    missed: list[int] = field(default_factory=list)  # gold relations without a match
    spurious: list[int] = field(default_factory=list)  # claims without a match


@dataclass(slots=True)
class Totals:
    docs: int
    relaxed: Counts
    full: Counts
    speaker_hits: int
    speaker_total: int
    exact: dict[str, Counts]
    kinds: dict[str, dict[str, Counts]]

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_hits / self.speaker_total if self.speaker_total else 0.0


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def token_f1(a: Counter[str], b: Counter[str]) -> float:
    """F1 of the multiset overlap of two bags of words (0 when either is empty)."""
    common = sum((a & b).values())
    if not common:
        return 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return 2 * p * r / (p + r)


def greedy_match(
    scores: Iterable[tuple[int, int, float]], threshold: float = RELAXED_THRESHOLD
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (left, right, score) with score >= threshold, best first.

    Ties are broken by position (earlier left, then earlier right) so results are stable.
    """
    pairs = sorted((s for s in scores if s[2] >= threshold), key=lambda s: (-s[2], s[0], s[1]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for left, right, score in pairs:
        if left in used_l or right in used_r:
            continue
        used_l.add(left)
        used_r.add(right)
        out.append((left, right, score))
    return out


def _edge(c: str) -> bool:
    return c.isspace() or unicodedata.category(c).startswith("P")


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) with whitespace and punctuation removed at both edges; None if empty."""
    end = min(end, len(text))
    while start < end and _edge(text[start]):
        start += 1
    while end > start and _edge(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def overlaps(span: CharSpan | None, gold: GoldSpan) -> bool:
    """Whether the predicted span shares at least one character with a gold fragment."""
    if span is None:
        return False
    return any(span.start < e and s < span.end for s, e in gold.fragments)


def is_quoted(text: str, start: int, end: int) -> bool:
    """Quote marks inside the span or right at its edges."""
    inner = text[max(0, start - 1) : min(len(text), end + 1)]
    return any(c in QUOTE_MARKS for c in inner)


def is_pronoun(text: str, start: int, end: int) -> bool:
    t = trim(text, start, end)
    return t is not None and text[t[0] : t[1]].lower() in PRONOUNS


def _gold_kinds(text: str, rel: GoldRelation) -> tuple[str, str]:
    quoted = any(is_quoted(text, s, e) for s, e in rel.content.fragments)
    src = rel.source
    pron = src is not None and is_pronoun(text, src.start, src.end)
    return ("quoted" if quoted else "unquoted", "pronoun source" if pron else "other source")


def content_text(text: str, claim: FoundClaim) -> str:
    return " ".join(p.text(text) for p in claim.pieces)


def content_extent(claim: FoundClaim) -> tuple[int, int]:
    """From the first character of the first piece to the last of the last."""
    pieces = claim.pieces
    return min(p.start for p in pieces), max(p.end for p in pieces)


def _claim_kinds(text: str, claim: FoundClaim) -> tuple[str, str]:
    quoted = any(is_quoted(text, p.start, p.end) for p in claim.pieces)
    m = claim.speaker.mention
    pron = m is not None and is_pronoun(text, m.start, m.end)
    return ("quoted" if quoted else "unquoted", "pronoun source" if pron else "other source")


def _exact(gold: set[tuple[int, int]], pred: set[tuple[int, int]]) -> Counts:
    hits = len(gold & pred)
    return Counts(pred_hits=hits, n_pred=len(pred), gold_hits=hits, n_gold=len(gold))


def _span_set(text: str, spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    return {t for s, e in spans if (t := trim(text, s, e)) is not None}


def score_document(
    text: str, claims: Sequence[FoundClaim], relations: Sequence[GoldRelation], name: str = ""
) -> DocScore:
    """Score one document's predicted claims against its gold relations."""
    matches = _relaxed_matches(text, claims, relations)
    full_ok, speaker_hits, speaker_total = _judge_matches(claims, relations, matches)
    matched_gold = {gi: ci for ci, gi, _ in matches}
    n_pred, n_gold, n_match = len(claims), len(relations), len(matches)
    n_full = sum(full_ok.values())
    return DocScore(
        name=name,
        relaxed=Counts(n_match, n_pred, n_match, n_gold),
        full=Counts(n_full, n_pred, n_full, n_gold),
        speaker_hits=speaker_hits,
        speaker_total=speaker_total,
        exact=_exact_counts(text, claims, relations),
        kinds=_kind_counts(text, claims, relations, full_ok, matched_gold),
        matches=matches,
        missed=[gi for gi in range(n_gold) if gi not in matched_gold],
        spurious=[ci for ci in range(n_pred) if ci not in full_ok],
    )


def _relaxed_matches(
    text: str, claims: Sequence[FoundClaim], relations: Sequence[GoldRelation]
) -> list[tuple[int, int, float]]:
    """The relaxed matches (claim, gold, F1): content word F1 >= 0.5, paired greedily."""
    gold_words = [words(r.content.text(text)) for r in relations]
    pred_words = [words(content_text(text, c)) for c in claims]
    scores = [
        (ci, gi, f)
        for ci, pw in enumerate(pred_words)
        for gi, gw in enumerate(gold_words)
        if (f := token_f1(pw, gw)) >= RELAXED_THRESHOLD
    ]
    return greedy_match(scores)


def _judge_matches(
    claims: Sequence[FoundClaim],
    relations: Sequence[GoldRelation],
    matches: list[tuple[int, int, float]],
) -> tuple[dict[int, bool], int, int]:
    """For each matched claim whether it matches fully (speaker and cue overlap the gold's),
    and the speaker hits and total among matches whose gold has a Source."""
    full_ok: dict[int, bool] = {}  # claim index -> fully matched
    speaker_hits = speaker_total = 0
    for ci, gi, _ in matches:
        claim, rel = claims[ci], relations[gi]
        src_ok = rel.source is None or overlaps(claim.speaker.mention, rel.source)
        cue_ok = rel.cue is None or overlaps(claim.cue, rel.cue)
        full_ok[ci] = src_ok and cue_ok
        if rel.source is not None:
            speaker_total += 1
            speaker_hits += src_ok
    return full_ok, speaker_hits, speaker_total


def _kind_counts(
    text: str,
    claims: Sequence[FoundClaim],
    relations: Sequence[GoldRelation],
    full_ok: dict[int, bool],
    matched_gold: dict[int, int],
) -> dict[str, dict[str, Counts]]:
    """Relaxed and full counts per kind: predictions judged on their own spans, gold
    relations on theirs."""
    kinds = {k: {"relaxed": Counts(), "full": Counts()} for k in KINDS}
    for ci, claim in enumerate(claims):
        for k in _claim_kinds(text, claim):
            kinds[k]["relaxed"].n_pred += 1
            kinds[k]["full"].n_pred += 1
            if ci in full_ok:
                kinds[k]["relaxed"].pred_hits += 1
                kinds[k]["full"].pred_hits += full_ok[ci]
    for gi, rel in enumerate(relations):
        for k in _gold_kinds(text, rel):
            kinds[k]["relaxed"].n_gold += 1
            kinds[k]["full"].n_gold += 1
            if gi in matched_gold:
                kinds[k]["relaxed"].gold_hits += 1
                kinds[k]["full"].gold_hits += full_ok[matched_gold[gi]]
    return kinds


def _exact_counts(
    text: str, claims: Sequence[FoundClaim], relations: Sequence[GoldRelation]
) -> dict[str, Counts]:
    """Exact Source, Cue and Content: the document's trimmed spans, gold against predicted."""
    mentions = (c.speaker.mention for c in claims)
    return {
        "source": _exact(
            _span_set(text, ((r.source.start, r.source.end) for r in relations if r.source)),
            _span_set(text, ((m.start, m.end) for m in mentions if m is not None)),
        ),
        "cue": _exact(
            _span_set(text, ((r.cue.start, r.cue.end) for r in relations if r.cue)),
            _span_set(text, ((c.cue.start, c.cue.end) for c in claims)),
        ),
        "content": _exact(
            _span_set(text, ((r.content.start, r.content.end) for r in relations)),
            _span_set(text, (content_extent(c) for c in claims)),
        ),
    }


def total(docs: Iterable[DocScore]) -> Totals:
    """Micro-averaged totals: counts summed over documents."""
    t = Totals(
        docs=0,
        relaxed=Counts(),
        full=Counts(),
        speaker_hits=0,
        speaker_total=0,
        exact={k: Counts() for k in ("source", "cue", "content")},
        kinds={k: {"relaxed": Counts(), "full": Counts()} for k in KINDS},
    )
    for d in docs:
        t.docs += 1
        t.relaxed.add(d.relaxed)
        t.full.add(d.full)
        t.speaker_hits += d.speaker_hits
        t.speaker_total += d.speaker_total
        for k, c in d.exact.items():
            t.exact[k].add(c)
        for k, by in d.kinds.items():
            for level, c in by.items():
                t.kinds[k][level].add(c)
    return t
