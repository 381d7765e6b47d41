"""Plain data passed between the extraction stages, the store and the evaluation harness.

Every span is a pair of Python string indices into the document text as stored
(``text[start:end]`` is the span's text), so any claim can be checked against its source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Attribution = Literal["direct", "indirect", "mixed", "according_to"]
Precision = Literal["day", "month", "year", "none"]
Relation = Literal["on", "before", "by", "unknown"]
# where a claim's date came from: a phrase of its own, the scene set earlier in the paragraph
# or run of sentences, the publication date (no phrase: said no later than it), or nowhere
DateVia = Literal["phrase", "context", "publication", "none", "hand"]
ActorKind = Literal["person", "organization", "government", "media", "group", "unnamed"]
# the rules, or the learned detector (extract/learned/detect.py)
FoundBy = Literal["rules", "detector"]
# a document to extract: its text, publication day and (optionally) the name of the outlet it
# came out in (a page's site name)
ExtractItem = tuple[str, dt.date | None] | tuple[str, dt.date | None, str | None]


@dataclass(frozen=True, slots=True)
class CharSpan:
    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    def overlaps(self, other: CharSpan) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is credited: the mention as written and the actor it resolves to."""

    mention: CharSpan | None  # "he", "Russian Presidential Aide Yuri Ushakov"; None if unstated
    name: str | None  # canonical name: "Yuri Ushakov"; None when unresolved
    kind: ActorKind = "person"
    role: str | None = None  # "Presidential Aide"
    affiliation: str | None = None  # "Russia"
    aliases: tuple[str, ...] = ()  # other ways the text names the actor ("Ushakov")
    gender: str | None = None  # "f" or "m" when a title, first name or pronoun told it
    others: tuple[str, ...] = ()  # the other named people of "Jon Doe and Ann Roe said"
    how: str | None = None  # how it was resolved: "'he': Jon Doe, the latest person ..."


@dataclass(frozen=True, slots=True)
class SaidDate:
    """When the claim was made, relative to the publication date when needed."""

    on: dt.date | None = None
    precision: Precision = "none"
    relation: Relation = "unknown"  # on | before | by (no later than) | unknown
    text: str | None = None  # the phrase as written: "on the 13th", "previously"
    # The bounds of when it was said, inclusive; None = unbounded on that side. A day is
    # (d, d), "in March" (Mar 1, Mar 31), "last week" (its Monday, its Sunday), no phrase
    # (None, publication day). Additive: on / precision / relation keep their meaning.
    earliest: dt.date | None = None
    latest: dt.date | None = None
    via: DateVia = "none"
    phrase_start: int | None = None  # document offset of a context phrase (via "context")


@dataclass(slots=True)
class FoundClaim:
    speaker: Speaker
    cue: CharSpan
    content: CharSpan
    sentence: CharSpan
    attribution: Attribution
    quote: str | None = None  # the quoted words, marks stripped; several joined by " ... "
    hedged: bool = False
    date: SaidDate = field(default_factory=SaidDate)
    heading: str | None = None  # section heading the claim sits under, if any
    confidence: float = 0.5
    topics: list[str] = field(default_factory=list)  # topic slugs, filled by the tagger
    # All pieces of a discontinuous content, in text order, when there are several (a quotation
    # split by its cue: '"A," she said, "B."'); ``content`` then runs from the first piece to the
    # last (PolNeAR's convention for a span in several fragments). Empty otherwise.
    content_parts: tuple[CharSpan, ...] = ()
    found_by: FoundBy = "rules"
    # the rules' or detector's own score, before calibration (``confidence`` is calibrated)
    raw_confidence: float = 0.5

    @property
    def pieces(self) -> tuple[CharSpan, ...]:
        """The content's pieces: ``content_parts`` when it is discontinuous, else ``content``."""
        return tuple(self.content_parts) or (self.content,)
