"""The records the rules share: a parsed paragraph (Context) and what a rule finds in it
(Candidate: source, cue, content).

All offsets are document offsets (``text[start:end]`` of the stored document) from the moment
a rule makes them; a token's come from ``Parsed.doc_start``, ``doc_end``, ``doc_span`` and
``subtree_span``, the one place that knows where the paragraph stands in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.segment import Parsed, is_list_item
from claimtrack.extract.spans import trim


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


class Context(Parsed):
    """A parsed paragraph plus the text and the quotes of the whole document."""

    def __init__(self, para: Parsed, quotes: QuoteIndex, full_text: str) -> None:
        super().__init__(para.seg, para.doc)
        self.heading = para.seg.is_heading  # the paragraph is a section heading
        self.list_item = is_list_item(para.seg.text)  # "- Photos: the new pier" (a link)
        self.title = not full_text[: para.seg.start].strip()  # the first line: the title
        self.text = full_text
        self.qi = quotes

    @property
    def end(self) -> int:
        """Where the paragraph ends in the document."""
        return self.seg.end

    def within(self, start: int, end: int) -> str:
        """The document's characters in [start, end), cut at the paragraph's end."""
        return self.text[start : min(end, self.seg.end)]

    def trim(self, start: int, end: int, *, keep_closing_quote: bool = True) -> tuple[int, int]:
        """``spans.trim`` over the document; spans may run into later paragraphs (quotes)."""
        return trim(self.text, start, end, keep_closing_quote=keep_closing_quote)

    def quotes_overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        return [(q.start, q.end) for q in self.qi.overlapping(start, end)]
