"""Split a document into paragraphs (one per line) before parsing, keeping offsets.

Parsing paragraph by paragraph stops a heading such as "1. Russia-Ukraine Ceasefire"
from being glued onto the sentence below it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_FINAL = tuple(".!?:;\"'”’»)…")
_MAX_HEADING_WORDS = 14


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str
    is_heading: bool


def is_heading(line: str) -> bool:
    s = line.strip()
    if not s or s.endswith(_FINAL):
        return False
    words = s.split()
    if len(words) > _MAX_HEADING_WORDS:
        return False
    return s[0] not in "\"“'‘«" and any(ch.isalpha() for ch in s)


def segments(text: str) -> list[Segment]:
    out: list[Segment] = []
    for m in _LINE.finditer(text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            continue
        start = m.start() + lead
        out.append(Segment(start, start + len(body), body, is_heading(body)))
    return out
