"""Who spoke (issue 14): bodies described by their kind. A court's name keeps the circuit it
sits for; a headline's or a lead's "a new poll", "a federal appeals court" or "A Senate
panel" is the first body of that kind the article names after it; "the city" is the city
named as one just before it, and so is the "it" after it. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest

from tests.handmade import speaker_of

pytest.importorskip("spacy")


# --- a court's name goes on with its circuit -----------------------------------------------


def test_a_court_of_appeals_keeps_the_circuit_it_sits_for() -> None:
    text = (
        "Three judges on the U.S. Court of Appeals for the Ninth Circuit overturned a "
        "county court on Monday. The appeals court said that the state's rules were unfair."
    )
    who = speaker_of(text, "rules were unfair")
    assert (who.name, who.kind) == ("U.S. Court of Appeals for the Ninth Circuit", "organization")


def test_lower_case_words_after_a_court_are_no_part_of_its_name() -> None:
    text = (
        "The U.S. Court of Appeals for the first time heard the farmers' case on Monday. "
        "The appeals court said that the state's rules were unfair."
    )
    assert speaker_of(text, "rules were unfair").name == "U.S. Court of Appeals"


# --- a lead's bare or indefinite description: the first of its kind named after it ----------

POLLS = (
    "New Poll Finds Voters Split On Transit Levy.\n\n"
    "A new poll shows that voters in Marlow County are split on the transit levy.\n\n"
    "The Harwell poll released Tuesday found that 48 percent back the levy. "
    "A Brindle Institute poll in June found the opposite.\n\n"
)


def test_a_leads_new_poll_is_the_first_poll_named_after_it() -> None:
    who = speaker_of(POLLS, "voters in Marlow County are split")
    assert (who.name, who.kind) == ("Harwell poll", "organization")
    assert who.how == "'A new poll': Harwell poll, the first poll this article names after its lead"
    assert speaker_of(POLLS, "Voters Split On Transit Levy").name == "Harwell poll"


def test_a_new_poll_later_in_the_article_with_two_named_stays_unnamed() -> None:
    text = POLLS + (
        "Turnout was low in the spring. Officials expect more voters this time. "
        "A new poll shows that most voters want more buses. The Corbel poll asked about "
        "trains."
    )
    assert speaker_of(text, "most voters want").name not in ("Harwell poll", "Corbel poll")


def test_a_leads_senate_panel_is_the_first_senate_committee_named_after_it() -> None:
    text = (
        "Senate panel backs harbor plan.\n\n"
        "A Senate panel voted Tuesday to back the harbor plan, saying the port needed deeper "
        "berths.\n\n"
        "The Senate Commerce and Maritime Committee voted 12-9 to send the plan to the floor. "
        "The Senate Rules Committee will take it up next week."
    )
    who = speaker_of(text, "port needed deeper berths")
    assert who.name == "Senate Commerce and Maritime Committee"


def test_a_senate_panel_is_no_house_committee() -> None:
    text = (
        "A Senate panel voted Tuesday to back the harbor plan, saying the port needed deeper "
        "berths.\n\n"
        "The House Commerce and Maritime Committee voted 12-9 to send a plan to the floor."
    )
    who = speaker_of(text, "port needed deeper berths")
    assert who.name != "House Commerce and Maritime Committee"


def test_a_federal_appeals_court_in_the_lead_is_the_court_named_after_it() -> None:
    text = (
        "A federal appeals court said Friday that the state's voting rules removed eligible "
        "voters.\n\n"
        "Judges on the U.S. Court of Appeals for the Tenth Circuit returned the matter to a "
        "trial court."
    )
    who = speaker_of(text, "removed eligible voters")
    assert who.name == "U.S. Court of Appeals for the Tenth Circuit"


# --- "the city", and "it" after it ----------------------------------------------------------


def test_it_after_the_city_is_the_city_named_just_before() -> None:
    text = (
        "The city of Tucson is demanding that the Reyes campaign stop using photos of its "
        "firefighters.\n\n"
        "The city sent a letter on Friday. It says the campaign broke the law."
    )
    who = speaker_of(text, "campaign broke the law")
    assert (who.name, who.kind) == ("Tucson", "government")


def test_the_city_with_two_cities_named_stays_unnamed() -> None:
    text = (
        "The city of Tucson and the city of Mesa are demanding that the Reyes campaign stop "
        "using photos of their firefighters.\n\n"
        "The city said the campaign broke the law."
    )
    who = speaker_of(text, "campaign broke the law")
    assert who.name not in ("Tucson", "Mesa")


def test_the_city_named_long_before_is_not_the_city() -> None:
    text = (
        "The city of Tucson hired new firefighters in May. Their training took six weeks. "
        "The trucks were painted red. Crews moved into the new station. The chief gave a "
        "speech.\n\n"
        "The city said the campaign broke the law."
    )
    assert speaker_of(text, "campaign broke the law").name != "Tucson"


def test_a_leads_union_is_the_one_labour_body_named_with_its_trade() -> None:
    text = (
        "Bakers' union backs Reyes.\n\n"
        "A union representing bakers endorsed Omar Reyes on Friday, saying he would protect "
        "pensions.\n\n"
        '"We need a friend in the statehouse," the Union of Bakers and Confectioners said.'
    )
    assert speaker_of(text, "Reyes").name == "Union of Bakers and Confectioners"
    who = speaker_of(text, "Omar Reyes")
    assert (who.name, who.kind) == ("Union of Bakers and Confectioners", "organization")


def test_a_union_of_another_trade_is_not_the_union_described() -> None:
    text = (
        "Bakers' union backs Reyes.\n\n"
        '"We need a friend in the statehouse," the Union of Teamsters and Drivers said.'
    )
    assert speaker_of(text, "Reyes").name != "Union of Teamsters and Drivers"


def test_a_bare_union_after_the_lead_is_left_as_written() -> None:
    # after the lead, only a union described by its trade is the one of that trade named
    # (tests/extract/test_named_pairs.py); a bare "a union" may be another one
    text = (
        "The Union of Bakers and Confectioners met on Monday. The hall was full. "
        "A union said it would back Omar Reyes."
    )
    assert speaker_of(text, "would back Omar Reyes").name != "Union of Bakers and Confectioners"


# --- a body named with its host is the longer name the article gives it ----------------------


def test_a_center_at_its_host_is_the_longer_name_the_article_gives_it() -> None:
    text = (
        "The Fiscal Research Center at the Harbor Institute and Lyle College said the plan "
        "would cost $2 billion.\n\n"
        "Economists at the Harbor-Lyle Fiscal Research Center have studied such plans. "
        "The Fiscal Research Center said the cost would rise."
    )
    first = speaker_of(text, "plan would cost")
    assert first.name == "Harbor-Lyle Fiscal Research Center"
    assert speaker_of(text, "cost would rise").name == first.name


def test_a_center_at_its_host_with_two_longer_names_keeps_its_own() -> None:
    text = (
        "The Fiscal Research Center at the Harbor Institute said the plan would cost $2 "
        "billion.\n\n"
        "The Harbor Fiscal Research Center and the Lyle Fiscal Research Center disagree."
    )
    name = speaker_of(text, "plan would cost").name or ""
    assert name.startswith("Fiscal Research Center")


# --- a journal: named by its words in lower case, and the outlet a study came out in ---------


def test_a_study_is_the_journal_it_appeared_in() -> None:
    text = "A 2015 study that appeared in the Harbor Medical Journal found that the pills failed."
    who = speaker_of(text, "pills failed")
    assert (who.name, who.kind) == ("Harbor Medical Journal", "media")


def test_a_study_that_appeared_in_a_place_is_no_outlet_s() -> None:
    text = "A study that appeared in Denver last spring found that the drops failed."
    assert speaker_of(text, "drops failed").name != "Denver"


def test_the_journal_in_lower_case_is_the_journal_named_with_those_words() -> None:
    text = (
        "The top Canadian medical journal said the pills did not work.\n\n"
        "Dr. Ana Vole wrote about it in the Canadian Medical Journal last year."
    )
    who = speaker_of(text, "pills did not work")
    assert (who.name, who.kind) == ("Canadian Medical Journal", "media")


def test_a_journal_of_other_words_is_not_the_journal_described() -> None:
    text = (
        "The top Canadian legal journal said the pills did not work.\n\n"
        "Dr. Ana Vole wrote about it in the Canadian Medical Journal last year."
    )
    assert speaker_of(text, "pills did not work").name != "Canadian Medical Journal"


# --- a court's ruling speaks for the court that just ruled -------------------------------------


def test_the_ruling_is_the_court_that_spoke_just_before() -> None:
    text = (
        "The U.S. Court of Appeals for the Tenth Circuit ruled that the state's rules could "
        "remove eligible voters.\n\n"
        '"A state cannot purge a voter for staying home," said the ruling.'
    )
    who = speaker_of(text, "cannot purge a voter")
    assert who.name == "U.S. Court of Appeals for the Tenth Circuit"


def test_the_ruling_after_a_person_spoke_names_no_body() -> None:
    text = (
        "The U.S. Court of Appeals for the Tenth Circuit heard the case in May. "
        "Secretary of State Ana Vole said that the state's rules were fair.\n\n"
        '"A state cannot purge a voter for staying home," said the ruling.'
    )
    who = speaker_of(text, "cannot purge a voter")
    assert who.name != "U.S. Court of Appeals for the Tenth Circuit"


# --- a document issued by two people named by surname alone ------------------------------------


def test_a_statement_issued_by_two_surnames_is_read_without_error() -> None:
    text = (
        "Senator Maria Okafor and Governor Tom Vance met on Monday.\n\n"
        'Okafor and Vance issued a statement describing their talks as a "very good start" '
        "toward unity."
    )
    # the second surname, a conjunct, starts its own name (it once left no words at all),
    # and the two surnames are the two people the article named in full
    assert speaker_of(text, "very good start").name == "Maria Okafor & Tom Vance"


# --- "the network": the one body the article calls a network in apposition --------------------


def test_the_network_is_the_body_called_a_network_in_apposition() -> None:
    text = (
        "Many hosts now work for Harbor Vision, the cable network funded by the state of "
        "Lorania. Viewers find it on Dish Network in some towns.\n\n"
        "Ana Vole quit last year. The network said it would send her to the coast."
    )
    who = speaker_of(text, "send her to the coast")
    assert (who.name, who.kind) == ("Harbor Vision", "organization")


def test_a_name_with_network_in_it_is_not_the_network() -> None:
    text = (
        "Many hosts now appear on Dish Network in some cities.\n\n"
        "Ana Vole quit last year. The network said it would send her to the coast."
    )
    assert speaker_of(text, "send her to the coast").name != "Dish Network"


def test_two_bodies_called_networks_leave_the_network_unnamed() -> None:
    text = (
        "Many hosts now work for Harbor Vision, the cable network funded by Lorania, or for "
        "Coast Channel, a rival network.\n\n"
        "Ana Vole quit last year. The network said it would send her to the coast."
    )
    who = speaker_of(text, "send her to the coast")
    assert who.name not in ("Harbor Vision", "Coast Channel")


def test_a_ruling_owned_by_another_is_not_the_body_that_spoke_before() -> None:
    text = (
        "The Harbor Institute said that the levy was fair.\n\n"
        '"No voter was harmed," said the board\'s ruling.'
    )
    assert speaker_of(text, "No voter was harmed").name != "Harbor Institute"


# --- a bloc is a body, not a person ------------------------------------------------------------


def test_a_headline_s_bloc_is_an_organisation() -> None:
    text = "Trade bloc weighs new tariffs.\n\nAfter the summit, bloc says it will rely less on imports."
    # no person; and a bare "bloc" names no body the article names: unnamed (issue 14)
    assert speaker_of(text, "rely less on imports").kind in ("organization", "unnamed")
