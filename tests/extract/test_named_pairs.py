"""Who spoke (issue 14): a mention that stands for two or more named people together --
"each" after them, "both presidential candidates", "two voters, Ann Roe and Bo Poe, who" --
is their group, and stays unnamed when the article does not settle who they are. Every
sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")


def test_each_after_two_named_people_is_the_pair() -> None:
    text = "Ana Roe and Bo Poe met voters on Monday, each saying the other lacked the judgment to lead."
    who = speaker_of(text, "the other lacked")
    assert (who.name, who.kind) == ("Ana Roe & Bo Poe", "group")
    assert who.how is not None and "named together" in who.how


def test_each_after_unnamed_people_stays_unnamed() -> None:
    text = "Voters met on Monday, each saying the other side lacked judgment."
    who = speaker_of(text, "other side")
    assert (who.name, who.kind) == (None, "unnamed")


def test_both_candidates_are_the_two_nominees_named() -> None:
    text = (
        "Democratic nominee Ana Roe spoke in Ohio. Republican nominee Bo Poe spoke in Iowa. "
        "Both presidential candidates said the economy was growing."
    )
    who = speaker_of(text, "economy was growing")
    assert (who.name, who.kind) == ("Ana Roe & Bo Poe", "group")
    assert "the two people named as candidates or nominees" in (who.how or "")


def test_both_candidates_of_three_nominees_stay_unnamed() -> None:
    text = (
        "Democratic nominee Ana Roe spoke in Ohio. Republican nominee Bo Poe spoke in Iowa. "
        "Libertarian nominee Cy Doe spoke in Utah. "
        "Both presidential candidates said the economy was growing."
    )
    who = speaker_of(text, "economy was growing")
    assert (who.kind, who.how) == ("unnamed", None)


def test_who_after_people_named_in_apposition_is_their_group() -> None:
    text = (
        "The mood was plain in two first-time voters, Marla Quist and Dev Anand, "
        "who saw the senator speak and said the speech was dull."
    )
    who = speaker_of(text, "speech was dull")
    assert (who.name, who.kind) == ("Marla Quist & Dev Anand", "group")
    assert "named in apposition" in (who.how or "")


def test_who_after_one_named_person_is_that_person() -> None:
    text = "The mood was captured by a voter, Ann Roe, who said the rally felt flat."
    assert speaker_of(text, "rally felt flat").name == "Ann Roe"


def test_who_after_a_plural_with_no_names_stays_unnamed() -> None:
    text = "The mood was captured by two voters from Ohio, who said the rally felt flat."
    who = speaker_of(text, "rally felt flat")
    assert (who.name, who.kind) == ("two voters", "unnamed")


# --- a person and their own people speak as the person ----------------------------------------


def test_a_person_and_his_aides_are_the_person() -> None:
    text = "Bo Poe and his aides said the debate was rigged."
    who = speaker_of(text, "debate was rigged")
    assert (who.name, who.kind) == ("Bo Poe", "person")
    assert who.how is not None and "with their own people" in who.how


def test_a_described_person_and_his_aides_are_the_person_so_described() -> None:
    text = (
        "Republican nominee Bo Poe spoke in Iowa on Monday. "
        "The Republican nominee and his aides said the debate was rigged."
    )
    assert speaker_of(text, "debate was rigged").name == "Bo Poe"


def test_an_undescribed_nominee_and_his_aides_keep_the_role_alone() -> None:
    text = "The Republican nominee and his aides said the debate was rigged."
    who = speaker_of(text, "debate was rigged")
    assert (who.name, who.kind) == ("Republican nominee", "unnamed")


def test_a_person_and_someone_elses_aides_are_not_the_person_alone() -> None:
    text = "Bo Poe and the senator's aides said the debate was rigged."
    who = speaker_of(text, "debate was rigged")
    assert "with their own people" not in (who.how or "")
