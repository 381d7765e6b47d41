"""The actor registry (store/writes.py, names.py): one actor per real speaker, merged
conservatively — an organisation under its abbreviation, full name and possessive; a
surname alone, a surname written with a slip, a family name written first; kinds from the
article's own evidence. Each rule with the case it must leave apart. Articles, people and
organisations written for the project."""

from __future__ import annotations

from sqlalchemy import select

from claimtrack.names import abbreviation, initials, near_spelling, org_form, surname
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, Claim
from claimtrack.store.resolve import resolve_loose
from tests.handmade import C, store_articles


def _article(path, text, claims, day="2024-05-01"):  # noqa: ANN001, ANN202
    return (path, text, claims, path.removesuffix(".txt"), None, day)


def _speakers(db_url: str) -> dict[str, tuple[str, str] | None]:
    """Claim content (first three words) -> (name, kind) of the actor it is filed under."""
    with dbmod.session_scope(dbmod.open_engine(db_url)) as session:
        rows = session.execute(
            select(Claim.content, Actor.name, Actor.kind).outerjoin(
                Actor, Claim.actor_id == Actor.id
            )
        ).all()
        return {" ".join(c.split()[:3]): (n, k) for c, n, k in rows}


def _actors(db_url: str) -> list[tuple[str, str]]:
    with dbmod.session_scope(dbmod.open_engine(db_url)) as session:
        return sorted((a.name, a.kind) for a in session.scalars(select(Actor)))


# ---- names.py: the pure rules --------------------------------------------------------------


def test_abbreviations_and_initials():
    assert org_form("S.Q.A") == org_form("S.Q.A.") == "SQA"
    assert org_form("the U.K") == "the U.K."  # two letters keep their dots (AP style)
    assert org_form("Lakeside Star-KQRV News poll") == "Lakeside Star/KQRV News poll"
    assert org_form("Marsh-Wynn Budget Center") == "Marsh-Wynn Budget Center"  # no poll
    assert org_form("Lakeside Star-based poll") == "Lakeside Star-based poll"  # no sponsor
    assert abbreviation("S.Q.A.") == abbreviation("SQA") == "SQA"
    assert abbreviation("UK") is None and abbreviation("Trust") is None
    assert initials("Northern Rivers Trust") == "NRT"
    assert initials("Board of Harbour Pilots") == "BHP"  # glue words give no initial
    assert initials("Pilots of the harbour") is None  # a lower-case word: no name
    assert initials("Rivers Trust") is None  # two initials: too many meanings


def test_a_slip_is_one_letter_off_a_plural_is_not():
    assert near_spelling("Pennifold", "Penifold") and near_spelling("Pennifold", "Pennifodl")
    assert near_spelling("Tolliver", "Tollivar")
    assert not near_spelling("Tolliver", "Tolliver")  # the same: no slip
    assert not near_spelling("Tolliver", "Molliver")  # the opening letters differ
    assert not near_spelling("Rangers", "Ranger")  # a plural
    assert not near_spelling("Kay", "Ray")  # too short to tell


def test_a_family_name_written_first():
    assert surname("Pak Sung-ho") == "Pak"
    assert surname("Jean-Luc Ardouin") == "Ardouin"  # a capital after the hyphen
    assert surname("Pak Sung-ho Jr.") == "Pak"


# ---- organisations ---------------------------------------------------------------------------

TRUST = _article(
    "trust.txt",
    "Rivers\n\nThe Northern Rivers Trust said the weir would be removed. NRT said the salmon "
    "would return. The NRT's survey said the banks would be planted.\n",
    [
        C("The Northern Rivers Trust", "Northern Rivers Trust", "said",
          "the weir would be removed", kind="organization"),
        C("NRT", "NRT", "said", "the salmon would return", kind="organization"),
        C("The NRT's survey", "NRT's", "said", "the banks would be planted",
          kind="organization"),
    ],
)  # fmt: skip
BARE_NRT = _article(
    "bare-nrt.txt",
    "Weirs\n\nNRT said the second weir would go next year.\n",
    [C("NRT", "NRT", "said", "the second weir would go next year", kind="organization")],
)
ROADS = _article(
    "roads.txt",
    "Roads\n\nNational Road Transport said the bypass would open in May.\n",
    [
        C("National Road Transport", "National Road Transport", "said",
          "the bypass would open in May", kind="organization"),
    ],
)  # fmt: skip


def test_an_abbreviation_its_article_spells_out_and_a_possessive_are_one_organisation(db_url):
    store_articles(db_url, [TRUST, BARE_NRT])
    said = _speakers(db_url)
    assert said["the weir would"] == said["the salmon would"] == said["the banks would"]
    assert said["the second weir"] == said["the weir would"]  # the alias it learnt
    assert _actors(db_url) == [("Northern Rivers Trust", "organization")]


def test_initials_alone_do_not_join_another_article_s_organisation(db_url):
    store_articles(db_url, [BARE_NRT, ROADS])  # "NRT" is never spelled out by the roads text
    assert _actors(db_url) == [("NRT", "organization"), ("National Road Transport", "organization")]


BRACKETS = _article(
    "brackets.txt",
    "Pilots\n\nThe Guild of Estuary Pilots (GEPA) said the channel would be dredged. GEPA said "
    "the fees would rise.\n",
    [
        C("The Guild of Estuary Pilots", "Guild of Estuary Pilots", "said",
          "the channel would be dredged", kind="organization"),
        C("GEPA", "GEPA", "said", "the fees would rise", kind="organization"),
    ],
)  # fmt: skip


def test_full_name_then_abbreviation_in_brackets_is_one_organisation(db_url):
    store_articles(db_url, [BRACKETS])  # the initials are GEP: the brackets tell
    assert _actors(db_url) == [("Guild of Estuary Pilots", "organization")]


DOTS = _article(
    "dots.txt",
    "Exams\n\nThe S.Q.A. said the exams would be marked by June. The U.K said the grant would "
    "follow. Marlowe's said the shop would close.\n",
    [
        C("The S.Q.A", "S.Q.A", "said", "the exams would be marked by June",
          kind="organization"),
        C("The U.K", "U.K", "said", "the grant would follow", kind="government"),
        C("Marlowe's", "Marlowe's", "said", "the shop would close", kind="organization"),
    ],
)  # fmt: skip
HOSTED = _article(
    "hosted.txt",
    "Tax\n\nThe Lindell Budget Center at the Marsh Institute said the plan would cost more. "
    "The Lindell Budget Center said the deficit would grow. The Hale Clinic at the Yarrow "
    "Hospital said the ward would shut.\n",
    [
        C("The Lindell Budget Center at the Marsh Institute",
          "Lindell Budget Center at the Marsh Institute", "said", "the plan would cost more",
          kind="organization"),
        C("The Lindell Budget Center", "Lindell Budget Center", "said",
          "the deficit would grow", kind="organization", near="Center said the deficit"),
        C("The Hale Clinic at the Yarrow Hospital", "Hale Clinic at the Yarrow Hospital",
          "said", "the ward would shut", kind="organization"),
    ],
)  # fmt: skip


def test_an_organisation_at_a_host_is_the_name_its_article_writes_alone(db_url):
    store_articles(db_url, [HOSTED])
    said = _speakers(db_url)
    assert said["the plan would"] == said["the deficit would"]
    assert said["the plan would"] == ("Lindell Budget Center", "organization")
    assert said["the ward would"] == ("Hale Clinic at the Yarrow Hospital", "organization")


PLAIN = _article(
    "plain.txt",
    "Exams again\n\nSQA said the resits would be in August.\n",
    [C("SQA", "SQA", "said", "the resits would be in August", kind="organization")],
)


def test_a_dotted_abbreviation_is_kept_in_one_form(db_url):
    store_articles(db_url, [DOTS, PLAIN])
    said = _speakers(db_url)
    assert said["the exams would"] == said["the resits would"] == ("SQA", "organization")
    assert said["the grant would"] == ("U.K.", "government")
    assert said["the shop would"] == ("Marlowe's", "organization")  # never written bare


PERSON_NRT = _article(
    "person-nrt.txt",
    "Tides\n\nNadia Rose Tull said the tide tables would change. NRT said the sea wall would be "
    "raised.\n",
    [
        C("Nadia Rose Tull", "Nadia Rose Tull", "said", "the tide tables would change"),
        C("NRT", "NRT", "said", "the sea wall would be raised", kind="organization"),
    ],
)


def test_an_organisation_never_joins_a_person_whose_initials_it_is(db_url):
    store_articles(db_url, [PERSON_NRT])
    assert _actors(db_url) == [("NRT", "organization"), ("Nadia Rose Tull", "person")]


# ---- people ----------------------------------------------------------------------------------


def _many(path: str, name: str, n: int) -> tuple:
    text = "Council\n\n" + " ".join(f"{name} said budget line {i} would pass." for i in range(n))
    claims = [C(name, name, "said", f"budget line {i} would pass", near=f"{name} said budget line {i} ") for i in range(n)]  # fmt: skip
    return _article(path, text + "\n", claims, "2024-06-01")


HEADLINE = _article(
    "headline.txt",
    "Reckless Marwood\n\nReckless Marwood said the pier would fall.\n",
    [C("Reckless Marwood", "Reckless Marwood", "said", "the pier would fall")],
    "2024-06-02",
)
HANNAH = _article(
    "hannah.txt",
    "Library\n\nHannah Marwood said the library would close.\n",
    [C("Hannah Marwood", "Hannah Marwood", "said", "the library would close")],
    "2024-06-02",
)
SURNAME = _article(
    "surname.txt",
    "Visit\n\nMarwood said the visit would be short.\n",
    [C("Marwood", "Marwood", "said", "the visit would be short")],
    "2024-06-03",
)


def test_a_surname_goes_to_the_person_named_overwhelmingly_more_often(db_url):
    store_articles(db_url, [_many("many.txt", "Ezekiel Marwood", 10), HEADLINE, SURNAME])
    assert _speakers(db_url)["the visit would"] == ("Ezekiel Marwood", "person")


def test_a_rival_with_a_first_name_leaves_the_surname_unresolved(db_url):
    store_articles(db_url, [_many("many.txt", "Ezekiel Marwood", 10), HANNAH, SURNAME])
    assert _speakers(db_url)["the visit would"] == ("Marwood", "person")
    with dbmod.session_scope(dbmod.open_engine(db_url)) as session:
        assert resolve_loose(session) == []  # the second look keeps it apart too


def test_a_few_more_claims_are_not_overwhelming(db_url):
    store_articles(db_url, [_many("many.txt", "Ezekiel Marwood", 9), HEADLINE, SURNAME])
    assert _speakers(db_url)["the visit would"] == ("Marwood", "person")


SLIP = _article(
    "slip.txt",
    "Voters\n\nOdalys Pennifold said the queue would be long. Penifold said the vote would be "
    "close.\n",
    [
        C("Odalys Pennifold", "Odalys Pennifold", "said", "the queue would be long"),
        C("Penifold", "Penifold", "said", "the vote would be close", near="Penifold said the"),
    ],
)
TWO_NEAR = _article(
    "two-near.txt",
    "Voters\n\nOdalys Pennifold said the queue would be long. Rufus Penifolt said the hall "
    "was cold. Penifold said the vote would be close.\n",
    [
        C("Odalys Pennifold", "Odalys Pennifold", "said", "the queue would be long"),
        C("Penifold", "Penifold", "said", "the vote would be close", near="Penifold said the"),
    ],
)
COMMON_WORD = _article(
    "common-word.txt",
    "Board\n\nAfter Clarkson left, the board met after lunch. Clarksen said the vote would "
    "be close.\n",
    [C("Clarksen", "Clarksen", "said", "the vote would be close")],
)
SLIP_UNNAMED = _article(
    "slip-unnamed.txt",
    "Voters\n\nOdalys Pennifold said the queue would be long. Pennifolds said the vote would be "
    "close.\n",
    [
        C("Odalys Pennifold", "Odalys Pennifold", "said", "the queue would be long"),
        C("Pennifolds", "Pennifolds", "said", "the vote would be close", kind="unnamed"),
    ],
)


def test_a_surname_with_a_slip_joins_the_one_full_name_of_its_article(db_url):
    store_articles(db_url, [SLIP])
    assert _speakers(db_url)["the vote would"] == ("Odalys Pennifold", "person")


def test_a_slip_near_two_full_names_stays_as_written(db_url):
    store_articles(db_url, [TWO_NEAR])
    assert _speakers(db_url)["the vote would"] == ("Penifold", "person")


def test_a_common_word_before_a_surname_is_no_first_name(db_url):
    store_articles(db_url, [COMMON_WORD])
    assert _speakers(db_url)["the vote would"] == ("Clarksen", "person")


def test_a_plural_near_a_surname_is_no_slip(db_url):
    store_articles(db_url, [SLIP_UNNAMED])
    assert _speakers(db_url)["the vote would"] == ("Pennifolds", "unnamed")


PAK = _article(
    "pak.txt",
    "Talks\n\nPak Sung-ho said the talks would resume.\n",
    [C("Pak Sung-ho", "Pak Sung-ho", "said", "the talks would resume")],
)
MR_PAK = _article(
    "mr-pak.txt",
    "Talks again\n\nMr. Pak said the border would reopen.\n",
    [C("Mr. Pak", "Pak", "said", "the border would reopen")],
    "2024-05-02",
)


def test_a_family_name_written_first_joins_its_person(db_url):
    store_articles(db_url, [PAK, MR_PAK])
    assert _speakers(db_url)["the border would"] == ("Pak Sung-ho", "person")


AMOS = _article(
    "amos.txt",
    "Mills\n\nAmos Pettigrew Jr. said the mill would reopen.\n",
    [C("Amos Pettigrew Jr.", "Amos Pettigrew Jr.", "said", "the mill would reopen")],
)
AMOS_SR = _article(
    "amos-sr.txt",
    "Mills again\n\nAmos Pettigrew said the looms would be sold.\n",
    [C("Amos Pettigrew", "Amos Pettigrew", "said", "the looms would be sold")],
    "2024-05-02",
)


def test_jr_makes_another_person(db_url):
    store_articles(db_url, [AMOS, AMOS_SR])
    assert _actors(db_url) == [("Amos Pettigrew", "person"), ("Amos Pettigrew Jr.", "person")]


# ---- kinds -----------------------------------------------------------------------------------

COAL = _article(
    "coal.txt",
    "Mines\n\nThe mine belonged to Brantley Coal until May. Brantley said the mine would be "
    "sold. Mr. Ostrow said the buyers would keep it.\n",
    [
        C("Brantley", "Brantley", "said", "the mine would be sold"),
        C("Mr. Ostrow", "Ostrow", "said", "the buyers would keep it"),
    ],
)
MR_BRANTLEY = _article(
    "mr-brantley.txt",
    "Mines\n\nThe mine belonged to Brantley Coal until May. Mr. Brantley said the mine would be "
    "sold.\n",
    [C("Mr. Brantley", "Brantley", "said", "the mine would be sold")],
)


def test_one_word_opening_a_company_its_article_names_is_that_company(db_url):
    store_articles(db_url, [COAL])
    said = _speakers(db_url)
    assert said["the mine would"] == ("Brantley Coal", "organization")
    assert said["the buyers would"] == ("Ostrow", "person")


def test_a_person_s_title_keeps_the_word_a_person(db_url):
    store_articles(db_url, [MR_BRANTLEY])
    assert _speakers(db_url)["the mine would"] == ("Brantley", "person")


NETWORK = _article(
    "network.txt",
    "Cable\n\nQuillon Network said the channel would be dropped. Ottoline R. Vesey said the "
    "fee would rise.\n",
    [
        C("Quillon Network", "Quillon Network", "said", "the channel would be dropped"),
        C("Ottoline R. Vesey", "Ottoline R. Vesey", "said", "the fee would rise",
          kind="organization"),
    ],
)  # fmt: skip
ANCHOR = _article(
    "anchor.txt",
    "Debate\n\nThe moderator will be Lester Brandauer. Ms. Tillbury runs the hall. Florence "
    "Liberals met on Monday. Brandauer said the debate would run long. Grace Tillbury said "
    "the doors would open at six. Liberals said the format was fair.\n",
    [
        C("Brandauer", "Brandauer", "said", "the debate would run long", kind="organization"),
        C("Grace Tillbury", "Grace Tillbury", "said", "the doors would open at six",
          kind="organization"),
        C("Liberals", "Liberals", "said", "the format was fair", kind="unnamed"),
    ],
)  # fmt: skip
LIBRARY = _article(
    "library.txt",
    "Books\n\nOttoline R. Vesey Library said the reading room would reopen.\n",
    [
        C("Ottoline R. Vesey Library", "Ottoline R. Vesey Library", "said",
          "the reading room would reopen", kind="organization"),
    ],
)  # fmt: skip
FARGO = _article(
    "fargo.txt",
    "Banks\n\nGrace Tillbury said the branch would close.\n",
    [C("Grace Tillbury", "Grace Tillbury", "said", "the branch would close", kind="organization")],
)


def test_kinds_from_the_name_and_its_article(db_url):
    store_articles(db_url, [NETWORK, ANCHOR])
    said = _speakers(db_url)
    assert said["the channel would"] == ("Quillon Network", "organization")  # never a person
    assert said["the fee would"] == ("Ottoline Vesey", "person")  # a middle initial
    assert said["the debate would"] == ("Lester Brandauer", "person")  # named in full
    assert said["the doors would"] == ("Grace Tillbury", "person")  # "Ms. Tillbury"
    assert said["the format was"] == ("Liberals", "unnamed")  # a group, not a surname


def test_a_first_name_alone_does_not_make_an_organisation_a_person(db_url):
    store_articles(db_url, [FARGO, LIBRARY])  # no title, no he or she: the kind stands
    said = _speakers(db_url)
    assert said["the branch would"] == ("Grace Tillbury", "organization")
    assert said["the reading room"] == ("Ottoline R. Vesey Library", "organization")


def test_fold_plain_ascii_as_the_unicode_path_does():
    """``fold`` lower-cases plain ASCII directly: the same as decomposing and casefolding."""
    import unicodedata

    from claimtrack.names import fold

    for text in ["Jo ROE-Smith, Jr.", "O'Neill said: 42%", "", "MAYOR\tof  Lakeside"]:
        slow = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        ).casefold()
        assert fold(text) == slow
    assert fold("Ušakov") == fold("USAKOV") == "usakov"
    assert fold("Straße") == "strasse"  # casefold, not lower, beyond ASCII


# ---- a rank word read as a first name (s14-names) -------------------------------------------


def test_the_store_keeps_gen_where_the_extractor_read_a_first_name():
    from claimtrack.extract.types import CharSpan, Speaker
    from claimtrack.names import person_form, rank_read_as_first_name
    from claimtrack.store.writes import filed_name

    text = "Defence Minister Gen Morikawa said the patrols would go on."
    mention = CharSpan(0, len("Defence Minister Gen Morikawa"))
    minister = Speaker(mention, "Gen Morikawa", "person", "Defence Minister")
    assert filed_name(minister, text).name == "Gen Morikawa"
    # the rank: in the role ("Gen Vale" alone), or with a full name after it
    general = Speaker(CharSpan(0, 8), "Gen Vale", "person", "Gen")
    assert filed_name(general, "Gen Vale said the troops were ready.").name == "Vale"
    assert not rank_read_as_first_name("Gen Tom Marsh", None)
    assert person_form("Gen Morikawa") == "Morikawa"  # without the extractor's reading
    assert person_form("Gen Morikawa", first_is_name=True) == "Gen Morikawa"


def test_a_minister_named_gen_is_filed_under_the_full_name(cli, db_url, tmp_path):
    story = tmp_path / "talks.txt"
    story.write_text(
        "Island talks resume\n\nDefence Minister Gen Morikawa said on Monday that the "
        "patrols would continue.\n\nMorikawa told reporters that the talks had gone well.\n"
    )
    cli("ingest", str(story), "--published", "2026-03-02", "--quiet", db=db_url)
    assert {n for n, _ in _actors(db_url)} == {"Gen Morikawa"}
    assert set(_speakers(db_url).values()) == {("Gen Morikawa", "person")}


# ---- issue 14: one actor per real speaker across the corpus --------------------------------

INSTITUTE = _article(
    "institute.txt",
    "Housing\n\nThe Halvorsen Policy Institute said the rents would climb again.\n",
    [
        C("The Halvorsen Policy Institute", "The Halvorsen Policy Institute", "said",
          "the rents would climb again", kind="organization"),
    ],
)  # fmt: skip
BARE_INSTITUTE = _article(
    "bare-institute.txt",
    "Transit\n\nHalvorsen Policy Institute said the fares would be frozen.\n",
    [
        C("Halvorsen Policy Institute", "Halvorsen Policy Institute", "said",
          "the fares would be frozen", kind="organization"),
    ],
)  # fmt: skip
GAZETTE = _article(
    "gazette.txt",
    "Papers\n\nThe Gazette said the printing plant would close. Gazette said the ink would "
    "run out.\n",
    [
        C("The Gazette", "The Gazette", "said", "the printing plant would close", kind="media"),
        C("Gazette", "Gazette", "said", "the ink would run out", kind="organization"),
    ],
)  # fmt: skip


def test_a_body_with_and_without_the_is_one_body_but_a_one_word_name_stays_apart(db_url):
    store_articles(db_url, [INSTITUTE, BARE_INSTITUTE, GAZETTE])
    said = _speakers(db_url)
    assert said["the rents would"] == said["the fares would"]
    assert _actors(db_url) == [  # "The Gazette" is a paper; "Gazette" may be anything
        ("Gazette", "organization"),
        ("The Gazette", "media"),
        ("The Halvorsen Policy Institute", "organization"),
    ]


PETER = _article(
    "peter.txt",
    "Ports\n\nPeter Ostrander said the harbour would be deepened.\n",
    [C("Peter Ostrander", "Peter Ostrander", "said", "the harbour would be deepened")],
)
PETE = _article(
    "pete.txt",
    "Ports again\n\nPete Ostrander said the cranes would be replaced. Paul Ostrander said the "
    "pier would stay shut.\n",
    [
        C("Pete Ostrander", "Pete Ostrander", "said", "the cranes would be replaced"),
        C("Paul Ostrander", "Paul Ostrander", "said", "the pier would stay shut"),
    ],
)


def test_a_diminutive_is_the_same_first_name_another_first_name_is_not(db_url):
    store_articles(db_url, [PETER, PETE])
    said = _speakers(db_url)
    assert said["the cranes would"] == ("Peter Ostrander", "person")
    assert said["the pier would"] == ("Paul Ostrander", "person")


ANSEL = _article(
    "ansel.txt",
    "Bridges\n\nAnsel Quimby said the toll bridge would open in May.\n",
    [C("Ansel Quimby", "Ansel Quimby", "said", "the toll bridge would open in May")],
)
MR_QUIMBY = _article(
    "mr-quimby.txt",
    "Bridges again\n\nMr. Quimby said the ferry would stop running. Quimby later said the "
    "tolls would fall.\n",
    [
        C("Mr. Quimby", "Quimby", "said", "the ferry would stop running", kind="organization"),
        C("Quimby", "Quimby", "said", "the tolls would fall", kind="organization"),
    ],
)  # fmt: skip
MRS_QUIMBY = _article(
    "mrs-quimby.txt",
    "Schools\n\nMrs. Quimby said the school would merge.\n",
    [C("Mrs. Quimby", "Quimby", "said", "the school would merge", kind="organization")],
)


def test_a_one_word_body_its_article_titles_mr_is_the_person_of_that_surname(db_url):
    store_articles(db_url, [ANSEL, MR_QUIMBY, MRS_QUIMBY])
    said = _speakers(db_url)
    assert said["the ferry would"] == ("Ansel Quimby", "person")  # the mention's title
    assert said["the tolls would"] == ("Ansel Quimby", "person")  # the article's "Mr."
    assert said["the school would"] == ("Quimby", "person")  # "Mrs.": not Ansel, a person


# ---- all-caps labels (issue 14, branch s14-caps) -----------------------------------------

TRANSCRIPT = _article(
    "transcript.txt",
    "Sunday interview\n\nNORA BELLWEATHER: Welcome back to the programme.\n\n"
    "BELLWEATHER: Do you think the harbour budget will pass this spring?\n",
    [
        C("BELLWEATHER", "BELLWEATHER", ":", "Do you think the harbour budget", kind="unnamed"),
    ],
)  # fmt: skip


def test_a_transcript_s_all_caps_label_is_the_person_its_article_names_in_full(db_url):
    store_articles(db_url, [TRANSCRIPT])
    assert _speakers(db_url)["Do you think"] == ("NORA BELLWEATHER", "person")


HEADLINES = _article(
    "headlines.txt",
    "Five things to know\n\n1. WHY QUARRINGTON WANTS A DEEPER HARBOUR\n\nThe plan was shown.\n",
    [C("QUARRINGTON", "QUARRINGTON", "WANTS", "A DEEPER HARBOUR", kind="unnamed")],
)
ANSELM = _article(
    "anselm.txt",
    "Harbours\n\nAnselm Quarrington said the harbour would be dredged.\n",
    [C("Anselm Quarrington", "Anselm Quarrington", "said", "the harbour would be dredged")],
)
BOTH = _article(
    "both.txt",
    "Harbours again\n\nAnselm Quarrington said the cranes would stay. Beatrix Quarrington "
    "said the pier would close.\n",
    [
        C("Anselm Quarrington", "Anselm Quarrington", "said", "the cranes would stay"),
        C("Beatrix Quarrington", "Beatrix Quarrington", "said", "the pier would close"),
    ],
)
QUARRINGTON_ALONE = _article(
    "surname.txt",
    "Harbours once more\n\nQuarrington said the dredging would cost more.\n",
    [C("Quarrington", "Quarrington", "said", "the dredging would cost more")],
)


def test_an_all_caps_headline_word_the_registry_knows_as_a_surname_is_a_person(db_url):
    store_articles(db_url, [ANSELM, HEADLINES])
    assert _speakers(db_url)["A DEEPER HARBOUR"] == ("Anselm Quarrington", "person")


def test_a_person_never_falls_back_onto_an_unnamed_label_of_the_same_name(db_url):
    store_articles(db_url, [HEADLINES, BOTH, QUARRINGTON_ALONE])  # the label stored before anyone
    # the label's actor, now in the casing the later article writes (s14-misc)
    assert _speakers(db_url)["the dredging would"] == ("Quarrington", "person")
