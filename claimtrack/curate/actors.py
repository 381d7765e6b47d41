"""Curating speakers: find one, list with claim counts, merge, alias, set details.

Every function takes a Session; the CLI owns the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.names import name_key
from claimtrack.query.lookups import get_actor
from claimtrack.store import appearances
from claimtrack.store import writes as store
from claimtrack.store.models import ACTOR_KINDS, Actor, Claim


@dataclass(frozen=True)
class MergeResult:
    kept: str
    removed: str
    claims_moved: int


def merge(session: Session, keep_name: str, other_name: str) -> MergeResult:
    """Merge actor OTHER into KEEP: its claims and aliases move, its name becomes an alias."""
    keep = get_actor(session, keep_name)
    other = get_actor(session, other_name)
    if keep.id == other.id:
        raise UserError(
            f"{keep_name!r} and {other_name!r} are the same speaker ({keep.name}); nothing to merge"
        )
    moved = 0
    for claim in session.scalars(select(Claim).where(Claim.actor_id == other.id)):
        claim.actor_id = keep.id
        moved += 1
    store.move_speaker_links(session, other.id, keep.id)
    names = [other.name, *(a.alias for a in other.aliases)]
    removed = other.name
    for field in ("role", "affiliation"):
        if not getattr(keep, field) and getattr(other, field):
            setattr(keep, field, getattr(other, field))
    session.flush()  # the claims point at KEEP before OTHER goes
    session.expire(other, ["claims"])
    session.delete(other)
    session.flush()
    for alias in names:
        store.add_alias(keep, alias)
    session.flush()
    appearances.relink_actor(session, keep.id)
    return MergeResult(keep.name, removed, moved)


def add_alias(session: Session, who: str, alias: str) -> Actor:
    actor = get_actor(session, who)
    if not name_key(alias):
        raise UserError("the alias is empty: give a name such as 'President Trump'")
    clash = session.scalar(
        select(Actor).where(Actor.name_key == name_key(alias), Actor.id != actor.id)
    )
    if clash is not None:
        raise UserError(
            f"{alias!r} is the speaker {clash.name} (#{clash.id}); "
            f"to make them one, run `claimtrack actors merge {actor.id} {clash.id}`"
        )
    store.add_alias(actor, alias)
    session.flush()
    return actor


def remove_alias(session: Session, who: str, alias: str) -> Actor:
    actor = get_actor(session, who)
    key = name_key(alias)
    found = [a for a in actor.aliases if a.alias_key == key]
    if not found:
        raise UserError(f"{actor.name} has no alias {alias!r}")
    for a in found:
        actor.aliases.remove(a)
    session.flush()
    return actor


def set_details(
    session: Session,
    who: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    role: str | None = None,
    affiliation: str | None = None,
) -> Actor:
    """Change an actor's name, kind, role or affiliation ("" clears role / affiliation)."""
    actor = get_actor(session, who)
    if kind is not None:
        if kind not in ACTOR_KINDS:
            raise UserError(f"--kind {kind}: use one of {', '.join(ACTOR_KINDS)}")
        actor.kind = kind
    if role is not None:
        actor.role = role.strip() or None
    if affiliation is not None:
        actor.affiliation = affiliation.strip() or None
    if name is not None:
        key = name_key(name)
        if not key:
            raise UserError("--name is empty")
        clash = session.scalar(select(Actor).where(Actor.name_key == key, Actor.id != actor.id))
        if clash is not None:
            raise UserError(
                f"--name {name}: already the speaker #{clash.id}; "
                f"run `claimtrack actors merge {clash.id} {actor.id}` instead"
            )
        old = actor.name
        actor.name, actor.name_key = name.strip(), key
        store.add_alias(actor, old)
        for a in [a for a in actor.aliases if a.alias_key == key]:
            actor.aliases.remove(a)
    session.flush()
    return actor
