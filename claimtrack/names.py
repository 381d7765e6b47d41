"""Normalised text for names and words, so "Ushakov", "USHAKOV" and "Ušakov" meet."""

from __future__ import annotations

import re
import unicodedata

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
