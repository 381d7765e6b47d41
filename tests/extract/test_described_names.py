"""Who spoke (issue 14): a person described before their name by descriptions joined with
"and", and a description of someone's staff that the article names once elsewhere. Every
sentence here is written for these tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")


# --- stacked descriptions before a name -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Author and former teacher Maria Lindqvist said the school law was unfair.",
            "Maria Lindqvist",
            "Author and former teacher",
        ),
        (
            "Early retiree and self-taught investor Oskar Brandt said the market had turned.",
            "Oskar Brandt",
            "Early retiree and self taught investor",
        ),
    ],
)
def test_descriptions_joined_by_and_before_a_name_are_that_person_s_role(
    text: str, name: str, role: str
) -> None:
    who = speaker_of(text, text.split(" said ")[1][:20])
    assert (who.name, who.kind, who.role) == (name, "person", role)


@pytest.mark.parametrize(
    "text",
    [
        "Officials and experts said the ferry pier was unsafe.",
        "The mayor and Senator Greta Holm said the ferry pier was unsafe.",
    ],
)
def test_plural_sources_and_a_described_other_stay_apart(text: str) -> None:
    # a bare singular description joined to a name is that person; a plural, or one with
    # an article, is a source of its own
    one = "Author and former teacher Maria Lindqvist said the school law was unfair."
    assert speaker_of(one, "school law").name == "Maria Lindqvist"
    assert speaker_of(text, "ferry pier was unsafe").kind == "unnamed"


# --- a description of someone's staff, the one person named in that role -------------------

STAFF = "The prime minister's official spokesman said the talks with the unions would go on. "


@pytest.mark.parametrize(
    "named",
    [
        "Later, the spokesman, Tobias Wren, told reporters that nothing had changed.",
        "Spokesman Tobias Wren told reporters on Monday that nothing had changed.",
        "Tobias Wren, the prime minister's spokesman, told reporters that nothing had changed.",
    ],
)
def test_a_staff_description_is_the_one_person_named_in_that_role(named: str) -> None:
    who = speaker_of(STAFF + named, "talks with the unions")
    assert (who.name, who.kind) == ("Tobias Wren", "person")


def test_the_role_named_before_the_description_counts_too() -> None:
    text = "Spokesman Tobias Wren told reporters that nothing had changed. " + STAFF
    assert speaker_of(text, "talks with the unions").name == "Tobias Wren"


@pytest.mark.parametrize(
    "named",
    [
        # two spokesmen: which one is unsure
        "Spokesman Tobias Wren and spokesman Idris Kale told reporters that nothing had changed.",
        # another's spokesman
        "The mayor's spokesman, Tobias Wren, told reporters that nothing had changed.",
        # a spokeswoman is no spokesman
        "Spokeswoman Ilse Marten told reporters that nothing had changed.",
    ],
)
def test_the_description_stays_unnamed_without_one_fitting_person(named: str) -> None:
    one = STAFF + "Spokesman Tobias Wren told reporters that nothing had changed."
    assert speaker_of(one, "talks with the unions").name == "Tobias Wren"
    assert speaker_of(STAFF + named, "talks with the unions").kind == "unnamed"
