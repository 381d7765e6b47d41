"""RSS and Atom feeds: told from their content, read with feedparser into the articles
they link to.

A feed is recognised by its first element (``<rss>``, ``<feed>`` or ``<rdf:RDF>``, after
the XML declaration, comments and processing instructions), whatever its file name or
content type says. Each entry gives the link of an article, with its title and date (the
entry's publication date, else its update date): the fallbacks for a page that has none.
Titles garbled by a double encoding are repaired (claimtrack.io.decoding.repair).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import xml.sax
from dataclasses import dataclass, field
from urllib.parse import urljoin

from claimtrack.io.decoding import repair

_PROLOGUE = re.compile(
    rb"\A(?:\s+|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>)*", re.S | re.I
)
_ROOT = re.compile(rb"<(?:[\w.-]+:)?(rss|feed|RDF)[\s>/]", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class FeedError(Exception):
    """A feed that cannot be read; the message is one line."""


@dataclass(frozen=True)
class FeedEntry:
    link: str  # absolute http(s) URL, or (for a feed file) a path or URL as written
    title: str | None = None
    published: dt.date | None = None


@dataclass
class Feed:
    title: str | None
    kind: str  # "RSS 2.0", "Atom 1.0", ...
    entries: list[FeedEntry] = field(default_factory=list)
    unlinked: int = 0  # entries without a link, left out


def is_feed(raw: bytes) -> bool:
    """True when RAW starts (after the XML prologue) with an RSS, Atom or RSS 1.0 root."""
    head = raw[:4096]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            if bom != b"\xef\xbb\xbf":  # UTF-16: look at every other byte
                head = head.replace(b"\x00", b"")
            break
    head = head[_PROLOGUE.match(head).end() :]
    match = _ROOT.match(head)
    return match is not None


_KINDS = {
    "rss20": "RSS 2.0",
    "rss091u": "RSS 0.91",
    "rss091n": "RSS 0.91",
    "rss092": "RSS 0.92",
    "rss093": "RSS 0.93",
    "rss094": "RSS 0.94",
    "rss10": "RSS 1.0",
    "rss090": "RSS 0.90",
    "rss": "RSS",
    "atom10": "Atom 1.0",
    "atom03": "Atom 0.3",
    "atom": "Atom",
}


def parse_feed(raw: bytes, base: str | None = None) -> Feed:
    """The entries of the feed RAW; BASE (the feed's URL) resolves relative links.
    FeedError when RAW is no feed or not well-formed."""
    import feedparser

    parsed = feedparser.parse(raw, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, xml.sax.SAXParseException) and not _harmless(problem):
        raise FeedError(
            f"broken feed: not well-formed XML (line {problem.getLineNumber()}: "
            f"{problem.getMessage()}); nothing was ingested from it"
        )
    if not parsed.get("version"):
        why = f" ({_first_line(problem)})" if problem else ""
        raise FeedError(f"not an RSS or Atom feed{why}")
    feed = Feed(
        title=_clean(parsed.feed.get("title")),
        kind=_KINDS.get(parsed.version, parsed.version),
    )
    seen: set[str] = set()
    for item in parsed.entries:
        link = _link(item)
        if not link:
            feed.unlinked += 1
            continue
        if base:
            link = urljoin(base, link)
        if link in seen:
            continue
        seen.add(link)
        when = item.get("published_parsed") or item.get("updated_parsed")
        feed.entries.append(
            FeedEntry(link=link, title=_clean(item.get("title")), published=_day(when))
        )
    return feed


def _harmless(problem: xml.sax.SAXParseException) -> bool:
    """HTML entities such as &nbsp; in an RSS feed break strict XML but not the feed: the
    lenient parser reads them as meant."""
    return "undefined entity" in problem.getMessage()


def _link(item) -> str | None:  # noqa: ANN001 - a feedparser entry
    link = item.get("link")
    if not link:
        for candidate in item.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    link = (link or "").strip()
    return link or None


def _day(when) -> dt.date | None:  # noqa: ANN001 - a UTC struct_time or None
    if not when:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(when), dt.UTC).date()
    except (OverflowError, ValueError, OSError):
        return None


def _clean(value: str | None) -> str | None:
    """A title as one line, double-encoded UTF-8 in it repaired (as an article's text is)."""
    text = " ".join(repair(value or "").split())
    return text or None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
