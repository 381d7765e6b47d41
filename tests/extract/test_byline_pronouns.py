"""A byline's author is no one a pronoun after it stands for (issue 14): "By Tomas Brenner"
above a story whose first "He said" is someone else's. Every text here is written for these
tests."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from tests.handmade import speaker_of

pytest.importorskip("spacy")

HEAD = "Harbour board must open its books"


@pytest.mark.parametrize(
    "byline",
    [
        "By Tomas Brenner",
        "By Tomas Brenner, Associated Press",
        "Tomas Brenner | Staff writer",
    ],
)
def test_he_after_a_byline_is_not_its_author(byline: str) -> None:
    text = f"{HEAD}\n\n{byline}\n\nHe told reporters the harbour would close for repairs.\n"
    assert speaker_of(text, "harbour would close").name is None


def test_a_byline_on_the_headline_s_next_line_is_no_antecedent_either() -> None:
    text = f"{HEAD}\nBy Tomas Brenner\n\nHe said the board would publish its accounts in June.\n"
    assert speaker_of(text, "publish its accounts").name is None


def test_a_person_named_after_the_byline_still_is() -> None:
    text = (
        f"{HEAD}\n\nBy Tomas Brenner\n\nLena Moreau chairs the harbour board. "
        "She said the accounts would be ready in June.\n"
    )
    assert speaker_of(text, "ready in June").name == "Lena Moreau"


def test_a_byline_is_no_claim() -> None:
    text = f"{HEAD}\n\nBy Tomas Brenner and Ilse Vogt\n\nI think the board should publish.\n"
    starts = [c.content.start for c in extract(text)]
    assert starts and all(s > text.index("\n\nI think") for s in starts)
