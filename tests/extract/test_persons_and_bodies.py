"""Persons, bodies and documents (issue 14, branch s14-gov): a person named after a body's
name and a title speaks as that person, the body their affiliation; a person after an
outlet's possessive has the outlet for affiliation, not for a role. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("text", "piece", "role", "body"),
    [
        (
            "Farmers Alliance of Corlan National Executive Director Tom Willet said the levy "
            "would hurt growers.",
            "levy",
            "National Executive Director",
            "Farmers Alliance of Corlan",
        ),
        (
            "Council on Rural Housing Executive Director Mara Quill said the rents were too high.",
            "rents",
            "Executive Director",
            "Council on Rural Housing",
        ),
    ],
)
def test_a_titled_person_after_a_bodys_name_is_the_speaker(text, piece, role, body) -> None:
    sp = speaker_of(text, piece)
    assert (sp.kind, sp.role, sp.affiliation) == ("person", role, body)
    assert sp.name in ("Tom Willet", "Mara Quill")


@pytest.mark.parametrize(
    ("text", "piece", "name", "outlet"),
    [
        (
            "The Weekly Ledger's Tom Willet said the campaign had run out of money.",
            "campaign",
            "Tom Willet",
            "Weekly Ledger",
        ),
        (
            "The Corlan Review's Mara Quill wrote that the mayor had misled voters.",
            "mayor",
            "Mara Quill",
            "Corlan Review",
        ),
    ],
)
def test_a_person_after_an_outlets_possessive_works_for_it(text, piece, name, outlet) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.kind, sp.role, sp.affiliation) == (name, "person", None, outlet)


def test_a_person_after_a_persons_possessive_gets_no_affiliation() -> None:
    sp = speaker_of("Mara Quill's Tom Willet said the campaign had run out of money.", "campaign")
    assert sp.affiliation != "Mara Quill"


def test_a_first_name_after_a_bodys_possessive_is_a_person_the_ner_took_whole() -> None:
    text = (
        "Liberal writers are reveling in the essay. The New Republic’s Ann Corley sees the "
        "piece as a comeback of the founding conservatism."
    )
    sp = speaker_of(text, "comeback of the founding")
    assert (sp.name, sp.kind, sp.affiliation) == ("Ann Corley", "person", "New Republic")


@pytest.mark.parametrize(
    "text",
    [
        "Jo Marl Calls for Inquiry after Report Reveals Mayor’s Meetings with Levee Builders.",
        "Jo Marl Calls for Inquiry after Report Reveals Mayor’s Meetings with Levee Builders."
        "\n\nCorlan Gov. Jo Marl is calling for an inquiry into the levee.",
    ],
)
def test_a_document_capitalised_in_a_headline_is_no_person(text) -> None:
    sp = speaker_of(text, "Meetings with Levee")
    assert (sp.name, sp.kind) == ("report", "unnamed")


def test_a_titled_person_after_a_wire_dateline_is_no_government() -> None:
    text = (
        "Port Corlan (AFP) – Vice President Hal Brenner on Monday joined the race with Ann "
        "Pell for the first time, mocking Jo Roe as unfit for the office and accusing him of "
        "lying."
    )
    sp = speaker_of(text, "unfit for the office")
    assert (sp.name, sp.kind, sp.role) == ("Hal Brenner", "person", "Vice President")


def test_an_aide_to_a_titled_person_is_not_that_person() -> None:  # a guard
    text = (
        "Gun owners cheered. The former senior aide to President Carl Mendel said the law was bad."
    )
    sp = speaker_of(text, "law was bad")
    assert sp.name != "Carl Mendel"
    assert sp.kind == "unnamed"
