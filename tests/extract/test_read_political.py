"""Political news read as a fact-checker (ninth session): an emphatic "herself" after a
name, "according to" a translation of words a named speaker said, titles the NER took into a
name, an owner's pronoun before a role, a poll by a named body. Sentences written for the
project; names, places and bodies invented."""

from __future__ import annotations

from claimtrack.extract import extract


def _who(text: str) -> list[tuple[str, str | None, str, str | None]]:
    return [
        (c.cue.text(text), c.speaker.name, c.speaker.kind, c.speaker.role) for c in extract(text)
    ]


def test_a_name_with_herself_is_the_person_and_her_pronoun_after_it() -> None:
    text = (
        "Opposition leader Susan Hartwell said the government was falling apart.\n\n"
        "Housing Secretary Fiona Marchbank quit on Monday night.\n\n"
        "Marchbank herself said in her resignation letter that she could no longer defend the "
        "policy.\n\n"
        "She said she remained loyal to the prime minister."
    )
    found = [(cue, name, kind) for cue, name, kind, _ in _who(text)]
    assert found[-2:] == [
        ("said", "Fiona Marchbank", "person"),
        ("said", "Fiona Marchbank", "person"),
    ]


def test_the_firm_itself_is_the_firm() -> None:
    text = "The Brelmont Shipping Company itself said that its ships were safe."
    assert [name for _, name, _, _ in _who(text)] == ["Brelmont Shipping Company"]


def test_according_to_a_translation_after_said_leaves_the_speaker() -> None:
    text = (
        "Foreign Minister Oskar Vellund spoke last.\n\n"
        '"We are cutting off our own hands," Vellund said, according to a translation '
        "provided by his ministry."
    )
    found = _who(text)
    assert [(cue, name) for cue, name, _, _ in found][-1] == ("said", "Oskar Vellund")
    assert all(cue.lower() != "according to" for cue, _, _, _ in found)


def test_according_to_before_a_speaker_stays_the_source() -> None:
    text = "According to the harbour police, the captain said he had seen nothing."
    assert [cue for cue, _, _, _ in _who(text)][0] == "According to"


def test_a_title_the_ner_took_into_a_name_is_left_out_of_it() -> None:
    text = (
        "State Treasurer Wilma Okonta warned that a shutdown would delay payments.\n\n"
        "Pollster Dorian Falkes, who directed the survey, said the race was close."
    )
    names = [name for _, name, _, _ in _who(text)]
    assert names == ["Wilma Okonta", "Dorian Falkes"]


def test_an_owner_pronoun_is_no_part_of_a_role() -> None:
    text = (
        "The teachers union will march on Saturday. Its president, Samir Odell, said classes "
        "had grown too large.\n\n"
        "Residents gathered outside. Their organizer, Bea Marling, said the council had "
        "listened at last."
    )
    roles = [role for _, name, _, role in _who(text) if name in ("Samir Odell", "Bea Marling")]
    assert roles == ["president", "organizer"]


def test_a_poll_by_a_named_body_is_that_body() -> None:
    text = (
        "A poll by the Corvale Research Center released Thursday found that Bryce led Amano "
        "by two points."
    )
    assert [(name, kind) for _, name, kind, _ in _who(text)] == [
        ("Corvale Research Center", "organization")
    ]


def test_a_survey_owned_by_a_common_noun_keeps_its_apostrophe() -> None:
    text = (
        "According to the transit authority's 2024 rider survey, most riders earn less than "
        "the median wage."
    )
    assert [name for _, name, _, _ in _who(text)] == ["transit authority's 2024 rider survey"]


def test_the_chairman_is_not_the_chairwoman() -> None:
    text = (
        "Board Chairwoman Lorna Vasquez-Pell told the committee that the outages were "
        "avoidable.\n\n"
        "Sen. Gordon Prewitt, R-Ohio, the committee's chairman, said the board had moved too "
        "slowly.\n\n"
        "The chairman said the hearing would resume in April."
    )
    last = _who(text)[-1]
    assert last[0] == "said" and last[1] != "Lorna Vasquez-Pell"
