"""Curating speakers: find one, list with claim counts, merge, alias, set details.

Every function takes a Session; the CLI owns the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.curate.corrections import By, find_or_make_actor, move_claim, record
from claimtrack.errors import UserError
from claimtrack.names import name_key
from claimtrack.query.lookups import get_actor, get_claim
from claimtrack.store import appearances
from claimtrack.store import writes as store
from claimtrack.store.models import ACTOR_KINDS, Actor, Claim
from claimtrack.store.resolve import Resolved, resolve_loose

NOBODY = By()  # a change made without --by or --why


@dataclass(frozen=True)
class MergeResult:
    kept: str
    removed: str
    claims_moved: int


def merge(session: Session, keep_name: str, other_name: str, by: By = NOBODY) -> MergeResult:
    """Merge actor OTHER into KEEP: its claims and aliases move, its name becomes an alias.
    Kept in the audit log under KEEP."""
    keep = get_actor(session, keep_name)
    other = get_actor(session, other_name)
    before = {"speaker": other.name, "actor_id": other.id, "kept": keep.name}
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
    after = {"speaker": keep.name, "actor_id": keep.id, "claims_moved": moved}
    record(session, "merge", before, after, by, actor_id=keep.id)
    return MergeResult(keep.name, removed, moved)


def resolve(session: Session, by: By = NOBODY) -> list[Resolved]:
    """Re-resolve, against the whole database, the speakers filed under a surname alone or
    an unresolved description (store/resolve.py): each claim one person now fits moves to
    them. Kept in the audit log, one row per person given claims."""
    moved = resolve_loose(session)
    for person_id in dict.fromkeys(m.now_id for m in moved):
        mine = [m for m in moved if m.now_id == person_id]
        before = {"speaker": sorted({m.was for m in mine}), "claims": [m.claim_id for m in mine]}
        after = {"speaker": mine[0].now, "actor_id": person_id, "claims_moved": len(mine)}
        record(session, "resolve", before, after, by, actor_id=person_id)
    return moved


def add_alias(session: Session, who: str, alias: str, by: By = NOBODY) -> Actor:
    """Give WHO another name (kept in the audit log)."""
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
    before = {"aliases": sorted(a.alias for a in actor.aliases)}
    store.add_alias(actor, alias)
    session.flush()
    after = {"aliases": sorted(a.alias for a in actor.aliases)}
    if after != before:
        record(session, "alias-add", before, after, by, actor_id=actor.id)
    return actor


def remove_alias(
    session: Session, who: str, alias: str, by: By | None = None
) -> tuple[Actor, Actor | None, int]:
    """Remove an alias of WHO; the claims that came through it (the claim that gave it, and
    those whose speaker is named by exactly that alias in the text) move to the speaker of
    that name, made if need be.
    Returns WHO, the speaker they moved to (None when none did) and how many moved."""
    actor = get_actor(session, who)
    key = name_key(alias)
    found = [a for a in actor.aliases if a.alias_key == key]
    if not found:
        raise UserError(f"{actor.name} has no alias {alias!r}")
    before = {"aliases": sorted(a.alias for a in actor.aliases)}
    gave = {a.claim_id for a in found if a.claim_id is not None}
    for a in found:
        actor.aliases.remove(a)
    session.flush()
    after = {"aliases": sorted(a.alias for a in actor.aliases)}
    record(session, "alias-remove", before, after, by or By(), actor_id=actor.id)
    through = [
        c
        for c in session.scalars(select(Claim).where(Claim.actor_id == actor.id).order_by(Claim.id))
        if c.id in gave or c.speaker_mention and name_key(c.speaker_mention) == key
    ]
    if not through:
        return actor, None, 0
    other = session.scalar(select(Actor).where(Actor.name_key == key, Actor.id != actor.id))
    if other is None:
        other = Actor(name=" ".join(alias.split()), name_key=key, kind=actor.kind)
        session.add(other)
        session.flush()
    why = f"alias {alias!r} removed from {actor.name}"
    for claim in through:
        move_claim(session, claim, other, by or By(why=why), what="alias")
    return actor, other, len(through)


def split(
    session: Session, who: str, claim_ids: list[int], into: str, by: By
) -> tuple[Actor, Actor]:
    """Move chosen claims of WHO to the speaker INTO (existing, or made by that name)."""
    actor = get_actor(session, who)
    target = find_or_make_actor(session, into)
    if target.id == actor.id:
        raise UserError(f"{into!r} is {actor.name} already: name another speaker to split into")
    for claim_id in claim_ids:
        claim = get_claim(session, claim_id)
        if claim.actor_id != actor.id:
            raise UserError(
                f"claim #{claim_id} is not {actor.name}'s; see `claimtrack actors show {actor.id}`"
            )
        move_claim(session, claim, target, by, what="split")
    return actor, target


def set_details(
    session: Session,
    who: str,
    *,
    name: str | None = None,
    kind: str | None = None,
    role: str | None = None,
    affiliation: str | None = None,
    by: By = NOBODY,
) -> Actor:
    """Change an actor's name, kind, role or affiliation ("" clears role / affiliation);
    the change is kept in the audit log."""
    actor = get_actor(session, who)
    fields = ("name", "kind", "role", "affiliation")
    before = {f: getattr(actor, f) for f in fields}
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
    after = {f: getattr(actor, f) for f in fields}
    if after != before:
        record(session, "actor", before, after, by, actor_id=actor.id)
    return actor
