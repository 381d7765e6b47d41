"""Finding one claim, speaker, source or topic from what a user typed, and a claim's review history.

Each returns the row or raises a UserError that says how to find the right id.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.names import name_key
from claimtrack.query.claims import actor_ids, source_ids
from claimtrack.query.detail import no_claim
from claimtrack.store import appearances
from claimtrack.store.ids import lookup
from claimtrack.store.models import Actor, Claim, ClaimReview, Source, Topic
from claimtrack.store.taxonomy import find_topics
from claimtrack.store.topic_rows import ensure_taxonomy, taxonomy


def get_claim(session: Session, claim_id: int) -> Claim:
    claim = lookup(session, Claim, claim_id)
    if claim is None:
        raise no_claim(claim_id)
    return claim


def history(session: Session, claim: Claim) -> list[ClaimReview]:
    """Reviews of the claim (any of its appearances), oldest first."""
    ids = [c.id for c in appearances.group_of(session, claim)]
    return list(
        session.scalars(
            select(ClaimReview)
            .where(ClaimReview.claim_id.in_(ids))
            .order_by(ClaimReview.reviewed_at, ClaimReview.id)
        )
    )


def get_actor(session: Session, who: str) -> Actor:
    """The one actor WHO names (id, name, alias or surname), or a UserError."""
    ids = actor_ids(session, who)
    if not ids:
        raise UserError(f"no speaker matches {who!r}; see `claimtrack actors list`")
    if len(ids) > 1:
        exact = session.scalars(select(Actor.id).where(Actor.name_key == name_key(who))).all()
        if len(exact) == 1:
            ids = list(exact)
        else:
            names = ", ".join(
                f"{a.name} (#{a.id})"
                for a in session.scalars(select(Actor).where(Actor.id.in_(ids)))
            )
            raise UserError(f"{who!r} could be {names}: give the full name or the #id")
    actor = session.get(Actor, ids[0])
    assert actor is not None
    return actor


def get_source(session: Session, which: str) -> Source:
    """The one source WHICH names (id, or part of title, outlet, path or URL)."""
    ids = source_ids(session, which)
    if not ids:
        raise UserError(f"no source matches {which!r}; see `claimtrack sources list`")
    if len(ids) > 1:
        raise UserError(
            f"{which!r} matches {len(ids)} sources (#{', #'.join(map(str, ids[:5]))}): give its id"
        )
    source = session.get(Source, ids[0])
    assert source is not None
    return source


def get_topic(session: Session, name: str) -> Topic:
    ensure_taxonomy(session)
    topic = session.scalar(select(Topic).where(Topic.slug == name.strip().lower()))
    if topic is not None:
        return topic
    found = find_topics(taxonomy(session), name)
    if len(found) == 1:
        topic = session.scalar(select(Topic).where(Topic.slug == found[0].slug))
        assert topic is not None
        return topic
    raise UserError(f"no topic {name!r}; see `claimtrack topics list`")
