"""Dates read right (issue 19, third pass): the nth weekday of a month, a day of the month
written "the 25th of March" read as "March 25" is, and a verb planned in the present ("plans
to tell", "is set to announce") dating its day ahead. Every sentence is written for the
project; the names are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack.extract import extract
from claimtrack.extract.dates import resolve_date

PUB = dt.date(2026, 3, 20)  # a Friday


def d(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


@pytest.mark.parametrize(
    ("phrase", "future", "on"),
    [
        ("on the 2nd Tuesday of March", False, "2026-03-10"),
        ("the second Tuesday of March", True, "2026-03-10"),
        ("on the first Monday in April", True, "2026-04-06"),
        ("the last Friday in June 2025", False, "2025-06-27"),
        ("the third Sunday in October", False, "2025-10-19"),  # last year's own third Sunday
        ("the first Sunday of the month", False, "2026-03-01"),
    ],
)
def test_the_nth_weekday_of_a_month(phrase: str, future: bool, on: str | None) -> None:
    assert resolve_date(phrase, PUB, future=future).on == d(on)


def test_no_day_the_phrase_does_not_name() -> None:
    # no month: no day (it was read as February, "2nd" taken for the month)
    assert resolve_date("the 2nd Tuesday", PUB).on is None
    # a fifth weekday the month lacks; a day ahead with a past verb
    assert resolve_date("the fifth Monday of February", PUB).on is None
    assert resolve_date("on the first Monday in April", PUB).on is None
    # "last" alone is still the last one before publication
    assert resolve_date("last Monday", PUB).on == d("2026-03-16")
    assert resolve_date("last month", PUB).on == d("2026-02-01")


def test_every_way_of_writing_a_day_ahead_reads_the_same() -> None:
    for phrase in ("on March 25", "on March 25th", "on 25 March", "on the 25th of March"):
        # a future verb: this year's day, five days on
        assert resolve_date(phrase, PUB, future=True).on == d("2026-03-25"), phrase
        # a past verb cannot be dated five days after publication, nor a year before it
        assert resolve_date(phrase, PUB).on is None, phrase
        # far ahead (more than half a year), a past verb means last year's
        far = phrase.replace("March", "December")
        assert resolve_date(far, PUB).on == d("2025-12-25"), far


def _dates(text: str) -> list[dt.date | None]:
    return [c.date.on for c in extract(text, PUB)]


def test_a_present_plan_dates_its_day_ahead_in_this_year() -> None:
    assert _dates("Nell Arrowsmith plans to tell voters on 25 March that taxes will rise.\n") == [
        d("2026-03-25")
    ]
    assert _dates("Nell Arrowsmith is due to tell voters on the 25th that taxes will rise.\n") == [
        d("2026-03-25")
    ]
    # a past plan keeps its day behind: the 12th before publication, not next month's
    assert _dates(
        "Nell Arrowsmith planned to tell voters on the 12th that taxes would rise.\n"
    ) == [d("2026-03-12")]


def test_the_before_a_month_and_day_changes_nothing() -> None:
    # "On the November 24 show" a day after publication: no day (it was last year's)
    assert resolve_date("On the November 24", dt.date(2015, 11, 23)).on is None
    assert resolve_date("on the November 10", dt.date(2015, 11, 23)).on == d("2015-11-10")


def test_a_clock_time_alone_is_no_day() -> None:
    # which day's 11:40, the phrase does not say (it was read as the day before publication)
    for phrase in ("11:40 am", "at 3 p.m.", "around 9 a.m."):
        assert resolve_date(phrase, PUB).on is None, phrase
    assert resolve_date("at 3 p.m. Tuesday", PUB).on == d("2026-03-17")


def test_last_and_a_month_is_the_last_such_month() -> None:
    assert resolve_date("last June", PUB).on == d("2025-06-01")
    assert resolve_date("this past February", PUB).on == d("2026-02-01")
    assert resolve_date("last March", PUB).on == d("2025-03-01")  # this month's is not last
    assert resolve_date("last June", PUB).precision == "month"


def test_a_year_modifying_a_noun_dates_the_thing_not_the_saying() -> None:
    for text in (
        "Echoing the famous 1963 refrain of the governor, Mr. Holt said the plan was sound.\n",
        "Praising the 2016 budget, Nell Arrowsmith said the plan was sound.\n",
    ):
        claims = [c for c in extract(text, PUB) if c.content.text(text) == "the plan was sound"]
        assert [(c.date.on, c.date.relation, c.date.via) for c in claims] == [
            (PUB, "by", "publication")
        ], text


def test_a_year_in_a_quotations_brackets_is_no_date_of_saying() -> None:
    # the editor's "[in 2012]" is about the words, not when they were said
    for text in (
        '"I have backed her since she joined the council [in 2012]," Holt said.\n',
        '"That is why I asked Nell to run. I have asked her since the week she joined the'
        ' council [in 2012]," Holt explains.\n',
    ):
        assert [(c.date.on, c.date.relation, c.date.via) for c in extract(text, PUB)] == [
            (PUB, "by", "publication")
        ], text


@pytest.mark.parametrize(
    ("text", "on"),
    [
        (
            "During Saturday night's debate, Senator Ann Holt said the plan was sound.\n",
            "2026-03-14",
        ),
        ("At Tuesday's rally, Governor Bo Lind said taxes would fall.\n", "2026-03-17"),
        ("In Monday's interview, Ann Holt said the bridge was safe.\n", "2026-03-16"),
        ("Ann Holt said in Monday’s radio interview that the bridge was safe.\n", "2026-03-16"),
    ],
)
def test_a_days_possessive_before_an_event_dates_the_saying(text: str, on: str) -> None:
    assert [c.date.on for c in extract(text, PUB)] == [d(on)]


def test_a_days_possessive_sets_the_scene() -> None:
    text = (
        "During Saturday night's debate, Senator Ann Holt attacked the plan. She said taxes"
        " would rise.\n"
    )
    claims = [c for c in extract(text, PUB) if c.content.text(text) == "taxes would rise"]
    assert [(c.date.on, c.date.via) for c in claims] == [(d("2026-03-14"), "context")]


@pytest.mark.parametrize(
    ("phrase", "on", "precision"),
    [
        ("at Tuesday's rally", "2026-03-17", "day"),
        ("during Saturday night's debate", "2026-03-14", "day"),
        ("at last year's convention", "2025-01-01", "year"),
    ],
)
def test_resolve_a_days_possessive(phrase: str, on: str, precision: str) -> None:
    said = resolve_date(phrase, PUB)
    assert (said.on, said.precision, said.relation) == (d(on), precision, "on")
    # a possessive that is no date's stays no date
    assert resolve_date("at the mayor's rally", PUB).on is None


@pytest.mark.parametrize(
    "text",
    [
        "Senator Ann Holt issued a statement after Governor Bo Lind told a crowd on Monday that"
        " taxes would rise.\n",
        "Mayor Ann Holt wrote to the council after the vote failed on Monday, saying the plan"
        " was dead.\n",
        "Ann Holt had long backed the plan, and the council invited her to speak in January"
        " 2012.\n",
    ],
)
def test_a_date_in_a_clause_of_another_event_does_not_date_the_saying(text: str) -> None:
    claims = extract(text, PUB)
    holt = [c for c in claims if c.speaker.name == "Ann Holt"]
    assert holt and all(c.date.via == "publication" for c in holt)
    # the clause's own claim keeps its date
    assert [c.date.on for c in claims if c.speaker.name == "Bo Lind"] in ([], [d("2026-03-16")])
    # a clause of the same time still dates it ("when" hangs as an adverb or a marker)
    text = "Few people would have called Ann Holt a reformer when she ran for mayor in 2008.\n"
    assert [c.date.on for c in extract(text, PUB)] == [d("2008-01-01")]


@pytest.mark.parametrize("phrase", ["in 6.6 seconds", "a decade", "over a decade", "in 10 minutes"])
def test_a_duration_in_seconds_minutes_or_decades_is_no_date(phrase: str) -> None:
    said = resolve_date(phrase, PUB)
    assert (said.on, said.relation) == (None, "unknown")
    # "ago" still counts back from publication
    assert resolve_date("a decade ago", PUB).on == d("2016-01-01")


@pytest.mark.parametrize(
    ("text", "content", "on"),
    [
        (
            "Mayor Ann Holt said Tuesday the bridge will close for repairs in May.\n",
            "the bridge will close for repairs in May",
            "2026-03-17",
        ),
        ("The mayor said Monday the bridge was safe.\n", "the bridge was safe", "2026-03-16"),
    ],
)
def test_a_weekday_right_after_said_with_no_that_dates_the_saying(
    text: str, content: str, on: str
) -> None:
    # the parser hangs the weekday on the clause's verb; it is the saying's, not the content's
    [claim] = extract(text, PUB)
    assert text[claim.content.start : claim.content.end] == content
    assert claim.date.on == d(on)


def test_a_day_that_opens_its_own_subject_stays_in_the_content() -> None:
    # "Tuesday's vote" is the subject of the clause: what was said, not when
    text = "Officials said Tuesday's vote will decide the fate of the bridge.\n"
    [claim] = extract(text, PUB)
    assert text[claim.content.start : claim.content.end].startswith("Tuesday's vote")
