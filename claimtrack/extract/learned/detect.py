"""Find attributions the rules missed, with a CRF tagger learned from annotated news.

PolNeAR's annotators mark a long tail of attributions that no rule proposes: evaluative and
topical relations ("his support for", "took a swing at", "is partial to"), headline verbs,
idioms. A linear-chain CRF (python-crfsuite) tags each paragraph's tokens as source / cue /
content / other, knowing which tokens the rules' claims already cover. A content run that no
claim covers, with a cue run near it, becomes a new claim (rule ``learned``); its source is
the source run nearest the cue, when there is one. A rules' claim whose content the tagger
hardly reads as content (mean marginal below ``doubt(confidence)``) is dropped. A paragraph
is tagged from the end of the dateline opening it on ("DUNMORE, Ore. — "), as if it began there.

The model (``detect.crfsuite``) is trained with the refiner by ``make train-models``
(``claimtrack.extract.learned.train``) and uses the same features and word list
(``refine_vocab.txt``): parse labels and common lemmas, no text of any article.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from claimtrack.extract.learned import refine
from claimtrack.extract.learned.refine import CON, CUE, SRC, Feature, Pair
from claimtrack.extract.segment import Parsed
from claimtrack.extract.spans import token_starts
from claimtrack.extract.tails import dateline_end

__all__ = ["Detector", "Found", "after_dateline", "coverage_features", "doubt", "load"]

MODEL_FILE = Path(__file__).with_name("detect.crfsuite")
MAX_CUE_GAP = 80  # characters between a content run and its cue run
# a find needs a mean marginal probability of at least this for its content and its cue run
# (0.5 chosen on held-out PolNeAR train articles: precision up, recall as good as unchanged)
MIN_BELIEF = 0.5
# a rules' claim (in one paragraph) whose content has a mean marginal of content below this is
# dropped: the detector sees the paragraph whole and was trained on what the rules propose; a
# weak claim (confidence below WEAK) must clear the higher bar. Chosen on held-out train.
DOUBT = 0.2
DOUBT_WEAK = 0.3
WEAK = 0.6


def doubt(confidence: float) -> float:
    """The least content belief a rules' claim of this confidence needs to be kept."""
    return DOUBT_WEAK if confidence < WEAK else DOUBT


@dataclass(frozen=True, slots=True)
class Found:
    """A detected attribution (document offsets)."""

    content: Pair
    cue: Pair
    source: Pair | None


_ROLES = (*refine.LABELS, "BOS", "EOS")
_COV = {r: f"cov={r}".encode() for r in refine.LABELS}
_PCOV = {r: f"pcov={r}".encode() for r in _ROLES}
_NCOV = {r: f"ncov={r}".encode() for r in _ROLES}
# by role, keyed on token_features' own "l=" feature: "l=say" -> "cov|l=CUE|say"
_COV_L = {r: refine.Prefixed(f"cov|l={r}|", cut=2) for r in refine.LABELS}


def coverage_features(
    para: Parsed, static: list[list[Feature]], covered: list[tuple[Pair, str]]
) -> list[list[Feature]]:
    """The paragraph's token features plus the role each token has in the rules' claims."""
    cov = refine.roles(para, covered)
    n = len(para.doc)
    out = []
    for i in range(n):
        c = cov[i]
        out.append(
            static[i]
            + [
                _COV[c],
                _PCOV[cov[i - 1] if i else "BOS"],
                _NCOV[cov[i + 1] if i + 1 < n else "EOS"],
                _COV_L[c][static[i][0]],
            ]
        )
    return out


_NEAR_BEFORE = (b"-1", b"-2")  # token_features' neighbours before a token ("-1l=", "-2p=")
_BOUND_BEFORE = (b"-1BOUND", b"-2BOUND")  # and what it has where there is none


def after_dateline(features: list[list[Feature]], k: int) -> list[list[Feature]]:
    """The features of tokens K on (K: the first token after a dateline opening the paragraph,
    "DUNMORE, Ore. — "), as if the paragraph began there: the words before it are no
    neighbours and the first token starts a sentence. A dateline says where the story was
    filed, and the detector tagging it read a lede's content far less as content than without
    it ("DUNMORE, Ore. — The bridge will close soon, the mayor said": 0.17 against 0.70), which
    dropped the rules' claim. A content drawn over the dateline is believed after it too."""
    if not k:
        return features
    out = features[k:]
    for i in range(min(2, len(out))):
        near = _NEAR_BEFORE[i:]  # the neighbours at -1 and -2 of token k, at -2 of k + 1
        f = [x for x in out[i] if not x.startswith(near)] + list(_BOUND_BEFORE[i:])
        if i == 0:
            f = [_PCOV["BOS"] if x.startswith(b"pcov=") else x for x in f]
            if b"ss" not in f:
                f.append(b"ss")
        out[i] = f
    return out


def _gap(a: Pair, b: Pair) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


class Detector(refine.Tagger):
    def __init__(self, model: Path = MODEL_FILE) -> None:
        super().__init__(model)
        # the tokens' starts in the paragraph tagged last, and where it starts in its document
        self._starts: list[int] = []
        self._offset = 0

    def detect(
        self, para: Parsed, static: list[list[Feature]], covered: list[tuple[Pair, str]]
    ) -> list[Found]:
        """Attributions in the paragraph that no span of ``covered`` (the rules' claims that
        reach into the paragraph, document offsets) already takes."""
        k = (dateline_end(para.doc) or 0) if len(para.doc) else 0
        # the paragraph is tagged from the end of its dateline on: its tokens' starts from there
        self._starts, self._offset = token_starts(para.doc)[k:], para.seg.start
        if not len(para.doc):
            return []
        tags = self.tag(after_dateline(coverage_features(para, static, covered), k))
        contents = refine.runs(para, tags, CON, k)
        cues = refine.runs(para, tags, CUE, k)
        if not contents or not cues:
            return []
        sources = refine.runs(para, tags, SRC, k)
        # the rules' contents by start, with the furthest end reached so far
        taken = sorted(span for span, label in covered if label == CON)
        taken_starts = [a for a, _ in taken]
        reach = list(itertools.accumulate((b for _, b in taken), max))
        cue_ends = [b for _, b in cues]
        source_starts = [a for a, _ in sources]
        out = []
        for content in contents:
            i = bisect.bisect_left(taken_starts, content[1])  # the contents starting before it
            if i and reach[i - 1] > content[0]:
                continue  # the rules' claim there stands
            # the nearest cue run (the first of equals): runs are disjoint and in order, so it is
            # the last one ending before the content or the next one
            i = bisect.bisect_right(cue_ends, content[0])
            cue = min(cues[max(0, i - 1) : i + 1], key=lambda r: _gap(r, content))
            if _gap(cue, content) > MAX_CUE_GAP:
                continue
            if min(self._belief(content, CON), self._belief(cue, CUE)) < MIN_BELIEF:
                continue
            source = None
            if sources:  # the source run starting nearest the cue (the first of equals)
                i = bisect.bisect_left(source_starts, cue[0])
                source = min(sources[max(0, i - 1) : i + 1], key=lambda r: abs(r[0] - cue[0]))
            out.append(Found(content, cue, source))
        return out

    def content_belief(self, span: Pair) -> float:
        """How much the last paragraph tagged looks like content over ``span`` (0 to 1); a
        dateline opening the paragraph is not tagged, so not counted."""
        return self._belief(span, CON)

    def _belief(self, span: Pair, label: str) -> float:
        """The mean marginal probability of ``label`` over the tokens of a run just tagged."""
        starts, a, b = self._starts, span[0] - self._offset, span[1] - self._offset
        i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        probs = [self.marginal(label, k) for k in range(i, j)]
        return sum(probs) / len(probs) if probs else 0.0


@cache
def _shared() -> Detector:
    return Detector()


def load(model: Path = MODEL_FILE) -> Detector:
    """The detector (the shipped one loaded once); MissingModelError without its file."""
    refine.require(model)
    return _shared() if model == MODEL_FILE else Detector(model)
