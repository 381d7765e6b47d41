"""`claimtrack ingest` with URLs and feeds, against a real HTTP server on 127.0.0.1 and the
real extractor: each linked article stored once with the page's own metadata and claims, a
second run adds nothing, every bad item is one line and the others are still stored."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from claimtrack.store import engine as dbmod
from tests.web_site import FIXTURES, Site, serve

FAST = ("--delay", "0", "--quiet")
NAV_AND_FOOTER = ("Home", "Subscribe", "Related stories", "All rights reserved", "Most read")


def lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def sources(db: str) -> list[dict]:
    engine = dbmod.make_engine(dbmod.resolve_url(db))
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.id, s.path, s.url, s.fetched_url, s.title, s.published_on, s.author, s.outlet,"
                " s.language, s.text, (SELECT count(*) FROM claims c WHERE c.source_id = s.id)"
                " AS claims FROM sources s ORDER BY s.id"
            )
        ).mappings()
        return [dict(r) for r in rows]


@pytest.fixture
def site():
    with serve() as running:
        yield running


def test_a_feed_url_stores_each_linked_article_once_with_its_own_metadata(cli, db_url, site):
    result = cli("ingest", site.url("feed.xml"), *FAST, db=db_url)
    assert lines(result) == [
        f"{site.url('feed.xml')}: RSS 2.0 feed 'The Alden Harbour Gazette: News', 3 articles",
        "documents: 3 added, 0 skipped, 0 failed; claims: 23 added",
    ]
    stored = sources(db_url)
    assert [s["path"] for s in stored] == [
        site.url("harbour-ferries.html"),
        site.url("budget-vote.html"),
        site.url("library-hours.html"),
    ]
    ferries, budget, library = stored
    assert ferries["title"] == "Ferry service to the islands will resume in March"
    assert str(ferries["published_on"]) == "2025-02-11" and ferries["author"] == "Maren Kell"
    assert ferries["url"] == "https://gazette.example/2025/02/11/ferries-resume"  # canonical
    assert ferries["fetched_url"] == site.url("harbour-ferries.html")
    assert str(budget["published_on"]) == "2025-02-12"  # from its JSON-LD
    assert str(library["published_on"]) == "2025-02-13"  # the page has none: the feed's
    assert library["url"] == site.url("library-hours.html")  # no canonical: where it was
    for source in stored:
        assert source["claims"] > 0 and source["language"] == "en"
        assert not any(words in source["text"] for words in NAV_AND_FOOTER)

    fetched = len(site.hits)
    again = cli("ingest", site.url("feed.xml"), *FAST, db=db_url)
    assert lines(again)[-1] == "documents: 0 added, 3 skipped, 0 failed; claims: 0 added"
    assert len(sources(db_url)) == 3
    assert [h.path for h in site.hits[fetched:]] == ["/robots.txt", "/feed.xml"]  # no page


def test_a_feed_file_links_to_the_pages_beside_it(cli, tmp_path):
    db = str(tmp_path / "c.db")
    result = cli("ingest", str(FIXTURES / "feed.xml"), "--quiet", db=db)
    assert lines(result)[-1] == "documents: 3 added, 0 skipped, 0 failed; claims: 23 added"
    assert [s["path"] for s in sources(db)] == [
        str(FIXTURES / name)
        for name in ("harbour-ferries.html", "budget-vote.html", "library-hours.html")
    ]
    assert all(s["fetched_url"] is None for s in sources(db))


def test_url_and_title_given_with_a_feed_are_not_applied_to_each_article(cli, tmp_path):
    db = str(tmp_path / "c.db")
    result = cli(
        "ingest", str(FIXTURES / "feed.xml"), "--url", "https://one.example/a", "--title", "One",
        "--outlet", "Gazette", "--quiet", db=db,
    )  # fmt: skip
    assert "--url and --title name one article, so not applied to a feed's articles" in (
        result.stderr
    )
    assert lines(result)[-1] == "documents: 3 added, 0 skipped, 0 failed; claims: 23 added"
    stored = sources(db)
    assert "https://one.example/a" not in [s["url"] for s in stored]
    assert "One" not in [s["title"] for s in stored]
    assert {s["outlet"] for s in stored} == {"Gazette"}  # what fits every article applies


def test_an_article_in_another_language_is_stored_without_claims_and_said_so(cli, tmp_path, site):
    db = str(tmp_path / "c.db")
    result = cli("ingest", site.url("atom.xml"), *FAST, db=db)
    assert lines(result) == [
        f"{site.url('atom.xml')}: Atom 1.0 feed 'Harbour and town: all stories', 2 articles",
        f"{site.url('mairie-horaires.html')}: in French (fr), not English: stored without "
        "claims (the extractor reads English only)",
        "documents: 2 added (1 not English), 0 skipped, 0 failed; claims: 8 added",
    ]
    french = sources(db)[1]
    assert french["language"] == "fr" and french["claims"] == 0
    assert french["title"] == "La mairie change ses horaires d'ouverture"
    assert str(french["published_on"]) == "2025-02-10"


def test_a_language_given_in_the_metadata_wins_over_the_one_told(cli, tmp_path):
    page = tmp_path / "mairie.html"
    page.write_text((FIXTURES / "mairie-horaires.html").read_text())
    (tmp_path / "mairie.meta.yaml").write_text("language: en\n")
    result = cli("ingest", str(page), "--quiet", db=str(tmp_path / "c.db"))
    assert "not English" not in result.stderr
    assert sources(str(tmp_path / "c.db"))[0]["language"] == "en"


def test_a_page_url_is_not_fetched_again_once_stored(cli, tmp_path, site):
    db = str(tmp_path / "c.db")
    cli("ingest", site.url("moved"), *FAST, db=db)
    [stored] = sources(db)
    assert stored["path"] == site.url("moved")
    assert stored["fetched_url"] == site.url("harbour-ferries.html")
    before = len(site.hits)
    for url in (site.url("moved"), site.url("harbour-ferries.html")):  # as asked, as fetched
        result = cli("ingest", url, *FAST, db=db)
        assert lines(result) == ["documents: 0 added, 1 skipped, 0 failed; claims: 0 added"]
    assert len(site.hits) == before  # not even robots.txt


def test_the_same_article_at_another_address_is_skipped(cli, tmp_path):
    ferries = (FIXTURES / "harbour-ferries.html").read_bytes()
    site = Site(
        files={
            "/copy.html": ferries,  # the same text
            "/amp.html": ferries.replace(b"<p>Not everyone is satisfied.", b"<p>Update."),
        }
    )
    db = str(tmp_path / "c.db")
    with serve(site):
        first = cli("ingest", site.url("harbour-ferries.html"), *FAST, db=db)
        again = cli("ingest", site.url("copy.html"), site.url("amp.html"), *FAST, db=db)
    assert lines(first)[-1].startswith("documents: 1 added")
    assert lines(again) == ["documents: 0 added, 2 skipped, 0 failed; claims: 0 added"]


TWICE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour twice</title>
<item><title>Ferries</title><link>{ferries}</link></item>
<item><title>Ferries again</title><link>{ferries_again}</link></item>
<item><title>Library</title><link>{library}</link></item>
</channel></rss>
"""


def test_a_url_given_twice_in_a_run_is_fetched_once_and_skipped_once(cli, tmp_path):
    # on the command line and in a feed, written another way (the scheme and host's case, the
    # default port, a #fragment): the same request, made once; the second counted as skipped
    site = Site()
    with serve(site):
        ferries, library = site.url("harbour-ferries.html"), site.url("library-hours.html")
        feed = TWICE_FEED.format(
            ferries=ferries,
            ferries_again=ferries.replace("http://", "HTTP://") + "#fares",
            library=library,
        )
        site.files["/twice.xml"] = feed.encode()
        given = (library, site.url("twice.xml"), library.replace("http://", "Http://") + "#top")
        runs = {}
        for workers in ("1", "2"):
            site.hits.clear()
            db = str(tmp_path / f"w{workers}.db")
            result = cli("ingest", *given, "--workers", workers, *FAST, db=db)
            asked = site.paths()
            assert asked.count("/library-hours.html") == 1, asked
            assert asked.count("/harbour-ferries.html") == 1, asked
            runs[workers] = (lines(result), sources(db))
    assert runs["2"] == runs["1"]
    shown, stored = runs["1"]
    assert shown[-1].startswith("documents: 2 added, 3 skipped, 0 failed")  # library: 3 times
    assert [s["path"] for s in stored] == [library, ferries]


def test_every_bad_item_is_one_line_and_the_others_are_stored(cli, db_url):
    with serve(Site(slow_seconds=3.0)) as site:
        gone = serve(Site())
        with gone as dead:
            dead_url = dead.url("a.html")
        bad = {
            "missing.html": "HTTP 404 Not Found",
            "broken": "HTTP 500 Internal Server Error (3 tries)",
            "slow": "timed out after 0.5 s (3 tries)",
            "huge": "too large (over 10.0 MB); not read",
            "picture.png": "not a web page or a feed (content type image/png); nothing was read",
            "binary.html": "binary data, not a web page or a feed",
            "data.json": "not a web page or a feed (text/plain); nothing was stored",
            "broken-feed.xml": "broken feed: not well-formed XML (line",
            "private/page.html": "robots.txt of 127.0.0.1:",
        }
        urls = [site.url(path) for path in bad]
        result = cli(
            "ingest",
            site.url("harbour-ferries.html"),
            *urls,
            dead_url,
            site.url("budget-vote.html"),
            "--timeout",
            "0.5",
            *FAST,
            ok=False,
            db=db_url,
        )
    assert result.exit_code == 1
    out = lines(result)
    errors = [line for line in out if line.startswith("Error:")]
    assert len(errors) == len(bad) + 1
    for line, (path, message) in zip(errors, bad.items(), strict=False):
        assert line.startswith(f"Error: {site.url(path)}: ") and message in line, line
    assert errors[-1].startswith(f"Error: {dead_url}: cannot connect to")
    assert out[-1] == "documents: 2 added, 0 skipped, 10 failed; claims: 19 added"
    assert [s["path"] for s in sources(db_url)] == [
        site.url("harbour-ferries.html"),
        site.url("budget-vote.html"),
    ]


def test_a_url_claimtrack_does_not_fetch_is_refused_before_anything_is_read(cli, tmp_path):
    result = cli("ingest", "ftp://127.0.0.1/a.html", ok=False, db=str(tmp_path / "c.db"))
    assert result.exit_code == 1
    assert lines(result) == [
        "Error: ftp://127.0.0.1/a.html: only http:// and https:// URLs are fetched, not ftp:"
    ]


def test_a_feed_file_link_to_a_missing_file_is_one_line(cli, tmp_path):
    feed = (FIXTURES / "feed.xml").read_text().replace("library-hours.html", "gone.html")
    (tmp_path / "feed.xml").write_text(feed)
    for name in ("harbour-ferries.html", "budget-vote.html"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    result = cli(
        "ingest", str(tmp_path / "feed.xml"), "--quiet", ok=False, db=str(tmp_path / "c.db")
    )
    assert result.exit_code == 1
    out = lines(result)
    assert f"Error: {tmp_path / 'feed.xml'}: entry gone.html: no such file" in out
    assert out[-1] == "documents: 2 added, 0 skipped, 1 failed; claims: 19 added"


def test_a_feed_served_as_plain_text_is_still_a_feed(cli, tmp_path, site):
    result = cli("ingest", site.url("feed-as-text"), *FAST, db=str(tmp_path / "c.db"))
    assert lines(result)[-1] == "documents: 3 added, 0 skipped, 0 failed; claims: 23 added"


def test_with_workers_feeds_urls_and_pages_store_what_one_process_stores(cli, tmp_path, site):
    # the workers read the files and parse the pages the process that stores fetched (the
    # feed's articles, the URLs: fetched politely, once); stdin is read by that process
    page = tmp_path / "mairie.html"
    page.write_text((FIXTURES / "mairie-horaires.html").read_text().replace("sept", "oct"))
    (tmp_path / "mairie.meta.yaml").write_text("language: en\n")  # the metadata's wins
    given = (str(FIXTURES / "feed.xml"), site.url("atom.xml"), str(page), "-")
    said = "Ann Holt, the harbour master, said the new pier would open in May."
    runs = {}
    for workers in ("1", "2"):
        db = str(tmp_path / f"w{workers}.db")
        result = cli("ingest", *given, "--workers", workers, *FAST, db=db, input=said)
        runs[workers] = (lines(result), sources(db))
    assert runs["2"] == runs["1"]
    shown, stored = runs["2"]
    # the atom feed's budget page is the feed file's: skipped
    assert shown[-1].startswith("documents: 6 added (1 not English), 1 skipped, 0 failed")
    assert [s["language"] for s in stored] == ["en", "en", "en", "fr", "en", None]


def test_with_workers_a_fetched_page_is_parsed_in_a_worker_not_in_the_writer(
    cli, tmp_path, site, monkeypatch
):
    import claimtrack.io.readers as readers_mod

    given = [
        site.url(path)
        for path in (
            "moved",  # fetched at harbour-ferries.html
            "atom.xml",  # a feed: its two articles fetched here, parsed in a worker
            "library-hours.html",
            "binary.html",  # one line, the others go on
            "harbour-ferries.html",  # the same page as "moved": skipped
            "missing.html",
        )
    ]
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    alone = cli("ingest", *given, "--workers", "1", *FAST, db=one, ok=False)

    parsed_here: list[str | None] = []
    real_parse = readers_mod.parse_html

    def parse_html(text: str, url: str | None = None):  # noqa: ANN202
        parsed_here.append(url)
        return real_parse(text, url)

    monkeypatch.setattr(readers_mod, "parse_html", parse_html)
    shared = cli("ingest", *given, "--workers", "2", *FAST, db=two, ok=False)
    assert parsed_here == []  # the writer fetched every page and parsed none
    assert alone.exit_code == shared.exit_code == 1
    assert lines(shared) == lines(alone)
    assert lines(shared)[-1].startswith("documents: 4 added (1 not English), 1 skipped, 2 failed")
    assert sources(two) == sources(one)
    assert [s["fetched_url"] for s in sources(two)] == [
        site.url(path)
        for path in ("harbour-ferries.html", "budget-vote.html", "mairie-horaires.html")
    ] + [site.url("library-hours.html")]
    fetched = len(site.hits)
    again = cli("ingest", *given, "--workers", "2", *FAST, db=two, ok=False)
    assert lines(again)[-1] == "documents: 0 added, 5 skipped, 2 failed; claims: 0 added"
    assert sources(two) == sources(one)
    asked = [h.path for h in site.hits[fetched:]]
    assert "/library-hours.html" not in asked and "/moved" not in asked  # stored: not fetched
