"""Who a description means, through the database: "the governor" is the one person stored
as governor (the role words written before their name, or in apposition after it, in the
names a text gave them) who spoke around the same time. Precision first: nobody, or several
who fit, leave the description unresolved."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from claimtrack.names import fold, person_form, surname
from claimtrack.store.models import Actor, ActorAlias, Claim, Source

# how near in time a stored role holds ("the president" of 2016 is not the one of 2026)
ROLE_DAYS = 366
# words a role is written with that carry no meaning of their own
FILLER = frozenset(
    "the a an this that of for and his her their its our current then now incumbent "
    "mr mrs ms dr".split()
)
SYNONYMS = {
    "gop": "republican",
    "republicans": "republican",
    "democrat": "democratic",
    "dem": "democratic",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "ex": "former",
}
# words that make another role of one: "the president" is not the former president, the
# vice president, nor the president's deputy; a description and a role agree on them
QUALIFIERS = frozenset(
    "former late vice deputy assistant acting lieutenant associate interim first".split()
)
# the last word of a description that can mean one person ("the Indiana governor")
PERSON_ROLES = frozenset(
    """
    president senator governor mayor nominee candidate secretary minister chairman
    chairwoman chair spokesman spokeswoman spokesperson director ambassador general judge
    justice speaker leader representative congressman congresswoman attorney commissioner
    chancellor king queen prince envoy adviser advisor aide businessman businesswoman
    billionaire mogul founder ceo executive manager chief commander sheriff pope premier
    prosecutor lawmaker legislator strategist economist professor pastor lady
    frontrunner front-runner hopeful incumbent challenger opponent rival owner host
    """.split()
)
# where a role written before a name begins: after punctuation or another name ("A and B")
_BREAK = re.compile(r"[,;:()\[\]\u2014\u2013]|\s-\s|\s(?:and|or|with|by|to|from)\s", re.I)
_WORD = re.compile(r"[a-z0-9]+")
RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any", "each", "every"})


def role_words(text: str) -> frozenset[str]:
    """The meaningful words of a role, folded, with their common variants made one:
    "GOP presidential nominee" -> {"republican", "presidential", "nominee"}."""
    # a role of someone else's is theirs: "the nominee's eldest daughter" is a daughter
    plain = re.split(r"'s\b", fold(text).replace("\u2019", "'"))[-1]
    words = (SYNONYMS.get(w, w) for w in _WORD.findall(plain))
    return frozenset(w for w in words if w not in FILLER)


def _name_at(words: list[str], name: list[str]) -> int:
    """Where NAME's words first stand in WORDS, else -1."""
    n = len(name)
    for i in range(len(words) - n + 1):
        if words[i : i + n] == name:
            return i
    return -1


def alias_roles(alias: str, name: str) -> frozenset[str]:
    """The role words an alias gives the person NAME: those written right before their
    name or surname ("Indiana Gov. Mike Pence" -> {"indiana", "governor"}), or in
    apposition after it ("Clinton, the former secretary of state" -> {"former",
    "secretary", "state"}). Empty when the alias names them without a role, or does not
    name them at all (a description stored as an alias proves nothing)."""
    text = " ".join(alias.replace("\u2019", "'").split())
    raw = text.split()
    low = [fold(w).strip(".,;:'\"()").removesuffix("'s") for w in raw]
    form = [fold(w) for w in person_form(name).split()]
    last = surname(name)
    at, size = _name_at(low, form), len(form)
    if at < 0 and last is not None:
        at, size = _name_at(low, fold(last).split()), len(last.split())
    if at < 0:
        return frozenset()
    before = " ".join(raw[:at])
    before = _BREAK.split(f" {before} ")[-1] if before else ""
    after = " ".join(raw[at + size :]).lstrip()
    appos = ""
    if raw[at + size - 1].endswith(",") or after.startswith(","):
        appos = _BREAK.split(after.lstrip(", "), maxsplit=1)[0]
        if fold(appos.split()[0] if appos.split() else "") in RELATIVE:
            appos = ""  # "X, who served as chairman in 2000,": what they did, not a title
    return role_words(before) | role_words(appos)


def _parts(description: str) -> list[frozenset[str]]:
    """A description's roles: "former secretary of state and current nominee" has two."""
    return [w for p in re.split(r"\band\b", fold(description)) if (w := role_words(p))]


def fits(description: str, roles: list[frozenset[str]]) -> bool:
    """Every role of DESCRIPTION is within one role the person was given, with the same
    qualifiers ("the president" is not "the former president" nor "the vice president")."""
    parts = _parts(description)
    return bool(parts) and all(
        any(p <= r and p & QUALIFIERS == r & QUALIFIERS for r in roles) for p in parts
    )


def definite(mention: str) -> str | None:
    """The role words of a singular definite description ("The Indiana governor" ->
    "Indiana governor"), else None: "a senator", "the senators", "officials" are nobody
    in particular, "the panel" no person."""
    words = " ".join(mention.replace("\u2019", "'").split()).split()
    if len(words) < 2 or fold(words[0]) not in ("the", "this"):
        return None
    rest = words[1:]
    if any(fold(w) in INDEFINITE for w in rest[:1]) or any("'s" in w for w in rest):
        return None  # "the senator's spokesman" is nobody the database knows by role
    head = fold(rest[-1]).strip(".,;:'\"")
    if head not in PERSON_ROLES:
        return None
    return " ".join(rest)


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
    parts = _parts(description)
    if not parts:
        return None
    head = SYNONYMS.get(w := _WORD.findall(fold(description))[-1], w)
    spelt = [head, *(k for k, v in SYNONYMS.items() if v == head)]  # "governor", "gov"
    stmt = (
        select(Actor, ActorAlias.alias)
        .join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .where(
            Actor.kind == "person",
            or_(*(ActorAlias.alias_key.contains(h, autoescape=True) for h in spelt)),
        )
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
            shown = next(a for a, r in roles.items() if r and any(p <= r for p in parts))
            fitting.append((actor, shown))
            if all(any(p == r for r in roles.values()) for p in parts):
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
