"""Who spoke (issue 14): in a column, "my father" and "my mother" are the people the article
names as the author's parents ("my parents, Tom and Rita Vance,"), and a couple named with one
surname ("Tom and Rita Vance") is two full names. Every sentence here is written for these
tests."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract

pytest.importorskip("spacy")

COLUMN = (
    "By Lena Vance\n\n"
    "My father spent our savings on canned food. He said the crash was coming.\n\n"
    "Lest you think that my parents, Tom and Rita Vance, were idle, I should say that they "
    "worked hard. My mother said the storm was a sign."
)


def _speaker(text: str, piece: str):
    for c in extract(text):
        if piece in c.content.text(text):
            return c.speaker
    raise AssertionError(f"no claim holds {piece!r}")


def test_my_father_is_the_parent_of_his_gender() -> None:
    who = _speaker(COLUMN, "the crash was coming")
    assert (who.name, who.kind) == ("Tom Vance", "person")


def test_my_mother_is_the_parent_of_her_gender_with_the_shared_surname() -> None:
    who = _speaker(COLUMN, "the storm was a sign")
    assert (who.name, who.kind) == ("Rita Vance", "person")
    assert who.how == "'My mother': Rita Vance, named as my mother in this article"


def test_my_father_with_no_parents_named_stays_unnamed() -> None:
    text = (
        "By Lena Vance\n\nMy father spent our savings on canned food. He said the crash was coming."
    )
    who = _speaker(text, "the crash was coming")
    assert (who.name, who.how) == (None, None)


def test_a_couple_named_apart_from_the_author_makes_no_parent() -> None:
    text = (
        "Tom and Rita Vance, my neighbours, said the storm was a sign. "
        "My mother said the flood was coming."
    )
    assert _speaker(text, "the flood was coming").kind == "unnamed"


def test_parents_of_one_gender_leave_my_mother_unnamed() -> None:
    text = (
        "Lest you think that my parents, Tom and Rob Vance, were idle, I should say that they "
        "worked hard. My mother said the storm was a sign."
    )
    who = _speaker(text, "the storm was a sign")
    assert (who.name, who.kind) == ("My mother", "unnamed")
