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
  an unnamed speaker.
"""

from __future__ import annotations

import re

from claimtrack.extract.roles import PERSON_ROLES, written
from claimtrack.extract.speakers import PERSON_JOBS, TITLE_WORDS, ResolvedActor
from claimtrack.extract.wordlists import words

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
    head = role_head(role)
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
    """ACTOR with a clean name, a person's role only if it is one, and a body named by a
    common noun alone left unnamed."""
    if actor.name is None:
        return actor
    name = clean_name(actor.name) or actor.name
    kind, role = actor.kind, actor.role
    if kind in BODY_KINDS and names_no_one(name):
        kind = "unnamed"
    if kind == "person":
        role = clean_role(written(role))
    if (name, kind, role) == (actor.name, actor.kind, actor.role):
        return actor
    forms = [clean_name(f) or f for f in actor.forms]
    return ResolvedActor(name, kind, role, actor.affiliation, forms, actor.gender)
