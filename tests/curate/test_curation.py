"""Keeping the record: actors, topics, sources and review, through the CLI on SQLite and
PostgreSQL; every change shows in who-said at once."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from claimtrack.cli.render import topics_table
from tests.conftest import rows
from tests.handmade import store_articles


@pytest.fixture
def newsroom(db_url) -> str:
    store_articles(db_url)
    return db_url


def test_actors_list_counts_claims(cli, newsroom):
    out = {r["name"]: r for r in rows(cli, newsroom, "actors", "list")}
    assert out["Donald Trump"]["claims"] == 3  # re-reports are not counted twice
    assert out["Yuri Ushakov"]["claims"] == 3
    assert out["Sergei Ryabkov"]["claims"] == 2  # different content in the Daily
    assert out["Russian media outlets"]["kind"] == "media"
    assert "Ushakov" in out["Yuri Ushakov"]["aliases"].split(";")
    assert [r["name"] for r in rows(cli, newsroom, "actors", "list", "--kind", "media")] == [
        "Russian media outlets"
    ]
    table = cli("actors", "list", db=newsroom).stdout
    assert "Donald Trump" in table


def test_actors_show(cli, newsroom):
    d = json.loads(cli("actors", "show", "trump", "--format", "json", db=newsroom).stdout)
    assert d["name"] == "Donald Trump" and d["role"] == "U.S. President"
    assert len(d["claim_ids"]) == 3
    text = cli("actors", "show", "Trump", db=newsroom).stdout
    assert "Donald Trump" in text and "exchanging some territories" in text


def test_actors_merge_moves_every_claim_and_shows_in_who_said(cli, newsroom):
    cli("actors", "set", "European leaders", "--name", "Yury Ushakov", db=newsroom)
    before = rows(cli, newsroom, "who-said", "--actor", "Yuri Ushakov", "--every-appearance")
    assert len(before) == 4
    result = cli("actors", "merge", "Yuri Ushakov", "Yury Ushakov", db=newsroom)
    assert "1 claim moved" in result.stderr
    after = rows(cli, newsroom, "who-said", "--actor", "Yuri Ushakov", "--every-appearance")
    assert len(after) == 5
    assert rows(cli, newsroom, "who-said", "--actor", "Yury Ushakov", "--every-appearance") == after
    names = [r["name"] for r in rows(cli, newsroom, "actors", "list")]
    assert "Yury Ushakov" not in names


def test_merge_joins_appearances_of_the_same_claim(cli, newsroom):
    cli("actors", "set", "Sergei Ryabkov", "--role", "Deputy Foreign Minister", db=newsroom)
    # split Trump's Daily claim off to a separate speaker, then merge back
    cli("actors", "set", "Analysts", "--name", "D. Trump", db=newsroom)
    cli("actors", "merge", "Donald Trump", "D. Trump", db=newsroom)
    trump = rows(cli, newsroom, "who-said", "--actor", "Trump")
    assert [r["appearances"] for r in trump] == [1, 2, 2, 1]


def test_actor_alias_and_set(cli, newsroom):
    cli("actors", "alias", "Trump", "POTUS", "The President", db=newsroom)
    assert len(rows(cli, newsroom, "who-said", "--actor", "potus")) == 3
    cli("actors", "alias", "Trump", "POTUS", "--remove", db=newsroom)
    assert cli("who-said", "--actor", "potus", db=newsroom, ok=False).exit_code == 1
    cli("actors", "set", "Ryabkov", "--role", "Deputy FM", "--affiliation", "Russia",
        "--kind", "government", db=newsroom)  # fmt: skip
    (r,) = [r for r in rows(cli, newsroom, "actors", "list") if r["name"] == "Sergei Ryabkov"]
    assert (r["role"], r["affiliation"], r["kind"]) == ("Deputy FM", "Russia", "government")
    out = rows(cli, newsroom, "who-said", "--actor", "Ryabkov")
    assert {x["speaker_role"] for x in out} == {"Deputy FM"}


def test_topics_list_and_edits_retag_claims_at_once(cli, newsroom):
    counts = {r["slug"]: r["claims"] for r in rows(cli, newsroom, "topics", "list")}
    assert counts["ceasefire"] == 1 and counts["arctic"] == 1
    cli("topics", "add", "summit", "--label", "The Alaska summit", "-k", "summit", db=newsroom)
    summit = rows(cli, newsroom, "who-said", "--topic", "summit")
    assert len(summit) == 3 and all("summit" in r["topics"].split(";") for r in summit)
    assert len(rows(cli, newsroom, "who-said", "--topic", "The Alaska summit")) == 3
    cli("topics", "edit", "summit", "--add-keyword", "talks", db=newsroom)
    assert len(rows(cli, newsroom, "who-said", "--topic", "summit")) == 5
    cli("topics", "edit", "summit", "--remove-keyword", "summit", db=newsroom)
    assert len(rows(cli, newsroom, "who-said", "--topic", "summit")) == 2
    cli("topics", "edit", "ceasefire", "-k", "Ukraine crisis", db=newsroom)
    ceasefire = rows(cli, newsroom, "who-said", "--topic", "ceasefire")
    assert [r["speaker"] for r in ceasefire] == ["Yuri Ushakov", "Donald Trump", "Yuri Ushakov"]
    result = cli("topics", "remove", "summit", db=newsroom)
    assert "removed topic summit" in result.stderr
    # "summit" is now only a keyword of international-relations: it means that topic
    left = rows(cli, newsroom, "who-said", "--topic", "summit")
    assert left and all("summit" not in r["topics"].split(";") for r in left)
    assert cli("who-said", "--topic", "no-such-topic", db=newsroom, ok=False).exit_code == 1
    assert "summit" not in {r["slug"] for r in rows(cli, newsroom, "topics", "list")}
    cli("topics", "retag", db=newsroom)


def test_topics_table_gives_each_topic_one_line_and_the_formats_every_keyword(cli, newsroom):
    words = [f"word{i}" for i in range(9)]
    cli(
        "topics",
        "add",
        "longlist",
        "--label",
        "Long list",
        *sum([["-k", w] for w in words], []),
        db=newsroom,
    )
    (r,) = [r for r in rows(cli, newsroom, "topics", "list") if r["slug"] == "longlist"]
    assert r["keywords"].split(";") == words
    console = Console(width=200, file=io.StringIO())
    console.print(topics_table([r]))
    (line,) = [ln for ln in console.file.getvalue().splitlines() if "longlist" in ln]
    assert "word0, word1, word2, word3, word4, word5, … (+3)" in line and "word6" not in line


def test_tag_a_claim_by_hand(cli, newsroom):
    (claim,) = rows(cli, newsroom, "who-said", "--search", "Kyiv")
    cid = str(claim["claim_id"])
    cli("topics", "tag", cid, "security", db=newsroom)
    assert [r["claim_id"] for r in rows(cli, newsroom, "who-said", "--topic", "security")] == [
        claim["claim_id"]
    ]
    cli("topics", "retag", db=newsroom)  # a hand-made link survives re-tagging
    assert len(rows(cli, newsroom, "who-said", "--topic", "security")) == 1
    cli("topics", "tag", cid, "security", "--remove", db=newsroom)
    assert rows(cli, newsroom, "who-said", "--topic", "security") == []


def test_sources_list_show_remove(cli, newsroom):
    listed = rows(cli, newsroom, "sources", "list")
    assert [r["claims"] for r in listed] == [8, 3, 3]
    d = json.loads(cli("sources", "show", "Wire", "--format", "json", db=newsroom).stdout)
    assert d["outlet"] == "Example Wire" and len(d["claim_ids"]) == 3
    assert "Example Wire" in cli("sources", "show", str(d["source_id"]), db=newsroom).stdout
    seed_id = listed[0]["source_id"]
    result = cli("sources", "remove", str(seed_id), "--yes", db=newsroom)
    assert "8 claims" in result.stderr
    left = rows(cli, newsroom, "who-said", "--actor", "Trump")
    assert [r["source_outlet"] for r in left] == ["Example Wire", "Example Daily"]
    assert all(r["appearances"] == 1 and r["first_seen_claim_id"] == r["claim_id"] for r in left)
    assert len(rows(cli, newsroom, "sources", "list")) == 2


def test_review_history_outlives_the_first_appearance(cli, newsroom):
    (claim,) = rows(cli, newsroom, "who-said", "--search", "secure ceasefire")
    cli("review", str(claim["claim_id"]), "--status", "false", "--note", "n", db=newsroom)
    cli("sources", "remove", "Upcoming", "--yes", db=newsroom)
    (left,) = rows(cli, newsroom, "who-said", "--search", "secure ceasefire")
    assert left["source_outlet"] == "Example Wire" and left["status"] == "false"
    d = json.loads(cli("show", str(left["claim_id"]), "--format", "json", db=newsroom).stdout)
    assert [(r["status"], r["note"]) for r in d["reviews"]] == [("false", "n")]


def test_sources_remove_asks_first(cli, newsroom):
    result = cli("sources", "remove", "Daily", db=newsroom, input="n\n", ok=False)
    assert result.exit_code == 1
    assert len(rows(cli, newsroom, "sources", "list")) == 3


def test_review_keeps_history_and_covers_every_appearance(cli, newsroom):
    (claim,) = rows(cli, newsroom, "who-said", "--search", "secure ceasefire")
    cid = str(claim["claim_id"])
    cli("review", cid, "--status", "disputed", "--note", "Ask the White House", db=newsroom)
    result = cli("review", cid, "--status", "verified", "--by", "Ana", db=newsroom)
    assert "verified (was disputed)" in result.stderr
    reviewed = rows(cli, newsroom, "who-said", "--status", "verified", "--every-appearance")
    assert len(reviewed) == 2  # both sources' appearances
    assert rows(cli, newsroom, "who-said", "--status", "disputed") == []
    d = json.loads(cli("show", cid, "--format", "json", db=newsroom).stdout)
    assert [(r["status"], r["reviewer"]) for r in d["reviews"]] == [
        ("disputed", None),
        ("verified", "Ana"),
    ]
    assert d["reviews"][0]["note"] == "Ask the White House"
    text = cli("show", cid, db=newsroom).stdout
    assert "verified by Ana" in text
    table = cli("who-said", "--actor", "Trump", db=newsroom).stdout
    assert "verified" in table
    history = cli("review", cid, db=newsroom).stdout.splitlines()
    assert history[0] == f"claim #{cid}: verified"
    assert "disputed: Ask the White House" in history[1] and "verified by Ana" in history[2]


def test_datasette_friendly_sqlite(cli, tmp_path):
    import sqlite3

    db = str(tmp_path / "d.db")
    store_articles(db)
    with sqlite3.connect(db) as conn:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
        assert {"claims", "claims_fts", "actors", "sources", "topics", "claim_topics"} <= names
        fks = {r[2] for r in conn.execute("pragma foreign_key_list(claims)")}
        assert fks == {"sources", "actors", "claims"}
        hits = conn.execute("select rowid from claims_fts where claims_fts match 'arctic'")
        assert len(hits.fetchall()) == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["show", "999"], 1, "no claim #999"),
        (["show", "abc"], 2, "'abc' is not a claim id"),
        (["review", "999", "--status", "false"], 1, "no claim #999"),
        (["review", "1", "--status", "wrong"], 2, "'wrong' is not one of"),
        (["review", "1", "--note", "x"], 2, "--note, --by and --url go with --status"),
        (["who-said", "--actor", "Nobody"], 1, "no such speaker"),
        (["who-said", "--topic", "origami"], 1, "no such topic"),
        (["who-said", "--source", "Nowhere Times"], 1, "no such source"),
        (["who-said", "--status", "fake"], 2, "'fake' is not one of"),
        (["who-said", "--since", "2025-13-01"], 2, "YYYY-MM-DD"),
        (["who-said", "--since", "2025-08-15", "--until", "2025-08-01"], 1, "is after"),
        (["timeline", "--until", "soon"], 2, "YYYY-MM-DD"),
        (["actors", "merge", "Trump", "Donald Trump"], 1, "same speaker"),
        (["actors", "merge", "Trump", "Nobody"], 1, "no speaker matches 'Nobody'"),
        (["actors", "show", "Nobody"], 1, "no speaker matches"),
        (["actors", "set", "Trump"], 2, "give --name"),
        (["actors", "set", "Trump", "--kind", "alien"], 2, "'alien' is not one of"),
        (["topics", "add", "Bad Slug"], 1, "a-z, 0-9"),
        (["topics", "add", "ceasefire"], 1, "exists"),
        (["topics", "edit", "nothing", "--label", "x"], 1, "no topic 'nothing'"),
        (["topics", "remove", "nothing"], 1, "no topic"),
        (["sources", "show", "999"], 1, "no source matches"),
        (["sources", "remove", "Example", "--yes"], 1, "matches 2 sources"),
        (["export", "--format", "xml"], 2, "'xml' is not one of"),
    ],
)
def test_user_errors_are_one_line_and_nonzero(cli, tmp_path, args, code, message):
    db = str(tmp_path / "e.db")
    store_articles(db)
    result = cli(*args, db=db, ok=False)
    assert result.exit_code == code, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.stderr
