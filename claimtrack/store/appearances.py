"""The same claim reported by several sources: one claim, several appearances.

Two claims are the same when they have the same speaker (actor), come from different
sources, and their contents are near-identical: the F1 of their normalised word tokens
is at least ``THRESHOLD``. Every other appearance points (``claims.same_as_id``) at the
first one: the earliest published (the first stored when the days are equal or
unknown); a first appearance has ``same_as_id`` NULL. A new appearance takes the
claim's review status.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from claimtrack.names import fold
from claimtrack.store.models import Claim, Source

THRESHOLD = 0.8
_WORD = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(fold(text)))


def similarity(a: str, b: str) -> float:
    """Token F1 (multiset Dice) of two texts, 0..1."""
    ta, tb = tokens(a), tokens(b)
    total = sum(ta.values()) + sum(tb.values())
    if not total:
        return 0.0
    return 2 * sum((ta & tb).values()) / total


def first_appearance_for(session: Session, claim: Claim) -> int | None:
    """The id of the first appearance, in another source, of the claim CLAIM repeats.

    Only contents of comparable length are compared (an F1 of 0.8 cannot hold between
    texts whose lengths differ by more than a factor of two).
    """
    if claim.actor_id is None:
        return None
    size = len(claim.content)
    stmt = (
        select(Claim.id, Claim.content)
        .where(
            Claim.actor_id == claim.actor_id,
            Claim.same_as_id.is_(None),
            Claim.source_id != claim.source_id,
            func.length(Claim.content).between(size // 2, size * 2 + 1),
        )
        .order_by(Claim.id)
    )
    if claim.id is not None:
        stmt = stmt.where(Claim.id < claim.id)
    best, best_score = None, THRESHOLD
    for other_id, content in session.execute(stmt):
        score = similarity(claim.content, content)
        if score >= best_score and (best is None or score > best_score):
            best, best_score = other_id, score
    return best


def _published_earlier(a: Claim, b: Claim) -> bool:
    da, db = a.source.published_on, b.source.published_on
    return da is not None and (db is None or da < db)


def link(session: Session, claim: Claim) -> None:
    """Link a newly stored CLAIM with the claim it repeats, if any.

    It points at that claim's first appearance, or becomes the first appearance itself
    when its source was published earlier.
    """
    first_id = first_appearance_for(session, claim)
    if first_id is None:
        claim.same_as_id = None
        return
    first = session.get(Claim, first_id)
    assert first is not None
    claim.status = first.status
    if not _published_earlier(claim, first):
        claim.same_as_id = first.id
        return
    claim.same_as_id = None
    for other in session.scalars(select(Claim).where(Claim.same_as_id == first.id)):
        other.same_as_id = claim.id
    first.same_as_id = claim.id
    session.flush()


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
    firsts: list[Claim] = []
    for claim in claims:
        match, best = None, THRESHOLD
        for first in firsts:
            if first.source_id == claim.source_id:
                continue
            score = similarity(claim.content, first.content)
            if score >= best and (match is None or score > best):
                match, best = first, score
        claim.same_as_id = match.id if match else None
        if match is None:
            firsts.append(claim)
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


def counts(session: Session, first_ids: list[int]) -> dict[int, int]:
    """How many appearances each first appearance has (itself included)."""
    if not first_ids:
        return {}
    wanted = sorted(set(first_ids))
    rows = session.execute(
        select(Claim.same_as_id, func.count())
        .where(Claim.same_as_id.in_(wanted))  # ix_claims_same_as_id
        .group_by(Claim.same_as_id)
    )
    others = {int(k): int(n) for k, n in rows}
    return {i: 1 + others.get(i, 0) for i in wanted}
