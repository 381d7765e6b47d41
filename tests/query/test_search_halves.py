"""A broad search of one word that names speakers, on SQLite, is two halves (query/search.py
search_halves): the word's full-text matches walked in the date order, and its speakers'
claims from their own index, a page of each, the first page taken from both. Checked on
a database of articles written for this test: the plan, and that every page lists what one
walk testing both halves, and the few matches gathered and sorted, list."""

from __future__ import annotations

import dataclasses

import pytest

from claimtrack.query import claims as claimsmod
from claimtrack.query.claims import ClaimFilter, claims_query, iter_rows, rows_before
from claimtrack.store import engine as dbmod
from tests.handmade import C
from tests.handmade import store_articles as store
from tests.query.test_query_plans import explain

HARBOUR = """Marta Halvorsen said the harbour would reopen to ferries in May.
Port director Ivo Brandt said Halvorsen had signed the dredging contract last week.
The minister said fishing crews would get new moorings on the east quay.
Councillor Ana Lindqvist said the harbour budget was already spent.
Ivo Brandt added that the plan from Halvorsen left the north pier empty.
A harbour pilot said Brandt had ordered the night closures without warning.
"""

FERRIES = """Ana Lindqvist said the ferry timetable would change on Monday.
The minister told reporters that ferry fares would stay the same until autumn.
Ivo Brandt said the new timetable was drawn up by Halvorsen and her staff.
Marta Halvorsen said the night crossing would run twice a week.
A union spokesman said crews had not been asked about the night crossing.
"""

QUAYS = """Ivo Brandt said the east quay would close for repairs in March.
The minister said the repairs were paid for by the national port fund.
Ana Lindqvist said Halvorsen had promised the council a second survey.
Marta Halvorsen said the survey would be published before the summer.
The port director said the old cranes would be replaced next year.
"""


def minister(cue: str, content: str, near: str | None = None, on: str | None = None) -> C:
    """A claim of Marta Halvorsen's under another mention (her name not in its text)."""
    rel = {"on": on, "relation": "on", "date_text": "that day"} if on else {}
    return C("The minister", "Marta Halvorsen", cue, content, near=near, role="Minister", **rel)


ARTICLES = [
    (
        "harbour.txt",
        HARBOUR,
        [
            C(
                "Marta Halvorsen",
                "Marta Halvorsen",
                "said",
                "the harbour would reopen to ferries in May",
            ),
            C(
                "Port director Ivo Brandt",
                "Ivo Brandt",
                "said",
                "Halvorsen had signed the dredging contract last week",
            ),
            minister("said", "fishing crews would get new moorings on the east quay"),
            C(
                "Councillor Ana Lindqvist",
                "Ana Lindqvist",
                "said",
                "the harbour budget was already spent",
            ),
            C(
                "Ivo Brandt",
                "Ivo Brandt",
                "added",
                "the plan from Halvorsen left the north pier empty",
                near="added that the plan",
            ),
            C(
                "A harbour pilot",
                None,
                "said",
                "Brandt had ordered the night closures without warning",
            ),
        ],
        "Harbour to reopen",
        "Coast Courier",
        "2025-03-02",
    ),
    (
        "ferries.txt",
        FERRIES,
        [
            C(
                "Ana Lindqvist",
                "Ana Lindqvist",
                "said",
                "the ferry timetable would change on Monday",
            ),
            minister("told", "ferry fares would stay the same until autumn", on="2025-02-27"),
            C(
                "Ivo Brandt",
                "Ivo Brandt",
                "said",
                "the new timetable was drawn up by Halvorsen and her staff",
                near="drawn up",
            ),
            C(
                "Marta Halvorsen",
                "Marta Halvorsen",
                "said",
                "the night crossing would run twice a week",
                near="twice a week",
            ),
            C(
                "A union spokesman",
                None,
                "said",
                "crews had not been asked about the night crossing",
                near="not been asked",
            ),
        ],
        "Ferry timetable changes",
        "Island Post",
        "2025-04-10",
    ),
    (
        "quays.txt",
        QUAYS,
        [
            C("Ivo Brandt", "Ivo Brandt", "said", "the east quay would close for repairs in March"),
            minister(
                "said",
                "the repairs were paid for by the national port fund",
                near="national port fund",
            ),
            C(
                "Ana Lindqvist",
                "Ana Lindqvist",
                "said",
                "Halvorsen had promised the council a second survey",
                near="second survey",
            ),
            C(
                "Marta Halvorsen",
                "Marta Halvorsen",
                "said",
                "the survey would be published before the summer",
                near="before the summer",
            ),
            C(
                "The port director",
                "Ivo Brandt",
                "said",
                "the old cranes would be replaced next year",
            ),
        ],
        "Quay repairs",
        "Coast Courier",
        "2025-01-15",
    ),
]


@pytest.fixture
def written(tmp_path) -> str:
    db = str(tmp_path / "halves.db")
    store(db, ARTICLES)
    return db


def every_page_broad(monkeypatch) -> None:
    """Every first page of a search taken for a broad one (its matches counted as BROAD,
    the count query/claims.py stops at), whatever its size: walked, so halved."""
    monkeypatch.setattr(claimsmod, "_matches", lambda s, flt, m, upto=0: claimsmod.BROAD)


def pages(session, flt: ClaimFilter, size: int, first_only: bool) -> list[int]:
    """FLT's listing as pages of SIZE, each after the cursor of the one before, joined."""
    out, cursor = [], None
    while True:
        page = list(
            iter_rows(
                session, dataclasses.replace(flt, limit=size, after=cursor), first_only=first_only
            )
        )
        out += [r["claim_id"] for r in page]
        if len(page) < size:
            return out
        cursor = page[-1]["cursor"]


def test_the_halves_of_a_speakers_word_are_a_text_walk_and_the_speakers_index(written, monkeypatch):
    every_page_broad(monkeypatch)
    engine = dbmod.open_engine(written)
    with dbmod.session_scope(engine) as s:
        stmt = claims_query(s, ClaimFilter(search="Halvorsen", limit=2))
        shown = explain(s, stmt.limit(2))
        sql = str(stmt.compile(s.connection(), compile_kwargs={"literal_binds": True}))
        single = str(claims_query(s, ClaimFilter(search="Brandt", limit=2)))
        words = str(claims_query(s, ClaimFilter(search="Halvorsen harbour", limit=2)))
        status = str(claims_query(s, ClaimFilter(search="Halvorsen", status="verified", limit=2)))
    # the text half: the date order walked, the walked id tested against the full-text list
    assert "SCAN claims USING INDEX ix_claims_timeline" in shown, shown
    assert "claims_fts" in shown and "UNION ALL" in shown, shown
    # the speakers' half: their claims from their own index (on the row's speaker)
    assert "SEARCH claims USING INDEX ix_claims_actor_timeline (actor_id=?)" in shown, shown
    assert "claims.id + 0 IN (SELECT rowid FROM claims_fts" in sql, sql
    # neither half joins the sources (a join under the sort reads every speaker's claims)
    assert sql.count("JOIN sources") == 1, sql
    # another word that names a speaker: halved; several words, or another filter: one walk
    assert "UNION ALL" in single, single
    for walk in (words, status):
        assert "UNION ALL" not in walk and "claims_fts" in walk, walk


@pytest.mark.parametrize(
    "flt",
    [
        ClaimFilter(search="Halvorsen"),
        ClaimFilter(search="halvorsen", newest_first=True),
        ClaimFilter(search="Brandt", include_rejected=True),
        ClaimFilter(search="Brandt"),
    ],
    ids=["word", "newest-first", "with-rejected", "another-word"],
)
def test_the_halves_list_what_one_walk_and_the_gathered_matches_list(written, monkeypatch, flt):
    """Every page size, one row per claim or every appearance, page after page by cursor:
    the halves (broad), one walk testing both (broad, no halves) and the matches gathered
    and sorted (not broad) list the same claims in the same order."""
    engine = dbmod.open_engine(written)
    ways = {
        "gathered": claimsmod.search_halves,  # few matches: sorted, no walk
        "halves": claimsmod.search_halves,
        "one walk": lambda *_: None,
    }
    listed: dict[str, dict] = {}
    with dbmod.session_scope(engine) as s:
        for way, halves in ways.items():
            if way != "gathered":
                every_page_broad(monkeypatch)
            monkeypatch.setattr(claimsmod, "search_halves", halves)
            for first_only in (False, True):
                for size in range(1, 9):
                    listed.setdefault(way, {})[(first_only, size)] = pages(s, flt, size, first_only)
        whole = list(iter_rows(s, flt))
    word = flt.search.lower()
    # claims of both halves: the speaker's under another mention, and others naming her
    assert any(
        word not in " ".join([r["content"], r["speaker_mention"] or ""]).lower() for r in whole
    )
    assert any(word in r["content"].lower() for r in whole), whole
    assert listed["halves"] == listed["gathered"]
    assert listed["one walk"] == listed["gathered"]


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_page_before_a_cursor_in_halves_is_the_page_listed_before_it(
    written, monkeypatch, newest_first
):
    """rows_before (read backwards from the cursor: the halves in the other direction) gives
    back each page the forward listing put before it, every page size."""
    engine = dbmod.open_engine(written)
    every_page_broad(monkeypatch)
    flt = ClaimFilter(search="Halvorsen", newest_first=newest_first)
    with dbmod.session_scope(engine) as s:
        for first_only in (False, True):
            for size in range(1, 6):
                sized = dataclasses.replace(flt, limit=size)
                listed = [r["claim_id"] for r in iter_rows(s, flt, first_only=first_only)]
                forward, cursor = [], None
                while True:
                    page = list(
                        iter_rows(
                            s, dataclasses.replace(sized, after=cursor), first_only=first_only
                        )
                    )
                    if not page:
                        break
                    forward.append(page)
                    cursor = page[-1]["cursor"]
                assert [r["claim_id"] for p in forward for r in p] == listed
                for before, page in zip(forward, forward[1:], strict=False):
                    back = rows_before(s, sized, page[0]["cursor"], first_only)
                    assert [r["claim_id"] for r in back] == [r["claim_id"] for r in before]
