"""The general-news taxonomy (issue 19): a tree on the IPTC Media Topics, ambiguous keywords
that need company, --topic PARENT finding its children, and `topics suggest`. Sentences and
articles are written for the project."""

from __future__ import annotations

import pytest

from claimtrack.errors import UserError
from claimtrack.store.taxonomy import (
    TopicDef,
    agree,
    ambiguous_topics,
    article_subject,
    article_topics,
    descendants,
    frame_of,
    has_subject,
    headline_words,
    load_taxonomy,
    own_words,
    roots,
    tag,
    topical_heading,
)
from tests.conftest import rows

TREE = [
    TopicDef("conflict", "Conflict, war and peace", ("war",), None, "medtop:16000000"),
    TopicDef("peace-process", "Peace process", ("peace talks", "~talks"), "conflict"),
    TopicDef("ceasefire", "Ceasefire", ("ceasefire", "truce"), "peace-process"),
    TopicDef("territory", "Territorial disputes", ("territorial", "~territor*"), "conflict"),
    TopicDef("politics", "Politics", ("politic*",), None, "medtop:11000000"),
    TopicDef("parties", "Political parties", ("republican*",), "politics"),
]


def slugs(found: list[tuple[str, str]]) -> set[str]:
    return {s for s, _ in found}


def test_the_tree_gives_roots_and_descendants():
    assert roots(TREE)["ceasefire"] == "conflict"
    assert descendants(TREE, ["conflict"]) == {
        "conflict",
        "peace-process",
        "ceasefire",
        "territory",
    }
    assert descendants(TREE, ["ceasefire"]) == {"ceasefire"}


def test_an_ambiguous_word_alone_tags_nothing():
    assert slugs(tag(TREE, "a seat in unfriendly territory for Republicans")) == {"parties"}
    assert slugs(tag(TREE, "the talks went on past midnight")) == set()


def test_an_ambiguous_word_counts_next_to_a_keyword_of_its_tree():
    found = slugs(tag(TREE, "a truce that would see both sides swap some territory"))
    assert found == {"ceasefire", "territory"}
    # or under a heading of its tree
    assert "peace-process" in slugs(tag(TREE, "the talks resume", heading="Ceasefire in sight"))


def test_the_default_taxonomy_is_a_tree_on_iptc_codes():
    tax = load_taxonomy()
    by = {t.slug: t for t in tax}
    top = [t for t in tax if t.parent is None]
    assert len(top) == 17 and all(t.code and t.code.startswith("medtop:") for t in top)
    assert roots(tax)["ceasefire"] == "conflict"
    for seed_topic in ("ceasefire", "long-term-solution", "territory", "bilateral-relations"):
        assert seed_topic in by
    assert all(t.parent in by for t in tax if t.parent)


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        ("the county's voters turned out in record numbers", "elections"),
        ("the tariff on imported steel will rise", "trade"),
        ("the hospital ran out of vaccines", "health"),
        ("the senator said the ceasefire would hold", "ceasefire"),
        ("the researchers said the spacecraft would reach the moon", "science-technology"),
        ("a diet high in protein led to weight loss", "health"),
        ("the hostages were freed on Sunday", "crime"),
        ("the coast guard will get a new ship", "security"),
        ("a bomb threat closed the airport", None),
        ("it was a lovely day", None),
    ],
)
def test_default_taxonomy_tags_general_news(sentence: str, want: str | None):
    found = slugs(tag(load_taxonomy(), sentence))
    assert (want in found) if want else not found - {"politics", "government"}, found


def test_a_bad_tree_is_refused_with_the_fix(tmp_path):
    bad = tmp_path / "t.toml"
    bad.write_text('[[topic]]\nslug = "a"\nparent = "b"\n', encoding="utf-8")
    with pytest.raises(UserError, match="parent 'b' is not a topic"):
        load_taxonomy(bad)
    bad.write_text(
        '[[topic]]\nslug = "a"\nparent = "b"\n[[topic]]\nslug = "b"\nparent = "a"\n',
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="its own ancestor"):
        load_taxonomy(bad)


FERRY_A = """Ferry fares to rise

Mayor Dana Whitfield said the ferry timetable would change in spring.

"The ferry timetable is a mess," said Omar Haddad, a fisherman.

Ruth Okafor, the treasurer, said the new ferry timetable would please nobody.
"""

FERRY_B = """Islanders split over timetable

Ian Cole said the ferry timetable suited commuters.

Bea Lund said the ferry timetable ignored the night shift.
"""


def test_topic_parent_finds_children_and_suggest_adds_a_topic(cli, db_url, tmp_path):
    for name, text in (("a.txt", FERRY_A), ("b.txt", FERRY_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    cli("ingest", str(tmp_path), "--published", "2016-05-02", "--quiet", db=db_url)
    found = rows(cli, db_url, "topics", "suggest", "--limit", "5")
    assert found[0]["phrase"] == "ferry timetable" and found[0]["claims"] >= 4
    assert found[0]["sources"] == 2 and found[0]["example_claims"]
    bad = cli("topics", "suggest", "--add", "99", db=db_url, ok=False)
    assert bad.exit_code == 1 and "give its number" in bad.output
    result = cli("topics", "suggest", "--add", "1", "--parent", "lifestyle", db=db_url)
    assert "added topic ferry-timetable" in result.stderr
    tagged = rows(cli, db_url, "who-said", "--topic", "ferry-timetable")
    assert len(tagged) == found[0]["claims"]
    # the new topic sits under lifestyle: asking for the parent finds its claims
    parent = {r["claim_id"] for r in rows(cli, db_url, "who-said", "--topic", "lifestyle")}
    assert {r["claim_id"] for r in tagged} <= parent
    listed = {r["slug"]: r for r in rows(cli, db_url, "topics", "list")}
    assert listed["ferry-timetable"]["parent"] == "lifestyle"
    assert listed["conflict"]["code"] == "medtop:16000000"
    # every claim has a topic now: nothing more to add, and the message says so
    none = cli("topics", "suggest", "--add", "1", db=db_url, ok=False)
    assert none.exit_code == 1 and "no suggestions" in none.output


def test_conflict_includes_ceasefire_on_the_seed(cli, db_url):
    from tests.conftest import SEEDS

    cli("ingest", str(SEEDS), "--quiet", db=db_url)
    ceasefire = {r["claim_id"] for r in rows(cli, db_url, "who-said", "--topic", "ceasefire")}
    conflict = {r["claim_id"] for r in rows(cli, db_url, "who-said", "--topic", "conflict")}
    assert ceasefire and ceasefire <= conflict
    speakers = {r["speaker"] for r in rows(cli, db_url, "who-said", "--topic", "ceasefire")}
    assert {"Donald Trump", "Yuri Ushakov"} <= speakers


def test_the_rest_of_the_sentence_counts_only_when_the_claim_has_no_topic_of_its_own():
    frame = "At the peace talks in Geneva, the envoy said   the deadline would be hard to meet"
    assert tag(TREE, "the deadline would be hard to meet", frame=frame) == [
        ("peace-process", "sentence")
    ]
    assert tag(TREE, "the war would go on", frame=frame) == [("conflict", "keyword")]
    # the speaker is left out of the frame: "Republican senator" is who, not what; the
    # frame keeps the sentence's offsets (the speaker is blanked)
    sentence = "Republican senator Ann Holt said it would be hard."
    assert frame_of(sentence, 100, (100, 127)) == " " * 27 + " said it would be hard."
    assert tag(TREE, "it would be hard", frame=frame_of(sentence, 100, (100, 127))) == []


def test_a_keyword_in_capitals_matches_only_in_capitals():
    spies = [TopicDef("security", "Security", ("CIA", "spy*"))]
    assert slugs(tag(spies, "the CIA briefed the committee")) == {"security"}
    assert slugs(tag(spies, "a win for our state delegate, Cia Moreno")) == set()
    # lower case keywords still match in any case
    assert slugs(tag(spies, "SPYING ON THE TRAIN")) == {"security"}


def test_an_exclusion_hides_its_words_from_its_topic_only():
    tree = [
        TopicDef("police", "Law enforcement", ("prison*", "!prisoners of war")),
        TopicDef("war", "Conflict", ("war",)),
    ]
    assert slugs(tag(tree, "he insulted former prisoners of war")) == {"war"}
    assert slugs(tag(tree, "the prison was overcrowded")) == {"police"}
    assert slugs(tag(tree, "prisoners of war and prison guards alike")) == {"war", "police"}


@pytest.mark.parametrize(
    ("claim", "frame", "wrong"),
    [
        # a party or a title before a name says who, not what about
        ("Democratic presidential nominee Ann Holt was a disgrace", None, "elections"),
        ("the mayor, Tom Reyes, called it an intentional act", None, "government"),
        # "federal" and "the administration" name the actor
        ("I pay federal taxes", None, "government"),
        # an attribution after the content: who and where, not what about
        ("the markets are calm", "the markets are calm, the minister told reporters", None),
    ],
)
def test_words_that_name_who_speaks_do_not_tag(claim, frame, wrong):
    found = slugs(tag(load_taxonomy(), claim, frame=frame))
    assert wrong not in found if wrong else "mass-media" not in found, found


def test_the_frame_is_the_lead_in_when_the_speaker_follows_the_content():
    sentence = "Prices will fall, the trade minister told reporters at the summit."
    # content at 100, speaker "the trade minister" after it
    assert frame_of(sentence, 100, (118, 136), 100) == ""
    lead = "At the peace talks, the envoy said the deadline would be hard to meet."
    # speaker before the content: the whole sentence without the speaker
    frame = frame_of(lead, 0, (20, 29), 35)
    assert frame == "At the peace talks,           said the deadline would be hard to meet."
    assert tag(TREE, "the deadline would be hard to meet", frame=frame) == [
        ("peace-process", "sentence")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The general told US media this month that the base would stay open.",
        "On Monday the minister wrote in an email that the base would stay open.",
        "The mayor tweeted that the base would stay open.",
    ],
)
def test_the_channel_of_a_claim_is_not_its_topic(sentence):
    content = "the base would stay open"
    frame = frame_of(sentence, 0, None, sentence.index(content))
    found = slugs(tag(load_taxonomy(), "it would stay open", frame=frame))
    assert not found & {"mass-media", "science-technology"}, found


def test_a_campaign_that_is_no_election_campaign_is_not_elections():
    tax = load_taxonomy()
    assert "elections" not in slugs(tag(tax, "the city's ad campaign for the new ferry worked"))
    assert "elections" not in slugs(tag(tax, "fans met at the sci-fi convention"))
    assert "elections" in slugs(tag(tax, "the campaign said the senator would win"))
    assert "elections" in slugs(tag(tax, "delegates left the Republican convention early"))


def test_a_word_with_a_plain_sense_elsewhere_needs_company():
    tax = load_taxonomy()
    assert "science-technology" not in slugs(
        tag(tax, "her campaign's battle cry to save the planet")
    )
    assert "health" not in slugs(tag(tax, "the debate is infected with tribalism"))
    assert "health" in slugs(tag(tax, "the infection spread through the ward"))


@pytest.mark.parametrize(
    ("sentence", "want"),
    [
        # sport: disciplines, events, coaching, transactions
        ("the quarterback threw two touchdowns in the second half", "competition-discipline"),
        ("the team clinched a playoff spot with a win over the visitors", "sport-event"),
        ("the head coach said his defense played its best game", "sports-coaching"),
        ("the club signed the striker as a free agent", "sports-transaction"),
        # arts, culture, entertainment; celebrity
        ("the actress will star in a sequel next summer", "arts-entertainment"),
        ("the singer's new album topped the charts", "arts-entertainment"),
        ("the royal family has asked the paparazzi to keep away", "celebrity"),
        # economy, business and finance
        ("the startup's chief executive stepped down before its IPO", "business-enterprise"),
        ("the share price fell after weak quarterly results", "market-exchange"),
        ("the smartwatch will be half price on Black Friday", "products-services"),
        # science and technology
        ("engineers trained the robot with machine learning", "technology-engineering"),
        ("the bacteria evolved a receptor that senses sugar", "natural-science"),
        ("scientists published in the journal a study of sleep", "scientific-research"),
        # health and lifestyle
        ("the outbreak of measles infected forty children", "disease-condition"),
        ("a short yoga session before bed helps with stress", "wellness"),
    ],
)
def test_the_new_branches_tag_their_news(sentence: str, want: str):
    assert want in slugs(tag(load_taxonomy(), sentence))


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # ambiguous words that mean something else outside their branch
        ("the candidate won the race for governor", "competition-discipline"),
        ("the senator gave a softball answer on the stage", "arts-entertainment"),
        ("he was branded a liar by the press", "business-enterprise"),
        ("the political scientist said turnout would be low", "scientific-research"),
        ("the governor questioned the nominee's fitness for office", "wellness"),
        ("the scheme relied on social engineering", "technology-engineering"),
        ("the court heard the case of the stolen car", "disease-condition"),
        ("the executive order angered the business lobby", "business-enterprise"),
    ],
)
def test_the_new_branches_leave_other_senses_alone(sentence: str, wrong: str):
    assert wrong not in slugs(tag(load_taxonomy(), sentence))


def test_the_new_branches_carry_iptc_codes_under_their_top_level_topic():
    tax = load_taxonomy()
    top = roots(tax)
    by = {t.slug: t for t in tax}
    want = {
        "competition-discipline": ("sport", "medtop:20000822"),
        "sport-event": ("sport", "medtop:20001108"),
        "arts-entertainment": ("arts-culture", "medtop:20000002"),
        "business-enterprise": ("economy", "medtop:20000349"),
        "market-exchange": ("economy", "medtop:20000385"),
        "products-services": ("economy", "medtop:20000209"),
        "technology-engineering": ("science-technology", "medtop:20000756"),
        "celebrity": ("human-interest", "medtop:20000505"),
    }
    for slug, (root, code) in want.items():
        assert top[slug] == root and by[slug].code == code, slug


def test_a_keyword_that_is_part_of_a_persons_name_does_not_tag():
    health = [TopicDef("health", "Health", ("doctor*", "FBI"))]
    assert slugs(tag(health, "a column by the media analyst Ken Doctor on local papers")) == set()
    assert slugs(tag(health, "the doctor said the patient would recover")) == {"health"}
    assert slugs(tag(health, "Doctors said the patient would recover")) == {"health"}
    # a keyword written with capitals is a name of its own: it counts next to a person's name
    assert slugs(tag(health, "FBI Director Ann Holt said so")) == {"health"}


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("the accident closed the motorway for hours", "disaster", None),
        ("the infection was not accidental but a normal part of the gut", None, "disaster"),
        ("a shooting outside the bar left two men injured", "crime", None),
        ("the rebels said they were shooting down the helicopter", None, "crime"),
        ("solar panels will cut the power bill", "energy", None),
        ("liquid water is rare across the solar system", None, "energy"),
        ("the murder trial opens on Monday", "judiciary", None),
        ("the impeachment trial could keep senators in Washington", None, "judiciary"),
        ("the war in the east has cost thousands of lives", "conflict", None),
        ("the trade war weighed on the markets again", "trade", "conflict"),
        ("the two candidates will meet in the first debate", "elections", None),
        ("a public debate over school uniforms", None, "elections"),
        ("she sent her emails to the whole staff", None, "science-technology"),
        ("hackers read the emails of the agency", "science-technology", None),
        ("conservative Republicans in the House voted no", "political-parties", None),
        ("by a conservative estimate the repairs cost more", None, "political-parties"),
        ("a progressive tax on the highest incomes", "taxes", "political-parties"),
        ("progressives in the party pushed for a higher minimum wage", "political-parties", None),
        ("consumers will pay the tariff in the end", "economy", "products-services"),
        ("the deputies seized crystal meth in the car", "crime", None),
        ("her first book of poetry sold well", "arts-entertainment", None),
        ("the win stretched their winning streak to five games", "competition-discipline", None),
        ("border agents found the drugs in a truck", "immigration", None),
        ("the firm filed a patent for the hinge", "business-enterprise", None),
        ("the firm's trademarks cover the logo", "business-enterprise", None),
        ("he built the towers in his trademark gold style", None, "business-enterprise"),
        ("a course of steroids sped up his recovery", "health", None),
        ("the new web browser blocks trackers", "technology-engineering", None),
        ("the book is a classic of science fiction", "arts-entertainment", "science-technology"),
        ("scientists said the science was settled", "science-technology", None),
        ("the establishment of the settlements was lawful", None, "political-parties"),
        ("tariffs changed the rules of international trade", "trade", "international-relations"),
        ("the two ministers met at an international summit", "international-relations", None),
    ],
)
def test_word_senses_of_general_news(sentence: str, want: str | None, wrong: str | None):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # a prefix keyword reaches only its own words
        ("it is important to get the numbers right", None, "trade"),
        ("tariffs on imported steel will rise", "trade", None),
        ("she firmly denied that she had met him", None, "business-enterprise"),
        ("the new Sportback wagon goes on sale next year", None, "sport"),
        ("the sports league will add two teams", "sport", None),
        ("the storm subsided overnight", None, "economy"),
        ("farm subsidies will be cut next year", "economy", None),
        ("he thanked them for their courtesy", None, "judiciary"),
        ("the court threw out the case", "judiciary", None),
        # a word in another sense
        ("a majority in the Electoral College", "elections", "education"),
        ("the political climate in the capital is tense", None, "climate"),
        ("carbon, oxygen and nitrogen are common in comets", None, "climate"),
        ("carbon emissions rose again last year", "climate", None),
        ("the current environment is hard for small shops", None, "environment"),
        ("the plant poisoned the environment", "environment", None),
        ("a retired general spoke at the dinner", None, "labour"),
        ("retirement savings have shrunk", "labour", None),
        ("she has a lifelong love of Churchill", None, "religion"),
        ("the church will reopen in spring", "religion", None),
        ("he is a political hack", None, "science-technology"),
        ("hackers broke into the council's network", "science-technology", None),
        ("it showed poor judgment", None, "society"),
        ("poor families will get help with rent", "society", None),
        ("a veteran reporter asked the question", None, "society"),
        ("veterans wait months for care", "society", None),
        ("the Senate minority leader objected", None, "society"),
        ("Amnesty International condemned the arrests", None, "immigration"),
        ("the war on drugs has failed", None, "conflict"),
        ("she came to his defense at once", None, "security"),
        ("defense spending will rise by a tenth", "security", None),
        ("the speaker may use the nuclear option", None, "security"),
        ("the speakers have a premium sound", None, "health-care"),
        ("premiums will rise for older buyers", "health-care", None),
        ("the office was flooded with calls", None, "disaster"),
        ("flooding closed the coast road", "disaster", None),
        ("Politico reported the meeting first", None, "politics"),
        ("only a political settlement can end it", "long-term-solution", "politics"),
        ("the town's anti-drug campaign is working", None, "elections"),
        ("he scored in a triple overtime game", None, "labour"),
        ("overtime pay for nurses will go up", "labour", None),
        ("a novel approach to the budget", None, "arts-entertainment"),
        ("her first novel sold well", "arts-entertainment", None),
        ("the band's new album is out", "arts-entertainment", None),
        ("the senator's fundraising slowed in March", "elections", None),
        ("he was charged with fraud and theft", "judiciary", None),
        ("militants attacked the convoy", "armed-conflict", None),
        ("the town has poor bandwidth", "technology-engineering", None),
        ("pathogens in the soil", "natural-science", None),
    ],
)
def test_word_senses_of_unseen_news(sentence: str, want: str | None, wrong: str | None):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("claim", "wrong", "want"),
    [
        ("Democratic presidential candidate Ann Holt's remarks on rain", "elections", None),
        ("the Republican front-runner, Ted Moss, skipped the dinner", "political-parties", None),
        ("her Democratic rival Ann Holt would bring hardship", "political-parties", None),
        ("tax lawyer Ann Holt wrote the letter", "taxes", None),
        # a verb before a name is no description of the person
        ("women will vote for Ann Holt in March", None, "elections"),
        ("the committee will investigate Ann Holt", None, "law-enforcement"),
        # nor is a party that is no title
        ("Republicans like Ted Moss want lower taxes", None, "political-parties"),
    ],
)
def test_a_description_before_a_name_says_who_not_what_about(claim, wrong, want):
    found = slugs(tag(load_taxonomy(), claim))
    assert wrong is None or wrong not in found, found
    assert want is None or want in found, found


def test_a_heading_of_another_tree_does_not_tag_a_claim_with_topics_of_its_own():
    tax = load_taxonomy()
    heading = "Military aid held up for weeks"
    # the claim is about a lawyer: its own topic, not the section's
    found = tag(tax, "the lawyer met the envoy twice", heading=heading)
    assert "justice" in slugs(found) and "security" not in slugs(found), found
    # a claim with no topic of its own takes the heading's: the section is what "it" is about
    assert ("security", "heading") in tag(tax, "the shipments would take weeks", heading=heading)
    assert ("security", "heading") in tag(tax, "it would take weeks", heading=heading)
    # a heading of the claim's own tree stays ("the talks" under a ceasefire heading)
    found = slugs(tag(tax, "the war would end with the talks", heading="Ceasefire in sight"))
    assert {"conflict", "ceasefire"} <= found, found


def test_a_narrow_heading_tags_a_claim_with_topics_of_its_own():
    # a ceasefire heading (two levels down) over a claim about a summit keeps the ceasefire
    found = tag(load_taxonomy(), "the summit would resolve the crisis", heading="1. Ceasefire")
    assert {"international-relations", "ceasefire"} <= slugs(found), found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("the galaxies formed in a natural fashion", None, "lifestyle"),
        ("she will open Paris fashion week", "lifestyle", None),
        ("employees in the legal department will be told first", None, "justice"),
        ("the cells respond to the external environment", None, "environment"),
        ("she told The Hollywood Reporter it was a hit", "mass-media", "arts-culture"),
    ],
)
def test_names_and_idioms_that_are_no_topic(sentence: str, want: str | None, wrong: str | None):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("the Islamic State was contained", "terrorism", "religion"),
        ("the mosque will reopen on Friday", "religion", None),
        ("an odd turnout pattern in a Democratic primary", "elections", "political-parties"),
        ("he won in a heavily Republican state", None, "political-parties"),
        ("Republicans in the House voted no", "political-parties", None),
        ("he said so on a conference call with reporters", None, "mass-media"),
        ("servers at the diner rely on tips", None, "science-technology"),
        ("her private email server was hacked", "science-technology", None),
    ],
)
def test_senses_of_political_news(sentence: str, want: str | None, wrong: str | None):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("it would not stop the crackdown by offering concessions", None, "elections"),
        ("the senator conceded the race on Wednesday night", "elections", None),
        ("an officer of the state Department of Health said so", None, "health"),
        ("the clinic's doctors treated the flu", "health", None),
    ],
)
def test_who_and_other_senses_leave_the_topic_alone(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("Republicans are responsible for human rights abuses", "fundamental-rights", None),
        ("the regime is responsible for human rights abuses", None, "political-parties"),
        ("it is a progressive disease of the lungs", None, "political-parties"),
        ("the far right gained seats in the election", "political-parties", None),
        ("conservatives on the right of the party want a vote", "political-parties", None),
    ],
)
def test_the_political_camps_are_no_rights_nor_diseases(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("said an immunologist at the University of Leeds", None, "education"),
        ("a study by the Centre for Economic Research found it", None, "economy"),
        ("the University will close two campuses", "education", None),
        ("the Department of Justice opened a case", "law-enforcement", None),
        ("he needs the Electoral College to win", "elections", None),
    ],
)
def test_a_word_in_an_institutions_name_says_who(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_borrowed_topic_stays_only_where_the_article_agrees():
    own = {"ceasefire": "keyword"}
    borrowed = {"peace-process": "sentence"}
    heading = {"territory": "heading"}
    # another claim carries it (or a topic under it) from its own words: kept
    assert agree(TREE, [{"parties": "keyword"}, {"politics": "heading"}])[1] == {
        "politics": "heading"
    }
    assert agree(TREE, [own, borrowed]) == [own, borrowed]
    assert agree(TREE, [{"peace-process": "keyword"}, borrowed])[1] == borrowed
    # no other claim does: dropped, from its sentence or its heading alike
    assert agree(TREE, [{"parties": "keyword"}, borrowed, heading]) == [
        {"parties": "keyword"},
        {},
        {},
    ]
    # the claim's own sentence does not back itself, a twin borrowing does not either
    assert agree(TREE, [borrowed, borrowed]) == [{}, {}]
    # the headline backs it
    assert agree(TREE, [borrowed], headline="Peace talks resume in Geneva") == [borrowed]
    # a topic of the claim's own words is never dropped
    assert agree(TREE, [{"territory": "keyword"}]) == [{"territory": "keyword"}]


TRADE_TALKS = """Ministers meet in Lisbon

Mina Okafor said the new tariff on steel would raise prices.

At the trade talks in Lisbon, Ivo Marsh said the plan would be hard to sell.
"""

HARBOUR_DAY = """A busy day at the harbour

Ines Dale said the new pier would open in May.

At the trade talks in Lisbon, Ivo Marsh said the pier would cost too much.
"""


def test_a_topic_only_the_sentence_gives_needs_another_claim_of_the_article(cli, db_url, tmp_path):
    for name, text in (("talks.txt", TRADE_TALKS), ("harbour.txt", HARBOUR_DAY)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    cli("ingest", str(tmp_path), "--published", "2016-05-02", "--quiet", db=db_url)

    def trade() -> set[str]:
        return {r["content"] for r in rows(cli, db_url, "who-said", "--topic", "trade")}

    want = {"the new tariff on steel would raise prices", "the plan would be hard to sell"}
    # the talks article has another claim on trade: the borrowed topic stays; the harbour
    # article has none: "the pier would cost too much" is no claim about trade
    assert trade() == want
    assert "the pier would cost too much" in {
        r["content"] for r in rows(cli, db_url, "who-said", "--actor", "Ivo Marsh")
    }
    # re-tagging, grouped by article, agrees with ingest
    cli("topics", "retag", db=db_url)
    assert trade() == want


def test_a_corrected_claim_is_tagged_with_its_article_as_at_ingest(cli, db_url, tmp_path):
    (tmp_path / "talks.txt").write_text(TRADE_TALKS, encoding="utf-8")
    cli("ingest", str(tmp_path), "--published", "2016-05-02", "--quiet", db=db_url)

    def trade() -> set[str]:
        return {r["speaker"] for r in rows(cli, db_url, "who-said", "--topic", "trade")}

    assert trade() == {"Mina Okafor", "Ivo Marsh"}
    (okafor,) = rows(cli, db_url, "who-said", "--actor", "Mina Okafor")
    # her claim no longer names the tariff: Marsh's claim, trade only from its sentence,
    # has no other claim of the article on trade left to back it, as a re-tag would find
    cli("claims", "set", str(okafor["claim_id"]), "--content", "would raise prices", db=db_url)
    assert trade() == set()
    cli("topics", "retag", db=db_url)
    assert trade() == set()


def test_an_ambiguous_word_alone_means_its_topic_where_the_article_gives_company():
    talks = "the talks went on past midnight"
    assert tag(TREE, talks) == []
    maybe = ambiguous_topics(TREE, talks)
    assert maybe == {"peace-process": "keyword"}
    truce, war = {"ceasefire": "keyword"}, {"conflict": "keyword"}
    # two other claims on the peace process (a ceasefire is one): the talks are peace talks
    assert agree(TREE, [truce, truce, {}], ambiguous=[{}, {}, maybe])[2] == maybe
    # one is not company enough; nor is a claim on the broader topic
    assert agree(TREE, [truce, war, {}], ambiguous=[{}, {}, maybe])[2] == {}
    # the headline is
    assert agree(TREE, [{}], "Peace talks in Geneva", ambiguous=[maybe]) == [maybe]
    # a claim with a topic of its own keeps just that
    assert agree(TREE, [truce, truce, war], ambiguous=[{}, {}, maybe])[2] == war
    # a top-level topic is too broad to be told by its company
    broad = [*TREE, TopicDef("economy", "Economy", ("economy", "~money"))]
    cash = ambiguous_topics(broad, "the money ran out")
    rich = {"economy": "keyword"}
    assert agree(broad, [rich, rich, {}], ambiguous=[{}, {}, cash])[2] == {}


@pytest.mark.parametrize(
    ("claim", "subject"),
    [
        ("the matter", False),
        ("Ann Holt", False),
        ("him a question", False),
        ("the same for Holt", False),
        ("several hundred", False),
        ("doing anything wrong", False),
        ("that it was over", False),
        ("the ferry timetable would slip", True),
        ("the impact of stress on sleep", True),
        ("", False),
    ],
)
def test_a_subject_of_its_own_is_an_uncommon_word_that_is_no_name(claim, subject):
    assert has_subject(claim) is subject
    # the quote's words count too
    assert has_subject("that it was over", "the timetable slipped")


def test_the_uncommon_stop_words_are_spacys_that_wordfreq_counts_as_uncommon():
    # words.UNCOMMON_STOP_WORDS is written out so that tagging imports no spaCy: it must stay
    # what it stands for (the words has_subject reads: three letters or more, no clitic)
    from claimtrack.store.taxonomy import COMMON
    from claimtrack.words import UNCOMMON_STOP_WORDS, english_frequency, stop_words, words

    derived = {
        w for w in stop_words() if words(w) == [w] and len(w) >= 3 and english_frequency(w) < COMMON
    }
    assert derived == UNCOMMON_STOP_WORDS


def test_a_claim_with_no_subject_of_its_own_borrows_no_topic_from_its_sentence():
    tax = load_taxonomy()
    frame = "After the debate on Tuesday, she said   {} ."
    # "the matter" says nothing of what it is about: the debate is the setting
    assert tag(tax, "the matter", frame=frame.format("the matter")) == []
    assert tag(tax, "Ann Holt", frame=frame.format("Ann Holt")) == []
    # a claim with a subject of its own still takes its sentence's topic
    timetable = "the ferry timetable would slip"
    assert ("elections", "sentence") in tag(tax, timetable, frame=frame.format(timetable))
    # and a claim's own keyword needs no subject beside it
    assert slugs(tag(tax, "the election")) == {"elections"}


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("the congressional investigation of the leak goes on", None, "law-enforcement"),
        ("the committee's investigation of the leak goes on", None, "law-enforcement"),
        ("after months of investigation we found the letters", None, "law-enforcement"),
        ("an epidemiological investigation traced the patients", None, "law-enforcement"),
        ("the security assistance to the region was held up", "security", None),
        ("police will investigate the break-in", "law-enforcement", None),
        ("the criminal investigation is closed", "law-enforcement", None),
        ("the National Security Council met on Monday", None, "security"),
        ("national security is at stake", "security", None),
        ("said a political scientist at the college", None, "science-technology"),
        ("scientists found the gene", "science-technology", None),
        ("an officer of the Ohio State Department of Health said so", None, "government"),
        ("the State Department issued a warning", "government", None),
        ("his private life was his own business", None, "economy"),
        ("the courts have no right deciding it", None, "economy"),
        ("small business owners face higher rents", "economy", None),
        ("radical Islamic terrorism is the threat", "terrorism", "religion"),
        ("the mosque opened its doors to all", "religion", None),
        ("they passed a cap-and-trade bill", "climate", "trade"),
        ("the new tariffs hurt trade", "trade", None),
        ("the legal counsel of the council wrote to them", None, "justice"),
        ("it is illegal to sell it", "justice", None),
        ("a message that normalizes hate", None, "bilateral-relations"),
        ("the two countries agreed to normalize relations", "bilateral-relations", None),
    ],
)
def test_investigations_councils_and_idioms_in_their_own_sense(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("the party called the doctored video satire", None, "health"),
        ("a doctor saw him on Monday", "health", None),
        ("his biological family were farmers", None, "science-technology"),
        ("the biology exam was hard", "science-technology", None),
        ("the senators hope to court voters in Iowa", "elections", "judiciary"),
        ("the court ruled on Monday", "judiciary", None),
        ("citing an anonymous government source, the paper said so", None, "government"),
        ("the government will fall", "government", None),
        (
            "said a fellow at the Lakeside Endowment for International Peace",
            None,
            "international-relations",
        ),
        ("international pressure is rising", "international-relations", None),
    ],
)
def test_a_doctored_video_a_biological_family_and_courting_voters(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_the_speaker_and_the_channel_inside_a_claim_say_who_not_what_about():
    content = "“The plan is sound,” Jo Ray, a Republican candidate for governor, told CBS News."
    speaker = (100 + content.index("Jo Ray"), 100 + content.index(", told"))
    own = own_words(content, 100, speaker)
    assert len(own) == len(content) and "Republican" not in own and "CBS" not in own
    found = slugs(tag(load_taxonomy(), own))
    assert not found & {"elections", "political-parties", "government", "mass-media"}, found
    # the same words as the subject of the claim still count
    said = "“CBS News cut its newsroom in half,” Jo Ray said."
    assert "mass-media" in slugs(tag(load_taxonomy(), own_words(said, 0, None)))
    assert own_words("the vote was close, according to NBC", 0).strip() == "the vote was close,"
    assert "CNN" not in own_words("the plan is sound, Jo Ray said on CNN", 0)
    # "on" before a word that is no outlet stays ("on Monday", "on Iran")
    assert own_words("talks on Iran resume on Monday", 0) == "talks on Iran resume on Monday"


def test_a_claim_borrows_only_the_sentence_keyword_nearest_to_it():
    taxonomy = load_taxonomy()
    sentence = "The senator said budget talks showed the decision was overdue, long before the war"
    content = "the decision was overdue"
    at = sentence.index(content)
    assert slugs(tag(taxonomy, content, frame=sentence, content_at=at)) == {"economy"}
    # without the nearer keyword, the further one is the nearest
    far = sentence.replace("budget", "  the ")
    assert slugs(tag(taxonomy, content, frame=far, content_at=at)) == {"conflict"}
    # found in the frame when its offset is not given
    assert slugs(tag(taxonomy, content, frame=sentence)) == {"economy"}


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("the quarterback won't be back next season", None, "competition-discipline"),
        ("she won the tournament in June", "competition-discipline", None),
        ("the plant has a healthy environment for workers", None, "environment"),
        ("the new rules protect the environment", "environment", None),
        ("the meeting was held at the county courthouse", None, "judiciary"),
        ("the jury at the courthouse heard the case", "judiciary", None),
        ("he did his government business on a personal phone", None, "economy"),
        ("small business owners face higher rents", "economy", None),
        ("two service members were killed on patrol", "armed-conflict", None),
        ("the helicopter crash killed four", "disaster", None),
        ("hundreds of civilians died in the fighting", "armed-conflict", None),
        ("he is fighting the flu", None, "armed-conflict"),
        ("the court ruled on Israeli settlements in the West Bank", "territory", None),
        ("both sides still back a two-state solution", "long-term-solution", None),
        ("the court ruled on Israeli settlements", "territory", "long-term-solution"),
        ("talks on a settlement to end the war", "long-term-solution", None),
        ("the senator called himself a democratic socialist", "politics", None),
        ("the wagon goes on sale next spring", "products-services", None),
        ("the wagon will go to the coast next spring", None, "products-services"),
        ("the state hired an ad agency for the ads", "business-enterprise", None),
        ("the ad campaign ran on every channel", "business-enterprise", "elections"),
        ("the campaign slogan was printed on hats", "elections", "business-enterprise"),
        ("the Republican field is still crowded", "elections", None),
        ("epidemiological records were checked", "health", None),
        ("he was convicted of rape in 2004", "crime", None),
        ("abortion should be legal in cases of rape and incest", "society", "crime"),
        ("the league suspended him for two games", "sport", None),
        ("the league's lawyers met the union", "sport", None),
        ("the League of Women Voters endorsed her", None, "sport"),
        ("her novels are back in print", "arts-entertainment", None),
        ("the service runs on a cloud platform", "technology-engineering", None),
        ("a rare condition left him short of breath", "disease-condition", None),
        ("light from shortly after the Big Bang", "natural-science", None),
        ("he vowed to soldier on until June", None, "armed-conflict"),
        ("the soldiers were sent home", "armed-conflict", None),
        ("he chose to run the family business", None, "economy"),
        ("his voting record in the House is thin", "government", "elections"),
        ("she met with foundation donors in May", None, "elections"),
        ("the Republican candidates differ on taxes", None, "political-parties"),
        ("the GOP frontrunner mocked the press", None, "political-parties"),
        ("the Republican Party wrote a new platform", "political-parties", None),
        ("the Democratic base has shown scant enthusiasm", "political-parties", None),
        ("he is still the front-runner after Iowa", "elections", None),
        ("the runner in front fell at the last bend", None, "elections"),
    ],
)
def test_senses_and_subjects_of_issue_19_round_4(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_sentence_keyword_beyond_a_clause_break_is_about_another_clause():
    taxonomy = load_taxonomy()
    content = "the decision was overdue"
    for sentence, want in [
        ("The senator said the decision was overdue; the war went on for months", set()),
        ("The senator said the decision was overdue - the war went on for months", set()),
        ("The senator said the decision was overdue (the war went on for months)", set()),
        ("The senator said the decision was overdue, as the war went on for months", {"conflict"}),
    ]:
        found = tag(taxonomy, content, frame=sentence, content_at=sentence.index(content))
        assert slugs(found) == want, sentence


def test_a_who_keyword_takes_no_company_from_the_claim_only_from_the_article():
    taxonomy = load_taxonomy()
    # "the senator" says who: the vote beside it does not make the claim about government
    claim = "the senator's supporters were not likely to vote for him"
    assert slugs(tag(taxonomy, claim)) == {"elections"}
    # an ambiguous keyword of the same tree still takes that company
    assert "government-policy" in slugs(tag(taxonomy, "the plan would win over voters"))
    # the article can give it company: two other claims about government
    tagged = [{}, {"government": "keyword"}, {"government": "keyword"}]
    words = [("the senator was tired", None), ("Congress met", None), ("the cabinet met", None)]
    from claimtrack.store.taxonomy import article_topics

    assert article_topics(taxonomy, tagged, words)[0] == {"government": "keyword"}
    assert article_topics(taxonomy, [{}, {}, {}], words)[0] == {}


def test_a_claim_that_only_describes_a_person_has_no_subject_of_its_own():
    """Words describing a person ("the former mayor of the town", "both of his rivals", "a
    senator from Vermont") say who: such a claim borrows nothing from its sentence, and a
    who-or-where keyword in it takes no company from the article; a word of the subject
    among them still counts ("the presidential one")."""
    taxonomy = load_taxonomy()
    assert not has_subject("the former mayor of the town")
    assert not has_subject("both of his rivals")
    assert has_subject("the presidential one")
    assert has_subject("before the primary")
    frame = "After the debate, she praised {}."
    for claim, borrowed in (
        ("the former mayor of the town", False),
        ("the ferry timetable", True),
    ):
        found = tag(taxonomy, claim, frame=frame.format(claim))
        assert (("elections", "sentence") in found) is borrowed, found
    tagged = [{}, {"government": "keyword"}, {"government": "keyword"}]
    company = [("Congress met", None), ("the cabinet met", None)]
    who = [("a senator from Vermont", None), *company]
    assert article_topics(taxonomy, tagged, who)[0] == {}
    what = [("the senator was tired of the ferry", None), *company]
    assert article_topics(taxonomy, tagged, what)[0] == {"government": "keyword"}


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # one person's trade before magnate, mogul, tycoon says who
        ("a property magnate", None, "housing-property"),
        ("an oil tycoon bought the paper", None, "energy"),
        ("the media mogul was in town", None, "mass-media"),
        ("the oil industry is shrinking", "energy", None),
        ("property prices rose again", "housing-property", None),
        # where it was said: "said on the campaign trail" is the channel
        ("she told a crowd on the campaign trail that the ferry tax must go", "taxes", "elections"),
        ("his speeches on the campaign trail were harsh", "elections", None),
        # an ecosystem of companies or a tech ecosystem is a market, not nature
        ("the region has a thriving ecosystem of startups", None, "natural-science"),
        ("the city's tech ecosystem grew", None, "natural-science"),
        ("the wetland ecosystem is fragile", "natural-science", None),
    ],
)
def test_who_and_where_of_issue_19_precision_round_11(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), own_words(sentence, 0)))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_label_written_as_an_ambiguous_keyword_needs_company_too():
    # the label counts as a plain keyword, unless the taxonomy writes it as an ambiguous one
    peace = TopicDef("solution", "Long-term solution", ("~long-term solution",), "conflict")
    tree = [TREE[0], peace]
    assert slugs(tag(tree, "saving more is a long-term solution")) == set()
    assert slugs(tag(tree, "a long-term solution to the war")) == {"conflict", "solution"}
    assert (
        slugs(tag(load_taxonomy(), "paying down debt is the long-term solution"))
        & {"long-term-solution"}
        == set()
    )
    seed = "to discuss long-term solutions to the crisis and a ceasefire"
    assert {"ceasefire", "long-term-solution"} <= slugs(tag(load_taxonomy(), seed))


@pytest.mark.parametrize(
    "sentence, want, wrong",
    [
        # senses: a relative by marriage, a party that says who, a nomination to an office
        ("her brother-in-law ran the shop for years", None, "government-policy"),
        ("the son-in-law joined the firm in March", None, "justice"),
        ("lawmakers said the new law takes effect in May", "government-policy", None),
        ("the Republican-controlled Senate passed the bill", "government", "political-parties"),
        ("the Democratic-led council met on Monday", None, "political-parties"),
        ("the Republican Party lost two seats", "political-parties", None),
        ("the nurse was nominated by the President in 2012", None, "elections"),
        ("the next judicial nominees were named", "judiciary", "elections"),
        ("she won the nomination in June", "elections", None),
        ("tell your health care provider about the cough", "health", "health-care"),
        ("health care costs rose again", "health-care", None),
        ("her allies fear more bad news", None, "international-relations"),
        ("the allies of the country met in Oslo", "international-relations", None),
        ("the unrest was rooted in race and class", "society", "elections"),
        ("the race for the nomination tightened", "elections", None),
        ("a felon in possession of firearms was arrested", "crime", "government-policy"),
        ("more people should carry firearms", "government-policy", None),
        ("the bacteria were invading the gut lining", None, "armed-conflict"),
        ("the army was invading the north", "armed-conflict", None),
        ("they met at a dinner party on Friday", None, "political-parties"),
        # subjects the untagged claims of PolNeAR train were about
        ("the union was endorsing her for days", "elections", None),
        ("he has a 9-point lead in a hypothetical matchup", "elections", None),
        ("the team had a 12-point lead at half time", None, "elections"),
        ("there are too many superdelegates", "elections", None),
        ("it was in his stump speech", "elections", None),
        ("she quit her bid for president", "elections", None),
        ("he wants to run for president", "elections", None),
        ("his primary opponent did not answer", "elections", None),
        ("the flood of misinformation online", "mass-media", None),
        ("we will build a wall on the border", "immigration", None),
        ("he holds two associate degrees", "education", None),
        ("they attend prayer services on Fridays", "religion", None),
        ("he tried to set off a car bomb", "terrorism", None),
        ("adults with autism need support", "disease-condition", None),
        ("the walkout lasted a week", "labour", None),
        ("her hourly pay is a third lower", "labour", None),
        ("wage growth slowed in May", "labour", None),
        ("to wage a long campaign against the plan", None, "labour"),
        ("a right to work law", "labour", None),
        ("their living standards fell", "economy", None),
        ("the bank may raise rates in June", "economy", None),
        ("he favors free markets", "economy", None),
        ("it is a currency manipulator", "trade", None),
        ("the artwork was sold in May", "arts-culture", None),
        ("democracy is a chain of choices", "politics", None),
        ("the plot to overthrow the dictator failed", "politics", None),
        ("the activist seeking to overthrow the status quo", None, "politics"),
        ("we ate at an old school steakhouse", None, "education"),
        ("the school board met on Monday", "education", None),
        ("he must avoid conflicts of interest", "government", "conflict"),
        ("she was charged with witness tampering", "crime", None),
        ("there are 2,100 billionaires in the world", "economy", None),
        ("the court needs a third judgeship", "judiciary", None),
        ("probable cause exists to charge him", "judiciary", None),
        ("he is pleading guilty to both counts", "judiciary", None),
        ("waterboarding is torture", "fundamental-rights", None),
        ("an exception for rape or incest", "society", "crime"),
        ("the special relationship between the two nations", "bilateral-relations", None),
        ("sales of electric cars doubled", "products-services", None),
        ("high lead levels in the children's blood", "health", None),
        ("the diplomat left for Rome", None, "education"),
    ],
)
def test_senses_and_subjects_of_issue_19_round_5(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # subjects the untagged claims of PolNeAR train and dev were about (issue 19, round 6)
        ("he will not release his returns before the vote", "taxes", None),
        ("the sooner she publishes her full returns, the better", "taxes", None),
        ("the diminishing returns of a long diet", None, "taxes"),
        ("the audit found no errors", None, "taxes"),
        ("the governor expects a veto by Friday", "government", None),
        ("she will back statehood for the district", "government", None),
        ("the Senate's role to advise and consent", "government", None),
        ("the generals were reduced to rubble", "security", None),
        ("the National Guard was sent to the city", "security", None),
        ("the excesses of capitalism", "politics", None),
        ("the drama over the nominating rules", "elections", None),
        ("he kept nominating judges all year", None, "elections"),
        ("his attacks on the moderators at the debate", "elections", None),
        ("a moderator of the online forum", None, "elections"),
        ("a curfew from midnight to dawn", "civil-unrest", None),
        ("his new executive actions on guns", "government-policy", "crime"),
        ("the vice-like grip of the NRA", "government-policy", None),
        ("her record on gun rights is clear", "government-policy", "crime"),
        ("police said the man refused to drop the gun", "crime", None),
        ("the officer saw a handgun on the seat", "crime", None),
        ("a new law against hate speech", "society", None),
        ("bigotry is never acceptable", "society", None),
        ("he invoked his Fifth Amendment right", "fundamental-rights", None),
        ("the plan would help farmers sell abroad", "economy", None),
        ("low-lying agriculture will suffer first", "economy", None),
        ("the evils of eminent domain", "government-policy", None),
        ("a $200 billion infrastructure spending plan", "government-policy", None),
        ("the state inspects nursing homes twice a year", "health-care", None),
        # words in another sense that samples of round 6 showed
        ("we would be shooting ourselves in the foot", None, "crime"),
        ("the shooting left two dead", "crime", None),
        ("according to the conservative-leaning institute, rates fell", None, "political-parties"),
        ("she was milder than her colleagues on the banking committee", None, "economy"),
        ("wealthy voters abandon the party", None, "economy"),
        ("a tariff on imported televisions", "products-services", "mass-media"),
        ("the debate was shown on television", "mass-media", None),
        # more subjects of PolNeAR train's untagged claims
        ("what a Super Tuesday", "elections", None),
        ("the candidates who trail should drop out", "elections", None),
        ("she dropped out of school at sixteen", None, "elections"),
        ("she is not running for office", "elections", None),
        ("the Common Core was introduced badly", "education", None),
        ("gains in eighth-grade math scores", "education", None),
        ("a way to do theology that is multi-faith", "religion", None),
        ("officers will wear body cameras", "law-enforcement", None),
        ("he heard gunfire near the square", "crime", None),
        ("the windshield was riddled with bullet holes", "crime", None),
        ("the skateboard park opens in May", "competition-discipline", None),
        ("her net worth is in excess of $4 billion", "economy", None),
        ("the score your lender uses", "economy", None),
        ("the Secret Service moved her to a car", "law-enforcement", None),
        ("the extrajudicial killing of citizens", "fundamental-rights", None),
        ("a president's judicial picks", "judiciary", None),
        ("parents may boycott the state exams", "education", None),
    ],
)
def test_senses_and_subjects_of_issue_19_round_6(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("claim", "wrong", "want"),
    [
        ("the view of Ann Holt, a bank economist, after the deal", "economy", None),
        ("Ted Moss, a retired general, backed the plan", "security", None),
        ("Ann Holt, the CEO of a bank, backed the plan", "business-enterprise", None),
        # a comma after a name without a description: the name is the subject
        ("the kidnapper, Ted Moss, was sentenced to life", None, "judiciary"),
        ("Ann Holt said the bank failed", None, "economy"),
    ],
)
def test_a_description_after_a_name_says_who_not_what_about(claim, wrong, want):
    found = slugs(tag(load_taxonomy(), claim))
    assert wrong is None or wrong not in found, found
    assert want is None or want in found, found


def test_an_ambiguous_heading_word_names_a_narrow_subject_of_the_claims_own_tree():
    solution = TopicDef("solution", "Long-term solution", ("~long-term solution",), "peace-process")
    tree = [*TREE, solution]
    heading = "2. Long-term Solutions to the Crisis"
    # the claim is about territory (the conflict tree): the heading's narrow subject is its own
    found = dict(tag(tree, "they will not discuss territorial divisions", heading=heading))
    assert found == {"territory": "keyword", "solution": "heading"}
    # a claim with no topic of that tree takes nothing from the heading's ambiguous word
    assert tag(tree, "the Republicans met in May", heading=heading) == [("parties", "keyword")]
    # nor does a broad topic's ambiguous word in the heading ("~talks": one level down)
    found = dict(tag(tree, "they will not discuss territorial divisions", heading="Talks"))
    assert found == {"territory": "keyword"}


@pytest.mark.parametrize(
    ("heading", "topical"),
    [
        # a news page's section heads name a subject
        ("1. Russia-Ukraine Ceasefire", True),
        ("Military aid held up for weeks", True),
        ("Will the truce hold?", True),
        ("6 key questions before the budget vote", True),
        ("US troops leave the base", True),
        ("Best Actor race tightens", True),
        # a blog's first person, or a heading that speaks to the reader
        ("Why I quit my marketing job", False),
        ("What we learned about pricing", False),
        ("Your next step toward a calmer office", False),
        # a shop's deal heads
        ("$25 off the Acme blender this week", False),
        ("Kettle and toaster bundle for £49", False),
        ("40% off running shoes", False),
        ("The best budget laptops of the year", False),
        ("Cyber Monday deals on vacuum cleaners", False),
        # how-to steps and links to other pages
        ("3. Pick a savings account", False),
        ("Step 2: compare the loans", False),
        ("How to talk to a landlord", False),
        ("Related: Ten cheap weekend trips", False),
    ],
)
def test_a_heading_is_topical_when_it_names_a_subject(heading, topical):
    assert topical_heading(heading) is topical


def test_a_claim_takes_no_topic_from_a_blog_shop_or_how_to_heading():
    tax = load_taxonomy()
    # the same claim under a news section head takes its topic, under a blog's not
    claim = "the repairs took ten years"
    assert ("economy", "heading") in tag(tax, claim, heading="The economy slows")
    assert tag(tax, claim, heading="How I grew my business in a year") == []
    assert tag(tax, "the last one sold out", heading="$10 off smart speakers") == []
    assert tag(tax, "it will change over time", heading="1. Define your retirement") == []
    # its own words still count under any heading
    found = slugs(tag(tax, "the bank raised its mortgage rates", heading="My week in review"))
    assert "economy" in found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # senses left by round 6
        ("the establishment of settlements in the valley", "territory", "long-term-solution"),
        ("the establishment of settlements in the valley", None, "political-parties"),
        ("settlement building on the hills must stop", "territory", "long-term-solution"),
        ("a political settlement to end the war", "long-term-solution", None),
        ("the Republican establishment fears her", "political-parties", None),
        ("one of her closest allies in the Senate", None, "international-relations"),
        ("talks with the country's closest allies in Europe", "international-relations", None),
        ("the senator's allies in the Senate held out", None, "international-relations"),
        ("he urged them to investigate his political rival", None, "law-enforcement"),
        ("police investigate the robbery", "law-enforcement", None),
        ("she asked them to investigate Democratic rivals", None, "law-enforcement"),
        ("a broad-based rally lifted bank shares", None, "elections"),
        ("a rally in Ohio drew thousands of voters", "elections", None),
        ("notices went to the legal department", None, "justice"),
        ("the investigation into the campaign's finances", None, "law-enforcement"),
        ("a tourism campaign for the coast", None, "elections"),
        ("a promotional campaign for the new soda", None, "elections"),
        ("the campaign ran ads in Ohio before the election", "elections", None),
        ("a scan of the dog's microchip showed its home", None, "technology-engineering"),
        ("the new microchip doubles processor speed", "technology-engineering", None),
        ("the rich sweetness of ripe plums", None, "economy"),
        ("a tax cut for the rich", "economy", None),
        # general subjects of the IPTC top levels the taxonomy covered thinly
        ("temperatures will fall below freezing by Sunday", "weather", None),
        ("forecasters expect a wet spring", "weather", None),
        ("the cold shoulder from his party", None, "weather"),
        ("a train derailment near the river", "disaster", None),
        ("the scandal could derail the nomination", None, "disaster"),
        ("firefighters contained the blaze", "disaster", None),
        ("a volcano erupted on the island", "disaster", None),
        ("the shelter found homes for forty kittens", "human-interest", None),
        ("she set a world record in the event", "human-interest", None),
        ("the funeral will be held on Friday", "human-interest", None),
        ("the chef opened a second restaurant", "lifestyle", None),
        ("gardening is her favourite hobby", "lifestyle", None),
        ("a weapon of last resort", None, "lifestyle"),
        ("the cruise ship docked at dawn", "lifestyle", None),
        ("a cruise missile hit the depot", None, "lifestyle"),
        ("the orchestra played to a full hall", "arts-culture", None),
        ("a documentary film about the strike", "arts-culture", None),
        ("the documentary evidence was thin", None, "arts-culture"),
        ("telescopes spotted two distant galaxies", "natural-science", None),
        ("NASA will send astronauts back to the Moon", "space-programme", None),
        ("the Lunar New Year parade", None, "space-programme"),
        ("recycling rates fell last year", "environment", None),
        ("deforestation in the rainforest grew", "environment", None),
        ("an unsustainable level of debt", None, "environment"),
        ("the company announced layoffs", "labour", None),
        ("salaries at the firm rose", "labour", None),
        ("the surgeon said the surgery went well", "health", None),
        ("smoking and vaping among teenagers", "health", None),
        ("there is no smoking gun in the emails", None, "health"),
        ("the infantry moved north", None, "health"),
        ("kindergarten classes start at eight", "education", None),
        ("the charity feeds the elderly", "society", None),
        ("she will take out a loan to pay the rent", "economy", None),
        ("ransomware locked the city's computers", "technology-engineering", None),
    ],
)
def test_senses_and_subjects_of_issue_19_round_7(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_word_the_article_uses_in_another_sense_means_that_sense_throughout():
    tax = load_taxonomy()

    def topics(claims, headline):
        tagged = [dict(tag(tax, c)) for c in claims]
        return [set(f) for f in article_topics(tax, tagged, [(c, None) for c in claims], headline)]

    ad = [
        "the ad campaign against vaping starts in May",
        "the campaign cost the city $90,000",
        "the campaign buried its message in the small print",
    ]
    found = topics(ad, "City pays for anti-vaping ads")
    assert not any("elections" in f for f in found), found
    # in a story about a race, "the campaign" stays an election campaign
    race = ["the campaign cost her $90,000", "voters in the primary backed her"]
    assert "elections" in topics(race, "Mayor wins second term")[0]
    # so it does where only the modifier of an exclusion recurs ("Republican voters" says
    # who; "the Republican platform" is still about the party)
    party = ["Republican voters were split", "the Republican platform was rewritten"]
    assert "political-parties" in topics(party, "Convention opens")[1]


def test_a_pattern_compiled_on_first_use_finds_what_re_compile_finds():
    """store/taxonomy.py compiles the tagger's patterns when first used (issue 16: start-up):
    the same matches, spans and substitutions as the compiled pattern."""
    import re

    from claimtrack.store.taxonomy import LazyPattern

    text = "Sen. Ann Holt said the Centre for Peace Studies backed the truce; Ken Doctor agreed."
    source = r"(?:^|\s)([A-Z][a-z]+)\s+(?-i:[A-Z])"
    lazy, compiled = LazyPattern(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert "search" not in vars(lazy)  # nothing compiled yet
    assert lazy.search(text).span() == compiled.search(text).span()
    assert lazy.search(text, 10).group(1) == compiled.search(text, 10).group(1)
    assert [m.span(1) for m in lazy.finditer(text)] == [m.span(1) for m in compiled.finditer(text)]
    assert lazy.sub("_", text) == compiled.sub("_", text)
    assert lazy.match(text) is None and compiled.match(text) is None
    assert (lazy.pattern, lazy.flags) == (compiled.pattern, compiled.flags)
    assert "search" in vars(lazy)  # looked up directly from now on


@pytest.mark.parametrize(
    "sentence, want, wrong",
    [
        # a keyword written in one spelling finds the other (British and American)
        ("the labour shortage on the farms", "labour", None),
        ("the shortage of labor on the farms", "labour", None),
        ("a tumor the size of a grape", "disease-condition", None),
        ("the tour bus left at noon", None, "labour"),
        # transport: a general news area; a car or a helicopter alone is the scene of
        # another story, the network and the industry are plain
        ("commuters face delays on the railway", "transport", None),
        ("the airline will add forty jets to its fleet", "transport", None),
        ("the new high-speed rail line opens in May", "transport", None),
        ("he was shot in his car outside the bar", None, "transport"),
        ("the rebels shot down a helicopter", None, "transport"),
        ("police made the arrest at a traffic stop", None, "transport"),
        ("the pilot program for schools ends in June", None, "transport"),
        # the forms of a keyword the taxonomy had in one form only
        ("newsrooms are half the size they were", "mass-media", None),
        ("advertising revenue at the paper has doubled", "business-enterprise", None),
        ("the campaign spent $2 million on advertising", None, "business-enterprise"),
        ("she invested her savings in stocks", "economy", None),
        ("he invested years in the friendship", None, "economy"),
        ("two assists in the hockey game", "competition-discipline", None),
        ("his assists at the soup kitchen", None, "competition-discipline"),
        # who investigates whom: a government or a leader asked to investigate a rival, or
        # lawmakers investigating, is politics; police, the FBI or prosecutors are police work
        ("Trump urged Ukraine to investigate Joe Biden", None, "law-enforcement"),
        ("he pressed the Ukrainian president to open an investigation", None, "law-enforcement"),
        ("asked Zelensky to look into the Bidens", None, "law-enforcement"),
        ("House Democrats investigating the president", None, "law-enforcement"),
        ("the senator asked the FBI to investigate the leak", "law-enforcement", None),
        ("police are investigating the break-in", "law-enforcement", None),
        ("prosecutors asked detectives to investigate the fraud", "law-enforcement", None),
    ],
)
def test_senses_and_subjects_of_issue_19_round_8(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_keyword_matches_its_british_or_american_spelling():
    """A keyword written one way matches the other ("defense" finds "defence", "organiz*"
    "organisation"); a short word ("tour", "for") is no spelling of another."""
    import re

    from claimtrack.store.taxonomy import keyword_regex

    def finds(keyword, text):
        return re.search(keyword_regex(keyword), text, re.IGNORECASE) is not None

    assert finds("defense spending", "defence spending rose")
    assert finds("organiz*", "a charitable organisation")
    assert finds("organise", "they will organize a march")
    assert finds("labor", "labour") and finds("honor", "honour") and finds("color", "colour")
    assert finds("center*", "the city centre") and finds("theater", "the theatre")
    assert finds("program*", "the space programme")
    assert finds("analyz*", "analysed the data")
    assert not finds("tour", "tor") and not finds("for", "four")
    assert not finds("actor", "actress")


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # a capitalised keyword after a title is a surname; before a street's kind, a place
        ("Mr. Singer framed the letter", None, "arts-entertainment"),
        ("the singer framed the letter", "arts-entertainment", None),
        ("Mr. Banks said the clinic would stay open", None, "economy"),
        ("she was christened at the church on Court Street", None, "judiciary"),
        ("the court ruled on the appeal", "judiciary", None),
        ("the Supreme Court will hear the case", "judiciary", None),
        # a keyword's prefix stops at its own words: Crimea is no crime, authorities no authors
        ("the annexation of Crimea was illegal", None, "crime"),
        ("violent crime fell last year", "crime", None),
        ("the authorities closed the museum", None, "arts-entertainment"),
        ("the author read from her new novel", "arts-entertainment", None),
        ("he brandished a knife at the bank", None, "business-enterprise"),
        ("the bank's brand is worth billions", "business-enterprise", None),
    ],
)
def test_senses_and_names_of_issue_19_precision(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    "sentence, want, wrong",
    [
        # narrower subjects of general news (issue 19, coverage), each with a counter-case
        ("the filibuster blocked the spending bill", "lawmaking", None),
        ("a shutdown of the plant in May", None, "lawmaking"),
        ("the law is unconstitutional", "constitution", None),
        ("they marched down Constitution Avenue", None, "constitution"),
        ("he was sentenced to life in prison", "punishment", None),
        ("the death penalty should be abolished", "punishment", None),
        ("pardon me for being late", None, "punishment"),
        ("the burglars took the television", "property-crime", None),
        ("she denied any money laundering", "property-crime", None),
        ("the victim was stabbed to death", "violent-crime", None),
        ("a ban on assault weapons", None, "violent-crime"),
        ("an assault on democracy", None, "violent-crime"),
        ("the FDA approved the drug", "public-health", None),
        ("suicide rates among veterans rose", "public-health", None),
        ("a suicide bomber struck the market", None, "public-health"),
        ("it would be political suicide", None, "public-health"),
        ("DACA recipients may stay", "immigration-policy", None),
        ("the travel ban was upheld", "immigration-policy", None),
        ("the rabbi led the sermon", "religious-life", None),
        ("the high priest of supply-side economics", None, "religious-life"),
        ("smog over the city worsened", "pollution-nature", None),
        ("a toxic atmosphere in the office", None, "pollution-nature"),
        ("home prices rose for a sixth month", "housing-property", None),
        ("he rents a flat in town", None, "housing-property"),
        ("social security will run short by 2034", "welfare", None),
        ("give your social security number", None, "welfare"),
        ("the power outage left thousands in the dark", "disaster-incidents", None),
        ("workers went on strike at the plant", "labour-relations", None),
        ("the Labour Party won the seat", None, "labour-relations"),
        ("her favorable view of the plan", "opinion-polls", None),
        ("he is unfit to be president", "fitness-for-office", None),
        ("the horse has a calm temperament", None, "fitness-for-office"),
    ],
)
def test_senses_and_subjects_of_issue_19_coverage(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("claim", "subject"),
    [
        ("that comment", False),
        ("a tweet", False),
        ("her remarks", False),
        ("details", False),
        ("his comments about the ferry timetable", True),
        ("a tweet on the ferry timetable", True),
        ("these accusations", False),
        ("the subject at hand", False),
        ("these accusations about the ferry timetable", True),
    ],
)
def test_a_word_for_the_saying_itself_is_no_subject(claim, subject):
    assert has_subject(claim) is subject
    frame = "She criticised   {}  after the debate ."
    borrowed = ("elections", "sentence") in tag(load_taxonomy(), claim, frame=frame.format(claim))
    assert borrowed is subject


def test_a_party_or_camp_in_the_rest_of_the_sentence_lends_no_topic():
    """ "Solidly Democratic states", "fellow Republicans", "traditional libertarians" say who
    acts; the claim beside them is not about the parties."""
    tax = load_taxonomy()
    sentence = "In solidly Democratic states, he said the rival could be forced to spend heavily"
    content = "the rival could be forced to spend heavily"
    at = sentence.index(content)
    assert tag(tax, content, frame=sentence, content_at=at) == []
    # nearer than the camp, another keyword still lends its topic
    nearer = "In solidly Democratic states, after the debate he said " + content
    found = tag(tax, content, frame=nearer, content_at=nearer.index(content))
    assert found == [("elections", "sentence")]
    # a camp nearest to the claim keeps a further keyword from lending either
    further = "After the debate, fellow Republicans said " + content
    assert tag(tax, content, frame=further, content_at=further.index(content)) == []
    # in the claim's own words a party still counts
    assert slugs(tag(tax, "the Republican Party is split over the rules")) >= {"political-parties"}


def test_an_interview_with_a_named_outlet_is_the_channel_not_the_topic():
    tax = load_taxonomy()
    content = "conventions in recent years have been too dull"
    for sentence in (
        f"He said in a long interview with The Washington Post that {content}.",
        f"During a Fox Business Network interview in March, he said that {content}.",
    ):
        frame = frame_of(sentence, 0, None)
        assert tag(tax, content, frame=frame, content_at=sentence.index(content)) == [], frame
    # the outlet as the subject of its own sentence still lends its topic
    sentence = f"The Washington Post's newsroom shrank, and he said that {content}."
    frame = frame_of(sentence, 0, None)
    found = tag(tax, content, frame=frame, content_at=sentence.index(content))
    assert found == [("mass-media", "sentence")]


def test_a_poll_as_the_speaker_says_what_a_claim_with_no_topic_is_about():
    """A speaker keyword ("@poll") names a speaker whose claims are about the topic: read
    only in the speaker mention, before its first comma, and only for a claim with no topic."""
    from claimtrack.store.taxonomy import speaker_topics

    tax = load_taxonomy()
    assert speaker_topics(tax, "a new poll") == {"opinion-polls": "speaker"}
    assert speaker_topics(tax, "exit polls") == {"opinion-polls": "speaker"}
    # a person described by the polls is no poll; nor is a pollster
    assert speaker_topics(tax, "Ted Moss, who trails in the polls") == {}
    assert speaker_topics(tax, "the pollster Ann Holt") == {}
    assert speaker_topics(tax, None) == {}
    # a speaker keyword is read in no claim's words
    assert "opinion-polls" not in slugs(tag(tax, "the poll of the Ferris family"))

    claims = ["Ann Holt leads Ted Moss by four points", "the budget for the bridge is $40 million"]
    words = [(c, None) for c in claims]
    tagged = [dict(tag(tax, c)) for c in claims]
    found = article_topics(tax, tagged, words, None, ["The latest poll", "a new poll"])
    assert found[0] == {"opinion-polls": "speaker"}
    # a claim with a topic of its own keeps just that
    assert "opinion-polls" not in found[1] and "economy" in found[1]
    # without speakers, nothing is read of them
    assert article_topics(tax, tagged, words, None)[0] == {}


def test_a_short_cue_says_what_a_claim_with_no_topic_of_its_own_is_about():
    tax = load_taxonomy()
    # "Ann Holt endorsed Ted Moss": the claim is a name, its verb says it is about the race
    assert slugs(tag(tax, "Ted Moss", cue="endorsed")) == {"elections"}
    assert slugs(tag(tax, "Ted Moss for president", cue="would vote for")) == {"elections"}
    assert slugs(tag(tax, "several hundred", cue="laid off")) == {"labour"}
    # a cue of no topic, or a long one that runs over other matters, lends nothing; nor
    # does a cue to a claim with words of its own, where the verb may mean something else
    assert tag(tax, "Ted Moss", cue="said of") == []
    assert tag(tax, "beautifying downtown", cue="was charged with") == []
    assert tag(tax, "the final version of the bill", cue="to vote against") == []
    assert tag(tax, "cases", cue="was building software models to single out") == []
    # a claim with a topic of its own keeps just its own
    assert slugs(tag(tax, "the ceasefire", cue="endorsed")) == {"ceasefire"}
    # the channel of a cue is not read: "said in a CNN interview" is no claim about media
    cue = own_words("said in a CNN interview", 0)
    assert tag(tax, "Ted Moss", cue=cue) == []


POLL_STORY = """Holt gains in Ohio

A new poll released Monday shows Ann Holt ahead of Ted Moss by four points.

The mayor of Dayton, Ines Dale, endorsed Holt on Sunday.
"""


def test_a_poll_speaker_and_an_endorsing_cue_tag_at_ingest_as_at_retag(cli, db_url, tmp_path):
    (tmp_path / "poll.txt").write_text(POLL_STORY, encoding="utf-8")
    cli("ingest", str(tmp_path), "--published", "2016-05-02", "--quiet", db=db_url)

    def elections() -> set[str]:
        return {r["speaker"] for r in rows(cli, db_url, "who-said", "--topic", "elections")}

    # the poll's claim by its speaker (opinion polls are under elections), the mayor's by
    # her verb: neither claim's words name the race
    assert elections() == {"new poll", "Ines Dale"}
    polls = {r["content"] for r in rows(cli, db_url, "who-said", "--topic", "opinion-polls")}
    assert polls == {"Ann Holt ahead of Ted Moss by four points"}
    # re-tagging reads the stored speaker mention and cue as ingest read the extracted ones
    cli("topics", "retag", db=db_url)
    assert elections() == {"new poll", "Ines Dale"}


def test_a_speakers_trade_says_what_a_claim_with_no_topic_is_about():
    """A role that names a trade of one field (a coach, a microbiologist, an equity
    strategist) is a speaker keyword too: read in the role's own words, before what it is held
    at or about, and in the mention before its first comma."""
    from claimtrack.store.taxonomy import role_head, speaker_topics

    tax = load_taxonomy()
    assert speaker_topics(tax, "he", "Harriers head coach") == {"sports-coaching": "speaker"}
    assert speaker_topics(tax, "Ann Holt", "molecular microbiologist") == {
        "natural-science": "speaker"
    }
    assert speaker_topics(tax, "Ted Moss", "equity strategist") == {"market-exchange": "speaker"}
    assert speaker_topics(tax, "the economist", None) == {"economy": "speaker"}
    # a trade after "of" or "at" is what the role is held at, not the speaker's trade
    assert role_head("executive director of the Lakeside Nurses Union") == "executive director"
    assert speaker_topics(tax, "she", "executive director of the Lakeside Nurses Union") == {}
    assert speaker_topics(tax, "he", "spokesman for the surgeons' college") == {}
    # a publication named after a trade is no speaker of that trade
    assert speaker_topics(tax, "The Economist", None) == {}

    claims = [
        "the boys showed real character after the break",
        "that",
        "the ferry budget is $40 million",
    ]
    words = [(c, None) for c in claims]
    tagged = [dict(tag(tax, c)) for c in claims]
    roles = ["head coach", "head coach", "head coach"]
    found = article_topics(tax, tagged, words, None, ["Jo Ray", "Ray", "Ray"], roles)
    assert found[0] == {"sports-coaching": "speaker"}
    # a claim that says nothing takes nothing from its speaker's trade
    assert found[1] == {}
    # a claim with a topic of its own keeps just that
    assert "sports-coaching" not in found[2] and "economy" in found[2]
    # without roles, nothing is read of them
    assert article_topics(tax, tagged, words, None, ["Jo Ray", "Ray", "Ray"])[0] == {}


COACH_STORY = """Harriers hold on at Lakeside

Harriers drew 1-1 with Lakeside on Saturday.

Jo Ray, the Harriers head coach, said the boys showed real character after the break.

"We kept our shape and never gave up," Ray said.
"""


def test_a_coachs_claims_tag_by_the_role_at_ingest_as_at_retag(cli, db_url, tmp_path):
    (tmp_path / "coach.txt").write_text(COACH_STORY, encoding="utf-8")
    cli("ingest", str(tmp_path), "--published", "2024-03-02", "--quiet", db=db_url)

    def coached() -> set[str]:
        return {r["content"] for r in rows(cli, db_url, "who-said", "--topic", "sport")}

    # neither claim's words name the match: the speaker's role does, the appositive's for
    # the first, the person's stored role for the second
    want = {
        "the boys showed real character after the break",
        '"We kept our shape and never gave up,"',
    }
    assert coached() == want
    cli("topics", "retag", db=db_url)
    assert coached() == want


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # "the right" + a noun is the adjective or the direction, not the political right
        ("we will do the right thing after the election", None, "political-parties"),
        ("the polls are moving in the right direction", None, "political-parties"),
        ("it is the right time to hold the election", None, "political-parties"),
        ("he drove in the left lane to the election rally", None, "political-parties"),
        ("the right has long opposed the election reform", "political-parties", None),
        ("critics on the right say the election was lost", "political-parties", None),
        # a topic word describing a group of people says which camp or trade, not what about
        ("cultural conservatives have doubts about him", None, "arts-culture"),
        ("the national security wing of the party backs him", None, "security"),
        ("national-security analysts prefer her", None, "security"),
        ("he trails among evangelical voters", "elections", "religion"),
        ("economic analysts doubt the ferry will pay", None, "economy"),
        # ... while the topic word itself, or a group of it, still counts
        ("cultural funding for the museum was cut", "arts-culture", None),
        ("national security is his first concern", "security", None),
        ("evangelical churches oppose the change", "religion", None),
        ("conservatives oppose the change", "political-parties", None),
        # idioms: a recipe for failure is no cooking; women in combat roles is defence policy
        ("the merger is a recipe for failure", None, "lifestyle"),
        ("this is a recipe for fewer buyers and more debts", None, "lifestyle"),
        ("it’s a recipe for a long night at the ferry", None, "lifestyle"),
        ("her recipe for lemon cake won the prize", "lifestyle", None),
        ("the navy will open combat roles to women", "security", "armed-conflict"),
        ("two soldiers were wounded in combat", "armed-conflict", None),
        # a businessman is who someone is; a business is what about
        ("the billionaire businessman is a punching bag", None, "economy"),
        ("small businesses are closing downtown", "economy", None),
        # a politician's private email server is a scandal, not technology, without company
        ("he kept a private email server while he was governor", None, "science-technology"),
        ("the email server crashed after a software update", "science-technology", None),
        # a congressman, like a senator, says who: only the article gives him company
        ("the California congressman says the ferry is late", None, "government"),
        ("Congress passed the ferry budget", "government", None),
    ],
)
def test_senses_and_who_of_issue_19_precision_round_10(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_quoted_show_of_a_named_outlet_is_the_channel_not_the_topic():
    """ "on “CBS This Morning”" says where a claim was made, as "on CBS" does; the network
    named in the claim's own words still counts."""
    tax = load_taxonomy()
    said_on_a_show = own_words("she spoke on “CBS This Morning” about the ferry", 0)
    assert "mass-media" not in slugs(tag(tax, said_on_a_show))
    about_the_network = own_words("the network CBS cut its news budget", 0)
    assert "mass-media" in slugs(tag(tax, about_the_network))


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("it was his third shutout of the season", "competition-discipline", None),
        ("she scored an overtime goal in the final", "competition-discipline", None),
        ("the merger was a power play by the chairman", None, "competition-discipline"),
        ("the knife attack near the station left two hurt", "violent-crime", None),
        ("the man held the cashier at knifepoint", "violent-crime", None),
        ("cut the loaf with a bread knife", None, "violent-crime"),
        ("she plans to retire early and travel", "economy", None),
        ("an emergency fund covers six months of rent", "economy", None),
        ("emergency funding for the flooded valley", None, "economy"),
        ("the series will stream on Hulu next spring", "arts-entertainment", None),
        ("the podcast moved to Spotify in May", "arts-entertainment", None),
        ("the instrument detected water vapour over the ice", "natural-science", None),
        ("hydrothermal vents on the sea floor", "natural-science", None),
        ("the water was hot enough to make a cup of tea", None, "natural-science"),
        ("the flow of drugs across the border", "crime", None),
        ("a drug bust at the harbour", "crime", None),
        ("the free flow of information", None, "crime"),
        ("the absentee vote was counted late", "elections", None),
        ("the early vote favoured the mayor", "elections", None),
        ("he voted early in the morning", None, "elections"),
        ("she trailed with 94 percent of precincts reporting", "elections", None),
        ("a police precinct in the north of the city", None, "elections"),
        ("critics call the senator unelectable", "elections", None),
        ("the militia claimed responsibility for the bombing", "terrorism", None),
        ("she claimed responsibility for the typo", None, "terrorism"),
        ("a fetus at twenty weeks", "society", None),
        ("the alleged assault of a photographer", "violent-crime", None),
    ],
)
def test_senses_and_subjects_of_issue_19_round_10(sentence, want, wrong):
    """General subjects of news the tree lacked (learned from PolNeAR train and half of the
    web pages): a hockey shutout, knife attacks, retiring early, streaming services, water
    vapour, drug flows, absentee and early votes, precincts reporting, electability, a claim
    of responsibility for an attack; each with a sentence it must not tag."""
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("the MPs voted against the budget", "parliament", None),
        ("a city council in the north raised parking fees", "parliament", None),
        ("the Security Council members met on Friday", None, "parliament"),
        ("Ann Holt, a member of the European Parliament, spoke", None, "parliament"),
        ("the referendum on independence failed", "referendums", None),
        ("the ruling party lost its majority in the vote", None, "judiciary"),
        ("the ruling was overturned on appeal", "judiciary", None),
        ("he referred the matter to a committee", None, "referendums"),
        ("the treaty on fishing rights was signed", "treaties", None),
        ("she left of her own accord", None, "treaties"),
        ("a roadside bomb hit the convoy", "bombs-shelling", None),
        ("the shelling of the port went on all night", "bombs-shelling", None),
        ("shelling out $500 for a coat", None, "bombs-shelling"),
        ("the drug trade along the coast", "drug-trade", None),
        ("the drug trade along the coast", None, "trade"),
        ("the street value of the seized pills", "drug-trade", None),
        ("the odor of narcotics in the van", None, "drug-trade"),
        ("she faces animal cruelty charges", "cruelty-neglect", None),
        ("the cruelty of the long winter", None, "cruelty-neglect"),
        ("the defending champion lost in the first round", "champions-titles", None),
        ("a champion of free speech", None, "champions-titles"),
        ("the price of gasoline rose again", "motor-fuels", None),
        ("his words poured gasoline on the fire", None, "motor-fuels"),
        ("petrol bombs were thrown at the gate", None, "motor-fuels"),
        ("a charging station on every motorway", "electric-vehicles", None),
        ("charging the suspect with theft", None, "electric-vehicles"),
        ("podcasting has become a business of its own", "online-media", None),
        ("she said in an interview with Tom Reed's podcast", None, "online-media"),
        ("funding for biomedical research", "medical-research", None),
        ("the research into voter behaviour", None, "medical-research"),
        ("the second-quarter results beat forecasts", "company-results", None),
        ("the results of the election", None, "company-results"),
        ("she won the Nobel Prize in chemistry", "prizes", None),
        ("a noble cause", None, "prizes"),
        ("ships sailing through the Taiwan Strait", "maritime-disputes", None),
        ("the game runs at 30fps on the console", "video-games", None),
        ("the frame of the bicycle", None, "video-games"),
        ("the outbreak of cholera in the camp", "infectious-diseases", None),
        ("the risks of transmission were low", "infectious-diseases", None),
        ("a polo shirt and sandals", None, "infectious-diseases"),
        ("police fired tear gas at the crowd", "riot-control", None),
        ("the doping scandal at the games", "doping", None),
        ("the extradition bill was withdrawn", "extradition", None),
        ("a class action against the carmaker", "lawsuits", None),
        ("his speech was full of slander", None, "lawsuits"),
        ("the exam results came out on Thursday", "exams", None),
        ("her eye exam went well", None, "exams"),
        ("the opposition parties walked out", "opposition-coalitions", None),
        ("the opposition to the plan grew", None, "opposition-coalitions"),
        ("the foreign secretary flew to Cairo", "foreign-ministries", None),
        ("care homes are short of staff", "care-homes", None),
        ("job cuts at the plant", "job-cuts", None),
        ("the power grid failed in the heat", "power-grids", None),
        ("they live off the grid", None, "power-grids"),
        ("a chip shortage slowed the factories", "tech-industry", None),
        ("the art auction set a record", "stage-and-art-market", None),
        ("the bus crash left nine hurt", "road-accidents", None),
        ("the stock market crash of that year", None, "road-accidents"),
        ("the cup final went to penalties", "champions-titles", None),
        ("she had a triple-double in the win", "match-statistics", None),
        ("the goalkeeper kept a clean sheet", "match-statistics", None),
        ("she kept a clean sheet of paper", None, "match-statistics"),
        ("the infotainment screen is slow", "car-features", None),
        ("the royal wedding drew crowds", "royalty", None),
        ("the royalty payments to the author", None, "royalty"),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_11(sentence, want, wrong):
    """Subjects a general news desk writes about that the tree named thinly (learned from
    PolNeAR train and the even half of the web pages): parliaments and councils, referendums,
    treaties, bombs and shelling, the drug trade (not international trade), cruelty to animals,
    champions, motor fuels, electric vehicles, podcasting, medical research, company results,
    prizes, royalty, maritime disputes, video games, infectious diseases, riot control, doping,
    extradition, lawsuits, exams, opposition parties, foreign ministries, care homes, job cuts,
    power grids, the tech industry, the art market, road accidents, match statistics, a car's
    features; each with a sentence it must not tag."""
    found = slugs(tag(load_taxonomy(), sentence))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        (
            "law-enforcement",
            "the suspect was seen leaving the bakery",
            "I suspect the plan will fail",
        ),
        ("law-enforcement", "officers executed a search warrant at the farm", None),
        ("law-enforcement", "the coroner ruled the death an accident", None),
        (
            "law-enforcement",
            "he was released on bail on Friday",
            "the state had to bail out the mill",
        ),
        ("judiciary", "the tribunal found against the club", None),
        ("crime", "shots were fired near the harbour", "she fired a few shots of espresso"),
        ("crime", "drunk driving deaths rose in Northfield", None),
        ("crime", "the ransom demand arrived by post", None),
        ("disaster", "a pileup closed three lanes of the motorway", None),
        (
            "disaster",
            "a head-on collision on the coast road",
            "the two towns are on a collision course",
        ),
        ("economy", "supply chains were hit by the port closure", None),
        ("economy", "the rate cut came in March", None),
        ("economy", "the yuan fell against the dollar", None),
        ("market-exchange", "she keeps her savings in index funds", None),
        ("housing-property", "realtors expect fewer sales in Lowmoor", None),
        ("energy", "OPEC agreed to cut output", "pour a little olive oil into the pan"),
        ("technology-engineering", "the software update fixed a security flaw", None),
        ("technology-engineering", "the telecoms regulator fined the carrier", None),
        ("education", "the lecturers walked out over pay", None),
        ("education", "she gave the commencement address at Ridgefield", None),
        ("disease-condition", "children with ADHD need support", "the ruling aids the defence"),
        ("disease-condition", "he suffered a concussion in the second half", None),
        ("religious-life", "the diocese paid the victims", None),
        (
            "scientific-research",
            "the laboratory tested the samples",
            "states as laboratories of democracy",
        ),
        ("scientific-research", "funding for stem cell research", None),
        ("space-programme", "SpaceX delayed the test again", None),
        ("society", "loneliness among older people in Dunmore", None),
        (
            "competition-discipline",
            "she won a gold medal in the relay",
            "he was given the Congressional Gold Medal",
        ),
        ("competition-discipline", "the cyclist attacked on the last climb", None),
        (
            "competition-discipline",
            "the striker is out with a hamstring injury",
            "the rider would hamstring the agency's inspectors",
        ),
        ("match-statistics", "they conceded an own goal in stoppage time", None),
        ("sport-event", "the season opener against Harwick", None),
        ("peace-process", "UN peacekeepers patrol the buffer zone", None),
        ("security", "the arms deal with the kingdom", "the gaffe gave ammunition to his critics"),
        ("weather", "icy roads caused delays across Marlow", None),
        ("weather", "wind gusts of 60 mph are expected", None),
        ("lifestyle", "the sneaker brand opened a store in Tarn", None),
        ("products-services", "the phone has a 12-megapixel camera", None),
        ("products-services", "the robot vacuum is down to $199", None),
        ("transport", "Airbus delivered fewer planes this year", None),
        ("transport", "flight attendants went on strike", None),
        ("car-features", "the hatchback has more room in the back", None),
        ("natural-science", "the meteor shower peaks tonight", "her meteoric rise in the party"),
        ("pollution-nature", "coral bleaching on the northern reef", None),
        ("arts-entertainment", "the single topped the charts in May", None),
        ("mass-media", "the news anchor left the network", None),
        ("medical-treatment", "the patient spent a week in the ICU", None),
        ("medical-treatment", "doctors prescribed antibiotics", None),
        (
            "family-life",
            "the couple's divorce was finalised",
            "hard for him to divorce himself from the party",
        ),
        ("family-life", "the wedding ceremony took place in June", None),
        ("working-conditions", "parental leave for new fathers", None),
        ("working-conditions", "working from home saves an hour a day", None),
        (
            "food-drink",
            "vegan restaurants are opening in Calder",
            "the culinary workers union endorsed her",
        ),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_12(slug, tagged, untagged):
    """General-news subjects the tree named thinly (IPTC's top levels, learned on PolNeAR
    train and the even half of the web pages): police work and bail, tribunals, shots fired,
    pileups, supply chains and currencies, index funds, OPEC, software updates, lecturers,
    ADHD, dioceses, laboratories, SpaceX, loneliness, medals, own goals, peacekeepers, arms
    deals, icy roads, footwear, a product's specs and appliances, Airbus and flight crews,
    meteors, coral bleaching, the charts, news anchors, medical treatment, family life,
    working conditions, food and drink; each with a sentence of another sense where the word
    has one."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        ("match-statistics", "she added two assists in the win", "he assists the coach on Sundays"),
        ("match-statistics", "a goal and an assist for the captain", None),
        ("match-statistics", "they lost a triple overtime game in Denver", "staff worked overtime"),
        ("match-statistics", "she won in straight sets", "the plan was set out in three sets"),
        ("match-statistics", "he saved a match point in the tiebreak", "the tie-breaking vote"),
        ("match-statistics", "an early break of serve decided it", None),
        ("sport-event", "he qualified for the ATP Finals in London", None),
        ("sport-event", "the club is top of Serie A", None),
        ("sport-event", "they won the Europa League in May", None),
        ("sport-event", "Wales opened the Six Nations Championship", "the six nations of the pact"),
        ("sports-transaction", "the club paid his release clause", "the press release was late"),
        ("natural-science", "a subsurface ocean under the ice", "a sea of voters"),
        ("natural-science", "water vented from one of the icy moons", None),
        ("natural-science", "Pluto was called a dwarf planet", None),
        ("natural-science", "dust storms on the Red Planet", None),
        ("natural-science", "Hubble found the plume in 2012", None),
        (
            "medical-treatment",
            "the method is used on trauma patients",
            "the trauma of the campaign",
        ),
        ("car-features", "a production version is due in 2022", "a version of the bill"),
        ("economy", "the sets keep their resale value", "the value of the treaty"),
        (
            "armed-conflict",
            "the group said it shot down the helicopter",
            "the committee shot down the proposal",
        ),
        ("armed-conflict", "responsibility for shooting down a drone", "shooting down rumours"),
        ("security", "the memo was marked top secret", "the secret of the recipe"),
        ("security", "the test of a hydrogen bomb", None),
        ("security", "ways to raise the explosive yield", None),
        ("products-services", "the sensor works with HomeKit", "she has a home in Kent"),
        ("products-services", "the Apple Watch is $50 off", "watch the apple harvest"),
        ("products-services", "the PS5 and the Switch Lite sold out", "a light switch"),
        ("products-services", "a smart display for the kitchen", "a display of smart thinking"),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_13(slug, tagged, untagged):
    """General-news subjects the tree lacked (issue 19 round 13, learned on PolNeAR train and
    the even half of the web pages): a game's assists, overtimes and tennis scoring, European
    leagues and tours, release clauses, moons and dwarf planets, trauma patients, a car's
    production version, resale value, an aircraft shot down (not a proposal), classified and
    thermonuclear weapons, gadgets and consoles; each with a sentence of another sense where the
    words have one."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        ("disease-condition", "she has lived with arthritis for years", None),
        ("disease-condition", "insomnia kept the pilots awake", None),
        ("disease-condition", "a migraine ended her day early", None),
        ("disease-condition", "he had an epileptic seizure at the gym", None),
        ("disease-condition", "osteoporosis weakens the bones of older women", None),
        ("disease-condition", "a drug for Parkinson's disease", None),
        ("disease-condition", "she was told she had multiple sclerosis", None),
        ("disease-condition", "a child treated for leukemia in Corvale", None),
        ("disease-condition", "a rare lymphoma of the skin", None),
        ("disease-condition", "hypertension often goes unnoticed", None),
        ("disease-condition", "he died of kidney failure", None),
        ("religion", "the Sunni tribes of the western plains", None),
        ("religion", "a Shiite neighbourhood of the old town", None),
        ("religious-life", "the twins were baptized in May", "a baptism of fire for the coach"),
        ("fundamental-rights", "he backed enhanced interrogation of detainees", None),
        (
            "fundamental-rights",
            "she would bring back harsher interrogation techniques",
            "the interrogation lasted six hours",
        ),
        ("energy", "the shale fields north of Marlow", None),
        ("lawsuits", "the firm sought a declaratory judgment", None),
        ("lawsuits", "a complaint for declaratory relief", None),
        ("housing-property", "tenants of the tower complained of mould", "the lieutenant agreed"),
        ("food-drink", "a dietitian recommends more fibre", None),
        ("fundamental-rights", "the internment of the islanders in 1942", None),
        ("religion", "a rise in Islamophobia in the suburbs", None),
        ("economy", "a stimulus package passed in May", None),
        ("economy", "new rules on payday lending", None),
        (
            "economy",
            "she would borrow to pay for infrastructure programs",
            "the party's infrastructure",
        ),
        ("economy", "the state's credit rating was cut twice", None),
        ("economy", "the subprime era ended", None),
        ("crime", "the massacres amounted to genocide", None),
        ("crime", "a campaign of ethnic cleansing", None),
        ("treaties", "the prisoners are covered by the Geneva Conventions", None),
        ("elections", "a recount in two counties is due", "she recounted the trip"),
        ("society", "robes of the Ku Klux Klan", None),
        ("society", "the KKK marched in 1925", None),
        ("society", "a rise in antisemitic attacks", None),
        ("society", "white nationalists rallied in the park", None),
        ("society", "misogynist remarks by the host", None),
        ("fitness-for-office", "he is a natural born citizen", None),
        ("labour", "a law for equal pay", None),
        ("labour", "the gender pay gap narrowed", None),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_15(slug, tagged, untagged):
    """General-news subjects the tree lacked (issue 19 round 15, learned on PolNeAR train and
    the even half of the web pages): conditions by name, the branches of Islam, baptism (not a
    baptism of fire), harsh interrogation (not any interrogation), shale, declaratory
    judgments, tenants, dietitians, internment, Islamophobia, stimulus, payday lending,
    infrastructure spending (not a party's infrastructure), credit ratings, subprime lending,
    genocide, the Geneva Conventions, a vote recount (not a story recounted), hate groups and
    prejudice, a natural-born citizen, equal pay."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


def _article(taxonomy: list[TopicDef], claims: list[str]) -> list[dict[str, str]]:
    tagged = [dict(tag(taxonomy, c)) for c in claims]
    return article_topics(taxonomy, tagged, [(c, None) for c in claims])


@pytest.mark.parametrize(
    ("slug", "company", "claim"),
    [
        (
            "elections",
            ["the candidate won the primary election in Maine", "voters backed her at the caucus"],
            "the committee ended March with $2 million cash on hand",
        ),
        (
            "elections",
            ["the candidate won the primary election in Maine", "voters backed her at the caucus"],
            "he needs more than a third-place finish in Ohio",
        ),
        (
            "elections",
            ["the candidate won the primary election in Maine", "voters backed her at the caucus"],
            "many people in Dunmore are still undecided",
        ),
        (
            "opinion-polls",
            ["poll respondents were split", "she has a five percentage-point lead"],
            "Moss has 41 percent support in the city",
        ),
        (
            "opinion-polls",
            ["poll respondents were split", "she has a five percentage-point lead"],
            "Moss gained six percentage points since May",
        ),
        (
            "elections",
            ["the candidate won the primary election in Maine", "voters backed her at the caucus"],
            "the two are fighting for first place in Ohio",
        ),
        (
            "elections",
            ["the candidate won the primary election in Maine", "voters backed her at the caucus"],
            "it looks like a virtual tie",
        ),
        (
            "fitness-for-office",
            ["he is unfit to be president", "she said he is unfit for office"],
            "she meets the natural born requirement",
        ),
        (
            "fitness-for-office",
            ["he is unfit to be president", "she said he is unfit for office"],
            "most of us want someone honest and trustworthy",
        ),
    ],
)
def test_a_word_of_campaign_reports_needs_the_articles_company(slug, company, claim):
    """Words of campaign reports that other stories use too (issue 19 round 15): cash on
    hand, a place or a place finish, a virtual tie, the undecided, percent support and
    percentage points, honest and trustworthy, natural born count
    where other claims of the article carry the topic from their own words; in a story about
    a business or a race on the track they say nothing of an election."""
    taxonomy = load_taxonomy()
    assert slug in _article(taxonomy, [*company, claim])[-1]
    elsewhere = ["the bakery sold more bread this year", "the runner trained in the hills"]
    assert slug not in _article(taxonomy, [*elsewhere, claim])[-1]
    assert slug not in dict(tag(taxonomy, claim))


def test_in_the_first_place_is_no_place_in_a_race():
    """'In the first place' is an idiom, not a finish (issue 19 round 15)."""
    taxonomy = load_taxonomy()
    company = ["the candidate won the primary election in Maine", "voters backed her at the caucus"]
    claim = "it was a mistake to go there in the first place"
    assert "elections" not in _article(taxonomy, [*company, claim])[-1]
    assert "elections" in _article(taxonomy, [*company, "she is in first place in Iowa"])[-1]


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        (
            "space-programme",
            "the rover drove to the rim at dawn",
            "he parked his Land Rover outside",
        ),
        ("space-programme", "the lander touched down near the pole", None),
        (
            "natural-science",
            "ice lies at the bottom of the crater",
            "support for the plan cratered",
        ),
        ("products-services", "the handset has a brighter screen", None),
        ("products-services", "the trackpad is larger than last year's", None),
        ("products-services", "a foldable phone from Larkfield", None),
        ("video-games", "the expansion pack adds two new maps", None),
        ("wellness", "she keeps a food diary for a month", None),
        ("wellness", "whole grains keep you full for longer", None),
        ("business-enterprise", "the coffee chain will open 200 stores", None),
        ("car-features", "the app handles cabin preconditioning", None),
        ("housing-property", "the down payment is the biggest hurdle", None),
        ("travel", "holidaymakers returned to the island in June", None),
        ("travel", "a travel agent in Dunmore said bookings doubled", None),
        ("travel", "passengers will pay $25 for a carry-on bag", None),
        ("travel", "hotel bookings for August are up a fifth", None),
        ("travel", "travellers flocked to the ski resort", "the fellow travelers of the movement"),
        ("personal-finance", "keep six months of expenses in a savings account", None),
        ("personal-finance", "pay off your credit card balance first", None),
        ("personal-finance", "a financial planner in Marlow advises against it", None),
        ("personal-finance", "most families overrun their monthly budget", None),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_16(slug, tagged, untagged):
    """Subjects of general news beyond politics the tree lacked (issue 19 round 16, learned on
    the even half of the web pages and on invented items of tech, games, personal finance,
    space, nutrition, travel and business news): a rover or lander (not a Land Rover), a
    crater (not support that cratered), handsets and foldables, expansion packs, food diaries
    and whole grains, coffee chains, a car's cabin preconditioning, a down payment, travel and
    tourism (travellers only beside another travel word; no fellow travellers), personal
    finance."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


_PLUMES = [
    "the telescope found water vapour above the moon",
    "astronomers saw the plumes twice",
    "the planets of the system are cold",
    "the plumes of Tarsa rise a hundred kilometres",
    "we thank our families for their patience",
]


def _with_headline(taxonomy: list[TopicDef], claims: list[str], headline: str | None):
    tagged = [dict(tag(taxonomy, c)) for c in claims]
    return article_topics(taxonomy, tagged, [(c, None) for c in claims], headline)


def test_a_claim_sharing_the_headlines_word_takes_the_articles_subject():
    """Issue 19 round 16: a claim with no topic, a subject of its own and a word of the
    headline in its own words ("plumes", "Tarsa") takes the topic half the article's claims
    (three at least) carry from their own words, the narrowest, via "article"; a claim that
    shares no word with the headline (a thank-you) stays untagged."""
    taxonomy = load_taxonomy()
    found = _with_headline(taxonomy, _PLUMES, "Plumes of Tarsa spew water into space")
    assert found[3] == {"natural-science": "article"}
    assert found[4] == {}


def test_no_article_subject_without_a_headline_or_half_the_claims_or_one_tree():
    """The article's subject needs a headline, half the claims carrying it (three at least)
    and one tree: a story whose claims split between two trees has no one subject."""
    taxonomy = load_taxonomy()
    assert _with_headline(taxonomy, _PLUMES, None)[3] == {}
    few = [_PLUMES[0], "the bakery sold more bread", "the mayor met the firemen", *_PLUMES[3:]]
    assert _with_headline(taxonomy, few, "Plumes of Tarsa spew water into space")[2] == {}
    assert _with_headline(taxonomy, few, "Plumes of Tarsa spew water into space")[3] == {}
    split = [
        *_PLUMES[:3],
        "the shares rose after the merger",
        "the stock market fell",
        "the bank cut its profit forecast",
    ]
    split.append(_PLUMES[3])
    assert article_subject(taxonomy, [dict(tag(taxonomy, c)) for c in split]) is None
    assert _with_headline(taxonomy, split, "Plumes of Tarsa spew water into space")[-1] == {}


def test_the_articles_subject_is_the_narrowest_topic_half_the_claims_carry():
    taxonomy = load_taxonomy()
    tagged = [dict(tag(taxonomy, c)) for c in _PLUMES]
    assert article_subject(taxonomy, tagged) == "natural-science"
    assert headline_words("The Plumes of Tarsa's moons") == {"plume", "tarsa", "moon"}


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        ("competition-discipline", "the striker has scored in four straight games", None),
        (
            "competition-discipline",
            "a striker on loan from Dunmore",
            "the hunger striker was moved",
        ),
        ("competition-discipline", "the goalscorer was booked in the second half", None),
        ("competition-discipline", "the goaltender stopped 31 shots", None),
        ("competition-discipline", "he was caught offside twice", None),
        ("competition-discipline", "the side is unbeaten since March", None),
        ("competition-discipline", "the half marathon starts at the pier", None),
        ("competition-discipline", "the course is fast, so expect personal bests", None),
        ("competition-discipline", "she will be fit after the international break", None),
        ("celebrity", "the singer and the chef got engaged in Rome", "the army engaged the rebels"),
        ("celebrity", "the couple tied the knot at a vineyard", None),
        ("celebrity", "the wedding guests arrived by boat", None),
        ("arts-entertainment", "the world premiere is set for May", "her premiere speech"),
        ("arts-entertainment", "her co-star said the shoot ran long", None),
        ("retail", "the chain is closing stores across the north", None),
        ("retail", "shoppers spent less in the first week of sales", None),
        ("retail", "retail sales fell for a third month", "the retail politics of Iowa"),
        ("retail", "the store hired 40 retail staff", "the bank's retail bankers"),
        ("retail", "the supermarket chain's profits rose", "a shooting at a supermarket"),
        ("travel", "the layover in Dunmore was eight hours", None),
        ("travel", "package holiday prices rose 8%", None),
        ("travel", "book flights six weeks ahead", None),
        ("personal-finance", "check your credit score before you apply", None),
        ("personal-finance", "an emergency fund of three months' pay", None),
        ("personal-finance", "pay off high-interest debt first", None),
        ("government-policy", "the agency regulates blood banks", "renin regulates blood pressure"),
        ("elections", "a new poll shows her ahead", "rivals mock it as poll-tested timidity"),
        (
            "international-relations",
            "the international community condemned it",
            "she will be fit after the international break",
        ),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_17(slug, tagged, untagged):
    """Issue 19 round 17 (learned on the even half of the web pages, PolNeAR train and invented
    items): a football side's words without a sport word (the striker, not a hunger striker;
    goalscorers, goaltenders, offside, unbeaten, the international break), running (a half
    marathon, personal bests), a celebrity engagement or wedding (not an army that engaged),
    a film's premiere (not a speaker's), retail (store closures, shoppers, retail sales; no
    retail politics; a supermarket only beside another economy word), travel (layovers,
    package holidays, booking flights) and personal finance (credit scores, emergency funds).
    Misfires read on the even half: a hormone that regulates blood pressure is no regulation,
    a poll-tested message no poll, a football side's international break no diplomacy."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


def test_games_on_a_page_about_video_games_are_video_games():
    """Issue 19 round 17: "games" is ambiguous (a team's games, political games); it means
    video games beside a word of the arts tree ("the streaming service will add 40 games"), or
    on a page whose other claims are about video games from their own words."""
    taxonomy = load_taxonomy()
    assert "video-games" in slugs(tag(taxonomy, "the streaming service will add 40 games"))
    assert not tag(taxonomy, "more than 90 games before the free tier opens in spring")
    claims = [
        "the new console runs every title at 60fps",
        "multiplayer stays free for the first month",
        "more than 90 games before the free tier opens in spring",
    ]
    assert "video-games" in _with_headline(taxonomy, claims, None)[2]
    sport = ["the striker scored twice", "the goalkeeper was injured", "the games were close"]
    assert "video-games" not in _with_headline(taxonomy, sport, None)[2]


_MATCH = [
    "the tennis match was the hardest of her career",
    "the tournament had never seen a comeback like it",
    "her coach said the tennis season had been long",
    "the semifinal was played in heavy rain",
    "I almost fainted out there",
    "that",
]
_MATCH_HEADLINE = "Holt wins the tennis final after a long comeback"


def test_a_claim_with_no_topic_takes_the_subject_the_whole_article_is_about():
    """Issue 19 (branch s19-ctx): where the headline names a topic of the article's subject's
    tree and two thirds of its claims carry a topic of that tree from their own words, a
    claim with no topic and no word of the headline ("I almost fainted out there" in a match
    report) takes the subject too, via "article"; a claim that says nothing ("that") does
    not."""
    taxonomy = load_taxonomy()
    found = _with_headline(taxonomy, _MATCH, _MATCH_HEADLINE)
    assert found[4] == {"sport-event": "article"}
    assert found[5] == {}


def test_no_subject_of_the_whole_article_without_its_headline_or_two_thirds_of_the_claims():
    """A headline that names no topic of the subject's tree, no headline, or only half the
    claims carrying the subject (a story about more than one thing) lends nothing to a claim
    that shares no word with the headline."""
    taxonomy = load_taxonomy()
    assert _with_headline(taxonomy, _MATCH, _MATCH_HEADLINE)[4]  # as the test above
    assert _with_headline(taxonomy, _MATCH, "Holt stuns the favourite in Paris")[4] == {}
    assert _with_headline(taxonomy, _MATCH, None)[4] == {}
    half = [
        *_MATCH[:3],
        "the bakery on the corner sold out of bread",
        "the new bridge opened to cars on Monday",
        _MATCH[4],
    ]
    assert article_subject(taxonomy, [dict(tag(taxonomy, c)) for c in half]) == "sport-event"
    found = _with_headline(taxonomy, half, _MATCH_HEADLINE)
    assert found[5] == {}


def test_the_whole_articles_subject_goes_to_no_claim_about_a_person_or_a_campaign():
    """A claim that names someone ("she", "Ted Moss") is about that person, and a campaign
    story's untagged claims are about the people in the race (learned on PolNeAR train with
    each text's first line as its headline): neither takes the whole article's subject."""
    taxonomy = load_taxonomy()
    assert _with_headline(taxonomy, _MATCH, _MATCH_HEADLINE)[4]  # "I almost fainted out there"
    about_her = [*_MATCH[:4], "she almost fainted out there", "Ted Moss almost fainted there"]
    found = _with_headline(taxonomy, about_her, _MATCH_HEADLINE)
    assert found[4] == {}
    assert found[5] == {}
    race = [
        "the election results came in late",
        "the voters turned out in record numbers",
        "the ballots were counted twice",
        "the primary was close",
        "it was a long night for everyone",
    ]
    assert _with_headline(taxonomy, race, "Holt loses the election by a few votes")[4] == {}


def test_a_headline_names_the_whole_articles_subject_by_a_word_its_claims_share():
    """A headline with no keyword of the subject's tree still names it where two of the claims
    carrying the tree share a word with it ("Paris"); one claim is not enough."""
    taxonomy = load_taxonomy()
    headline = "Holt stuns the favourite in Paris"
    paris = [
        "the tennis match in Paris was the hardest of her career",
        "the Paris tournament had never seen a comeback like it",
        *_MATCH[2:],
    ]
    assert _with_headline(taxonomy, paris, headline)[4] == {"sport-event": "article"}
    once = [paris[0], *_MATCH[1:]]
    assert _with_headline(taxonomy, once, headline)[4] == {}


_FLU = [
    "the flu season started early this year",
    "hospitals saw twice as many flu patients",
    "the vaccine cuts the risk of severe illness",
    "the council raised parking fees in the centre",
    "the queues stretched around the block by breakfast",
    "that was that",
]
_FLU_HEADLINE = "Flu cases double as winter arrives"


def test_a_things_subject_at_half_the_claims_goes_to_a_claim_of_its_own_subject():
    """Issue 19 round 22 (branch s19-cover3): where half the article's claims carry a subject
    from their own words, the headline names its tree, the tree is a thing's (health, not a
    trial or a war) and two thirds of the claims have a topic, a claim with no topic, a
    subject of its own and no one named in it takes the subject, via "article" (the queues of
    a flu story: short of the two thirds ``_dominates`` asks); a claim that says nothing
    ("that was that") or names someone does not."""
    taxonomy = load_taxonomy()
    found = _with_headline(taxonomy, _FLU, _FLU_HEADLINE)
    assert found[4] == {"health": "article"}
    assert found[5] == {}
    about_her = [*_FLU[:4], "she queued around the block by breakfast", _FLU[5]]
    assert _with_headline(taxonomy, about_her, _FLU_HEADLINE)[4] == {}


def test_no_subject_lent_at_half_for_peoples_affairs_a_mixed_story_or_an_unnamed_tree():
    """The lending of round 22 needs a thing's subject: a trial's ("Jury convicts ...") is
    about the people in it, as are a race's, a war's and a community's (NO_LENT_SUBJECT);
    two thirds of the claims with a topic (a story half about a bakery and a bridge is about
    more than its subject); a headline that names the tree; and a claim of LENT_WORDS words
    or more ("longer queues" is a fragment)."""
    taxonomy = load_taxonomy()
    assert _with_headline(taxonomy, _FLU, _FLU_HEADLINE)[4]  # as the test above
    court = [
        "the jury found the defendant guilty",
        "the judge will pass sentence in May",
        "prosecutors said the fraud ran for years",
        *_FLU[3:],
    ]
    assert _with_headline(taxonomy, court, "Jury convicts former mayor of fraud")[4] == {}
    mixed = [
        *_FLU[:3],
        "the bakery on the corner sold out of bread",
        "the new bridge opened on Monday",
        _FLU[4],
    ]
    assert _with_headline(taxonomy, mixed, _FLU_HEADLINE)[5] == {}
    assert _with_headline(taxonomy, _FLU, "A long winter arrives early")[4] == {}
    fragment = [*_FLU[:4], "longer queues", _FLU[5]]
    assert _with_headline(taxonomy, fragment, _FLU_HEADLINE)[4] == {}


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        ("royalty", "the queen said the monarchy will pay", "they aim to oust the Saudi monarchy"),
        (
            "royalty",
            "the coronation ceremony is set for June",
            "the coronation of the front-runner",
        ),
        ("royalty", "she stepped back from royal duties last year", None),
        ("transport", "the 737 MAX was grounded for a week", None),
        ("transport", "the cockpit door stayed locked for the whole flight", None),
        ("transport", "cancelled flights left hundreds stranded", None),
        ("transport", "bike lanes will line the new bridge", None),
        ("transport", "car buyers waited months for their new car", None),
        (
            "transport",
            "a bicycle was parked outside",
            "he is in it for the long haul",
        ),
        ("electric-vehicles", "the battery pack gives a driving range of 300 miles", None),
        ("electric-vehicles", "the battery holds 82 kWh", None),
        ("car-features", "the engine makes 400 lb-ft of torque", None),
        ("car-features", "it does 0-60 mph in 4 seconds and has a top speed of 150 mph", None),
        ("video-games", "Fortnite and Minecraft topped the download charts", None),
        ("video-games", "players hate the loot boxes in the new shooter", None),
        ("weather", "up to six inches of snow fell overnight", None),
        ("weather", "winds of 70 mph tore roofs off", None),
        ("weather", "a cold front will bring frost by Sunday", None),
        ("match-statistics", "the goalie stopped 31 shots in the win", "the guards fired 31 shots"),
        ("match-statistics", "she had 22 points and 11 rebounds", None),
        ("match-statistics", "the side is unbeaten in their last 12 games", None),
        ("retail", "the chain will close 40 stores next year", "the police closed the stores"),
        ("job-cuts", "the airline will cut 2,500 jobs", None),
        ("job-cuts", "the plant laid off hundreds of workers", None),
        ("infectious-diseases", "doctors warned of an outbreak of measles cases", None),
        ("infectious-diseases", "the hospital saw no outbreak", "the outbreak of the war"),
        ("arts-entertainment", "she wrote the lyrics on a train", None),
        ("arts-entertainment", "she signed a book deal last spring", None),
        ("competition-discipline", "he took four wickets on the first day", None),
        ("lifestyle", "a veterinarian checked the puppies", None),
        ("pollution-nature", "warming seas bleach the coral reefs", None),
        ("personal-finance", "save six months of living expenses first", None),
        ("housing-property", "the city will expand rent control", "he rents a flat in town"),
        ("family-life", "toddlers need less screen time", "the group defended Planned Parenthood"),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_18(slug, tagged, untagged):
    """Issue 19 round 18 (learned on the even half of the web pages, PolNeAR train and invented
    items): royalty (the monarchy, a coronation ceremony, royal duties; not a race called a
    coronation), aviation and roads (an aircraft by its type number, air traffic control,
    cancelled flights, bikes, new cars; not the long haul), an electric car's range and
    charging, a car's torque and 0-60 time, video games by name, weather by amount (inches
    of snow, winds of so many mph), match statistics with a number (saves, points and
    rebounds, the last so many games), store closures and job cuts with a number, an outbreak
    beside a health word, lyrics and book deals, cricket, pets, coral reefs, living expenses,
    rents, toddlers (not Planned Parenthood)."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


def test_a_hash_in_a_keyword_is_a_number():
    """Issue 19 round 18: "#" in a keyword stands for a number, in figures or in words
    ("close # stores"); a keyword otherwise matches its words only."""
    topic = TopicDef("store-closures", "Store closures", ("close # stores",))
    for number in ("30", "1,200", "2.5", "twenty-five", "hundreds of"):
        assert topic.matches(f"the chain will close {number} stores"), number
    for text in ("close stores", "close the stores", "close 30 more stores", "close # stores"):
        assert not topic.matches(f"the chain will {text}"), text


def test_a_keyword_with_a_number_is_screened_by_its_heads():
    """Issue 19 round 18: a keyword that starts with "#" still has heads for the screen
    (store/screen.py): its topic is searched only in a text with a number in it."""
    from claimtrack.store import screen

    topic = TopicDef("stats", "Stats", ("# rebounds",))
    found = screen.heads(topic.pattern)
    assert found is not None and {"1", "9"} <= found
    assert any(head.startswith("two") for head in found)
    assert topic.matches("she had 11 rebounds") and topic.matches("two rebounds")
    assert not topic.matches("the market rebounds")


@pytest.mark.parametrize(
    "sentence",
    [
        "TV ads shown during NFL games all season",
        "the network showed the football games on television",
        "the broadcast of the Olympic Games drew a record TV audience",
        "the film is about the mind games of two spies",
    ],
)
def test_games_of_a_sport_beside_a_tv_word_are_no_video_games(sentence):
    """Issue 19 round 18: "games" beside a word of the arts tree means video games, but not
    a league's or a team's games, the Olympic Games or mind games: those are excluded."""
    assert "video-games" not in slugs(tag(load_taxonomy(), sentence))


def test_a_bid_for_the_white_house_is_no_claim_about_government():
    """Issue 19 (branch s19-prec): "the White House" in a bid for it, a race for it or a
    contender for it is the presidency as a prize (an election word), not the government;
    the White House as the government still is."""
    taxonomy = load_taxonomy()
    for race in (
        "Ann Holt, who ended her bid for the White House on Friday, was a gracious rival",
        "months before Ted Moss launched his long-shot White House bid",
        "the party hopes to win the White House in the fall",
        "the Kestrel Bay senator is a White House hopeful with little money",
    ):
        found = slugs(tag(taxonomy, race))
        assert "government" not in found, race
    assert "elections" in slugs(
        tag(taxonomy, "months before Ted Moss launched his White House bid")
    )
    assert "government" in slugs(tag(taxonomy, "the White House will veto the budget bill"))


def test_a_word_describing_a_contestant_says_who():
    """Issue 19 (branch s19-prec): a party or an office before a contestant ("his Democratic
    presidential challenger", "the Republican 2016 hopefuls", "state legislative candidates")
    says which camp or office someone runs in, not what the claim is about; a word of the
    race itself ("a presidential primary contender") and the party on its own still count."""
    taxonomy = load_taxonomy()
    found = slugs(tag(taxonomy, "his Democratic presidential challenger would raise taxes"))
    assert "political-parties" not in found and "taxes" in found
    assert "political-parties" not in slugs(
        tag(taxonomy, "she would beat any of the 2016 Republican hopefuls in a debate")
    )
    found = slugs(tag(taxonomy, "she endorsed eight state legislative candidates in Ohio"))
    assert "government" not in found and "elections" in found
    assert "elections" in slugs(tag(taxonomy, "she is a presidential primary contender"))
    assert "political-parties" in slugs(tag(taxonomy, "the Republican Party is split on trade"))


def test_a_title_before_a_surname_or_a_word_of_a_buildings_name_says_who_or_where():
    """Issue 19 (branch s19-prec): a trade written as a title before a surname ("Ambassador
    Moss confirmed ...") names the person, as it does before a full name; a keyword inside
    a building's name ("the Harbor Loans Arena", "the Holt International Golf Club") names
    the place. The trade as a word ("the ambassador") and a cleric's title still count."""
    taxonomy = load_taxonomy()
    said = "Ambassador Moss confirmed that he had seen no sign of a deal"
    assert "international-relations" not in slugs(tag(taxonomy, said))
    assert "economy" not in slugs(tag(taxonomy, "a crowd of 9,000 filled the Harbor Loans Arena"))
    paid = "the Holt International Golf Club was paid $20,000 for the dinner"
    assert "international-relations" not in slugs(tag(taxonomy, paid))
    said = "the ambassador confirmed that the treaty talks would resume"
    assert "international-relations" in slugs(tag(taxonomy, said))
    assert "religion" in slugs(tag(taxonomy, "Pope Gregory will visit the island in May"))


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        ("justice", "the mayor's aides may have broken the law", "she broke the news to him"),
        ("justice", "he called it a clear violation of the law", None),
        ("justice", "a judge granted her a restraining order", None),
        ("disaster", "the ferry ran aground near Kestrel Bay", None),
        ("disaster", "the river burst its banks overnight", None),
        ("trade", "protesters marched against TTIP", None),
        ("business-enterprise", "the hotel chain will open ten sites", None),
        ("transport", "the co-pilot had logged 3,100 flying hours", None),
        ("labour", "millions have given up looking for work", "the drug does not work"),
        ("government", "the senator called the order an abuse of power", None),
        ("government-policy", "the governor's executive actions on water use", None),
        ("fundamental-rights", "the panel said the writer was arbitrarily detained", None),
        ("fundamental-rights", "the group counts 300 political prisoners", None),
        ("punishment", "the court upheld his death sentence", None),
        ("housing-property", "the owner keeps raising the rent", None),
        ("housing-property", "the council approved a housing development", None),
        ("labour-relations", "the nurses' union called a strike for Monday", None),
        ("prizes", "she was named an award recipient this year", None),
        ("prizes", "the award ceremony will be held in May", None),
        ("maritime-disputes", "boats patrol the disputed waters", None),
        (
            "family-life",
            "the couple are expecting their second child",
            "Ann Holt, the Queen's third child",
        ),
        (
            "family-life",
            "we can't wait to meet our first grandchild",
            "for our children and grandchildren",
        ),
        ("family-life", "the singer announced her engagement", None),
        (
            "competition-discipline",
            "the winger is out for six weeks",
            "a right-winger in the cabinet",
        ),
        ("sports-transaction", "the club signed the keeper for a record fee", None),
        ("car-features", "the wagon seats seven and has a panoramic roof", None),
        ("products-services", "the laptop has a 13-inch display", None),
        ("products-services", "it runs for ten hours on a single charge", None),
        ("products-services", "the Lego set has 3,000 pieces", None),
        ("video-games", "the console bundle includes two controllers", None),
        ("government-policy", "states would get the money as block grants", None),
        ("education", "the plan doubles Pell grants", None),
        ("labour", "the rule restores overtime protections", None),
        ("business-enterprise", "two casinos closed on the seafront", None),
    ],
)
def test_subjects_of_general_news_of_issue_19_round_20(slug, tagged, untagged):
    """Issue 19 round 20 (branch s19-cover; learned on the even half of the web pages,
    PolNeAR train and invented items): a law broken or violated, a restraining order, a ship
    aground, a river over its banks, TTIP in capitals, a hotel chain, a co-pilot's flying
    hours, people out of work, an abuse of power, executive actions, arbitrary detention and
    political prisoners, a death sentence, rent rises and housing developments, a strike
    called, award ceremonies and recipients, disputed waters, a child or grandchild expected
    (not a person described as someone's child, nor grandchildren as future generations); and
    of product pages and sport: a winger (not a right-winger), a record fee, a car's seats and
    roof, a screen's size, a battery's single charge, Lego, a console bundle; block grants,
    Pell grants, overtime protections, casinos."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


def test_a_poll_result_of_two_shares_needs_the_articles_company():
    """Issue 19 round 20: "48 percent to 41 percent" is a poll's or a vote's two shares where
    the article is on an election (two other claims carry the topic, or the headline); a
    change "from 5 percent to 7 percent" or a range "by 4 percent to 12 percent" is none."""
    taxonomy = load_taxonomy()
    result = "she leads him 48 percent to 41 percent among women"
    assert "elections" not in slugs(tag(taxonomy, result))
    maybe = ambiguous_topics(taxonomy, result)
    assert maybe.get("elections") == "keyword"
    vote = {"elections": "keyword"}
    assert agree(taxonomy, [vote, vote, {}], ambiguous=[{}, {}, maybe])[2] == {
        "elections": "keyword"
    }
    assert agree(taxonomy, [{}, {}, {}], ambiguous=[{}, {}, maybe])[2] == {}
    for change in (
        "the rate rose from 5 percent to 7 percent",
        "cut emissions by 4 percent to 12 percent",
    ):
        assert "elections" not in ambiguous_topics(taxonomy, change), change


GALA_STORY = """A gala at the Lakeside town hall

The Lakeside town hall held its spring gala on Friday.

Jo Ray said the evening was a lovely surprise for the whole family.
"""


def tags_of(db_url: str) -> set[tuple[str, str, str]]:
    """Every (content, topic, via) of a database's claims."""
    from sqlalchemy import select

    from claimtrack.store.engine import make_engine, resolve_url
    from claimtrack.store.models import Claim, ClaimTopic, Topic

    engine = make_engine(resolve_url(db_url))
    with engine.connect() as conn:
        got = conn.execute(
            select(Claim.content, Topic.slug, ClaimTopic.via)
            .join(ClaimTopic, ClaimTopic.claim_id == Claim.id)
            .join(Topic, Topic.id == ClaimTopic.topic_id)
        ).all()
    engine.dispose()
    return {tuple(r) for r in got}


def test_topics_update_tags_as_ingest_did_with_the_role_each_article_gives(cli, db_url, tmp_path):
    """Re-tagging reads the speaker's role the claim's own article gave (stored with the
    claim), as ingest did, not the role the speaker was stored with from another article: the
    coach's words at a town gala are no match report, before `topics update` or after."""
    (tmp_path / "coach.txt").write_text(COACH_STORY, encoding="utf-8")
    (tmp_path / "gala.txt").write_text(GALA_STORY, encoding="utf-8")
    cli("ingest", str(tmp_path / "coach.txt"), "--published", "2024-03-02", "-q", db=db_url)
    cli("ingest", str(tmp_path / "gala.txt"), "--published", "2024-03-09", "-q", db=db_url)
    ingested = tags_of(db_url)
    gala = "the evening was a lovely surprise for the whole family"
    assert not {t for t in ingested if t[0] == gala}
    assert ("the boys showed real character after the break", "sports-coaching", "speaker") in (
        ingested
    )
    cli("topics", "update", db=db_url)
    assert tags_of(db_url) == ingested


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # a word of legality said of someone's immigration status is no crime or law
        (
            "they want immigrants living here illegally to be deported",
            "immigration",
            "justice",
        ),
        ("he opposes legal status for undocumented workers on the farms", "immigration", "justice"),
        ("the mayor said the illegals must go home", "immigration", "justice"),
        # ... while a word of legality about a deed still is
        ("the ferry contract was found to be illegal", "justice", None),
        ("he was arrested for illegally dumping waste in the river", "justice", None),
        # "plan" as an intention is no policy; a plan someone has is
        (
            "the government has no plans to cut spending on ferries",
            "government",
            "government-policy",
        ),
        ("the government does not plan to raise the ferry budget", "economy", "government-policy"),
        ("his plan to cut government spending on ferries", "government-policy", None),
        ("the government's plan to cut spending on ferries", "government-policy", None),
        # a trade before "billionaires" says who, like "tycoon"
        ("attacks on her paid for by two hedge fund billionaires", None, "market-exchange"),
        ("hedge funds lost money this year", "market-exchange", None),
        # ... and so does a field before one person's post: "campaign manager", "spokesman"
        ("the campaign manager grabbed a woman by the arm", None, "elections"),
        ("the foreign ministry spokesman was angry", None, "foreign-ministries"),
        ("the campaign raised $5 million in March", "elections", None),
        ("the foreign ministry summoned the ambassador", "foreign-ministries", None),
        # the money of a campaign is an election's, not the economy's
        ("the ruling on campaign finance must be overturned", "elections", "economy"),
        ("campaign spending by the two sides topped $5 million", "elections", "economy"),
        ("ad spending in the race for mayor reached $2 million", "elections", "economy"),
        ("consumer spending fell in March", "economy", None),
    ],
)
def test_status_intentions_and_campaign_money_of_issue_19_precision_round_21(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), own_words(sentence, 0)))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_cue_of_five_words_says_what_a_claim_with_no_subject_is_about():
    """Issue 19, third session of 2026-12-07 (branch s19-cover2): a poll's or a voter's
    cue of five words ("held a favorable opinion of", "are definitely not voting for") is
    all a claim that is only a name or a pronoun says of what it is about; a longer cue runs
    over other matters and lends nothing, as before."""
    tax = load_taxonomy()
    assert "opinion-polls" in slugs(tag(tax, "him", cue="held a favorable opinion of"))
    assert slugs(tag(tax, "Ted Moss", cue="are definitely not voting for")) == {"elections"}
    assert "opinion-polls" in slugs(tag(tax, "Ann Holt", cue="have an unfavorable view of"))
    assert tag(tax, "Ted Moss", cue="began a roll call vote to nominate") == []


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        ("disaster", "the quake killed at least 40 people", None),
        ("disaster", "aftershocks rattled the region overnight", None),
        ("disaster", "the ferry sank with 50 people on board", None),
        ("disaster", "bushfires threaten two states", None),
        ("disaster-incidents", "the plane made an emergency landing in Calder", None),
        ("transport", "the city will fill 10,000 potholes this year", None),
        ("transport", "bus fares will rise in January", None),
        (
            "family-life",
            "the couple welcomed a baby girl on Tuesday",
            "the shop welcomed their first customers",
        ),
        ("society", "the birth rate fell for the sixth year", None),
        ("housing-property", "the town plans to build 5,000 affordable homes", None),
        ("business-enterprise", "the competition regulator blocked the deal", None),
        ("car-features", "the airbags can deploy without warning", None),
        ("food-drink", "the vineyard produces 10,000 bottles a year", None),
        ("health", "the watch tracks your heart rate", None),
        ("health-care", "waiting times at emergency departments grew", None),
        ("public-health", "the mask mandate ends on Monday", None),
        ("competition-discipline", "the team faces relegation", None),
        ("competition-discipline", "she made three birdies", "a little birdie told me"),
        (
            "competition-discipline",
            "the jockey was hurt in a fall",
            "the candidates were jockeying for position",
        ),
        ("taxes", "the plan raises VAT to 20 percent", None),
        ("weather", "heavy rain is expected on Sunday", None),
        ("weather", "the heat dome broke records", None),
        ("pollution-nature", "the ice shelf collapsed", None),
        ("technology-engineering", "the GPU is twice as fast", None),
        ("video-games", "the DLC adds ten new levels", None),
        (
            "space-programme",
            "a crewed mission to Mars is years away",
            "a ship crewed by volunteers",
        ),
        (
            "judiciary",
            "he vowed to enact judicial reform",
            "Judicial Watch obtained the e-mails",
        ),
        ("competition-discipline", "two jockeys fell at the last", "they jockey for position"),
        ("elections", "he is back on the stump in Ohio", None),
        ("economy", "a $4 trillion tax cut", "a trillion stars in the galaxy"),
    ],
)
def test_subjects_of_general_news_of_issue_19_third_session(slug, tagged, untagged):
    """Issue 19, third session of 2026-12-07 (branch s19-cover2): subjects of general news
    found by invented sentences of each beat (disasters, transport, family, housing, business,
    cars, food, health, sport, taxes, weather, nature, technology, games, space) and by the
    vocabulary of the learning sets (judicial reform, on the stump, a trillion beside
    a plain word of the economy); a jockey, not candidates jockeying or who jockey for
    position; judicial reform, not Judicial Watch (a group's name); a crewed mission, not a
    ship crewed by volunteers; birdies, not a little birdie; a baby welcomed, not customers."""
    taxonomy = load_taxonomy()
    assert slug in slugs(tag(taxonomy, tagged))
    assert untagged is None or slug not in slugs(tag(taxonomy, untagged))


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        # a simile: what a claim is likened to is not its subject
        ("the charity was run like a used car dealership", None, "products-services"),
        ("the budget meeting was like a courtroom drama", None, "judiciary"),
        ("in the same way Olympic sprinters train, the crew rehearsed the launch", None, "sport"),
        ("measures like a ban on assault weapons would save lives", "security", None),
        # a prison term a court gives is a punishment
        ("she got 18 months in jail for the fraud", "punishment", None),
        ("he could face a jail term of two years", "punishment", None),
        ("the prison guards went on strike", "law-enforcement", None),
        # a Security Council is a body of international relations
        ("the Security Council met on Friday", "international-relations", None),
        ("the National Security Council met on Friday", None, "international-relations"),
        # a council's or a chamber's debate is no election debate
        ("the Security Council debate on the ceasefire ran for six hours", None, "elections"),
        ("the parliamentary debate on the bill ran past midnight", None, "elections"),
        ("the first debate between the two candidates is in May", "elections", None),
        # a field before a teacher's post says who
        ("the economics professor was travelling to a conference", None, "economy"),
        ("a political science professor at a state college", None, "politics"),
        # senses: a political extremist on an issue, a murder weapon, a TV ad
        ("the true extremist on abortion is the governor", None, "terrorism"),
        ("he put the murder weapon up for sale", "crime", "security"),
        ("TV ad spending in the race for mayor reached $2 million", "elections", "mass-media"),
        ("the television network cut its news budget", "mass-media", None),
        # a public-service ad campaign is no business's marketing
        ("the state's anti-drug ad campaign drew mockery", None, "business-enterprise"),
        ("the brand's ad campaign lifted sales", "business-enterprise", None),
        # grief and death threats have subjects of their own
        ("a mother's grief over the loss of her son", "human-interest", None),
        ("good grief, nobody reads the rules", None, "human-interest"),
        ("the lawmaker received death threats after the vote", "crime", None),
    ],
)
def test_similes_sentences_debates_and_senses_of_issue_19_precision_round_22(sentence, want, wrong):
    found = slugs(tag(load_taxonomy(), own_words(sentence, 0)))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


@pytest.mark.parametrize(
    ("content", "want", "wrong"),
    [
        # the attribution between the pieces of a quotation says where it was said
        (
            "“The bakery will reopen in spring,” Ann Holt said at a rally in Dayton last"
            " month. “The ovens are already on order.”",
            None,
            "elections",
        ),
        (
            "“My garden is my pride,” she said on stage at the party convention."
            " “The roses came first this year.”",
            None,
            "elections",
        ),
        # ... but one that says what the quotation is about, or narrates, is read
        (
            "“We never allowed it,” Ted Moss said of waterboarding. “Not once.”",
            "fundamental-rights",
            None,
        ),
        (
            "“We will be fine,” she said at a rally, adding that the election was won."
            " “Believe me.”",
            "elections",
            None,
        ),
        # a quotation's own words still count
        ("“Every word I said during the campaign still holds,”", "elections", None),
    ],
)
def test_attributions_inside_a_long_quotation_of_issue_19_precision_round_22(content, want, wrong):
    found = slugs(tag(load_taxonomy(), own_words(content, 0)))
    assert want is None or want in found, found
    assert wrong is None or wrong not in found, found


def test_a_heading_that_mourns_lends_no_grief_to_claims_that_say_nothing():
    """Issue 19, round 22: grief is a subject ("to mourn the death of her mother"), but a
    section heading that only says a city mourns names no object of it: the claims under it
    ("messages", "insufficient") take nothing from it."""
    tax = load_taxonomy()
    assert "human-interest" in slugs(tag(tax, "she flew home to mourn the death of her mother"))
    assert "human-interest" not in slugs(tag(tax, "messages", heading="THE CITY MOURNS"))


def test_a_name_alone_or_a_fragment_borrows_no_heading_or_sentence_topic_round_23():
    tax = load_taxonomy()
    heading = "Military aid held up for weeks"
    # a name alone says who, not what about: the section's subject is not the claim's
    assert tag(tax, "Ann Holt", heading=heading) == []
    assert tag(tax, "Holt", heading=heading) == []
    # a claim that says something still takes its heading
    assert ("security", "heading") in tag(tax, "the shipments would take weeks", heading=heading)
    # what is left of a clause ("to 'cheer'", "acting quickly", "themselves voting") takes
    # nothing from its sentence's election
    for content, quote in (
        ("to “cheer”", "cheer"),
        ("acting quickly", None),
        ("acting now", None),
        ("themselves winning", None),
    ):
        frame = f"At the election rally on Tuesday, she told them {content} ."
        assert tag(tax, content, quote, frame=frame) == [], content
    # a noun with its determiner or an adjective is a subject of its own (a noun of no
    # domain, "the timing", is not: round 24)
    for content in ("a slowdown", "the ferry timetable", "legal status"):
        frame = f"At the election rally on Tuesday, she questioned {content} ."
        assert ("elections", "sentence") in tag(tax, content, frame=frame), content


@pytest.mark.parametrize(
    ("sentence", "want", "wrong"),
    [
        ("we cannot be timid and weak like our politicians", None, "politics"),
        ("he stayed calm and brave like a firefighter", None, "disaster"),
        ("they were quiet like a church on Monday", None, "religion"),
        ("the politicians failed the town", "politics", None),
        ("measures like a ban on assault weapons", "security", None),
    ],
)
def test_a_simile_after_an_adjective_round_23(sentence: str, want: str | None, wrong: str | None):
    found = slugs(tag(load_taxonomy(), sentence))
    if want:
        assert want in found, found
    if wrong:
        assert wrong not in found, found


def test_a_noun_of_no_domain_borrows_no_heading_or_sentence_topic_round_24():
    tax = load_taxonomy()
    frame = "At the election rally on Tuesday, the mayor asked about {} ."
    # a determiner, a pronoun or whose it is around a noun of no domain: no subject of its own
    for content in (
        "the timing",
        "a photo",
        "an incident",
        "the move",
        "their fingers",
        "proof",
        "him a loser",
        "Ann Holt's photo",
        "its strength here",
    ):
        assert tag(tax, content, frame=frame.format(content)) == [], content
        assert tag(tax, content, heading="Election night in Dayton") == [], content
    # a noun of a field, or a second word, says what about: it still borrows
    for content in ("a slowdown", "that promise", "legal status", "the photo ban"):
        assert ("elections", "sentence") in tag(tax, content, frame=frame.format(content)), content
    # its own keyword still counts
    assert ("elections", "keyword") in tag(tax, "the timing of the election")


@pytest.mark.parametrize(
    ("claim", "want", "wrong"),
    [
        ("her county is on meth", "public-health", "crime"),
        ("he admitted he was high on meth that night", "public-health", "crime"),
        ("the town has a meth crisis", "public-health", "crime"),
        ("the gang sold meth to teenagers", "crime", None),
        ("officers seized meth and cash", "crime", None),
        ("the reform was a continuation of a state-sanctioned purge", None, "sanctions"),
        ("the union sanctioned three banks for fraud", "sanctions", None),
    ],
)
def test_drug_use_is_no_crime_and_an_approval_no_sanction_round_24(
    claim: str, want: str | None, wrong: str | None
):
    found = slugs(tag(load_taxonomy(), claim))
    if want:
        assert want in found, found
    if wrong:
        assert wrong not in found, found


@pytest.mark.parametrize(
    ("claim", "want", "wrong"),
    [
        ("I’m on meth most days, she wrote", "public-health", "crime"),
        ("we're on meth in this valley", "public-health", "crime"),
        ("she holds a master’s degree in nursing", "education", None),
        ("he holds a master's degree in nursing", "education", None),
    ],
)
def test_a_keyword_s_apostrophe_matches_a_straight_or_a_curly_one(
    claim: str, want: str | None, wrong: str | None
):
    found = slugs(tag(load_taxonomy(), claim))
    assert want in found, found
    if wrong:
        assert wrong not in found, found


@pytest.mark.parametrize(
    ("content", "wrong"),
    [
        (
            "“I would be strict with the landlords,” Ann Holt said early in the"
            " campaign. “Frankly, that will make them think twice.”",
            "elections",
        ),
        (
            "“The ferry timetable must change,” Ted Moss said at a briefing on the campaign"
            " trail. “Soon.”",
            "elections",
        ),
        (
            "“We fixed the bridge,” she said in a video from the campaign headquarters. “At last.”",
            "elections",
        ),
    ],
)
def test_an_attribution_during_the_campaign_or_at_a_briefing_is_no_subject_s19_cover4(
    content: str, wrong: str
):
    """Issue 19 (branch s19-cover4): "said early in the campaign", "said at a
    briefing", "said in a video" between two pieces of a quotation say when and where
    it was said, as "said at a rally" does: its words are not read for a topic."""
    found = slugs(tag(load_taxonomy(), own_words(content, 0)))
    assert wrong not in found, found


def test_a_police_prosecutor_or_fire_speaker_names_the_field_s19_cover4():
    """Issue 19 (branch s19-cover4): a speaker who is the police, a sheriff, a prosecutor, a
    defence lawyer or a fire service speaks for one field: a claim of theirs that no word and
    no article tags files under it ("Police said | that a camera showed him at the door")."""
    from claimtrack.store.taxonomy import speaker_topics

    tax = load_taxonomy()
    assert speaker_topics(tax, "Police") == {"law-enforcement": "speaker"}
    assert speaker_topics(tax, "a county sheriff") == {"law-enforcement": "speaker"}
    assert speaker_topics(tax, "she", "prosecutor") == {"judiciary": "speaker"}
    assert speaker_topics(tax, "Ted Moss", "defense attorney") == {"judiciary": "speaker"}
    assert speaker_topics(tax, "the fire chief") == {"disaster": "speaker"}
    # a band or a show named "The Police" is no police force
    assert speaker_topics(tax, "The Police") == {}


@pytest.mark.parametrize(
    ("slug", "tagged", "untagged"),
    [
        ("society", "cyberbullying rose at the academy", "the nations bullying their neighbours"),
        ("crime", "the atrocities committed by the militia", None),
        ("security", "the mass surveillance of phone records", None),
        ("wellness", "her struggles with body image", None),
        ("business-enterprise", "the antitrust case against the grocer", None),
        ("housing-property", "the town planning rules for the riverside", None),
        ("family-life", "adoptive parents waited two years", None),
        ("food-drink", "the brewers raised their prices", None),
        ("economy", "the fishermen landed less cod this year", None),
        ("environment", "ocean acidification harms shellfish", None),
        ("transport", "road safety on the ring road", None),
        ("arts-entertainment", "the anime drew record crowds", None),
        ("lifestyle", "dating apps changed how couples meet", None),
    ],
)
def test_subjects_of_general_news_s19_cover4(slug: str, tagged: str, untagged: str | None):
    """Issue 19 (branch s19-cover4): subjects of general news the tree named by no keyword of
    one sense (bullying at school or online, atrocities, mass surveillance, body image,
    antitrust, town planning, adoption, brewers, fishing, the oceans, road safety, anime,
    dating apps); a state "bullying" its neighbours is no school story."""
    tax = load_taxonomy()
    assert slug in slugs(tag(tax, tagged))
    assert untagged is None or slug not in slugs(tag(tax, untagged))
