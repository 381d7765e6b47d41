"""A web page's article: its main text and its own metadata, without the page around it.

The main text comes from trafilatura (the leading Python extractor of the public
article-extraction benchmark; see docs/web.md for the figures), tuned for precision and
without comments: navigation, related links, captions, share buttons and footers are left
out. Headings stay, each on its own line, as the extractor reads short lines without final
punctuation as section headings (context for topics). Every other block (paragraph, list
item, quotation, table row) is one line with its white space collapsed; a line break
inside a paragraph (``<br>``) stays a line break.

When trafilatura finds no article (a page of a few lines), the page's own structure is read
instead: paragraphs, list items, quotations and headings of ``<article>``, ``<main>`` or
the body, leaving out navigation, headers, footers, asides, forms and scripts.

Metadata (title, publication date, author, site name, canonical URL) comes from the page's
own markup (meta tags, JSON-LD, ``<time>``, the canonical link) and never from guesses in the
text: a date written in a paragraph is no publication date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from urllib.parse import urljoin, urlsplit

# trafilatura, htmldate and courlan log their doubts as warnings; the reader says what
# matters itself, and a library's warning on stderr would read as a claimtrack message
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote")
LEAVES = ("p", "li", "blockquote")
NOT_TEXT = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form")
# the options chosen on the benchmark's pages (docs/web.md): precision first, no comments;
# tables stay (results, figures and votes are often the article), images and links do not
OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    # the page's own metadata only: extensive search would take a date from the text
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


@dataclass
class Page:
    """The article of a page: plain text (one block a line) and the page's metadata."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)  # title, published, author, outlet, url
    how: str = "article"  # "article" (trafilatura) or "structure" (the page's own blocks)


def read_page(html: str, url: str | None = None) -> Page:
    """The article of HTML; URL (where it was fetched from) resolves a relative canonical
    link and is the canonical URL when the page names none."""
    html = run_in_labels_apart(without_hover_cards(html))
    found = _trafilatura(html, url)
    if found is not None and found[0]:
        text, merged, how = found[0], found[1], "article"
    else:
        (text, merged), how = read_structure(html), "structure"
    canonical = merged.get("url")
    if not canonical or canonical == url:  # trafilatura takes absolute links only
        canonical = canonical_link(html) or canonical
    if canonical and url:
        canonical = urljoin(url, canonical)
    if canonical and urlsplit(canonical).scheme not in ("http", "https"):
        canonical = None  # a relative link in a saved file, or javascript:
    if not canonical and url:
        canonical = url
    if canonical:
        merged["url"] = canonical
    else:
        merged.pop("url", None)
    return Page(text=text, meta=merged, how=how)


# a class naming a box shown on hovering a link (a person's card, a tooltip): its text is in the
# page's markup, not in what a reader sees, and would be glued to the name it describes
_HOVER_WORDS = r"rollover|hover-?card|tool-?tip|popover"
_HOVER = re.compile(_HOVER_WORDS, re.I)
_HOVER_CLASS = re.compile(rf"""class\s*=\s*["'][^"'>]*(?:{_HOVER_WORDS})""", re.I)


def without_hover_cards(html: str) -> str:
    """HTML without the hover cards of its links ("Jane Doe" and a card with her name again,
    her photo and her latest headlines, which a reader sees only on pointing at the name).

    A card is an element whose class names a hover box (rollover, hovercard, tooltip,
    popover) and that is a card: with an image or two links or more, or after the text of an
    enclosing hover element (the name it describes). The deepest such element goes, not the
    one around it that holds the name too. A page without such classes is returned as it is."""
    if not _HOVER_CLASS.search(html):
        return html
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html
    hover = [
        el for el in root.iter() if isinstance(el.tag, str) and _HOVER.search(el.get("class") or "")
    ]
    gone: set = set()
    for el in reversed(hover):  # descendants before the elements around them
        if any(d in gone for d in el.iterdescendants()):
            continue
        if _is_card(el) or _after_text(el, hover):
            gone.add(el)
    if not gone:
        return html
    for el in gone:
        el.drop_tree()  # its tail (the text after it) stays
    return lxml.html.tostring(root, encoding="unicode")


def _is_card(el: Any) -> bool:
    """An image, or two links or more, inside EL."""
    links = 0
    for d in el.iterdescendants():
        if d.tag == "img":
            return True
        links += d.tag == "a"
    return links >= 2


def _after_text(el: Any, hover: list) -> bool:
    """EL comes after some text inside the nearest hover element around it."""
    outer = next((a for a in el.iterancestors() if a in hover), None)
    if outer is None:
        return False
    before = []
    for node in outer.iter():
        if node is el:
            break
        if node is not outer and node.tail and el not in node.iterdescendants():
            before.append(node.tail)
        if isinstance(node.tag, str) and node.text and node is not el:
            before.append(node.text)
    return bool("".join(before).strip())


# a block that opens with a bold label of a few words and no punctuation, then a sentence:
# "<blockquote><strong>Summary</strong> Studies show ...": the label is a heading of its own
_RUN_IN = re.compile(
    r"(<(?i:p|blockquote|li)\b[^>]*>\s*<((?i:strong|b))\b[^>]*>)([^<>.:;,!?]{1,40})(</\2>)"
    r"(?=\s*[A-Z])"
)
RUN_IN_WORDS = 3


def run_in_labels_apart(html: str) -> str:
    """HTML with a block's bold run-in label ("Summary", "Key points") on a line of its own,
    so that it reads as the heading it is, not as the first words of the sentence after it
    ("Summary Studies show" would make a speaker of "Summary Studies"). A bold name before
    a verb ("<b>Jo Roe</b> said") is no label: the text after a label starts with a capital."""

    def apart(m: re.Match[str]) -> str:
        if len(m[3].split()) > RUN_IN_WORDS or not m[3].strip():
            return m[0]
        return f"{m[1]}{m[3]}{m[4]}<br>"

    return _RUN_IN.sub(apart, html)


def _trafilatura(html: str, url: str | None) -> tuple[str, dict[str, str]] | None:
    import trafilatura
    from trafilatura.xml import xmltotxt

    try:
        found = trafilatura.bare_extraction(html, url=url, **OPTIONS)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError):
        return None  # a page the library cannot parse: the structural reading takes over
    if found is None or found.body is None:
        return None
    text = plain_lines(xmltotxt(found.body, include_formatting=False))
    meta = {
        "title": found.title,
        "published": found.date,
        "author": found.author,
        "outlet": found.sitename,
        "url": found.url,
    }
    return text, {k: " ".join(str(v).split()) for k, v in meta.items() if v}


_LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def canonical_link(html: str) -> str | None:
    """The href of the page's ``<link rel="canonical">``, as written (maybe relative)."""
    for tag in _LINK_TAG.finditer(html, 0, 200_000):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(tag[0])}
        if "canonical" in attrs.get("rel", "").lower().split() and attrs.get("href", "").strip():
            return unescape(attrs["href"].strip())
    return None


def plain_lines(text: str) -> str:
    """TEXT with the white space inside each line collapsed and blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# Deeper than browsers nest (Chromium's parser stops nesting at 512): a hostile page, not an article
DEEPEST = 512


def parse_html(html: str) -> Any:
    """HTML as a BeautifulSoup tree: html5lib's, which the HTML5 spec prescribes (implied end
    tags included: `<p>a<p>b` is two sibling paragraphs), unless the page nests deeper than
    DEEPEST, where html5lib's time grows with the square of the depth (a 350 KB page of nested
    divs took minutes) and libxml2's tree, built in linear time, is used instead."""
    from bs4 import BeautifulSoup

    quick = BeautifulSoup(html, "lxml")
    if nesting_depth(quick) > DEEPEST:
        return quick
    return BeautifulSoup(html, "html5lib")


def nesting_depth(soup: Any) -> int:
    """How deep SOUP's elements nest (iteratively: a deep tree must not exhaust the stack)."""
    deepest, stack = 0, [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in node.find_all(recursive=False))
    return deepest


def read_structure(html: str) -> tuple[str, dict[str, str]]:
    """(text, metadata) from the page's own blocks and head, as claimtrack read HTML before
    trafilatura: the fallback for pages too small for the article extractor."""
    soup = parse_html(html)
    for tag in soup(list(NOT_TEXT)):
        tag.decompose()

    def meta_content(*names: str) -> str | None:
        for n in names:
            tag = soup.find("meta", attrs={"property": n}) or soup.find("meta", attrs={"name": n})
            if tag and tag.get("content"):
                return str(tag["content"]).strip()
        return None

    title = meta_content("og:title") or (soup.title.get_text(strip=True) if soup.title else None)
    time_tag = soup.find("time", attrs={"datetime": True})
    published = meta_content("article:published_time", "date", "pubdate", "dc.date") or (
        str(time_tag["datetime"]) if time_tag else None
    )
    canonical = soup.find("link", attrs={"rel": "canonical", "href": True})
    url = meta_content("og:url") or (str(canonical["href"]) if canonical else None)
    root = soup.find("article") or soup.find("main") or soup.body or soup
    found = root.find_all(list(BLOCKS))
    # containers (ancestors of a p, li or blockquote) are skipped, their children taken;
    # found in one pass up from each of those, stopping where an earlier pass went
    containers: set[int] = set()
    for el in found:
        if el.name in LEAVES:
            node = el.parent
            while node is not None and id(node) not in containers:
                containers.add(id(node))
                node = node.parent
    blocks = []
    for el in found:
        if id(el) in containers:
            continue
        line = " ".join(el.get_text().split())
        if line:
            blocks.append(line)
    if not blocks:
        blocks = [" ".join(root.get_text(" ", strip=True).split())]
    meta = {
        "title": title,
        "published": published,
        "url": url,
        "author": meta_content("author", "article:author"),
        "outlet": meta_content("og:site_name"),
    }
    return "\n".join(b for b in blocks if b), {k: v for k, v in meta.items() if v}
