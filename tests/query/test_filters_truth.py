"""Filters that tell the truth, through the CLI on SQLite and PostgreSQL: --since/--until by
the best day known (or --said-only), publication dates, the outlet exactly, confidence."""

from __future__ import annotations

import pytest

from tests.conftest import rows
from tests.handmade import store_articles


@pytest.fixture
def newsroom(db_url) -> str:
    store_articles(db_url)
    return db_url


def ids(found: list[dict]) -> set[int]:
    return {r["claim_id"] for r in found}


def test_since_matches_the_best_day_known_and_said_only_the_day_said(cli, newsroom):
    every = rows(cli, newsroom, "who-said", "--every-appearance", "--best-day")
    best = rows(cli, newsroom, "who-said", "--every-appearance", "--since", "2025-08-14")
    said = rows(
        cli, newsroom, "who-said", "--every-appearance", "--since", "2025-08-14", "--said-only"
    )
    expected_best = {
        r["claim_id"] for r in every if r["best_day"] and r["best_day"] >= "2025-08-14"
    }
    expected_said = {
        r["claim_id"]
        for r in every
        if r["date_relation"] == "on" and r["said_on"] and r["said_on"] >= "2025-08-14"
    }
    assert ids(best) == expected_best and ids(said) == expected_said
    assert ids(said) < ids(best)  # claims without a said day come in by their article's day
    undated = [r for r in every if r["day_basis"] == "published"]
    assert undated and all(r["best_day"] == r["published_on"] for r in undated)
    until = rows(cli, newsroom, "who-said", "--every-appearance", "--until", "2025-08-13")
    assert {r["best_day"] for r in every if r["claim_id"] in ids(until)} == {"2025-08-13"}


def test_published_dates_outlet_and_confidence(cli, newsroom):
    every = rows(cli, newsroom, "who-said", "--every-appearance")
    daily = rows(cli, newsroom, "who-said", "--every-appearance", "--published-since", "2025-08-15")
    assert ids(daily) == {r["claim_id"] for r in every if r["published_on"] >= "2025-08-15"}
    early = rows(cli, newsroom, "who-said", "--every-appearance", "--published-until", "2025-08-14")
    assert ids(early) == ids(every) - ids(daily)
    wire = rows(cli, newsroom, "who-said", "--every-appearance", "--outlet", "example wire")
    assert wire and {r["source_outlet"] for r in wire} == {"Example Wire"}
    assert rows(cli, newsroom, "who-said", "--outlet", "Example") == []  # exact, not a part
    sure = rows(cli, newsroom, "who-said", "--every-appearance", "--min-confidence", "0.8")
    assert ids(sure) == {r["claim_id"] for r in every if r["confidence"] >= 0.8}
    assert ids(sure) < ids(every)
    bad = cli("who-said", "--min-confidence", "2", db=newsroom, ok=False)
    assert bad.exit_code == 2
    flipped = cli(
        "who-said", "--published-since", "2025-08-15", "--published-until", "2025-08-01",
        db=newsroom, ok=False,
    )  # fmt: skip
    assert flipped.exit_code == 1 and "is after" in flipped.stderr


def test_sources_set_redates_claims_and_is_logged(cli, newsroom):
    before = [r for r in rows(cli, newsroom, "who-said", "--outlet", "Example Daily")]
    told = next(r for r in before if r["cue"] == "told")
    assert told["said_on"] == "2025-08-13"  # "on Wednesday", against Friday 2025-08-15
    out = cli(
        "sources", "set", "Example Daily", "--published", "2025-08-22", "--title", "Territory",
        "--by", "Ana", "--why", "the dateline", db=newsroom,
    )  # fmt: skip
    assert "re-dated" in out.stderr
    after = rows(cli, newsroom, "who-said", "--outlet", "Example Daily")
    moved = next(r for r in after if r["cue"] == "told")
    assert moved["said_on"] == "2025-08-20" and moved["published_on"] == "2025-08-22"
    assert moved["source_title"] == "Territory"
    log = rows(cli, newsroom, "log", "--source", str(moved_source(cli, newsroom)))
    assert [(r["what"], r["who"], r["why"]) for r in log] == [("source", "Ana", "the dateline")]
    assert "published_on=2025-08-22" in log[0]["after"]
    bad = cli("sources", "set", "Example Daily", "--published", "22/08/2025", db=newsroom, ok=False)
    assert bad.exit_code == 2 and "--published" in bad.stderr


def moved_source(cli, db) -> int:
    (source,) = [r for r in rows(cli, db, "sources", "list") if r["outlet"] == "Example Daily"]
    return source["source_id"]


ARTICLE = (
    "Harbour plans\n\n"
    "The harbour master said the new ferry would start in May. "
    "Councillor Rhea Vance said the budget was too small.\n"
)


def test_reingesting_a_known_text_updates_its_details_but_not_hand_set_ones(cli, db_url, tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(article), "--outlet", "Bay News", "--published", "2025-03-02", db=db_url)
    out = cli(
        "ingest", str(article), "--outlet", "Bay Times", "--published", "2025-03-03", db=db_url
    )
    assert "1 updated" in out.stderr
    (src,) = rows(cli, db_url, "sources", "list")
    assert (src["outlet"], src["published_on"]) == ("Bay Times", "2025-03-03")
    again = cli("ingest", str(article), "--outlet", "Bay Times", db=db_url)
    assert "1 skipped" in again.stderr and "updated" not in again.stderr
    cli("sources", "set", str(src["source_id"]), "--outlet", "The Bay Times", db=db_url)
    cli("ingest", str(article), "--outlet", "Bay Times", "--published", "2025-03-04", db=db_url)
    (src,) = rows(cli, db_url, "sources", "list")
    assert (src["outlet"], src["published_on"]) == ("The Bay Times", "2025-03-04")
    assert len(rows(cli, db_url, "sources", "list")) == 1
    whos = [r["who"] for r in rows(cli, db_url, "log")]
    assert whos == ["claimtrack ingest", None, "claimtrack ingest"]
