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


def core(said: SaidDate) -> tuple:
    """The fields a SaidDate had before bounds were added (they keep their meaning)."""
    return (said.on, said.precision, said.relation, said.text)


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
        ("on August 13", False, "2025-08-13", "day", "on"),
        ("on August 15", True, "2025-08-15", "day", "on"),
        ("Feb. 3", False, "2025-02-03", "day", "on"),
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
    assert core(got) == core(SaidDate(d(on), precision, relation, phrase))  # type: ignore[arg-type]


@pytest.mark.parametrize("phrase", [None, "", "   "])
def test_no_phrase_means_no_later_than_publication(phrase: str | None) -> None:
    assert core(resolve_date(phrase, PUB)) == core(SaidDate(on=PUB, precision="day", relation="by"))
    assert core(resolve_date(phrase, None)) == core(
        SaidDate(on=None, precision="none", relation="unknown")
    )


@pytest.mark.parametrize(
    "phrase",
    ["asdf qwer", "one-on-one", "may", "the", "!!", "next week", "10 years", "in 10 days"],
)
def test_unreadable_phrase_is_unknown(phrase: str) -> None:
    assert core(resolve_date(phrase, PUB)) == core(SaidDate(text=phrase))


def test_past_statement_is_not_dated_after_publication() -> None:
    assert core(resolve_date("tomorrow", PUB)) == core(SaidDate(text="tomorrow"))
    assert resolve_date("tomorrow", PUB, future=True).on == d("2025-08-15")
    # unless the phrase names its year
    assert resolve_date("on Aug. 20, 2025", PUB).on == d("2025-08-20")


def test_a_day_without_a_year_stays_in_the_publication_year() -> None:
    nov1 = d("2016-11-01")
    # a future verb: the coming day of this year, not last year's
    assert resolve_date("on Nov. 8", nov1, future=True).on == d("2016-11-08")
    # a past verb a week before that day cannot be dated after publication: no date, the text kept
    assert core(resolve_date("on Nov. 8", nov1)) == core(SaidDate(text="on Nov. 8"))
    # more than half a year ahead, a past verb means last year's
    assert resolve_date("on Dec. 20", d("2016-02-01")).on == d("2015-12-20")
    assert resolve_date("on Oct. 30", nov1).on == d("2016-10-30")


@pytest.mark.parametrize(
    ("phrase", "earliest", "latest"),
    [
        ("on Tuesday", "2025-08-12", "2025-08-12"),
        ("in March", "2025-03-01", "2025-03-31"),
        ("in February 2024", "2024-02-01", "2024-02-29"),
        ("in 2019", "2019-01-01", "2019-12-31"),
        ("last week", "2025-08-04", "2025-08-10"),
        ("over the weekend", "2025-08-09", "2025-08-10"),
        ("earlier this month", "2025-08-01", "2025-08-13"),
        ("earlier this week", "2025-08-11", "2025-08-13"),
        ("this week", "2025-08-11", "2025-08-14"),
        ("previously", None, "2025-08-13"),
        (None, None, "2025-08-14"),
    ],
)
def test_ranges(phrase: str | None, earliest: str | None, latest: str) -> None:
    got = resolve_date(phrase, PUB)
    assert (got.earliest, got.latest) == (earliest and d(earliest), d(latest))
    assert got.via == ("phrase" if phrase else "publication")


def test_no_bounds_are_invented_without_a_publication_date() -> None:
    for relative in ("last week", "over the weekend", "earlier this month", None):
        got = resolve_date(relative, None)
        assert (got.earliest, got.latest, got.on) == (None, None, None)
    assert resolve_date("in March 2016", None).latest == d("2016-03-31")


def test_text_is_the_phrase_stripped() -> None:
    assert resolve_date("  on the 13th ", PUB).text == "on the 13th"


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    assert resolve_date("on Aug. 3, 2019", None).on == d("2019-08-03")
    assert core(resolve_date("in 2019", None)) == core(
        SaidDate(d("2019-01-01"), "year", "on", "in 2019")
    )
    assert resolve_date("in July 2016", None).precision == "month"
    for relative in ("on the 13th", "yesterday", "on Tuesday", "Sept. 3", "last week"):
        assert core(resolve_date(relative, None)) == core(SaidDate(text=relative))
    assert core(resolve_date("previously", None)) == core(
        SaidDate(relation="before", text="previously")
    )


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
