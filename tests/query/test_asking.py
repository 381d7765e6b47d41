"""who-said, timeline, show and export over hand-made claims of the seed and two
articles that re-report some of them (tests/handmade.py), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from claimtrack.query.claims import EXPORT_COLUMNS, LISTING_COLUMNS
from tests.conftest import rows
from tests.handmade import SEED_TEXT, store_articles


@pytest.fixture
def newsroom(db_url) -> str:
    store_articles(db_url)
    return db_url


def ids_of(cli, db, *args) -> list[int]:
    return [r["claim_id"] for r in rows(cli, db, "who-said", *args)]


def claim_id(cli, db, words: str, *args) -> int:
    found = rows(cli, db, "who-said", "--search", words, "--every-appearance", *args)
    assert len(found) >= 1, words
    return found[0]["claim_id"]


def test_who_said_shows_each_claim_once_with_its_appearances(cli, newsroom):
    out = rows(cli, newsroom, "who-said", "--actor", "Trump")
    assert [r["quote"] for r in out] == [
        "exchanging some territories",
        "secure a ceasefire in Ukraine",
        "will not discuss any possible territorial divisions",
    ]
    assert [r["appearances"] for r in out] == [1, 2, 2]
    every = rows(cli, newsroom, "who-said", "--actor", "Trump", "--every-appearance")
    assert len(every) == 5
    assert {r["first_seen_claim_id"] for r in every} == {r["claim_id"] for r in out}


def test_actor_forgives_case_accents_and_first_name(cli, newsroom):
    want = ids_of(cli, newsroom, "--actor", "Yuri Ushakov", "--every-appearance")
    assert len(want) == 4  # three in the seed, one re-reported by the wire
    for who in ("ushakov", "USHAKOV", "Úshakov", "yuri ushakóv", "Kremlin aide Yuri Ushakov"):
        assert ids_of(cli, newsroom, "--actor", who, "--every-appearance") == want


def test_filters_combine(cli, newsroom):
    out = rows(cli, newsroom, "who-said", "--actor", "Trump", "--topic", "territory")
    assert [r["quote"] for r in out] == [
        "exchanging some territories",
        "will not discuss any possible territorial divisions",
    ]
    out = rows(
        cli, newsroom, "who-said", "--actor", "Trump", "--since", "2025-08-13", "--until",
        "2025-08-13", "--source", "wire",
    )  # fmt: skip
    assert [(r["speaker"], r["source_outlet"]) for r in out] == [("Donald Trump", "Example Wire")]
    media = rows(cli, newsroom, "who-said", "--attribution", "according_to")
    assert [r["speaker"] for r in media] == ["Russian media outlets"]
    assert len(rows(cli, newsroom, "who-said", "--limit", "2")) == 2
    assert rows(cli, newsroom, "who-said", "--status", "false") == []


def test_said_only_dates_respect_the_relation(cli, newsroom):
    # --said-only: by the day said alone; "previously" / "earlier" (before 2025-08-14) is not claimed to be on any day
    on_13 = rows(
        cli, newsroom, "who-said", "--said-only", "--since", "2025-08-13", "--until", "2025-08-13"
    )
    assert on_13 and {r["said_on"] for r in on_13} == {"2025-08-13"}
    since_13 = rows(
        cli, newsroom, "who-said", "--said-only", "--since", "2025-08-13", "--actor", "Trump"
    )
    assert "exchanging some territories" not in [r["quote"] for r in since_13]
    until_14 = rows(
        cli, newsroom, "who-said", "--said-only", "--until", "2025-08-14", "--actor", "Trump"
    )
    assert "exchanging some territories" in [r["quote"] for r in until_14]
    until_12 = rows(
        cli, newsroom, "who-said", "--said-only", "--until", "2025-08-12", "--actor", "Trump"
    )
    assert until_12 == []  # "before the 14th" may have been on the 13th
    by_15 = rows(
        cli, newsroom, "who-said", "--said-only", "--until", "2025-08-15", "--actor", "Ryabkov"
    )
    assert {r["date_relation"] for r in by_15} == {"before", "by"}
    assert (
        rows(
            cli,
            newsroom,
            "who-said",
            "--said-only",
            "--until",
            "2025-08-14",
            "--actor",
            "Ryabkov",
            "--source",
            "Daily",
        )
        == []
    )


def test_search_content_quotes_and_speakers(cli, newsroom):
    assert {r["speaker"] for r in rows(cli, newsroom, "who-said", "--search", "Ryabkov")} == {
        "Sergei Ryabkov"
    }
    both = rows(cli, newsroom, "who-said", "--search", "trump divisions")
    assert [r["quote"] for r in both] == ["will not discuss any possible territorial divisions"]
    assert len(rows(cli, newsroom, "who-said", "--search", "ARCTIC")) == 1


@pytest.mark.parametrize(
    "text",
    ['"', "'; drop table claims; --", "ceasefire OR", "NEAR(a b)", "arct*", "-x", "a:b", "%", "_"],
)
def test_search_text_is_never_syntax(cli, newsroom, text):
    cli("who-said", "--search", text, "--format", "json", db=newsroom)
    assert len(rows(cli, newsroom, "who-said")) == 11  # nothing dropped, nothing broken


def test_search_operators_are_plain_words(cli, newsroom):
    # "OR" is a word to find, not an operator: no claim has both words
    assert rows(cli, newsroom, "who-said", "--search", "ceasefire OR arctic") == []


def test_timeline_orders_trumps_claims_and_places_undated_ones(cli, newsroom):
    out = rows(cli, newsroom, "timeline", "--actor", "Trump")
    assert [r["cue"] for r in out] == ["referenced", "stated", "clarified"]
    table = cli("timeline", "--actor", "Trump", db=newsroom).stdout
    assert table.index("before 2025-08-14") < table.index("2025-08-13")
    assert table.index("exchanging") < table.index("ceasefire") < table.index("clarified")


def test_timeline_by_topic(cli, newsroom):
    out = rows(cli, newsroom, "timeline", "--topic", "bilateral-relations")
    days = [r["said_on"] or r["date_relation"] for r in out]
    assert days == ["before", "2025-08-14", "by"]


def test_show_claim_with_speaker_date_paragraph_and_appearances(cli, newsroom):
    cid = claim_id(cli, newsroom, "secure ceasefire", "--source", "Upcoming")
    d = json.loads(cli("show", str(cid), "--format", "json", db=newsroom).stdout)
    assert d["speaker"]["name"] == "Donald Trump"
    assert d["speaker"]["role"] == "U.S. President"
    assert d["date"]["said_on"] == "2025-08-13"
    assert "on the 13th" in d["date"]["derivation"]
    assert [t["slug"] for t in d["topics"]] == ["ceasefire"]
    par = d["paragraph"]
    assert par["text"].startswith("Reports indicate that President Trump stated")
    assert {h["kind"]: h["text"] for h in par["highlights"]} == {
        "speaker": "President Trump",
        "cue": "stated",
        "content": 'his goal in meeting Putin is to "secure a ceasefire in Ukraine."',
    }
    for h in par["highlights"]:
        assert SEED_TEXT[h["start"] : h["end"]] == h["text"]
    assert d["appearances"] == 2
    (other,) = d["other_appearances"]
    assert other["source_outlet"] == "Example Wire" and other["cue"] == "said"
    text = cli("show", str(cid), db=newsroom).stdout
    assert "{President Trump} <stated>" in text
    assert "[his goal in meeting Putin" in text
    assert "also reported by 1 other source" in text and "Example Wire" in text
    assert "U.S. President" in text and "[person]" in text


def test_show_says_how_a_claim_was_found(cli, newsroom):
    learned = claim_id(cli, newsroom, "supporting Kyiv")
    d = json.loads(cli("show", str(learned), "--format", "json", db=newsroom).stdout)
    assert d["found_by"] == "detector" and d["confidence"] == 0.45
    assert (
        "the learned detector only (confidence 0.45)"
        in cli("show", str(learned), db=newsroom).stdout
    )
    ruled = claim_id(cli, newsroom, "secure ceasefire", "--source", "Upcoming")
    assert (
        json.loads(cli("show", str(ruled), "--format", "json", db=newsroom).stdout)["found_by"]
        == "rules"
    )
    assert "the rules (confidence 0.90)" in cli("show", str(ruled), db=newsroom).stdout


def test_show_undated_claim_explains_the_relation(cli, newsroom):
    cid = claim_id(cli, newsroom, "exchanging territories")
    d = json.loads(cli("show", str(cid), "--format", "json", db=newsroom).stdout)
    assert d["date"]["said_on"] is None
    assert "before 2025-08-14" in d["date"]["derivation"] and "earlier" in d["date"]["derivation"]
    assert d["other_appearances"] == []


def test_export_keeps_the_contract_and_adds_appearances_on_request(cli, newsroom, tmp_path):
    plain = next(csv.reader(io.StringIO(cli("export", db=newsroom).stdout)))
    assert tuple(plain) == EXPORT_COLUMNS
    reader = csv.reader(io.StringIO(cli("export", "--appearances", db=newsroom).stdout))
    header = next(reader)
    assert tuple(header) == LISTING_COLUMNS
    data = [dict(zip(header, r, strict=True)) for r in reader]
    assert len(data) == 14  # every appearance is a row
    repeats = [r for r in data if r["first_seen_claim_id"] != r["claim_id"]]
    assert len(repeats) == 3 and all(r["appearances"] == "2" for r in repeats)
    lines = cli(
        "export", "--format", "jsonl", "--actor", "Trump", "--appearances", db=newsroom
    ).stdout.splitlines()
    assert len(lines) == 5 and tuple(json.loads(lines[0])) == LISTING_COLUMNS


def test_listings_tell_how_each_claim_was_found_on_request(cli, newsroom):
    reader = csv.reader(io.StringIO(cli("export", "--found-by", db=newsroom).stdout))
    header = next(reader)
    assert tuple(header) == (*EXPORT_COLUMNS, "found_by")
    found = {r[header.index("content")]: r[-1] for r in reader}
    detected = [c for c, how in found.items() if how == "detector"]
    assert len(detected) == 1 and "supporting Kyiv" in detected[0]
    assert set(found.values()) == {"rules", "detector"}
    for command in ("who-said", "timeline"):
        out = json.loads(
            cli(command, "--appearances", "--found-by", "--format", "json", db=newsroom).stdout
        )
        assert tuple(out[0]) == (*LISTING_COLUMNS, "found_by")
        assert sorted({r["found_by"] for r in out}) == ["detector", "rules"]


def test_csv_is_safe_in_a_spreadsheet(cli, db_url, tmp_path):
    from tests.handmade import C

    text = 'The spokesman said =HYPERLINK("http://x.example","click") was nothing.\n'
    store_articles(
        db_url,
        [("evil.txt", text, [C("The spokesman", "Spokesman", "said",
          '=HYPERLINK("http://x.example","click") was nothing')], "@evil", None, "2025-01-01")],
    )  # fmt: skip
    out = tmp_path / "claims.csv"
    cli("export", "-o", str(out), "--bom", db=db_url)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    (row,) = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert row["content"].startswith("'=HYPERLINK")
    assert row["source_title"] == "'@evil"
    assert row["claim_id"] == "1"  # numbers untouched
    tsv = cli("who-said", "--format", "tsv", db=db_url).stdout
    (row,) = list(csv.DictReader(io.StringIO(tsv), delimiter="\t"))
    assert row["content"].startswith("'=HYPERLINK")
    assert json.loads(cli("export", "--format", "json", db=db_url).stdout)[0]["content"].startswith(
        "="
    )


def test_claimreview_jsonld_for_reviewed_claims(cli, newsroom):
    assert json.loads(cli("export", "--format", "claimreview", db=newsroom).stdout) == []
    cid = claim_id(cli, newsroom, "territorial divisions", "--source", "Daily")
    cli("review", str(cid), "--status", "misleading", "--note", "He later said", "--by", "Ana",
        db=newsroom)  # fmt: skip
    (doc,) = json.loads(
        cli("export", "--format", "claimreview", "--publisher", "Desk", db=newsroom).stdout
    )
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert "will not discuss any possible territorial divisions" in doc["claimReviewed"]
    assert doc["author"] == {"@type": "Person", "name": "Ana"}
    assert len(doc["datePublished"]) == 10
    assert doc["reviewRating"]["alternateName"] == "Misleading"
    assert doc["reviewBody"] == "He later said"
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "Donald Trump"
    assert item["datePublished"] == "2025-08-13"
    assert [a.get("publisher", {}).get("name") for a in item["appearance"]] == [
        None,
        "Example Daily",
    ]
    assert item["firstAppearance"]["headline"].startswith("Upcoming Putin-Trump Summit")
    filtered = cli("export", "--format", "claimreview", "--actor", "Ushakov", db=newsroom)
    assert json.loads(filtered.stdout) == []
    by_trump = cli("export", "--format", "claimreview", "--actor", "Trump", db=newsroom)
    assert len(json.loads(by_trump.stdout)) == 1


def test_who_said_prints_the_cursor_of_its_next_page_and_takes_it(cli, newsroom):
    """A page cut by --limit ends with the cursor of the next (stderr); --after CURSOR lists
    the claims after it, with the same filters: the pages join into the whole listing."""
    whole = ids_of(cli, newsroom, "--topic", "conflict")
    assert len(whole) > 2
    seen, after = [], []
    while True:
        args = ["who-said", "--topic", "conflict", "--limit", "2", *after, "--format", "json"]
        out = cli(*args, db=newsroom)
        seen += [r["claim_id"] for r in json.loads(out.stdout)]
        found = re.search(r"next page: --after (\S+)", out.stderr)
        if not found:
            break
        after = ["--after", found.group(1)]
    assert seen == whole


def test_who_said_after_a_bad_cursor_says_what_to_pass(cli, newsroom):
    out = cli("who-said", "--after", "page-2", db=newsroom, ok=False)
    assert out.exit_code == 1
    assert "--after 'page-2' is not a cursor" in out.stderr and "e.g. --after" in out.stderr
