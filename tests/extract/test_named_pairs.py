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


# --- groups of named people, and a headline's word glued onto a name (issue 14) -------------


def test_a_headline_word_before_a_surname_is_no_first_name() -> None:
    text = (
        "Weary Dunmore and Whitcomb;\nThe city will act.\n\n"
        "Mayor Dunmore and Senator Ann Whitcomb did not react at first.\n\n"
        "Dunmore said the attack was a crime."
    )
    assert speaker_of(text, "attack was a crime").name == "Dunmore"


def test_a_headline_first_name_before_a_surname_makes_the_full_name() -> None:
    text = (
        "Mary Dunmore and Whitcomb;\nThe city will act.\n\n"
        "Mayor Dunmore and Senator Ann Whitcomb did not react at first.\n\n"
        "Dunmore said the attack was a crime."
    )
    assert speaker_of(text, "attack was a crime").name == "Mary Dunmore"


def test_two_owners_of_one_reaction_are_the_pair() -> None:
    text = (
        "Mayor Jo Dunmore and Senator Alice Whitcomb met on Monday. "
        "Dunmore and Whitcomb's first reaction was to say the attack was a crime."
    )
    who = speaker_of(text, "attack was a crime")
    assert (who.name, who.kind) == ("Jo Dunmore & Alice Whitcomb", "group")


def test_a_person_and_their_own_reaction_are_the_person() -> None:
    text = (
        "Mayor Jo Dunmore and Senator Alice Whitcomb met on Monday. "
        "Dunmore and his first reaction was to say the attack was a crime."
    )
    assert speaker_of(text, "attack was a crime").name == "Jo Dunmore"


CRITICS = (
    "Critics of the levy, like {who}, see the vote as a chance to fix it. "
    "They sent a letter to the leaders on Thursday.\n\n"
    '"The levy has failed," they wrote.'
)


def test_they_after_named_examples_of_critics_is_the_pair() -> None:
    pair = "Senators Jo Dunmore, Republican of Iowa, and Alice Whitcomb, Democrat of Utah"
    who = speaker_of(CRITICS.format(who=pair), "levy has failed")
    assert (who.name, who.kind) == ("Jo Dunmore & Alice Whitcomb", "group")


def test_they_after_one_named_critic_stays_unnamed() -> None:
    text = CRITICS.format(who="Senator Jo Dunmore, Republican of Iowa").replace("They", "Others")
    assert speaker_of(text, "levy has failed").name is None


LAWS = "The laws were first proposed by President Jo Dunmore{more} and later carried out by Al Whitcomb. "


def test_the_two_presidents_are_the_two_people_just_named() -> None:
    text = LAWS.format(more="") + "The two Republican presidents said the war on crime was won."
    who = speaker_of(text, "war on crime")
    assert (who.name, who.kind) == ("Jo Dunmore & Al Whitcomb", "group")


def test_the_two_presidents_after_three_people_stay_unnamed() -> None:
    text = (
        LAWS.format(more=", defended by Kim Doe")
        + "The two Republican presidents said the war on crime was won."
    )
    who = speaker_of(text, "war on crime")
    assert (who.name, who.kind) == ("Republican presidents", "unnamed")


def test_which_after_two_names_described_together_is_their_group() -> None:
    text = (
        "Much of the push came from China and Brazil, the two largest donors, "
        "which together said the fund would grow."
    )
    who = speaker_of(text, "fund would grow")
    assert (who.name, who.kind) == ("China & Brazil", "group")


def test_who_after_two_names_alone_is_the_nearest_not_the_pair() -> None:
    # no sign that the two act together: "who" is the name it follows
    # (tests/extract/test_pronouns.py), not their group
    text = "The stage held Jo Dunmore and Al Whitcomb, who said the fund would grow."
    assert speaker_of(text, "fund would grow").name == "Al Whitcomb"


UNION = (
    "A union representing {trade} said on Friday that Jo Dunmore would win. "
    "The Amalgamated Association of Bus Drivers has backed Dunmore since May."
)


def test_a_union_described_by_its_trade_is_the_union_of_it_named() -> None:
    who = speaker_of(UNION.format(trade="bus drivers"), "Jo Dunmore would win")
    assert (who.name, who.kind) == ("Amalgamated Association of Bus Drivers", "organization")
    assert "the one union of bus drivers" in (who.how or "")


def test_a_union_of_another_trade_is_not_the_union_named() -> None:
    who = speaker_of(UNION.format(trade="pilots"), "Jo Dunmore would win")
    assert who.name == "union representing pilots"


FORUM = (
    "Candidates meet;\n{who} point out own credentials at forum.\n\n"
    "Jo Dunmore and Alice Whitcomb spoke on Wednesday, each touting experience."
)


def test_people_listed_by_surname_are_those_the_article_names_in_full() -> None:
    who = speaker_of(FORUM.format(who="Dunmore and Whitcomb"), "own credentials")
    assert (who.name, who.kind) == ("Jo Dunmore & Alice Whitcomb", "group")
    assert "the people it names, as this article names them in full" in (who.how or "")


def test_a_list_with_a_surname_named_nowhere_in_full_is_not_read_so() -> None:
    who = speaker_of(FORUM.format(who="Dunmore and Kessler"), "own credentials")
    assert "the people it names" not in (who.how or "")
