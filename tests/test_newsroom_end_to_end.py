"""Acceptance: the seed plus two articles that re-report some of its claims, ingested by
the real extractor, then asked and curated through the CLI on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEEDS, rows
from tests.handmade import FIXTURES


@pytest.fixture
def newsroom(cli, db_url) -> str:
    cli("ingest", str(SEEDS), "--quiet", db=db_url)
    for name, day, outlet in (
        ("wire_trump_aims.txt", "2025-08-14", "Example Wire"),
        ("daily_territory.txt", "2025-08-15", "Example Daily"),
    ):
        cli("ingest", str(FIXTURES / name), "--published", day, "--outlet", outlet, "--quiet",
            db=db_url)  # fmt: skip
    return db_url


def position(out: list[dict], words: str) -> int:
    found = [i for i, r in enumerate(out) if words in r["content"]]
    assert found, f"no claim with {words!r}"
    return found[0]


def test_show_lists_the_appearances(cli, newsroom):
    trump = rows(cli, newsroom, "who-said", "--actor", "Trump", "--source", "Upcoming")
    ceasefire = trump[position(trump, "secure a ceasefire")]
    assert ceasefire["appearances"] == 2
    d = json.loads(cli("show", str(ceasefire["claim_id"]), "--format", "json", db=newsroom).stdout)
    assert [a["source_outlet"] for a in d["other_appearances"]] == ["Example Wire"]
    assert d["speaker"]["name"] == "Donald Trump" and d["date"]["said_on"] == "2025-08-13"
    text = cli("show", str(ceasefire["claim_id"]), db=newsroom).stdout
    assert "also reported by 1 other source" in text and "Example Wire" in text
    # the re-report, shown from the other side, names the first appearance
    (wire,) = rows(
        cli, newsroom, "who-said", "--actor", "Trump", "--source", "Wire", "--every-appearance"
    )
    assert wire["first_seen_claim_id"] == ceasefire["claim_id"]
    d = json.loads(cli("show", str(wire["claim_id"]), "--format", "json", db=newsroom).stdout)
    assert [a["first"] for a in d["other_appearances"]] == [True]


def test_timeline_shows_trumps_three_claims_in_order(cli, newsroom):
    out = rows(cli, newsroom, "timeline", "--actor", "Trump")
    first = position(out, "exchanging some territories")
    second = position(out, "secure a ceasefire in Ukraine")
    third = position(out, "will not discuss any possible territorial divisions")
    assert first < second < third
    assert len([r for r in out if r["quote"]]) == 3  # each once, though reported twice
    table = cli("timeline", "--actor", "Trump", db=newsroom).stdout
    assert table.index("exchanging") < table.index("ceasefire") < table.index("clarified")


def test_merge_and_topic_edits_show_in_who_said_at_once(cli, newsroom):
    europe = rows(cli, newsroom, "who-said", "--search", "Kyiv")
    assert len(europe) == 1 and europe[0]["speaker"] != "Donald Trump"
    cli("actors", "merge", "Donald Trump", europe[0]["speaker"], db=newsroom)
    assert "Kyiv" in " ".join(
        r["content"] for r in rows(cli, newsroom, "who-said", "--actor", "Trump")
    )

    cli("topics", "add", "summit", "-k", "summit", db=newsroom)
    summit = rows(cli, newsroom, "who-said", "--topic", "summit")
    assert summit and any("summit" in r["content"] for r in summit)
    cli("topics", "edit", "summit", "--add-keyword", "Kyiv", db=newsroom)
    assert len(rows(cli, newsroom, "who-said", "--topic", "summit")) == len(summit) + 1
    cli("topics", "remove", "summit", db=newsroom)
    # "summit" is still a keyword of the default international-relations topic
    assert "summit" not in {r["slug"] for r in rows(cli, newsroom, "topics", "list")}
    left = rows(cli, newsroom, "who-said", "--topic", "summit")
    assert all("summit" not in r["topics"].split(";") for r in left)


def test_review_then_claimreview_export(cli, newsroom):
    trump = rows(cli, newsroom, "who-said", "--actor", "Trump")
    cid = trump[position(trump, "territorial divisions")]["claim_id"]
    cli("review", str(cid), "--status", "false", "--by", "Desk", db=newsroom)
    assert len(rows(cli, newsroom, "who-said", "--status", "false", "--every-appearance")) == 2
    (doc,) = json.loads(cli("export", "--format", "claimreview", db=newsroom).stdout)
    assert doc["reviewRating"]["alternateName"] == "False"
    assert len(doc["itemReviewed"]["appearance"]) == 2
