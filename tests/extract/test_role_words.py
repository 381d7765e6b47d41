"""A speaker's role is a role (issue 14: "a clean role vocabulary"): an age says none, and a
possessive before a title is the owner's, an affiliation when a firm owns the title and part
of the role when the title is a tie to a person. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract


def _speaker(text: str) -> tuple[str | None, str | None, str | None]:
    (claim,) = extract(text)
    return claim.speaker.name, claim.speaker.role, claim.speaker.affiliation


@pytest.mark.parametrize(
    "text",
    [
        '"The river rose overnight," 43-year-old Martin Taylor said.',
        '"The river rose overnight," said a 70-year-old farmer, Martin Taylor.',
        '"The river rose overnight," said a 70 year old farmer, Martin Taylor.',
        '"The river rose overnight," said Martin Taylor, a 70-year-old farmer.',
    ],
)
def test_an_age_is_no_role(text: str) -> None:
    name, role, _ = _speaker(text)
    assert name == "Martin Taylor"
    assert role in (None, "farmer")
    assert "year" not in (role or "") and "old" not in (role or "")


def test_a_tie_to_a_person_keeps_its_owner_in_the_role_and_no_affiliation() -> None:
    text = '"He never missed a deadline," said Bell\'s partner Elise Varga.'
    assert _speaker(text) == ("Elise Varga", "Bell's partner", None)


def test_a_firms_possessive_is_the_affiliation_and_no_part_of_the_role() -> None:
    text = '"The game runs in the cloud," said Acme Corp.\'s director Jack Buser.'
    assert _speaker(text) == ("Jack Buser", "director", "Acme Corp.")


def test_a_title_with_no_possessive_or_age_is_unchanged() -> None:
    text = '"Prices will fall next year," said Commerce Secretary Gina Raimo.'
    name, role, affiliation = _speaker(text)
    assert name == "Gina Raimo"
    assert role is not None and "Secretary" in role


def test_a_persons_possessive_stays_in_the_role_as_written() -> None:
    text = '"We will carry the state," said Maria Lopez’s campaign manager Tom Reyes.'
    assert _speaker(text) == ("Tom Reyes", "Maria Lopez’s campaign manager", None)


def test_a_country_before_a_title_is_no_speaker_of_its_own() -> None:
    # the parser gives "said" two subjects here, "U.S." and "Harlan": one noun phrase
    text = '"The talks will go on," said U.S. Senator Jo Harlan.'
    name, role, _ = _speaker(text)
    assert (name, role) == ("Jo Harlan", "Senator")


def test_a_place_right_before_a_name_is_no_part_of_it() -> None:
    text = '"The talks will go on," China’s ambassador to Britain Wen Tao said on Sunday.'
    name, role, affiliation = _speaker(text)
    assert name == "Wen Tao"
    assert role is not None and "ambassador" in role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            '"The probe is ready," said Rosa Lind, deputy head of research in the agency’s'
            " planetary science office.",
            "deputy head of research in the agency’s planetary science office",
        ),
        (
            '"The plan will work," said Tom Aldo, chief of staff on the state\'s budget committee.',
            "chief of staff on the state's budget committee",
        ),
    ],
)
def test_a_possessive_in_a_role_is_written_on_its_word(text: str, role: str) -> None:
    assert _speaker(text)[1] == role


def test_written_glues_only_a_spaced_possessive() -> None:
    from claimtrack.extract.roles import written

    assert written("aide on Trump 's July call") == "aide on Trump's July call"
    assert written("the agency ’s office") == "the agency’s office"
    assert written("Bell's partner") == "Bell's partner"
    assert written("Lt .") == "Lt."
    assert written("aide to Gov . Roe") == "aide to Gov. Roe"
    assert written("head of R & D") == "head of R & D"
    assert written(None) is None
