"""Redraw a claim's content and cue edges with a CRF learned from annotated news.

The rules find an attribution and propose its spans. Where exactly a content or a cue ends
follows conventions that the rules only approximate ("said in a statement", "..., which ...",
a trailing adverbial). A linear-chain CRF (python-crfsuite) relabels the tokens of the claim's
paragraph as source / cue / content / other, given the rules' proposal and the parse, and the
claim takes its content and cue from those labels when they agree with the proposal: the
content is the content runs within the proposed content's extent, and must stay clear of the
proposed cue and source; the cue must overlap the proposed cue and stay clear of the content
and of the speaker.

The model (``refine.crfsuite``) is trained by ``make train-models`` on PolNeAR train
(``claimtrack.extract.learned.train``). Its features are grammatical categories and the lemmas
of ``refine_vocab.txt`` (lemmas found in at least ten training articles); it holds no text of
any article. ``extract(..., learned=False)`` gives what the rules alone propose (without the
detector, ``detect.py``, too); a missing model file is a MissingModelError.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from claimtrack.errors import UserError
from claimtrack.extract.learned import crf
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.segment import Parsed
from claimtrack.extract.spans import doc_ents
from claimtrack.extract.when import WHEN_LABELS
from claimtrack.extract.wordlists import words

__all__ = [
    "LABELS",
    "Prefixed",
    "Proposal",
    "Refiner",
    "claim_features",
    "MissingModelError",
    "labels_for",
    "load",
    "overlaps",
    "paragraph_features",
    "roles",
    "runs",
    "token_features",
]

MODEL_FILE = Path(__file__).with_name("refine.crfsuite")
VOCAB_FILE = Path(__file__).with_name("refine_vocab.txt")
OTHER, SRC, CUE, CON = "O", "SRC", "CUE", "CON"
# A paragraph of at most this many tokens is tagged whole by crfsuite for each claim: in C
# that beats decoding a window in Python on short paragraphs (measured on the seed article's
# sentences: as fast at 70 to 140 tokens, 2.4 times as long at 535), and each claim's cost
# stays bounded all the same.
WHOLE = 100
LABELS = (OTHER, SRC, CUE, CON)
Pair = tuple[int, int]
# A feature as crfsuite reads it: UTF-8 bytes, which pycrfsuite copies as they are (a str it
# encodes afresh every time a sequence is tagged: 0.81 to 0.84 of the tagging time with bytes)
Feature = bytes
# A content the model draws on past the rules' proposal does not go on into a clause of reason
# or time ("denied it | because ...", "backed him | until ..."): the speaker's claim ends there.
CLAUSE_STOPS = words("clause_stops")


@dataclass(frozen=True, slots=True)
class Proposal:
    """A claim's spans as the rules drew them (document offsets)."""

    cue: Pair
    mention: Pair | None
    parts: Sequence[Pair]  # content pieces, in text order


class MissingModelError(UserError):
    """A learned model's file is not where the package keeps it."""


def require(model: Path) -> Path:
    """``model``, or MissingModelError naming the fix when the file is not there."""
    if not model.is_file():
        raise MissingModelError(
            f"learned model {model} is missing: run `make train-models` to build it, "
            "or extract with the rules alone (learned=False, --rules-only)"
        )
    return model


def read_vocabulary(path: Path = VOCAB_FILE) -> frozenset[str]:
    """The word list a model was trained with (kept next to it)."""
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def _word(t: Token, vocab: frozenset[str]) -> str:
    lemma = t.lemma_.lower()
    return lemma if lemma in vocab else "<" + t.pos_


class Prefixed(dict):
    """PREFIX + a value (from its CUT-th character on) as a feature (UTF-8 bytes), joined once
    per value: the values a feature takes (a word of the model's list or a part of speech, a
    tag, a dependency, an entity label) are few, and a paragraph's features join them afresh
    for every token otherwise. A value is a str (spaCy's) or a feature already (bytes)."""

    def __init__(self, prefix: str, cut: int = 0) -> None:
        super().__init__()
        self.prefix, self.cut = prefix.encode(), cut

    def __missing__(self, value: str | bytes) -> Feature:
        rest = value[self.cut :]
        joined = self[value] = self.prefix + (rest if isinstance(rest, bytes) else rest.encode())
        return joined


_NEAR = (-2, -1, 1, 2)  # the neighbours a token's features read
_L, _P, _T, _D = Prefixed("l="), Prefixed("p="), Prefixed("t="), Prefixed("d=")
_HD, _HP, _HL, _E = Prefixed("hd="), Prefixed("hp="), Prefixed("hl="), Prefixed("e=")
_BOUND = {off: f"{off}BOUND".encode() for off in _NEAR}


class _Neighbour(dict):
    """(word, part of speech, dependency) -> the three features a token with them gives its
    neighbour at each offset of ``_NEAR`` ("-1l=said", "-1p=VERB", "-1d=ROOT"), in that
    order: joined once per triple, as ``Prefixed`` joins once per value."""

    def __missing__(self, key: tuple[str, str, str]) -> tuple[tuple[Feature, ...], ...]:
        w, p, d = key
        joined = self[key] = tuple(
            (f"{off}l={w}".encode(), f"{off}p={p}".encode(), f"{off}d={d}".encode())
            for off in _NEAR
        )
        return joined


_NEIGHBOUR = _Neighbour()


def token_features(
    doc: Doc, quoted: Callable[[int], bool], vocab: frozenset[str]
) -> list[list[Feature]]:
    """Features of each token that do not depend on the claim (computed once a paragraph), as
    UTF-8 bytes (``b"l=say"``).

    ``quoted(i)`` tells whether token i lies inside a quotation; words outside ``vocab`` (the
    model's word list) are known by their part of speech.
    """
    toks = list(doc)  # read each token's attributes once (indexing a Doc builds a Token)
    words = [_word(t, vocab) for t in toks]
    pos = [t.pos_ for t in toks]
    dep = [t.dep_ for t in toks]
    starts = [bool(t.is_sent_start) for t in toks]
    n = len(toks)
    # each token's three features as the neighbour at each offset, by offset's place in _NEAR
    near = [_NEIGHBOUR[key] for key in zip(words, pos, dep, strict=True)]
    out: list[list[Feature]] = []
    for i, t in enumerate(toks):
        h = t.head.i
        f = [
            _L[words[i]],
            _P[pos[i]],
            _T[t.tag_],
            _D[dep[i]],
            _HD[dep[h]],
            _HP[pos[h]],
            _HL[words[h]],
        ]
        if starts[i]:
            f.append(b"ss")
        if i + 1 == n or starts[i + 1]:
            f.append(b"se")
        if quoted(i):
            f.append(b"inq")
        if t.ent_type_:
            f.append(_E[t.ent_type_])
        for k, off in enumerate(_NEAR):
            j = i + off
            if 0 <= j < n:
                f += near[j][k]
            else:
                f.append(_BOUND[off])
        out.append(f)
    return out


def paragraph_features(para: Parsed, qi: QuoteIndex, vocab: frozenset[str]) -> list[list[Feature]]:
    """``token_features`` of a paragraph of a document quoted as ``qi``."""
    inside = qi.inside(para.doc, para.seg.start)
    return token_features(para.doc, inside.__getitem__, vocab)


def roles(para: Parsed, spans: list[tuple[Pair, str]]) -> list[str]:
    """A label per token: the last span (in list order) that a token starts in wins."""
    out = [OTHER] * len(para.doc)
    for span, label in spans:
        i, j = para.token_range(*span)
        for k in range(i, j):
            out[k] = label
    return out


def labels_for(
    para: Parsed, cue: Sequence[Pair], source: Sequence[Pair], content: Sequence[Pair]
) -> list[str]:
    """Training labels from annotated fragments (document offsets)."""
    spans = [(f, CON) for f in content] + [(f, SRC) for f in source] + [(f, CUE) for f in cue]
    return roles(para, spans)


@dataclass(slots=True)
class _View:
    """What one claim's sequence tells of its paragraph's tokens: the proposal's roles (the
    last span a token starts in wins: content, then speaker, then cue) and where its cue is."""

    role: dict[int, str]  # tokens with a role; any other token is OTHER
    first: int  # the cue's first token: tokens are before, at or after it
    same: range  # the cue's sentence
    above: set[int]  # the cue's ancestors in the parse
    below: set[int]  # and its descendants


def _view(para: Parsed, p: Proposal) -> _View:
    doc = para.doc
    spans: list[tuple[Pair, str]] = [(part, CON) for part in p.parts]
    if p.mention is not None:
        spans.append((p.mention, SRC))
    spans.append((p.cue, CUE))
    role: dict[int, str] = {}
    for span, label in spans:
        i, j = para.token_range(*span)
        for k in range(i, j):
            role[k] = label
    cue_ids = sorted(i for i, r in role.items() if r == CUE)
    ids = set(cue_ids)
    head = next((doc[i] for i in cue_ids if doc[i].head.i not in ids), None)
    if head is None:
        head = doc[cue_ids[0]] if cue_ids else doc[0]
    sent = head.sent
    return _View(
        role,
        cue_ids[0] if cue_ids else head.i,
        range(sent.start, sent.end),
        {a.i for a in head.ancestors},
        {t.i for t in head.subtree} - {head.i},
    )


class _Roles(dict):
    """(role, previous role, next role) -> the five claim features they give a token ("r=O",
    "pr=BOS", "nr=CUE", "r|pr=O|BOS", "r|nr=O|CUE"), joined once per triple."""

    def __missing__(self, key: tuple[str, str, str]) -> tuple[Feature, ...]:
        r, prev, nxt = key
        joined = self[key] = tuple(
            s.encode()
            for s in (f"r={r}", f"pr={prev}", f"nr={nxt}", f"r|pr={r}|{prev}", f"r|nr={r}|{nxt}")
        )
        return joined


_ROLES = _Roles()
# by role, keyed on token_features' own "p=", "d=" and "l=" features: "p=VERB" -> "r|p=O|VERB"
_BY_ROLE = {
    r: (Prefixed(f"r|p={r}|", cut=2), Prefixed(f"r|d={r}|", cut=2), Prefixed(f"r|l={r}|", cut=2))
    for r in LABELS
}
_SIDE_B, _SIDE_A, _SIDE_C = b"side=b", b"side=a", b"side=c"
_SAME, _OTHER_SENT = b"sent=same", b"sent=other"


def _claim_part(static: list[Feature], i: int, n: int, v: _View) -> list[Feature]:
    """The features token i adds to its paragraph features (``static``) in one claim's
    sequence."""
    role = v.role
    r = role.get(i, OTHER)
    prev = role.get(i - 1, OTHER) if i else "BOS"
    nxt = role.get(i + 1, OTHER) if i + 1 < n else "EOS"
    side = _SIDE_B if i < v.first else _SIDE_A if i > v.first else _SIDE_C
    sent = _SAME if i in v.same else _OTHER_SENT
    # token_features' l=, p= and d= (static[0], [1] and [3]) under the claim's prefixes
    by_p, by_d, by_l = _BY_ROLE[r]
    f = [*_ROLES[r, prev, nxt], side, sent, by_p[static[1]], by_d[static[3]], by_l[static[0]]]
    if i in v.above:
        f.append(b"anc")
    elif i in v.below:
        f.append(b"desc")
    return f


def claim_features(para: Parsed, static: list[list[Feature]], p: Proposal) -> list[list[Feature]]:
    """The features of one claim's sequence: the paragraph's tokens with the proposal's roles."""
    v = _view(para, p)
    n = len(para.doc)
    return [static[i] + _claim_part(static[i], i, n, v) for i in range(n)]


def _window(para: Parsed, v: _View, spans: list[Pair]) -> tuple[int, int]:
    """The first and last token whose claim features are not those of a token far from the
    claim (no role, no neighbour with one, another sentence than the cue's), with the tokens
    under ``spans`` (document offsets)."""
    n = len(para.doc)
    ends = [v.same.start, v.same.stop - 1, v.first]
    if v.role:
        ends += [min(v.role) - 1, max(v.role) + 1]
    for near in (v.above, v.below):
        if near:
            ends += [min(near), max(near)]
    for a, b in spans:
        ends += [para.token_at(a), para.token_range(a, b)[1] - 1]
    return max(0, min(ends)), min(n - 1, max(ends))


def runs(para: Parsed, tags: list[str], label: str, first: int = 0) -> list[Pair]:
    """Character spans of the runs of ``label``; runs apart by punctuation alone are joined.
    ``tags`` are those of the tokens from ``first`` on. A run's spaces are inside it: a space
    token (spaCy keeps a second space as one) tagged at its edge is left out."""
    doc = para.doc
    found: list[list[int]] = []  # [first token, last token]
    for i, tag in enumerate(tags):
        if tag != label:
            continue
        if found and all(
            tags[k] == OTHER and doc[k + first].is_punct for k in range(found[-1][1] + 1, i)
        ):
            found[-1][1] = i
        else:
            found.append([i, i])
    out = []
    for a, b in found:
        a, b = a + first, b + first
        while a <= b and doc[a].is_space:
            a += 1
        while b >= a and doc[b].is_space:
            b -= 1
        if a <= b:
            out.append((para.doc_start(doc[a]), para.doc_end(doc[b])))
    return out


def overlaps(a: Pair, b: Pair) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Tagger:
    """A trained CRF and the word list kept beside it (its features depend on it)."""

    def __init__(self, model: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self.vocab = read_vocabulary(model.with_name(VOCAB_FILE.name))

    def tag(self, features: list[list[Feature]]) -> list[str]:
        return self._tagger.tag(features)

    def marginal(self, label: str, position: int) -> float:
        """The probability of ``label`` at a token of the sequence tagged last."""
        return self._tagger.marginal(label, position)


class _Paragraph:
    """What the claims of one paragraph share: the scores of its tokens' paragraph features and
    the Viterbi passes over tokens far from a claim."""

    def __init__(self, model: crf.Crf, doc: Doc, static: list[list[Feature]]) -> None:
        self.doc, self.static = doc, static
        self.model = model
        self.scores = model.scores(static)
        self.chain = crf.Chain(model, len(doc), self._far("b"), self._far("a"))

    def _far(self, side: str) -> Callable[[int, int], np.ndarray]:
        """Scores of tokens i to j far from a claim and before (b) or after (a) its cue."""
        far = _View({}, -1 if side == "a" else len(self.doc), range(0), set(), set())
        n, static = len(self.doc), self.static

        def scores(i: int, j: int) -> np.ndarray:
            extra = [_claim_part(static[k], k, n, far) for k in range(i, j)]
            return self.model.scores(extra, self.scores[i:j])

        return scores


class _Tagged:
    """The labels of a whole sequence, as crfsuite tagged it."""

    def __init__(self, tags: list[str]) -> None:
        self.tags, self.lo, self.hi = tags, 0, len(tags) - 1

    def label(self, i: int) -> str:
        return self.tags[i]


def _date_overlaps(para: Parsed, span: Pair) -> bool:
    """Whether a date or time entity of the paragraph (they do not overlap) overlaps ``span``
    (document offsets)."""
    doc = para.doc
    dates = doc.user_data.get("claimtrack.dates")
    if dates is None:
        found = [(a, b) for _, _, a, b, label in doc_ents(doc) if label in WHEN_LABELS]
        dates = doc.user_data["claimtrack.dates"] = (found, [b for _, b in found])
    found, ends = dates
    start, end = para.local(span)
    i = bisect.bisect_right(ends, start)
    return i < len(found) and found[i][0] < end


class Refiner(Tagger):
    """``refine`` returns the claim's (cue, content parts).

    Each claim's sequence is its whole paragraph, as in training. Far from the claim (outside
    its window: its spans and its cue's sentence) every claim's features are the same, so
    where the window leaves part of the paragraph out, the claim is decoded with ``crf.Chain``
    (exactly as crfsuite tags it) at a cost that grows with the window, not the paragraph: a
    long paragraph with many claims stays linear. A short paragraph (``WHOLE``), or a window
    over the whole paragraph, is tagged by crfsuite itself."""

    def __init__(self, model: Path = MODEL_FILE) -> None:
        super().__init__(model)
        self.crf = crf.Crf(model)
        self._para: _Paragraph | None = None  # the last paragraph decoded (claims come in order)

    def _paragraph(self, doc: Doc, static: list[list[Feature]]) -> _Paragraph:
        para = self._para
        if para is None or para.doc is not doc or para.static is not static:
            para = self._para = _Paragraph(self.crf, doc, static)
        return para

    def decode(
        self, para: Parsed, static: list[list[Feature]], p: Proposal
    ) -> crf.Decoded | _Tagged:
        """The labels crfsuite gives ``claim_features(para, static, p)``."""
        v = _view(para, p)
        n = len(para.doc)
        lo, hi = 0, n - 1
        if n > WHOLE:
            parts = list(p.parts)
            spans = [p.cue] + ([(parts[0][0], parts[-1][1])] if parts else [])
            lo, hi = _window(para, v, spans)
        extra = [_claim_part(static[i], i, n, v) for i in range(lo, hi + 1)]
        if lo == 0 and hi == n - 1:
            return _Tagged(self.tag([f + g for f, g in zip(static, extra, strict=True)]))
        shared = self._paragraph(para.doc, static)
        scores = self.crf.scores(extra, shared.scores[lo : hi + 1])
        return shared.chain.decode(lo, scores)

    def refine(
        self, para: Parsed, static: list[list[Feature]], p: Proposal
    ) -> tuple[Pair, list[Pair]]:
        parts, doc = list(p.parts), para.doc
        if not parts or not len(doc) or parts[0][0] < para.seg.start or parts[-1][1] > para.seg.end:
            return p.cue, parts  # a content beyond its paragraph (quotations) stays as drawn
        path = self.decode(para, static, p)
        # the content and cue runs that reach the claim's window: the labels outward from it,
        # up to a token that neither continues a run nor joins two (a source, or a word tagged
        # other), so that each run is whole
        first, last = path.lo, path.hi
        while first > 0 and not _stops_runs(doc, path, first - 1):
            first -= 1
        while last + 1 < len(doc) and not _stops_runs(doc, path, last + 1):
            last += 1
        tags = [path.label(i) for i in range(first, last + 1)]
        outer = (parts[0][0], parts[-1][1])
        # content runs within the proposed content's extent: a run elsewhere in the paragraph is
        # another claim's content
        content = [r for r in runs(para, tags, CON, first) if overlaps(r, outer)]
        cue = p.cue
        cues = [r for r in runs(para, tags, CUE, first) if overlaps(r, p.cue)]
        speaker = [p.mention] if p.mention is not None else []
        if content and not any(overlaps(r, t) for r in content for t in [p.cue, *speaker]):
            parts = _stopped(para, content, outer[1])
        # the cue stays clear of the content, of the speaker ("is keeping up [his] criticism")
        # and of dates ("said [on Tuesday]"): when it was said is a claim's own field
        if cues:
            if not any(overlaps(cues[0], t) for t in [*parts, *speaker]) and not (
                _date_overlaps(para, cues[0])
            ):
                cue = cues[0]
        return cue, parts


def _stopped(para: Parsed, content: list[Pair], end: int) -> list[Pair]:
    """``content`` ending at ``end`` (the proposal's end) when it runs on past it into a clause
    opened by a word of ``CLAUSE_STOPS``; as it is otherwise."""
    if content[-1][1] <= end:
        return content
    doc = para.doc
    i = para.token_range(end, para.seg.end)[0]  # the first token after the proposal
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space):
        i += 1
    if i >= len(doc) or doc[i].lower_ not in CLAUSE_STOPS:
        return content
    kept = [(a, min(b, end)) for a, b in content if a < end]
    return kept or content


def _stops_runs(doc: Doc, path: crf.Decoded | _Tagged, i: int) -> bool:
    """Whether token i ends any run of content or cue (``runs`` joins over punctuation)."""
    label = path.label(i)
    return label == SRC or (label == OTHER and not doc[i].is_punct)


@cache
def _shared() -> Refiner:
    return Refiner()


def load(model: Path = MODEL_FILE) -> Refiner:
    """The span refiner (the shipped one loaded once); MissingModelError without its file."""
    require(model)
    return _shared() if model == MODEL_FILE else Refiner(model)
