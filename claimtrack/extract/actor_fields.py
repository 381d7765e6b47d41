"""An actor's fields as a fact-checker would accept them (issue 14), the last look at a resolved
speaker before it is stored. Plain strings in, plain strings out:

- **name**: without a separator kept before it ("| Lawmakers" -> "Lawmakers"), and a name
  written twice with no space between, as page widgets glue them ("Jane DoeJane DoeSmith"),
  cut where it starts again ("Jane Doe").
- **role** of a person: a role or job, or nothing. Its head (the last word before "of", "at",
  ...: "director" of "director of research at the bank") is a title or job word of the
  extractor's lists, or an agent noun ("-er", "-or", "-ist", ...); a word of the sentence
  ("merged"), a broken piece of a name ("Monica de") or a noun phrase whose head is no role
  ("surveillance authority extension") is dropped. A firm written after the role whose comma
  was lost ("president of Firm a design agency") is cut after the firm.
- **kind**: a body (organisation, government, media) whose "name" starts with a common noun
  ("company", "group of scientists") is no named body: it stays a description on the claim,
  an unnamed speaker. A "person" whose name is a publication's ("Corvale Falls Leader") is
  media; one whose one-word name is a site's, a firm's or a product's by the article's signs
  ("via Tallyhub", "Brindle says its ..."), or whose name holds a model number ("Vantor
  3X"), is an organisation (``as_thing``, over the whole article's text and people).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from claimtrack.extract.roles import PERSON_ROLES, written
from claimtrack.extract.speakers import PAPER_NAMES, PERSON_JOBS, TITLE_WORDS, ResolvedActor
from claimtrack.extract.types import Speaker
from claimtrack.extract.wordlists import words
from claimtrack.names import is_first_name

_LEADING = re.compile(r"^[\s|•·:;,/\\>»\-\u2013\u2014]+")
# a lower-case letter (or a name's final period) with a capital right after it: where a
# second copy of a name may start
_JUNCTION = re.compile(r"(?<=[a-z.])(?=[A-Z])")
_PREPOSITION = re.compile(
    r"\s(?:of|at|for|in|with|to|on|from|behind|within|about|over|under|since)\s", re.I
)
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


def role_head(role: str) -> str:
    """The word a role is a role by: the last word before its first preposition and before
    a participle after it, in lower case, without a possessive or a period ("chief executive
    of the bank" -> "executive", "aide teaching at a college" -> "aide")."""
    before = _PREPOSITION.split(f" {role} ", maxsplit=1)[0].split()
    while len(before) > 1 and before[-1].lower().endswith("ing"):
        before.pop()
    if not before:
        return ""
    word = re.sub(r"['’]s$", "", before[-1]).strip(".,;:()").lower()
    return word


def is_role(role: str) -> bool:
    """ROLE's head is a title, a job or an agent noun."""
    head = role_head(role).removesuffix("-elect")  # "president-elect" is a president's role
    if not head.replace("-", "").isalpha():
        return False
    return head in ROLE_WORDS or bool(_AGENT.search(head))


def clean_role(role: str | None) -> str | None:
    """ROLE of a person, if it is one: a lost comma's firm description cut, else None."""
    if not role:
        return role
    role = _LOST_COMMA.sub(r"\1", role).strip(" ,;:")
    return role if role and is_role(role) else None


def names_no_one(name: str) -> bool:
    """NAME starts with a common noun, not a name ("company", "group of scientists")."""
    first = name.split()[0] if name.split() else ""
    return first.isalpha() and first.islower()


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
    if kind in BODY_KINDS and names_no_one(name):
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
    "times journal gazette tribune intelligencer telegraph ledger bulletin".split()
)
WEAK_PUBLICATION_WORDS = frozenset(
    "post leader herald register record review monitor mirror standard reporter".split()
)
# a word before a name that no person's name takes: "via Seller", "on Site.", "the Paper,"
_THING_BEFORE = (
    r"(?:\bvia\s+{0}\b|\b(?:[Oo]n|the)\s+{0}(?=\s*@|[,.;:)]|\s+(?:said|says|reported)\b))"
)
# a job at a firm: "an analyst at Firm,"
_JOB_AT = r"\b([a-z]+)\s+at\s+{0}(?=[,.;:)])"
# a name shaped as no person's is: a capital inside after three small letters ("SiteLeaks",
# not "McKinley" or "DeSoto") or after two capitals ("ABCentral"), a digit, all capitals
_BRAND_SHAPE = re.compile(r"[A-Z][a-z]{3,}[A-Z]|[A-Z]{2}[a-z]|\d|^[A-Z]{4,}$")
# a company noun just before a name ("a new company, Brindle"), as a pattern's alternatives
_COMPANY_NOUNS = "|".join(sorted(words("company_nouns")))
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


def one_word_thing(name: str, text: str, people: Iterable[str]) -> bool:
    """A one-word person's "name" that is a site's, a firm's or a product's: no first name,
    no word of a person's full name in the article, and a sign in the article that it is a
    thing: a shape no name has, "via", "on" or "the" before it, a job at it ("an analyst at
    Brindle,"), a company noun just before it ("a new company, Brindle"), or "its" after it
    in its sentence with no "his" or "her"."""
    if len(name.split()) != 1 or not name[:1].isupper() or is_first_name(name):
        return False
    folded = name.lower()
    if any(folded in (w.lower() for w in p.split()) for p in people if len(p.split()) >= 2):
        return False
    if _BRAND_SHAPE.search(name):
        return True
    word = re.escape(name)
    if re.search(_THING_BEFORE.format(word), text):
        return True
    if any(is_role(m[1]) for m in re.finditer(_JOB_AT.format(word), text)):
        return True
    if re.search(rf"\b(?:{_COMPANY_NOUNS}),?\s+{word}\b", text, re.I):
        return True
    for m in re.finditer(rf"\b{word}\b", text):
        rest = re.split(r"(?<=[.!?])\s", text[m.end() : m.end() + 300], maxsplit=1)[0]
        owners = {w.lower() for w in re.findall(r"\b(?:its|his|her)\b", rest, re.I)}
        if "its" in owners and not owners & {"his", "her"}:
            return True
    return False


def as_thing(speaker: Speaker, text: str, people: Iterable[str]) -> Speaker:
    """SPEAKER, a person, as a body when the "person" is a publication (media), or a site's,
    firm's or product's one-word name or a product's with a model number in it ("Vantor 3X")
    (an organisation); else as it was."""
    if speaker.kind != "person" or not speaker.name:
        return speaker
    if publication(speaker.name) or speaker.name.lower() in PUBLICATION_WORDS:
        kind = "media"
    elif one_word_thing(speaker.name, text, people) or _MODEL.search(speaker.name):
        kind = "organization"
    else:
        return speaker
    return dataclasses.replace(speaker, kind=kind, role=None, gender=None)
