"""Re-extraction keeps every human decision, through the CLI on SQLite and PostgreSQL:
correct, re-extract, check that every correction is still there; what the extractor no
longer finds is kept and reported, never dropped."""

from __future__ import annotations

import pytest

from claimtrack.curate.reextract import reextract_source
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Source
from claimtrack.store.writes import ensure_taxonomy
from tests.conftest import rows

ARTICLE = (
    "Harbour plans\n\n"
    "The harbour master said on Monday that the new ferry would start in May. "
    "Councillor Rhea Vance said the budget for the quay was too small.\n\n"
    "Mayor Tom Ekland told reporters that the town would pay for the repairs. "
    "The port authority said it expected more cruise ships next summer.\n"
)


@pytest.fixture
def harbour(cli, db_url, tmp_path) -> str:
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    cli("ingest", str(article), "--published", "2025-03-05", "--outlet", "Bay News", db=db_url)
    return db_url


def every(cli, db) -> list[dict]:
    return rows(cli, db, "who-said", "--include-rejected", "--found-by", "--every-appearance")


def by_words(found: list[dict], words: str) -> dict:
    (row,) = [r for r in found if words in r["content"]]
    return row


def test_reextract_keeps_every_correction(cli, harbour):
    before = every(cli, harbour)
    assert len(before) >= 3, [r["content"] for r in before]
    ferry = str(by_words(before, "ferry")["claim_id"])
    budget = str(by_words(before, "budget")["claim_id"])
    repairs = str(by_words(before, "repairs")["claim_id"])
    cli("claims", "set", ferry, "--speaker", "Ines Alder", "--said", "2025-03-01", db=harbour)
    cli("claims", "set", ferry, "--content", "the new ferry would start in May", db=harbour)
    cli("claims", "reject", budget, "--reason", "not-a-claim", db=harbour)
    cli("claims", "set", repairs, "--text", "The town pays for the quay repairs", db=harbour)
    cli("review", repairs, "--status", "disputed", "--note", "no budget line", db=harbour)
    cli("topics", "tag", repairs, "economy", db=harbour)
    cli("claims", "add", "Bay News", "--content", "expected more cruise ships",
        "--speaker", "Port Authority", db=harbour)  # fmt: skip
    corrected = every(cli, harbour)
    log = rows(cli, harbour, "log")

    out = cli("reextract", db=harbour)
    assert "sources: 1 re-extracted" in out.stderr
    assert "0 no longer found" in out.stderr
    assert every(cli, harbour) == corrected
    assert rows(cli, harbour, "log") == log  # re-extraction is no correction
    kept = {r["claim_id"]: r for r in corrected}
    assert kept[int(ferry)]["speaker"] == "Ines Alder"
    assert kept[int(ferry)]["said_on"] == "2025-03-01"
    assert kept[int(budget)]["rejected"] == "not-a-claim"
    assert "economy" in kept[int(repairs)]["topics"].split(";")
    assert kept[int(repairs)]["status"] == "disputed"
    history = cli("review", repairs, db=harbour).stdout
    assert "no budget line" in history
    # running it again changes nothing either
    cli("reextract", "Bay News", db=harbour)
    assert every(cli, harbour) == corrected


def test_what_no_longer_matches_is_kept_and_reported(cli, harbour):
    before = every(cli, harbour)
    budget = by_words(before, "budget")["claim_id"]
    cruise = by_words(before, "cruise")["claim_id"]
    cli("claims", "reject", str(budget), "--reason", "boilerplate", db=harbour)
    cli("claims", "set", str(cruise), "--speaker", "Port of Bay", db=harbour)
    (listed,) = rows(cli, harbour, "sources", "list")
    engine = dbmod.open_engine(harbour)
    with dbmod.session_scope(engine) as s:
        source = s.get(Source, listed["source_id"])
        assert source is not None
        outcome = reextract_source(s, source, [], ensure_taxonomy(s))  # the extractor finds none
    assert outcome.removed == len(before) - 2
    assert len(outcome.unmatched) == 2
    assert all("no longer found" in line for line in outcome.unmatched)
    left = every(cli, harbour)
    assert {r["claim_id"] for r in left} == {budget, cruise}
    assert by_words(left, "cruise")["speaker"] == "Port of Bay"
    assert by_words(left, "budget")["rejected"] == "boilerplate"
