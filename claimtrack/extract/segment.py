"""Split a document into paragraphs (one per line) before parsing, keeping offsets.

Parsing paragraph by paragraph stops a heading such as "1. Russia-Ukraine Ceasefire"
from being glued onto the sentence below it. A parsed paragraph (``Parsed``) maps its
tokens to offsets in the document, so that everything after parsing counts in those.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimtrack.extract.spans import token_starts

_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_FINAL = tuple(".!?:;\"'”’»)…")
_MAX_HEADING_WORDS = 14
# a list item's marker: "* item", "• item", "- item" (a web page's <li>), "-Item" (a roundup's)
_LIST_ITEM = re.compile(r"[*•·‣▪◦]|[-–—+](?=\s|[^\W\d_])")
# a source tag or link closing a line: "Trump leads in Ohio. [Poll]", "Read more [link]"
_TRAILING_TAG = re.compile(r"\s*\[[^\[\]]*\]?$")


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str
    is_heading: bool


def is_list_item(line: str) -> bool:
    """A line that opens with a list item's marker ("* ...", "- ...", "• ...")."""
    return _LIST_ITEM.match(line.strip()) is not None


def is_heading(line: str) -> bool:
    """A section heading: a short line with no final punctuation (before a closing
    "[tag]"), no list item and no quotation."""
    s = line.strip()
    if not s or s.endswith(_FINAL) or is_list_item(s):
        return False
    if _TRAILING_TAG.sub("", s).endswith(_FINAL):  # a sentence with its source tag
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


@dataclass(slots=True)
class Parsed:
    """A segment with its spaCy parse, and the one place where offsets into the Doc's text
    become offsets into the document and back: the rules and the assembler work in document
    offsets only, and ask this for a token's."""

    seg: Segment
    doc: Doc

    def doc_start(self, tok: Token) -> int:
        """Where the token starts in the document."""
        return self.seg.start + tok.idx

    def doc_end(self, tok: Token) -> int:
        """Where the token ends in the document."""
        return self.seg.start + tok.idx + len(tok.text)

    def doc_span(self, item: Token | Span) -> tuple[int, int]:
        """A token's or a Span's characters in the document."""
        if isinstance(item, Span):
            return self.seg.start + item.start_char, self.seg.start + item.end_char
        return self.doc_start(item), self.doc_end(item)

    def subtree_span(self, tok: Token) -> tuple[int, int]:
        """The characters of the token's subtree in the document."""
        return self.doc_start(tok.left_edge), self.doc_end(tok.right_edge)

    def local(self, span: tuple[int, int]) -> tuple[int, int]:
        """Document offsets as offsets into the Doc's text (for spaCy and the speaker
        resolver, which read the Doc)."""
        return span[0] - self.seg.start, span[1] - self.seg.start

    def char_span(self, start: int, end: int, alignment_mode: str = "strict") -> Span | None:
        """The Doc's Span over the document's characters [start, end)."""
        a, b = self.local((start, end))
        return self.doc.char_span(a, b, alignment_mode=alignment_mode)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """The indices [i, j) of the tokens starting at a document offset in [start, end)."""
        starts = token_starts(self.doc)
        a, b = self.local((start, end))
        return bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)

    def token_at(self, offset: int) -> int:
        """The index of the last token starting at or before a document offset (-1: none)."""
        return bisect.bisect_right(token_starts(self.doc), offset - self.seg.start) - 1

    def tokens_from(self, start: int, end: int) -> list[Token]:
        """The tokens starting at a document offset in [start, end)."""
        i, j = self.token_range(start, end)
        return [self.doc[k] for k in range(i, j)]
