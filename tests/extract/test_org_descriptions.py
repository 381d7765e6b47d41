"""Who spoke (issue 14): a definite description of an organisation ("the campaign", "The
Post", "the poll") is the one organisation the article names that it stands for, and an
organisation's name keeps none of the words written around it. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.speakers import is_labour_body, longer_org, team_campaign
from tests.handmade import speaker_of

pytest.importorskip("spacy")


# --- a description stands for the one organisation named -----------------------------------


def test_the_campaign_is_the_one_campaign_named_before_it() -> None:
    text = (
        "Senator Maria Okafor's campaign said the rally drew ten thousand people. "
        "The campaign added that the hall was full."
    )
    who = speaker_of(text, "hall was full")
    assert (who.name, who.kind) == ("Okafor campaign", "organization")
    assert who.how == "'The campaign': Okafor campaign, the one campaign named in this article"


def test_the_campaign_may_be_named_after_the_description() -> None:
    text = (
        "The campaign said the rally drew ten thousand people. "
        "Aides to the Ruth Bader campaign had booked the hall."
    )
    assert speaker_of(text, "rally drew").name == "Bader campaign"


def test_two_campaigns_named_leave_the_campaign_unresolved() -> None:
    text = (
        "The Lena Park campaign and the Omar Reyes campaign met on Sunday. "
        "The campaign said the rally drew ten thousand people."
    )
    who = speaker_of(text, "rally drew")
    assert who.name == "campaign"
    assert who.how is None


def test_the_post_is_the_one_post_the_article_names() -> None:
    text = (
        "The Toledo Ledger Post reported on Friday that the bridge was closing. "
        "The Post said the repairs would take a year."
    )
    who = speaker_of(text, "repairs would take")
    assert (who.name, who.kind) == ("Toledo Ledger Post", "media")


def test_two_posts_named_leave_the_post_as_written() -> None:
    text = (
        "The Toledo Ledger Post and The Dayton Evening Post both covered the fire. "
        "The Post said the repairs would take a year."
    )
    assert speaker_of(text, "repairs would take").name == "Post"


def test_the_poll_is_the_one_named_poll() -> None:
    text = (
        "A Harwell poll released on Monday found that voters favoured the levy. "
        "The poll also said turnout would rise."
    )
    who = speaker_of(text, "turnout would rise")
    assert (who.name, who.kind) == ("Harwell poll", "organization")


def test_two_polls_named_leave_the_poll_unnamed() -> None:
    text = (
        "A Harwell poll found that voters favoured the levy. "
        "A Brindle University poll found the opposite. "
        "The poll also said turnout would rise."
    )
    who = speaker_of(text, "turnout would rise")
    assert (who.name, who.kind) == ("poll", "unnamed")


def test_the_commission_is_the_commission_named_with_its_full_title() -> None:
    text = (
        "The Commission on Coastal Safety said the beaches were clean. "
        "The commission added that the water was warm."
    )
    assert speaker_of(text, "water was warm").name == "Commission on Coastal Safety"


def test_two_commissions_named_leave_the_commission_unresolved() -> None:
    text = (
        "The commission said the water was warm. "
        "The Harbor Commission and the Commission on Coastal Safety met on Friday."
    )
    assert speaker_of(text, "water was warm").name == "commission"


def test_the_newspaper_is_the_one_paper_named() -> None:
    text = (
        "The newspaper said the mayor had resigned. "
        "The Harbor City Tribune first reported the story on Monday."
    )
    assert speaker_of(text, "mayor had resigned").name == "Harbor City Tribune"


def test_two_papers_named_leave_the_newspaper_unresolved() -> None:
    text = (
        "The newspaper said the mayor had resigned. "
        "The Harbor City Tribune and the Lakeside Gazette first reported the story."
    )
    assert speaker_of(text, "mayor had resigned").name == "newspaper"


def test_a_description_with_nothing_named_stays_as_written() -> None:
    text = "The agency said the permits were late."
    assert speaker_of(text, "permits were late").name == "agency"


# --- an organisation's name without the words around it --------------------------------------


def test_an_adjective_before_a_named_body_is_dropped() -> None:
    text = "The nonpartisan Commission on Coastal Safety said the beaches were clean."
    assert speaker_of(text, "beaches were clean").name == "Commission on Coastal Safety"


def test_a_role_word_before_an_organisation_is_dropped() -> None:
    text = "The event organizer Alliance to Restore Our Parks said the march was peaceful."
    assert speaker_of(text, "march was peaceful").name == "Alliance to Restore Our Parks"


def test_a_coalition_keeps_its_nationality_words() -> None:
    text = (
        "The Central and West African Coalition, which speaks for many families, "
        "said the vote was unfair."
    )
    assert speaker_of(text, "vote was unfair").name == "Central and West African Coalition"


def test_a_poll_named_for_a_new_york_paper_keeps_new() -> None:
    text = "A New York Post/NBC News poll taken in May found that voters were split."
    assert speaker_of(text, "voters were split").name == "New York Post/NBC News poll"


def test_a_new_poll_is_still_named_without_new() -> None:
    text = "A new Harwell poll found that voters were split."
    assert speaker_of(text, "voters were split").name == "Harwell poll"


def test_a_persons_campaign_is_named_by_the_surname() -> None:
    text = "Donald Trump’s campaign said the rally drew ten thousand people."
    who = speaker_of(text, "rally drew")
    assert (who.name, who.kind) == ("Trump campaign", "organization")


def test_a_place_is_no_short_form_of_its_embassy() -> None:
    text = (
        "The United States Embassy opened on Monday. The United States said the talks would resume."
    )
    assert speaker_of(text, "talks would resume").name == "United States"


def test_a_description_that_names_its_program_is_that_name() -> None:
    text = "The program, called HarborStart, said the loans were repaid."
    who = speaker_of(text, "loans were repaid")
    assert (who.name, who.how) == (
        "HarborStart",
        "'The program, called HarborStart,': HarborStart, named so in it",
    )


def test_a_title_cased_headline_names_no_organisation() -> None:
    text = (
        "Student Loan Program Up for Renewal Amid Claims\n\n"
        "The program said the loans were repaid on time."
    )
    assert speaker_of(text, "loans were repaid").name == "program"


# --- a description whose noun is not in the name: "the union", "the agency" -----------------


def test_the_union_is_the_one_labour_body_named() -> None:
    text = (
        "The Association of Crane Operators endorsed the mayor on Monday. "
        "The union said the levy would fund new jobs."
    )
    who = speaker_of(text, "levy would fund")
    assert (who.name, who.kind) == ("Association of Crane Operators", "organization")
    assert who.how == (
        "'The union': Association of Crane Operators, the one union named in this article"
    )


def test_an_association_of_no_trade_is_no_union() -> None:
    text = (
        "The National Archery Association endorsed the mayor on Monday. "
        "The union said the levy would fund new jobs."
    )
    who = speaker_of(text, "levy would fund")
    assert (who.name, who.how) == ("union", None)


def test_two_unions_named_together_leave_the_union_unresolved() -> None:
    text = (
        "The Association of Crane Operators and the Brotherhood of Dock Workers met on Monday. "
        "The union said the levy would fund new jobs."
    )
    assert speaker_of(text, "levy would fund").name == "union"


def test_the_agency_is_the_one_office_or_bureau_named() -> None:
    text = (
        "The Office of Coastal Planning released new figures on Monday. "
        "The agency said the dunes were shrinking."
    )
    who = speaker_of(text, "dunes were")
    assert (who.name, who.kind) == ("Office of Coastal Planning", "government")


def test_two_agencies_named_together_leave_the_agency_unresolved() -> None:
    text = (
        "The Office of Coastal Planning and the Bureau of Harbor Safety released figures. "
        "The agency said the dunes were shrinking."
    )
    assert speaker_of(text, "dunes were").name == "agency"


def test_labour_bodies_by_their_name_words() -> None:
    assert is_labour_body("brotherhood of dock workers".split())
    assert is_labour_body("american federation of teachers".split())
    assert is_labour_body("national federation of labor".split())
    assert not is_labour_body("national archery association".split())
    assert not is_labour_body("association of southern states".split())


# --- a short name is the longer name the article gives the same body -------------------------


def test_a_short_name_is_the_longer_name_in_the_article() -> None:
    text = (
        "The United Nations Trade Council met in Geneva on Monday. "
        "The Trade Council said the tariffs would fall."
    )
    who = speaker_of(text, "tariffs would")
    assert (who.name, who.kind) == ("United Nations Trade Council", "government")


def test_an_abbreviated_and_a_spelled_out_name_are_one_body() -> None:
    keys = ["u.n. trade council", "united nations trade council"]
    assert longer_org("Trade Council", keys) == "united nations trade council"


def test_a_short_name_of_two_bodies_stays_as_written() -> None:
    text = (
        "The Ohio Supreme Court and the Texas Supreme Court ruled on Monday. "
        "The Supreme Court said the law was void."
    )
    assert speaker_of(text, "law was void").name == "Supreme Court"
    assert longer_org("Supreme Court", ["ohio supreme court", "texas supreme court"]) is None
    assert longer_org("Council", ["united nations trade council"]) is None


def test_a_short_name_is_no_place_s_own_body() -> None:
    text = "The Ohio Supreme Court heard the case in May. The Supreme Court said the law was void."
    assert speaker_of(text, "law was void").name == "Supreme Court"
    assert longer_org("Supreme Court", ["ohio supreme court"]) is None
    assert longer_org("Supreme Court", ["new york supreme court"]) is None


# --- a person's team is the campaign the article names for them -------------------------------


def test_a_persons_team_is_their_campaign_named_in_the_article() -> None:
    text = (
        "The Ana Roe campaign booked the hall. Roe's team said the rally drew ten thousand people."
    )
    who = speaker_of(text, "rally drew")
    assert (who.name, who.kind) == ("Ana Roe campaign", "organization")


def test_a_persons_team_with_no_campaign_named_stays_the_team() -> None:
    text = "Ana Roe spoke in Ohio. Roe's team said the rally drew ten thousand people."
    assert speaker_of(text, "rally drew").name == "Roe's team"


def test_team_campaign_needs_one_campaign_of_that_name() -> None:
    assert team_campaign("Roe team", {"ana roe campaign": None}) == "ana roe campaign"
    assert team_campaign("Roe team", {"ana roe campaign": None, "bo roe campaign": None}) is None
    assert team_campaign("Roe team", {"poe campaign": None}) is None
    assert team_campaign("Roe staff", {"roe campaign": None}) is None


# --- "the state": the one US state named in its sentence, else in the one before -----------------


def test_the_state_is_the_one_state_its_sentence_names() -> None:
    text = (
        "During the 1998 election in Ohio, the state wrongly said that 9,000 voters had moved away."
    )
    found = speaker_of(text, "voters had moved")
    assert (found.name, found.kind) == ("Ohio", "government")
    assert found.how == "'the state': Ohio, the one state named in its sentence"


def test_the_state_may_be_named_in_the_sentence_before() -> None:
    text = (
        "Turnout fell sharply in Ohio last year. The state said that 9,000 voters had moved away."
    )
    found = speaker_of(text, "voters had moved")
    assert found.name == "Ohio"
    assert "the one state named in the sentence before it" in (found.how or "")


def test_two_states_named_leave_the_state_unresolved() -> None:
    text = (
        "During the 1998 election in Ohio and Indiana, the state wrongly said that 9,000 "
        "voters had moved away."
    )
    found = speaker_of(text, "voters had moved")
    assert found.name not in ("Ohio", "Indiana")


def test_the_state_with_no_state_named_stays_a_description() -> None:
    found = speaker_of("The state said that 9,000 voters had moved away.", "voters had moved")
    assert found.name == "state"


POLLS_NAMED = (
    "A new poll shows that Jo Dunmore leads the race. The {which}Lakeside Star/KQRV poll found "
    "that Dunmore had 43 percent. The Harbor College poll, taken in May, found that the race "
    "was tied."
)


def test_a_new_poll_of_two_named_is_the_one_called_the_latest() -> None:
    who = speaker_of(POLLS_NAMED.format(which="latest "), "Jo Dunmore leads")
    assert (who.name, who.kind) == ("Lakeside Star/KQRV poll", "organization")
    assert "the one poll this article calls new or the latest" in (who.how or "")


def test_a_new_poll_of_two_named_neither_called_new_stays_unnamed() -> None:
    # past the lead (where the first poll named after it is the one it describes:
    # tests/extract/test_body_kinds.py)
    text = "The race for mayor is close. Voters are split. " + POLLS_NAMED.format(which="")
    who = speaker_of(text, "Jo Dunmore leads")
    assert (who.name, who.kind) == ("new poll", "unnamed")


@pytest.mark.parametrize(
    ("text", "piece", "name"),
    [
        (
            "The Riverton Chamber of Commerce opposed the plan on Monday. According to the "
            "chamber, sales fell 4 percent last year.",
            "sales fell",
            "Riverton Chamber of Commerce",
        ),
        (
            "Dunmore University opened a new lab in May. The university said the lab would "
            "hire forty people.",
            "lab would",
            "Dunmore University",
        ),
    ],
)
def test_the_chamber_or_the_university_is_the_one_named(text, piece, name) -> None:
    who = speaker_of(text, piece)
    assert (who.name, who.kind) == (name, "organization")


def test_two_universities_named_leave_the_university_unresolved() -> None:
    text = (
        "Dunmore University and Lakeside University signed the deal. The university said the "
        "deal was fair."
    )
    assert speaker_of(text, "deal was fair").kind == "unnamed"


def test_the_company_is_the_firm_named_just_before() -> None:
    text = (
        "Brightwell Motors lowered its profit forecast on Wednesday. The company said it now "
        "expects lower earnings."
    )
    who = speaker_of(text, "expects lower")
    assert (who.name, who.kind) == ("Brightwell Motors", "organization")
    assert who.how == "'The company': Brightwell Motors, the firm named in the previous sentence"


def test_another_organisation_named_since_leaves_the_company_unresolved() -> None:
    text = (
        "Brightwell Motors lowered its profit forecast on Wednesday, days after Toyota "
        "cut its own. The company said it now expects lower earnings."
    )
    assert speaker_of(text, "expects lower").kind == "unnamed"


def test_the_company_with_no_firm_named_stays_unnamed() -> None:
    text = "The Harlow Teachers Union met on Monday. The company said it would not negotiate."
    assert speaker_of(text, "not negotiate").kind == "unnamed"


def test_the_firm_named_again_after_the_company_does_not_hide_another_organisation() -> None:
    # the firm's naming the check starts from is the last before "the company", not the
    # one later in the same sentence
    text = (
        "Brightwell Motors lowered its profit forecast on Wednesday, days after Toyota "
        "cut its own. The company said on Thursday that Brightwell Motors expects lower earnings."
    )
    assert speaker_of(text, "expects lower").kind == "unnamed"


@pytest.mark.parametrize(
    ("text", "piece", "name"),
    [
        (
            "The warehouse's owner, Pacific Home Goods, said in a statement that it was "
            "cooperating with investigators.",
            "cooperating with",
            "Pacific Home Goods",
        ),
        (
            "The building's owner, Harmon Realty Group, said it would repair the roof.",
            "repair the roof",
            "Harmon Realty Group",
        ),
    ],
)
def test_a_description_is_the_organisation_named_in_apposition_after_it(text, piece, name) -> None:
    who = speaker_of(text, piece)
    assert (who.name, who.kind) == (name, "organization")


def test_a_person_named_in_apposition_stays_a_person() -> None:
    who = speaker_of("His business partner, Jo B. Roe, said the sale was final.", "sale was")
    assert (who.name, who.kind) == ("Jo B. Roe", "person")
