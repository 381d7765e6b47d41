"""The registry's second look: speakers filed under a surname alone ("Obama") or an
unresolved description ("the Indiana governor") because, when their article was stored, the
database did not yet know who they are. Re-resolved against the whole database under the
rules ingest uses (store/writes.py, store/roles.py), a claim moves to the person when one
and only one fits:

- a surname alone joins the person its own article names in full, else the ONE known
  person of that surname, of a compatible gender and, when a title says so, the right one
  ("Mrs. Obama" is not "Mr. Obama", "President Obama" the one named as president);
- a description joins the one person stored with that role around its article's date;
- an organisation under a longer name that its own article also gave by another stored
  body's whole name, its last words, joins that body (store/resolve.short_forms).

Several who fit, or nobody, leave the claim where it is (visibly unresolved). A claim that
moves takes the aliases it gave with it; an actor left without claims goes, its other
names to the one person its claims went to. Rounds repeat until nothing moves, so a second
run moves nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from sqlalchemy import Engine, literal, or_, select, union
from sqlalchemy.orm import Session, aliased

from claimtrack.extract.roles import WORD, alias_roles, definite, described
from claimtrack.names import (
    PRONOUN_GENDER,
    PRONOUNS,
    first_name_gender,
    fold,
    name_key,
    person_form,
    surname,
    title_gender,
)
from claimtrack.store import appearances
from claimtrack.store.engine import run_transaction
from claimtrack.store.models import Actor, ActorAlias, Claim, ClaimSpeaker, Source
from claimtrack.store.name_lookups import remembered
from claimtrack.store.roles import by_role
from claimtrack.store.writes import (
    HONORIFICS,
    ORG_WORDS,
    _fits,
    add_alias,
    find_person,
    move_speaker_links,
    titled_person,
)

ROUNDS = 4  # a move can let another be made (a role learnt); more than this never happens


@dataclass(frozen=True, slots=True)
class Resolved:
    """One claim moved from the actor it was filed under to the person it names."""

    claim_id: int
    source_id: int
    mention: str | None
    was: str
    was_id: int
    now: str
    now_id: int
    why: str  # "named in full in the same source", ...


def surname_like(name: str) -> bool:
    """A person's name that is a surname alone ("Obama", "Mr. King", "Guajardo Villarreal"):
    no first name of clear gender opens it, and it is no pronoun."""
    words = person_form(name).split()
    if not words or name_key(name) in PRONOUNS:
        return False
    return len(words) == 1 or (len(words) <= 3 and first_name_gender(words[0]) is None)


def loose_actors(session: Session, among: Collection[int] | None = None) -> list[Actor]:
    """The actors a later article may resolve (AMONG these ids when given), in id order:
    persons under a surname alone, and unnamed speakers written as a definite description."""
    stmt = select(Actor).order_by(Actor.id)
    if among is not None:
        stmt = stmt.where(Actor.id.in_(list(among)))
    return [
        a
        for a in session.scalars(stmt)
        if (a.kind == "unnamed" and _description(a.name) is not None)
        or (person_like(a) and surname_like(a.name))
    ]


def person_like(actor: Actor) -> bool:
    """A person, or what may be one taken for another kind: a person's title and name
    ("President Obama"), or one word that is no organisation's ("Nervo")."""
    if actor.kind == "person" or titled_person(actor.name):
        return True
    words = actor.name.split()
    return actor.kind != "unnamed" and len(words) == 1 and words[0][:1].isupper()


def _bare(actor: Actor) -> bool:
    """Stored as another kind than person, without a person's title: only its own article
    can tell it is a person ("Nervo" beside "Judge Frank Nervo")."""
    return actor.kind != "person" and not titled_person(actor.name)


def _description(name: str) -> str | None:
    """The role words of an unnamed speaker's name written as a description."""
    return definite(name) or definite(f"the {name}")


def mention_gender(mention: str | None) -> str | None:
    """The gender a claim's speaker mention tells: its title ("Mrs. X"), or a pronoun."""
    words = (mention or "").split()
    if not words:
        return None
    return title_gender(words[0]) or PRONOUN_GENDER.get(fold(words[0]).strip(".,"))


# session.info key of what ``plan`` works out once for all the claims of one loose actor:
# a key -> rows (a source's people, the loose actor's mentions there, the people whose full
# name ends with its surname); nothing is written while it plans
PLANNED = "claimtrack.planned"


# session.info key of the round's reads ahead (Ahead): while resolve_loose goes through the
# loose actors of a round, their claims and the people of those claims' sources are read for
# many loose actors in one query, not a query each
AHEAD = "claimtrack.resolve_ahead"
# loose actors whose claims (and those claims' sources' people) are read in one go
AHEAD_ACTORS = 200
IN_CHUNK = 500  # ids in one IN list


class Ahead:
    """What ``plan`` asks for each loose actor of a round, read for several at once: each
    loose actor's claims (as its first speaker, in id order) and the people each source's
    claims name. A move forgets what it may change: the claims of the actor it moves to and
    the people of the claim's source (``moved``), which are then asked again as before."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.claims: dict[int, list[Claim]] = {}
        self.people: dict[int, list[Actor]] = {}

    def read(self, actor_ids: list[int]) -> None:
        """The claims of ACTOR_IDS and the people of their sources, in two queries."""
        self.claims = {i: [] for i in actor_ids}
        self.people = {}
        stmt = select(Claim).where(Claim.actor_id.in_(actor_ids)).order_by(Claim.id)
        for claim in self.session.scalars(stmt):
            self.claims[claim.actor_id].append(claim)  # type: ignore[index]
        sources = sorted({c.source_id for found in self.claims.values() for c in found})
        for n in range(0, len(sources), IN_CHUNK):
            part = sources[n : n + IN_CHUNK]
            self.people.update((s, []) for s in part)
            pairs = union(
                select(Claim.source_id, ClaimSpeaker.actor_id)
                .join(Claim, Claim.id == ClaimSpeaker.claim_id)
                .where(Claim.source_id.in_(part)),
                select(Claim.source_id, Claim.actor_id).where(Claim.source_id.in_(part)),
            ).subquery()
            stmt = (
                select(pairs.c.source_id, Actor)
                .join(Actor, Actor.id == pairs.c.actor_id)
                .where(Actor.kind == "person")
            )
            for source_id, actor in self.session.execute(stmt):
                self.people[source_id].append(actor)

    def moved(self, source_id: int, from_id: int, to_id: int) -> None:
        """A claim of SOURCE_ID moved from actor FROM_ID to TO_ID: what that may change is
        asked again."""
        self.people.pop(source_id, None)
        self.claims.pop(from_id, None)
        self.claims.pop(to_id, None)


def _ahead(session: Session) -> Ahead | None:
    return session.info.get(AHEAD)


def _once(session: Session, key: tuple, rows: Callable[[], list]) -> list:
    """ROWS(), worked out once per KEY while ``plan`` works (else every time)."""
    memo: dict[tuple, list] | None = session.info.get(PLANNED)
    if memo is None:
        return rows()
    if key not in memo:
        memo[key] = rows()
    return memo[key]


def source_gender(session: Session, loose: Actor, claim: Claim) -> str | None:
    """The one gender the other mentions of LOOSE in CLAIM's article tell ("Obama" that the
    article goes on to call "he"), else None."""

    def mentions() -> list[str | None]:
        ahead = _ahead(session)
        if ahead is not None and loose.id in ahead.claims:
            return [
                c.speaker_mention for c in ahead.claims[loose.id] if c.source_id == claim.source_id
            ]
        stmt = select(Claim.speaker_mention).where(
            Claim.actor_id == loose.id, Claim.source_id == claim.source_id
        )
        return list(session.scalars(stmt))

    told = {
        g
        for m in _once(session, ("mentions", loose.id, claim.source_id), mentions)
        if (g := mention_gender(m)) is not None
    }
    return told.pop() if len(told) == 1 else None


def _full(actor: Actor) -> bool:
    return len(person_form(actor.name).split()) >= 2


def _ends_with(actor: Actor, words: list[str]) -> bool:
    """ACTOR's full name ends with WORDS and is longer ("Ildefonso Guajardo Villarreal")."""
    own = [fold(w) for w in person_form(actor.name).split()]
    return len(own) > len(words) and own[-len(words) :] == [fold(w) for w in words]


def _of_surname(actor: Actor, loose: Actor) -> bool:
    """ACTOR is full-named and LOOSE's name is their surname (or its last words)."""
    words = person_form(loose.name).split()
    if not _full(actor) or actor.id == loose.id:
        return False
    last = surname(actor.name)
    return (last is not None and fold(last) == fold(" ".join(words))) or _ends_with(actor, words)


def in_source(session: Session, source_id: int, loose: Actor, gender: str | None) -> list[Actor]:
    """The full-named people SOURCE_ID's claims name whom LOOSE's surname fits."""

    def people() -> list[Actor]:
        ahead = _ahead(session)
        if ahead is not None and source_id in ahead.people:
            return list(ahead.people[source_id])
        ids = select(ClaimSpeaker.actor_id).join(Claim, Claim.id == ClaimSpeaker.claim_id)
        named = union(  # one union, not two IN joined by OR: PostgreSQL read every actor for it
            ids.where(Claim.source_id == source_id),
            select(Claim.actor_id).where(Claim.source_id == source_id),
        )
        stmt = select(Actor).where(Actor.kind == "person", Actor.id.in_(named))
        return list(session.scalars(stmt))

    def of_surname() -> list[Actor]:
        return [a for a in _once(session, ("people", source_id), people) if _of_surname(a, loose)]

    fit = _once(session, ("of surname", loose.id, source_id), of_surname)
    return [a for a in fit if _fits(a, gender, None)]


def known_tail(session: Session, loose: Actor, gender: str | None) -> Actor | None:
    """The one known person whose full name ends with LOOSE's several-word surname."""
    words = person_form(loose.name).split()

    def ending() -> list[Actor]:
        by_alias = select(ActorAlias.actor_id).where(ActorAlias.alias_key == name_key(words[-1]))
        stmt = select(Actor).where(Actor.kind == "person", Actor.id.in_(by_alias))
        return [a for a in session.scalars(stmt) if _ends_with(a, words)]

    found = [a for a in _once(session, ("tail", loose.id), ending) if _fits(a, gender, None)]
    return found[0] if len(found) == 1 else None


def person_for(session: Session, loose: Actor, claim: Claim) -> tuple[Actor, str] | None:
    """The person a claim filed under a surname alone means, and why; None when nobody or
    several fit."""
    gender = mention_gender(claim.speaker_mention) or source_gender(session, loose, claim)
    here = in_source(session, claim.source_id, loose, gender)
    if len(here) == 1:
        return here[0], "named in full in the same source"
    if here or _bare(loose):
        return None  # two of that surname in the article: the text must tell
    if len(person_form(loose.name).split()) > 1:
        found = known_tail(session, loose, gender)
    else:
        role = alias_roles(claim.speaker_mention or "", loose.name) - HONORIFICS
        found = find_person(session, loose.name, gender, role)
    if found is None or not _of_surname(found, loose):
        return None
    return found, "the one known person of that name"


def by_description(session: Session, loose: Actor, claim: Claim) -> tuple[Actor, str] | None:
    """The person an unresolved description means ("the Indiana governor"), and why."""
    said = " ".join((claim.speaker_mention or "").split())
    source = session.get(Source, claim.source_id)
    before = (source.text or "")[: claim.speaker_start or 0] if source is not None else ""
    description = described(said, loose.name, before)  # as at ingest
    if description is None:
        return None
    published = source.published_on if source is not None else None
    match = by_role(session, description, published)
    if match is None:
        return None
    where = f" in source #{match.source_id}" if match.source_id is not None else ""
    return match.actor, f"named as {description}{where} ('{match.role}')"


def plan(session: Session, loose: Actor) -> list[tuple[Claim, Actor, str]]:
    """Each claim of LOOSE (as its first speaker) that one person now fits: (claim, the
    person, why)."""
    find = person_for if person_like(loose) else by_description
    out = []
    ahead = _ahead(session)
    if ahead is not None and loose.id in ahead.claims:
        claims = list(ahead.claims[loose.id])
    else:
        stmt = select(Claim).where(Claim.actor_id == loose.id).order_by(Claim.id)
        claims = list(session.scalars(stmt))
    # it only reads: what it asks for several claims (their source's people, the registry's
    # names) is asked once
    session.info[PLANNED] = {}
    try:
        with remembered(session):
            for claim in claims:
                found = find(session, loose, claim)
                if found is not None and found[0].id != loose.id:
                    out.append((claim, *found))
    finally:
        session.info.pop(PLANNED, None)
    return out


def move(session: Session, loose: Actor, claim: Claim, person: Actor, why: str) -> Resolved:
    """Give CLAIM to PERSON: its first speaker, the aliases it gave, its how-text."""
    said = " ".join((claim.speaker_mention or loose.name).split())
    ahead = _ahead(session)
    if ahead is not None:
        ahead.moved(claim.source_id, loose.id, person.id)
    claim.actor_id = person.id
    claim.speaker_how = f"'{said}': {person.name}, {why}"
    link = session.scalar(
        select(ClaimSpeaker).where(
            ClaimSpeaker.claim_id == claim.id, ClaimSpeaker.actor_id == loose.id
        )
    )
    has = session.scalar(
        select(ClaimSpeaker.claim_id).where(
            ClaimSpeaker.claim_id == claim.id, ClaimSpeaker.actor_id == person.id
        )
    )
    if link is not None and has is not None:
        session.delete(link)
    elif link is not None:
        link.actor_id = person.id
    for alias in [a for a in loose.aliases if a.claim_id == claim.id]:
        loose.aliases.remove(alias)
        if person.kind != "person" or not ORG_WORDS & set(alias.alias_key.split()):
            add_alias(person, alias.alias, claim.id)
    if not _bare(loose) and name_key(said) not in PRONOUNS:
        add_alias(person, said, claim.id)
    session.flush()
    return Resolved(claim.id, claim.source_id, claim.speaker_mention, loose.name, loose.id,
                    person.name, person.id, why)  # fmt: skip


def settle(session: Session, loose: Actor, moved: list[Resolved]) -> bool:
    """LOOSE after its claims moved: removed (True) when nothing names it any more, its
    other names going to the one person they all went to."""
    session.flush()
    left = session.scalar(select(Claim.id).where(Claim.actor_id == loose.id).limit(1))
    linked = session.scalar(
        select(ClaimSpeaker.claim_id).where(ClaimSpeaker.actor_id == loose.id).limit(1)
    )
    if left is not None or linked is not None:
        return False
    targets = {m.now_id for m in moved}
    names = [loose.name, *(a.alias for a in loose.aliases)] if not _bare(loose) else []
    session.expire(loose, ["claims"])
    session.delete(loose)
    session.flush()
    if len(targets) == 1:
        person = session.get(Actor, targets.pop())
        for n in names:
            add_alias(person, n)
    return True


BODY_KINDS = ("organization", "government", "media")
# a body's short name of fewer words is one many bodies share ("Security Council",
# "Supreme Court", "Intelligence Committee"): only its own article can tell whose it is
SHORT_FORM_WORDS = 3


def _words(name: str) -> list[str]:
    return WORD.findall(fold(name))


def short_forms(
    session: Session, among: Collection[int] | None = None
) -> list[tuple[Actor, Actor]]:
    """(longer, shorter) for each organisation filed under a longer name that an article
    also gave it by the whole name of another stored organisation, of SHORT_FORM_WORDS
    words or more, the last words of its own ("Urban-Brookings Tax Policy Center", called
    "The Tax Policy Center" in its article, beside "Tax Policy Center"): one body. Never
    when another stored body's name ends with the short one too, nor for a longer name
    two short ones fit. AMONG: one of the two is of these ids."""
    short = aliased(Actor)
    stmt = (
        select(Actor, short)
        .join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .join(  # the name alone, or as a description ("The Tax Policy Center")
            short,
            or_(
                short.name_key == ActorAlias.alias_key,
                literal("the ") + short.name_key == ActorAlias.alias_key,
            ),
        )
        .where(
            short.id != Actor.id,
            Actor.kind.in_(BODY_KINDS),
            short.kind.in_(BODY_KINDS),
        )
        .order_by(Actor.id, short.id)
    )
    pairs = {
        (long.id, s.id): (long, s)
        for long, s in session.execute(stmt)
        if len(w := _words(s.name)) >= SHORT_FORM_WORDS
        and len(_words(long.name)) > len(w)
        and _words(long.name)[-len(w) :] == w
    }
    wanted = None if among is None else set(among)
    ones = [(long, s) for long, s in pairs.values() if len(ending_with(session, s)) == 1]
    longs = [long.id for long, _ in ones]
    return [
        (long, s)
        for long, s in ones
        if longs.count(long.id) == 1 and (wanted is None or {long.id, s.id} & wanted)
    ]


def ending_with(session: Session, short: Actor) -> list[Actor]:
    """The stored bodies whose longer names end with SHORT's words."""
    words = _words(short.name)
    stmt = select(Actor).where(
        Actor.kind.in_(BODY_KINDS),
        Actor.id != short.id,
        Actor.name_key.like(f"%{words[-1]}"),  # a word of letters and digits alone
    )
    return [
        a
        for a in session.scalars(stmt)
        if len(own := _words(a.name)) > len(words) and own[-len(words) :] == words
    ]


def take_short_form(session: Session, long: Actor, short: Actor) -> list[Resolved]:
    """Every claim of LONG moves to SHORT, its one body's name as texts write it alone;
    LONG's names become SHORT's aliases (a search by either finds it)."""
    names = [long.name, *(a.alias for a in long.aliases if a.claim_id is None)]
    why = f"the same body as {short.name}, the name its article also gave it"
    done = [
        move(session, long, claim, short, why)
        for claim in session.scalars(
            select(Claim).where(Claim.actor_id == long.id).order_by(Claim.id)
        )
    ]
    move_speaker_links(session, long.id, short.id)
    if settle(session, long, done):
        for n in names:
            add_alias(short, n)
    return done


def resolve_loose(session: Session, among: Collection[int] | None = None) -> list[Resolved]:
    """Every claim of a loose actor (AMONG these ids when given) that one person now fits
    moves to them; rounds repeat until nothing moves. The caller owns the transaction:
    all of it, or none."""
    moved: list[Resolved] = []
    ids = None if among is None else set(among)
    for long, short in short_forms(session, ids):
        moved += take_short_form(session, long, short)
        if ids is not None:
            ids.add(short.id)
    for _ in range(ROUNDS):
        step: list[Resolved] = []
        actors = loose_actors(session, ids)
        session.info[AHEAD] = ahead = Ahead(session)
        try:
            for n, loose in enumerate(actors):
                if n % AHEAD_ACTORS == 0:  # the next ones' claims and people, in two queries
                    ahead.read([a.id for a in actors[n : n + AHEAD_ACTORS]])
                done = [move(session, loose, c, p, why) for c, p, why in plan(session, loose)]
                if done and settle(session, loose, done) and ids is not None:
                    ids.discard(loose.id)
                step += done
        finally:
            session.info.pop(AHEAD, None)
        moved += step
        if not step:
            break
    kept = {m.was_id for m in moved} | {m.now_id for m in moved}
    for actor_id in sorted(kept):
        if session.get(Actor, actor_id) is not None:
            appearances.relink_actor(session, actor_id)
    return moved


def touched_by(session: Session, source_ids: Collection[int]) -> set[int]:
    """The loose actors a run that stored SOURCE_IDS may settle: those its claims name, and
    those under the surname of a full-named person its claims name."""
    ids = set(session.scalars(select(Claim.actor_id).where(Claim.source_id.in_(list(source_ids)))))
    links = select(ClaimSpeaker.actor_id).join(Claim, Claim.id == ClaimSpeaker.claim_id)
    ids |= set(session.scalars(links.where(Claim.source_id.in_(list(source_ids)))))
    ids.discard(None)  # type: ignore[arg-type]
    people = list(session.scalars(select(Actor).where(Actor.id.in_(ids), Actor.kind == "person")))
    lasts = {name_key(s) for a in people if _full(a) and (s := surname(a.name)) is not None}
    lasts |= {
        name_key(" ".join(w[-2:])) for a in people if len(w := person_form(a.name).split()) > 2
    }
    if lasts:
        ids |= set(session.scalars(select(Actor.id).where(Actor.name_key.in_(lasts))))
    return ids


def resolve_after(engine: Engine, source_ids: list[int]) -> list[Resolved]:
    """The registry's second look at the end of a run that stored several documents
    (SOURCE_IDS): the speakers its claims left under a surname alone or an unresolved
    description, re-resolved against the whole database (store/resolve.py), in one
    transaction."""
    if len(source_ids) < 2:
        return []

    def step(session: Session) -> list[Resolved]:
        return resolve_loose(session, touched_by(session, source_ids))

    return run_transaction(engine, step)
