"""Normalised text for names and words, so "Ushakov", "USHAKOV" and "Ušakov" meet."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Literal

Gender = Literal["f", "m"]
# First names of clear gender come from the nomquamgender package (MIT; Van Buskirk, Clauset
# and Larremore), installed with claimtrack: names seen at least FIRST_NAME_MIN_COUNT times and
# gendered one way at least 1 - FIRST_NAME_CLEAR of the time.
FIRST_NAME_MIN_COUNT = 1000
FIRST_NAME_CLEAR = 0.1
# A rarer name ("Barack", "Megyn": a few hundred uses) tells a gender too when its share is
# clear beyond doubt: the lower end of the 95% Wilson interval of its one gender's share at
# least 1 - FIRST_NAME_CLEAR (30 uses all of one gender are not enough: 0.89; 50 are), and
# it is seen in at least RARE_NAME_SOURCES of the package's sources (one source's quirk,
# "Actress" or "Sweden" as a first name, is no name). Such a name tells only the gender of a
# person's name it opens; it does not make a word a first name (``is_first_name``).
RARE_NAME_SOURCES = 3
# A common name gendered one way less often than 1 - FIRST_NAME_SOFT ("Lindsey", 0.90 female,
# is a man's name too) tells its gender softly: a pronoun of the other gender may still be
# that person's when nobody else fits it (see ``soft_first_name``).
FIRST_NAME_SOFT = 0.03
WILSON_Z = 1.96
# titles that tell a person's gender ("Mrs. Clinton" is not "Mr. Clinton")
TITLE_GENDER: dict[str, Gender] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "madam": "f",
    "congressman": "m", "congresswoman": "f", "chairman": "m", "chairwoman": "f",
    "spokesman": "m", "spokeswoman": "f", "king": "m", "queen": "f",
}  # fmt: skip
PRONOUN_GENDER: dict[str, Gender] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip

_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
# a page's markup left in its text ('datetime="2016', 'href=', '<b>'): no name holds these
MARKUP = re.compile(r"[<>=]")


# A mention that is only one of these names nobody: it is resolved, or left unnamed.
PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "he him his himself she her hers herself it its itself they them their theirs themselves "
    "one".split()
)


REFLEXIVES = frozenset("myself yourself himself herself itself ourselves themselves".split())
# A mention that is only one of these points at a noun written elsewhere ("an ad that
# accuses", "That worries them"): it names nobody. "WHO", in capitals, is a body's name.
POINTERS = frozenset("who whom whose which that this these those".split())


def names_nobody(mention: str) -> bool:
    """Whether a mention is only a pronoun, relative or demonstrative word, an emphatic
    "herself" after it or not: no actor's name ("she", "She herself", "that", "Which"; not
    "WHO")."""
    words = name_key(mention).split()
    if len(words) == 2 and words[1] in REFLEXIVES:
        words = words[:1]
    key = " ".join(words)
    return key in PRONOUNS or key in POINTERS and not mention.strip().isupper()


def fold(text: str) -> str:
    """TEXT without accents and case: "Ušakov" -> "usakov"."""
    if text.isascii():  # NFKD leaves ASCII as it is, and it has no accents to drop
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> str:
    """Case-, accent- and space-insensitive key; edge punctuation dropped."""
    plain = fold(name).replace("\u2019", "'")
    return _EDGE.sub("", _SPACE.sub(" ", plain).strip())


def common_first_names(data: dict[str, list]) -> dict[str, str]:
    """Name -> "f", "m", or "" (either) for each common, plain-letter first name of
    nomquamgender's table (name -> [_, count, p(female), ...])."""
    out: dict[str, str] = {}
    for name, (_, count, p_female, *_) in data.items():
        if count < FIRST_NAME_MIN_COUNT or not (name.isascii() and name.isalpha()):
            continue
        clear = p_female <= FIRST_NAME_CLEAR or p_female >= 1 - FIRST_NAME_CLEAR
        out[name] = ("f" if p_female >= 0.5 else "m") if clear else ""
    return out


def wilson_low(share: float, count: int, z: float = WILSON_Z) -> float:
    """The lower end of the Wilson score interval of a SHARE seen over COUNT uses."""
    if count <= 0:
        return 0.0
    centre = share + z * z / (2 * count)
    spread = z * (share * (1 - share) / count + z * z / (4 * count * count)) ** 0.5
    return (centre - spread) / (1 + z * z / count)


def rare_first_names(data: dict[str, list]) -> dict[str, str]:
    """Name -> "f" or "m" for each plain-letter first name of nomquamgender's table too rare
    for ``common_first_names`` whose gender is clear beyond doubt (see RARE_NAME_SOURCES)."""
    out: dict[str, str] = {}
    for name, (sources, count, p_female, *_) in data.items():
        if count >= FIRST_NAME_MIN_COUNT or not (name.isascii() and name.isalpha()):
            continue
        if sources < RARE_NAME_SOURCES:
            continue
        if wilson_low(max(p_female, 1 - p_female), count) >= 1 - FIRST_NAME_CLEAR:
            out[name] = "f" if p_female >= 0.5 else "m"
    return out


def soft_first_names(data: dict[str, list]) -> dict[str, str]:
    """Name -> "f" or "m" for each common first name of clear gender
    (``common_first_names``) gendered that way less often than 1 - FIRST_NAME_SOFT."""
    out: dict[str, str] = {}
    for name, gender in common_first_names(data).items():
        p_female = data[name][2]
        if gender and FIRST_NAME_SOFT < p_female < 1 - FIRST_NAME_SOFT:
            out[name] = gender
    return out


def _first_names_cache(kind: str = "common") -> Path:
    """Where the names kept are cached: the user's cache folder, by the package's version (its
    22 MB table takes seconds to read; the cache, milliseconds)."""
    import importlib.metadata  # here, not at start-up (issue 16)

    version = importlib.metadata.version("nomquamgender")
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimtrack"
    rule = f"{FIRST_NAME_MIN_COUNT}-{FIRST_NAME_CLEAR}-common"
    if kind == "soft":
        rule = f"{FIRST_NAME_MIN_COUNT}-{FIRST_NAME_CLEAR}-{FIRST_NAME_SOFT}-soft"
    if kind == "rare":
        rule = f"{FIRST_NAME_MIN_COUNT}-{FIRST_NAME_CLEAR}-{RARE_NAME_SOURCES}-{WILSON_Z}-rare"
    return folder / f"first-names-nomquamgender-{version}-{rule}.tsv"


@functools.cache
def _first_names() -> dict[str, str]:
    return _cached_names("common")


@functools.cache
def _soft_names() -> dict[str, str]:
    return _cached_names("soft")


@functools.cache
def _rare_names() -> dict[str, str]:
    return _cached_names("rare")


# each list's rule: all are read off one reading of the table (issue 16: read once a list, 22 MB)
_KEEP: dict[str, Callable[[dict[str, list]], dict[str, str]]] = {
    "common": common_first_names,
    "soft": soft_first_names,
    "rare": rare_first_names,
}


def _cached_names(kind: str) -> dict[str, str]:
    """The first names of list KIND (``_KEEP``'s rule), from its cache; on a cold cache from
    one reading of nomquamgender's table, which writes the other lists' missing caches too."""
    cache = _first_names_cache(kind)
    try:
        rows = cache.read_text(encoding="utf-8").splitlines()
        return {n: g for n, _, g in (r.partition("\t") for r in rows)}
    except OSError:
        pass
    spec = importlib.util.find_spec("nomquamgender")  # its folder, without importing pandas
    assert spec is not None and spec.submodule_search_locations, "nomquamgender is not installed"
    table = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    data = json.loads(table.read_text(encoding="utf-8"))
    names = _KEEP[kind](data)
    _write_names(cache, names)
    for other, rule in _KEEP.items():  # the other lists from the same reading, when missing
        if other != kind and not _first_names_cache(other).exists():
            _write_names(_first_names_cache(other), rule(data))
    return names


def _write_names(cache: Path, names: dict[str, str]) -> None:
    """Write the names kept to CACHE, whole, then renamed: a reader never sees half of it."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        part = cache.with_suffix(f".{os.getpid()}.part")
        part.write_text("".join(f"{n}\t{g}\n" for n, g in sorted(names.items())), "utf-8")
        part.replace(cache)
    except OSError:
        pass  # a read-only home: read the table again next time


def is_first_name(word: str) -> bool:
    """Whether WORD is a common first name, of either gender ("Dale", "Michelle")."""
    return bool(word) and fold(word).strip(".") in _first_names()


def first_name_gender(first: str) -> Gender | None:
    """The gender a first name clearly tells ("Michelle" -> "f"), else None."""
    return (_first_names().get(fold(first).strip(".")) or None) if first else None  # type: ignore[return-value]


def soft_first_name(first: str) -> bool:
    """Whether a common first name tells its gender only softly: one way at least
    1 - FIRST_NAME_CLEAR of the time, but not 1 - FIRST_NAME_SOFT ("Lindsey", "Hillary")."""
    return bool(first) and fold(first).strip(".") in _soft_names()


def rare_first_name_gender(first: str) -> Gender | None:
    """The gender a first name too rare for the common list tells beyond doubt ("Barack" ->
    "m"), else None; only for a word that opens a person's name (see RARE_NAME_SOURCES)."""
    return (_rare_names().get(fold(first).strip(".")) or None) if first else None  # type: ignore[return-value]


def title_gender(word: str) -> Gender | None:
    """The gender a title tells ("Mrs." -> "f"), else None."""
    return TITLE_GENDER.get(fold(word).rstrip("."))


def compatible(a: Gender | None, b: Gender | None) -> bool:
    """Two genders that may be one person's: equal, or one unknown."""
    return a is None or b is None or a == b


# words before a person's name that are no part of it ("President", "Sen.", "Mrs.")
NAME_TITLES = frozenset(
    "mr mrs ms miss mx dr sen senator rep representative gov governor president vice former "
    "secretary gen general the sir lady madam prof professor rev judge justice mayor".split()
)
SUFFIXES = frozenset("jr sr ii iii iv".split())  # "Jr." makes another person


# a rank written short that is also a first name ("Gen Nakatani"): the extractor reads it as
# the one or the other from the words around it (extract.speakers._first_name_gen), and the
# store keeps the first name where the extractor did (``rank_read_as_first_name``)
RANK_FIRST_NAMES = frozenset({"Gen"})


def rank_read_as_first_name(name: str, role: str | None) -> bool:
    """Whether the extractor read the rank word opening NAME as a first name: a short rank
    written as a first name before one surname, and no rank in the ROLE ("Gen Nakatani" with
    the role "Defence Minister"; "Gen Vale" with the role "Gen" is the rank)."""
    words = name.split()
    ranks = {"gen", "general"} & {fold(w).rstrip(".") for w in (role or "").split()}
    return len(words) == 2 and words[0] in RANK_FIRST_NAMES and not ranks


def person_form(name: str, first_is_name: bool = False) -> str:
    """A person's name without leading titles, middle initials or a possessive:
    "Mr. Donald J. Trump's" -> "Donald Trump"; "Donald Trump Jr." keeps its "Jr.".
    FIRST_IS_NAME keeps a first word that is also a title ("Gen Nakatani", where the
    extractor read "Gen" as the first name: ``rank_read_as_first_name``)."""
    words = " ".join(name.replace("\u2019", "'").split()).removesuffix("'s").split()
    while len(words) > 1 and not first_is_name and fold(words[0]).rstrip(".") in NAME_TITLES:
        words = words[1:]
    if len(words) >= 3:
        inner = [w for w in words[1:-1] if len(w.rstrip(".")) > 1]
        words = [words[0], *inner, words[-1]]
    return " ".join(words)


# lower-case words that belong to the surname after them ("Bill de Blasio", "Osama bin Laden")
PARTICLES = frozenset("de del della di da van von der den ter ten bin ibn al el le la du".split())


# a given name of two syllables joined by a hyphen, the second in lower case ("Ki-moon"),
# written after the family name (East Asian order): the family name is the first word
# roles a byline gives after its names ("Tomas Brenner | Staff writer"): io.byline reads the
# author from such a line, the extractor takes no one it names for a pronoun after it
BYLINE_ROLES = frozenset(
    """
    writer writers reporter reporters correspondent correspondents columnist columnists
    contributor contributors editor editors staff journalist journalists critic analyst chief
    """.split()
)
_GIVEN_AFTER = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def surname(name: str) -> str | None:
    """The last word of a person's name that is no suffix, with the particles before it
    ("Donald Trump Jr." -> "Trump", "Bill de Blasio" -> "de Blasio"); the first word of a
    family name written first ("Ban Ki-moon" -> "Ban")."""
    words = [w for w in person_form(name).split() if fold(w).strip(".,") not in SUFFIXES]
    if len(words) < 2:
        return None
    if len(words) == 2 and _GIVEN_AFTER.match(words[1]):
        return words[0]
    i = len(words) - 1
    while i > 1 and fold(words[i - 1]) in PARTICLES and words[i - 1].islower():
        i -= 1
    return " ".join(words[i:])


def written_name(name: str) -> str:
    """A person's name without the words before it that are no part of it: a name's words
    are capitalised but for particles, so "White House press secretary Jo Roe" -> "Jo Roe"
    (and "Bill de Blasio" stays)."""
    words = name.split()
    if any(fold(w) in ("and", "or", "&", "with") for w in words):
        return name  # several people: not this function's to cut
    cut = [
        i
        for i, w in enumerate(words[:-1])
        if w[:1].islower() and fold(w) not in PARTICLES and w.isalpha()
    ]
    return " ".join(words[cut[-1] + 1 :]) if cut and len(words) - cut[-1] - 1 >= 2 else name


def name_gender(name: str, aliases: tuple[str, ...] | list[str] = ()) -> Gender | None:
    """A person's gender as their names tell it: the first name, else a title in an alias."""
    words = person_form(name).split()
    if len(words) >= 2 and (g := first_name_gender(words[0])) is not None:
        return g
    for alias in aliases:
        if (g := title_gender(alias.split()[0] if alias.split() else "")) is not None:
            return g
    return None


def near_spelling(a: str, b: str) -> bool:
    """Two spellings of one surname that differ by one slip: one letter left out, added,
    changed or two swapped ("McClenney", "McLenney"), both of four letters or more and
    opening with the same two letters; equal spellings, or a plural's "s", are not a slip."""
    x, y = fold(a), fold(b)
    if (
        x == y
        or x in (y + "s", y + "'s")
        or y in (x + "s", x + "'s")
        or min(len(x), len(y)) < 4
        or x[:2] != y[:2]
        or abs(len(x) - len(y)) > 1
    ):
        return False
    if len(x) == len(y):
        diff = [i for i in range(len(x)) if x[i] != y[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]]
        return len(diff) == 1 or (swapped and x[diff[1]] == y[diff[0]])
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# ---- organisations' names -----------------------------------------------------------------

_DOTTED = re.compile(r"^(?:[A-Z]\.){1,}[A-Z]\.?$")  # "S.E.C.", "U.N", "I.R.S"
_ABBREVIATION = re.compile(r"^[A-Z]{2,6}$")
# lower-case words inside an organisation's name that give it no initial ("Alliance to
# Reclaim Our Schools" is AROS)
NAME_GLUE = frozenset("of and to for the on in at & de".split())


# two sponsors of one poll joined by a hyphen ("Post-ABC"), as a slash joins them
_SPONSORS = re.compile(r"(?<=[a-z.])-(?=[A-Z])")
POLL_WORDS = frozenset({"poll", "survey"})


def org_form(name: str) -> str:
    """An organisation's name in one form: an abbreviation of three letters or more without
    its dots ("S.E.C." -> "SEC", "the I.R.S" -> "the IRS"), one of two letters with them
    all ("U.N" -> "U.N."), as AP style writes them; a poll's sponsors joined by a slash
    ("Washington Post-ABC News poll" -> "Washington Post/ABC News poll")."""
    words = name.split()
    for i, w in enumerate(words):
        if _DOTTED.match(w):
            letters = w.replace(".", "")
            words[i] = letters if len(letters) >= 3 else ".".join(letters) + "."
    if len(words) >= 2 and fold(words[-1]) in POLL_WORDS:
        words = [_SPONSORS.sub("/", w) for w in words]
    return " ".join(words)


def abbreviation(name: str) -> str | None:
    """The letters of an abbreviation of three letters or more ("IMF", "S.E.C." -> "SEC"),
    else None."""
    word = org_form(name.strip())
    return word if _ABBREVIATION.match(word) and len(word) >= 3 else None


def initials(name: str) -> str | None:
    """The initials of a several-word name's capitalised words, the glue words between them
    aside ("Securities and Exchange Commission" -> "SEC"; a hyphen parts words:
    "Charlotte-Mecklenburg Police Department" -> "CMPD"); None unless every other word is
    capitalised and there are three initials or more."""
    words = [w for w in name.replace("-", " ").split() if fold(w) not in NAME_GLUE]
    if len(words) < 3 or not all(w[:1].isupper() and w[:1].isalpha() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


# first names one person goes by, written for the project: each group is one name ("Bill
# Clinton" is William Clinton); a name in no group is only itself
NICKNAME_GROUPS = (
    "joseph joe", "william bill will billy", "robert bob bobby rob", "james jim jimmy",
    "michael mike", "thomas tom tommy", "richard dick rick rich", "charles chuck charlie",
    "edward ed eddie", "daniel dan danny", "david dave", "christopher chris",
    "anthony tony", "andrew andy", "nicholas nick", "steven steve", "stephen steve",
    "matthew matt", "patrick pat", "samuel sam", "benjamin ben", "alexander alex",
    "elizabeth liz beth betsy", "katherine kate kathy", "catherine cathy kate",
    "jennifer jen jenny", "susan sue", "margaret peggy maggie", "theodore ted teddy",
    "timothy tim", "kenneth ken", "ronald ron", "donald don", "gerald jerry",
    "lawrence larry", "jeffrey jeff", "gregory greg", "douglas doug", "frederick fred",
    "peter pete", "raymond ray", "jacob jake", "jonathan jon", "henry hank", "mitchell mitch",
    "walter walt", "vincent vince", "eugene gene", "bernard bernie", "phillip phil",
    "philip phil", "nathaniel nate", "zachary zach", "terrence terry", "ronald ronnie",
    "kimberly kim", "deborah debbie", "rebecca becky", "victoria vicky", "pamela pam",
    "cynthia cindy", "judith judy", "jacqueline jackie", "abigail abby",
)  # fmt: skip


@functools.cache
def _nickname_groups() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for line in NICKNAME_GROUPS:
        names = frozenset(line.split())
        for n in names:
            out[n] = out.get(n, frozenset()) | names
    return out


def same_first_name(a: str, b: str) -> bool:
    """Two first names one person may go by: equal, or one group ("Bill", "William")."""
    x, y = fold(a).strip("."), fold(b).strip(".")
    return x == y or y in _nickname_groups().get(x, frozenset())


def first_name_variants(first: str) -> list[str]:
    """The other first names FIRST's bearer may go by ("Joe" -> ["joseph"])."""
    x = fold(first).strip(".")
    return sorted(_nickname_groups().get(x, frozenset()) - {x})
