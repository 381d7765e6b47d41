"""Normalised keys for names, so "Ushakov", "USHAKOV" and "Ušakov" meet."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def name_key(name: str) -> str:
    """Case-, accent- and space-insensitive key; edge punctuation dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("\u2019", "'").casefold()
    return _EDGE.sub("", _SPACE.sub(" ", plain).strip())
