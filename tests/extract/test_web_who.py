"""Who is credited on real web pages (issue 14, a fact-checker's reading): a dateline is no
speaker, a description of a firm is not the outlet whose name holds its word, a firm or a
brand is no person, and a role keeps no relative clause. Every sentence and name here is
written for these tests; the first line of each text is its title."""

from __future__ import annotations

import pytest

from claimtrack.extract import extract
from claimtrack.extract.roles import written
from claimtrack.extract.speakers import person_name
from tests.handmade import speaker_of

pytest.importorskip("spacy")

TITLE = "Harbour News Today\n"


def _mentions(text: str) -> list[str | None]:
    return [c.speaker.mention.text(text) if c.speaker.mention else None for c in extract(text)]


# --- a dateline is where a report was filed, not who spoke ----------------------------------


def test_a_place_and_region_before_a_colon_are_no_speaker() -> None:
    text = TITLE + 'Port Alder, Westland: "We will rebuild the harbour," the minister said.'
    assert _mentions(text) == ["the minister"]


def test_a_place_before_a_colon_and_a_report_with_its_own_speaker() -> None:
    text = TITLE + "PORT ALDER: The council said it would vote on the budget next week."
    assert _mentions(text) == ["The council"]


def test_a_speakers_label_before_a_colon_still_speaks() -> None:
    text = TITLE + "MARLOWE: We will vote on the budget next week and then go home."
    who = speaker_of(text, "vote on the budget")
    assert who.mention is not None and who.mention.text(text) == "MARLOWE"


# --- a description of a firm is not the outlet that shares its word -------------------------


def test_the_group_is_not_the_media_group_that_reported_it() -> None:
    text = TITLE + (
        "The Harbor Media Group reported on Monday that Brindle Motors had a new van. "
        "The group said the van would go on sale in spring."
    )
    who = speaker_of(text, "go on sale in spring")
    assert who.name != "Harbor Media Group"
    assert who.how is None


def test_the_company_with_its_own_clause_is_not_the_one_named_before() -> None:
    text = TITLE + (
        "Brindle Company built the stage. "
        "The company that runs the fair said on Monday that the fair would go ahead."
    )
    who = speaker_of(text, "fair would go ahead")
    assert who.name != "Brindle Company"


def test_the_company_is_still_the_one_firm_named_before_it() -> None:
    text = TITLE + (
        "Brindle Company built the stage on Friday. "
        "The company said on Monday that the fair would go ahead."
    )
    assert speaker_of(text, "fair would go ahead").name == "Brindle Company"


# --- a firm, a brand or a product is no person ------------------------------------------------


def test_a_name_with_a_firm_in_apposition_is_an_organisation() -> None:
    text = TITLE + "Quorva, the app maker, said on Monday that it had fixed the flaw."
    who = speaker_of(text, "fixed the flaw")
    assert (who.name, who.kind) == ("Quorva", "organization")


@pytest.mark.parametrize(
    ("text", "piece"),
    [
        ("Fennix says its new phone will ship in June.", "ship in June"),
        ("Velkor has shown a new coupe in its electric range.", "new coupe"),
    ],
)
def test_a_name_that_speaks_of_its_own_product_is_an_organisation(text: str, piece: str) -> None:
    who = speaker_of(TITLE + text, piece)
    assert (who.name, who.kind) == (text.split()[0], "organization")


def test_a_person_speaking_of_her_own_book_stays_a_person() -> None:
    text = TITLE + "Dana Holt says her new book will ship in June."
    who = speaker_of(text, "ship in June")
    assert (who.name, who.kind) == ("Dana Holt", "person")


def test_a_first_name_alone_with_its_is_still_no_firm() -> None:
    text = TITLE + "Tobias says its new roof will hold for years."
    assert speaker_of(text, "roof will hold").kind != "organization"


# --- a role keeps no relative clause ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The senator who led the inquiry, Dana Holt, said the report was late.",
        "Dana Holt, the senator who led the inquiry, said the report was late.",
    ],
)
def test_a_role_keeps_no_relative_clause(text: str) -> None:
    who = speaker_of(TITLE + text, "report was late")
    assert (who.name, who.role) == ("Dana Holt", "senator")


@pytest.mark.parametrize(
    ("role", "kept"),
    [
        ("professor of law who has studied the courts", "professor of law"),
        ("nurse at the clinic where the patients were seen", "nurse at the clinic"),
        ("head of that office", "head of that office"),
        ("the agency ’s science chief", "the agency’s science chief"),
        ("who", "who"),
        ("physicist and co - author of the study", "physicist and co-author of the study"),
        ("Cold War - era envoy", "Cold War-era envoy"),
    ],
)
def test_written_cuts_a_relative_clause(role: str, kept: str) -> None:
    assert written(role) == kept


# --- who the words name -----------------------------------------------------------------------


def test_an_envoy_named_after_the_place_of_the_role() -> None:
    text = TITLE + "Westland's ambassador to Norland Pavel Rusk said the talks had failed."
    who = speaker_of(text, "talks had failed")
    assert (who.name, who.kind) == ("Pavel Rusk", "person")
    assert (who.role, who.affiliation) == ("ambassador to Norland", "Westland")


def test_an_envoy_without_a_name_stays_a_description() -> None:
    text = TITLE + "The ambassador to Norland said the talks had failed."
    who = speaker_of(text, "talks had failed")
    assert who.kind == "unnamed"


def test_an_outlets_possessive_before_a_reporter_is_the_affiliation() -> None:
    text = TITLE + (
        "Kara Feng covered the fire for NPR. "
        "According to NPR's Feng, the mill had been closed for a week."
    )
    who = speaker_of(text, "closed for a week")
    assert (who.name, who.kind, who.role) == ("Kara Feng", "person", None)


@pytest.mark.parametrize("site", ["Quill", "Twitter"])
def test_a_participle_on_the_site_someone_posted_to_is_theirs(site: str) -> None:
    text = TITLE + f"Dana Holt then posted on {site} accusing the council of hiding the report."
    who = speaker_of(text, "hiding the report")
    assert who.name == "Dana Holt"


def test_lets_assume_credits_no_one() -> None:
    text = TITLE + "Let’s assume the mayor keeps her word on the bridge."
    assert extract(text) == []


# --- a firm's description with its own clause, and its name after a comma ---------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The company that runs the fair, Fairco, said the fair would go ahead.", "Fairco"),
        (
            "The firm that owns the mill, Tallow Works, said the fair would go ahead.",
            "Tallow Works",
        ),
    ],
)
def test_the_name_after_a_firms_description_with_a_clause_speaks(sentence: str, name: str) -> None:
    text = TITLE + "Brindle Company built the stage. " + sentence
    who = speaker_of(text, "fair would go ahead")
    assert (who.name, who.kind) == (name, "organization")
    # a person's description with a clause and a name after it stays that person's
    text = TITLE + "The woman who runs the fair, Wenna Brindle, said the fair would go ahead."
    who = speaker_of(text, "fair would go ahead")
    assert (who.name, who.kind) == ("Wenna Brindle", "person")


def test_a_firm_named_after_its_description_stays_a_firm_through_the_article() -> None:
    text = TITLE + (
        "Jo Marr wants her songs back. The label that holds the rights to her songs, Big Harrow, "
        "says she may sing them on tour. Big Harrow said in June that the songs were not for sale. "
        "The company that runs the awards night, Dick Harlow Productions, says no deal is done."
    )
    kinds = [(c.speaker.name, c.speaker.kind) for c in extract(text)]
    assert [k for n, k in kinds if n == "Big Harrow"] == ["organization", "organization"]
    kinds = dict(kinds)
    assert kinds["Dick Harlow Productions"] == "organization"


# --- a surname two kin share: the one just speaking -----------------------------------------


KIN = "Marta Venn founded the farm with her brother Oskar Venn. "


def _venn_after(between: str) -> str | None:
    text = TITLE + KIN + between + "Venn added that the crops were ready."
    return speaker_of(text, "crops were ready").name


def test_a_surname_is_the_kin_who_just_spoke_else_the_one_not_named_as_kin() -> None:
    assert _venn_after("Oskar Venn said the farm would grow. ") == "Oskar Venn"
    assert _venn_after("Marta Venn said the farm would grow. ") == "Marta Venn"
    assert _venn_after("Oskar Venn said it would grow. Marta Venn disagreed. ") == "Marta Venn"
    assert _venn_after("The council said the farm was fine. ") == "Marta Venn"


# --- an outlet's possessive before a reporter's surname, read as one body's name -------------


def test_a_surname_after_an_outlets_curly_possessive_is_the_reporter() -> None:
    text = TITLE + (
        "Kara Quan covered the fire for Radio Harbour. "
        "But according to Harbour Radio’s Quan, the mill had been closed for a week."
    )
    who = speaker_of(text, "closed for a week")
    assert (who.name, who.kind, who.affiliation) == ("Kara Quan", "person", "Harbour Radio")


# --- a firm's description before its name ----------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Global investment bank Harrow Stanley had called the court ruling a turning point.",
        "Global lending firm Harrow Stanley said the court ruling was a turning point.",
    ],
)
def test_a_firms_description_before_its_name_is_no_role_and_no_part_of_it(sentence: str) -> None:
    who = speaker_of(TITLE + sentence, "turning point")
    assert (who.name, who.kind, who.role) == ("Harrow Stanley", "organization", None)


# --- a place's name that speaks for the body seated there (s14-who7) -------------------------


def test_a_seat_named_for_its_body_is_no_person() -> None:
    text = TITLE + (
        "The Vatican says Pope Leo has no plans to meet with Oregon Sen. Ann Holt when the "
        "Democratic candidate addresses a Vatican meeting on Friday."
    )
    who = speaker_of(text, "no plans to meet")
    assert (who.name, who.kind) == ("Vatican", "organization")


# --- "who" after a body's name inside a person's job (s14-who7) -----------------------------


def test_who_after_a_body_in_a_persons_job_is_the_person() -> None:
    text = TITLE + (
        "Senator Roe has invited Tom Vale, the president of the Foundation for North Sea "
        "Peace, who frequently criticizes the Danish government, to testify."
    )
    who = speaker_of(text, "Danish government")
    assert (who.name, who.kind) == ("Tom Vale", "person")


# --- "the Kentucky Republican": one party member described by a place (s14-who7) ------------


def test_a_party_member_of_a_place_is_the_person_the_article_names_so() -> None:
    text = TITLE + (
        "Sen. Ann Holt, D-Ore., has long opposed the harbour tax. "
        "The Oregon Democrat says such taxes are unfair and hurt families."
    )
    who = speaker_of(text, "taxes are unfair")
    assert (who.name, who.kind) == ("Ann Holt", "person")


def test_a_party_member_of_a_place_no_one_fits_is_unnamed() -> None:
    text = TITLE + (
        "Senator Tom Vale spoke in Louisville on Monday. In a written note on Tuesday, the Kentucky "
        "Republican rejected the governor's plan to tax boats."
    )
    who = speaker_of(text, "plan to tax boats")
    assert (who.name, who.kind, who.role) == (
        "Kentucky Republican",
        "unnamed",
        "Kentucky Republican",
    )


# --- a page's markup and a web site's address (s14-who7) ------------------------------------


def test_markup_before_a_who_is_no_ones_name() -> None:
    text = TITLE + (
        '<post id="7479" author="@harbourwatch" datetime="2016-06-29">Vale, who has accused '
        "the mayor of lying, may speak at the fair.</post>"
    )
    who = speaker_of(text, "mayor of lying")
    assert who.name is None or "=" not in who.name


def test_a_web_sites_address_is_an_outlet() -> None:
    who = speaker_of(TITLE + "They sold boats, according to harbour-news.com.", "sold boats")
    assert (who.name, who.kind) == ("harbour-news.com", "media")


# --- titles of rank and of local office before a name (s14-who7) ----------------------------


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            '"This is a time of calm," Rear Admiral Guo Ping told reporters.',
            "Guo Ping",
            "Rear Admiral",
        ),
        (
            "Assemblywoman Claudia Marsh said she won the primary easily.",
            "Claudia Marsh",
            "Assemblywoman",
        ),
    ],
)
def test_a_title_of_rank_or_office_is_no_part_of_the_name(
    sentence: str, name: str, role: str
) -> None:
    who = speaker_of(TITLE + sentence, "time of calm" if "calm" in sentence else "primary")
    assert (who.name, who.role) == (name, role)


# --- a headline's common word inside a "name" the NER made of verbs (s14-who7) ---------------


def test_a_headlines_word_in_a_name_of_verbs_is_no_person() -> None:
    text = (
        "Main Forest Alliance Will Run Ads Demanding GOP Hopefuls To Back Clean Air.\n\n"
        "A farm group is demanding that the candidates propose efforts.\n"
    )
    who = speaker_of(text, "GOP Hopefuls")
    assert who.kind != "person"


def test_markup_before_a_surname_keeps_the_person_named_in_full() -> None:
    # a guard: the markup goes, the surname still stands for the one person it names
    text = TITLE + (
        "Sen. Tom Vale spoke on Monday.\n"
        '<post data-x="2">Vale said the fair would open on Friday.\n'
    )
    who = speaker_of(text, "fair would open")
    assert (who.name, who.kind) == ("Tom Vale", "person")


# --- a title alone is no person's name (s14-who7) --------------------------------------------


def test_a_title_alone_is_no_persons_name() -> None:
    who = speaker_of(TITLE + "The Prime Minister said the harbour would reopen.", "reopen")
    assert (who.name, who.kind, who.role) == ("Prime Minister", "unnamed", "Prime Minister")


def test_a_title_alone_is_the_person_the_article_gives_it() -> None:
    text = TITLE + (
        "Attorney General Jo Roe spoke on Monday. The Attorney General said the case was closed."
    )
    who = speaker_of(text, "case was closed")
    assert (who.name, who.kind) == ("Jo Roe", "person")


def test_a_party_member_of_a_place_is_not_a_party_member_of_no_place() -> None:
    text = TITLE + (
        "Tom Vale, the Republican frontrunner, spoke in Dover. In an interview, the Wisconsin "
        "Republican criticized the mayor and said the port was failing."
    )
    who = speaker_of(text, "port was failing")
    assert (who.name, who.kind) == ("Wisconsin Republican", "unnamed")


def test_markup_before_a_first_person_pronoun_is_no_ones_name() -> None:
    text = TITLE + '<post author="jo" time="1448">I didn\'t suggest a toll, a reporter did.\n'
    who = speaker_of(text, "a toll")
    assert who.name is None


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("But according to WKRB's Holt, the harbour will close next week.", "WKRB"),
        ("NPR's Marcott said the harbour will close next week.", "NPR"),
        ("But according to WKRB\u2019s Holt, the harbour will close next week.", "WKRB"),
    ],
)
def test_a_surname_alone_after_an_acronym_outlets_possessive_is_a_person(
    sentence: str, outlet: str
) -> None:
    who = speaker_of(TITLE + sentence, "harbour will close")
    assert (who.kind, who.affiliation) == ("person", outlet)
    assert who.name in ("Holt", "Marcott")


# --- a list's bullet or dash glued to a first name --------------------------------------------


@pytest.mark.parametrize("bullet", ["-", "\u2022"])
def test_a_dash_glued_to_a_first_name_leaves_the_name_whole(bullet: str) -> None:
    text = TITLE + (
        "The mayor spoke on Monday.\n"
        f"{bullet}Lynn Marcott finds that the new harbour tax hurts the mayor."
    )
    who = speaker_of(text, "harbour tax")
    assert (who.name, who.kind) == ("Lynn Marcott", "person")


# --- a capitalised plural that agrees with no one person --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        TITLE + "Politicos call this the harbour game, and they say it works every time.",
        "Liberal Bigwigs Come Out Against Marlowe\n"
        "Liberal Bigwigs Come Out Against Marlowe, saying the harbour game is bad.",
    ],
)
def test_a_capitalised_plural_before_a_plural_verb_is_no_person(text: str) -> None:
    who = speaker_of(text, "harbour game")
    assert who.kind == "unnamed"
    assert who.name is None or who.name.islower()


# --- a comment widget's buttons and a post's time stamp glued into a name (s14-who9) ---------


def test_a_comment_widget_before_a_posts_heading_leaves_the_headings_name() -> None:
    text = TITLE + (
        "Tom ValeFlagShareLikeReplyAnn Holt 5ptsmoderatorFeaturedMarch 3, 2016 "
        "9:41PMMarsh Says The Harbour Tax Is A Bad Idea\n"
    )
    who = speaker_of(text, "Harbour Tax")
    assert (who.name, who.kind) == ("Marsh", "person")


def test_a_comment_widget_glued_to_a_name_with_no_post_heading_is_no_one() -> None:
    text = TITLE + "Lee Grant FlagShareLikeReply said the harbour was too small.\n"
    who = speaker_of(text, "harbour was too small")
    assert who.name is None


# --- ranks written short, and a player's ranking, before a name (s14-who9) -------------------


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Lt Gen Jo Marsh said the troops were ready.", "Jo Marsh", "Lt Gen"),
        ("Brig Gen Ivan Petrov said the troops were ready.", "Ivan Petrov", "Brig Gen"),
        ("Capt Lee Grant said the troops were ready.", "Lee Grant", "Capt"),
        ("Former AG Marlowe said the troops were ready.", "Marlowe", "Former Attorney General"),
        ("Defence Minister Gen Morikawa said the troops were ready.", "Gen Morikawa",
         "Defence Minister"),
    ],
)  # fmt: skip
def test_a_rank_written_short_is_the_role_not_the_name(sentence: str, name: str, role: str) -> None:
    who = speaker_of(TITLE + sentence, "troops were ready")
    assert (who.name, who.kind, who.role) == (name, "person", role)


def test_a_players_ranking_is_no_part_of_the_name() -> None:
    # the shape seen: the NER took the surname alone for a product, so the mention is read
    # whole; the entity is pinned here, as the NER's reading varies with the name
    from spacy.tokens import Span

    from claimtrack.extract.nlp import load
    from claimtrack.extract.speakers import analyse_mention

    doc = load()("Afterwards the 14th-ranked Kowalczyk said the match was hard.")
    head = next(t for t in doc if t.text == "Kowalczyk")
    doc.ents = [Span(doc, head.i, head.i + 1, label="PRODUCT")]
    found = analyse_mention(head, doc.text.index("the 14th"), head.idx + len(head.text))
    assert (found.name, found.kind, found.role) == ("Kowalczyk", "person", "14th-ranked")


def test_an_editors_brackets_are_no_part_of_a_name() -> None:
    assert person_name("[Jo] Roe") == "Jo Roe"
    assert person_name("Jo] Roe’s") == "Jo Roe"


# --- "they" after a name and its unnamed companions (s14-who9) --------------------------------


def test_they_after_a_name_and_her_colleagues_stays_unnamed() -> None:
    text = TITLE + (
        "Annabel Holt is a marine biologist at Tamsby University. Since then, Holt and her "
        "colleagues have studied the harbour seals. They found that the seals were eating "
        "less fish."
    )
    who = speaker_of(text, "eating less fish")
    assert who.name is None and who.kind == "unnamed"


def test_he_after_a_name_and_his_aides_is_still_the_named_man() -> None:
    # a guard: the companions do not hide the named person from "he"
    text = TITLE + (
        "Tom Vale is the mayor. Vale and his aides visited the port on Monday. He said the "
        "fees were too high."
    )
    who = speaker_of(text, "fees were too high")
    assert (who.name, who.kind) == ("Tom Vale", "person")


# --- a surname that is a title word, a headline label with a place (s14-names) ---------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Democrat Nora Judge said on Tuesday that the farm bill would fail.", "Nora Judge"),
        (
            "Senator Tom Vale will face former Lt. Gov. Ruth Judge (D). Judge lacks his "
            "money, but she is expected to argue that the farm bill would fail.",
            "Ruth Judge",
        ),
    ],
)
def test_a_title_word_after_a_first_name_is_the_surname(sentence: str, name: str) -> None:
    # the second: the NER stops at the title word ("Ruth"), and "she" was filed so
    who = speaker_of(TITLE + sentence, "farm bill would fail")
    assert (who.name, who.kind) == (name, "person")


def test_a_title_word_before_a_name_is_still_the_title() -> None:
    # guards: the title word opens the name, or a capitalised word follows it
    who = speaker_of(TITLE + "Judge Nora Kemp said the farm bill would fail.", "bill would fail")
    assert who.name == "Nora Kemp"
    text = TITLE + "Former Mayor Tom Vale said the farm bill would fail."
    assert speaker_of(text, "bill would fail").name == "Tom Vale"


def test_a_place_glued_to_a_headline_label_is_no_part_of_the_speaker() -> None:
    text = (
        "Former AG Marlowe at Convention: The Party Must Change Course\n\n"
        "Delegates cheered on Wednesday as the former attorney general spoke.\n"
    )
    who = speaker_of(text, "Must Change Course")
    assert (who.mention.text(text), who.name, who.kind) == (
        "Former AG Marlowe",
        "Marlowe",
        "person",
    )
    assert who.role == "Former Attorney General"


@pytest.mark.parametrize(
    ("headline", "label"),
    [
        ("Democrats in Congress: We Will Block the Farm Bill", "Democrats in Congress"),
        ("Chaos at Convention: Delegates Walk Out Over the Rules", "Chaos at Convention"),
    ],
)
def test_a_label_naming_no_one_keeps_its_place(headline: str, label: str) -> None:
    # guards: no person's name or title before "in"/"at", so the label stays whole
    text = f"{headline}\n\nThe vote is on Friday, and the hall was full.\n"
    assert _mentions(text) == [label]
