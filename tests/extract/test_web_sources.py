"""Who is credited on web pages, as a fact-checker reads them (issue 14, branch s14-web): the
outlet a speaker talks to is not the speaker, a research group's finding is its named
scientist's, a trial's is whoever ran it, a number's digit comma cuts no name, an armed force
is the "it" that speaks after it, a body's initials that spell a pronoun ("WHO") are a body,
and a body's initials after its full name are that body. Every sentence and name here is
written for these tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")


# --- the outlet told is not the teller ---------------------------------------------------------


def test_the_outlet_after_tells_is_not_the_speaker() -> None:
    text = (
        '"We rebuilt the whole network last spring," Ann Kerr, head of devices at Orbita, '
        "tells The Valley Reporter."
    )
    who = speaker_of(text, "rebuilt the whole network")
    assert (who.name, who.kind) == ("Ann Kerr", "person")


def test_the_teller_before_tells_is_still_the_speaker_when_parsed_alone() -> None:
    text = "Ann Kerr told The Valley Reporter that the network was rebuilt last spring."
    assert speaker_of(text, "network was rebuilt").name == "Ann Kerr"


# --- a research group speaks for its named scientist ---------------------------------------


def test_the_laboratory_of_a_named_scientist_is_that_scientist() -> None:
    text = (
        "In 2011, the laboratory of Maria Tenley, who was then at Ohio State University, "
        "reported that the cells carry bitter receptors."
    )
    who = speaker_of(text, "carry bitter receptors")
    assert (who.name, who.kind) == ("Maria Tenley", "person")


def test_a_research_team_led_by_a_named_colleague_is_that_colleague() -> None:
    text = (
        "In 2013, a research team led by her colleague Omar Vitti at Rice University found "
        "that the sugars trigger the receptors."
    )
    who = speaker_of(text, "sugars trigger the receptors")
    assert (who.name, who.kind) == ("Omar Vitti", "person")


def test_a_group_led_by_a_politician_is_not_the_politician() -> None:
    text = "A group led by Senator Jo Roe said that the bill was dead."
    who = speaker_of(text, "the bill was dead")
    assert who.name != "Jo Roe"


def test_tests_by_a_named_site_are_the_sites() -> None:
    text = "Early tests by Pixel Bench show that the match engine stutters on older phones."
    who = speaker_of(text, "stutters on older phones")
    assert (who.name, who.kind) == ("Pixel Bench", "organization")


# --- a number's digit comma is no appositive --------------------------------------------------


def test_a_number_with_a_digit_comma_stays_whole_in_the_description() -> None:
    text = "In fact, one study in over 20,000 adults showed that planning meals helped."
    who = speaker_of(text, "planning meals helped")
    assert who.name == "one study in over 20,000 adults"


def test_an_age_between_commas_is_still_cut_from_a_name() -> None:
    text = "Mr. Stone, 82, who lives by the harbour, said the pier was unsafe."
    assert speaker_of(text, "the pier was unsafe").name == "Stone"


# --- "it" after an armed force that spoke is that force ------------------------------------


def test_it_after_the_navy_is_the_navy() -> None:
    text = (
        "Three sailors have been hurt in a boat fire off Crete, the Greek navy said on "
        "Monday. It did not name the ship and said it was keeping the names private."
    )
    who = speaker_of(text, "keeping the names private")
    assert who.name == "Greek navy"


# --- a body's initials that spell a pronoun ------------------------------------------------------


def test_who_in_capitals_is_a_body_not_the_pronoun() -> None:
    text = "According to WHO, there were 3,100 cases reported worldwide between 2011 and 2016."
    who = speaker_of(text, "3,100 cases")
    assert (who.name, who.kind) == ("WHO", "organization")


def test_who_after_a_name_is_still_the_pronoun() -> None:
    text = "Mr. Roe, who was there, said it rained all day."
    assert speaker_of(text, "rained all day").name == "Roe"


# --- a body's initials after its full name are that body ---------------------------------------


def test_initials_after_the_full_name_are_the_same_body() -> None:
    text = (
        "The Federal Harbour Administration said ferries were delayed. "
        "The FHA said the cause was a storm."
    )
    first = speaker_of(text, "ferries were delayed")
    then = speaker_of(text, "cause was a storm")
    assert then.name == first.name == "Federal Harbour Administration"
    assert then.kind == first.kind


def test_initials_inside_a_longer_name_with_a_country_word_before_them() -> None:
    text = (
        "The Westland Centre for Tide Control and Safety said it had tested 40 buoys. "
        "The CTC assured sailors that the risk was low."
    )
    assert speaker_of(text, "the risk was low").name == (
        "Westland Centre for Tide Control and Safety"
    )


def test_initials_with_no_full_name_before_them_stay_as_written() -> None:
    text = "The FHA said the cause was a storm."
    assert speaker_of(text, "cause was a storm").name == "FHA"


def test_initials_with_the_word_before_the_name_are_that_body() -> None:
    text = (
        "The Harbor Center for Tide Control and Safety said it had tested 40 buoys. "
        "The Harbor CTC said the risk was low."
    )
    assert speaker_of(text, "the risk was low").name == "Harbor Center for Tide Control and Safety"


def test_initials_take_the_full_name_without_its_sentence_initial_the() -> None:
    text = (
        '"The Westland Tide Board has lost many buoys this year," a sailor said. '
        "The WTB said it would replace them."
    )
    assert speaker_of(text, "replace them").name == "Westland Tide Board"
