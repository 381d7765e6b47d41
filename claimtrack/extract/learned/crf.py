"""Decode a trained crfsuite model the way crfsuite does, for sequences that share their ends.

The refiner (``refine.py``) tags a whole paragraph once for each claim in it, and the claims'
sequences differ only around each claim: far from it every token reads "no role, before (or
after) the cue, in another sentence". Handing crfsuite the whole paragraph each time costs
time in proportion to paragraph length times claims, which is quadratic in a long paragraph.
Here the Viterbi pass over the shared part before a claim's window (forward) and after it
(backward) is run once for the paragraph and reused; each claim costs only its window.

``Crf`` reads the weights from the model file itself (crfsuite's "lCRF"/"FOMC" format, little
endian: a 48-byte header; the labels and attributes as CQDB string tables; the features as
(type, source, destination, weight) records), not from ``Tagger.info()``, which prints weights
to six decimals. State scores are summed attribute by attribute in the order the features
list them, starting from zero, and the forward pass takes the first best predecessor, as
crfsuite's tagger does, so a window decodes to the labels crfsuite gives the whole sequence
(``tests/extract/test_extract_linear.py`` checks this against pycrfsuite; PolNeAR train and dev give
the same claims). Only where two label paths score the same to the last bit could the two
pick differently: the part after a window is summed backwards here, forwards in crfsuite.
"""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

__all__ = ["Chain", "Crf", "Decoded"]

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_CQDB_DATA = _CQDB_HEADER.size + 256 * 8  # records follow the header and 256 table references
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1  # crfsuite's feature types
_BLOCK = 4096  # items scored at once (bounds the memory of a long paragraph's scores)


def _strings(data: bytes, offset: int, count: int) -> list[bytes]:
    """The strings of a CQDB table, by id, as UTF-8 bytes: records of (id, size, bytes ending
    in NUL)."""
    chunk, *_ = _CQDB_HEADER.unpack_from(data, offset)
    if chunk != b"CQDB":
        raise ValueError("not a crfsuite model: no string table")
    out: list[bytes | None] = [None] * count
    pos = offset + _CQDB_DATA
    for _ in range(count):
        ident, size = struct.unpack_from("<iI", data, pos)
        out[ident] = data[pos + 8 : pos + 8 + size - 1]
        pos += 8 + size
    if any(s is None for s in out):
        raise ValueError("not a crfsuite model: string table incomplete")
    return [s for s in out if s is not None]


class Crf:
    """A linear-chain CRF trained by crfsuite: its labels, attributes (UTF-8 bytes, as the
    features are written: ``refine.Feature``) and exact weights."""

    def __init__(self, model: Path) -> None:
        data = model.read_bytes()
        magic, _, kind, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs, *_ = (
            _HEADER.unpack_from(data, 0)
        )
        if magic != b"lCRF" or kind != b"FOMC":
            raise ValueError(f"{model} is not a crfsuite CRF model")
        self.labels = tuple(s.decode("utf-8") for s in _strings(data, off_labels, n_labels))
        self.attributes = {a: i for i, a in enumerate(_strings(data, off_attrs, n_attrs))}
        chunk, _, count = struct.unpack_from("<4sII", data, off_feat)
        if chunk != b"FEAT":
            raise ValueError(f"{model} is not a crfsuite CRF model: no features")
        feats = np.frombuffer(data, dtype=_FEATURE, count=count, offset=off_feat + 12)
        # one row per attribute, and a last row of zeros for an attribute the model does not
        # know (crfsuite skips it; adding 0.0 changes no sum)
        self.state = np.zeros((n_attrs + 1, n_labels))
        self.unknown = n_attrs
        s = feats[feats["type"] == _STATE]
        self.state[s["src"], s["dst"]] = s["weight"]
        self.trans = np.zeros((n_labels, n_labels))
        t = feats[feats["type"] == _TRANSITION]
        self.trans[t["src"], t["dst"]] = t["weight"]

    def ids(self, features: Sequence[list[bytes]]) -> np.ndarray:
        """Attribute ids of each item's features, in order, padded with the unknown id."""
        get, unknown = self.attributes.get, self.unknown
        rows = [[get(f, unknown) for f in item] for item in features]
        width = max(map(len, rows), default=0)
        padded = [row + [unknown] * (width - len(row)) for row in rows]
        return np.array(padded, dtype=np.intp).reshape(len(rows), width)

    def scores(
        self, features: Sequence[list[bytes]], start: np.ndarray | None = None
    ) -> np.ndarray:
        """The state scores of each item: its features' weights added one by one in order, to
        ``start`` (the scores of the features before them) or to zero, as crfsuite adds them
        (``np.add.accumulate`` adds in order, where a sum may pair terms up)."""
        ids = self.ids(features)
        size = len(self.labels)
        out = np.zeros((len(ids), size)) if start is None else start.copy()
        for i in range(0, len(ids), _BLOCK):
            terms = np.concatenate(
                [out[i : i + _BLOCK, None, :], self.state[ids[i : i + _BLOCK]]], 1
            )
            out[i : i + _BLOCK] = np.add.accumulate(terms, axis=1)[:, -1]
        return out


class Chain:
    """Sequences of ``n`` items that differ only inside a window: before a window every item
    scores ``left(i, j)`` (items i to j, as a matrix), after it ``right(i, j)``. The forward
    pass before and the backward pass after are computed on demand and kept.

    The passes are plain Python over the few labels (faster than numpy's small arrays), kept
    in flat arrays: ``alpha[i * L + y]`` is the best score of a path ending in label y at i,
    ``back`` its label at i - 1; ``beta`` the best score of what follows (i, y), ``next`` its
    label at i + 1."""

    def __init__(
        self,
        crf: Crf,
        n: int,
        left: Callable[[int, int], np.ndarray],
        right: Callable[[int, int], np.ndarray],
    ) -> None:
        self.crf, self.n = crf, n
        self._left, self._right = left, right
        size = self.size = len(crf.labels)
        self._trans = crf.trans.tolist()  # [from][to]
        self._into = [[row[j] for row in self._trans] for j in range(size)]  # [to][from]
        self.alpha = array("d", bytes(8 * n * size))
        self.back = array("b", bytes(n * size))
        self._forward = 0  # alpha is known for items before this one
        self.beta = array("d", bytes(8 * n * size))
        self.next = array("b", bytes(n * size))
        self._backward = n  # beta is known for items from this one

    def _step(self, prev: Sequence[float], row: Sequence[float]) -> tuple[list[float], list[int]]:
        """crfsuite's forward step: each label's best predecessor (the first of equals), its
        score plus the transition, plus the label's own score."""
        cur, back = [], []
        for j, into in enumerate(self._into):
            best, arg = prev[0] + into[0], 0
            for i in range(1, self.size):
                v = prev[i] + into[i]
                if best < v:
                    best, arg = v, i
            cur.append(best + row[j])
            back.append(arg)
        return cur, back

    def _forward_to(self, last: int) -> None:
        start, size = self._forward, self.size
        if last < start:
            return
        prev = self.alpha[(start - 1) * size : start * size] if start else None
        for k, row in enumerate(self._left(start, last + 1).tolist()):
            i = start + k
            if prev is None:
                cur, back = row, [0] * size
            else:
                cur, back = self._step(prev, row)
            self.alpha[i * size : (i + 1) * size] = array("d", cur)
            self.back[i * size : (i + 1) * size] = array("b", back)
            prev = cur
        self._forward = last + 1

    def _backward_to(self, first: int) -> None:
        stop, size = self._backward, self.size
        if first >= stop:
            return
        if stop == self.n:  # nothing follows the last item: its beta stays 0
            stop = self.n - 1
            if first >= stop:
                self._backward = stop
                return
        scores = self._right(first + 1, stop + 1).tolist()
        after = self.beta[stop * size : (stop + 1) * size]
        for i in range(stop - 1, first - 1, -1):
            ahead = [s + b for s, b in zip(scores[i - first], after, strict=True)]
            cur, nxt = [], []
            for trans in self._trans:
                best, arg = trans[0] + ahead[0], 0
                for c in range(1, size):
                    v = trans[c] + ahead[c]
                    if best < v:
                        best, arg = v, c
                cur.append(best)
                nxt.append(arg)
            self.beta[i * size : (i + 1) * size] = array("d", cur)
            self.next[i * size : (i + 1) * size] = array("b", nxt)
            after = cur
        self._backward = first

    def decode(self, lo: int, scores: np.ndarray) -> Decoded:
        """The best path of the sequence whose items lo to lo + len(scores) - 1 score
        ``scores`` (the window) and whose others score as the shared parts do."""
        size = self.size
        rows = scores.tolist()
        backs: list[list[int]] = []
        if lo == 0:
            alpha = rows[0]
            backs.append([0] * size)
        else:
            self._forward_to(lo - 1)
            alpha, back = self._step(self.alpha[(lo - 1) * size : lo * size], rows[0])
            backs.append(back)
        for row in rows[1:]:
            alpha, back = self._step(alpha, row)
            backs.append(back)
        hi = lo + len(rows) - 1
        if hi < self.n - 1:
            self._backward_to(hi)
            beta = self.beta[hi * size : (hi + 1) * size]
            alpha = [a + b for a, b in zip(alpha, beta, strict=True)]
        end = max(range(size), key=lambda y: (alpha[y], -y))  # the first best
        states = [end] * len(rows)
        for k in range(len(rows) - 1, 0, -1):
            states[k - 1] = backs[k][states[k]]
        before = backs[0][states[0]] if lo > 0 else -1
        return Decoded(self, lo, states, before)


class Decoded:
    """A decoded path: the window's labels, and the labels outside it on demand (following
    the shared passes' pointers outwards)."""

    def __init__(self, chain: Chain, lo: int, window: list[int], before: int) -> None:
        self._chain, self.lo, self.hi = chain, lo, lo + len(window) - 1
        self._known: dict[int, int] = dict(enumerate(window, start=lo))
        self._left, self._right = lo, self.hi  # the known stretch
        if lo > 0:
            self._known[lo - 1] = before
            self._left = lo - 1

    def state(self, i: int) -> int:
        chain, size = self._chain, self._chain.size
        while i < self._left:
            j = self._left
            self._known[j - 1] = chain.back[j * size + self._known[j]]
            self._left = j - 1
        while i > self._right:
            j = self._right
            self._known[j + 1] = chain.next[j * size + self._known[j]]
            self._right = j + 1
        return self._known[i]

    def label(self, i: int) -> str:
        return self._chain.crf.labels[self.state(i)]
