"""The records the rules share: a parsed paragraph (Context) and what a rule finds in it
(Candidate: source, cue, content).

All offsets are relative to the parsed paragraph; the caller shifts them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.spans import doc_text, token_starts, trim


@dataclass(slots=True)
class Candidate:
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    source_tok: Token | None
    cue_tok: Token
    content_root: Token | None
    sent: Span
    rule: str
    confidence: float
    parts: list[tuple[int, int]] = field(default_factory=list)
    according: bool = False
    follow_on: bool = False
    nested_in: int | None = None


class Context:
    """A parsed paragraph plus the quotes of the whole document, in paragraph coordinates."""

    def __init__(
        self, doc: Doc, base: int, quotes: QuoteIndex, full_text: str, heading: bool = False
    ) -> None:
        self.heading = heading  # the paragraph is a section heading
        self.title = not full_text[:base].strip()  # the first line: the article's title
        self.doc = doc
        self.text = doc_text(doc)
        self.base = base
        self.qi = quotes
        self.full = full_text

    @property
    def _starts(self) -> list[int]:
        return token_starts(self.doc)

    def tokens_from(self, start: int, end: int) -> list[Token]:
        """Tokens starting at a character in [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return [self.doc[k] for k in range(i, j)]

    def trim(self, start: int, end: int, *, keep_closing_quote: bool = True) -> tuple[int, int]:
        """Trim in paragraph coordinates; spans may run into later paragraphs (quotes)."""
        a, b = trim(
            self.full, start + self.base, end + self.base, keep_closing_quote=keep_closing_quote
        )
        return a - self.base, b - self.base

    def quotes_overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        out = []
        for q in self.qi.overlapping(start + self.base, end + self.base):
            out.append((q.start - self.base, q.end - self.base))
        return out
