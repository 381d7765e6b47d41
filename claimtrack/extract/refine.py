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
(``claimtrack.evaluate.train_models``). Its features are grammatical categories and the lemmas
of ``refine_vocab.txt`` (lemmas found in at least ten training articles); it holds no text of
any article. Set ``CLAIMTRACK_LEARNED=0`` to see what the rules alone propose (this also
switches off the detector, ``detect.py``).
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.spans import doc_text, token_starts
from claimtrack.extract.when import WHEN_LABELS

__all__ = [
    "LABELS",
    "Proposal",
    "Refiner",
    "claim_features",
    "enabled",
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
ENV_SWITCH = "CLAIMTRACK_LEARNED"
OTHER, SRC, CUE, CON = "O", "SRC", "CUE", "CON"
LABELS = (OTHER, SRC, CUE, CON)
Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Proposal:
    """A claim's spans as the rules drew them (document offsets)."""

    cue: Pair
    mention: Pair | None
    parts: Sequence[Pair]  # content pieces, in text order


def enabled() -> bool:
    """Whether the learned models are used: they ship with the package; ``CLAIMTRACK_LEARNED=0``
    switches them off (the rules' claims as they are)."""
    return os.environ.get(ENV_SWITCH, "1") != "0" and MODEL_FILE.is_file()


def read_vocabulary(path: Path = VOCAB_FILE) -> frozenset[str]:
    """The word list a model was trained with (kept next to it)."""
    return frozenset(path.read_text(encoding="utf-8").split()) if path.is_file() else frozenset()


def _word(t: Token, vocab: frozenset[str]) -> str:
    lemma = t.lemma_.lower()
    return lemma if lemma in vocab else "<" + t.pos_


def token_features(
    doc: Doc, quoted: Callable[[int], bool], vocab: frozenset[str]
) -> list[list[str]]:
    """Features of each token that do not depend on the claim (computed once a paragraph).

    ``quoted(i)`` tells whether token i lies inside a quotation; words outside ``vocab`` (the
    model's word list) are known by their part of speech.
    """
    toks = list(doc)  # read each token's attributes once (indexing a Doc builds a Token)
    words = [_word(t, vocab) for t in toks]
    pos = [t.pos_ for t in toks]
    dep = [t.dep_ for t in toks]
    starts = [bool(t.is_sent_start) for t in toks]
    n = len(toks)
    out: list[list[str]] = []
    for i, t in enumerate(toks):
        h = t.head.i
        f = [
            "l=" + words[i],
            "p=" + pos[i],
            "t=" + t.tag_,
            "d=" + dep[i],
            "hd=" + dep[h],
            "hp=" + pos[h],
            "hl=" + words[h],
        ]
        if starts[i]:
            f.append("ss")
        if i + 1 == n or starts[i + 1]:
            f.append("se")
        if quoted(i):
            f.append("inq")
        if t.ent_type_:
            f.append("e=" + t.ent_type_)
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f += [f"{off}l={words[j]}", f"{off}p={pos[j]}", f"{off}d={dep[j]}"]
            else:
                f.append(f"{off}BOUND")
        out.append(f)
    return out


def paragraph_features(
    doc: Doc, base: int, qi: QuoteIndex, vocab: frozenset[str]
) -> list[list[str]]:
    """``token_features`` of a paragraph that starts at ``base`` in a document quoted as
    ``qi``."""
    starts = token_starts(doc)
    return token_features(doc, lambda i: qi.containing(starts[i] + base) is not None, vocab)


def _mark(starts: list[int], base: int, out: list[str], span: Pair, label: str) -> None:
    i = bisect.bisect_left(starts, span[0] - base)
    j = bisect.bisect_left(starts, span[1] - base)
    for k in range(i, j):
        out[k] = label


def roles(doc: Doc, base: int, spans: list[tuple[Pair, str]]) -> list[str]:
    """A label per token: the last span (in list order) that a token starts in wins."""
    starts = token_starts(doc)
    out = [OTHER] * len(doc)
    for span, label in spans:
        _mark(starts, base, out, span, label)
    return out


def _proposal_roles(doc: Doc, base: int, p: Proposal) -> list[str]:
    spans: list[tuple[Pair, str]] = [(part, CON) for part in p.parts]
    if p.mention is not None:
        spans.append((p.mention, SRC))
    spans.append((p.cue, CUE))
    return roles(doc, base, spans)


def labels_for(
    doc: Doc, base: int, cue: Sequence[Pair], source: Sequence[Pair], content: Sequence[Pair]
) -> list[str]:
    """Training labels from annotated fragments (document offsets)."""
    spans = [(f, CON) for f in content] + [(f, SRC) for f in source] + [(f, CUE) for f in cue]
    return roles(doc, base, spans)


def claim_features(doc: Doc, base: int, static: list[list[str]], p: Proposal) -> list[list[str]]:
    """The features of one claim's sequence: the paragraph's tokens with the proposal's roles."""
    role = _proposal_roles(doc, base, p)
    n = len(doc)
    cue_ids = [i for i, r in enumerate(role) if r == CUE]
    ids = set(cue_ids)
    head = next((doc[i] for i in cue_ids if doc[i].head.i not in ids), None)
    if head is None:
        head = doc[cue_ids[0]] if cue_ids else doc[0]
    first = cue_ids[0] if cue_ids else head.i
    sent = head.sent
    same = range(sent.start, sent.end)
    above = {a.i for a in head.ancestors}
    below = {t.i for t in head.subtree} - {head.i}
    out: list[list[str]] = []
    for i in range(n):
        r = role[i]
        prev = role[i - 1] if i else "BOS"
        nxt = role[i + 1] if i + 1 < n else "EOS"
        f = list(static[i])
        word, pos, dep = f[0][2:], f[1][2:], f[3][2:]  # token_features' l=, p=, d=
        f += [
            "r=" + r,
            "pr=" + prev,
            "nr=" + nxt,
            f"r|pr={r}|{prev}",
            f"r|nr={r}|{nxt}",
            "side=" + ("b" if i < first else "a" if i > first else "c"),
            "sent=" + ("same" if i in same else "other"),
            f"r|p={r}|{pos}",
            f"r|d={r}|{dep}",
            f"r|l={r}|{word}",
        ]
        if i in above:
            f.append("anc")
        elif i in below:
            f.append("desc")
        out.append(f)
    return out


def runs(doc: Doc, base: int, tags: list[str], label: str) -> list[Pair]:
    """Character spans of the runs of ``label``; runs apart by punctuation alone are joined."""
    found: list[list[int]] = []  # [first token, last token]
    for i, tag in enumerate(tags):
        if tag != label:
            continue
        if found and all(tags[k] == OTHER and doc[k].is_punct for k in range(found[-1][1] + 1, i)):
            found[-1][1] = i
        else:
            found.append([i, i])
    return [(doc[a].idx + base, doc[b].idx + len(doc[b].text) + base) for a, b in found]


def overlaps(a: Pair, b: Pair) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class Tagger:
    """A trained CRF and the word list kept beside it (its features depend on it)."""

    def __init__(self, model: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self.vocab = read_vocabulary(model.with_name(VOCAB_FILE.name))

    def tag(self, features: list[list[str]]) -> list[str]:
        return self._tagger.tag(features)

    def marginal(self, label: str, position: int) -> float:
        """The probability of ``label`` at a token of the sequence tagged last."""
        return self._tagger.marginal(label, position)


class Refiner(Tagger):
    """``refine`` returns the claim's (cue, content parts)."""

    def __init__(self, model: Path = MODEL_FILE) -> None:
        super().__init__(model)

    def refine(
        self, doc: Doc, base: int, static: list[list[str]], p: Proposal
    ) -> tuple[Pair, list[Pair]]:
        parts = list(p.parts)
        end = base + len(doc_text(doc))
        if not parts or not len(doc) or parts[0][0] < base or parts[-1][1] > end:
            return p.cue, parts  # a content beyond its paragraph (quotations) stays as drawn
        tags = self.tag(claim_features(doc, base, static, p))
        outer = (parts[0][0], parts[-1][1])
        # content runs within the proposed content's extent: a run elsewhere in the paragraph is
        # another claim's content
        content = [r for r in runs(doc, base, tags, CON) if overlaps(r, outer)]
        cue = p.cue
        cues = [r for r in runs(doc, base, tags, CUE) if overlaps(r, p.cue)]
        speaker = [p.mention] if p.mention is not None else []
        if content and not any(overlaps(r, t) for r in content for t in [p.cue, *speaker]):
            parts = content
        # the cue stays clear of the content, of the speaker ("is keeping up [his] criticism")
        # and of dates ("said [on Tuesday]"): when it was said is a claim's own field
        if cues:
            dates = [
                (e.start_char + base, e.end_char + base)
                for e in doc.ents
                if e.label_ in WHEN_LABELS
            ]
            if not any(overlaps(cues[0], t) for t in [*parts, *speaker, *dates]):
                cue = cues[0]
        return cue, parts


@cache
def _shared() -> Refiner:
    return Refiner()


def load() -> Refiner | None:
    """The shared refiner, or None when it is switched off or its model is missing."""
    return _shared() if enabled() else None
