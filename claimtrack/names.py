"""Normalised text for names and words, so "Ushakov", "USHAKOV" and "Ušakov" meet."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from typing import Literal

Gender = Literal["f", "m"]
FIRST_NAMES = Path(__file__).with_name("first_names.tsv")  # built by evaluate/first_names.py
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


# A mention that is only one of these names nobody: it is resolved, or left unnamed.
PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves "
    "he him his himself she her hers herself it its itself they them their theirs themselves "
    "one".split()
)


def fold(text: str) -> str:
    """TEXT without accents and case: "Ušakov" -> "usakov"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(name: str) -> str:
    """Case-, accent- and space-insensitive key; edge punctuation dropped."""
    plain = fold(name).replace("\u2019", "'")
    return _EDGE.sub("", _SPACE.sub(" ", plain).strip())


@functools.cache
def _first_names() -> dict[str, Gender]:
    rows = FIRST_NAMES.read_text(encoding="utf-8").splitlines()
    return {n: g for n, _, g in (r.partition("\t") for r in rows if not r.startswith("#"))}  # type: ignore[misc]


def first_name_gender(first: str) -> Gender | None:
    """The gender a first name clearly tells ("Michelle" -> "f"), else None."""
    return _first_names().get(fold(first).strip(".")) if first else None


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


def person_form(name: str) -> str:
    """A person's name without leading titles, middle initials or a possessive:
    "Mr. Donald J. Trump's" -> "Donald Trump"; "Donald Trump Jr." keeps its "Jr."."""
    words = " ".join(name.replace("\u2019", "'").split()).removesuffix("'s").split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in NAME_TITLES:
        words = words[1:]
    if len(words) >= 3:
        inner = [w for w in words[1:-1] if len(w.rstrip(".")) > 1]
        words = [words[0], *inner, words[-1]]
    return " ".join(words)


def surname(name: str) -> str | None:
    """The last word of a person's name that is no suffix ("Donald Trump Jr." -> "Trump")."""
    words = [w for w in person_form(name).split() if fold(w).strip(".,") not in SUFFIXES]
    return words[-1] if len(words) >= 2 else None


def name_gender(name: str, aliases: tuple[str, ...] | list[str] = ()) -> Gender | None:
    """A person's gender as their names tell it: the first name, else a title in an alias."""
    words = person_form(name).split()
    if len(words) >= 2 and (g := first_name_gender(words[0])) is not None:
        return g
    for alias in aliases:
        if (g := title_gender(alias.split()[0] if alias.split() else "")) is not None:
            return g
    return None
