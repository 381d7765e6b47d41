"""Headlines parsed in their common case keep every offset: a character whose case mapping is
not one character ('ﬁ' upper-cases to 'FI', 'ß' to 'SS') stays as it is. Texts written for
these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from claimtrack.extract.casing import body_forms, parse_forms
from claimtrack.extract.types import CharSpan

# each upper-cases to two characters ('ŉ' to 'ʼN', 'ǰ' to 'J' and a caron)
EXPANDING = ["ﬁ", "ﬂ", "ß", "ŉ", "ǰ"]
BODY = "The minister said on Monday that talks would resume.\n"


def on_word_edges(text: str, span: CharSpan) -> bool:
    """The span starts and ends between words (a shifted span cuts a word)."""
    s, e = span.start, span.end
    starts_clean = s == 0 or not (text[s - 1].isalnum() and text[s].isalnum())
    ends_clean = e == len(text) or not (text[e - 1].isalnum() and text[e].isalnum())
    return s < e and starts_clean and ends_clean


@pytest.mark.parametrize("ch", EXPANDING)
def test_a_title_opening_with_a_character_that_upper_cases_to_two(ch: str) -> None:
    headline = f"{ch}rst Minister Says Talks Will Resume Soon"
    text = f"{headline}\n{BODY}"
    claims = extract(text)
    spans = [(c, s) for c in claims for s in (c.cue, c.content, c.speaker.mention) if s]
    assert all(on_word_edges(text, s) for _, s in spans), [s.text(text) for _, s in spans]
    in_title = [
        (c.cue.text(text), c.content.text(text)) for c in claims if c.cue.end < len(headline)
    ]
    assert in_title == [("Says", "Talks Will Resume Soon")]
    (body,) = [c for c in claims if c.cue.start > len(headline)]
    assert body.cue.text(text) == "said" and body.content.text(text) == "that talks would resume"


@pytest.mark.parametrize("ch", EXPANDING)
def test_a_shouted_headline_with_a_character_that_changes_length(ch: str) -> None:
    headline = f"{ch}ARBOUR BOARD SAYS NEW PIER WILL OPEN IN JUNE"
    text = f"{headline}\nThe board said on Monday that the pier would open.\n"
    for c in extract(text):
        for s in (c.cue, c.content, c.speaker.mention):
            assert s is None or on_word_edges(text, s), s.text(text)


@pytest.mark.parametrize(
    "line",
    [
        "ﬁRST MINISTER SAYS TALKS WILL RESUME SOON",
        "ßTRASSE COUNCIL VOTES TO CLOSE THE BRIDGE",
        "ǰUDGE RULES THE FERRY CONTRACT WAS VALID",
        "ŉ OFFICIALS SAY FERRY FARES WILL RISE",
        "İSTANBUL MAYOR SAYS FERRIES WILL RUN",  # 'İ' lower-cases to two characters
    ],
)
def test_the_parse_form_of_a_headline_has_each_character_at_its_offset(line: str) -> None:
    (form,) = parse_forms(f"{line}\n{BODY}", [line])
    assert form != line  # parsed in its common case
    assert len(form) == len(line)
    assert all(a == b or a.lower() == b or a.upper() == b for a, b in zip(line, form, strict=True))


# A Title Case headline opening with a name the article writes is parsed in its common case;
# the names are read from the lines in their common case only (in a Title Case line every
# word follows a small letter). Texts written for these tests.
ROE_BODY = "The harbour board met on Monday, and Jo Roe spoke against the cuts.\n"


def test_the_words_of_a_title_case_line_are_no_names() -> None:
    forms = body_forms(f"Jo Roe Praises Ferry Plan\n{ROE_BODY}")
    assert {"Jo", "Roe"} <= forms
    assert "Praises" not in forms and "Plan" not in forms


def test_a_name_after_a_title_or_an_initial_is_a_name() -> None:
    forms = body_forms("Mr. Lund spoke first.\nThe plan came from Jo K. Roe.\n")
    assert {"Lund", "Jo", "K.", "Roe"} <= forms
    assert "The" not in forms and "Mr." not in forms


def test_a_headline_opening_with_a_name_is_parsed_in_its_common_case() -> None:
    line = "Jo Roe Praises Ferry Plan"
    assert parse_forms(f"{line}\n{ROE_BODY}", [line]) == ["Jo Roe praises ferry plan"]


@pytest.mark.parametrize(
    "line",
    [
        "Top Harbour Group Will Run Ads Against Ferry Cuts",  # a description, no name
        "Will Roe Win The Harbour Seat Again",  # "Will" is a word here
        "Roe Slams Harbour Board Over Ferry Cuts",  # a surname alone
    ],
)
def test_a_headline_opening_with_no_name_is_left_as_written(line: str) -> None:
    assert parse_forms(f"{line}\n{ROE_BODY}", [line]) == [line]


def test_a_headline_read_in_its_common_case_gives_each_verb_its_claim() -> None:
    headline = "Jo Roe Says Ferries Were Hacked, Calls Fare Plan ‘Troubling.’"
    text = f"{headline}\nThe mayor, Jo Roe, spoke on Monday. Ms. Roe said the plan was a mistake.\n"
    in_title = [
        (c.cue.text(text), c.speaker.name) for c in extract(text) if c.cue.end <= len(headline)
    ]
    assert ("Says", "Jo Roe") in in_title and ("Calls", "Jo Roe") in in_title
