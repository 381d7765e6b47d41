"""The fetcher against a real HTTP server on 127.0.0.1: redirects, retries, limits, robots.txt,
the per-host delay and conditional requests. Waits are counted with a clock the test keeps,
never timed."""

from __future__ import annotations

import pytest

from claimtrack.io.fetch import USER_AGENT, Fetcher, FetchError, FetchPolicy
from tests.web_site import FIXTURES, Site, serve

FAST = FetchPolicy(timeout=5, delay=0, backoff=0.01)


class Clock:
    """A clock that only moves when the fetcher sleeps: the sleeps it asks for are kept."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def site():
    with serve() as running:
        yield running


def test_a_page_is_fetched_with_a_clear_user_agent_after_robots_txt(site):
    with Fetcher(FAST) as fetcher:
        got = fetcher.get(site.url("harbour-ferries.html"))
    assert got.status == 200 and got.content_type == "text/html" and got.charset == "utf-8"
    assert got.body == (FIXTURES / "harbour-ferries.html").read_bytes()
    assert site.paths() == ["/robots.txt", "/harbour-ferries.html"]
    assert all(h.headers["User-Agent"] == USER_AGENT for h in site.hits)
    assert USER_AGENT.startswith("claimtrack/")


def test_redirects_are_followed_and_the_final_url_kept(site):
    with Fetcher(FAST) as fetcher:
        got = fetcher.get(site.url("moved-twice"))
    assert got.url == site.url("moved-twice")
    assert got.final_url == site.url("harbour-ferries.html")
    assert site.statuses("/moved-twice") == [302] and site.statuses("/moved") == [301]


def test_a_redirect_loop_and_a_redirect_off_the_web_are_refused(site):
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match="more than 5 redirects"):
            fetcher.get(site.url("loop"))
        with pytest.raises(FetchError, match=r"redirected to ftp://.*only http:// and https://"):
            fetcher.get(site.url("to-ftp"))


def test_a_5xx_answer_is_tried_again_with_backoff_then_given_up(site):
    clock = Clock()
    policy = FetchPolicy(timeout=5, delay=0, retries=2, backoff=1.0)
    with Fetcher(policy, sleep=clock.sleep, clock=clock) as fetcher:
        with pytest.raises(FetchError, match=r"^HTTP 500 Internal Server Error \(3 tries\)$"):
            fetcher.get(site.url("broken"))
    assert site.statuses("/broken") == [500, 500, 500]
    assert clock.sleeps == [1.0, 2.0]  # the backoff doubles


def test_a_server_that_recovers_is_read_after_its_retry_after(site):
    site.flaky_failures = 2
    clock = Clock()
    with Fetcher(FetchPolicy(delay=0), sleep=clock.sleep, clock=clock) as fetcher:
        got = fetcher.get(site.url("flaky"))
    assert got.status == 200 and b"Council approves budget" in got.body
    assert site.statuses("/flaky") == [503, 503, 200]
    assert clock.sleeps == [0.0, 0.0]  # Retry-After: 0 wins over the backoff


def test_a_slow_server_times_out_after_the_retries():
    with serve(Site(slow_seconds=2.0)) as site:
        policy = FetchPolicy(timeout=0.3, delay=0, retries=1, backoff=0.01)
        with Fetcher(policy) as fetcher, pytest.raises(FetchError) as info:
            fetcher.get(site.url("slow"))
    assert str(info.value) == "timed out after 0.3 s (2 tries)"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("missing.html", "HTTP 404 Not Found"),
        ("picture.png", "not a web page or a feed (content type image/png); nothing was read"),
        ("huge-declared", "too large (50.0 MB; the limit is 10.0 MB); not read"),
        ("huge", "too large (over 10.0 MB); not read"),
        ("private/page.html", "does not allow claimtrack to fetch it"),
    ],
)
def test_each_failure_is_one_line(site, path, message):
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(site.url(path))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_an_unreachable_host_is_one_line_and_not_retried():
    with serve() as site:
        port = site.port
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as info:  # the server is gone
        fetcher.get(f"http://127.0.0.1:{port}/a.html")
    assert str(info.value) == f"cannot connect to 127.0.0.1:{port} (connection refused)"


def test_only_http_and_https_urls_are_fetched():
    with Fetcher(FAST) as fetcher:
        for url, why in [
            ("file:///etc/passwd", "not file:"),
            ("ftp://127.0.0.1/a", "not ftp:"),
            ("http:///nohost", "names no host"),
        ]:
            with pytest.raises(FetchError, match=why):
                fetcher.get(url)


def test_two_urls_for_one_request_have_one_key():
    # what ingest compares to fetch a URL once a run: the scheme and host's case, a default
    # port and a #fragment make no other request; the path and the query's case do
    from claimtrack.io.urls import url_key

    same = [
        "http://harbour.example/news/ferries?page=2",
        "HTTP://Harbour.Example:80/news/ferries?page=2#fares",
        "http://harbour.example/news/ferries?page=2#",
    ]
    assert {url_key(u) for u in same} == {same[0]}
    assert url_key("https://harbour.example") == url_key("https://harbour.example:443/")
    assert url_key("http://[::1]:80/a") == "http://[::1]/a"
    others = [
        same[0],
        "https://harbour.example/news/ferries?page=2",
        "http://harbour.example:8080/news/ferries?page=2",
        "http://harbour.example/News/ferries?page=2",
        "http://harbour.example/news/ferries?page=3",
        "http://harbour.example/news/ferries/?page=2",
    ]
    assert len({url_key(u) for u in others}) == len(others)
    assert url_key("http://harbour.example:port/") == "http://harbour.example:port/"  # as given


def test_a_gzipped_answer_is_read_decompressed(site):
    with Fetcher(FAST) as fetcher:
        got = fetcher.get(site.url("gzipped.html"))
    assert got.body == (FIXTURES / "library-hours.html").read_bytes()


def test_a_conditional_request_of_an_unchanged_feed_is_one_304(site):
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.url("feed.xml"))
        again = fetcher.get(
            site.url("feed.xml"), etag=first.etag, last_modified=first.last_modified
        )
    assert first.status == 200 and first.etag and first.last_modified
    assert again.not_modified and again.body == b""
    conditional = [h for h in site.hits if h.path == "/feed.xml"][1]
    assert conditional.headers["If-None-Match"] == first.etag
    assert conditional.headers["If-Modified-Since"] == first.last_modified
    assert site.statuses("/feed.xml") == [200, 304]


def test_requests_to_one_host_wait_the_delay_and_robots_txt_is_read_once(site):
    clock = Clock()
    with Fetcher(FetchPolicy(delay=2.0), sleep=clock.sleep, clock=clock) as fetcher:
        fetcher.get(site.url("harbour-ferries.html"))
        fetcher.get(site.url("budget-vote.html"))
    assert site.paths() == ["/robots.txt", "/harbour-ferries.html", "/budget-vote.html"]
    assert clock.sleeps == [2.0, 2.0]  # before the page, and before the next page


def test_a_crawl_delay_in_robots_txt_lengthens_the_delay():
    with serve(Site(robots=b"User-agent: *\nCrawl-delay: 7\n")) as site:
        clock = Clock()
        with Fetcher(FetchPolicy(delay=1.0), sleep=clock.sleep, clock=clock) as fetcher:
            fetcher.get(site.url("harbour-ferries.html"))
    assert clock.sleeps == [7.0]


def test_no_robots_txt_allows_everything():
    with serve(Site(robots=None)) as site, Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("private/page.html")).status == 200
