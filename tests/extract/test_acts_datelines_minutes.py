"""Acts, datelines and minutes (issues 14 and 19, branch s14-acts): an ordinal counting a
thing ("the 64th minute", "the 3rd hole") is no date; a dateline opening a lede is never part
of a claim's content. Every sentence here is written for the project."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.dates import counts_a_thing, resolve_date

PUB = dt.date(2026, 3, 14)  # a Saturday


@pytest.mark.parametrize(
    "phrase",
    ["in the 64th minute", "the 12th minute", "on the 3rd hole", "at its 90th anniversary"],
)
def test_an_ordinal_counting_a_thing_is_no_date(phrase: str) -> None:
    said = resolve_date(phrase, PUB)
    assert (said.on, said.relation) == (None, "unknown")


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("on the 3rd", "2026-03-03"),
        ("on the 3rd of March", "2026-03-03"),
        ("on the 11th of the month", "2026-03-11"),
    ],
)
def test_an_ordinal_day_of_the_month_stays_a_date(phrase: str, day: str) -> None:
    said = resolve_date(phrase, PUB)
    assert (said.on, said.precision, said.relation) == (dt.date.fromisoformat(day), "day", "on")


@pytest.mark.parametrize(
    ("words", "thing"),
    [
        (["the", "second", "half"], True),
        (["the", "twenty-first", "lap"], True),
        (["its", "50th", "anniversary", "of", "the", "march"], True),
        (["his", "first", "full", "day"], False),
        (["the", "second", "half", "of", "2025"], False),
        (["the", "3rd"], False),
        (["the", "first", "week"], False),
        (["the", "2nd", "of", "May"], False),
    ],
)
def test_counts_a_thing_reads_the_noun_after_the_ordinal(words: list[str], thing: bool) -> None:
    assert counts_a_thing(words) is thing


def only_claim(text: str):
    claims = extract(text, PUB)
    assert len(claims) == 1, [c.content.text(text) for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    "text",
    [
        "Coach Ivo Brandt said in the 64th minute that the referee had been wrong.",
        "Golfer Nia Vance said on the 3rd hole that the wind was too strong.",
        "Mayor Tess Orlan said at the 90th anniversary that the town would grow.",
        "Pell scored in the 64th minute, and coach Ivo Brandt said the team had earned it.",
    ],
)
def test_a_claim_told_at_a_minute_or_a_hole_is_dated_by_publication(text: str) -> None:
    said = only_claim(text).date
    assert (said.on, said.relation, said.via) == (PUB, "by", "publication")


def test_a_claim_told_on_a_day_of_the_month_keeps_that_day() -> None:
    said = only_claim("Mayor Tess Orlan said on the 3rd that the town would grow.").date
    assert (said.on, said.relation, said.text) == (dt.date(2026, 3, 3), "on", "on the 3rd")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "WASHINGTON (Reuters) — The tariff would hurt farmers, Senator Mara Quill said.",
            "The tariff would hurt farmers",
        ),
        (
            "Lisbon (CNN) — The new toll would hurt fishermen, Mayor Ana Tavora said.",
            "The new toll would hurt fishermen",
        ),
        (
            "HARLAN, Ky. — A federal judge ruled that the county must reopen the library.",
            "that the county must reopen the library",
        ),
    ],
)
def test_a_dateline_is_never_part_of_the_content(text: str, content: str) -> None:
    claim = only_claim(text)
    assert claim.content.text(text) == content
    assert claim.speaker.mention is not None
    assert "—" not in claim.speaker.mention.text(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Millbrook council voted 7-2 to approve the plan on Tuesday.",
        "The committee approved the bill on Wednesday.",
        "Senators voted to confirm Jane Okafor as ambassador.",
        "The Ashby City Council on Monday approved a zoning change for the harbour.",
        "The board of trustees voted to raise tuition by 4 percent.",
    ],
)
def test_a_vote_or_a_procedural_act_is_no_claim(text: str) -> None:
    assert [c.cue.text(text) for c in extract(text, PUB)] == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The council voted 5-4 to reject the tower, saying it would block the river view.",
            "saying",
            "it would block the river view",
        ),
        (
            "The Dunmore board announced it had approved the new budget.",
            "announced",
            "it had approved the new budget",
        ),
        (
            "The Ashby council approved a resolution condemning the new quarry.",
            "approved",
            "a resolution condemning the new quarry",
        ),
        (  # a person's vote is a position PolNeAR counts
            "Senator Omar Pell voted to ban the pesticide in 2019.",
            "voted",
            "to ban the pesticide in 2019",
        ),
    ],
)
def test_what_a_body_says_around_its_act_stays_a_claim(text: str, cue: str, content: str) -> None:
    claim = only_claim(text)
    assert (claim.cue.text(text), claim.content.text(text)) == (cue, content)
