"""Roles as written: the meaningful words of a role ("GOP presidential nominee" ->
{"republican", "presidential", "nominee"}), the role an alias gives a name, whether a
description fits a role, and a definite description's role words. Plain text, no database:
the extractor matches descriptions within an article with these, and store/roles.py across
the database."""

from __future__ import annotations

import re

from claimtrack.names import fold, person_form, surname

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
    "gen": "general",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "ex": "former",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "legislator": "lawmaker",
}
# a role that is a kind of another: a representative or a senator is a lawmaker
KINDS = {"representative": "lawmaker", "senator": "lawmaker"}
# words that make another role of one: "the president" is not the former president, the
# vice president, nor the president's deputy; a description and a role agree on them
QUALIFIERS = frozenset(
    "former late vice deputy assistant acting lieutenant associate interim first".split()
)
# qualifiers of one who holds the role now, which a description of them may leave out:
# "the chair of the party" is its "Interim Chair Jo Roe"
STANDING = frozenset({"acting", "interim"})
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
WORD = re.compile(r"[a-z0-9]+")
RELATIVE = frozenset({"who", "whom", "whose", "which", "that"})
INDEFINITE = frozenset({"a", "an", "one", "another", "some", "any", "each", "every"})


# a US state as a lawmaker's tag writes it ("Sen. Jo Roe (R-S.C.)", "Rep. Al Poe, D-Calif.,"):
# the AP's abbreviation or the postal code, without dots, folded -> the state's name
_STATE_NAMES = """
    alabama:ala,al alaska:ak arizona:ariz,az arkansas:ark,ar california:calif,cal,ca
    colorado:colo,co connecticut:conn,ct delaware:del,de florida:fla,fl georgia:ga
    hawaii:hi idaho:id illinois:ill,il indiana:ind,in iowa:ia kansas:kan,kans,ks
    kentucky:ky louisiana:la maine:me maryland:md massachusetts:mass,ma michigan:mich,mi
    minnesota:minn,mn mississippi:miss,ms missouri:mo montana:mont,mt nebraska:neb,nebr,ne
    nevada:nev,nv new_hampshire:nh new_jersey:nj new_mexico:nm new_york:ny
    north_carolina:nc north_dakota:nd ohio:oh oklahoma:okla,ok oregon:ore,or
    pennsylvania:pa,penn rhode_island:ri south_carolina:sc south_dakota:sd tennessee:tenn,tn
    texas:tex,tx utah:ut vermont:vt virginia:va washington:wash,wa west_virginia:wva,wv
    wisconsin:wis,wisc,wi wyoming:wyo,wy
"""
STATES = {
    key: name.replace("_", " ")
    for entry in _STATE_NAMES.split()
    for name, keys in [entry.split(":")]
    for key in [name, *keys.split(",")]
}
PARTY_LETTERS = {"r": "republican", "d": "democrat", "i": "independent"}
_STATE = r"([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)"
# "(R-S.C.)", "(Vt.)", ", D-Calif.,", ", Republican of Iowa,", " of Texas"
_TAGS = (
    re.compile(r"\s*\(\s*(?:([DRI])\s*[-\u2013]\s*)?" + _STATE + r"\s*\)"),
    re.compile(r"\s*,\s*([DRI])\s*[-\u2013]\s*" + _STATE + r"\s*(?=[,.;)]|$)"),
    re.compile(r"\s*,?\s*(Republican|Democrat|Independent)?\s*(?:of|from)\s+" + _STATE),
)


_SPACED_POSSESSIVE = re.compile(r"(?<=\w) (['’]s\b|\.(?!\w))")
# a word's inner hyphen that the tokenizer split off and the join spaced: "co - author"
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
# a relative clause after a role's noun: "professor of law who has studied the courts",
# "nurse at the clinic where the patients were seen" ("that" is left: "head of that office")
_ROLE_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|where)\s.*$", re.I | re.S)


def written(role: str | None) -> str | None:
    """A role or affiliation as it is written, not as its tokens are joined: a possessive or
    an abbreviation's period on its word ("the agency ’s science office" -> "the agency’s
    science office", "Lt ." -> "Lt."), a word's hyphen inside it ("co - author" ->
    "co-author"), its spaces single, without a relative clause ("the senator who led the
    inquiry" -> "the senator"); None when nothing is left."""
    if not role:
        return role
    role = _SPACED_HYPHEN.sub("-", _SPACED_POSSESSIVE.sub(r"\1", " ".join(role.split())))
    return _ROLE_CLAUSE.sub("", role).strip(" ,;:-") or None


def state_tag(after: str) -> str:
    """The party and state a lawmaker's tag right after their name gives, as role words
    ("(R-S.C.)" -> "Republican of South Carolina", ", Democrat of Vermont" -> "Democrat of
    Vermont"); "" when none does or the place is no US state ("(D-Newport News)")."""
    for pattern in _TAGS:
        m = pattern.match(after)
        if m is None:
            continue
        state = STATES.get(re.sub(r"[.\s]", "", fold(m.group(2))))
        if state is None:
            state = STATES.get(fold(m.group(2)).replace(" ", "_"))
        if state is None:
            continue
        party = fold(m.group(1) or "")
        party = PARTY_LETTERS.get(party, party)  # "R" or "Republican"
        return f"{party.title()} of {state.title()}".strip()
    return ""


# where a role's head ends: "spokesman for the ministry", "chief executive of the bank"
_PREPOSITION = re.compile(
    r"\s(?:of|at|for|in|with|to|on|from|behind|within|about|over|under|since)\s", re.I
)


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


def party_of(mention: str, name: str) -> str | None:
    """The party and state of a lawmaker's tag right after NAME's last word in MENTION
    ("Sen. Ann Holt, R-Ohio, the chairman" -> "Republican of Ohio"), else None (also for a
    state without a party: "Sen. Ann Holt of Ohio")."""
    last = name.split()[-1] if name.split() else ""
    at = mention.rfind(last) if last else -1
    if at < 0:
        return None
    tag = state_tag(mention[at + len(last) :])
    return tag if tag and not tag.startswith("of ") else None  # a state alone is no party


_PARTY_TAG = re.compile(r"\b(?:Republican|Democrat|Independent) of [A-Z][\w ]*$")


def party_written(roles: list[str]) -> str | None:
    """The party and state of the first of ROLES an article writes for a person that ends
    in a lawmaker's tag (written_roles: "Sen., Republican of South Carolina"), else None."""
    return next((m[0] for r in roles if (m := _PARTY_TAG.search(r))), None)


def role_words(text: str) -> frozenset[str]:
    """The meaningful words of a role, folded, with their common variants made one:
    "GOP presidential nominee" -> {"republican", "presidential", "nominee"}."""
    # a role of someone else's is theirs: "the nominee's eldest daughter" is a daughter
    plain = re.split(r"'s\b", fold(text).replace("\u2019", "'"))[-1]
    words = [SYNONYMS.get(w, w) for w in WORD.findall(plain)]
    if words[-1:] == ["justice"] and words[-2:-1] != ["of"]:
        words.append("judge")  # "Supreme Court Justice Jo Roe" is "the judge"; not "of Justice"
    return frozenset(w for w in words if w not in FILLER)


def _name_at(words: list[str], name: list[str]) -> int:
    """Where NAME's words first stand in WORDS, else -1."""
    n = len(name)
    for i in range(len(words) - n + 1):
        if words[i : i + n] == name:
            return i
    return -1


def alias_roles(alias: str, name: str, tags: bool = True) -> frozenset[str]:
    """The role words an alias gives the person NAME: those written right before their
    name or surname ("Indiana Gov. Mike Pence" -> {"indiana", "governor"}), the party and
    state of a tag after it ("(R-S.C.)"; unless not TAGS), or in apposition after it ("Clinton, the former secretary of state" -> {"former",
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
    tail = ("," if raw[at + size - 1].endswith(",") else "") + " " + after
    tag = state_tag(tail) if tags else ""
    return role_words(before) | role_words(appos) | role_words(tag)


def role_parts(description: str) -> list[frozenset[str]]:
    """A description's roles: "former secretary of state and current nominee" has two."""
    return [w for p in re.split(r"\band\b", fold(description)) if (w := role_words(p))]


# the last words of an organisation's name that its initials may stand for
ORG_ENDS = frozenset(
    """
    committee commission council bureau agency department administration association party
    union organization foundation institute office service board investigation
    """.split()
)
# a name written out in capitalised words, "of" or "for" within it ("Bureau of Harbours")
_SPELT = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|for|on)\s+(?:the\s+)?)?[A-Z][a-z]+)+")


def _initials(name: str) -> str | None:
    """An organisation's name's initials ("Democratic National Committee" -> "dnc"), else
    None (a name of no organisation: "New York")."""
    words = name.split()
    if fold(words[-1]) not in ORG_ENDS:
        return None
    return "".join(w[0] for w in words if w[0].isupper()).lower()


def initials(text: str) -> frozenset[str]:
    """The abbreviations of the organisations a role spells out: "chairman of the
    Democratic National Committee" -> {"dnc"}."""
    return frozenset(i for m in _SPELT.finditer(text) if (i := _initials(m.group())))


def abbreviated(text: str) -> str:
    """TEXT with the organisations it spells out abbreviated: "A former Democratic National
    Committee chairman" -> "A former dnc chairman"."""
    return _SPELT.sub(lambda m: _initials(m.group()) or m.group(), text)


def fits(description: str, roles: list[frozenset[str]]) -> bool:
    """Every role of DESCRIPTION is within one role the person was given, with the same
    qualifiers ("the president" is not "the former president" nor "the vice president"),
    but for one that says they hold it now ("the chair" is "Interim Chair Jo Roe"); a
    role is of its kind too ("the lawmaker" is "Rep. Jo Roe"), and an organisation the
    description spells out may be abbreviated in the role ("DNC chairman")."""
    kinds = [r | {KINDS[w] for w in r if w in KINDS} for r in roles]
    short = abbreviated(description)  # "Democratic National Committee" is "DNC"
    return any(
        bool(parts)
        and all(
            any(p <= r and p & QUALIFIERS == r & QUALIFIERS - (STANDING - p) for r in kinds)
            for p in parts
        )
        for parts in {tuple(role_parts(description)), tuple(role_parts(short))}
    )


# the people of a person's own staff: "Jo Roe and his aides" speak as Jo Roe
ENTOURAGE = frozenset("aides advisers advisors allies staff staffers surrogates team".split())
_WITH_OWN = re.compile(rf"\s+and\s+(?:his|her)\s+(?:{'|'.join(sorted(ENTOURAGE))})$", re.I)
RELATIVE = frozenset({"who", "which", "that"})


def described(mention: str, name: str | None = None, before: str = "") -> str | None:
    """The role words of the definite description a speaker's MENTION is (definite), a
    person's own people after it aside ("The nominee and his aides" -> "nominee"); for a
    relative pronoun ("who") resolved to a description NAME ("nominee"), NAME's when the
    text BEFORE the pronoun wrote it definite in its sentence ("the nominee for president,
    who"; never "a nominee, who")."""
    said = " ".join(mention.split())
    if fold(said) not in RELATIVE:
        return definite(_WITH_OWN.sub("", said))
    if not name:
        return None
    written = rf"\b(?:the|this)\s+{re.escape(name)}\b[^.;!?]*$"
    return definite(f"the {name}") if re.search(written, before, re.I) else None


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
