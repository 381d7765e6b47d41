"""Outlet boilerplate (issue 14): words an outlet repeats in three or more of its articles
are no claims; a quote it repeats in two stays one. Every article here is written for
these tests."""

from __future__ import annotations

import json

import pytest
from starlette.testclient import TestClient

from claimtrack.store.boilerplate import content_key
from claimtrack.web.app import create_app
from tests.conftest import rows

pytest.importorskip("spacy")

PLEDGE = (
    '"Our reporters accept no gifts or travel from the campaigns they cover," '
    "the editors of the paper said."
)
STORIES = (
    "Mayor Tessa Quill said on Monday that the harbor bridge would reopen in April.",
    "Councilman Ivo Brandt said the new bus depot would cost less than planned.",
    "Fire Chief Rosa Lind said the station on Elm Street would hire six firefighters.",
)


def article(tmp_path, name: str, story: str, closing: str = PLEDGE) -> str:
    path = tmp_path / f"{name}.txt"
    path.write_text(f"{story}\n\nThe city council meets again next week.\n\n{closing}\n")
    return str(path)


def ingest(cli, db, path: str, outlet: str) -> None:
    cli("ingest", path, "--outlet", outlet, "--published", "2026-03-02", "--quiet", db=db)


def pledges(cli, db, *extra: str) -> list[dict]:
    return [r for r in rows(cli, db, "export", *extra) if "accept no gifts" in r["content"]]


def test_content_key_forgives_case_punctuation_and_spacing() -> None:
    assert content_key("Sign up  for our Newsletter!") == content_key("sign up for our newsletter")
    assert content_key("The tax rose.") != content_key("The tax fell.")


def test_a_line_in_three_articles_of_an_outlet_is_boilerplate(cli, db_url, tmp_path) -> None:
    for i, story in enumerate(STORIES[:2]):
        ingest(cli, db_url, article(tmp_path, f"ledger{i}", story), "Harbor Ledger")
    assert len(pledges(cli, db_url)) == 2  # in two articles: still a claim
    ingest(cli, db_url, article(tmp_path, "ledger2", STORIES[2]), "harbor  ledger")
    assert pledges(cli, db_url) == []  # in three: gone from the listings
    kept = pledges(cli, db_url, "--include-rejected")
    assert len(kept) == 3 and {r["rejected"] for r in kept} == {"boilerplate"}
    stories = [r["content"] for r in rows(cli, db_url, "who-said")]
    assert any("harbor bridge" in c for c in stories) and any("bus depot" in c for c in stories)
    shown = json.loads(cli("show", str(kept[0]["claim_id"]), "--format", "json", db=db_url).stdout)
    assert "3 documents of Harbor Ledger" in shown["rejected_why"]
    assert "why rejected" in cli("show", str(kept[0]["claim_id"]), db=db_url).stdout


def test_other_outlets_and_reviewed_claims_are_left_alone(cli, db_url, tmp_path) -> None:
    ingest(cli, db_url, article(tmp_path, "a", STORIES[0]), "Harbor Ledger")
    ingest(cli, db_url, article(tmp_path, "b", STORIES[1]), "Valley Courier")
    ingest(cli, db_url, article(tmp_path, "c", STORIES[2]), "Harbor Ledger")
    assert len(pledges(cli, db_url)) == 3  # two of one outlet, one of another
    first = pledges(cli, db_url)[0]["claim_id"]
    cli("review", str(first), "--status", "verified", db=db_url)  # and its appearances
    ingest(cli, db_url, article(tmp_path, "d", STORIES[1] + " Work starts soon."), "Harbor Ledger")
    left = pledges(cli, db_url)
    assert len(left) == 4 and {r["status"] for r in left} == {"verified"}


def test_a_restored_claim_stays_restored(cli, db_url, tmp_path) -> None:
    for i, story in enumerate(STORIES):
        ingest(cli, db_url, article(tmp_path, f"ledger{i}", story), "Harbor Ledger")
    kept = pledges(cli, db_url, "--include-rejected")
    cli("claims", "restore", str(kept[0]["claim_id"]), db=db_url)
    ingest(
        cli, db_url, article(tmp_path, "ledger3", "Schools open late on Friday."), "Harbor Ledger"
    )
    assert [r["claim_id"] for r in pledges(cli, db_url)] == [kept[0]["claim_id"]]
    assert len(pledges(cli, db_url, "--include-rejected")) == 4


def test_the_web_page_of_a_boilerplate_claim_says_why(cli, db_url, tmp_path) -> None:
    for i, story in enumerate(STORIES):
        ingest(cli, db_url, article(tmp_path, f"ledger{i}", story), "Harbor Ledger")
    claim_id = pledges(cli, db_url, "--include-rejected")[0]["claim_id"]
    client = TestClient(create_app(db_url))
    page = client.get(f"/claims/{claim_id}").text
    client.app.state.web.engine.dispose()
    assert "Rejected (boilerplate)" in page and "3 documents of Harbor Ledger" in page
