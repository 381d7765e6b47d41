"""A speaker's mention that is only a relative or demonstrative word ("an ad that accuses",
"That worries them") names nobody: no actor is filed under "that" (store/writes.py
speaker_name). Sentences written for the project."""

from __future__ import annotations

from claimtrack.extract.types import CharSpan, Speaker
from claimtrack.names import names_nobody
from claimtrack.store.writes import speaker_name


def _named(text: str, mention: str, name: str | None = None) -> str | None:
    start = text.index(mention)
    speaker = Speaker(mention=CharSpan(start, start + len(mention)), name=name, kind="unnamed")
    return speaker_name(speaker, text)


def test_a_relative_or_demonstrative_word_alone_names_nobody() -> None:
    text = "The group aired an ad this week that accuses Mayor Pell of waste."
    assert _named(text, "that") is None
    assert _named("That worries the growers.", "That") is None
    assert _named("Which said it would appeal.", "Which", name="Which") is None


def test_a_body_written_in_capitals_is_still_named() -> None:
    assert _named("WHO said the outbreak had slowed.", "WHO") == "WHO"
    assert _named("The Harbor Board said it would appeal.", "The Harbor Board") == (
        "The Harbor Board"
    )


def test_names_nobody_reads_pronouns_and_pointers() -> None:
    assert [names_nobody(w) for w in ("she", "those", "Who", "WHO", "Pell")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_a_pronoun_with_herself_names_nobody_but_a_capital_place_stays() -> None:
    text = "She herself was surprised to find the gene in the liver."
    assert _named(text, "She herself", name="She") is None
    assert _named(text, "She herself") is None
    assert _named("The US welcomed the deal.", "The US", name="US") == "US"


def test_a_pronoun_after_a_pages_markup_names_nobody() -> None:
    # s14-who7: a tweet's markup glued to its "I" is no one's name
    assert _named('<post id="7" time="1448">I refuse to pay the toll.', 'time="1448">I') is None
    assert _named('<post id="7" time="14">I’m glad, she said.', 'time="14">I’m') is None


def test_a_name_after_a_pages_markup_keeps_the_name() -> None:
    text = '<p class="x">The Harbor Board said it would appeal.'
    assert _named(text, 'class="x">The Harbor Board') == "The Harbor Board"
