"""Who spoke (issue 14, s14-misc): an agency's title with a lower-case "of" before a name
is the person's role, not part of the name; a first name of either gender ("Lindsey" is a
man's name too) tells its gender only softly. Every sentence here is written for these
tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Secretary of Health and Human Services Maria Delgado said the bill would pass.",
            "Maria Delgado",
            "Secretary of Health and Human Services",
        ),
        (
            "Director of the Office of Ports and Waterways Ted Marsh said the bill would pass.",
            "Ted Marsh",
            "Director of the Office of Ports and Waterways",
        ),
        (
            "The bill would pass, said Secretary of State Dirk Valmont.",
            "Dirk Valmont",
            "Secretary of State",
        ),
    ],
)
def test_an_agency_title_with_a_lower_case_of_is_the_role(text: str, name: str, role: str) -> None:
    who = speaker_of(text, "bill would pass")
    assert (who.name, who.kind, who.role) == (name, "person", role)


def test_a_title_of_the_agency_is_the_role_and_a_nested_title_stays_whole() -> None:
    who = speaker_of("Director of the Bureau Nora Pike said the bill would pass.", "bill would")
    assert (who.name, who.role) == ("Nora Pike", "Director of the Bureau")
    text = (
        "Deputy Assistant Secretary of State for Pacific Affairs Jo Roe said on Monday "
        "that the bill would pass."
    )
    who = speaker_of(text, "bill would pass")
    assert (who.name, who.role) == (
        "Jo Roe",
        "Deputy Assistant Secretary of State for Pacific Affairs",
    )
    # "the" after an "of" outside the mention stays out of its role
    text = "Jo Roe is the head of the Harbor Fund. The Harbor Fund said the bill would pass."
    who = speaker_of(text, "bill would pass")
    assert who.role is None or not who.role.startswith("the")


def test_a_soft_first_name_gives_way_to_a_he_that_fits_no_one_else() -> None:
    # "Lindsey" is mostly a woman's name, but a man's too: nobody else fits "he"
    text = "Sen. Lindsey Harlow spoke at the rally on Monday. He said the tax plan would fail."
    assert speaker_of(text, "the tax plan would fail").name == "Lindsey Harlow"
    # a man named before still wins the "he"
    text = (
        "Lindsey Harlow met Bernard Oakes at the rally on Monday. He said the tax plan would fail."
    )
    assert speaker_of(text, "the tax plan would fail").name == "Bernard Oakes"
    # a "she" keeps the woman of a soft first name among two people
    text = "Hillary Dunmore met Bernard Oakes at the rally on Monday. She said the tax plan would fail."
    assert speaker_of(text, "the tax plan would fail").name == "Hillary Dunmore"
    # a clear first name ("Margaret") stays hard: "he" is left unresolved
    text = "Margaret Harlow spoke at the rally on Monday. He said the tax plan would fail."
    assert speaker_of(text, "the tax plan would fail").name is None


def test_a_title_outranks_a_first_name_told_before() -> None:
    # "Ms." later in the article tells the gender of a "Ted" named first without it
    text = (
        "Ted Harlow spoke at the rally on Monday. Bernard Oakes agreed. "
        "Ms. Ted Harlow said the vote was close. She said the tax plan would fail."
    )
    assert speaker_of(text, "the tax plan would fail").name == "Ted Harlow"
