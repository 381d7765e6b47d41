"""`claimtrack feeds`: subscribe, list, poll (conditional requests: an unchanged feed costs
one 304), remove; against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json

from sqlalchemy import text

from claimtrack.store import engine as dbmod
from tests.web_site import FIXTURES, Site, serve

FAST = ("--delay", "0", "--quiet")


def lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def feed_rows(cli, db) -> list[dict]:
    return json.loads(cli("feeds", "list", "--format", "json", db=db).stdout)


def test_a_subscription_is_polled_once_a_run_and_costs_one_304_when_unchanged(cli, db_url):
    with serve() as site:
        feed = site.url("feed.xml")
        added = cli("feeds", "add", feed, db=db_url)
        assert lines(added) == [
            "feed 1: subscribed to RSS 2.0 feed 'The Alden Harbour Gazette: News' (3 articles "
            "now); `claimtrack feeds poll` ingests them"
        ]
        [row] = feed_rows(cli, db_url)
        assert row["url"] == feed and row["title"] == "The Alden Harbour Gazette: News"
        assert row["last_polled_at"] is None and row["etag"] is None

        first = cli("feeds", "poll", *FAST, db=db_url)
        assert lines(first) == [
            f"feed 1 {feed}: 3 articles: 3 added, 0 skipped, 0 failed",
            "feeds: 1 polled, 0 unchanged, 0 failed; documents: 3 added, 0 skipped, 0 failed; "
            "claims: 23 added",  # the council's budget vote is an act, no claim
        ]
        [row] = feed_rows(cli, db_url)
        assert row["etag"] and row["last_modified"] and row["last_polled_at"]
        assert row["last_result"] == "3 articles: 3 added, 0 skipped, 0 failed"

        before = len(site.hits)
        second = cli("feeds", "poll", *FAST, db=db_url)
        assert lines(second) == [
            f"feed 1 {feed}: unchanged",
            "feeds: 1 polled, 1 unchanged, 0 failed; documents: 0 added, 0 skipped, 0 failed; "
            "claims: 0 added",
        ]
        asked = site.hits[before:]
        assert [(h.path, h.status) for h in asked] == [("/robots.txt", 200), ("/feed.xml", 304)]
        assert asked[1].headers["If-None-Match"] == row["etag"]
    assert feed_rows(cli, db_url)[0]["last_result"] == "unchanged"
    engine = dbmod.make_engine(dbmod.resolve_url(db_url))
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM sources")) == 3


def test_a_changed_feed_ingests_only_its_new_articles(cli, tmp_path):
    db = str(tmp_path / "c.db")
    with serve() as site:
        cli("ingest", site.url("budget-vote.html"), *FAST, db=db)  # one is already stored
        cli("feeds", "add", site.url("atom.xml"), db=db)
        result = cli("feeds", "poll", *FAST, db=db)
    assert lines(result) == [
        f"{site.url('mairie-horaires.html')}: in French (fr), not English: stored without claims "
        "(the extractor reads English only)",
        f"feed 1 {site.url('atom.xml')}: 2 articles: 1 added, 1 skipped, 0 failed",
        "feeds: 1 polled, 0 unchanged, 0 failed; documents: 1 added (1 not English), 1 skipped, "
        "0 failed; claims: 0 added",
    ]
    assert site.statuses("/budget-vote.html") == [200]  # not fetched again


def test_a_feed_whose_article_failed_is_read_whole_again_next_time(cli, tmp_path):
    feed = (FIXTURES / "feed.xml").read_bytes().replace(b"library-hours.html", b"broken")
    site = Site(files={"/news.xml": feed})
    db = str(tmp_path / "c.db")
    with serve(site):
        cli("feeds", "add", site.url("news.xml"), db=db)
        first = cli("feeds", "poll", "--delay", "0", "--quiet", ok=False, db=db)
        assert first.exit_code == 1
        assert f"Error: {site.url('broken')}: HTTP 500 Internal Server Error (3 tries)" in lines(
            first
        )
        assert (
            f"Error: feed 1 {site.url('news.xml')}: 3 articles: 2 added, 0 skipped, 1 failed"
            in (lines(first))
        )
        assert feed_rows(cli, db)[0]["etag"] is None  # kept only when every article was read
        second = cli("feeds", "poll", *FAST, ok=False, db=db)
    assert (
        f"feed 1 {site.url('news.xml')}: 3 articles: 0 added, 2 skipped, 1 failed"
        in lines(second)[-2]
    )
    assert site.statuses("/news.xml")[-1] == 200  # read whole, not a 304


def test_a_failing_feed_is_one_line_and_the_other_feeds_are_polled(cli, tmp_path):
    db = str(tmp_path / "c.db")
    with serve() as site:
        cli("feeds", "add", site.url("atom.xml"), db=db)
        site.files["/gone.xml"] = (FIXTURES / "feed.xml").read_bytes()
        cli("feeds", "add", site.url("gone.xml"), db=db)
        del site.files["/gone.xml"]  # the feed disappears after it was subscribed
        result = cli("feeds", "poll", *FAST, ok=False, db=db)
    assert result.exit_code == 1
    out = lines(result)
    assert f"Error: feed 2 {site.url('gone.xml')}: HTTP 404 Not Found" in out
    assert out[-1].startswith("feeds: 2 polled, 0 unchanged, 1 failed; documents: 2 added")
    assert feed_rows(cli, db)[1]["last_result"] == "failed: HTTP 404 Not Found"


def test_subscribing_checks_the_feed_and_refuses_twice(cli, tmp_path):
    db = str(tmp_path / "c.db")
    with serve() as site:
        page = cli("feeds", "add", site.url("harbour-ferries.html"), ok=False, db=db)
        assert lines(page) == [
            f"Error: {site.url('harbour-ferries.html')}: not an RSS or Atom feed; not subscribed"
        ]
        cli("feeds", "add", site.url("feed.xml"), db=db)
        twice = cli("feeds", "add", site.url("feed.xml"), ok=False, db=db)
        assert lines(twice) == [f"Error: {site.url('feed.xml')}: already subscribed (feed 1)"]
        bad = cli("feeds", "add", "file:///etc/hosts", ok=False, db=db)
    assert bad.exit_code == 2 and "only http:// and https://" in bad.stderr
    assert [r["url"] for r in feed_rows(cli, db)] == [site.url("feed.xml")]


def test_removing_a_feed_keeps_its_articles(cli, tmp_path):
    db = str(tmp_path / "c.db")
    with serve() as site:
        cli("feeds", "add", site.url("feed.xml"), db=db)
        cli("feeds", "poll", *FAST, db=db)
    removed = cli("feeds", "remove", "1", db=db)
    assert lines(removed) == [f"feed 1: unsubscribed from {site.url('feed.xml')}"]
    assert feed_rows(cli, db) == []
    missing = cli("feeds", "remove", "1", ok=False, db=db)
    assert lines(missing) == ["Error: no feed '1' (see `claimtrack feeds list` for ids and URLs)"]
    nothing = cli("feeds", "poll", ok=False, db=db)
    assert lines(nothing) == ["Error: no feeds subscribed: add one with `claimtrack feeds add URL`"]
    assert len(json.loads(cli("sources", "list", "--format", "json", db=db).stdout)) == 3


def claim_rows(cli, db) -> list[tuple]:  # type: ignore[no-untyped-def]
    rows = json.loads(cli("export", "--format", "json", db=db).stdout)
    return sorted((r["content_start"], r["content_end"], r["cue"]) for r in rows)


def test_polling_extracts_as_ingest_does_with_or_without_the_learned_models(
    cli, tmp_path, monkeypatch
):
    found = {}
    with serve() as site:
        for learned in ("1", "0"):  # CLAIMTRACK_LEARNED=0: the rules alone, for poll too
            monkeypatch.setenv("CLAIMTRACK_LEARNED", learned)
            ingested, polled = str(tmp_path / f"i{learned}.db"), str(tmp_path / f"p{learned}.db")
            cli("ingest", site.url("feed.xml"), *FAST, db=ingested)
            cli("feeds", "add", site.url("feed.xml"), db=polled)
            cli("feeds", "poll", *FAST, db=polled)
            found[learned] = claim_rows(cli, ingested)
            assert claim_rows(cli, polled) == found[learned]
    assert found["1"] != found["0"]  # the learned models change what these articles give
