"""Ids a user types: one parser for every command, and ids beyond what the database holds
are "no such claim / source / speaker" on one line, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from claimtrack.store.ids import parse_id
from tests.conftest import rows
from tests.handmade import C, store_articles

# 2**31 is past PostgreSQL's INTEGER ids, 2**63 past any 64-bit integer, 10**30 past both.
TOO_BIG = ("2147483648", "9223372036854775808", "18446744073709551616", "1" + "0" * 30)


def test_an_id_is_ascii_digits_with_an_optional_hash():
    assert [parse_id(t) for t in ("12", "#12", " 012 ", "0")] == [12, 12, 12, 0]
    for not_an_id in ("²", "①", "١٢", "1_000", "+1", "-1", "1.0", "", "#", "12a", "one"):
        assert parse_id(not_an_id) is None, not_an_id
    assert parse_id("9" * 5000) > 2**63  # no int() error for a number of 5,000 digits


@pytest.fixture
def superscript(db_url) -> str:
    """One article whose title holds a superscript two and a circled one."""
    text = "The physicist said the room measured 40 m² and was marked ① on the plan.\n"
    claim = C("The physicist", "Physicist", "said", "the room measured 40 m²")
    store_articles(db_url, [("m2.txt", text, [claim], "Area in m² (part ①)", None, "2025-02-03")])
    return db_url


COMMANDS = {
    "show": (["show", "{id}"], "no claim #{id}"),
    "review": (["review", "{id}"], "no claim #{id}"),
    "review --status": (["review", "{id}", "--status", "verified"], "no claim #{id}"),
    "topics tag": (["topics", "tag", "{id}", "economy"], "no claim #{id}"),
    "who-said --actor": (["who-said", "--actor", "{id}"], "no such speaker"),
    "who-said --source": (["who-said", "--source", "{id}"], "no such source"),
    "export --source": (["export", "--source", "{id}"], "no such source"),
    "sources show": (["sources", "show", "{id}"], "no source matches"),
    "sources remove": (["sources", "remove", "{id}", "--yes"], "no source matches"),
    "actors show": (["actors", "show", "{id}"], "no speaker matches"),
    "actors merge": (["actors", "merge", "{id}", "1"], "no speaker matches"),
    "actors set": (["actors", "set", "{id}", "--role", "x"], "no speaker matches"),
}


def one_error_line(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_id_beyond_the_database_range_is_no_such_row(cli, superscript, command):
    args, message = COMMANDS[command]
    for n in (*TOO_BIG, "#9223372036854775808", str(2**63 - 1)):
        number = n.lstrip("#")
        result = cli(*(a.format(id=n) for a in args), db=superscript, ok=False)
        assert result.exit_code == 1, (n, result.output)
        assert message.format(id=number) in one_error_line(result), n


def test_ids_in_range_still_find_their_rows(cli, superscript):
    assert rows(cli, superscript, "show", "#1")["claim_id"] == 1
    assert rows(cli, superscript, "sources", "show", "1")["source_id"] == 1
    assert rows(cli, superscript, "actors", "show", " #1 ")["actor_id"] == 1
    for option in ("--actor", "--source"):
        assert [r["claim_id"] for r in rows(cli, superscript, "who-said", option, "1")] == [1]
    assert "claim #1: unreviewed" in cli("review", "1", db=superscript).stdout


@pytest.mark.parametrize("text", ["²", "①"])
def test_digit_like_characters_are_text_not_ids(cli, superscript, text):
    (found,) = rows(cli, superscript, "who-said", "--source", text)
    assert found["source_title"] == "Area in m² (part ①)"
    assert rows(cli, superscript, "sources", "show", text)["title"] == found["source_title"]
    result = cli("who-said", "--actor", text, db=superscript, ok=False)
    assert result.exit_code == 1 and "no such speaker" in one_error_line(result)
    for command in (["show", text], ["review", text], ["topics", "tag", text, "economy"]):
        result = cli(*command, db=superscript, ok=False)
        assert result.exit_code == 2, result.output
        assert f"{text!r} is not a claim id" in one_error_line(result)
