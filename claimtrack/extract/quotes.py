"""Find quotations in a document: straight and curly marks, multi-paragraph quotes.

Unbalanced marks never raise: an opening mark with no closing one is dropped at the end of its
paragraph unless the next paragraph opens with a quote mark (the convention for a quotation
running over several paragraphs).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from claimtrack.extract.spans import token_starts

OPEN_ONLY = "“«„"
CLOSE_ONLY = "”»"
AMBIGUOUS = '"'
ALL_MARKS = OPEN_ONLY + CLOSE_ONLY + AMBIGUOUS
_BEFORE_OPEN = set(" \t\n\r([{—–-/:") | {"\u00a0"}
# a double quote mark, or two single ones typed for one (left to right, as a reader pairs them)
_MARK = re.compile("''|[" + re.escape(ALL_MARKS) + "]")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # index of the opening mark
    end: int  # index after the closing mark (or after the last quoted character)

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, max(self.start + 1, self.end - 1)


def _marks(text: str) -> list[tuple[int, int, str]]:
    """(position, width, role) for every double quote mark; '' counts as one mark."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    for m in _MARK.finditer(text):  # the marks alone, where a loop read every character
        i, width = m.start(), m.end() - m.start()
        ch = '"' if width == 2 else text[i]
        if ch in OPEN_ONLY or ch in CLOSE_ONLY:
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + width] if i + width < n else " "
            role = "open" if ch in OPEN_ONLY else "close"
            # a mark typed the wrong way round: 'Wins“ that', 'said ”We'
            if (
                role == "open"
                and not prev.isspace()
                and prev not in _BEFORE_OPEN
                and (nxt.isspace() or nxt in ".,;:!?")
            ):
                role = "close"
            elif role == "close" and (prev.isspace() or i == 0) and nxt.isalnum():
                role = "open"
            out.append((i, width, role))
        elif ch == '"':
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + width] if i + width < n else " "
            if prev in _BEFORE_OPEN and not nxt.isspace():
                role = "open"
            elif nxt.isspace() or not nxt.isalnum():
                role = "close"
            else:
                role = "either"
            out.append((i, width, role))
    return out


def _all_lines_open(chunk: str) -> bool:
    """Every paragraph after the first in chunk starts with an opening quote mark."""
    lines = [ln.strip() for ln in chunk.split("\n")[1:]]
    return all(ln[:1] in OPEN_ONLY + AMBIGUOUS or ln.startswith("''") for ln in lines if ln)


def find_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    para_end = -1  # index of the newline ending the paragraph being read
    for pos, width, role in _marks(text):
        if pos > para_end:
            # entering a new paragraph
            line_start = text.rfind("\n", 0, pos) + 1
            nl = text.find("\n", pos)
            para_end = len(text) if nl == -1 else nl
            if open_at is not None:
                continues = (
                    text[line_start:pos].strip() == ""
                    and role in ("open", "either")
                    and _all_lines_open(text[open_at:line_start])
                )
                if continues:
                    continue  # the mark reopens a quote running over paragraphs
                open_at = None  # unbalanced: drop the stray opening mark
        if open_at is None:
            if role in ("open", "either"):
                open_at = pos
            continue
        if role in ("close", "either"):
            quotes.append(Quote(open_at, pos + width))
            open_at = None
        # a second opening mark inside an open quote is ignored
    return quotes


class QuoteIndex:
    """Quotes of one document with fast lookup by character position."""

    def __init__(self, text: str) -> None:
        self.quotes = find_quotes(text)
        self._starts = [q.start for q in self.quotes]
        self._inside: dict[int, tuple[Doc, list[bool]]] = {}

    def inside(self, doc: Doc, offset: int) -> list[bool]:
        """For each token of ``doc`` (a paragraph starting at document offset ``offset``),
        whether a quote contains its first character (``containing``), worked out once a
        Doc: the speaker resolver, the rules and the models' features ask it of every token."""
        kept = self._inside.get(id(doc))
        if kept is not None and kept[0] is doc:
            return kept[1]
        out = [self.containing(offset + a) is not None for a in token_starts(doc)]
        self._inside[id(doc)] = (doc, out)
        return out

    def index_starting_at(self, pos: int) -> int | None:
        i = bisect.bisect_left(self._starts, pos)
        return i if i < len(self.quotes) and self.quotes[i].start == pos else None

    def index_from(self, pos: int) -> int:
        """The index of the first quote starting at or after ``pos`` (len(quotes) if none)."""
        return bisect.bisect_left(self._starts, pos)

    def index_ending_at(self, pos: int) -> int | None:
        i = bisect.bisect_left(self._starts, pos) - 1
        return i if i >= 0 and self.quotes[i].end == pos else None

    def containing(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def within(self, start: int, end: int) -> list[Quote]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            q = self.quotes[i]
            if q.end <= end:
                out.append(q)
            i += 1
        return out

    def overlapping(self, start: int, end: int) -> list[Quote]:
        i = max(0, bisect.bisect_right(self._starts, start) - 1)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            q = self.quotes[i]
            if q.end > start:
                out.append(q)
            i += 1
        return out
