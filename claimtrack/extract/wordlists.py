"""The extractor's word lists, one small text file per list in extract/data/words/: one word or
phrase a line, lower case; lines starting with ``#`` are comments (the list's header)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

WORDS_DIR = Path(__file__).parent / "data" / "words"


@cache
def words(name: str) -> frozenset[str]:
    """The words of ``data/words/<name>.txt``, read once."""
    lines = (WORDS_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s for line in lines if (s := line.strip()) and not s.startswith("#"))
