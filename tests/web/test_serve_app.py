"""claimtrack serve through Starlette's test client, on SQLite and PostgreSQL: every route,
the same rows as the command line, escaping, CSRF, the write token and --read-only."""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlalchemy import event
from starlette.testclient import TestClient

from claimtrack.web import app as web_app
from tests.conftest import SEEDS, rows
from tests.query.test_paging import skipped

# Written for these tests: a claim that quotes markup, in a source whose title is markup.
HOSTILE = (
    "Council clerk Maria Denholm said on Tuesday that the agenda page had shown "
    "\"<script>alert('x')</script>\" to every visitor for a week.\n\n"
    "The mayor, Tomas Greve, said the fix would ship before the next meeting on the "
    "ceasefire between the two unions.\n"
)
HOSTILE_TITLE = "Council <b>agenda</b>"


@pytest.fixture
def db(db_url, cli, tmp_path):
    """The seed article and the hostile one, ingested by the command line."""
    page = tmp_path / "hostile.txt"
    page.write_text(HOSTILE, encoding="utf-8")
    meta = {"title": HOSTILE_TITLE, "published": "2025-09-02", "outlet": "Ward Gazette"}
    (tmp_path / "hostile.meta.yaml").write_text(json.dumps(meta), encoding="utf-8")
    cli("ingest", str(SEEDS), str(page), "--quiet", db=db_url)
    return db_url


def make_client(db: str, **options) -> TestClient:
    app = web_app.create_app(db, **options)
    return TestClient(app)


@pytest.fixture
def client(db):
    c = make_client(db)
    yield c
    c.app.state.web.engine.dispose()


def marks(page: str, kind: str) -> list[str]:
    """The texts marked as KIND in the page's evidence (a claim's paragraph, a source's text)."""
    evidence = re.search(
        r'<(blockquote class="paragraph"|article class="source-text")>(.*?)</(blockquote|article)>',
        page,
        re.S,
    ).group(2)
    return [
        html.unescape(m) for m in re.findall(rf'<mark class="{kind}">(.*?)</mark>', evidence, re.S)
    ]


def hostile_id(cli, db) -> int:
    (row,) = rows(cli, db, "who-said", "--search", "agenda visitor")
    return row["claim_id"]


FILTERS = [
    "topic=ceasefire",
    "actor=ushakov&since=2025-08-01",
    "since=2025-08-14",
    "until=2025-08-13",
    "search=summit",
    "source=Council",
    "attribution=indirect",
    "status=unreviewed",
    "topic=ceasefire&limit=2",
    "outlet=ward gazette",
    "published-since=2025-09-01",
    "published-until=2025-08-31&min-confidence=0.7",
    "since=2025-08-14&said-only=1",
]
FLAGS = ("said-only", "include-rejected")


def test_claims_by_topic_answers_as_the_acceptance_says(client):
    page = client.get("/claims?topic=ceasefire")
    assert page.status_code == 200
    text = page.text
    trump, ushakov = text.index("Donald Trump"), text.index("Yuri Ushakov")
    assert trump < ushakov
    assert "2025-08-13" in text[trump:ushakov] and "2025-08-14" in text[ushakov:]
    data = client.get("/claims.json?topic=ceasefire").json()
    assert [(r["speaker"], r["said_on"]) for r in data][:2] == [
        ("Donald Trump", "2025-08-13"),
        ("Yuri Ushakov", "2025-08-14"),
    ]
    assert list(data[0]) == list(web_app.EXPORT_COLUMNS)


def test_every_filter_gives_the_rows_of_who_said(client, cli, db):
    for query in FILTERS:
        check_filter(client, cli, db, query)


def check_filter(client, cli, db, query):
    args = ["who-said"]
    for pair in query.split("&"):
        name, value = pair.split("=")
        args += [f"--{name}"] if name in FLAGS else [f"--{name}", value]
    expected = json.loads(cli(*args, "--format", "json", db=db).stdout)
    assert expected, f"{query} finds nothing: the test would prove nothing"
    got = client.get(f"/claims.json?{query}").json()
    assert got == expected
    listing = client.get(f"/claims?{query}").text
    assert re.findall(r'<td class="num"><a href="/claims/(\d+)">', listing) == [
        str(r["claim_id"]) for r in expected
    ]
    csv = client.get(f"/claims.csv?{query}")
    assert csv.headers["content-disposition"] == 'attachment; filename="claims.csv"'
    assert csv.text == cli(*args, "--format", "csv", db=db).stdout
    jsonl = client.get(f"/claims.jsonl?{query}").text
    assert jsonl == cli(*args, "--format", "jsonl", db=db).stdout


def test_download_links_carry_the_selection(client):
    page = client.get("/claims?topic=ceasefire&actor=ushakov").text
    for fmt in ("csv", "json", "jsonl"):
        assert f'href="/claims.{fmt}?topic=ceasefire&amp;actor=ushakov"' in page


def test_every_appearance_matches_the_option(client, cli, db):
    expected = json.loads(cli("who-said", "--every-appearance", "-f", "json", db=db).stdout)
    assert client.get("/claims.json?every=1").json() == expected


def test_bad_filters_are_one_clear_message(client):
    page = client.get("/claims?topic=no-such-topic")
    assert page.status_code == 400
    assert "no such topic; see `claimtrack topics list`" in html.unescape(page.text)
    bad = client.get("/claims.json?since=2025-13-01")
    assert bad.status_code == 400 and "since" in bad.json()["error"]
    assert client.get("/claims?status=great").status_code == 400
    assert client.get("/claims?limit=none").status_code == 400
    assert client.get("/claims.xml").status_code == 404


def test_paging_walks_the_whole_selection(client, monkeypatch):
    monkeypatch.setattr(web_app, "PAGE_SIZE", 5)
    expected = [r["claim_id"] for r in client.get("/claims.json").json()]
    assert len(expected) > 10
    seen, url = [], "/claims"
    while url:
        page = client.get(url).text
        seen += [int(i) for i in re.findall(r'<td class="num"><a href="/claims/(\d+)">', page)]
        found = re.search(r'<a href="([^"]+)" rel="next">', page)
        url = html.unescape(found.group(1)) if found else None
    assert seen == expected


def shown_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<td class="num"><a href="/claims/(\d+)">', page)]


def link(page: str, rel: str) -> str | None:
    found = re.search(rf'<a href="([^"]+)" rel="{rel}">', page)
    return html.unescape(found.group(1)) if found else None


@pytest.mark.parametrize("query", ["", "sort=newest", "every=1", "topic=conflict&sort=newest"])
def test_paging_forward_then_back_gives_the_same_pages(client, monkeypatch, query):
    """The previous links read back from the first row shown (?before=, keyset), never a
    page skipped to with OFFSET: walking back from the last page gives every page again,
    numbered as before, and the first page has no previous link."""
    monkeypatch.setattr(web_app, "PAGE_SIZE", 3)
    skips: list[int] = []
    engine = client.app.state.web.engine
    record = lambda conn, cursor, sql, params, *args: skips.append(skipped(sql, params))  # noqa: E731
    event.listen(engine, "before_cursor_execute", record)
    forward, url = [], f"/claims?{query}"
    while url:
        page = client.get(url).text
        forward.append((shown_ids(page), re.search(r"claims \d+–\d+", page).group(0)))
        url = link(page, "next")
    assert len(forward) >= 3, forward
    backward = [forward[-1]]
    url = link(page, "prev")
    while url:
        assert "before=" in url and "after=" not in url, url
        page = client.get(url).text
        backward.append((shown_ids(page), re.search(r"claims \d+–\d+", page).group(0)))
        url = link(page, "prev")
    event.remove(engine, "before_cursor_execute", record)
    assert backward[::-1] == forward
    assert link(client.get(f"/claims?{query}").text, "prev") is None
    assert skips and set(skips) == {0}, skips


def test_a_page_reached_by_its_number_goes_back_by_cursor(client, monkeypatch):
    """A ?page= link (made before the cursors were) still works; its previous link reads
    back from its first row, and a cursor with nothing before it gives the first page."""
    monkeypatch.setattr(web_app, "PAGE_SIZE", 3)
    expected = [r["claim_id"] for r in client.get("/claims.json").json()]
    third = client.get("/claims?page=3").text
    assert shown_ids(third) == expected[6:9]
    back = link(third, "prev")
    assert "before=" in back and "page=2" in back
    second = client.get(back).text
    assert shown_ids(second) == expected[3:6] and "claims 4–6" in second
    first = client.get(link(second, "prev")).text
    assert shown_ids(first) == expected[:3] and link(first, "prev") is None
    assert "claims 1–3" in first
    assert shown_ids(client.get(link(first, "next")).text) == expected[3:6]
    bad = client.get("/claims?before=yesterday")
    assert bad.status_code == 400 and "is not a cursor" in html.unescape(bad.text)


def test_a_claim_shows_its_marked_paragraph(client, cli, db):
    (row,) = rows(cli, db, "who-said", "--actor", "ushakov", "--topic", "ceasefire")
    page = client.get(f"/claims/{row['claim_id']}")
    assert page.status_code == 200
    assert marks(page.text, "content") == [row["content"]]
    assert marks(page.text, "cue") == [row["cue"]]
    assert marks(page.text, "speaker") == [row["speaker_mention"]]
    shown = json.loads(cli("show", str(row["claim_id"]), "-f", "json", db=db).stdout)
    assert shown["date"]["derivation"] in html.unescape(page.text)
    assert client.get(f"/claims/{row['claim_id']}.json").json() == shown


def test_stored_markup_is_shown_as_text(client, cli, db):
    claim_id = hostile_id(cli, db)
    source_id = client.get(f"/claims/{claim_id}.json").json()["source"]["source_id"]
    actor_id = client.get(f"/claims/{claim_id}.json").json()["speaker"]["actor_id"]
    for url in (
        f"/claims/{claim_id}",
        "/claims?search=agenda",
        f"/sources/{source_id}",
        f"/actors/{actor_id}",
        "/review",
        "/sources",
    ):
        page = client.get(url).text
        assert "<script>" not in page and "<b>agenda" not in page, url
        assert "&lt;script&gt;" in page or "&lt;b&gt;agenda" in page, url


def test_indexes_give_the_listings_rows(client, cli, db):
    assert client.get("/actors.json").json() == rows(cli, db, "actors", "list")
    assert client.get("/sources.json").json() == rows(cli, db, "sources", "list")
    assert client.get("/topics.json").json() == rows(cli, db, "topics", "list")
    actors = client.get("/actors").text
    assert "Yuri Ushakov" in actors and 'href="/actors/' in actors
    topics = client.get("/topics").text
    assert 'href="/claims?topic=ceasefire"' in topics


def test_an_actor_page_draws_a_timeline_of_their_claims(client, cli, db):
    mine = rows(cli, db, "who-said", "--actor", "ushakov")
    actor_id = client.get(f"/claims/{mine[0]['claim_id']}.json").json()["speaker"]["actor_id"]
    page = client.get(f"/actors/{actor_id}").text
    svg = re.search(r'<svg class="timeline".*?</svg>', page, re.S).group(0)
    dots = re.findall(r'<a href="/claims/(\d+)"><circle', svg)
    lanes = {t for r in mine for t in r["topics"].split(";") if t} or {"(no topic)"}
    assert sorted(set(map(int, dots))) == sorted(r["claim_id"] for r in mine)
    for lane in lanes:
        assert f">{lane}</text>" in svg
    detail = client.get(f"/actors/{actor_id}.json").json()
    assert detail["name"] == "Yuri Ushakov"
    assert detail["claim_ids"] == [r["claim_id"] for r in mine]


def test_a_source_page_marks_every_claim_in_place(client, cli, db):
    source_id = client.get("/sources.json").json()[0]["source_id"]
    claims = rows(cli, db, "export", "--source", f"#{source_id}")
    page = client.get(f"/sources/{source_id}").text
    assert sorted(marks(page, "content")) == sorted(r["content"] for r in claims)
    for r in claims:
        assert f'href="/claims/{r["claim_id"]}"><mark class="content">' in page
    assert client.get(f"/sources/{source_id}.json").json()["claim_ids"] == [
        r["claim_id"] for r in claims
    ]


def test_missing_things_are_404_with_a_way_on(client):
    page = client.get("/claims/99999")
    assert page.status_code == 404
    assert "find ids with `claimtrack who-said`" in html.unescape(page.text)
    assert client.get("/claims/99999.json").json() == {
        "error": "no claim #99999; find ids with `claimtrack who-said`"
    }
    assert client.get("/actors/99999").status_code == 404
    assert client.get("/sources/99999.json").status_code == 404
    assert client.get("/no-such-page").status_code == 404
    assert client.get("/").url.path == "/claims"
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def csrf_of(client: TestClient, url: str = "/review") -> str:
    page = client.get(url).text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_review_queue_and_a_verdict(client, cli, db):
    queue = client.get("/review.json").json()
    confidences = [r["confidence"] for r in queue]
    assert confidences == sorted(confidences) and len(queue) == len(rows(cli, db, "who-said"))
    page = client.get("/review").text
    ids = [int(i) for i in re.findall(r'<section class="queue-item" id="claim-(\d+)">', page)]
    assert ids == [r["claim_id"] for r in queue]
    target = queue[0]["claim_id"]
    token = csrf_of(client)
    done = client.post(
        f"/claims/{target}/review",
        data={"csrf": token, "status": "disputed", "note": "<i>see</i> the record", "by": "ed"},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == f"/claims/{target}"
    shown = json.loads(cli("show", str(target), "-f", "json", db=db).stdout)
    assert shown["status"] == "disputed"
    assert [(r["status"], r["note"], r["reviewer"]) for r in shown["reviews"]] == [
        ("disputed", "<i>see</i> the record", "ed")
    ]
    claim_page = client.get(f"/claims/{target}").text
    assert "&lt;i&gt;see&lt;/i&gt; the record" in claim_page and " by ed" in claim_page
    assert target not in [r["claim_id"] for r in client.get("/review.json").json()]
    bad = client.post(f"/claims/{target}/review", data={"csrf": token, "status": "great"})
    assert bad.status_code == 400 and "use one of" in html.unescape(bad.text)


def test_a_write_without_the_csrf_token_is_refused(client, cli, db):
    target = client.get("/review.json").json()[0]["claim_id"]
    csrf_of(client)
    for data in ({"status": "verified"}, {"status": "verified", "csrf": "forged"}):
        refused = client.post(f"/claims/{target}/review", data=data)
        assert refused.status_code == 403 and "CSRF" in refused.text
    fresh = make_client(db)  # a form posted from elsewhere: no cookie
    refused = fresh.post(f"/claims/{target}/review", data={"status": "verified", "csrf": "x"})
    assert refused.status_code == 403
    fresh.app.state.web.engine.dispose()
    assert json.loads(cli("show", str(target), "-f", "json", db=db).stdout)["reviews"] == []


def test_with_a_server_token_a_write_needs_it(db, cli):
    client = make_client(db, token="long-secret")
    try:
        target = client.get("/review.json").json()[0]["claim_id"]
        csrf = csrf_of(client)
        assert 'name="token" type="password"' in client.get("/review").text
        for given in ({}, {"token": "wrong"}):
            refused = client.post(
                f"/claims/{target}/review", data={"csrf": csrf, "status": "verified", **given}
            )
            assert refused.status_code == 403 and "token" in refused.text
        assert json.loads(cli("show", str(target), "-f", "json", db=db).stdout)["reviews"] == []
        ok = client.post(
            f"/claims/{target}/review",
            data={"csrf": csrf, "status": "verified", "token": "long-secret"},
            follow_redirects=False,
        )
        assert ok.status_code == 303
        assert json.loads(cli("show", str(target), "-f", "json", db=db).stdout)["status"] == (
            "verified"
        )
    finally:
        client.app.state.web.engine.dispose()


def test_read_only_has_no_forms_and_refuses_writes(db, cli):
    client = make_client(db, read_only=True)
    try:
        target = client.get("/review.json").json()[0]["claim_id"]
        page = client.get("/review").text
        assert "read-only" in page and '<form class="review"' not in page
        refused = client.post(f"/claims/{target}/review", data={"status": "verified"})
        assert refused.status_code == 403 and "read-only" in refused.text
    finally:
        client.app.state.web.engine.dispose()


def test_serve_refuses_an_open_address_without_a_token(cli, db):
    out = cli("serve", "--host", "0.0.0.0", db=db, ok=False)
    assert out.exit_code == 2
    assert "--token" in out.output and "--read-only" in out.output
    empty = cli("serve", "--token", " ", db=db, ok=False)
    assert empty.exit_code == 2 and "token is empty" in empty.output


def test_serve_on_a_database_without_claims_says_so(cli, tmp_path):
    out = cli("serve", db=str(tmp_path / "none.db"), ok=False)
    assert out.exit_code == 1 and "run `claimtrack ingest`" in out.output


def test_the_review_queue_holds_the_least_confident_first(client, cli, db, monkeypatch):
    monkeypatch.setattr(web_app, "REVIEW_PAGE", 3)
    every = sorted(rows(cli, db, "who-said"), key=lambda r: (r["confidence"], r["claim_id"]))
    queue = client.get("/review.json").json()
    assert [r["claim_id"] for r in queue] == [r["claim_id"] for r in every[:3]]
    page = client.get("/review").text
    assert page.count('<section class="queue-item"') == 3


# ---- corrections from the browser's forms ------------------------------------------------


def post(client: TestClient, url: str, **data) -> object:
    return client.post(url, data={"csrf": csrf_of(client), **data}, follow_redirects=False)


def shown(cli, db, claim_id: int) -> dict:
    return json.loads(cli("show", str(claim_id), "-f", "json", db=db).stdout)


def test_a_speaker_is_reassigned_from_the_claim_page_and_logged(client, cli, db):
    target = hostile_id(cli, db)
    page = client.get(f"/claims/{target}").text
    assert f'action="/claims/{target}/speaker"' in page and "No corrections." in page
    done = post(
        client, f"/claims/{target}/speaker", speaker="Ana Ruiz", why="the clerk spoke", by="ed"
    )
    assert done.status_code == 303 and done.headers["location"] == f"/claims/{target}"
    detail = shown(cli, db, target)
    assert detail["speaker"]["name"] == "Ana Ruiz"
    (log,) = detail["corrections"]
    assert (log["what"], log["after"], log["who"], log["why"]) == (
        "speaker", "Ana Ruiz", "ed", "the clerk spoke"
    )  # fmt: skip
    page = client.get(f"/claims/{target}").text
    assert "Ana Ruiz" in page and "the clerk spoke" in page
    assert f'action="/claims/{target}/undo"' in page
    assert post(client, f"/claims/{target}/undo").status_code == 303
    assert shown(cli, db, target)["speaker"]["name"] == log["before"]


def test_a_rejected_claim_leaves_the_listings_and_the_queue(client, cli, db):
    queue = client.get("/review.json").json()
    target = queue[0]["claim_id"]
    done = post(client, f"/claims/{target}/reject", reason="not-a-claim", next="/review")
    assert done.status_code == 303 and done.headers["location"] == "/review"
    assert target not in [r["claim_id"] for r in client.get("/review.json").json()]
    assert target not in [r["claim_id"] for r in client.get("/claims.json").json()]
    kept = client.get("/claims.json?include-rejected=1").json()
    assert target in [r["claim_id"] for r in kept]
    assert kept == json.loads(cli("who-said", "--include-rejected", "-f", "json", db=db).stdout)
    page = client.get(f"/claims/{target}").text
    assert "Rejected (not-a-claim)" in page and f'action="/claims/{target}/restore"' in page
    assert post(client, f"/claims/{target}/restore").status_code == 303
    assert target in [r["claim_id"] for r in client.get("/claims.json").json()]


def test_a_date_is_set_from_the_review_queue(client, cli, db):
    target = client.get("/review.json").json()[0]["claim_id"]
    assert f'action="/claims/{target}/said"' in client.get("/review").text
    assert post(client, f"/claims/{target}/said", said="2025-08", next="/review").status_code == 303
    detail = shown(cli, db, target)
    assert (detail["date"]["said_on"], detail["date"]["precision"]) == ("2025-08-01", "month")
    assert [c["what"] for c in detail["corrections"]] == ["said"]


def test_a_bad_correction_is_one_clear_message_and_changes_nothing(client, cli, db):
    target = hostile_id(cli, db)
    before = shown(cli, db, target)
    for action, data, message in (
        ("speaker", {"speaker": "  "}, "give the speaker's name"),
        ("said", {"said": "next tuesday"}, "give YYYY-MM-DD"),
        ("reject", {"reason": "boring"}, "use one of"),
        ("restore", {}, "is not rejected"),
        ("undo", {}, "no correction to undo"),
    ):
        refused = post(client, f"/claims/{target}/{action}", **data)
        assert refused.status_code == 400, action
        assert message in html.unescape(refused.text), (action, refused.text)
    assert shown(cli, db, target) == before
    refused = client.post(f"/claims/{target}/reject", data={"reason": "duplicate"})
    assert refused.status_code == 403  # no CSRF token
    assert shown(cli, db, target)["rejected"] is None


def test_a_correction_cannot_send_the_browser_elsewhere(client, cli, db):
    target = hostile_id(cli, db)
    for year, away in enumerate(("https://evil.example/", "//evil.example/", "/\\evil.example")):
        done = post(client, f"/claims/{target}/said", said=str(2020 + year), next=away)
        assert done.status_code == 303 and done.headers["location"] == f"/claims/{target}"


def test_min_confidence_out_of_range_is_one_clear_message(client):
    bad = client.get("/claims.json?min-confidence=2")
    assert bad.status_code == 400 and "from 0 to 1" in bad.json()["error"]


def test_sort_newest_gives_the_rows_of_who_said_newest_first(client, cli, db):
    """?sort=newest is --newest-first: the same rows as the command line, backwards in date."""
    expected = json.loads(cli("who-said", "--newest-first", "--format", "json", db=db).stdout)
    oldest = json.loads(cli("who-said", "--format", "json", db=db).stdout)
    days = [r["said_on"] or r["published_on"] for r in expected]
    assert len(set(days)) > 1, "one day only: the test would prove nothing"
    assert client.get("/claims.json?sort=newest").json() == expected
    assert client.get("/claims.json?sort=oldest").json() == oldest
    assert expected != oldest and {r["claim_id"] for r in expected} == {
        r["claim_id"] for r in oldest
    }
    page = client.get("/claims?sort=newest").text
    assert '<option value="newest" selected>' in page
    bad = client.get("/claims?sort=sideways")
    assert bad.status_code == 400 and "use oldest or newest" in bad.text


def test_actors_filter_by_each_of_the_six_kinds(client, cli, db):
    page = client.get("/actors").text
    for kind in ("person", "organization", "government", "media", "group", "unnamed"):
        assert f'href="/actors?kind={kind}"' in page
    people = client.get("/actors.json?kind=person").json()
    assert people == rows(cli, db, "actors", "list", "--kind", "person")
    assert "Yuri Ushakov" in {a["name"] for a in people}
    bad = client.get("/actors.json?kind=crowd")
    assert bad.status_code == 400 and "group" in bad.json()["error"]


def test_next_links_carry_the_cursor_and_numbered_pages_still_work(client, monkeypatch):
    """The next link continues after the last claim shown (?after=); a ?page= link of a
    listing without cursor (an old bookmark, or the previous link) shows the same claims."""
    monkeypatch.setattr(web_app, "PAGE_SIZE", 3)
    shown = lambda page: re.findall(r'<td class="num"><a href="/claims/(\d+)">', page)  # noqa: E731
    first = client.get("/claims?sort=newest").text
    nxt = html.unescape(re.search(r'<a href="([^"]+)" rel="next">', first).group(1))
    assert "after=" in nxt and "page=2" in nxt and "sort=newest" in nxt
    by_cursor = client.get(nxt).text
    by_number = client.get("/claims?sort=newest&page=2").text
    assert len(shown(by_cursor)) == 3 and shown(by_cursor) == shown(by_number)
    assert not set(shown(by_cursor)) & set(shown(first))
    assert "claims 4–6" in by_cursor
    prev = html.unescape(re.search(r'<a href="([^"]+)" rel="prev">', by_cursor).group(1))
    assert shown(client.get(prev).text) == shown(first)
    assert client.get("/claims?after=nonsense").status_code == 400
