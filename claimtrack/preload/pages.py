"""Imported by the forkserver of `ingest --workers N` when the run may read web pages (a
URL, a feed, an .html file, stdin: ``io.readers.may_hold_pages``): the page readers made
ready once, before the workers are forked, so no worker pays for them at its first page.
That is trafilatura and what it imports (lxml, htmldate, courlan, justext), the list of
top-level domains courlan reads on first use, ftfy, BeautifulSoup and chardet (a page's
structure read when trafilatura finds no article, an undeclared encoding guessed); about
0.5 s of CPU once, where each worker paid it at its first page (issue 16). A run of text
and Markdown files leaves them out: it never reads a page.

Importing this module (after claimtrack.preload, its package) does the work, on a page
written for it; an error is left for a worker to meet again and report."""

from __future__ import annotations

WARM_URL = "https://www.harbour-gazette.com/news/2025/03/ferry-fares"
# written for this warm-up: a page's metadata, navigation, an article with non-ASCII
# punctuation (ftfy's check), a footer
WARM_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    "<title>Ferry fares to rise \u2013 Harbour Gazette</title>"
    f'<link rel="canonical" href="{WARM_URL}">'
    '<meta property="og:site_name" content="Harbour Gazette">'
    '<meta name="author" content="Maren Kell">'
    '<meta property="article:published_time" content="2025-03-01T08:00:00+00:00"></head>'
    '<body><nav><a href="/">Home</a></nav><article><h1>Ferry fares to rise in the spring</h1>'
    "<p>Jane Holloway, the port director, said on Monday that fares would rise by a fifth. "
    "\u201cWe have no choice,\u201d she told reporters at the caf\u00e9 by the pier.</p>"
    "<p>Tom Ruiz, a councillor, said the plan was unfair to commuters who cross the bay "
    "every morning, and that the fares had risen twice since the spring.</p>"
    "<p>The council will vote on the plan next month, according to a spokeswoman.</p>"
    "</article><footer>All rights reserved</footer></body></html>"
)


def warm() -> None:
    """Read WARM_PAGE as a fetched page and as a file's HTML, and load what a page may
    need later that it does not (the domain list, the structure reader, the guesser)."""
    import bs4  # noqa: F401 - the structure reader, the declared charset
    import chardet  # noqa: F401 - an undeclared encoding guessed
    from courlan import extract_domain

    from claimtrack.io.fetch import Fetched
    from claimtrack.io.readers import Entry, parse_html, read_fetched

    body = WARM_PAGE.encode("utf-8")
    read_fetched(Entry(WARM_URL), Fetched(WARM_URL, WARM_URL, 200, "text/html", "utf-8", body))
    parse_html(WARM_PAGE)
    extract_domain(WARM_URL)  # courlan's slower path reads the list of top-level domains


try:
    warm()
except Exception:  # noqa: BLE001, S110 - each worker loads what it needs again and says why
    pass
