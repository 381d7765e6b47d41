"""Write one extracted document to the database: its source, actors, claims and topics.

All functions take a Session; the caller owns the transaction (one document, one
transaction), so a failure or a kill half-way leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import TypeVar

from sqlalchemy import (
    Select,
    Update,
    bindparam,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.orm import Session, object_session

from claimtrack.extract.dates import relation_range
from claimtrack.extract.roles import PERSON_ROLES, alias_roles, described
from claimtrack.extract.types import FoundClaim, SaidDate, Speaker
from claimtrack.extract.wordlists import words
from claimtrack.io.byline import agency
from claimtrack.io.document import Document
from claimtrack.names import (
    MARKUP,
    NAME_GLUE,
    NAME_TITLES,
    PARTICLES,
    PRONOUNS,
    SUFFIXES,
    abbreviation,
    compatible,
    first_name_gender,
    first_name_variants,
    fold,
    initials,
    name_gender,
    name_key,
    names_nobody,
    near_spelling,
    org_form,
    person_form,
    rank_read_as_first_name,
    same_first_name,
    surname,
    title_gender,
    written_name,
)
from claimtrack.store import appearances, boilerplate
from claimtrack.store.models import (
    Actor,
    ActorAlias,
    Claim,
    ClaimSpeaker,
    ClaimTopic,
    Source,
    Topic,
)
from claimtrack.store.name_lookups import LIKE, Key, learn, lookup, remembered, remembering
from claimtrack.store.prepare import (  # noqa: F401  (importable from here too)
    Filed,
    Prepared,
    document_topics,
    found_topics,
    prepare,
)
from claimtrack.store.roles import by_role
from claimtrack.store.taxonomy import TopicDef
from claimtrack.store.timeline import sort_values
from claimtrack.store.topic_rows import (  # noqa: F401  (importable from here too)
    ensure_taxonomy,
    taxonomy,
    upsert_topics,
)
from claimtrack.words import english_frequency

T = TypeVar("T")

HONORIFICS = frozenset("mr mrs ms miss mx dr sir lady madam".split())  # no role by themselves
# words that make a name an organisation's ("Clinton Foundation", "Trump campaign")
ORG_WORDS = frozenset(
    "campaign foundation committee party company corporation inc corp group organization "
    "organisation association union institute university bank fund coalition network "
    "department ministry agency office administration council commission".split()
)


# last words of a company's name ("Patriot Coal", "Dish Network"): never a person's
COMPANY_WORDS = ORG_WORDS | frozenset(
    "inc co corp llc ltd plc coal networks airlines holdings industries enterprises".split()
)
# what the extractor may call an organisation that the name itself can show is a person
PERSON_OR_ORG = frozenset({"organization", "unnamed"})
# the kinds of a named body, which a leading "The" before its name leaves the same
BODY_KINDS = frozenset({"organization", "government", "media"})


# titles only a person bears: a name they open is a person's, whatever kind the text
# suggested ("President Obama" taken for a government, "Mr. Barrett" for a newspaper)
PERSON_TITLES = HONORIFICS | frozenset(
    "president sen senator rep representative gov governor judge mayor prof professor rev".split()
)


TITLE_WORDS = PERSON_TITLES | NAME_TITLES | PERSON_ROLES | frozenset({"retired"})


def titled_person(name: str) -> bool:
    """NAME is a person's title and name ("President Obama", "Mr. Guajardo Villarreal")."""
    words = name.split()
    if len(words) < 2 or fold(words[0]).rstrip(".") not in PERSON_TITLES:
        return False
    rest = words[1:]
    return (
        len(rest) <= 3
        and all(w[:1].isupper() and "'" not in w and "\u2019" not in w for w in rest)
        and not ORG_WORDS & set(name_key(" ".join(rest)).split())
    )


def title_only(name: str) -> bool:
    """NAME is titles and role words alone ("Judge", "Retired General"), no one's name."""
    words = [fold(w).strip(".,") for w in name.split()]
    return bool(words) and all(w in TITLE_WORDS for w in words)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_exists(session: Session, digest: str) -> bool:
    return session.scalar(select(Source.id).where(Source.content_hash == digest)) is not None


def url_stored(session: Session, *urls: str | None) -> bool:
    """A source was read from, fetched from or is canonically at one of URLS."""
    wanted = [u for u in urls if u]
    if not wanted:
        return False
    found = select(Source.id).where(
        or_(Source.path.in_(wanted), Source.url.in_(wanted), Source.fetched_url.in_(wanted))
    )
    return session.scalar(found.limit(1)) is not None


# ---- topics -----------------------------------------------------------------------------


# ---- actors -----------------------------------------------------------------------------


def speaker_name(speaker: Speaker, doc_text: str) -> str | None:
    """The actor name to file a claim under: resolved name, else a non-pronoun mention; a
    relative or demonstrative word alone ("that", "This") names nobody."""
    if speaker.name and speaker.name.strip():
        name = speaker.name.strip()  # "She herself", "the one": nobody ("US" is a place)
        return None if names_nobody(name) and not name.isupper() else name
    if speaker.mention is None:
        return None
    mention = " ".join(speaker.mention.text(doc_text).split())
    if MARKUP.search(mention):  # a page's markup before the mention: '<post id="7">I'
        mention = MARKUP.split(mention)[-1].strip(" \"'")
        if not mention[:1].isupper() or names_nobody(re.split(r"['\u2019]", mention)[0]):
            return None
    if not mention or names_nobody(mention):
        return None
    return mention


def find_actor(session: Session, name: str) -> Actor | None:
    """The actor of NAME's key, else the one actor with it as an alias (remembered for the
    document being stored: name_lookups.py)."""
    key = name_key(name)
    found = lookup(session, "actor", key, lambda: _actor_of_key(session, key))
    return found[0] if found else None


def _actor_of_key(session: Session, key: str) -> list[Actor]:
    """[the actor named KEY], else [the one actor with alias KEY], else []: one query for
    both (a name not known yet, the common case, asked both)."""
    return _the_actor(key, session.scalars(select(Actor).where(Actor.id.in_(_ids_of_key(key)))))


def _the_actor(key: str, found: Iterable[Actor]) -> list[Actor]:
    """Of the actors FOUND under name key KEY (by name or alias): [the one named KEY], else
    [the one found], else []."""
    found = list(found)
    named = [a for a in found if a.name_key == key]
    return named or (found if len(found) == 1 else [])


def _named(session: Session, key: str) -> list[Actor]:
    """People whose name or an alias has KEY (_ids_of_key; remembered for the document
    being stored: name_lookups.py)."""
    return lookup(session, "people", key, lambda: _people_of_key(session, key))


def _people_of_key(session: Session, key: str) -> list[Actor]:
    return _the_people(session.scalars(select(Actor).where(Actor.id.in_(_ids_of_key(key)))))


def _the_people(found: Iterable[Actor]) -> list[Actor]:
    """The people among the actors FOUND under a name key, in id order."""
    return sorted((a for a in found if a.kind == "person"), key=lambda a: a.id)


def registry_view(session: Session, keys: Collection[Key]) -> None:
    """Ask the registry once for every name key of KEYS (a document's, ``speaker_keys``):
    the actors named so or with such an alias, remembered as ``find_actor`` and ``_named``
    would find them now (name_lookups.learn), and for each ``middle_key`` the people
    ``known_with_middle`` would find, so that storing the document's claims asks no more
    for them (one query, not one or two a speaker). Only inside ``remembered``."""
    wanted = sorted({k for k in keys if isinstance(k, str) and k})
    likes = sorted({k[1] for k in keys if not isinstance(k, str)})
    if not (wanted or likes) or not remembering(session):
        return
    by_name = select(Actor.name_key.label("key"), Actor.id.label("actor_id"), literal(0))
    by_alias = select(ActorAlias.alias_key, ActorAlias.actor_id, literal(0))
    found: dict[Key, list[Actor]] = {k: [] for k in wanted}
    found.update(((LIKE, p), []) for p in likes)
    # within every database's limit of bound values and of a union's parts (SQLite: 500)
    parts = [
        part
        for chunk in _chunks(wanted, 500)
        for part in (
            by_name.where(Actor.name_key.in_(chunk)),
            by_alias.where(ActorAlias.alias_key.in_(chunk)),
        )
    ]
    parts += [_like(p).with_only_columns(literal(p), Actor.id, literal(1)) for p in likes]
    for chunk in _chunks(parts, 100):
        ids = union(*chunk).subquery() if len(chunk) > 1 else chunk[0].subquery()
        key_, id_, like = ids.c
        stmt = select(key_, like, Actor).join(Actor, Actor.id == id_)
        for key, is_like, actor in session.execute(stmt):
            found[(LIKE, key) if is_like else key].append(actor)
    for key, actors in found.items():
        if isinstance(key, str):
            answers = {"actor": _the_actor(key, actors), "people": _the_people(actors)}
        else:
            answers = {"people": actors}
        learn(session, key, answers)


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def prepare_to_store(
    text: str, headline: str | None, claims: Sequence[FoundClaim], topics: Sequence[TopicDef]
) -> Prepared:
    """``prepare`` (store/prepare.py) and the name keys of the claims' speakers
    (``speaker_keys``): all that storing a document needs that no database does."""
    ready = prepare(text, headline, claims, topics)
    ready.filed = filed_names(text, ready.claims)
    ready.names = speaker_keys(text, ready.claims, filed=ready.filed)
    return ready


def filed_names(
    text: str, claims: Sequence[FoundClaim], author: str | None = None
) -> dict[Speaker, Filed | None]:
    """``filed_name`` of each speaker storing CLAIMS (of article TEXT, by AUTHOR) resolves:
    each claim's, the others it names and the byline's writer; each speaker once. Worked
    out before the transaction and handed to ``resolve_actor``, which would work each out
    again (issue 16)."""
    filed: dict[Speaker, Filed | None] = {}
    speakers = [
        s
        for c in claims
        for s in (c.speaker, *(Speaker(None, o, "person") for o in c.speaker.others))
    ]
    if (writer := sole_author(author)) is not None:
        speakers.append(Speaker(None, writer, "person"))
    for s in speakers:
        if s not in filed:
            filed[s] = filed_name(s, text)
    return filed


def speaker_keys(
    text: str,
    claims: Sequence[FoundClaim],
    author: str | None = None,
    filed: Mapping[Speaker, Filed | None] | None = None,
) -> set[Key]:
    """The name keys storing CLAIMS (of article TEXT, by AUTHOR) asks the registry for its
    speakers (``filed_keys`` of each speaker, the others a claim names and the byline's
    writer): worked out from the text alone, for ``registry_view``. FILED: their
    ``filed_names``, when worked out already."""
    if filed is None:
        filed = filed_names(text, claims, author)
    return {k for f in filed.values() if f is not None for k in filed_keys(f)}


def _ids_of_key(key: str):  # noqa: ANN202
    """The ids of the actors named KEY or with KEY as an alias: one union of two index
    look-ups (the two conditions joined by OR made PostgreSQL read every actor, a cost that
    grew with the registry: 1.3 ms a call at 5,600 actors against 0.7 in an empty database,
    a few hundred calls for five articles)."""
    by_name = select(Actor.id).where(Actor.name_key == key)
    by_alias = select(ActorAlias.actor_id).where(ActorAlias.alias_key == key)
    return union(by_name, by_alias)


def actor_gender(actor: Actor) -> str | None:
    return name_gender(actor.name, [a.alias for a in actor.aliases])


def _fits(actor: Actor, gender: str | None, first: str | None) -> bool:
    """A known person who may be the one named: no gender or first-name conflict."""
    if not compatible(gender, actor_gender(actor)):  # type: ignore[arg-type]
        return False
    words = person_form(actor.name).split()
    return first is None or len(words) < 2 or same_first_name(words[0], first)


def find_person(
    session: Session, name: str, gender: str | None, role: frozenset[str] = frozenset()
) -> Actor | None:
    """The one known person NAME means: by full name (titles, middle initials and a
    possessive aside; "Jr." kept), else for a surname alone the one person of that surname
    and a compatible gender; when several fit, the one a text gave the ROLE words the
    mention gives ("President Obama": the Obama named "President Barack Obama"). None when
    nobody or several fit."""
    form = person_form(name)
    words = form.split()
    first = words[0] if len(words) >= 2 and fold(words[0]) not in PARTICLES else None
    found = [a for a in _named(session, name_key(form)) if _fits(a, gender, first)]
    for other in first_name_variants(first) if first and not found else ():
        key = name_key(" ".join([other, *words[1:]]))  # "Joe Roe" known as "Joseph Roe"
        found += [a for a in _named(session, key) if _fits(a, gender, first) and a not in found]
    if first is None:  # a surname alone ("Roe", "de Blasio"): the full-named first
        full = [a for a in found if len(person_form(a.name).split()) > len(words)]
        found = full or found
    if len(found) > 1 and role:
        found = [a for a in found if any(role <= r for r in roles_of(a))]
    if len(found) > 1 and first is None:
        found = [top] if (top := dominant(session, found)) is not None else found
    return found[0] if len(found) == 1 else None


# a surname alone is the one who fits that the database holds far more claims of than all
# the others together, when none of the others' names opens with a first name
DOMINANT_CLAIMS = 10
DOMINANT_RATIO = 10


def dominant(session: Session, people: list[Actor]) -> Actor | None:
    """Among PEOPLE who fit a surname alone, the one overwhelmingly likely: at least
    DOMINANT_CLAIMS claims and DOMINANT_RATIO times those of all the others, none of whom
    has a first name ("Barack Obama" over "Derelict Obama", a headline word glued on; never
    "Hillary Clinton" over "Bill Clinton"); else None."""
    counted = select(Claim.actor_id, func.count(Claim.id)).where(
        Claim.actor_id.in_([a.id for a in people])
    )
    found = {actor_id: n for actor_id, n in session.execute(counted.group_by(Claim.actor_id))}
    counts = {a.id: found.get(a.id, 0) for a in people}  # one query for them all
    top = max(people, key=lambda a: counts[a.id])
    rivals = [a for a in people if a.id != top.id]
    if any(is_first_name(person_form(a.name).split()[0], None) for a in rivals):
        return None
    rest = sum(counts[a.id] for a in rivals)
    enough = counts[top.id] >= DOMINANT_CLAIMS and counts[top.id] >= DOMINANT_RATIO * max(rest, 1)
    return top if enough else None


def roles_of(actor: Actor) -> list[frozenset[str]]:
    """The role words each of ACTOR's names gives them ("Indiana Gov. Mike Pence")."""
    return [r for a in actor.aliases if (r := alias_roles(a.alias, actor.name))]


def known_within(session: Session, name: str) -> Actor | None:
    """The known person a longer name adds words to at an edge, no first name among them
    ("Rip Donald Trump", a headline word glued on, is Donald Trump; "Mary Ann Smith" is
    not Ann Smith)."""
    words = person_form(name).split()
    if len(words) < 3:
        return None
    for n in range(len(words) - 1, 1, -1):
        for extra, core in ((words[:-n], words[-n:]), (words[n:], words[:n])):
            if any(first_name_gender(w) or fold(w).strip(".,") in SUFFIXES for w in extra):
                continue
            found = [a for a in _named(session, name_key(" ".join(core)))]
            if len(found) == 1 and name_key(found[0].name) == name_key(" ".join(core)):
                return found[0]
    return None


def known_with_middle(session: Session, name: str) -> Actor | None:
    """The one known person whose name is NAME with a middle name more or less ("Ann Quarrie
    Roe" and "Ann Roe", either stored first), when the middle name is no first name ("Mary
    Ann Roe" is not Mary Roe) and no suffix; None when nobody or several fit."""
    words = person_form(name).split()
    if words and fold(words[-1]).strip(".,") in SUFFIXES:
        return None  # "Jo Ann Roe Jr.": the suffix makes another person
    if len(words) == 3 and _a_middle(words[1]) and not any(fold(w) in PARTICLES for w in words):
        found = []
        for first in [words[0], *first_name_variants(words[0])]:  # "Bill Roe" for "William
            key = name_key(f"{first} {words[2]}")  # Henry Roe": one name, one person
            if first == words[0] and not _plain_middle(words[1]):
                continue  # "Mary Ann Roe" is not Mary Roe
            found += [a for a in _named(session, key) if a.name_key == key and a not in found]
    elif middle_key(name) is not None:
        last = name_key(words[1])
        found = []
        for first in [words[0], *first_name_variants(words[0])]:
            key = (LIKE, f"{name_key(first)} % {last}")
            found += [
                a
                for a in lookup(session, "people", key, lambda k=key[1]: _liked(session, k))
                if len(parts := person_form(a.name).split()) == 3
                and name_key(parts[0]) == name_key(first)
                and name_key(parts[2]) == last
                and (_plain_middle(parts[1]) or first != words[0] and _a_middle(parts[1]))
                and a not in found
            ]
    else:
        return None
    return found[0] if len(found) == 1 else None


def _liked(session: Session, pattern: str) -> list[Actor]:
    return list(session.scalars(_like(pattern)))


def middle_key(name: str) -> tuple[str, str] | None:
    """The lookup ``known_with_middle`` makes for a person's two-word NAME ("Ann Roe"): the
    people whose name key is LIKE "ann % roe" (name_lookups' key of it); None for any other
    name (it asks nothing, or the name of three words without the middle one)."""
    words = person_form(name).split()
    if len(words) != 2 or fold(words[-1]).strip(".,") in SUFFIXES:
        return None
    if any(fold(w) in PARTICLES for w in words):
        return None
    first, last = (name_key(w) for w in words)
    return (LIKE, f"{first} % {last}")


def _like(pattern: str) -> Select:
    """The people whose name key is LIKE PATTERN."""
    return select(Actor).where(Actor.kind == "person", Actor.name_key.like(pattern))


def _a_middle(word: str) -> bool:
    """A middle name, a first name or not: a capitalised word that is no initial and no
    suffix ("Jefferson" of a "William Jefferson Roe" known as "Bill Roe": the first name's
    nickname tells it is one person, whatever the middle name)."""
    plain = fold(word).strip(".,")
    return word[:1].isupper() and "." not in word and len(plain) > 2 and plain not in SUFFIXES


def _plain_middle(word: str) -> bool:
    """A middle name that tells no other person: a capitalised word that is no first name
    (a family name: "Quarrie"), no initial and no suffix."""
    plain = fold(word).strip(".,")
    return (
        word[:1].isupper()
        and "." not in word
        and len(plain) > 2
        and plain not in SUFFIXES
        and first_name_gender(word) is None
    )


def absorb_surname(session: Session, actor: Actor, gender: str | None) -> None:
    """A new full-named person takes over the claims of an actor stored under their surname
    alone, when they are the only known person of that surname it can be."""
    last = surname(actor.name)
    if last is None:
        return
    lone = session.scalar(
        select(Actor).where(
            Actor.kind == "person", Actor.name_key == name_key(last), Actor.id != actor.id
        )
    )
    if lone is None or not compatible(actor_gender(lone), gender):  # type: ignore[arg-type]
        return
    rivals = [
        a
        for a in _named(session, name_key(last))
        if a.id not in (actor.id, lone.id) and _fits(a, actor_gender(lone), None)
    ]
    if rivals:
        return
    first = session.scalar(select(func.min(Claim.id)).where(Claim.actor_id == lone.id))
    for claim in session.scalars(select(Claim).where(Claim.actor_id == lone.id)):
        claim.actor = actor
    move_speaker_links(session, lone.id, actor.id)
    session.info.setdefault(ABSORBED, {})[lone.id] = actor.id  # for a claim being built
    names = [(lone.name, first), *((a.alias, a.claim_id) for a in lone.aliases)]
    session.flush()
    session.expire(lone, ["claims"])
    session.delete(lone)
    session.flush()
    for n, claim_id in names:  # each keeps the claim that gave it
        add_alias(actor, n, claim_id)
    appearances.relink_actor(session, actor.id)


def sync_first_speaker(session: Session, claim: Claim) -> None:
    """After CLAIM's speaker (claims.actor_id) was changed by hand: its first speaker is
    that actor, the others it named stay after it."""
    session.flush()
    links = session.execute(
        select(ClaimSpeaker.actor_id, ClaimSpeaker.position)
        .where(ClaimSpeaker.claim_id == claim.id)
        .order_by(ClaimSpeaker.position)
    ).all()
    others = [a for a, position in links if position > 0 and a != claim.actor_id]
    first = [claim.actor_id] if claim.actor_id is not None else []
    set_speakers(session, claim, first + others)


def set_speakers(session: Session, claim: Claim, actor_ids: list[int]) -> None:
    """CLAIM's speakers become ACTOR_IDS, in that order."""
    session.execute(delete(ClaimSpeaker).where(ClaimSpeaker.claim_id == claim.id))
    session.add_all(
        ClaimSpeaker(claim_id=claim.id, actor_id=a, position=i) for i, a in enumerate(actor_ids)
    )
    session.flush()
    session.expire(claim, ["speaker_links"])


def move_speaker_links(session: Session, old_id: int, new_id: int) -> None:
    """Every claim actor OLD_ID spoke now has actor NEW_ID among its speakers instead."""
    have = set(
        session.scalars(select(ClaimSpeaker.claim_id).where(ClaimSpeaker.actor_id == new_id))
    )
    for link in session.scalars(select(ClaimSpeaker).where(ClaimSpeaker.actor_id == old_id)):
        if link.claim_id in have:
            session.delete(link)
        else:
            link.actor_id = new_id
    session.flush()


# session.info key of the aliases made while one claim is built (build_claim links them)
ALIASES_MADE = "claimtrack.aliases_made"
# session.info key of actor ids taken over by another (absorb_surname): old -> new
ABSORBED = "claimtrack.absorbed"
# session.info key of (alias, claim) pairs whose claim is not stored yet (link_alias_claims)
ALIAS_CLAIMS = "claimtrack.alias_claims"


def follow_taken_over(row: Claim, gone: dict[int, int]) -> None:
    """ROW, built but not yet stored, names its speakers as they are now: an actor taken
    over by another since (GONE: old id -> new id, possibly in a chain) is that other."""
    if not gone:
        return

    def now(actor_id: int | None) -> int | None:
        while actor_id in gone:
            actor_id = gone[actor_id]
        return actor_id

    row.actor_id = now(row.actor_id)
    ids = list(dict.fromkeys(now(link.actor_id) for link in row.speaker_links))
    if ids != [link.actor_id for link in row.speaker_links]:
        row.speaker_links = [ClaimSpeaker(actor_id=a, position=i) for i, a in enumerate(ids)]


def link_alias_claims(session: Session) -> None:
    """Once the claims built are stored (flushed), each alias they gave remembers its claim."""
    for alias, row in session.info.pop(ALIAS_CLAIMS, []):
        if row.id is not None and alias in session and alias not in session.deleted:
            alias.claim_id = row.id


def add_alias(actor: Actor, alias: str, claim_id: int | None = None) -> bool:
    """Give ACTOR another name (that CLAIM_ID gave, if known); False when it is empty, the
    actor's name, or known."""
    alias = alias.strip()
    key = name_key(alias)
    if not key or key == actor.name_key or any(a.alias_key == key for a in actor.aliases):
        return False
    actor.aliases.append(ActorAlias(alias=alias, alias_key=key, claim_id=claim_id))
    return True


def add_seen_name(actor: Actor, name: str, mention: bool = False) -> None:
    """An alias from the text: any way it named the actor, but a pronoun or, for a person,
    an organisation's name (its statements are not theirs). The MENTION of the claim being
    built remembers that claim."""
    if name_key(name) in PRONOUNS:
        return
    if actor.kind == "person" and ORG_WORDS & set(name_key(name).split()):
        return
    if add_alias(actor, name) and mention and (session := object_session(actor)) is not None:
        if ALIASES_MADE in session.info:  # the claim being built gave it (build_claim)
            session.info[ALIASES_MADE].append(actor.aliases[-1])


def is_role(role: str | None, name: str) -> bool:
    """A role worth keeping: not empty, not a title alone ("Mrs."), and not the name or a
    piece of it ("Sanders")."""
    if not role or not role.strip():
        return False
    key, name_words = name_key(role), name_key(name).split()
    if all(fold(w).rstrip(".") in HONORIFICS for w in key.split()):
        return False
    return key != " ".join(name_words) and key not in name_words


FIRST_PERSON = frozenset({"i", "me", "my"})
_BY = re.compile(r"^by\s+", re.I)


def in_quotes(text: str, at: int) -> bool:
    """Whether offset AT of TEXT stands inside a quotation of its paragraph (more opening
    than closing curly quotes before it, or an odd number of straight ones)."""
    start = text.rfind("\n", 0, at) + 1
    before = text[start:at]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def sole_author(author: str | None) -> str | None:
    """The one person a byline names ("By Jane Roe" -> "Jane Roe"; "BY JANE ROE" -> "Jane
    Roe"), else None (several, none, or a news agency: "The Associated Press")."""
    name = _BY.sub("", " ".join((author or "").split())).strip(" ,.")
    if not name or re.search(r",|;|&|\band\b", name) or len(name.split()) < 2:
        return None
    if agency(name) is not None:
        return None
    return name.title() if name.isupper() else name


def resolve_speaker(
    session: Session,
    speaker: Speaker,
    doc_text: str,
    published: dt.date | None = None,
    author: str | None = None,
    filed: Mapping[Speaker, Filed | None] | None = None,
) -> tuple[Actor | None, str | None]:
    """The actor a claim's speaker is filed under, and how the database decided it when it
    did: a description the text left unresolved ("the Indiana governor") is the one person
    stored with that role around PUBLISHED (store/roles.py); "I" outside quotations, that
    the text left unresolved, is the byline's AUTHOR (a column's own voice). FILED: the
    ``filed_names`` of the document's speakers, when worked out already."""
    said = " ".join(speaker.mention.text(doc_text).split()) if speaker.mention else ""
    if (
        speaker.name is None
        and speaker.mention is not None
        and name_key(said) in FIRST_PERSON
        and (writer := sole_author(author)) is not None
        and not in_quotes(doc_text, speaker.mention.start)
    ):
        actor = resolve_actor(session, Speaker(None, writer, "person"), doc_text, filed)
        if actor is not None:
            return actor, f"'{said}': {actor.name}, the author of this piece (its byline)"
    name = speaker_name(speaker, doc_text)
    unnamed = speaker.kind == "unnamed" or title_only(name or "")
    before = doc_text[: speaker.mention.start] if speaker.mention else ""
    if unnamed and (description := described(said, name, before)) is not None:
        match = by_role(session, description, published)
        if match is not None:
            add_seen_name(match.actor, said, mention=True)
            where = f" in source #{match.source_id}" if match.source_id is not None else ""
            return match.actor, (
                f"'{said}': {match.actor.name}, named as {description}{where} ('{match.role}')"
            )
    return resolve_actor(session, speaker, doc_text, filed), None


def filed_name(speaker: Speaker, doc_text: str) -> Filed | None:
    """The name SPEAKER is filed under, from its article alone (no database): a person's
    in full where the text names them so, an organisation's in the registry's form; None
    when the speaker has no name (a pronoun)."""
    name = speaker_name(speaker, doc_text)
    if name is None:
        return None
    said = " ".join(speaker.mention.text(doc_text).split()) if speaker.mention else ""
    kind = "unnamed" if title_only(name) else speaker.kind  # "Judge": a role, nobody's name
    if (full := caps_label(name, doc_text)) is not None:
        name, kind = full, "person"  # "ROE:" of a transcript that names "Jo Roe"
    elif kind != "unnamed" and (cased := usual_casing(name, doc_text, kind)) is not None:
        name = cased  # "OBAMA" of a headline in capitals, where the article writes "Obama"
    kind = name_kind(name, kind, doc_text)
    titles = titles_before(name, doc_text) if kind in PERSON_OR_ORG else set()
    if titles:
        kind = "person"  # "Roe" the NER took for a body, where its article writes "Mr. Roe"
    person = kind == "person" or titled_person(name)
    gender = speaker.gender or (told_gender(name, said) if person else None)
    if gender is None and len(told := {g for g in titles if g}) == 1:
        gender = told.pop()  # the one gender its titles in the article tell
    titled = name
    if person:
        first_is_name = rank_read_as_first_name(name, speaker.role)  # "Gen Nakatani"
        name = person_form(written_name(name), first_is_name) or name
        name = in_full(doc_text, name, gender)
        if gender is None and not titled_person(titled) and (co := company(doc_text, name)):
            name, person, kind = co, False, "organization"  # "Patriot" of "Patriot Coal"
    elif kind in PERSON_OR_ORG and (full := named_in_full(doc_text, name)) != name:
        name, person, kind = full, True, "person"  # "Holt" where "Lester Holt" is named
    else:
        name = org_name(doc_text, name)
    return Filed(name, person, kind, gender, titled, said)


# an all-caps word that may be a surname (a transcript's "ROE:", a headline's "ROE"),
# not an abbreviation of two letters ("AP")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'\u2019-]{2,}")


def in_capitals(name: str) -> bool:
    """Whether NAME is written in capitals only, four letters or more ("EXPERTS", "JO ROE";
    not "AP", "WHO")."""
    return sum(ch.isalpha() for ch in name) >= 4 and not any(ch.islower() for ch in name)


def usual_casing(name: str, text: str, kind: str) -> str | None:
    """The usual casing of a NAME a headline or a label wrote in capitals ("OBAMA"): as its
    article TEXT writes it inside a sentence in lower and upper case ("... over, Obama
    won"), else, for nobody's name ("EXPERTS": KIND unnamed), in sentence case ("Experts");
    None for a name not in capitals, or an abbreviation the article writes no other way
    ("FDIC")."""
    if not in_capitals(name):
        return None
    pattern = rf"(?<=[\w,;] )({re.escape(name)})\b"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        form = m.group(1)
        if any(ch.islower() for ch in form) and form[:1].isupper():
            return " ".join(form.split())
    return name.capitalize() if kind == "unnamed" else None


def caps_label(name: str, text: str) -> str | None:
    """The person an all-caps word NAME is a label of (a transcript's "ROE:"): the one
    person its article TEXT names in full, in either case, with that surname ("Jo Roe"
    or "JO ROE"), as the article writes them; None when NAME is no all-caps word or
    the article names nobody or several of that surname ("FBI", "EXPERTS")."""
    if not _CAPS_WORD.fullmatch(name):
        return None
    pattern = rf"\b([A-Z][a-z]+|[A-Z]{{2,}})(?: [A-Z]\.)? ((?i:{re.escape(name)}))\b(?! [A-Z])"
    found: dict[tuple[str, str], str] = {}
    for m in re.finditer(pattern, text):
        first, last = m.group(1), m.group(2)
        if not is_first_name(first.capitalize(), None):
            continue
        form = f"{first} {last}"
        key = (fold(first), fold(last))
        if key not in found or found[key].isupper():
            found[key] = form  # the article's mixed-case form over its label's
    return found.popitem()[1] if len(found) == 1 else None


# a speaker ``filed_names`` did not work out (None is a speaker with no name)
_NOT_FILED = object()


def filed_keys(filed: Filed) -> set[Key]:
    """The name keys the registry is asked for a speaker FILED so (find_actor, and for a
    person find_person's full name, first-name variants and surname, new_actor's surname
    and known_with_middle's ``middle_key``; for a body, ``the_form``): what ``registry_view``
    fetches for a document in one query."""
    keys: set[Key] = {name_key(filed.name)}
    if not filed.person and filed.kind in BODY_KINDS and (other := the_form(filed.name)):
        keys.add(other)  # without_the's
    if filed.person:
        if (middle := middle_key(filed.name)) is not None:
            keys.add(middle)
        words = person_form(filed.name).split()
        keys.add(name_key(" ".join(words)))
        if len(words) >= 2 and fold(words[0]) not in PARTICLES:
            keys |= {name_key(" ".join([v, *words[1:]])) for v in first_name_variants(words[0])}
        if (last := surname(filed.name)) is not None:
            keys.add(name_key(last))
    return keys


def resolve_actor(
    session: Session,
    speaker: Speaker,
    doc_text: str,
    known: Mapping[Speaker, Filed | None] | None = None,
) -> Actor | None:
    """The actor SPEAKER is filed under, found in the registry or made (KNOWN: the
    ``filed_names`` of its document's speakers, when worked out already)."""
    filed = known.get(speaker, _NOT_FILED) if known is not None else _NOT_FILED
    if filed is _NOT_FILED:
        filed = filed_name(speaker, doc_text)
    if not isinstance(filed, Filed):  # None: a speaker with no name (a pronoun)
        return None
    name, person, kind, gender = filed.name, filed.person, filed.kind, filed.gender
    titled, said = filed.titled, filed.said
    if not person and kind == "unnamed" and _CAPS_WORD.fullmatch(name):
        if _named(session, name_key(name)):  # "ROE": a label of a surname people bear
            person, kind = True, "person"
    if not person and kind == "unnamed" and (cased := usual_casing(name, doc_text, kind)):
        name = cased  # "EXPERTS" of a headline in capitals: "Experts"
    actor = namesake = find_actor(session, name)
    if actor is not None and (actor.kind == "person") != person:
        actor = other_kind(actor, name, person, doc_text)
    clash = actor if person and actor and gender and gender_clash(actor, gender) else None
    if clash is not None:
        actor = None  # "Mrs. Roe" is not the Roe titled "Mr."
    if actor is None and not person and (actor := abbreviated(session, name, doc_text)):
        add_alias(actor, name)  # "IMF" of the "International Monetary Fund" the text writes
    if actor is None and not person and (actor := without_the(session, name, kind)):
        add_alias(actor, name)  # "The Roe Institute" of the "Roe Institute" stored before
    if actor is None and person:
        role = alias_roles(said, name) - HONORIFICS
        actor = (
            find_person(session, name, gender, role)
            or known_within(session, name)
            or known_with_middle(session, name)
        )
    if actor is None and clash is not None and clash.name_key == name_key(name):
        actor = titled_apart(session, name, titled, said) or clash  # "Mrs. Roe" beside "Roe"
    if actor is None and namesake is not None and namesake.name_key == name_key(name):
        actor = namesake  # nobody else it can be, and the name is taken (keys are unique)
        if person and actor.kind == "unnamed" and _named(session, actor.name_key):
            actor.kind = "person"  # a label read as nobody's name ("ROE"): a person's
    if actor is None:
        actor = new_actor(session, name, "person" if person else kind, gender)
    if in_capitals(actor.name) and not in_capitals(name) and name_key(name) == actor.name_key:
        actor.name = name  # first seen in a headline's capitals ("OBAMA"), now as usual
    if not actor.role and is_role(speaker.role, actor.name):
        actor.role = speaker.role
    if not actor.affiliation and speaker.affiliation:
        actor.affiliation = speaker.affiliation
    for alias in speaker.aliases:
        add_seen_name(actor, alias)
    if speaker.mention is not None:
        add_seen_name(actor, " ".join(speaker.mention.text(doc_text).split()), mention=True)
    if actor.id is None:  # a new actor: its id for the claim; other writes wait for a query
        session.flush()
    return actor


def other_kind(actor: Actor, name: str, person: bool, text: str = "") -> Actor | None:
    """What a speaker of NAME (a PERSON's or not) found as ACTOR, of the other kind, is
    filed under: never under another's alias (an organisation's name is no person's alias,
    nor the reverse); a person's name alone joins no body of that name ("Roe" said, where
    a "Roe" was once taken for a government: the person "Roe" may be, looked up as one),
    unless it is a first name and a surname ("Ann Roe"), which name a person: the body
    was a misreading and the actor is one (issue 14). A first name is one of the names
    table, or one the article TEXT shows a person's (person_signs: "author Jo Roe", "Mr.
    Roe"). None: look further."""
    if actor.name_key != name_key(name):
        return None
    if not person:
        return actor  # the one actor of that name (keys are unique)
    words = person_form(name).split()
    if len(words) >= 2 and (is_first_name(words[0], None) or person_signs(person_form(name), text)):
        actor.kind = "person"
        return actor
    return None


def the_form(name: str) -> str | None:
    """The key of a body's NAME with a leading "The" when written without one, and the
    reverse ("The Roe Institute" <-> "roe institute"); None when the name without it is one
    word ("The Hill" is a newspaper, "Hill" may be anyone's)."""
    words = name_key(name).split()
    bare = words[1:] if words[:1] == ["the"] else words
    if len(bare) < 2:
        return None
    return " ".join(bare) if bare is not words else " ".join(["the", *words])


def without_the(session: Session, name: str, kind: str) -> Actor | None:
    """The known body (organisation, government or news outlet) named NAME with or without
    a leading "The" ("The Associated Press" and "Associated Press"), for a body's name (of
    KIND), else None: one body, whichever form came first (issue 14). By its name only: an
    alias may be a short form several bodies share (store/resolve.short_forms)."""
    key = the_form(name) if kind in BODY_KINDS else None
    found = find_actor(session, key) if key is not None else None
    named = found is not None and found.name_key == key and found.kind in BODY_KINDS
    return found if named else None


def gender_clash(actor: Actor, gender: str) -> bool:
    """ACTOR's names tell another gender than GENDER."""
    return not compatible(gender, actor_gender(actor))  # type: ignore[arg-type]


def titled_apart(session: Session, name: str, titled: str, said: str) -> Actor | None:
    """The person "Mrs. Roe" is when "Roe" is another's name: the actor of that titled name,
    made if need be; None when neither the name nor the mention has a title."""
    for form in (titled, said):
        words = form.split()
        if len(words) >= 2 and title_gender(words[0]) and person_form(form) == name:
            key = name_key(form)
            found = session.scalar(select(Actor).where(Actor.name_key == key))
            return found or new_actor(session, " ".join(words), "person", title_gender(words[0]))
    return None


# capitalised words before a surname that are no first name ("Judge King", "New York")
NOT_FIRST = (
    NAME_TITLES
    | PERSON_TITLES
    | frozenset(
        "general chief justice king queen prince princess lord lady saint st mount lake fort port "
        "new north south east west great upper lower said says told asked when but and if".split()
    )
)


def named_in_full(text: str, name: str) -> str:
    """The person an organisation's or a description's one-word name is, when its article
    names them in full (in_full); a word ending in "s" ("Democrats" beside "Virginia
    Democrats") only by a slip of spelling (slip_in_full: "Wines" for "Leslie Wimes")."""
    if len(name.split()) == 1 and name.endswith("s"):
        return slip_in_full(text, name, None) or name
    return in_full(text, name)


def in_full(text: str, name: str, gender: str | None = None) -> str:
    """A surname alone (NAME) as its article names the person in full, when it names one
    person of that surname, of a compatible gender ("King" in a text about "Larry King" ->
    "Larry King"); else NAME."""
    if len(name.split()) != 1 or not name[:1].isupper():
        return name
    pattern = rf"\b([A-Z][a-z]+)(?: [A-Z]\.)? {re.escape(name)}\b(?! [A-Z])"
    firsts = {w for m in re.finditer(pattern, text) if is_first_name(w := m.group(1), gender)}
    if len(firsts) == 1:
        return f"{firsts.pop()} {name}"
    return (None if firsts else slip_in_full(text, name, gender)) or name


_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)(?: [A-Z]\.)? ((?:Mc|Mac|O')?[A-Z][a-z]+)\b(?! [A-Z])")


def slip_in_full(text: str, name: str, gender: str | None) -> str | None:
    """The full name a surname written with a slip means ("McLenney" where the article names
    "Tyresha McClenney"): the one person the text names in full whose surname is one letter
    off NAME's (names.near_spelling), when NAME is written no more often than that
    surname; else None. A first word the text also writes in lower case ("After Clarkson
    left" and "after lunch") is no first name."""
    found = {
        (m.group(1), m.group(2))
        for m in _FULL_NAME.finditer(text)
        if near_spelling(m.group(2), name)
        and fold(m.group(1)) not in NOT_FIRST
        and compatible(gender, first_name_gender(m.group(1)))  # type: ignore[arg-type]
        and not re.search(rf"\b{re.escape(m.group(1).lower())}\b", text)  # "After", "after"
    }
    if len(found) != 1:
        return None
    first, last = found.pop()
    times = [len(re.findall(rf"\b{re.escape(w)}\b", text)) for w in (name, last)]
    return f"{first} {last}" if times[0] <= times[1] else None


def name_kind(name: str, kind: str, text: str) -> str:
    """The kind NAME shows in its article TEXT, over the extractor's guess: a company's last
    word ("Dish Network") is no person's; an organisation's or a description's name of two
    to four capitalised words with a middle initial or a "Jr."/"II" ("Vann R. Newkirk II"),
    or that opens with a clear first name when the text shows a person (person_signs:
    "Lester Holt" and "Mr. Holt") or writes the rare surname alone ("Holt's view"; never
    "Wells Fargo" alone), is a person's."""
    words = name.split()
    lower = [fold(w).strip(".,") for w in words]
    if kind == "person" and len(words) >= 2 and lower[-1] in COMPANY_WORDS:
        return kind if titled_person(name) or first_name_gender(words[0]) else "organization"
    if kind not in PERSON_OR_ORG or not 2 <= len(words) <= 4 or COMPANY_WORDS & set(lower):
        return kind
    if not all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words):
        return kind
    suffix = len(words) >= 3 and lower[-1] in SUFFIXES
    core = words[:-1] if suffix else words  # "First M. Last": never "Jo M. Roe Library"
    middle = len(core) == 3 and re.fullmatch(r"[A-Z]\.", core[1]) is not None
    opens = first_name_gender(words[0]) is not None and fold(words[0]) not in NOT_FIRST
    signs = opens and (person_signs(name, text) or alone(words[0], words[-1], text))
    return "person" if signs or middle or suffix else kind


# a person's title before a surname (the title its group 1)
_TITLED = r"\b(Mr|Mrs|Ms|Dr)\.? {0}\b"
# a job or title in lower case right before a name ("author Jo Roe", "former senator Jo Roe")
JOBS_BEFORE = (
    frozenset(w.rstrip(".") for w in TITLE_WORDS) | words("role_nouns") | words("job_nouns")
) - {"the"}  # a title word of a name ("The Rev."), no job before one
_PRONOUN_GENDER = {"He": "m", "She": "f"}


def titles_before(name: str, text: str) -> set[str | None]:
    """The genders of the persons' titles TEXT writes before NAME, one capitalised word
    ("Mr. Roe" -> {"m"}, "Dr. Roe" -> {None}); empty when it writes none (issue 14: "Roe",
    which the NER took for a body, is a person where the text writes "Mr. Roe")."""
    if len(name.split()) != 1 or not name[:1].isupper() or not name.isalpha():
        return set()
    found = re.finditer(_TITLED.format(re.escape(name)), text)
    return {title_gender(m.group(1)) for m in found}


def person_signs(name: str, text: str) -> bool:
    """Signs in TEXT that NAME, of two to four words, is a person's whatever the NER took it
    for: a title before its last word ("Mr. Roe"), "who" after it ("Jo Roe, who ..."), a job
    or title in lower case right before it ("author Jo Roe"), or a "He"/"She" opening the
    next sentence of a gender its first name does not deny ("Jo Roe said so. She ...")."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not text:
        return False
    if re.search(_TITLED.format(re.escape(words[-1])), text):
        return True
    full = re.escape(name)
    if re.search(rf"\b{full},? who\b", text):
        return True
    if any(m.group(1) in JOBS_BEFORE for m in re.finditer(rf"\b([a-z]+)\s+{full}\b", text)):
        return True
    told = first_name_gender(words[0])
    return rare_word(words[-1]) and any(
        compatible(told, _PRONOUN_GENDER[m.group(1)])
        for m in re.finditer(rf"\b{full}\b[^.!?\n]*[.!?]\s+(He|She)\b", text)
    )


# the Zipf frequency in English from which a capitalised word may be a common word's
# ("Club", "Board"): the weak signs of a person (a pronoun, a surname alone) need a rarer one
COMMON_ZIPF = 4.0


def rare_word(word: str) -> bool:
    """WORD is rare in general English ("Shapiro", not "Club" nor "Brown")."""
    return english_frequency(word) < COMMON_ZIPF


# words before a place's name ("in Fargo"), not a surname's
_PLACE_BEFORE = frozenset("in at of from to for on near into outside across around".split())


def alone(first: str, last: str, text: str) -> bool:
    """The article TEXT writes LAST, a surname after the first name FIRST, alone too, as a
    person's surname is written again and a firm's name of two words rarely is: after no
    rare capitalised word (a name's) and no place's preposition ("in Fargo"), before a
    possessive or a word in lower case ("But Roe's point", "Roe has in mind"); LAST a rare
    word (rare_word)."""
    if not rare_word(last):
        return False
    for m in re.finditer(rf"\b{re.escape(last)}(?:['’]s\b| [a-z])", text):
        before = text[max(0, m.start() - 40) : m.start()].split()
        word = before[-1] if before else ""
        if word.lower() in _PLACE_BEFORE or word == first:
            continue
        if not word[:1].isupper() or word[-1:] in '.!?"”' or not rare_word(word):
            return True  # "think Roe's", "said. Roe has", "But Roe's"; not "Dakota Roe"
    return False


def company(text: str, name: str) -> str | None:
    """The company a one-word name is the first word of, when its article names it so
    ("Patriot" where it writes "Patriot Coal"), and only that one; else None."""
    if len(name.split()) != 1 or not name[:1].isupper() or not name.isalpha():
        return None
    pattern = rf"\b{re.escape(name)}((?: [A-Z][A-Za-z&.]*)+)"
    found = {
        f"{name}{m.group(1)}".rstrip(".")
        for m in re.finditer(pattern, text)
        if fold(m.group(1).split()[-1]).strip(".") in COMPANY_WORDS
    }
    return found.pop() if len(found) == 1 else None


_POSSESSIVE = re.compile(r"['\u2019]s$")


def org_name(text: str, name: str) -> str:
    """An organisation's name as the registry keeps it: without the host it is "at" and a
    possessive when its article also writes it without them ("Roe Center at the Urban
    Institute" and "the Roe Center"; "IMF's" and "the IMF"; "McDonald's" stays), its
    abbreviation in one form (names.org_form: "S.E.C." -> "SEC")."""
    head, at, _ = name.partition(" at the ")
    if at and len(head.split()) >= 2 and re.search(rf"\b{re.escape(head)}\b(?! at )", text):
        name = head  # "Roe Center at the Urban Institute" where the text writes "Roe Center"
    bare = _POSSESSIVE.sub("", name)
    if (
        bare != name
        and bare.strip()
        and re.search(rf"(?<!\w){re.escape(bare)}(?!\w|['\u2019]s)", text)
    ):
        name = bare
    return org_form(name)


# a run of capitalised words, with glue words inside it ("Alliance to Reclaim Our Schools")
_GLUE = "|".join(sorted(NAME_GLUE - {"&"})) + "|&"
_RUN = re.compile(rf"[A-Z][\w'\u2019-]*(?:[ \t]+(?:(?:{_GLUE})[ \t]+)*[A-Z][\w'\u2019-]*)+")
_IN_BRACKETS = re.compile(r"\(([A-Z][A-Z.&]{1,9})\)")


def spelled_out(text: str, abbr: str) -> set[str]:
    """The names TEXT writes whose initials are ABBR (names.initials): every stretch of a
    run of capitalised words, a leading "The" or a possessive aside."""
    out = set()
    for m in _RUN.finditer(text):
        words = [_POSSESSIVE.sub("", w) for w in m.group().split()]
        for i in range(len(words)):
            for j in range(i + 3, len(words) + 1):
                part = words[i:j]
                if fold(part[0]) in NAME_GLUE or fold(part[-1]) in NAME_GLUE:
                    continue
                if initials(" ".join(part)) == abbr:
                    out.add(" ".join(part))
    return out


def bracketed(text: str) -> list[tuple[str, str]]:
    """(name, abbreviation) for each "Full Name (ABBR)" TEXT writes: the run of capitalised
    words right before the brackets, a leading "The" aside."""
    pairs = []
    for m in _IN_BRACKETS.finditer(text):
        before = text[max(0, m.start() - 200) : m.start()].rstrip()
        runs = [r for r in _RUN.finditer(before) if r.end() == len(before)]
        if not runs:
            continue
        words = runs[-1].group().split()
        if len(words) > 1 and fold(words[0]) == "the":
            words = words[1:]
        pairs.append((" ".join(words), org_form(m.group(1))))
    return pairs


def abbreviated(session: Session, name: str, text: str) -> Actor | None:
    """The one known organisation NAME is another form of, by its own article: an
    abbreviation of a name the text spells out ("IMF", "International Monetary Fund"), a
    name whose initials the text writes, or either side of a "Full Name (ABBR)" it
    writes; else None. A person is never one."""
    key = name_key(name)
    if (abbr := abbreviation(name)) is not None:
        forms = spelled_out(text, abbr)
    elif (own := initials(name)) is not None and written_as(text, own):
        forms = {own}
    else:
        forms = set()
    for full, short in bracketed(text):
        if key == name_key(short):
            forms.add(full)
        elif key == name_key(full):
            forms.add(short)
    found = {
        a.id: a
        for f in forms
        if (a := find_actor(session, f)) is not None
        and a.kind not in ("person", "unnamed", "group")
    }
    return found.popitem()[1] if len(found) == 1 else None


def written_as(text: str, abbr: str) -> bool:
    """TEXT writes the abbreviation ABBR, with dots or without ("SEC", "S.E.C.")."""
    return re.search(r"(?<![\w.])" + r"\.?".join(abbr) + r"\b", text) is not None


def is_first_name(word: str, gender: str | None) -> bool:
    """WORD is a first name (a clearly gendered one, or one of the nickname table) that a
    person of GENDER may bear."""
    if fold(word) in NOT_FIRST:
        return False
    told = first_name_gender(word)
    return (told is not None or bool(first_name_variants(word))) and compatible(gender, told)  # type: ignore[arg-type]


def told_gender(name: str, said: str) -> str | None:
    """The gender a person's title tells, in the name or the mention ("Mrs. Roe")."""
    return title_gender(name.split()[0]) or (title_gender(said.split()[0]) if said else None)


def new_actor(session: Session, name: str, kind: str, gender: str | None) -> Actor:
    """A new actor; a person known by a full name gets their surname as an alias and takes
    over an actor stored under that surname alone (absorb_surname)."""
    actor = Actor(name=name, name_key=name_key(name), kind=kind)
    session.add(actor)
    if kind == "person" and (last := surname(name)) is not None:
        add_alias(actor, last)
        session.flush()
        absorb_surname(session, actor, gender or actor_gender(actor))
    return actor


# ---- documents --------------------------------------------------------------------------


def store_document(
    session: Session,
    doc: Document,
    claims: Sequence[FoundClaim],
    topics: Sequence[TopicDef],
    digest: str | None = None,
    *,
    fetched_url: str | None = None,
    language: str | None = None,
    prepared: Prepared | None = None,
) -> Source:
    """Insert the source and its claims (with actors and topics) in the caller's transaction.

    A claim given twice (same content and cue offsets) is stored once: count what was
    stored, not CLAIMS. FETCHED_URL is where a web page came from (after redirects),
    LANGUAGE the code told from its text. PREPARED: what ``prepare`` makes of CLAIMS, when
    worked out already (in a worker process); else it is worked out here."""
    if prepared is None:
        prepared = prepare_to_store(doc.text, doc.title, claims, topics)
    appearances.known_keys(prepared.keys)
    source = Source(
        content_hash=digest or content_hash(doc.text),
        path=doc.path,
        title=doc.title,
        outlet=doc.outlet,
        author=doc.author,
        url=doc.url,
        fetched_url=fetched_url,
        language=language,
        published_on=doc.published,
        text=doc.text,
        word_count=len(doc.text.split()),
    )
    session.add(source)
    session.flush()
    topic_ids = {slug: i for slug, i in session.execute(select(Topic.slug, Topic.id))}
    rows: list[Claim] = []
    session.info[ABSORBED] = {}  # for the whole document: its rows are not in the session yet
    try:
        with remembered(session):  # the registry's answers, asked once a document
            writer = filed_names(doc.text, [], doc.author)
            registry_view(session, prepared.names | speaker_keys(doc.text, [], filed=writer))
            filed = {**prepared.filed, **writer}
            for c, found in zip(prepared.claims, prepared.topics, strict=True):
                rows.append(
                    build_claim(session, source, doc.text, c, topics, topic_ids, found, filed)
                )
    finally:
        gone = session.info.pop(ABSORBED)
    for row in rows:  # a speaker taken over by one resolved after the row was built
        follow_taken_over(row, gone)
    insert_claims(session, rows)  # outside the session until now: Core inserts of them all
    link_alias_claims(session)
    session.expire(source, ["claims"])
    set_sort_days(session, source.id)
    stored = list(
        session.scalars(select(Claim).where(Claim.source_id == source.id).order_by(Claim.id))
    )
    appearances.link_all(session, stored, fresh=True)  # already reported by other sources?
    boilerplate.mark(session, source, stored)  # words its outlet repeats in many articles
    session.flush()
    return source


def insert_claims(session: Session, rows: Sequence[Claim]) -> None:
    """Insert ROWS (built by ``build_claim``, kept out of the session) with their speakers
    and topics: one multi-row insert a table (Core's, with the claims' new ids returned in
    order), not the ORM's unit of work over every claim, speaker and topic object (about a
    fifth of storing a document went to it). Each row learns its id; the rows stay out of the
    session (read the stored claims back to change them). The same rows, in the same order,
    as the ORM's flush would insert."""
    if not rows:
        return
    session.flush()  # the actors and aliases they name first, as one flush of it all would
    table = Claim.__table__
    given = [
        {c.key: row.__dict__[c.key] for c in table.columns if c.key in row.__dict__} for row in rows
    ]
    if len({frozenset(v) for v in given}) != 1:  # build_claim sets the same fields on each
        raise ValueError(
            "claims built with different fields cannot be inserted together: build each "
            "with build_claim"
        )
    # on the session's connection: Core's executemany, not the ORM's bulk insert over it
    # (its per-row work on a table it maps was most of this function's time; issue 16)
    connection = session.connection()
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = connection.scalars(stmt, given).all()
    for row, claim_id in zip(rows, ids, strict=True):
        row.id = claim_id
    speakers = [
        {"claim_id": row.id, "actor_id": link.actor_id, "position": link.position}
        for row in rows
        for link in row.speaker_links
    ]
    topics = [
        {"claim_id": row.id, "topic_id": link.topic_id, "via": link.via}
        for row in rows
        for link in row.topic_links
    ]
    if speakers:
        connection.execute(insert(ClaimSpeaker.__table__), speakers)
    if topics:
        connection.execute(insert(ClaimTopic.__table__), topics)


def how_filed(speaker: Speaker, actor: Actor | None, text: str) -> str | None:
    """How the extractor resolved the speaker, and the registry filed it when under
    another name ("'Denton': Laura Denton, the one known person of that name")."""
    how = speaker.how
    written = speaker_name(speaker, text)
    if actor is not None and written and name_key(actor.name) != name_key(person_form(written)):
        filed = f"'{written}': filed under {actor.name}, the known speaker that name fits"
        how = f"{how}; {filed}" if how else filed
    return how


def date_bounds(said: SaidDate) -> tuple[dt.date | None, dt.date | None, str]:
    """The bounds and origin to store; for a SaidDate made without them (by hand, or by an
    older stage), worked out from on / precision / relation."""
    if said.earliest is not None or said.latest is not None or said.on is None:
        return said.earliest, said.latest, said.via
    earliest, latest = relation_range(said)
    via = said.via
    if via == "none":
        via = "phrase" if said.text else ("publication" if said.relation == "by" else "none")
    return earliest, latest, via


def set_sort_days(session: Session, source_id: int) -> None:
    """Store the date order (store/timeline.py) of the claims of one source, once flushed."""
    session.execute(_sort_days_update(), {"sorted_source": source_id})


@cache
def _sort_days_update() -> Update:
    """The UPDATE of ``set_sort_days``, built once with the source's id as a parameter:
    built for each document, its expression and cache key took about as long as running it
    (issue 16)."""
    claims, sources = Claim.__table__, Source.__table__
    stmt = update(claims).where(claims.c.source_id == bindparam("sorted_source"))
    return stmt.values(**sort_values(claims, sources))


def build_claim(
    session: Session,
    source: Source,
    text: str,
    c: FoundClaim,
    topics: Sequence[TopicDef],
    topic_ids: dict[str, int],
    found: dict[str, str] | None = None,
    filed: Mapping[Speaker, Filed | None] | None = None,
) -> Claim:
    """The row of an extracted claim, its topics FOUND (slug -> via; default: the tagger's
    on this claim alone, see ``document_topics``); FILED: the ``filed_names`` of its
    document's speakers, when worked out already."""
    made: list[ActorAlias] = []
    session.info[ALIASES_MADE] = made
    own = ABSORBED not in session.info  # else the caller follows take-overs for its rows
    if own:
        session.info[ABSORBED] = {}
    try:
        fields = claim_fields(session, text, c, source.published_on, source.author, filed)
        speakers = speaker_ids(session, c, fields["actor_id"], text, filed)  # before the row
    finally:
        del session.info[ALIASES_MADE]
        gone = session.info.pop(ABSORBED) if own else {}  # else the caller follows them
    # by its id, not the relationship: the row stays out of the session (and out of the
    # flushes actor resolution makes) until the caller adds it
    row = Claim(source_id=source.id, status="unreviewed", **fields)
    for i, who in enumerate(speakers):
        row.speaker_links.append(ClaimSpeaker(actor_id=who, position=i))
    follow_taken_over(row, gone)
    # the names this claim gave its speakers learn its id once it is stored
    session.info.setdefault(ALIAS_CLAIMS, []).extend((alias, row) for alias in made)
    if found is None:
        found = found_topics(c, text, topics)
    for slug, via in found.items():
        if slug in topic_ids:
            row.topic_links.append(ClaimTopic(topic_id=topic_ids[slug], via=via))
    return row


def speaker_ids(
    session: Session,
    c: FoundClaim,
    first: int | None,
    text: str,
    filed: Mapping[Speaker, Filed | None] | None = None,
) -> list[int]:
    """Every speaker of an extracted claim, FIRST (the actor its speaker resolved to) first,
    then the others it names ("Senators A and B said"; FILED: see ``resolve_actor``)."""
    ids = [first] if first is not None else []
    for other in c.speaker.others:
        found = resolve_actor(session, Speaker(None, other, "person"), text, filed)
        if found is not None and found.id not in ids:
            ids.append(found.id)
    return ids


def claim_fields(
    session: Session,
    text: str,
    c: FoundClaim,
    published: dt.date | None = None,
    author: str | None = None,
    filed: Mapping[Speaker, Filed | None] | None = None,
) -> dict:
    """The stored fields of an extracted claim (its speaker resolved to an actor; PUBLISHED,
    its source's date, places the roles a description may mean; AUTHOR, its byline, is
    the writer's own "I"; FILED: see ``resolve_actor``)."""
    actor, by_db = resolve_speaker(session, c.speaker, text, published, author, filed)
    relation = c.date.relation
    mention = c.speaker.mention
    earliest, latest, via = date_bounds(c.date)
    return {
        "actor_id": actor.id if actor else None,
        "speaker_mention": mention.text(text) if mention else None,
        "speaker_start": mention.start if mention else None,
        "speaker_end": mention.end if mention else None,
        "cue": c.cue.text(text),
        "cue_start": c.cue.start,
        "cue_end": c.cue.end,
        "content": c.content.text(text),
        "content_start": c.content.start,
        "content_end": c.content.end,
        "quote": c.quote,
        "attribution": c.attribution,
        "hedged": c.hedged,
        "said_on": c.date.on if relation == "on" else None,
        "date_anchor": c.date.on if relation in ("before", "by") else None,
        "date_precision": c.date.precision if relation == "on" else "none",
        "date_relation": relation,
        "date_text": c.date.text,
        "said_earliest": earliest,
        "said_latest": latest,
        "date_via": via,
        "date_phrase_start": c.date.phrase_start,
        "sentence": c.sentence.text(text),
        "sentence_start": c.sentence.start,
        "sentence_end": c.sentence.end,
        "heading": c.heading,
        "confidence": round(float(c.confidence), 3),
        "found_by": c.found_by,
        "speaker_how": by_db or how_filed(c.speaker, actor, text),
        "speaker_role": c.speaker.role,
    }
