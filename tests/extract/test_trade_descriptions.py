"""Who spoke (issue 14): a definite description by trade ("The actress", "the retired
surgeon") stands for the one person the article named before it with that trade. Every
article here is written for these tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")

# three sentences first, so that the description is past the lede (whose descriptions
# ``Resolver.lede`` resolves by other rules)
OPENING = (
    "The harbour board met in Denver on Friday. Its members voted on the new budget. "
    "The vote was close. "
)


def test_a_trade_description_is_the_one_person_named_with_that_trade() -> None:
    text = OPENING + (
        "Oscar-winning actress Dana Whitlow spoke at a rally in Ohio on Monday. "
        "The actress said the new tax would hurt small theatres."
    )
    who = speaker_of(text, "hurt small theatres")
    assert (who.name, who.kind) == ("Dana Whitlow", "person")
    assert who.how is not None and "named as" in who.how


def test_words_before_the_trade_need_not_be_written_for_the_person() -> None:
    text = OPENING + (
        "Major donor Sandra Kellett met the candidate on Friday. "
        "The wealthy donor said the meeting had gone well."
    )
    assert speaker_of(text, "meeting had gone well").name == "Sandra Kellett"


def test_a_trade_is_found_at_the_end_of_a_longer_word() -> None:
    text = OPENING + (
        "Retired neurosurgeon Alan Pruett toured the county clinic on Monday. "
        "The retired surgeon said the wards were too small."
    )
    assert speaker_of(text, "wards were too small").name == "Alan Pruett"


def test_a_pronoun_whose_own_subject_is_the_trade_description_follows_it() -> None:
    text = OPENING + (
        "Retired neurosurgeon Alan Pruett toured the county clinic on Monday. "
        "Mayor Tom Hardy said the city would pay for the new roof. "
        "The retired surgeon walked to the east wing, where he said the beds were too few."
    )
    assert speaker_of(text, "beds were too few").name == "Alan Pruett"


def test_a_trade_two_people_share_stays_unnamed_beside_one_only_one_has() -> None:
    text = OPENING + (
        "Actress Dana Whitlow and actress Mara Quince visited the clinic of neurosurgeon "
        "Alan Pruett on Monday. The actress said the new tax would hurt small theatres. "
        "The surgeon said the wards were too small."
    )
    who = speaker_of(text, "hurt small theatres")
    assert who.kind == "unnamed"
    assert who.name not in ("Dana Whitlow", "Mara Quince")
    assert speaker_of(text, "wards were too small").name == "Alan Pruett"


def test_a_trade_described_anew_with_an_article_is_no_longer_the_named_one() -> None:
    text = OPENING + (
        "Actress Dana Whitlow hosted the gala in Ohio on Monday. "
        "The actress said the new tax would hurt small theatres. "
        "An actress who had flown in from Texas spoke after her. "
        "The actress said the ticket prices were too high."
    )
    assert speaker_of(text, "hurt small theatres").name == "Dana Whitlow"
    who = speaker_of(text, "ticket prices were too high")
    assert who.kind == "unnamed"
    assert who.name != "Dana Whitlow"


def test_a_trade_description_before_the_name_stays_unnamed() -> None:
    text = OPENING + (
        "The actress said the new tax would hurt small theatres. "
        "Actress Dana Whitlow spoke later at a rally in Ohio. "
        "The actress said the ticket prices were too high."
    )
    who = speaker_of(text, "hurt small theatres")
    assert who.kind == "unnamed"
    assert who.name != "Dana Whitlow"
    assert speaker_of(text, "ticket prices were too high").name == "Dana Whitlow"
