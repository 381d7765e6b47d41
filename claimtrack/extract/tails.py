"""Where a content that ends a quotation stops: before the writer's participle after it.

'... called the plan "a costly mistake," adding that ...' / '"It will pass," she said,
referring to the bill': a quotation closed with a comma inside its marks and followed by
a participle ("adding", "referring", "describing") is where the speaker's words end; what
follows is the writer's account of the scene. PolNeAR ends the content at the closing mark
(19 of the 24 claims of PolNeAR train that ran on past such a mark; the other 5 kept it).
"""

from __future__ import annotations

from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.segment import Parsed

Pair = tuple[int, int]


def before_participle(text: str, p: Parsed, qi: QuoteIndex, parts: list[Pair]) -> list[Pair]:
    """``parts`` ending at the first quotation in them that closes with a comma and is
    followed by a participle; as they are otherwise (parts after the cut are dropped)."""
    for k, (start, end) in enumerate(parts):
        for q in qi.within(start, end):
            if q.end >= end or not _closes_with_comma(text, q.end):
                continue
            if _participle_after(p, q.end, end):
                return [*parts[:k], (start, q.end)]
    return parts


def _closes_with_comma(text: str, close_end: int) -> bool:
    """The quotation ending at ``close_end`` has a comma right inside its closing mark."""
    mark = 2 if text[close_end - 2 : close_end] == "''" else 1
    return text[close_end - mark - 1 : close_end - mark] == ","


def _participle_after(p: Parsed, at: int, end: int) -> bool:
    """The first word after ``at`` (and before ``end``) is a lower-case participle (VBG)."""
    if not (p.seg.start <= at < p.seg.end):
        return False
    i, j = p.token_range(at, min(end, p.seg.end))
    nxt = next(
        (p.doc[k] for k in range(i, j) if not (p.doc[k].is_space or p.doc[k].is_punct)), None
    )
    return nxt is not None and nxt.tag_ == "VBG" and nxt.text.islower()
