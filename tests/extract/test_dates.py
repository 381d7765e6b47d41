"""resolve_date: date phrases attached to cues, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.dates import resolve_date
from claimtrack.extract.types import SaidDate

PUB = dt.date(2025, 8, 14)  # a Thursday


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


@pytest.mark.parametrize(
    ("phrase", "future", "on", "precision", "relation"),
    [
        ("on the 13th", False, "2025-08-13", "day", "on"),
        ("on the 13th", True, "2025-09-13", "day", "on"),
        ("on the 20th", False, "2025-07-20", "day", "on"),
        ("on the 31st", False, "2025-07-31", "day", "on"),
        ("on Tuesday", False, "2025-08-12", "day", "on"),
        ("on Tuesday", True, "2025-08-19", "day", "on"),
        ("on Thursday", False, "2025-08-14", "day", "on"),
        ("on Monday night", False, "2025-08-11", "day", "on"),
        ("yesterday", False, "2025-08-13", "day", "on"),
        ("today", False, "2025-08-14", "day", "on"),
        ("two days ago", False, "2025-08-12", "day", "on"),
        ("on August 15", False, "2024-08-15", "day", "on"),
        ("on August 15", True, "2025-08-15", "day", "on"),
        ("Sept. 3", False, "2024-09-03", "day", "on"),
        ("Sept. 3", True, "2025-09-03", "day", "on"),
        ("on Aug. 3, 2019", False, "2019-08-03", "day", "on"),
        ("in July", False, "2025-07-01", "month", "on"),
        ("in May", False, "2025-05-01", "month", "on"),
        ("last month", False, "2025-07-01", "month", "on"),
        ("in 2019", False, "2019-01-01", "year", "on"),
        ("last year", False, "2024-01-01", "year", "on"),
        # a week cannot be held: "last week" = before the Monday of the publication week
        ("last week", False, "2025-08-11", "day", "before"),
        ("this week", False, "2025-08-14", "day", "by"),
        ("previously", False, "2025-08-14", "day", "before"),
        ("earlier", False, "2025-08-14", "day", "before"),
        ("had earlier", False, "2025-08-14", "day", "before"),
        ("in the past", False, "2025-08-14", "day", "before"),
        ("before", False, "2025-08-14", "day", "before"),
        ("earlier this month", False, "2025-08-14", "day", "before"),
        ("a few days ago", False, "2025-08-14", "day", "before"),
        ("this past week", False, "2025-08-14", "day", "by"),
        ("in the past two weeks", False, "2025-08-14", "day", "by"),
        ("later", False, "2025-08-14", "day", "by"),
        ("on “Tuesday”", False, "2025-08-12", "day", "on"),
    ],
)
def test_phrases(phrase: str, future: bool, on: str, precision: str, relation: str) -> None:
    got = resolve_date(phrase, PUB, future=future)
    assert got == SaidDate(on=d(on), precision=precision, relation=relation, text=phrase)


@pytest.mark.parametrize("phrase", [None, "", "   "])
def test_no_phrase_means_no_later_than_publication(phrase: str | None) -> None:
    assert resolve_date(phrase, PUB) == SaidDate(on=PUB, precision="day", relation="by")
    assert resolve_date(phrase, None) == SaidDate(on=None, precision="none", relation="unknown")


@pytest.mark.parametrize(
    "phrase",
    ["asdf qwer", "one-on-one", "may", "the", "!!", "next week", "10 years", "in 10 days"],
)
def test_unreadable_phrase_is_unknown(phrase: str) -> None:
    assert resolve_date(phrase, PUB) == SaidDate(text=phrase)


def test_past_statement_is_not_dated_after_publication() -> None:
    assert resolve_date("tomorrow", PUB) == SaidDate(text="tomorrow")
    assert resolve_date("tomorrow", PUB, future=True).on == d("2025-08-15")
    # unless the phrase names its year
    assert resolve_date("on Aug. 20, 2025", PUB).on == d("2025-08-20")


def test_text_is_the_phrase_stripped() -> None:
    assert resolve_date("  on the 13th ", PUB).text == "on the 13th"


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve_date("on Aug. 3, 2019", None).on == d("2019-08-03")
    assert resolve_date("in 2019", None) == SaidDate(d("2019-01-01"), "year", "on", "in 2019")
    assert resolve_date("in July 2016", None).precision == "month"
    for relative in ("on the 13th", "yesterday", "on Tuesday", "Sept. 3", "last week"):
        assert resolve_date(relative, None) == SaidDate(text=relative)
    assert resolve_date("previously", None) == SaidDate(relation="before", text="previously")


def test_results_are_cached() -> None:
    assert resolve_date("on the 13th", PUB) is resolve_date("on the 13th", PUB)


@settings(max_examples=200, deadline=None)
@given(
    phrase=st.one_of(st.none(), st.text(max_size=40)),
    published=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))),
    future=st.booleans(),
)
def test_never_raises(phrase: str | None, published: dt.date | None, future: bool) -> None:
    got = resolve_date(phrase, published, future=future)
    assert isinstance(got, SaidDate)
    assert (got.on is None) == (got.precision == "none")
