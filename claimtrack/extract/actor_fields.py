"""An actor's fields as a fact-checker would accept them (issue 14), the last look at a resolved
speaker before it is stored. Plain strings in, plain strings out:

- **name**: without a separator kept before it ("| Lawmakers" -> "Lawmakers"), and a name
  written twice with no space between, as page widgets glue them ("Jane DoeJane DoeSmith"),
  cut where it starts again ("Jane Doe").
- **role** of a person: a role or job, or nothing. Its head (the last word before "of", "at",
  ...: "director" of "director of research at the bank") is a title or job word of the
  extractor's lists, or an agent noun ("-er", "-or", "-ist", ...); a word of the sentence
  ("merged"), a broken piece of a name ("Monica de") or a noun phrase whose head is no role
  ("surveillance authority extension") is dropped; of a stack of descriptions ("Republican
  and Ohioan") the parts that are roles are kept. A firm written after the role whose comma
  was lost ("president of Firm a design agency") is cut after the firm.
- **kind**: a body (organisation, government, media) whose "name" starts with a common noun
  ("company", "group of scientists") or ends in a person's job ("NBC reporter", "Many
  reporters") is no named body: it stays a description on the claim, an unnamed speaker. A "person" whose name is a publication's ("Corvale Falls Leader") is
  media; one whose one-word name is a site's, a firm's or a product's by the article's signs
  ("via Tallyhub", "Brindle says its ..."), or whose name holds a model number ("Vantor
  3X"), is an organisation (``as_thing``, over the whole article's text and people).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping

from claimtrack.extract.roles import PERSON_ROLES, role_head, written
from claimtrack.extract.speakers import (
    COURTESY_TITLES,
    HONORIFICS,
    MONTHS,
    ORG_WORDS,
    PAPER_NAMES,
    PERSON_JOBS,
    TITLE_WORDS,
    ResolvedActor,
)
from claimtrack.extract.types import ActorKind, Speaker
from claimtrack.extract.wordlists import words
from claimtrack.names import is_first_name

_LEADING = re.compile(r"^[\s|•·:;,/\\>»\-\u2013\u2014]+")
# a lower-case letter (or a name's final period) with a capital right after it: where a
# second copy of a name may start
_JUNCTION = re.compile(r"(?<=[a-z.])(?=[A-Z])")
# an agent noun: one who does something ("planner", "director", "biochemist", "trustee")
_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|ess|man|woman|person)s?$")
# "president of Firm a design agency": the comma before "a" was lost
_LOST_COMMA = re.compile(r"\b([A-Z][\w.&'’-]*)\s+(?:a|an)\s+\S.*$")
BODY_KINDS = frozenset({"organization", "government", "media"})
ROLE_WORDS = frozenset(
    w.rstrip(".") for w in TITLE_WORDS | PERSON_JOBS | PERSON_ROLES | words("role_nouns")
)


def clean_name(name: str) -> str:
    """NAME without a separator before it and without a glued second copy of itself."""
    name = _LEADING.sub("", name).strip()
    words = name.split()
    firsts = [w for w in words if w[:1].isupper() and w.rstrip(".").lower() not in ROLE_WORDS]
    if len(words) < 2 or not firsts:
        return name
    first = firsts[0]
    for m in _JUNCTION.finditer(name):
        if m.start() > name.find(first) and name.startswith(first, m.start()):
            return name[: m.start()].strip()
    return name


def is_role(role: str) -> bool:
    """ROLE's head is a title, a job or an agent noun."""
    head = role_head(role).removesuffix("-elect")  # "president-elect" is a president's role
    if not head.replace("-", "").isalpha():
        return False
    return head in ROLE_WORDS or bool(_AGENT.search(head))


def clean_role(role: str | None) -> str | None:
    """ROLE of a person, if it is one: a lost comma's firm description cut, a possessive
    pronoun before a job cut (``unowned``), else None; a tie to someone ("his wife") or a
    form of address alone ("Mrs.") is none."""
    if not role:
        return role
    role = unowned(_LOST_COMMA.sub(r"\1", role).strip(" ,;:"))
    if not role or role.lower() in COURTESY_TITLES:
        return None
    return role if is_role(role) else stacked_roles(role)


# where a stack of descriptions ("author and former teacher") parts
_STACK = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


# a party member's noun, a role in a stack ("Republican and Ohioan")
_PARTY_MEMBERS = frozenset("republican democrat independent libertarian".split())


def stacked_roles(role: str) -> str | None:
    """The parts of a stack of descriptions ROLE ("Former House speaker and Ohioan") that
    are roles (is_role) or a party's member ("Republican"), joined as written ("Former House
    speaker"); None when none is or ROLE is no stack."""
    parts = [p for p in _STACK.split(role) if p]
    if len(parts) < 2:
        return None
    kept = [p for p in parts if is_role(p) or p.split()[-1].lower() in _PARTY_MEMBERS]
    return " and ".join(kept) if kept else None


def unowned(role: str) -> str | None:
    """ROLE without the possessive pronoun it starts with ("its chief executive" -> "chief
    executive"); None when its head is a tie between people (``tie_nouns``: "his wife", "her
    colleague"), whose other end only the article knows."""
    parts = role.split()
    if len(parts) < 2 or parts[0].lower() not in _OWNED:
        return role
    if role_head(role) in words("tie_nouns"):
        return None
    return " ".join(parts[1:])


# the longest role taken from elsewhere in the article, and words that make it someone
# else's ("my parents", "his adviser": whose, the sentence tells, not the role)
ELSEWHERE_MAX_WORDS = 6
_OWNED = frozenset("my his her their our its your".split())
# heads no role taken from elsewhere may have: title words that are a body's or a place's
# name alone ("House" of "House Speaker Jo Roe"), and ties to someone the sentence names
# ("rival", "wife": whose, it alone tells)
_BODY_TITLES = frozenset(
    """
    house state senate congress city county white rival rivals opponent ally friend
    counterpart partner wife husband son daughter mother father brother sister
    """.split()
)


def role_written_elsewhere(roles: list[str]) -> str | None:
    """The first of the ROLES an article writes for a person elsewhere than at a claim
    ("led by microbiologist Jo Roe") that is a clean role (clean_role) of at most
    ELSEWHERE_MAX_WORDS words and no one's ("his adviser"); None when none is."""
    for role in roles:
        raw = (written(role) or "").split()
        owned = bool(raw) and raw[0].lower() in _OWNED  # "his adviser": whose, not a role
        role = clean_role(written(role))
        words = role.split() if role else []
        if not words or len(words) > ELSEWHERE_MAX_WORDS or owned:
            continue
        head = role_head(role)
        alone = len(words) == 1 and head not in ROLE_WORDS
        if head in _BODY_TITLES or alone and (head.endswith("s") or not _AGENT.search(head)):
            continue  # "House"; "events", a plural with an agent noun's ending
        return role
    return None


def names_no_one(name: str) -> bool:
    """NAME starts with a common noun, not a name ("company", "group of scientists"), or is
    a month's name before a common noun ("April survey", "June poll", "July interview with
    a network")."""
    words = name.split()
    first = words[0] if words else ""
    if first.lower() in MONTHS and len(words) >= 2 and words[1].islower():
        return True
    return first.isalpha() and first.islower()


# people a description of journalists names beyond the extractor's job words
_PRESS_PEOPLE = frozenset({"interviewer", "anchor", "commentator"})


def describes_people(name: str) -> bool:
    """NAME of a body is a description of people by its last word, a person's job in lower
    case ("NBC reporter", "Many reporters", "TV interviewer") or a plural job alone
    ("Reporters"); not a name ending in a capitalised job ("Hollywood Reporter")."""
    words = name.split()
    if not words:
        return False
    last = words[-1]
    if not (last.islower() or len(words) == 1 and last.endswith("s")):
        return False
    one = last.lower().removesuffix("s")
    return one in PERSON_JOBS or one in _PRESS_PEOPLE


def vetted(actor: ResolvedActor) -> ResolvedActor:
    """ACTOR with a clean name, its role and affiliation as written (roles.written), a
    person's role only if it is one, and a body named by a common noun alone left unnamed."""
    role, affiliation = written(actor.role), written(actor.affiliation)
    if actor.name is None:
        if (role, affiliation) == (actor.role, actor.affiliation):
            return actor
        return dataclasses.replace(actor, role=role, affiliation=affiliation)
    name = clean_name(actor.name) or actor.name
    kind = actor.kind
    if kind in BODY_KINDS and (names_no_one(name) or describes_people(name)):
        kind = "unnamed"
    if kind == "person":
        role = clean_role(role)
    if (name, kind, role, affiliation) == (actor.name, actor.kind, actor.role, actor.affiliation):
        return actor
    forms = [clean_name(f) or f for f in actor.forms]
    return ResolvedActor(name, kind, role, affiliation, forms, actor.gender)


# the last word of a newspaper's or a magazine's name ("Daily Gazette"); the weak ones are
# surnames too ("Emily Post"), and make a publication only after no first name or two words
PUBLICATION_WORDS = PAPER_NAMES | frozenset(
    "times journal gazette tribune intelligencer telegraph ledger bulletin weekly".split()
)
WEAK_PUBLICATION_WORDS = frozenset(
    "post leader herald register record review monitor mirror standard reporter beacon".split()
)
# a word before a name that no person's name takes: "via Seller", "on Site.", "the Paper,"
_THING_BEFORE = (
    r"(?:\bvia\s+{0}\b|\b(?:[Oo]n|the)\s+{0}(?=\s*@|[,.;:)]|\s+(?:said|says|reported)\b))"
)
# a job at a firm: "an analyst at Firm,"
_JOB_AT = r"\b([a-z]+)\s+at\s+{0}(?=[,.;:)])"
# a body's people written right after its name: "a Castleford official", "Dunmore staff"
_ITS_PEOPLE = r"\b{0}\s+(?:officials?|spokes(?:man|woman|person)|executives|employees|staff)\b"
# a name shaped as no person's is: a capital inside after three small letters ("SiteLeaks",
# not "McKinley" or "DeSoto") or after two capitals ("ABCentral"), a digit, all capitals
_BRAND_SHAPE = re.compile(r"[A-Z][a-z]{3,}[A-Z]|[A-Z]{2}[a-z]|\d|^[A-Z]{4,}$")
# a company noun just before a name or before a list it is in ("a new company, Brindle",
# "companies like Brindle", "firms such as Ode and Brindle")
_COMPANY_NOUNS_PL = "|".join(
    sorted(words("company_nouns") | {f"{w}s" for w in words("company_nouns")} | {"companies"})
)
_COMPANY_BEFORE = re.compile(
    rf"\b(?:{_COMPANY_NOUNS_PL}),?\s+(?:(?:like|such\s+as|including)\s+(?:[A-Z][\w&.-]*,?\s+"
    r"(?:and|or)\s+)?)?$",
    re.I,
)
# a model's name inside a product's ("Vantor 3X", "Model K9"): a capital and a digit in a word
_MODEL = re.compile(r"\d[A-Z]|[A-Z][\w-]*\d")


def publication(name: str) -> bool:
    """A person's "name" of two words or more that is a publication's: it ends in a
    publication word ("Corvale Daily Gazette"), or in a weak one after two words or more or
    after no first name ("Ashby Falls Leader", "Corvale Herald")."""
    parts = name.split()
    if len(parts) < 2:
        return False
    last = parts[-1].lower()
    weak = last in WEAK_PUBLICATION_WORDS and (len(parts) >= 3 or not is_first_name(parts[0]))
    return last in PUBLICATION_WORDS or weak


def full_name_words(people: Iterable[str]) -> frozenset[str]:
    """The words, folded, of the full names (two words or more) among PEOPLE."""
    return frozenset(w.lower() for p in people if len(p.split()) >= 2 for w in p.split())


def one_word_thing(name: str, text: str, people: Iterable[str]) -> bool:
    """A one-word person's "name" that is a site's, a firm's or a product's: no first name,
    no word of a person's full name in the article, and a sign in the article that it is a
    thing: a shape no name has, "via", "on" or "the" before it, a job at it ("an analyst at
    Brindle,"), a company noun just before it ("a new company, Brindle"), or "its" after it
    in its sentence with no "his" or "her"."""
    return _one_word_thing(name, text, full_name_words(people))


def _one_word_thing(name: str, text: str, full_words: frozenset[str]) -> bool:
    if len(name.split()) != 1 or not name[:1].isupper() or is_first_name(name):
        return False
    if name.lower() in full_words:
        return False
    if _BRAND_SHAPE.search(name):
        return True
    word = re.escape(name)
    if re.search(_THING_BEFORE.format(word), text):
        return True
    if any(is_role(m[1]) for m in re.finditer(_JOB_AT.format(word), text)):
        return True
    if re.search(_ITS_PEOPLE.format(word), text):
        return True  # "a Castleford official": the people of a body
    starts = [m.start() for m in re.finditer(rf"\b{word}\b", text)]
    if any(_COMPANY_BEFORE.search(text, max(0, i - 80), i) for i in starts):
        return True
    if starts and all(re.search(r"\bthe\s$", text[max(0, i - 5) : i], re.I) for i in starts):
        return True  # always "the Name": no person's name
    return owns_as_a_thing(name, text)


def owns_as_a_thing(name: str, text: str) -> bool:
    """NAME is followed by "its" in a sentence of TEXT, with no "his" or "her" ("Brindle says
    its phone is ready")."""
    for m in re.finditer(rf"\b{re.escape(name)}\b", text):
        rest = re.split(r"(?<=[.!?])\s", text[m.end() : m.end() + 300], maxsplit=1)[0]
        owners = {w.lower() for w in re.findall(r"\b(?:its|his|her)\b", rest, re.I)}
        if "its" in owners and not owners & {"his", "her"}:
            return True
    return False


# the words after an outlet's own name that name a section, an edition or a medium of it:
# "Harbour News" and "Harbour Online" are Harbour's
OUTLET_PARTS = frozenset(
    """news online digital media magazine mag daily weekly tv radio network networks group
    sport sports tech technology business finance money politics world international uk us
    usa india australia canada africa asia europe today live""".split()
)
# what parts a site's name from a description after it: "Harbour | the islands' news"
_OUTLET_SEPARATOR = re.compile(r"\s+[|\-\u2013\u2014:]\s+")
_DOMAIN = re.compile(r"^(?:www\.)?([a-z0-9-]+)\.(?:[a-z]{2,6})(?:\.[a-z]{2})?$")


def folded_name(name: str) -> str:
    """NAME in lower case, its words joined by one space, without a leading "the"."""
    return re.sub(r"^the\s+", "", " ".join(name.lower().split()))


def outlet_names(outlet: str | None) -> frozenset[str]:
    """The folded names (``folded_name``) a document's OUTLET goes by: its own ("The Harbour
    News"), its domain's ("harbour.com" -> "harbour") and its parent's, the name before the
    words of a section, edition or medium ("Harbour News", "Harbour Online UK" -> "harbour")."""
    if not outlet or not outlet.strip():
        return frozenset()
    first, *rest = _OUTLET_SEPARATOR.split(outlet, maxsplit=1)
    if rest and first.strip():  # "Harbour | the islands' news site": Harbour's
        return frozenset({folded_name(outlet)}) | outlet_names(first)
    own = folded_name(outlet)
    names = {own}
    if m := _DOMAIN.match(own):
        return frozenset({own, m[1]})
    words = own.split()
    while len(words) > 1 and words[-1] in OUTLET_PARTS:
        words.pop()
        names.add(" ".join(words))
    return frozenset(n for n in names if n)


def thing_kinds(
    names: Iterable[str], text: str, people: Iterable[str], outlet: str | None = None
) -> dict[str, ActorKind]:
    """Each of NAMES (persons' names in the document TEXT, whose PEOPLE are the names the
    parser read as persons') that is no person's, with its kind: media for the document's
    own OUTLET or its parent (``outlet_names``) unless a person of the article bears the name
    ("Dana Fox" in a page of "Fox News"); media for a publication's name; an organisation
    for a site's, firm's or product's one-word name (``one_word_thing``), a name with a model
    number in it ("Vantor 3X") or a product's (``product``). Decided once per name and
    document, however many claims the name speaks."""
    people = set(people)
    full_words = full_name_words(people)
    own = outlet_names(outlet)
    kinds: dict[str, ActorKind] = {}
    for name in set(names):
        outlet_named = folded_name(name) in own and name.lower() not in full_words
        if outlet_named or publication(name) or name.lower() in PUBLICATION_WORDS:
            kinds[name] = "media"
        elif _one_word_thing(name, text, full_words) or _MODEL.search(name):
            kinds[name] = "organization"
        elif product(name, text, people):
            kinds[name] = "organization"
    return kinds


# a model's or an edition's word that ends a product line's name ("Name Pro", "Name Series")
MODEL_WORDS = frozenset("pro max plus ultra mini lite series edition".split())
# the last word of a body's name ("Harbour Bank", "Tenants United", "Rights Watch")
BODY_HEADS = ORG_WORDS | frozenset(
    "pac caucus united watch alliance academy academies international society".split()
)
# nouns for a product, a service or a network, written right after its name ("the Name app",
# "Name users"), or alone as a "name" ("Earbuds"). Not the nouns a person's name is written
# before as well: "phone" ("the Name phone call"), "platform" (a candidate's), "servers" (a
# politician's e-mail), "subscribers" (a writer's)
PRODUCT_NOUNS = frozenset(
    """app apps smartwatch smartwatches smartphone smartphones tablet tablets laptop laptops
    headphones earphones earbuds browser software console consoles device devices chip chips
    chipset processor router gadget gadgets wearable wearables users""".split()
)
# a person's title just before a name: "Mr. Name", "Sen. Name", "President Name"
PERSON_TITLES = HONORIFICS | frozenset(
    """dr. prof. prof professor president senator governor mayor judge rev. rev reverend sir
    lord lady dame prince princess king queen pope""".split()
)
_TITLE_BEFORE = re.compile(
    r"\b(?:{})\s+$".format(
        "|".join(re.escape(w.capitalize()) for w in sorted(PERSON_TITLES, key=len, reverse=True))
    )
)


def product(name: str, text: str, people: Iterable[str]) -> bool:
    """A person's "name" that is a product's, a service's or a network's: it ends in a model's
    word ("Name Pro") or a body's head word ("Name Bank", "Name Watch"), is a product noun
    itself ("Earbuds") or a heading line of the article, or the article writes a product noun
    right after it ("the Name app", "Name's users"); and nothing of a person's is in it or in
    the article: its first word is no first name, no word of it is a word of the full name of
    another of the article's PEOPLE, no person's title comes before it ("Mr. Name"). ("Its"
    after a name of two words is no sign: "Dana Roe said its ..." is said of another thing
    as often.)"""
    words_ = name.split()
    if not words_ or not name[:1].isupper() or is_first_name(words_[0].strip(".")):
        return False
    if not _thing_sign(name, words_, text):
        return False
    others = full_name_words(p for p in people if p != name)
    if any(w.lower() in others for w in words_):
        return False
    return not any(
        _TITLE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )


def _thing_sign(name: str, words_: list[str], text: str) -> bool:
    last = words_[-1].lower()
    if len(words_) >= 2 and last in MODEL_WORDS or last in BODY_HEADS:
        return True
    if len(words_) == 1 and name.lower() in PRODUCT_NOUNS:
        return True
    named = re.escape(name)
    if len(words_) <= 4 and re.search(rf"(?m)^[ \t]*{named}[ \t]*$", text):
        return True  # a heading line of the page ("Tech Talk")
    after = re.finditer(rf"\b{named}(?:['’]s)?\s+([a-z]+)\b", text)
    return any(m[1] in PRODUCT_NOUNS for m in after)


def as_thing(speaker: Speaker, kinds: Mapping[str, ActorKind]) -> Speaker:
    """SPEAKER, a person, as the body KINDS (``thing_kinds``) files its name under, without a
    person's role and gender; else as it was."""
    kind = kinds.get(speaker.name or "") if speaker.kind == "person" else None
    if kind is None:
        return speaker
    return dataclasses.replace(speaker, kind=kind, role=None, gender=None)


# a people's word made from a country's name: "Varnia" -> "Varnian", "Japan" -> "Japanese"
_DEMONYM_ENDS = ("n", "an", "ian", "ese")


def country_named(name: str, text: str) -> bool:
    """A body's one-word NAME that is a country's by its article TEXT: the article writes
    its people's word, capitalised ("Varnia" and "Varnian", "Ostrel" and "Ostrelian") and
    calls something a country or a nation."""
    if len(name.split()) != 1 or not name[:1].isupper() or not name.isalpha():
        return False
    stems = {name, name[:-1]} if name[-1] in "aeiouy" else {name}
    forms = "|".join(re.escape(s + e) for s in sorted(stems) for e in _DEMONYM_ENDS)
    if not re.search(rf"\b(?:{forms})\b", text):
        return False
    return bool(re.search(r"\b(?:country|nation)(?:['’]s)?\b", text, re.I))
