"""Quotation finding and paragraph segmentation, before any parsing."""

from __future__ import annotations

import pytest

from claimtrack.extract.quotes import QuoteIndex, find_quotes
from claimtrack.extract.segment import is_heading, segments


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_straight_and_curly_quotes() -> None:
    t = 'He said "we are ready" and then “we will see,” she added.'
    assert quoted(t) == ['"we are ready"', "“we will see,”"]


def test_double_apostrophe_quotes() -> None:
    t = "''It is over,'' he said."
    assert quoted(t) == ["''It is over,''"]


def test_apostrophes_are_not_quotes() -> None:
    assert quoted("It's the mayor's plan, isn't it?") == []


def test_multi_paragraph_quote_runs_to_its_closing_mark() -> None:
    t = "“First paragraph.\n“Second paragraph.”\nNarrative “word” here."
    assert quoted(t) == ["“First paragraph.\n“Second paragraph.”", "“word”"]


def test_unclosed_mark_is_dropped_at_paragraph_end() -> None:
    t = "“never closed\nplain paragraph\n“closed”"
    assert quoted(t) == ["“closed”"]


def test_stray_closing_mark_is_ignored() -> None:
    assert quoted("a ” b “c” d") == ["“c”"]


def test_quote_index_lookup() -> None:
    t = 'x "ab" y "cd" z'
    qi = QuoteIndex(t)
    assert qi.containing(3) is not None and qi.containing(0) is None
    assert len(qi.overlapping(0, len(t))) == 2
    assert len(qi.within(0, 7)) == 1


def test_headings() -> None:
    assert is_heading("1. Russia-Ukraine Ceasefire")
    assert is_heading("Budget Talks")
    assert not is_heading("The treasurer said the deficit had shrunk.")
    assert not is_heading('"A quoted line')
    assert not is_heading(" ".join(["word"] * 20))


@pytest.mark.parametrize(
    "line",
    [
        "* Harbour fares to rise [link]",
        "- Ferry Timetable for May",
        "• New pier opens",
        "-Ivo Lund explains why the fares rose. [Harbour News]",
    ],
)
def test_a_list_item_is_no_heading(line: str) -> None:
    assert not is_heading(line)


def test_a_closing_tag_makes_a_sentence_no_heading_and_a_headline_stays_one() -> None:
    assert not is_heading("Ivo Lund says the fares will rise. [Harbour News]")
    assert is_heading("Ferry Board Picks New Chair [VIDEO]")


def test_segments_keep_offsets() -> None:
    t = "  Title\n\nFirst line.\r\nSecond line.  \n"
    segs = segments(t)
    assert [s.text for s in segs] == ["Title", "First line.", "Second line."]
    for s in segs:
        assert t[s.start : s.end] == s.text
    assert segs[0].is_heading and not segs[1].is_heading


def test_marks_typed_the_wrong_way_round() -> None:
    t = "a site called “Leave If He Wins“ that says so.\n“Hello there,” she said."
    assert quoted(t) == ["“Leave If He Wins“", "“Hello there,”"]


def test_quote_index_by_boundary() -> None:
    t = 'a "bc" d "ef" g'
    qi = QuoteIndex(t)
    assert qi.index_starting_at(2) == 0 and qi.index_starting_at(9) == 1
    assert qi.index_ending_at(6) == 0 and qi.index_ending_at(13) == 1
    assert qi.index_starting_at(3) is None and qi.index_ending_at(7) is None
