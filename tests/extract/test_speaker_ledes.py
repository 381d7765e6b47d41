"""Who spoke (issue 14): a person described before they are named -- in the headline, the
lede or with a possessive -- is the one person the article then names in a fitting role;
two who fit, another title, another gender or a description outside the lede leave it
unnamed. Every article here is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.roles import fits, initials, role_words
from tests.handmade import speaker_of

pytest.importorskip("spacy")


# --- roles that are one ---------------------------------------------------------------------


def test_a_chairwoman_is_a_chair_and_an_interim_one_is_the_chair() -> None:
    assert fits("the chair of the port board", [role_words("Interim Port Board Chairwoman")])
    assert fits("the port board chairman", [role_words("port board chair")])
    # a former chair is still not the chair, nor the chair an interim one
    assert not fits("the former port board chair", [role_words("Interim Port Board Chair")])
    assert not fits("the interim chair", [role_words("Port Board Chair")])


def test_a_representative_or_a_senator_is_a_lawmaker_but_not_each_other() -> None:
    assert fits("the lawmaker", [role_words("Rep.")])
    assert fits("the lawmaker", [role_words("state Sen.")])
    assert not fits("the senator", [role_words("Rep.")])
    assert not fits("the lawmaker", [role_words("Mayor")])


def test_an_organisation_spelt_out_is_its_abbreviation_and_back() -> None:
    spelt = role_words("chair of the Coastal Planning Commission")
    assert fits("the CPC chair", [spelt | initials("chair of the Coastal Planning Commission")])
    assert fits("the Coastal Planning Commission chair", [role_words("CPC Chair")])
    assert not fits("the CPA chair", [spelt | initials("chair of the Coastal Planning Commission")])
    assert not fits("the Coastal Planning Association chair", [role_words("CPC Chair")])
    assert initials("New York judge") == frozenset()  # no organisation's name


def test_a_description_spelling_out_the_body_is_the_one_named_by_its_initials() -> None:
    text = (
        "CPC Chairwoman Ann Lowell opened the meeting on Monday. "
        "The chair of the Coastal Planning Commission said the dunes were eroding. "
        "The chair of the Coastal Planning Association said the beach was safe."
    )
    assert speaker_of(text, "dunes were eroding").name == "Ann Lowell"
    assert speaker_of(text, "beach was safe").name != "Ann Lowell"


# --- a lede's description, named after it ----------------------------------------------------

JUDGE = (
    "Court halts harbour toll.\n\n"
    "A county judge said on Monday that the harbour toll broke the state charter.\n\n"
    "The toll was due to start in May.\n\n"
    "Circuit Judge Maria Olsen wrote that the county had skipped a hearing.\n"
)


def test_a_lede_description_is_the_person_named_later_in_that_role() -> None:
    who = speaker_of(JUDGE, "broke the state charter")
    assert (who.name, who.kind) == ("Maria Olsen", "person")


def test_two_people_in_the_role_leave_the_lede_unnamed() -> None:
    text = JUDGE + "\nCircuit Judge Tom Baker wrote that he agreed.\n"
    who = speaker_of(text, "broke the state charter")
    assert who.kind == "unnamed" and who.name not in ("Maria Olsen", "Tom Baker")


CHAIRMAN = (
    "Former port chairman warns of dredging costs.\n\n"
    "A former harbour authority chairman says the dredging will cost twice the estimate.\n\n"
    "\u201cThe silt comes back every winter,\u201d said Victor Lund, who ran the authority "
    "for a decade.\n"
)


def test_a_lede_description_nobody_is_given_is_the_next_subject_named() -> None:
    who = speaker_of(CHAIRMAN, "twice the estimate")
    assert (who.name, who.kind) == ("Victor Lund", "person")
    assert "subject after its lede" in (who.how or "")


def test_one_who_holds_the_role_now_does_not_make_a_former_holder_unsure() -> None:
    text = CHAIRMAN + "\nAuthority Chairwoman Ann Poe said the estimate was sound.\n"
    assert speaker_of(text, "twice the estimate").name == "Victor Lund"
    two = text + "\nFormer authority chairman Tom Baker said he agreed.\n"
    who = speaker_of(two, "twice the estimate")
    assert who.kind == "unnamed" and who.name not in ("Victor Lund", "Tom Baker")


def test_a_description_in_a_lede_s_clause_is_not_its_subject() -> None:
    text = (
        "Harbour toll row grows.\n\n"
        "A ferry captain is calling for the toll to end after the former harbour authority "
        "chairman warned that the dredging would cost twice the estimate.\n\n"
        "Victor Lund said he had been misquoted.\n"
    )
    who = speaker_of(text, "twice the estimate")
    assert who.kind == "unnamed" and who.name != "Victor Lund"


def test_the_next_subject_with_another_title_is_not_the_lede_description() -> None:
    text = CHAIRMAN.replace("said Victor Lund,", "said Mayor Victor Lund,")
    who = speaker_of(text, "twice the estimate")
    assert who.kind == "unnamed" and who.name != "Victor Lund"


MOGUL = (
    "Mogul accepts nomination.\n\n"
    "Victor Lund accepted the party's nomination on Thursday.\n\n"
    "The shipping mogul said he would cut the port fees.\n\n"
    "Sarah Okafor said the fees would rise.\n"
)


def test_a_lede_description_after_its_subject_is_that_subject_not_the_next() -> None:
    who = speaker_of(MOGUL, "cut the port fees")
    assert (who.name, who.kind) == ("Victor Lund", "person")
    assert "subject just before it" in (who.how or "")


def test_a_lede_description_after_two_subjects_or_another_title_stays_unnamed() -> None:
    two = MOGUL.replace("Victor Lund accepted", "Victor Lund and Tom Baker accepted")
    who = speaker_of(two, "cut the port fees")
    assert who.kind == "unnamed" and who.name not in ("Victor Lund", "Tom Baker", "Sarah Okafor")
    titled = MOGUL.replace("Victor Lund accepted", "Mayor Victor Lund accepted")
    who = speaker_of(titled, "cut the port fees")
    assert who.kind == "unnamed" and who.name not in ("Victor Lund", "Sarah Okafor")


def test_an_anonymous_source_in_the_lede_stays_unnamed() -> None:
    text = CHAIRMAN.replace("A former harbour authority chairman says", "A senior aide says")
    who = speaker_of(text, "twice the estimate")
    assert who.kind == "unnamed" and who.name != "Victor Lund"


def test_a_description_after_the_lede_is_not_named_by_the_next_subject() -> None:
    text = (
        "Harbour board meets.\n\n"
        "The board met on Monday.\n\n"
        "It voted on the budget.\n\n"
        "It adjourned at noon.\n\n"
        "A former harbour authority chairman says the dredging will cost twice the estimate.\n\n"
        "Victor Lund said the board should wait.\n"
    )
    who = speaker_of(text, "twice the estimate")
    assert who.kind == "unnamed" and who.name != "Victor Lund"


def test_a_wife_of_another_gender_is_not_the_next_subject() -> None:
    text = (
        "Farmer's wife speaks out.\n\n"
        "The farmer's wife says the canal flooded the orchard.\n\n"
        "Thomas Whitfield said the county never answered his letters.\n"
    )
    who = speaker_of(text, "flooded the orchard")
    assert who.kind == "unnamed" and who.name != "Thomas Whitfield"


def test_the_person_whose_role_it_is_is_not_the_description() -> None:
    text = (
        "Lawyer for Tom Baker speaks.\n\n"
        "Tom Baker's lawyer says the contract was void.\n\n"
        "Tom Baker said he had never signed it.\n"
    )
    who = speaker_of(text, "contract was void")
    assert who.name != "Tom Baker"


# --- a named person's kin, by their surname --------------------------------------------------


def test_a_named_person_s_wife_is_the_other_person_of_that_surname() -> None:
    text = (
        "The canal flooded the Whitfield orchard in March.\n\n"
        "Thomas Whitfield's wife said the county had been warned.\n\n"
        "Later, Sarah Whitfield showed reporters the damage.\n"
    )
    who = speaker_of(text, "had been warned")
    assert (who.name, who.kind) == ("Sarah Whitfield", "person")


def test_a_wife_is_nobody_when_two_or_none_share_the_surname() -> None:
    two = (
        "Thomas Whitfield's wife said the county had been warned.\n\n"
        "Sarah Whitfield and Clara Whitfield showed reporters the damage.\n"
    )
    assert speaker_of(two, "had been warned").kind == "unnamed"
    only_him = (
        "Thomas Whitfield's wife said the county had been warned.\n\n"
        "Thomas Whitfield showed reporters the damage.\n"
    )
    who = speaker_of(only_him, "had been warned")
    assert who.kind == "unnamed" and who.name != "Thomas Whitfield"


def test_her_father_is_not_the_other_person_of_her_married_name() -> None:
    text = (
        "The canal flooded the Whitfield orchard in March.\n\n"
        "Sarah Whitfield's father said the county had been warned.\n\n"
        "Later, Thomas Whitfield showed reporters the damage.\n"
    )
    who = speaker_of(text, "had been warned")
    assert who.kind == "unnamed" and who.name != "Thomas Whitfield"


def test_a_wife_is_not_the_one_named_as_other_kin() -> None:
    text = (
        "The canal flooded the Whitfield orchard in March.\n\n"
        "Thomas Whitfield's wife said the county had been warned.\n\n"
        "Later, his daughter, Sarah Whitfield, showed reporters the damage.\n"
    )
    who = speaker_of(text, "had been warned")
    assert who.kind == "unnamed" and who.name != "Sarah Whitfield"


def test_a_lede_after_a_date_line_and_a_place_dateline_is_still_the_lede() -> None:
    # the parser splits "HARLOW, Ky. —" off the lede; with the headline and the date line
    # before it, the lede is the article's fourth sentence
    text = (
        "Judge blocks county's new voting map\n\nMarch 4, 2025\n\n"
        "HARLOW, Ky. — A federal judge on Monday blocked Harlow County from using a new "
        "voting map in the May primary, ruling that it diluted the votes of residents.\n\n"
        "U.S. District Judge Marisol Ortega wrote in her opinion that the county commission "
        "ignored warnings from its own staff.\n"
    )
    who = speaker_of(text, "diluted the votes")
    assert (who.name, who.kind) == ("Marisol Ortega", "person")
    assert "subject after its lede" in (who.how or "")


@pytest.mark.parametrize(
    "given",
    [
        "Marco Silva, 23, scored twice on Saturday.",
        "Marco Silva, a 23-year-old from Dayton, scored twice on Saturday.",
        "The 23-year-old Marco Silva scored twice on Saturday.",
    ],
)
def test_the_n_year_old_is_the_one_person_given_that_age(given) -> None:
    text = given + " The 23-year-old said that the team had worked hard all week."
    who = speaker_of(text, "worked hard")
    assert (who.name, who.kind) == ("Marco Silva", "person")
    assert "the age 23" in (who.how or "")


def test_two_people_of_that_age_or_none_leave_the_n_year_old_unnamed() -> None:
    two = (
        "Marco Silva, 23, and Ben Ortiz, 23, scored on Saturday. The 23-year-old said that "
        "the team had worked hard all week."
    )
    assert speaker_of(two, "worked hard").name not in ("Marco Silva", "Ben Ortiz")
    other = (
        "Marco Silva, 24, scored on Saturday. The 23-year-old said that the team had worked "
        "hard all week."
    )
    assert speaker_of(other, "worked hard").name != "Marco Silva"
