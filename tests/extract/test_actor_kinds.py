"""The six kinds of speaker (issue 14): person, organization, government, media, group of
named people, unnamed; and the roles of the people a mention names together. Every
sentence here is written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.speakers import person_name
from tests.handmade import speaker_of

pytest.importorskip("spacy")


@pytest.mark.parametrize(
    ("text", "piece", "name", "kind"),
    [
        (
            "The Brennan Institute said the new rule would keep students from voting.",
            "new rule",
            "Brennan Institute",
            "organization",
        ),
        (
            "The Harlow Coalition, which speaks for farm workers, said the wage was too low.",
            "wage",
            None,
            "organization",
        ),
        (  # a nationality cuts the name short: still no person
            "The Irish and Italian American Coalition, which speaks for many families, said the "
            "quota was unfair.",
            "quota",
            None,
            "organization",
        ),
        ("Norway said the talks would resume in May.", "talks", "Norway", "government"),
        ("The Justice Department said the files were sealed.", "files", None, "government"),
        ("The Charlotte Observer reported that the mayor had resigned.", "mayor", None, "media"),
        ("CNN reported that the vote was delayed.", "vote", "CNN", "media"),
    ],
)
def test_named_bodies_get_their_kind(text, piece, name, kind) -> None:
    sp = speaker_of(text, piece)
    assert sp.kind == kind
    if name is not None:
        assert sp.name == name


@pytest.mark.parametrize(
    ("text", "piece", "name", "affiliation"),
    [
        ("NBC News anchor Dana Whitfield said the debate was fair.", "debate", "Dana Whitfield",
         "NBC News"),
        ("Fox News' Dana Whitfield said the debate was fair.", "debate", "Dana Whitfield",
         "Fox News"),
        ("Martin Okafor, a writer for the Baltimore Sun, said the law had failed.", "law",
         "Martin Okafor", "Baltimore Sun"),
        ("Laura Penn, the director of the Center for Media Justice, said the ads misled viewers.",
         "ads", "Laura Penn", None),
        # the NER runs the outlet into a name whose first name the table does not know
        ("The Harbor Review\u2019s Jeet Vanlo sees the plan as a return to old ideas.", "plan",
         "Jeet Vanlo", "Harbor Review"),
    ],
)  # fmt: skip
def test_a_person_at_an_outlet_is_a_person(text, piece, name, affiliation) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.kind) == (name, "person")
    assert sp.affiliation == affiliation
    assert sp.role in (
        None,
        "anchor",
        "writer",
        "director of the Center for Media Justice",
    )


def test_a_poll_is_an_organisation_when_named_and_unnamed_when_not() -> None:
    text = (
        "A new Marist College poll found that most voters want a recount. "
        "Another poll found that turnout would be low."
    )
    named = speaker_of(text, "recount")
    assert (named.name, named.kind) == ("Marist College poll", "organization")
    assert speaker_of(text, "turnout").kind == "unnamed"


@pytest.mark.parametrize(
    ("text", "piece", "name"),
    [
        ("The Delgado brothers said the mill would close by winter.", "mill", "Delgado brothers"),
        ("The Hartleys said the farm had been in the family for a century.", "farm", "Hartleys"),
    ],
)
def test_a_named_family_is_a_group(text, piece, name) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.kind) == (name, "group")


def test_people_named_together_are_a_group_and_each_a_speaker() -> None:
    text = "Sen. Rita Vance and Rep. Omar Fields said the bridge money was gone."
    sp = speaker_of(text, "bridge")
    assert (sp.name, sp.kind) == ("Rita Vance & Omar Fields", "group")
    assert sp.others == ("Rita Vance", "Omar Fields")


def test_a_title_belongs_to_the_name_it_precedes() -> None:
    text = (
        "Governor Paul Stroud and his wife Helen said on Sunday that the pantry needed volunteers."
    )
    sp = speaker_of(text, "pantry")
    assert sp.kind == "group" and sp.others == ("Paul Stroud", "Helen Stroud")
    assert sp.role is None  # no role of the group's: "Governor" is Paul Stroud's alone
    text2 = "Both Mayor Ed Lyle and his wife Nora said the park should stay open."
    assert speaker_of(text2, "park").others == ("Ed Lyle", "Nora Lyle")


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_a_persons_possessive_is_no_part_of_their_name(apostrophe) -> None:
    text = (
        f"We asked whether Dana Whitfield{apostrophe}s story would sway voters.\n\n"
        "Whitfield said the story was true."
    )
    sp = speaker_of(text, "story was true")
    assert (sp.name, sp.kind) == ("Dana Whitfield", "person")


def test_an_organisations_own_s_stays_in_its_name() -> None:
    sp = speaker_of("McDonald's said the new menu would reach every store by May.", "menu")
    assert (sp.name, sp.kind) == ("McDonald's", "organization")


def test_person_name_drops_only_a_possessive() -> None:
    assert person_name("Jo  Roe's") == "Jo Roe"
    assert person_name("Jo Roe\u2019s") == "Jo Roe"
    assert person_name("Dana O'Sullivan") == "Dana O'Sullivan"


def test_a_titled_persons_surname_is_theirs_not_a_places() -> None:
    text = (
        "County Judge Maria Toledo rejected the request on Tuesday.\n\n"
        '"Were the court to open the sealed files to public view, it would take a side in the '
        'race," Toledo wrote.\n\n'
        "Toledo added that the court had no business judging the news value of the files."
    )
    for piece in ("sealed files", "news value"):
        sp = speaker_of(text, piece)
        assert (sp.name, sp.kind) == ("Maria Toledo", "person")
    # no person of that name: the city speaks
    sp = speaker_of("Toledo said the water was safe to drink again.", "water")
    assert (sp.name, sp.kind) == ("Toledo", "government")


def test_a_first_named_persons_surname_is_theirs_not_a_places() -> None:
    text = (
        "On the last day, Martin Molvany spoke in a packed hall. Molvany is telling the crowd "
        "that voters were tired."
    )  # the NER takes "Molvany" alone for a place
    sp = speaker_of(text, "voters were tired")
    assert (sp.name, sp.kind) == ("Martin Molvany", "person")


@pytest.mark.parametrize(
    ("text", "piece", "name", "role", "affiliation"),
    [
        (  # a second role joined to the first, and a clause on the study, stay out
            'Maria Lopez, an associate professor of physics at Lakeside University and co-author '
            'of the study published on Tuesday, said the comet was bright.',
            "comet", "Maria Lopez", "associate professor of physics", "Lakeside University",
        ),
        (  # the second role the parser hangs on the body stays out of the affiliation
            "Tom Reyes, a senior fellow at the Marlow Institute and a former trade negotiator, "
            "said tariffs would hurt farmers.",
            "tariffs", "Tom Reyes", "senior fellow", "Marlow Institute",
        ),
        (  # where the body is, is not the body
            "Ana Petrov, a political science professor at Dunmore University in Ohio, said the "
            "talks had stalled.",
            "talks", "Ana Petrov", "political science professor", "Dunmore University",
        ),
        (  # a relative clause is no role
            "Rosa Banda, a spokeswoman for the Hillcrest Water Board who joined last year, said "
            "the pipes were safe.",
            "pipes", "Rosa Banda", "spokeswoman", "Hillcrest Water Board",
        ),
        (  # no named body after "at": the role keeps its words
            "Omar Haddad, a nurse at the local clinic, said the wait was too long.",
            "wait", "Omar Haddad", "nurse at the local clinic", None,
        ),
        (  # when a role was held is no part of it
            "Omar Fadel, a spokesman for the mayor during the campaign, said the money was "
            "returned.",
            "money", "Omar Fadel", "spokesman for the mayor", None,
        ),
        (  # nor what the person served was busy with
            "Dana Whitlock, a senior policy aide to Governor Ray Mills on the state's budget "
            "talks with the unions, said the offer was final.",
            "offer", "Dana Whitlock", "senior policy aide to Governor Ray Mills", None,
        ),
        (  # the place of the person served stays
            "Tim Cole, chief of staff to Sen. Ann Holt of Ohio, said the vote would be close.",
            "vote", "Tim Cole", "chief of staff to Sen. Ann Holt of Ohio", None,
        ),
        (  # the body after a phrase of the role: "at" need not hang on its head
            "Bo Lin, a senior analyst for emerging markets at Harrow Stanley, said rates would "
            "rise.",
            "rates", "Bo Lin", "senior analyst for emerging markets", "Harrow Stanley",
        ),
        (  # a body named after its description
            "Arun Patel, chief analyst of mobile VR/AR at chip market research firm QXR, "
            "said sales would fall.",
            "sales", "Arun Patel", "chief analyst of mobile VR AR", "QXR",
        ),
        (  # "for" inside a body's name is the name's
            "Lea Brandt, director of the Institute for Coastal Research, said the dunes were "
            "moving.",
            "dunes", "Lea Brandt", "director of the Institute for Coastal Research", None,
        ),
        (  # a subject the role is about stays
            "Jo Roe, an adviser on foreign policy to the senator, said the trip was off.",
            "trip", "Jo Roe", "adviser on foreign policy to the senator", None,
        ),
    ],
)  # fmt: skip
def test_an_appositive_role_and_the_body_it_is_held_at(
    text, piece, name, role, affiliation
) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.kind) == (name, "person")
    assert (sp.role, sp.affiliation) == (role, affiliation)


def test_who_after_a_persons_job_for_a_body_is_the_person() -> None:
    text = (
        "The hearing was led by Li Wei, a lawyer for the Green Valley Coalition who said the "
        "permit had been granted illegally."
    )
    sp = speaker_of(text, "permit")
    assert (sp.name, sp.kind) == ("Li Wei", "person")


def test_a_body_after_at_is_its_name_without_the_words_before_it() -> None:
    text = (
        "Jon Park, a research director at market research firm Quantix, said the headsets "
        "sold poorly."
    )
    sp = speaker_of(text, "headsets")
    assert (sp.name, sp.role, sp.affiliation) == ("Jon Park", "research director", "Quantix")


def test_a_name_in_apposition_inside_a_body_stays_in_it() -> None:
    text = (
        "Ines Mora, an immunologist at the University of Westland Carver City, said the "
        "vaccine worked."
    )
    sp = speaker_of(text, "vaccine")
    assert (sp.name, sp.role) == ("Ines Mora", "immunologist")
    assert sp.affiliation is not None and sp.affiliation.startswith("University of Westland")


@pytest.mark.parametrize(
    ("text", "piece", "name", "role", "affiliation"),
    [
        (
            "Foreign Minister Amara Diallo of Senegal said her country had offered every "
            "compromise.",
            "country had", "Amara Diallo", "Foreign Minister", "Senegal",
        ),
        (
            "Sen. Dana Whitfield of Ohio said the bill would pass.",
            "bill would", "Dana Whitfield", "Sen.", "Ohio",
        ),
        (  # no title: where she is from, not what she is part of
            "Dana Whitfield of Ohio said the bill would pass.",
            "bill would", "Dana Whitfield", None, None,
        ),
        # an office written with a people's word is held for that country
        (
            "Her counterpart, Mauritanian Foreign Minister Fatou Ba, said the border would "
            "stay open.",
            "border would", "Fatou Ba", "Foreign Minister", "Mauritania",
        ),
        (
            "The Kenyan foreign minister, Ruth Wanjiru, said the talks would resume.",
            "talks would", "Ruth Wanjiru", "foreign minister", "Kenya",
        ),
        (
            "Senegalese President Amadou Sall said the region needed calm.",
            "region needed", "Amadou Sall", "President", "Senegal",
        ),
        (  # a body's name after the people's word: the role stays whole
            "Jo Roe, an American Enterprise Institute scholar, said the plan would fail.",
            "plan would", "Jo Roe", "American Enterprise Institute scholar", None,
        ),
        (  # a nationality, no office of a state: no affiliation
            "Ann Poe, a Latvian novelist, said the vote was close.",
            "vote was", "Ann Poe", "Latvian novelist", None,
        ),
    ],
)  # fmt: skip
def test_an_office_of_a_place_or_body_is_affiliated_to_it(
    text, piece, name, role, affiliation
) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.role, sp.affiliation) == (name, role, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        "The Hollister Falls Chamber of Commerce said in a statement that it backed the plan.",
        "Hollister Falls Chamber of Commerce said in a statement that it backed the plan.",
    ],
)
def test_a_body_the_ner_takes_for_a_person_is_a_body_by_its_head_and_of(text) -> None:
    sp = speaker_of(text, "backed the plan")
    assert (sp.name, sp.kind) == ("Hollister Falls Chamber of Commerce", "organization")


def test_a_person_whose_surname_is_a_body_word_stays_a_person() -> None:
    sp = speaker_of("Sen. Frank Church said the treaty was a mistake.", "treaty was")
    assert (sp.name, sp.kind) == ("Frank Church", "person")


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        (
            '"We pray for their recovery," said White House Press Secretary Dana Wirth.',
            "Press Secretary", "White House",
        ),
        ('"We pray for them," said Press Secretary Ann Kole.', "Press Secretary", None),
        ('"No comment," said Associated Press reporter Tim Marsh.', "reporter", "Associated Press"),
    ],
)  # fmt: skip
def test_a_press_secretary_works_for_no_outlet(text, role, affiliation) -> None:
    sp = speaker_of(text, "pray" if "pray" in text else "comment")
    assert (sp.role, sp.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ('"The agency failed," said Sen. Ann Holt, R-Ohio, the committee\'s chairman.',
         "Republican of Ohio"),
        ('"The agency failed," said Sen. Tom Reed (D-Mich.), the ranking member.',
         "Democrat of Michigan"),
        # a state alone says no party (the place of a title stays), nor does a name alone,
        # and the body of a title stays the affiliation
        ('"The agency failed," said Sen. Ann Holt of Ohio.', "Ohio"),
        ('"The agency failed," said Sen. Ann Holt.', None),
        ('"We will vote no," said Senate Majority Leader Carl Dunn, R-Ky.', "Senate"),
    ],
)  # fmt: skip
def test_a_lawmakers_tag_gives_the_party_and_state(text, affiliation) -> None:
    sp = speaker_of(text, "agency" if "agency" in text else "vote")
    assert sp.kind == "person"
    assert sp.affiliation == affiliation


def test_a_role_is_stored_with_single_spaces() -> None:
    sp = speaker_of(
        "Republican vice-presidential nominee\u00a0 Gov.\u00a0Mike Pence said his running mate "
        "would win.",
        "running mate",
    )
    assert (sp.name, sp.role) == ("Mike Pence", "Republican vice-presidential nominee Gov.")


def test_a_lawmakers_tag_where_first_named_gives_the_party() -> None:
    text = (
        "The hearing ran late on Tuesday, and Sen. Lina Graff (R-S.C.) walked out before the "
        'vote.\n\n"This is a sham," Graff said.'
    )
    sp = speaker_of(text, "sham")
    assert (sp.name, sp.role, sp.affiliation) == (
        "Lina Graff",
        "Sen.",
        "Republican of South Carolina",
    )


def test_a_headline_s_capitalised_common_word_is_nobody_s_name() -> None:
    sp = speaker_of("Anchor Said The Storm Would Hit The Coast By Friday.", "Storm")
    assert (sp.name, sp.kind) == ("anchor", "unnamed")
    sp = speaker_of("Vantor Says The Wall Will Be Built By Spring.", "Wall")
    assert (sp.name, sp.kind) == ("Vantor", "person")  # a rare word: a name


def test_a_person_named_after_a_body_joined_by_and_is_a_person() -> None:
    sp = speaker_of("The firm and its chief, Jane Roe, said the plan was sound.", "plan")
    assert (sp.name, sp.kind) == ("Jane Roe", "person")
    text = (
        "The company and Ruritania's minister for the elderly, Jane Roe, confirmed that the "
        "plant would close."
    )
    sp = speaker_of(text, "plant")
    assert (sp.name, sp.kind) == ("Jane Roe", "person")
    # a body's own name after its description stays the body's
    sp = speaker_of("The company, Fairco, said prices would rise.", "prices")
    assert (sp.name, sp.kind) == ("Fairco", "organization")


def test_a_person_named_after_an_outlet_and_a_title_is_a_person() -> None:
    text = "Harbor FM Vice President for sports and music Dave Roe said the show would end."
    sp = speaker_of(text, "show")
    assert (sp.name, sp.kind, sp.affiliation) == ("Dave Roe", "person", "Harbor FM")
    # the one a title serves, or several people's names, are no title-holder's name
    sp = speaker_of("The adviser to Barack Obama said the talks failed.", "talks")
    assert sp.kind == "unnamed"
    sp = speaker_of("Both Mr. King and Mr. Poe said the talks failed.", "talks")
    assert sp.kind == "group"


def test_a_team_of_a_city_and_a_plural_noun_is_no_person() -> None:
    sp = speaker_of("The Charlotte Panthers said the stadium would open in May.", "stadium")
    assert (sp.name, sp.kind) == ("Charlotte Panthers", "organization")
    # no "the" before it: a first name and a surname
    sp = speaker_of("Charlotte Roberts said the stadium would open in May.", "stadium")
    assert (sp.name, sp.kind) == ("Charlotte Roberts", "person")


def test_a_job_before_a_name_the_ner_takes_for_a_body_makes_a_person() -> None:
    from spacy.tokens import Span

    from claimtrack.extract.nlp import load
    from claimtrack.extract.speakers import analyse_mention

    text = "Prize-winning author Tomas Ilvex made a case for reading."
    doc = load()(text)
    name = [t for t in doc if t.text in ("Tomas", "Ilvex")]
    doc.ents = [Span(doc, name[0].i, name[-1].i + 1, label="ORG")]  # as the NER may read it
    actor = analyse_mention(name[-1], 0, text.index(" made"))
    assert (actor.name, actor.kind) == ("Tomas Ilvex", "person")
    # no job before the name: the NER's organisation stays one
    text = "Tomas Ilvex made a case for reading."
    doc = load()(text)
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    assert analyse_mention(doc[1], 0, text.index(" made")).kind == "organization"


def test_a_star_of_television_in_apposition_is_a_person_not_media() -> None:
    text = (
        "Actress Kerry Lindell campaigned for the senator on Monday.\n\n"
        "Lindell, star of television\u2019s \u201cHarbor,\u201d said the ads were unfair."
    )
    sp = speaker_of(text, "ads")
    assert (sp.name, sp.kind) == ("Kerry Lindell", "person")


@pytest.mark.parametrize(
    ("text", "piece", "name", "role", "affiliation"),
    [
        (  # a common noun's possessive: no body, the role keeps it
            "The party's 2016 nominee Dana Kell said the plan would fail.",
            "plan would", "Dana Kell", "party's 2016 nominee", None,
        ),
        (
            "The party’s 2008 nominee, Harold Brenn, said the plan would fail.",
            "plan would", "Harold Brenn", "party’s 2008 nominee", None,
        ),
        (  # an outlet's desk before the job is the job's
            "Harbour News National Security editor Tom Lyle said the report was false.",
            "report was", "Tom Lyle", "National Security editor", "Harbour News",
        ),
        (  # where a clause on the role places them
            "Dr. Lena Orcutt, an economist who studies farm prices at Westmere University, "
            "said the fee was too high.",
            "fee was", "Lena Orcutt", "economist", "Westmere University",
        ),
        (  # the body a name is "of", without a title
            "Mira Holt of the Eastfield Policy Institute said the ruling was a victory.",
            "ruling was", "Mira Holt", None, "Eastfield Policy Institute",
        ),
    ],
)  # fmt: skip
def test_a_role_and_affiliation_a_fact_checker_accepts(
    text, piece, name, role, affiliation
) -> None:
    sp = speaker_of(text, piece)
    assert (sp.name, sp.role, sp.affiliation) == (name, role, affiliation)


def test_the_second_of_two_names_keeps_the_body_it_is_of() -> None:
    from claimtrack.extract import extract

    text = (
        "The tenants' lawyers, Omar Feld and Rina Kosta of the Western Housing Center, said "
        "the ruling was a victory. Kosta said the tenants were told nothing."
    )
    kosta = [c.speaker for c in extract(text) if c.speaker.name == "Rina Kosta"]
    assert kosta and kosta[0].affiliation == "Western Housing Center"
