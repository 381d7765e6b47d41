"""The author a plain text's byline names and its headline, on lines of their own at its top.

A pasted article often keeps its headline and byline: "Harbour board must open its books",
then "By Tomas Brenner", "By TOMAS BRENNER and ILSE VOGT", "Tomas Brenner | Staff writer",
"By Tomas Brenner, Associated Press". When no metadata gives a plain text an author or a title,
these lines give them (readers apply them last, as the dateline: a sidecar, front matter,
manifest or ``--author`` / ``--title`` always wins). The author is stored as HTML ingest stores a
page's: the names alone, several joined by "; " ("Tomas Brenner; Ilse Vogt"), a byline in
capitals in title case; the desk, role or agency after the names is left out. A byline without
"By" needs a role after a separator ("| Staff writer", ", Business Correspondent"): a line
holding only a name may be a caption or a quote's speaker, and a name with an agency alone
may be a headline in title case with its section ("City Council Votes | Local News"). When a comma may part two people
or a person and an agency ("By Tomas Brenner, Ilse Vogt"), both are kept as names, so that no
single author is credited with the text's "I".

The headline is the first line when it is short and ends without a period (a sentence of the
body ends with one), is not the byline or a dateline, and more text follows it.
"""

from __future__ import annotations

import re
from itertools import islice

from claimtrack.names import BYLINE_ROLES, PARTICLES

# how many non-empty lines at the top are searched, how long a byline and a headline may be
TOP_LINES = 6
MAX_BYLINE = 100
MAX_HEADLINE = 160
MAX_HEADLINE_WORDS = 25

# words of a desk, a role or an agency after a byline's names ("Staff writer", "Associated
# Press", "Business Correspondent"); a part of the byline holding one is not a person's name
_AFFILIATION = frozenset(
    """
    writer writers reporter reporters correspondent correspondents columnist columnists
    contributor contributors editor editors staff journalist journalists critic analyst
    bureau chief desk special senior political business science health sports opinion
    press news newswire wire wires service services agency agencies media times post herald
    tribune journal gazette daily weekly magazine review network radio television tv online
    reuters ap afp upi bloomberg associated contributing national international
    """.split()
)
# a name word: capitalised (an initial, a hyphen or an apostrophe inside allowed)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")
_BY = re.compile(r"^\s*by\b\s*:?\s*(?P<rest>.+?)\s*$", re.IGNORECASE)
# a separator before the desk, role or agency: a bar, a slash, a dash or a comma
_SEPARATOR = re.compile(r"\s*(?:\||/|\s[-–—]\s|[–—]|,)\s*")
_AND = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*)\s*", re.IGNORECASE)
_SENTENCE_END = (".", ",", ";", ":")
# a news agency or outlet a byline may give alone ("By The Associated Press", "By Reuters"):
# one of these agencies' names, or a name ending as a wire's or a newsroom's does
_AGENCY_NAMES = frozenset("reuters ap afp upi bloomberg dpa xinhua kyodo efe ansa".split())
_AGENCY_ENDINGS = frozenset("press news newswire wire wires service agency".split())


def byline(text: str) -> str | None:
    """The names a byline near the top of TEXT gives, joined by "; " (see the module),
    else None. A byline without "By" is not the first line (a headline in title case with
    its section after a bar would read as one)."""
    for i, line in enumerate(_top(text)):
        if len(line) <= MAX_BYLINE and (names := byline_names(line, bare=i > 0)):
            return "; ".join(names)
        if len(line) <= MAX_BYLINE and (name := _agency_byline(line)):
            return name
    return None


def agency(part: str) -> str | None:
    """PART as the name of a news agency or an outlet that wrote a text alone ("The
    Associated Press", "REUTERS" -> "Reuters"), else None: one to five capitalised words,
    one an agency's name or the last a wire's or a newsroom's word ("Press", "News")."""
    words = part.strip(" .,").split()
    if not 1 <= len(words) <= 5 or not all(_NAME_WORD.match(w) for w in words):
        return None
    folded = [w.lower().strip(".") for w in words]
    if not (set(folded) & _AGENCY_NAMES or folded[-1] in _AGENCY_ENDINGS):
        return None
    name = " ".join(words)
    return name.title() if name.isupper() and len(name) > 4 else name  # "AFP" stays


def _agency_byline(line: str) -> str | None:
    """The agency a LINE "By The Associated Press" gives as its author (``agency``), else
    None."""
    by = _BY.match(line)
    return agency(by["rest"]) if by else None


def byline_names(line: str, *, bare: bool = True) -> list[str]:
    """The people a byline LINE names ("By Tomas Brenner, Associated Press" -> ["Tomas
    Brenner"]), else [] when the line is no byline. BARE: whether a line without "By" may be
    one ("Tomas Brenner | Staff writer", its names followed by a role)."""
    by = _BY.match(line)
    rest = by.group("rest") if by else line.strip()
    parts = [p for p in _SEPARATOR.split(rest) if p]
    if not parts:
        return []
    names: list[str] = []
    tail: list[str] = []
    for i, part in enumerate(parts):
        if affiliation(part):
            tail = parts[i:]
            break
        people = [p for p in _AND.split(part) if p]
        if not all(person_name(p) for p in people):
            return []
        names.extend(people)
    if not names or (tail and not all(affiliation(p) or person_name(p) for p in tail)):
        return []
    if not by and not (bare and any(w.lower() in BYLINE_ROLES for p in tail for w in p.split())):
        return []  # a bare name is a caption or a speaker, not surely a byline
    return [n.title() if n.isupper() else n for n in names]


def person_name(part: str) -> bool:
    """Whether PART is written as one person's name: two to five words, each capitalised or
    a particle ("van", "de"), none a word of a desk or an agency."""
    words = part.split()
    if not 2 <= len(words) <= 5:
        return False
    if any(w.lower().strip(".") in _AFFILIATION for w in words):
        return False
    return all(_NAME_WORD.match(w) or w.lower() in PARTICLES for w in words) and bool(
        _NAME_WORD.match(words[0])
    )


def affiliation(part: str) -> bool:
    """Whether PART names a desk, a role or an agency ("Staff writer", "Associated Press",
    "AP"): one of its words is such a word."""
    return any(w.lower().strip(".()") in _AFFILIATION for w in part.split())


def headline(text: str) -> str | None:
    """The first line of TEXT when it reads as a headline (see the module), else None."""
    lines = _top(text)
    if len(lines) < 2:
        return None
    first = lines[0]
    if (
        len(first) > MAX_HEADLINE
        or len(first.split()) > MAX_HEADLINE_WORDS
        or first.endswith(_SENTENCE_END)
        or byline_names(first, bare=False)
        or _agency_byline(first) is not None
    ):
        return None
    from claimtrack.io.dateline import dateline  # a date alone is no headline

    return None if dateline(first) else first


def _top(text: str) -> list[str]:
    """The first non-empty lines of TEXT, stripped."""
    return list(islice((s for line in text.splitlines() if (s := line.strip())), TOP_LINES))
