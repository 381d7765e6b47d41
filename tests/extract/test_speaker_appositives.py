"""Who spoke (issue 14): a name wins over the description, clause or verb around it, and a
lawmaker's party-and-state tag is a role. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.roles import state_tag
from claimtrack.extract.speakers import Resolver, appositive_anchor, last_person
from tests.handmade import speaker_of

pytest.importorskip("spacy")


def parse(text: str):
    from claimtrack.extract.nlp import load

    return load()(text)


# --- party-and-state tags ---------------------------------------------------------------------


def test_a_tag_gives_the_party_and_the_state_of_a_us_state_only() -> None:
    assert state_tag(" (R-S.C.) said") == "Republican of South Carolina"
    assert state_tag(" (Vt.), who") == "of Vermont"
    assert state_tag(", D-Calif., said") == "Democrat of California"
    assert state_tag(", Republican of Iowa, and") == "Republican of Iowa"
    assert state_tag(" (D-Dover),") == ""  # a city: no state
    assert state_tag(" (D), the") == ""
    assert state_tag(" said on Monday") == ""


SENATORS = (
    "Sen. Nora Whitcomb (R-S.C.) said the port would reopen. "
    "Sen. Owen Pratt (D-Ore.) said the bridge was safe. "
)


def test_a_state_description_is_the_one_senator_tagged_with_that_state() -> None:
    text = SENATORS + "The South Carolina senator added that the ferry would be late."
    who = speaker_of(text, "ferry would be late")
    assert who.name == "Nora Whitcomb"
    assert who.how == (
        "'The South Carolina senator': Nora Whitcomb, named as Sen., Republican of South "
        "Carolina in this article"
    )


def test_a_state_nobody_is_tagged_with_leaves_the_senator_unnamed() -> None:
    text = SENATORS + "The Ohio senator added that the tolls would rise."
    who = speaker_of(text, "tolls would rise")
    assert who.kind == "unnamed"
    assert who.name not in ("Nora Whitcomb", "Owen Pratt")


# --- a name in apposition wins ----------------------------------------------------------------


def test_a_name_after_a_description_is_who_spoke() -> None:
    text = "His former business partner at Harwick Farms, Walter B. Ames, called him a master at deals."
    who = speaker_of(text, "master at deals")
    assert (who.name, who.kind) == ("Walter B. Ames", "person")
    assert who.how and who.how.endswith("Walter B. Ames, named in apposition to it")


def test_titles_a_nickname_and_a_tag_are_no_part_of_the_name_after_it() -> None:
    text = (
        'The governor\'s niece, state Del. Marcia "Cia" Brill (D-Dover), shouted that it was close.'
    )
    assert speaker_of(text, "it was close").name == "Marcia Brill"


def test_a_description_or_a_body_after_a_description_is_no_name() -> None:
    text = (
        "Her lawyer, a former judge, said the suit was weak. "
        "Its owner, Harbour Holdings, said the pier was sold."
    )
    assert speaker_of(text, "suit was weak").kind == "unnamed"
    assert speaker_of(text, "pier was sold").kind != "person"


def test_a_description_in_apposition_to_a_subject_is_that_person() -> None:
    doc = parse("Lee Soo-jin, the secretary general of the Harbour League, vowed to act.")
    general = next(t for t in doc if t.text == "general")
    anchor = appositive_anchor(general)
    assert anchor is not None and anchor.ent_type_ == "PERSON" and anchor.i < general.i
    # a name before a comma that is no subject is someone else
    doc = parse("Asked about Ruth Okafor, the treasurer said the fund was empty.")
    assert appositive_anchor(next(t for t in doc if t.text == "treasurer")) is None


def test_examples_of_a_plural_description_speak_for_it() -> None:
    text = (
        "Critics of the toll plan, like Senators Ada Brill and Hugo Marsh, say the fees are high. "
        "Supporters, including the Harbour Ferry Association, say the fees are fair. "
        "Critics, like the mayor, say the plan is late."
    )
    who = speaker_of(text, "fees are high")
    assert (who.name, who.kind) == ("Ada Brill & Hugo Marsh", "group")
    who = speaker_of(text, "fees are fair")
    assert (who.name, who.kind) == ("Harbour Ferry Association", "organization")
    assert speaker_of(text, "plan is late").kind == "unnamed"  # an example nobody names


def test_a_person_s_job_in_apposition_makes_a_name_a_person_s() -> None:
    text = (
        "Dane Pellow II, a writer for The Harbour Review, said on Twitter that the vote was rigged."
    )
    who = speaker_of(text, "vote was rigged")
    assert (who.name, who.kind) == ("Dane Pellow II", "person")
    text = "Harbour Widgets, a maker of buoys, said on Monday that the orders were down."
    assert speaker_of(text, "orders were down").kind != "person"


# --- a clause or a verb is no part of a name --------------------------------------------------


def test_a_clause_mention_is_the_person_it_ends_with() -> None:
    text = "As Mayor Jo Roe appears set to veto the bill, Democratic nominee Ann Poe disagrees."
    doc = parse(text)
    end = text.index("Ann Poe") + len("Ann Poe")
    who = last_person(doc, 0, end)
    assert who is not None and who.name == "Ann Poe"
    text = "As Mayor Jo Roe appears set to veto the bill, the nominee disagrees."
    assert last_person(parse(text), 0, text.index(" disagrees")) is None  # ends in no name


def test_a_verb_glued_to_a_known_surname_is_cut_off() -> None:
    r = Resolver()
    r.see_person_name("Victor Harlow")
    assert r.glued_verb("Harlow avoids") == "Harlow"
    assert r.glued_verb("Harlow demands answers from the board") == "Harlow"
    assert r.glued_verb("Harlow supporters") is None  # a group of people
    assert r.glued_verb("Harlow allies") is None
    assert r.glued_verb("Harlow Avoids") is None  # capitalised: maybe a name
    assert r.glued_verb("Milton avoids") is None  # no one the article names so


def test_a_name_spoken_of_gives_way_to_the_titled_name_after_it() -> None:
    from claimtrack.extract.speakers import analyse_mention

    text = "To understand the real Martin Dale, Chief Justice Peter Lindqvist said, one should go."
    doc = parse(text)
    dale = next(t for t in doc if t.text == "Dale")
    start, end = text.index("the real"), text.index(" said")
    assert analyse_mention(dale, start, end).name == "Peter Lindqvist"
    # without an article and an adjective before it, the first name is the one
    text = "Martin Dale, Chief Justice Peter Lindqvist, said one should go."
    doc = parse(text)
    head = next(t for t in doc if t.text == "Dale")
    assert analyse_mention(head, 0, text.index(" said")).name != "Peter Lindqvist"


# --- descriptions: a headline's "Senator from X", a place left out, a named person's role -----


def test_a_headline_title_from_a_state_is_the_senator_tagged_so() -> None:
    text = (
        "Senator from Vermont says the port must reopen. "
        "Sen. Nora Whitcomb (D-Vt.) said the ferry would be late. "
        "Sen. Owen Pratt (R-Ore.) said the bridge was safe."
    )
    who = speaker_of(text, "port must reopen")
    assert who.name == "Nora Whitcomb"
    assert who.how and who.how.endswith("named as Sen., Democrat of Vermont in this article")
    text = text.replace("Senator from Vermont", "Senator from Maine")
    assert speaker_of(text, "port must reopen").kind == "unnamed"


def test_a_place_the_article_never_gives_the_role_may_be_left_out() -> None:
    text = (
        "Attorney General Mary Dalton said the fund was empty. "
        "The Ohio state attorney general added that the bonds were safe."
    )
    who = speaker_of(text, "bonds were safe")
    assert who.name == "Mary Dalton"
    assert who.how and who.how.endswith("named as Attorney General in this article")
    other = text.replace("Attorney General Mary", "Texas Attorney General Mary")
    assert speaker_of(other, "bonds were safe").kind == "unnamed"  # another state's


def test_a_named_person_s_lawyer_is_the_one_named_as_their_attorney() -> None:
    one = (
        "An attorney for Dana Roe, Mark Ivers, said the hearing was unfair. "
        "Roe's lawyer added that the panel was biased."
    )
    who = speaker_of(one, "panel was biased")
    assert who.name == "Mark Ivers"
    assert who.how and who.how.endswith("named as attorney for Dana Roe in this article")
    two = one.replace(
        "Roe's lawyer",
        "Laura Pinto, another attorney for Roe, said the room was cold. Roe's lawyer",
    )
    assert speaker_of(two, "panel was biased").kind == "unnamed"  # two attorneys: either
    assert speaker_of(one.replace("lawyer", "spokesman"), "panel was biased").kind == "unnamed"


def test_a_headline_s_bare_description_is_the_one_person_named_so() -> None:
    head = "Retired General Says Morale Is Low. "
    text = head + "Retired Army Gen. Paul Ostrander said on Monday that morale was low."
    who = speaker_of(text, "Morale Is Low")
    assert who.name == "Paul Ostrander"
    assert who.how == (
        "'Retired General': Paul Ostrander, named as Retired Army Gen. in this article"
    )
    two = head + (
        "Retired Gen. Ada Brill said the bases were empty. "
        "Retired Gen. Paul Ostrander said on Monday that morale was low."
    )
    assert speaker_of(two, "Morale Is Low").name not in ("Paul Ostrander", "Ada Brill")


def test_a_title_after_the_still_gives_the_name_its_role() -> None:
    # "the" makes the title the head and the name its appositive: the role is still read
    text = (
        "Crowds greeted the U.S. Vice President Jo Roe in Lyon. "
        '"We made progress," Roe said on Monday. '
        "Later the vice president said the talks would resume."
    )
    who = speaker_of(text, "the talks would resume")
    assert (who.name, who.role) == ("Jo Roe", "Vice President")


def test_a_title_case_title_with_of_leaves_no_title_word_in_the_name() -> None:
    text = '"It will pass," Chief Of Staff Dirk Valmont Said On Monday.'
    who = speaker_of(text, "It will pass")
    assert (who.name, who.role) == ("Dirk Valmont", "Chief Of Staff")


def test_a_title_case_agency_title_leaves_the_agency_out_of_the_name() -> None:
    # the "Of" phrase runs over the agency's capitalised words up to the person's first name
    one = "Director Of National Intelligence Dirk Valmont said on Monday that the bill would pass."
    who = speaker_of(one, "the bill would pass")
    assert (who.name, who.role) == ("Dirk Valmont", "Director Of National Intelligence")
    two = "Secretary Of Health And Human Services Maria Delgado Says Bill Will Pass"
    who = speaker_of(two, "Bill Will Pass")
    assert (who.name, who.role) == ("Maria Delgado", "Secretary Of Health And Human Services")


def test_a_title_case_title_before_a_comma_gives_the_name_its_role() -> None:
    # "the U.S. Vice President, Jo Roe": the Title Case head is a title, so a role
    text = (
        "Crowds greeted the U.S. Vice President, Jo Roe, in Lyon. "
        "Later the vice president said the talks would resume."
    )
    who = speaker_of(text, "the talks would resume")
    assert (who.name, who.role) == ("Jo Roe", "Vice President")
