"""News read as a fact-checker (tenth session): a surname the tagger read as a common noun,
kin who share a surname, a "she" after a source described by a job, a second speaker named
after a job, a clause told to reporters somewhere. Sentences written for the project; names,
places and bodies invented."""

from __future__ import annotations

from claimtrack.extract import extract


def _who(text: str) -> list[tuple[str, str | None, str, tuple[str, ...]]]:
    return [
        (c.cue.text(text), c.speaker.name, c.speaker.kind, c.speaker.others) for c in extract(text)
    ]


def _said(text: str, content: str) -> str | None:
    """The speaker of the one claim whose content starts with CONTENT."""
    found = [c.speaker.name for c in extract(text) if c.content.text(text).startswith(content)]
    assert len(found) == 1, found
    return found[0]


def test_a_surname_read_as_a_common_noun_is_whom_he_is() -> None:
    text = (
        "Rovers sign a striker\n\n"
        "Rovers signed striker Malik Dunmore on a five-year contract.\n\n"
        "A club official said the club was pleased.\n\n"
        "Dunmore is expected to make his debut on Saturday. He said he was not nervous."
    )
    assert _said(text, "he was not nervous") == "Malik Dunmore"


def test_kin_named_before_other_speakers_is_not_whom_the_surname_is() -> None:
    text = (
        "A new mayor for Delbrook\n\n"
        "Adaeze Okonkwo, a council member, won the race for mayor on Tuesday.\n\n"
        "The candidate's brother, Chidi Okonkwo, managed the field operation. Chidi Okonkwo "
        "said volunteers had knocked on 60,000 doors.\n\n"
        "Elections Director Marisol Quintero said turnout reached 58 percent.\n\n"
        "Okonkwo said she would ask the council to act in January."
    )
    assert _said(text, "she would ask") == "Adaeze Okonkwo"


def test_kin_after_an_unnamed_subject_keeps_the_surname() -> None:
    text = (
        "A former president at the polls\n\n"
        "Former President Bill Harwood greeted voters at a polling place.\n\n"
        "His wife, Senator Helen Harwood, won the state's primary.\n\n"
        "Bill Harwood spoke with voters outside. Then a woman asked for a selfie and Harwood "
        "said the law allowed it."
    )
    assert _said(text, "the law allowed it") == "Bill Harwood"


def test_kin_just_speaking_keeps_the_surname() -> None:
    text = (
        "The senator's last rally\n\n"
        "Senator Paul Vandermeer spoke first.\n\n"
        "His daughter, Kate Vandermeer, said the family was proud. Kate Vandermeer said "
        "she had voted for him.\n\n"
        "Vandermeer added that the campaign had been long."
    )
    assert _said(text, "that the campaign had been long") == "Kate Vandermeer"


def test_she_after_a_nurse_described_as_the_source_is_not_a_woman_named_before() -> None:
    text = (
        "Among the marchers was Irene Kowalik, 82, who said she had used the clinic for "
        "years.\n\n"
        "A nurse at the clinic, who spoke on condition of anonymity, said staff had been told "
        "only last week. She said many nurses were looking for other work."
    )
    assert _said(text, "many nurses") != "Irene Kowalik"


def test_a_second_speaker_named_after_a_job_is_a_speaker_too() -> None:
    text = (
        "Her campaign manager, Tessa Brandvold, and her finance director, Omar Haddadi, said "
        "the campaign had raised $1.2 million."
    )
    (cue, name, kind, others), *_ = _who(text)
    assert set(others) == {"Tessa Brandvold", "Omar Haddadi"}


def test_a_clause_told_to_reporters_outside_a_hall_is_a_claim() -> None:
    text = (
        "Lillian Pettigrove, the mayor's wife, told reporters outside the hall that her "
        "husband would return to his law practice."
    )
    found = [(c.cue.text(text), c.content.text(text)) for c in extract(text)]
    assert ("told", "that her husband would return to his law practice") in found


def test_a_house_told_about_keeps_its_relative_clause() -> None:
    text = "Jo Marwick told reporters about the house that her husband built in 1990."
    assert not any(c.content.text(text).startswith("that her husband") for c in extract(text))


def test_a_definite_job_is_not_whom_she_is() -> None:
    text = (
        "A novelist on novels\n\n"
        "Readers must trust that the writer knows where the plot is going, as the novelist "
        "Ann Veller explained to me. \u201cYou see only the tip of the iceberg,\u201d she said."
    )
    assert _said(text, "\u201cYou see only") == "Ann Veller"


def test_a_name_before_a_role_and_a_name_is_a_second_speaker() -> None:
    text = (
        "A clinic closes\n\n"
        "City Council member Luis Ortiga said the council would hold a hearing.\n\n"
        "Ortiga and Council member Beth Grubner said the city could lower the rent."
    )
    found = [c.speaker.others for c in extract(text) if c.content.text(text).startswith("the city")]
    assert found and set(found[0]) == {"Luis Ortiga", "Beth Grubner"}
