"""Who spoke (issue 14): descriptions, indefinite phrases, relative pronouns and names with
extra words, resolved within an article. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.speakers import Resolver
from tests.handmade import speaker_of

pytest.importorskip("spacy")


# --- definite descriptions --------------------------------------------------------------------

TWO_NOMINEES = (
    "Republican nominee Laura Denton said the harbour tax would fall on Monday. "
    "Paul Reyes, the Democratic nominee, said it would not. "
)


def test_a_description_with_a_party_synonym_is_the_nominee_of_that_party() -> None:
    text = TWO_NOMINEES + "The GOP presidential nominee added that the schools would gain."
    who = speaker_of(text, "schools would gain")
    assert (who.name, who.kind) == ("Laura Denton", "person")
    assert who.how == (
        "'The GOP presidential nominee': Laura Denton, named as Republican nominee in this article"
    )


def test_qualifiers_must_agree_and_a_role_in_apposition_counts() -> None:
    text = TWO_NOMINEES + "The Democratic nominee added that the ferry would run."
    assert speaker_of(text, "ferry would run").name == "Paul Reyes"


def test_two_people_who_fit_leave_the_description_unresolved() -> None:
    text = TWO_NOMINEES + "The nominee added that the ferry would run."
    who = speaker_of(text, "ferry would run")
    assert who.kind == "unnamed"
    assert who.name not in ("Laura Denton", "Paul Reyes")


def test_the_article_may_name_the_person_after_the_description() -> None:
    text = (
        "The Indiana governor said the county roads were safe. "
        "Indiana Gov. Mark Fenner made the remarks at a state fair."
    )
    assert speaker_of(text, "roads were safe").name == "Mark Fenner"


def test_a_titled_surname_with_an_appositive_role_gives_the_full_name() -> None:
    text = (
        "Paul Reyes opened a shop in Boston in 1990. "
        "Mr. Reyes, a Boston businessman, said the rents were too high. "
        "The Boston businessman said later that he would move."
    )
    assert speaker_of(text, "would move").name == "Paul Reyes"


def test_a_former_governor_is_not_the_governor() -> None:
    text = (
        "Former Gov. Ann Lowell said the bridge was sound. "
        "The governor said that the bridge would close."
    )
    who = speaker_of(text, "bridge would close")
    assert who.kind == "unnamed" and who.name != "Ann Lowell"


def test_the_party_member_is_the_one_person_the_article_gives_that_party() -> None:
    text = (
        "Republican nominee Laura Denton toured the port. The Republican said the docks were busy."
    )
    assert speaker_of(text, "docks were busy").name == "Laura Denton"
    two = text.replace("port.", "port. Republican Sen. Paul Reyes came too.")
    who = speaker_of(two, "docks were busy")
    assert who.kind == "unnamed" and who.name not in ("Laura Denton", "Paul Reyes")


def test_a_role_of_something_is_a_description_too() -> None:
    text = (
        "Party Chair Ann Lowell opened the meeting. "
        "Laura Denton, the former secretary of state, toured the port. "
        "The chair of the party said the vote was fair. "
        "The former secretary of state said the docks were busy. "
        "The secretary of state said the ferry was late."
    )
    assert speaker_of(text, "vote was fair").name == "Ann Lowell"
    who = speaker_of(text, "docks were busy")
    assert who.name == "Laura Denton"
    assert who.how and who.how.endswith("named as former secretary of state in this article")
    assert speaker_of(text, "ferry was late").kind == "unnamed"  # not the former one


# --- indefinite and quantified phrases ----------------------------------------------------------


def test_quantified_phrases_are_unnamed_sources_and_absorb_nobody() -> None:
    text = (
        "One Republican said the canal bill would fail. "
        "At least one Democrat said the count was wrong. "
        "A senior aide said the mayor was tired. "
        "The Republican said later that the vote was close."
    )
    for piece in ("canal bill", "count was wrong", "mayor was tired", "vote was close"):
        who = speaker_of(text, piece)
        assert who.kind == "unnamed", (piece, who)
    assert speaker_of(text, "vote was close").name != "One Republican"


def test_a_handle_is_the_name_of_an_indefinite_user() -> None:
    text = "One Twitter user @harbourwatch said the boats were gone."
    who = speaker_of(text, "boats were gone")
    assert (who.name, who.kind) == ("@harbourwatch", "person")


def test_a_named_person_after_an_article_stays_a_person() -> None:
    text = "A spokesman, Tom Ibarra, said the mayor was tired. Ann Lowell said the bridge held."
    assert speaker_of(text, "mayor was tired").name == "Tom Ibarra"
    assert speaker_of(text, "bridge held").name == "Ann Lowell"


# --- relative pronouns ----------------------------------------------------------------------


def test_who_is_the_person_its_clause_is_about() -> None:
    text = (
        "Republican nominee Laura Denton toured the port on Monday. "
        "Reporters met the Republican nominee, who told them the docks were busy."
    )
    who = speaker_of(text, "docks were busy")
    assert who.name == "Laura Denton"
    assert "who" in (who.how or "")


def test_who_after_an_appositive_is_the_person_named_before_it() -> None:
    text = "Laura Denton, now the party leader, who said the port was busy, left early."
    who = speaker_of(text, "port was busy")
    assert (who.name, who.role) == ("Laura Denton", "party leader")


def test_which_is_the_body_its_clause_is_about() -> None:
    text = "The Harbour Police Department, which said the pier was unsafe, closed it."
    assert speaker_of(text, "pier was unsafe").name == "Harbour Police Department"


# --- names with extra words ---------------------------------------------------------------------


def test_an_outlet_and_a_title_before_a_name_are_affiliation_and_role() -> None:
    text = (
        "NBC News moderator Lena Strand asked whether the plan worked. NBC News said it was late."
    )
    who = speaker_of(text, "plan worked")
    assert (who.name, who.kind, who.role, who.affiliation) == (
        "Lena Strand",
        "person",
        "moderator",
        "NBC News",
    )
    assert speaker_of(text, "it was late").kind == "media"


def test_a_speech_speaks_for_the_person_who_delivered_it() -> None:
    text = (
        "According to a speech Mrs. Denton delivered at the college, taxes would rise. "
        "Laura Denton is the dean."
    )
    assert speaker_of(text, "taxes would rise").name == "Laura Denton"


def test_a_compound_surname_is_the_one_full_name_ending_with_it() -> None:
    text = (
        "Carlos Ruiz Molina took office in March. "
        "The minister of trade, Mr. Ruiz Molina, said the tariffs would stay."
    )
    assert speaker_of(text, "tariffs would stay").name == "Carlos Ruiz Molina"


def test_a_compound_surname_two_people_share_stays_as_written() -> None:
    text = (
        "Carlos Ruiz Molina and his sister Ana Ruiz Molina own the firm. "
        "The minister of trade, Mr. Ruiz Molina, said the tariffs would stay."
    )
    assert speaker_of(text, "tariffs would stay").name == "Ruiz Molina"


def test_a_full_name_is_not_shortened_to_its_compound_surname() -> None:
    text = (
        "Mr. Ruiz Molina took office in March. "
        "Carlos Ruiz Molina, the minister of trade, said the tariffs would stay."
    )
    assert speaker_of(text, "tariffs would stay").name == "Carlos Ruiz Molina"


def test_only_a_title_or_a_glued_word_is_dropped_from_a_known_name() -> None:
    r = Resolver()
    for name in ("Kwon Seo-yun", "Ruiz Molina", "Victor Harlow"):
        r.see_person_name(name)
    assert r.shortest_form("South Korean President Kwon Seo-yun") == "Kwon Seo-yun"
    assert r.shortest_form("Slams Victor Harlow") == "Victor Harlow"
    assert r.shortest_form("Carlos Ruiz Molina") == "Carlos Ruiz Molina"
