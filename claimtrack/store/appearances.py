"""The same claim reported by several sources: one claim, several appearances.

Two claims are the same when they have the same speaker (actor), come from different
sources, and their contents say the same (``same_score``): the F1 of their normalised word
tokens is at least ``THRESHOLD``, or the shorter (of six words or more) is nearly all in
the longer (an outlet that trimmed the quote); never when one is negated and the other not,
or they give different numbers. Every other appearance points (``claims.same_as_id``) at
the first one: the earliest published (the first stored when the days are equal or
unknown); a first appearance has ``same_as_id`` NULL. A new appearance takes the claim's
review status.

Candidates come from an index, not a scan: each claim's content has a MinHash signature of
its words (``PERMS`` hashes), cut into bands of ``ROWS``; every band is one row of
``claim_bands`` (its key, a 64-bit hash). Claims that share a band key are candidates, and
only they are compared; so linking a claim costs the same in a small database as in a big
one. Two contents whose word sets overlap by a Jaccard of 0.5 share a band with a
probability of 0.88, by 0.67 of 0.995.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from functools import cache

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.names import fold
from claimtrack.store.models import Claim, ClaimBand, Source

THRESHOLD = 0.8
CONTAINED = 0.9  # share of the shorter content's words found in the longer one
MIN_CONTAINED = 6  # words: a shorter content is not matched by containment alone
_WORD = re.compile(r"\w+")
NEGATIONS = frozenset("not no never t nothing none nobody neither nor cannot".split())
# words too common to tell contents apart: left out of the signature (never out of scores)
COMMON = frozenset(
    "the a an and or of to in on at for by with from as that this it is are was were be been "
    "will would we i you he she they our their his her its".split()
)
PERMS, ROWS = 48, 3  # 16 bands of 3 hashes
_PRIME = (1 << 61) - 1
_rng = random.Random(16)  # fixed: the keys stored must be the same in every process
_HASHES = [(_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(PERMS)]


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(fold(text)))


def similarity(a: str, b: str) -> float:
    """Token F1 (multiset Dice) of two texts, 0..1."""
    return _f1(tokens(a), tokens(b))


def _f1(ta: Counter[str], tb: Counter[str]) -> float:
    total = sum(ta.values()) + sum(tb.values())
    if not total:
        return 0.0
    return 2 * sum((ta & tb).values()) / total


def _numbers(t: Counter[str]) -> set[str]:
    return {w for w in t if any(ch.isdigit() for ch in w)}


def _negations(t: Counter[str]) -> Counter[str]:
    return Counter({w: n for w, n in t.items() if w in NEGATIONS})


def same_score(a: str, b: str) -> float:
    """How surely two contents of one speaker say the same, 0 when they do not: their token
    F1 when at least THRESHOLD, else THRESHOLD when the shorter (of MIN_CONTAINED words or
    more, at least half as long) is CONTAINED in the longer. 0 when one is negated and the
    other not, or their numbers differ (the shorter's all in the longer, when trimmed)."""
    return _Words(a).score(_Words(b))


class _Words:
    """A content's word counts and what ``same_score`` asks of them, worked out once: a
    claim compared with many others (``best_match``, ``relink_actor``) is read once."""

    __slots__ = ("count", "negated", "numbers", "size", "words")

    def __init__(self, text: str) -> None:
        self.count = tokens(text)
        self.words = frozenset(self.count)  # its distinct words: those two contents share
        self.size = sum(self.count.values())
        self.negated = bool(_negations(self.count))
        self.numbers = _numbers(self.count)

    def score(self, other: _Words) -> float:
        """``same_score`` of the two texts."""
        short, long_ = (self, other) if self.size <= other.size else (other, self)
        if 2 * short.size < long_.size:
            # an F1 of at most 2 * short / (short + long) < 2/3 < THRESHOLD: not the same
            # by F1, and too short a part of the longer to be contained in it
            return 0.0
        if self.negated != other.negated:
            return 0.0
        total = self.size + other.size
        if not total:
            return 0.0
        # the words both have, each as often as the one that has it less: Counter's & went
        # through every word of one content in Python, where most pairs share few words
        mine, theirs = self.count, other.count
        shared = sum(min(mine[w], theirs[w]) for w in self.words & other.words)
        score = 2 * shared / total
        if score >= THRESHOLD:
            return score if self.numbers == other.numbers else 0.0
        if short.size < MIN_CONTAINED:  # (at least half as long: above)
            return 0.0
        if not short.numbers <= long_.numbers:
            return 0.0
        return THRESHOLD if shared >= CONTAINED * short.size else 0.0


def signature(text: str) -> list[int]:
    """The MinHash signature of a content's words (the common ones left out, unless there
    is nothing else): PERMS minimums of as many hash functions."""
    words = set(tokens(text)) or {""}
    words = (words - COMMON) or words
    values = [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest()) for w in words]
    return _minimums(values)


def _minimums(values: list[int]) -> list[int]:
    """``[min((a * v + b) % _PRIME for v in VALUES) for a, b in _HASHES]`` in 64-bit numpy
    arithmetic (Python's integers of up to 125 bits cost about a microsecond a term): each
    product split in 32-bit halves and folded modulo the Mersenne prime (2^61 = 1), every
    step below 2^64, so the minimums are the same integers (tests/store/test_appearances.py
    checks them against the plain reading)."""
    import numpy as np

    u = np.uint64
    a_hi, a_lo, b = _hash_parts()
    v = np.array([x % _PRIME for x in values], dtype=u)[None, :]  # < 2^61
    v_hi, v_lo = v >> u(32), v & u(0xFFFFFFFF)  # < 2^29, < 2^32
    # a v = a_hi v_hi 2^64 + (a_hi v_lo + a_lo v_hi) 2^32 + a_lo v_lo, and 2^64 = 8 (mod P)
    top = (a_hi * v_hi) << u(3)  # < 2^61
    mid = a_hi * v_lo + a_lo * v_hi  # < 2^62
    mid = (mid >> u(29)) + ((mid & u((1 << 29) - 1)) << u(32))  # mid 2^32 (mod P): < 2^62
    low = a_lo * v_lo  # < 2^64
    low = (low & u(_PRIME)) + (low >> u(61))  # < 2^61 + 8
    total = top + mid + low + b  # < 2^61 + 2^62 + 2^61 + 8 + 2^61 < 2^64
    total = (total & u(_PRIME)) + (total >> u(61))  # < 2^61 + 8
    total = np.where(total >= u(_PRIME), total - u(_PRIME), total)
    return [int(x) for x in total.min(axis=1)]


@cache
def _hash_parts():  # noqa: ANN202 - numpy arrays, built on first use (numpy loads then)
    """The hashes' A in 32-bit halves and B, as columns of uint64."""
    import numpy as np

    a = np.array([a for a, _ in _HASHES], dtype=np.uint64)[:, None]
    b = np.array([b for _, b in _HASHES], dtype=np.uint64)[:, None]
    return a >> np.uint64(32), a & np.uint64(0xFFFFFFFF), b


KEPT = 4096  # contents whose band keys are kept (band_keys)
_kept: OrderedDict[str, tuple[int, ...]] = OrderedDict()


def band_keys(text: str) -> tuple[int, ...]:
    """The band keys of a content (signed 64-bit, one per band of ROWS hashes). Kept for the
    latest KEPT contents: storing a document asks for the same claims' keys to index them,
    to find their candidates and to find outlet boilerplate (store/boilerplate.py)."""
    keys = _kept.get(text)
    if keys is None:
        keys = _band_keys(text)
    known_keys({text: keys})
    return keys


def known_keys(keys: Mapping[str, tuple[int, ...]]) -> None:
    """Keep KEYS (content -> its band keys), worked out elsewhere (store/prepare.py, maybe in
    a worker process), for band_keys to give."""
    for text, k in keys.items():
        _kept[text] = k
        _kept.move_to_end(text)
    while len(_kept) > KEPT:
        _kept.popitem(last=False)


def _band_keys(text: str) -> tuple[int, ...]:
    sig = signature(text)
    keys = []
    for i in range(0, PERMS, ROWS):
        data = f"{i}:" + ",".join(map(str, sig[i : i + ROWS]))
        digest = hashlib.blake2b(data.encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, signed=True))
    return tuple(keys)


def index_claims(session: Session, claims: Sequence[Claim], *, fresh: bool = False) -> None:
    """Write the band keys of CLAIMS (flushed, with ids), replacing any they had (FRESH:
    claims just inserted, which have none)."""
    ids = [c.id for c in claims]
    if not ids:
        return
    if not fresh:
        session.execute(delete(ClaimBand).where(ClaimBand.claim_id.in_(ids)))
    rows = [{"claim_id": c.id, "key": k} for c in claims for k in set(band_keys(c.content))]
    session.flush()  # as the ORM's insert would (autoflush), then Core's executemany
    session.connection().execute(insert(ClaimBand.__table__), rows)


def candidates(session: Session, claims: Sequence[Claim]) -> dict[int, list[tuple[int, str]]]:
    """For each claim of CLAIMS, the (id, content) of the first appearances stored before
    it, of its speaker, in other sources, that share a band key with it: two queries for
    all of them (the keys, then the claims). CLAIMS of several sources are indexed first
    (one may be another's candidate); those of one source need not be."""
    keys = {c.id: set(band_keys(c.content)) for c in claims if c.actor_id is not None}
    if not keys:
        return {}
    wanted = sorted(set().union(*keys.values()))
    actors = sorted({c.actor_id for c in claims if c.actor_id is not None})
    # the claims sharing a key, from the key index alone; then those of the speakers, by id.
    # (One join of the two let SQLite start from the speakers' claims, probing every key for
    # each: a cost that grew with how much the speakers had said.)
    by_key: dict[int, set[int]] = {}
    for start in range(0, len(wanted), 500):
        stmt = select(ClaimBand.key, ClaimBand.claim_id).where(
            ClaimBand.key.in_(wanted[start : start + 500])
        )
        for key, id_ in session.execute(stmt):
            by_key.setdefault(key, set()).add(id_)
    sharing = sorted(set().union(*by_key.values()))
    found: dict[int, tuple] = {}
    for start in range(0, len(sharing), 500):
        stmt = select(Claim.id, Claim.content, Claim.actor_id, Claim.source_id).where(
            Claim.id.in_(sharing[start : start + 500]),
            Claim.actor_id.in_(actors),
            Claim.same_as_id.is_(None),
        )
        for id_, content, actor_id, source_id in session.execute(stmt):
            found[id_] = (content, actor_id, source_id)
    # each key's claims among those found (of the speakers, first appearances): the others
    # are no claim's candidates, and a common key's were most of each claim's union
    kept = {key: ids & found.keys() for key, ids in by_key.items()}
    out: dict[int, list[tuple[int, str]]] = {}
    for c in claims:
        near = set().union(*(kept.get(k, ()) for k in keys.get(c.id, ())))
        out[c.id] = [
            (i, found[i][0])
            for i in sorted(near)
            if i in found and i < c.id and found[i][1] == c.actor_id and found[i][2] != c.source_id
        ]
    return out


def best_match(claim: Claim, found: list[tuple[int, str]]) -> int | None:
    """The id among FOUND (id, content) that says most surely what CLAIM says, or None."""
    best, best_score = None, 0.0
    words = _Words(claim.content)
    for other_id, content in found:
        score = words.score(_Words(content))
        if score > best_score:
            best, best_score = other_id, score
    return best


def first_appearance_for(session: Session, claim: Claim) -> int | None:
    """The id of the first appearance, in another source, of the claim CLAIM repeats
    (CLAIM flushed and indexed)."""
    if claim.actor_id is None:
        return None
    return best_match(claim, candidates(session, [claim]).get(claim.id, []))


def _published_earlier(a: Claim, b: Claim) -> bool:
    da, db = a.source.published_on, b.source.published_on
    return da is not None and (db is None or da < db)


def link_all(session: Session, claims: Sequence[Claim], *, fresh: bool = False) -> None:
    """Index and link newly stored CLAIMS (flushed; FRESH: inserted in this transaction), in
    order: their candidates in one query, the band keys in one insert. The claims of one
    source are no candidates of one another: their candidates are asked before their own
    keys are written, which were most of what the key index gave back (issue 16)."""
    if len({c.source_id for c in claims}) == 1:
        found = candidates(session, claims)
        index_claims(session, claims, fresh=fresh)
    else:
        index_claims(session, claims, fresh=fresh)
        found = candidates(session, claims)
    demoted: set[int] = set()  # no longer first appearances, by an earlier claim of CLAIMS
    for claim in claims:
        near = [(i, text) for i, text in found.get(claim.id, []) if i not in demoted]
        demoted |= _link(session, claim, best_match(claim, near))


def link(session: Session, claim: Claim) -> None:
    """Link a newly stored (or edited) CLAIM with the claim it repeats, if any.

    It points at that claim's first appearance, or becomes the first appearance itself
    when its source was published earlier.
    """
    session.flush()
    link_all(session, [claim])


def _link(session: Session, claim: Claim, first_id: int | None) -> set[int]:
    """Link CLAIM to the first appearance FIRST_ID (or to none); the ids of the claims
    that stopped being first appearances."""
    if first_id is None:
        claim.same_as_id = None
        return set()
    first = session.get(Claim, first_id)
    assert first is not None
    claim.status = first.status
    if not _published_earlier(claim, first):
        claim.same_as_id = first.id
        return set()
    claim.same_as_id = None
    for other in session.scalars(select(Claim).where(Claim.same_as_id == first.id)):
        other.same_as_id = claim.id
    first.same_as_id = claim.id
    session.flush()
    return {first.id}


def relink_actor(session: Session, actor_id: int | None) -> None:
    """Recompute the appearance links of every claim of one actor, earliest published first.

    Used after merging actors or removing a source, when groups can join or lose their
    first appearance.
    """
    if actor_id is None:
        return
    day = Source.published_on
    claims = list(
        session.scalars(
            select(Claim)
            .join(Source, Claim.source_id == Source.id)
            .where(Claim.actor_id == actor_id)
            .order_by(day.is_(None), day, Claim.id)
        )
    )
    # each first appearance with its source and words, read once (not once a claim)
    firsts: list[tuple[Claim, int, _Words]] = []
    for claim in claims:
        match, best = None, 0.0
        words, source_id = _Words(claim.content), claim.source_id
        for first, first_source, first_words in firsts:
            if first_source == source_id:
                continue
            score = words.score(first_words)
            if score > best:
                match, best = first, score
        claim.same_as_id = match.id if match else None
        if match is None:
            firsts.append((claim, source_id, words))
    session.flush()


def group_of(session: Session, claim: Claim) -> list[Claim]:
    """Every appearance of CLAIM (itself included), the first appearance first."""
    first_id = claim.same_as_id or claim.id
    first = session.get(Claim, first_id)
    assert first is not None
    others = list(
        session.scalars(
            select(Claim)  # from ix_claims_same_as_id alone, then their sources; sorted here
            .where(Claim.same_as_id == first_id)
            .options(selectinload(Claim.source).defer(Source.text))
        )
    )
    others.sort(key=_published_order)
    return [first, *others]


def _published_order(claim: Claim) -> tuple:
    day = claim.source.published_on
    return (day is None, day or dt.date.min, claim.id)
