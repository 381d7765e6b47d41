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
