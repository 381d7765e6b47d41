"""Who a description means, through the database: "the governor" is the one person stored
as governor (the role words written before their name, or in apposition after it, in the
names a text gave them) who spoke around the same time. Precision first: nobody, or several
who fit, leave the description unresolved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claimtrack.extract.roles import SYNONYMS, WORD, alias_roles, fits, role_parts
from claimtrack.names import fold, person_form, surname
from claimtrack.store.models import Actor, ActorAlias, Claim, Source

# how near in time a stored role holds ("the president" of 2016 is not the one of 2026)
ROLE_DAYS = 366


@dataclass(frozen=True, slots=True)
class RoleMatch:
    actor: Actor
    role: str  # the name the role was seen in: "Indiana Gov. Mike Pence"
    source_id: int | None  # a source that named them so


def _near(session: Session, actor_id: int, published: dt.date | None) -> bool:
    """ACTOR_ID spoke in a source published within ROLE_DAYS of PUBLISHED (or undated)."""
    if published is None:
        return True
    lo, hi = published - dt.timedelta(days=ROLE_DAYS), published + dt.timedelta(days=ROLE_DAYS)
    stmt = (
        select(Claim.id)
        .join(Source, Claim.source_id == Source.id)
        .where(
            Claim.actor_id == actor_id,
            or_(Source.published_on.is_(None), Source.published_on.between(lo, hi)),
        )
        .limit(1)
    )
    return session.scalar(stmt) is not None


def _seen_in(session: Session, actor_id: int, alias: str) -> int | None:
    """A source that has one of ACTOR_ID's claims and the text ALIAS."""
    stmt = (
        select(Source.id)
        .join(Claim, Claim.source_id == Source.id)
        .where(Claim.actor_id == actor_id, Source.text.contains(alias, autoescape=True))
        .order_by(Source.id)
        .limit(1)
    )
    return session.scalar(stmt)


def by_role(session: Session, description: str, published: dt.date | None) -> RoleMatch | None:
    """The one person stored with the role DESCRIPTION names ("Indiana governor"), who
    spoke within ROLE_DAYS of PUBLISHED; None when nobody or several fit. A person known
    by surname alone fits with the full-named person of that surname (one real person)."""
    parts = role_parts(description)
    if not parts:
        return None
    head = SYNONYMS.get(w := WORD.findall(fold(description))[-1], w)
    spelt = [head, *(k for k, v in SYNONYMS.items() if v == head)]  # "governor", "gov"
    # every name of each person once named with the role's head: a description of several
    # roles ("the former governor and current nominee") may need names from several texts
    named = select(ActorAlias.actor_id).where(
        or_(*(ActorAlias.alias_key.contains(h, autoescape=True) for h in spelt))
    )
    stmt = (
        select(Actor, ActorAlias.alias)
        .join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .where(Actor.kind == "person", Actor.id.in_(named))
        .order_by(Actor.id, ActorAlias.id)
    )
    found: dict[int, tuple[Actor, list[str]]] = {}
    for actor, alias in session.execute(stmt):
        found.setdefault(actor.id, (actor, []))[1].append(alias)
    fitting: list[tuple[Actor, str]] = []
    exact: set[int] = set()  # given the role in those words alone ("President Jo Roe")
    for actor, aliases in found.values():
        roles = {a: alias_roles(a, actor.name) for a in aliases}
        if fits(description, [r for r in roles.values() if r]):
            # the alias that says the role in its words, else one of its kind ("Rep.")
            said = [a for a, r in roles.items() if r and any(p <= r for p in parts)]
            kind = [a for a, r in roles.items() if r and fits(description, [r])]
            shown = (said or kind or aliases)[0]
            fitting.append((actor, shown))
            # a lawmaker's party-and-state tag is no part of the title ("Sen. Jo Roe (R-Ky.)")
            bare = [alias_roles(a, actor.name, tags=False) for a in aliases]
            if all(any(p == r for r in bare) for p in parts):
                exact.add(actor.id)
    fitting = one_person([(a, r) for a, r in fitting if _near(session, a.id, published)])
    if len(fitting) > 1:  # "the president": the one titled so bare, not a union's president
        fitting = [(a, r) for a, r in fitting if a.id in exact]
    if len(fitting) != 1:
        return None
    actor, shown = fitting[0]
    return RoleMatch(actor, shown, _seen_in(session, actor.id, shown))


def one_person(found: list[tuple[Actor, str]]) -> list[tuple[Actor, str]]:
    """FOUND without those stored under a surname alone that a full-named one of them
    carries ("Obama" beside "Barack Obama")."""
    full = {fold(s) for a, _ in found if (s := surname(a.name)) is not None}
    return [
        (a, r)
        for a, r in found
        if not (len(person_form(a.name).split()) == 1 and fold(person_form(a.name)) in full)
    ]
