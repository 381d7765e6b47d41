"""An actor's name, role and kind as a fact-checker would accept them (issue 14): a name
without a glued second copy or a separator, a role that is a role or job, and no named body
made up of a common noun. Every name and sentence here is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.actor_fields import (
    as_thing,
    clean_name,
    clean_role,
    country_named,
    names_no_one,
    one_word_thing,
    outlet_names,
    publication,
    thing_kinds,
    vetted,
)
from claimtrack.extract.speakers import ResolvedActor
from claimtrack.extract.types import Speaker
from tests.handmade import speaker_of

TITLE = "Harbour News Today\n"


@pytest.mark.parametrize(
    ("glued", "name"),
    [
        ("Jane DoeJane DoeSmith", "Jane Doe"),
        ("State Gov. Jane DoeJane Ann DoeState governor", "State Gov. Jane Doe"),
        ("| Lawmakers", "Lawmakers"),
        ("• Harbour Council", "Harbour Council"),
    ],
)
def test_a_glued_or_separated_name_is_cut_to_the_name(glued: str, name: str) -> None:
    assert clean_name(glued) == name


@pytest.mark.parametrize("name", ["Orla McKenna", "Piet DeGroot", "Ann-Marie O'Neill", "LinkHub"])
def test_a_name_with_a_capital_inside_a_word_stays_whole(name: str) -> None:
    assert clean_name(name) == name


@pytest.mark.parametrize(
    "role",
    [
        "president and chief operating officer of Larkspur Works",
        "staff scientist at the Coastal Institute",
        "Lt.",
        "certified financial planner",
        "former tax aide teaching at a college",
        "senior fellow at the Harbour Policy Forum",
        "president-elect",
        "CFO of Larkspur Works",
        "night nurse at the county hospital",
    ],
)
def test_a_role_or_job_is_kept(role: str) -> None:
    assert clean_role(role) == role


@pytest.mark.parametrize(
    "role",
    ["only", "merged", "Orla de", "ferry timetable extension", "one", "election", "her brother"],
)
def test_a_word_that_is_no_role_is_dropped(role: str) -> None:
    assert clean_role(role) is None


@pytest.mark.parametrize(
    ("stack", "kept"),
    [
        ("Democrat and Kansan", "Democrat"),
        ("Former harbour master and Alaskan", "Former harbour master"),
        ("Kansan, retired pilot and Alaskan", "retired pilot"),
        ("Kansan and Alaskan", None),
    ],
)
def test_a_stack_of_descriptions_keeps_the_parts_that_are_roles(
    stack: str, kept: str | None
) -> None:
    assert clean_role(stack) == kept


def test_a_firm_description_whose_comma_was_lost_is_cut_from_the_role() -> None:
    role = "president of Larkspur Works a Portland design agency"
    assert clean_role(role) == "president of Larkspur Works"


@pytest.mark.parametrize(
    ("name", "nobody"),
    [
        ("company", True),
        ("group of local scientists", True),
        ("Larkspur Works", False),
        ("June poll", True),
        ("July interview with Harbour Radio", True),
        ("March Madness Trust", False),
        ("May government", False),  # "May" may be a surname
    ],
)
def test_a_common_noun_names_no_body(name: str, nobody: bool) -> None:
    assert names_no_one(name) is nobody


def test_vetting_leaves_a_named_body_and_an_unnamed_speaker_as_they_are() -> None:
    body = ResolvedActor("Harbour Council", "government")
    unnamed = ResolvedActor("officials", "unnamed")
    assert vetted(body) is body and vetted(unnamed) is unnamed
    assert vetted(ResolvedActor("bank", "organization")).kind == "unnamed"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Harbor FM reporter said the ferry would stop in May.", "Harbor FM reporter"),
        ("The Tollund journalist said the ferry would stop in May.", "Tollund journalist"),
        ("Many reporters noted that the ferry would stop in May.", "Many reporters"),
        ("Reporters know the ferry would stop in May.", "Reporters"),
        ("The TV interviewer said the ferry would stop in May.", "TV interviewer"),
    ],
)
def test_a_description_of_journalists_is_an_unnamed_speaker_not_an_outlet(
    text: str, name: str
) -> None:
    sp = speaker_of(text, "ferry would stop")
    assert (sp.name, sp.kind) == (name, "unnamed")


def test_an_outlet_named_after_a_job_stays_an_outlet() -> None:
    sp = speaker_of("The Hollywood Reporter said the ferry would stop in May.", "ferry would stop")
    assert (sp.name, sp.kind) == ("Hollywood Reporter", "media")


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("Corvale Daily Gazette", True),
        ("Ashby Falls Leader", True),  # a weak word after three words
        ("Corvale Herald", True),  # a weak word after no first name
        ("Emily Post", False),  # a weak word that is a surname after a first name
        ("Dana Whitfield", False),
        ("Gazette", False),  # one word: left to the one-word rule
    ],
)
def test_a_name_ending_in_a_publication_word_is_a_publication(name: str, paper: bool) -> None:
    assert publication(name) is paper


@pytest.mark.parametrize(
    ("name", "text", "thing"),
    [
        ("Quorvix", "The headphones are sold via Quorvix for $80.", True),
        ("Brindle", "Brindle, a startup, says the phone is ready.", False),  # no sign
        ("Brindle", "A new company, Brindle, says the phone is ready.", True),
        ("Brindle", "Brindle says its phone is ready.", True),
        ("Brindle", "Brindle says his phone is ready.", False),
        ("Plaxworth", "Plaxworth wrote about it on Tallyhub.", False),  # the sign is another's
        ("Tallyhub", "Plaxworth wrote about it on Tallyhub.", True),
        ("Tallyhub", "Follow Plaxworth on Tallyhub @plax.", True),
        ("Brindle", "Ann Ode, an analyst at Brindle, said so. Brindle says no.", True),
        ("Brindle", "Ann Ode looked at Brindle, and Brindle says no.", False),  # no job
        ("SiteLeakers", "SiteLeakers said the files were real.", True),
        ("QXTally", "QXTally said the files were real.", True),
        ("McKinney", "McKinney said the files were real.", False),
        ("Melanie", "Melanie says its price is too high.", False),  # a first name
    ],
)
def test_a_one_word_site_firm_or_product_is_told_by_a_sign(
    name: str, text: str, thing: bool
) -> None:
    assert one_word_thing(name, text, []) is thing


def test_a_word_of_a_person_s_full_name_stays_a_person() -> None:
    text = "Plaxworth says its findings hold."
    assert one_word_thing("Plaxworth", text, [])
    assert not one_word_thing("Plaxworth", text, ["Odile Plaxworth"])


# --- end to end: what the extractor stores ----------------------------------------------------

pytest.importorskip("spacy")


def test_a_company_the_article_does_not_name_stays_unnamed() -> None:
    text = TITLE + "The company said on Monday that it would close two plants in the region."
    who = speaker_of(text, "close two plants")
    assert who.kind == "unnamed"


def test_a_group_of_people_is_no_named_organisation() -> None:
    text = TITLE + "A group of local scientists said the lake was warming faster than expected."
    who = speaker_of(text, "lake was warming")
    assert who.kind == "unnamed"


def test_a_role_and_a_firm_run_together_keep_the_role_and_the_firm() -> None:
    text = (
        TITLE + "Dana Whitfield, president of Larkspur Works a Portland design agency, said "
        "the plan would fail."
    )
    who = speaker_of(text, "plan would fail")
    assert (who.name, who.role) == ("Dana Whitfield", "president of Larkspur Works")


def test_a_name_written_twice_by_a_widget_is_stored_once() -> None:
    text = TITLE + "Rep. Jane DoeJane DoeSmith said the bridge would reopen in March."
    who = speaker_of(text, "bridge would reopen")
    assert who.name == "Jane Doe"


def test_a_site_the_ner_reads_as_a_person_is_an_organisation() -> None:
    text = TITLE + (
        "The cameras were cheapest via Tallyhub this week. Tallyhub said the cameras would "
        "ship in May."
    )
    who = speaker_of(text, "would ship in May")
    assert (who.name, who.kind) == ("Tallyhub", "organization")


def test_a_newspaper_the_ner_reads_as_a_person_is_media() -> None:
    text = TITLE + "The Corvale Falls Leader reported that the mill would close in June."
    who = speaker_of(text, "mill would close")
    assert (who.name, who.kind) == ("Corvale Falls Leader", "media")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Vantor 3X", "organization"),  # a model number: a product
        ("Corvale Daily Gazette", "media"),
        ("Dana Whitfield", "person"),
        ("14th-ranked Whitfield", "person"),  # a digit, but no capital with it
    ],
)
def test_a_person_s_kind_by_the_name_alone(name: str, kind: str) -> None:
    speaker = Speaker(None, name, "person", role="tester")
    after = as_thing(speaker, thing_kinds([name], f"{name} said the test would pass.", []))
    assert after.kind == kind
    assert (after.role is None) is (kind != "person")


# --- once per name, and the document's own outlet -------------------------------------------


def test_each_name_is_decided_once_for_all_its_claims() -> None:
    text = "The cameras were cheapest via Tallyhub. Tallyhub said so. Dana Whitfield agreed."
    names = ["Tallyhub", "Dana Whitfield", "Tallyhub", "Tallyhub"]
    assert thing_kinds(names, text, ["Dana Whitfield"]) == {"Tallyhub": "organization"}


@pytest.mark.parametrize(
    ("outlet", "names"),
    [
        ("The Tamsworth Chronicle", {"tamsworth chronicle"}),
        ("Tamsworth News", {"tamsworth news", "tamsworth"}),  # the parent: before "News"
        ("Tamsworth Online UK", {"tamsworth online uk", "tamsworth online", "tamsworth"}),
        ("tamsworth.com", {"tamsworth.com", "tamsworth"}),
        ("www.tamsworth.co.uk", {"www.tamsworth.co.uk", "tamsworth"}),
        ("Tamsworth", {"tamsworth"}),
        ("Tamsworth | the valley's news", {"tamsworth | the valley's news", "tamsworth"}),
        ("Tamsworth News - Home", {"tamsworth news - home", "tamsworth news", "tamsworth"}),
        ("", set()),
        (None, set()),
    ],
)
def test_the_names_an_outlet_goes_by(outlet: str | None, names: set[str]) -> None:
    assert outlet_names(outlet) == names


def test_a_person_named_as_the_document_s_outlet_is_media() -> None:
    text = "Tamsworth said the ferry would resume. Dana Whitfield agreed."
    names = ["Tamsworth", "Dana Whitfield", "Whitfield"]
    assert thing_kinds(names, text, [], outlet="Tamsworth Online") == {"Tamsworth": "media"}
    assert thing_kinds(names, text, [], outlet="The Tamsworth") == {"Tamsworth": "media"}
    assert thing_kinds(names, text, []) == {}  # no outlet: no sign
    assert thing_kinds(names, text, [], outlet="Whitfield Weekly") == {"Whitfield": "media"}
    # but not the surname of a person of the article
    assert thing_kinds(names, text, ["Dana Whitfield"], outlet="Whitfield Weekly") == {}
    # a word of the outlet's name is not its name
    assert thing_kinds(names, text, [], outlet="Tamsworth Valley Times") == {}


def test_a_speaker_named_as_the_outlet_given_to_extract_is_media() -> None:
    text = TITLE + "According to Tamsworth, the ferry would resume in March."
    assert speaker_of(text, "ferry would resume").kind == "person"  # no outlet given
    from claimtrack.extract import extract

    (claim,) = extract(text, outlet="Tamsworth Online")
    assert (claim.speaker.name, claim.speaker.kind, claim.speaker.gender) == (
        "Tamsworth",
        "media",
        None,
    )


# --- products, bodies and headings the NER read as persons (issue 14) ---------------------


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        # a model's word at the end of a product line's name
        ("Vantor Watch Series", "Buy the Vantor Watch Series now, said the shop.", "organization"),
        ("Quillby Pro", "Quillby Pro said the index would fall.", "organization"),
        # a body's head word at the end
        ("Harbour Rights Watch", "Harbour Rights Watch said the law was unjust.", "organization"),
        ("Tenants PAC", "Tenants PAC said it would spend more.", "organization"),
        # a product noun as the name, or right after it
        ("Earbuds", "Earbuds for $20\nEarbuds said the price would drop.", "organization"),
        ("Zintra", "The Zintra app crashed. Zintra said a fix was coming.", "organization"),
        ("Zintra", "Zintra's users were angry. Zintra said a fix was coming.", "organization"),
        # a company noun before a list that holds it
        ("Zintra", "Firms such as Olvo and Zintra said prices would rise.", "organization"),
        ("Zintra", "Companies like Zintra said prices would rise.", "organization"),
        # always written with "the" before it
        (
            "Lantern",
            "The Lantern reported the fire. The Lantern said no one was hurt.",
            "organization",
        ),
        # a heading line of the page
        ("Market Pulse", "Market Pulse\nMarket Pulse says stocks will fall.", "organization"),
        # a weekly is a publication
        ("Glassmakers Weekly", "Glassmakers Weekly said the trade was growing.", "media"),
    ],
)
def test_a_product_body_or_heading_is_no_person(name: str, text: str, kind: str) -> None:
    assert thing_kinds([name], text, [name]) == {name: kind}


@pytest.mark.parametrize(
    ("name", "text", "people"),
    [
        # a first name, a person's title, a word of a person's full name: a person
        ("Max Plus", "Max Plus said the index would fall.", []),
        ("Quillby Pro", "Mr. Quillby Pro said the index would fall.", []),
        (
            "Tenants United",
            "Tenants United said so, and Dana Voss of Citizens United agreed.",
            ["Citizens United"],
        ),
        ("Zintra", "The Zintra app crashed, Dana Zintra said.", ["Dana Zintra"]),
        # a noun after the name that is no product's: a person's campaign, supporters, family
        ("Ossery", "The Ossery campaign grew. Ossery supporters cheered. Ossery said so.", []),
        ("Ossery", "The Ossery phone call leaked. Ossery said it was fine.", []),
        ("Ossery", "The Ossery platform won votes. Ossery said it was fine.", []),
        # "the" before it only some of the time
        ("Lantern", "The Lantern reported the fire. Lantern said no one was hurt.", []),
        # "its" after a name of two words is no sign
        ("Htun Aye", "Htun Aye said its leaders would meet.", []),
        # a heading line that is a person's name
        ("Dana Voss", "Dana Voss\nDana Voss said the bridge would open.", []),
    ],
)
def test_a_person_with_a_person_s_sign_stays_a_person(
    name: str, text: str, people: list[str]
) -> None:
    assert thing_kinds([name], text, [name, *people]) == {}


@pytest.mark.parametrize(
    ("text", "piece", "name"),
    [
        (
            "Users of the Zintra app lost their messages on Monday. Zintra said a fix was coming.",
            "fix was coming",
            "Zintra",
        ),
        (
            "Quillby Pro said the index would fall by the end of the year.",
            "index would",
            "Quillby Pro",
        ),
    ],
)
def test_the_extractor_stores_a_product_as_no_person(text: str, piece: str, name: str) -> None:
    who = speaker_of(TITLE + text, piece)
    assert (who.name, who.kind, who.gender) == (name, "organization", None)


# --- a role the article writes elsewhere, for a person no claim gives one --------------------


def test_a_role_written_elsewhere_is_the_first_clean_one():
    from claimtrack.extract.actor_fields import role_written_elsewhere

    assert role_written_elsewhere(["rival", "his adviser", "events", "House", "chemist"]) == (
        "chemist"
    )
    assert role_written_elsewhere(["Harbour Bank CEO"]) == "Harbour Bank CEO"
    assert role_written_elsewhere(["events", "his senior adviser"]) is None
    assert role_written_elsewhere(["a" * 3 + " b c d e f g h"]) is None


def test_a_person_quoted_by_surname_takes_the_role_written_where_first_named():
    from claimtrack.extract import extract

    text = (
        "A compound found in soil killed resistant bacteria in tests, the team reported.\n\n"
        "The team was led by microbiologist Grace Okonkwo of Lakeside University.\n\n"
        '"This is an early step," Okonkwo said.\n'
    )
    (claim,) = [c for c in extract(text) if c.speaker.name == "Grace Okonkwo"]
    assert claim.speaker.role == "microbiologist"


def test_a_courtesy_title_gives_way_to_the_role_in_apposition():
    from tests.handmade import speaker_of

    text = (
        "Dr. Martin Ellis, an infectious disease specialist at Dunmore Hospital who was not "
        "involved in the study, said the results were exciting."
    )
    sp = speaker_of(text, "results were")
    assert (sp.name, sp.role, sp.affiliation) == (
        "Martin Ellis",
        "infectious disease specialist",
        "Dunmore Hospital",
    )


def test_a_body_whose_people_follow_its_one_word_name_is_no_person() -> None:
    text = (
        "Dunmore said in a statement that the offer was accepted. A Dunmore official said "
        "the fee was fair."
    )
    assert one_word_thing("Dunmore", text, [])
    assert not one_word_thing("Dunmore", text, ["Ada Dunmore"])


@pytest.mark.parametrize(
    ("name", "text", "country"),
    [
        ("Veltria", "Veltria said the border would open. Veltrian guards and the country's "
         "police will share lists.", True),
        ("Veltria", "Veltria said its phones would ship. Veltrian engineers built them.", False),
        ("Brask", "Brask said the country would vote. A Brask official agreed.", False),
    ],
)  # fmt: skip
def test_a_country_is_named_by_its_peoples_word(name, text, country) -> None:
    assert country_named(name, text) is country


def test_a_country_the_ner_takes_for_a_body_is_a_government() -> None:
    text = (
        "Veltria says the border will open\n\n"
        "Veltria will reopen two crossings next week, its foreign ministry said. Veltria "
        "said in a statement that the talks had gone well. Veltrian guards will check every "
        "truck, the country's police said."
    )
    sp = speaker_of(text, "talks had gone well")
    assert (sp.name, sp.kind) == ("Veltria", "government")
