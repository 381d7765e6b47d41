"""Who spoke (issue 14): bodies described by their kind. A court's name keeps the circuit it
sits for; a headline's or a lead's "a new poll", "a federal appeals court" or "A Senate
panel" is the first body of that kind the article names after it; "the city" is the city
named as one just before it, and so is the "it" after it. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")


# --- a court's name goes on with its circuit -----------------------------------------------


def test_a_court_of_appeals_keeps_the_circuit_it_sits_for() -> None:
    text = (
        "A three-judge panel of the U.S. Court of Appeals for the Ninth Circuit overruled a "
        "lower court on Monday. The appeals court said that the state's rules were unfair."
    )
    who = speaker_of(text, "rules were unfair")
    assert (who.name, who.kind) == ("U.S. Court of Appeals for the Ninth Circuit", "organization")


def test_lower_case_words_after_a_court_are_no_part_of_its_name() -> None:
    text = (
        "The U.S. Court of Appeals for the first time heard the farmers' case on Monday. "
        "The appeals court said that the state's rules were unfair."
    )
    assert speaker_of(text, "rules were unfair").name == "U.S. Court of Appeals"


# --- a lead's bare or indefinite description: the first of its kind named after it ----------

POLLS = (
    "New Poll Finds Voters Split On Transit Levy.\n\n"
    "A new poll shows that voters in Marlow County are split on the transit levy.\n\n"
    "The Harwell poll released Tuesday found that 48 percent back the levy. "
    "A Brindle Institute poll in June found the opposite.\n\n"
)


def test_a_leads_new_poll_is_the_first_poll_named_after_it() -> None:
    who = speaker_of(POLLS, "voters in Marlow County are split")
    assert (who.name, who.kind) == ("Harwell poll", "organization")
    assert who.how == "'A new poll': Harwell poll, the first poll this article names after its lead"
    assert speaker_of(POLLS, "Voters Split On Transit Levy").name == "Harwell poll"


def test_a_new_poll_later_in_the_article_with_two_named_stays_unnamed() -> None:
    text = POLLS + (
        "Turnout was low in the spring. Officials expect more voters this time. "
        "A new poll shows that most voters want more buses. The Corbel poll asked about "
        "trains."
    )
    assert speaker_of(text, "most voters want").name not in ("Harwell poll", "Corbel poll")


def test_a_leads_senate_panel_is_the_first_senate_committee_named_after_it() -> None:
    text = (
        "Senate panel backs harbor plan.\n\n"
        "A Senate panel voted Tuesday to back the harbor plan, saying the port needed deeper "
        "berths.\n\n"
        "The Senate Commerce and Maritime Committee voted 12-9 to send the plan to the floor. "
        "The Senate Rules Committee will take it up next week."
    )
    who = speaker_of(text, "port needed deeper berths")
    assert who.name == "Senate Commerce and Maritime Committee"


def test_a_senate_panel_is_no_house_committee() -> None:
    text = (
        "A Senate panel voted Tuesday to back the harbor plan, saying the port needed deeper "
        "berths.\n\n"
        "The House Commerce and Maritime Committee voted 12-9 to send a plan to the floor."
    )
    who = speaker_of(text, "port needed deeper berths")
    assert who.name != "House Commerce and Maritime Committee"


def test_a_federal_appeals_court_in_the_lead_is_the_court_named_after_it() -> None:
    text = (
        "A federal appeals court said Friday that the state's voting rules removed eligible "
        "voters.\n\n"
        "A panel of the U.S. Court of Appeals for the Tenth Circuit sent the case back to the "
        "district court."
    )
    who = speaker_of(text, "removed eligible voters")
    assert who.name == "U.S. Court of Appeals for the Tenth Circuit"


# --- "the city", and "it" after it ----------------------------------------------------------


def test_it_after_the_city_is_the_city_named_just_before() -> None:
    text = (
        "The city of Tucson is demanding that the Reyes campaign stop using photos of its "
        "firefighters.\n\n"
        "The city sent a letter on Friday. It says the campaign broke the law."
    )
    who = speaker_of(text, "campaign broke the law")
    assert (who.name, who.kind) == ("Tucson", "government")


def test_the_city_with_two_cities_named_stays_unnamed() -> None:
    text = (
        "The city of Tucson and the city of Mesa are demanding that the Reyes campaign stop "
        "using photos of their firefighters.\n\n"
        "The city said the campaign broke the law."
    )
    who = speaker_of(text, "campaign broke the law")
    assert who.name not in ("Tucson", "Mesa")


def test_the_city_named_long_before_is_not_the_city() -> None:
    text = (
        "The city of Tucson hired new firefighters in May. Their training took six weeks. "
        "The trucks were painted red. Crews moved into the new station. The chief gave a "
        "speech.\n\n"
        "The city said the campaign broke the law."
    )
    assert speaker_of(text, "campaign broke the law").name != "Tucson"
