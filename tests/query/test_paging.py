"""Later pages continue from the last row's place in the order (keyset pagination, issue 16),
on SQLite and PostgreSQL: a cursor's pages join into the whole listing, and no page skips
rows with OFFSET."""

from __future__ import annotations

import dataclasses
import re

import pytest
from sqlalchemy import event

from claimtrack.errors import UserError
from claimtrack.query.claims import (
    ClaimFilter,
    cursor_of,
    iter_rows,
    parse_cursor,
    rows_before,
)
from claimtrack.store import engine as dbmod
from tests.handmade import store_articles


@pytest.fixture
def stored(db_url) -> str:
    store_articles(db_url)
    return db_url


def by_cursor(session, flt: ClaimFilter, size: int, first_only: bool) -> list[list[int]]:
    """FLT's listing as pages of SIZE, each asked for after the cursor of the one before."""
    return [[r["claim_id"] for r in p] for p in pages_of(session, flt, size, first_only)]


def pages_of(session, flt: ClaimFilter, size: int, first_only: bool) -> list[list[dict]]:
    """by_cursor's pages, their rows whole."""
    pages, cursor = [], None
    while True:
        page = list(
            iter_rows(
                session,
                dataclasses.replace(flt, limit=size, after=cursor),
                first_only=first_only,
            )
        )
        if page:
            pages.append(page)
        if len(page) < size:
            return pages
        cursor = page[-1]["cursor"]


LISTINGS = [
    ClaimFilter(),
    ClaimFilter(newest_first=True),
    ClaimFilter(topic="ceasefire"),  # read from the topic's links
    ClaimFilter(topic="ceasefire", newest_first=True),
    ClaimFilter(actor="Trump"),
    ClaimFilter(search="ceasefire"),
    ClaimFilter(topic="conflict"),  # a topic and those under it
]


@pytest.mark.parametrize("flt", LISTINGS, ids=lambda f: str(f)[12:60])
def test_pages_after_each_cursor_join_into_the_whole_listing(stored, flt):
    """One row per claim too: a claim an earlier page listed (by another appearance) is not
    listed again on a later one."""
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        for first_only in (True, False):
            whole = [r["claim_id"] for r in iter_rows(s, flt, first_only=first_only)]
            assert whole, flt
            for size in (1, 2, 3):
                pages = by_cursor(s, flt, size, first_only)
                assert [i for p in pages for i in p] == whole, (size, first_only)
                assert all(len(p) == size for p in pages[:-1])


def test_one_row_per_claim_leaves_out_claims_an_earlier_page_listed(stored):
    """The hand-made articles re-report claims: one row per claim lists fewer rows than
    every appearance, and paging one row at a time keeps that count."""
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        every = list(iter_rows(s, ClaimFilter(), first_only=False))
        firsts = list(iter_rows(s, ClaimFilter(), first_only=True))
        paged = [i for p in by_cursor(s, ClaimFilter(), 1, True) for i in p]
    assert len(firsts) < len(every)
    assert len(paged) == len(set(paged)) == len(firsts)


@pytest.mark.parametrize("flt", LISTINGS, ids=lambda f: str(f)[12:60])
def test_the_page_before_each_cursor_is_the_page_walked_forward(stored, flt):
    """A previous page (rows_before the first row's cursor) is the page listed before it,
    with one row per claim too: a claim shown earlier is not listed again by a later
    appearance read on the way back, and one whose first appearance lies on the way back
    is listed there. Before the first page there is nothing."""
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        for first_only in (True, False):
            for size in (1, 2, 3):
                pages = pages_of(s, flt, size, first_only)
                sized = dataclasses.replace(flt, limit=size)
                for earlier, page in zip(pages, pages[1:], strict=False):
                    back = rows_before(s, sized, page[0]["cursor"], first_only)
                    assert back == earlier, (size, first_only)
                assert rows_before(s, sized, pages[0][0]["cursor"], first_only) == []
                # without a limit: everything before, in order
                whole = [r["claim_id"] for p in pages[:-1] for r in p]
                last = pages[-1][0]["cursor"]
                assert [r["claim_id"] for r in rows_before(s, flt, last, first_only)] == whole


def test_a_previous_page_reads_back_from_the_cursor_not_offset(stored):
    """The rows before a cursor are read from its place backwards (a row value compared,
    the order reversed), none skipped with OFFSET."""
    engine = dbmod.open_engine(stored)
    with dbmod.session_scope(engine) as s:
        firsts = list(iter_rows(s, ClaimFilter(), first_only=True))
    seen: list = []

    def record(conn, cursor, statement, parameters, *args):  # noqa: ANN001, ANN002
        if re.search(r"\bFROM claims\b", statement) and "ORDER BY" in statement:
            seen.append((statement, skipped(statement, parameters)))

    event.listen(engine, "before_cursor_execute", record)
    with dbmod.session_scope(engine) as s:
        back = rows_before(s, ClaimFilter(limit=2), firsts[-1]["cursor"], first_only=True)
    event.remove(engine, "before_cursor_execute", record)
    assert [r["claim_id"] for r in back] == [r["claim_id"] for r in firsts[-3:-1]]
    assert seen and [n for _, n in seen] == [0] * len(seen), seen
    assert re.search(r"\) < \(", seen[0][0]) and " DESC" in seen[0][0], seen[0]


def test_later_windows_continue_from_the_last_row_not_offset(stored):
    """A first page with rows left out (other appearances) asks for more in later windows:
    each starts after the last row read (a row value compared), none uses OFFSET."""
    engine = dbmod.open_engine(stored)
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, *args):  # noqa: ANN001, ANN002
        if re.search(r"\bFROM claims\b", statement) and "ORDER BY" in statement:
            seen.append((statement, skipped(statement, parameters)))

    event.listen(engine, "before_cursor_execute", record)
    with dbmod.session_scope(engine) as s:
        firsts = list(iter_rows(s, ClaimFilter(), first_only=True))
        seen.clear()
        rows = list(iter_rows(s, ClaimFilter(limit=len(firsts)), first_only=True))
    event.remove(engine, "before_cursor_execute", record)
    assert [r["claim_id"] for r in rows] == [r["claim_id"] for r in firsts]
    assert len(seen) >= 2, seen  # the first window held other appearances: another was asked
    assert [n for _, n in seen] == [0] * len(seen), seen
    assert all(re.search(r"\) > \(", q) for q, _ in seen[1:]), seen[1:]


def skipped(statement: str, parameters) -> int:  # noqa: ANN001
    """The rows STATEMENT skips: its OFFSET (SQLite always writes one, 0 when none is set;
    PostgreSQL only when one is)."""
    if "OFFSET ?" in statement:
        return parameters[-1]
    return -1 if "OFFSET" in statement.upper() else 0


def test_a_cursor_names_a_place_in_the_timeline_order():
    key = (parse_cursor("2025-08-01.1.3.120.45"),)[0]
    assert cursor_of(key) == "2025-08-01.1.3.120.45"
    assert key[1:] == (1, 3, 120, 45)
    assert cursor_of((0.5, 12)) is None  # another order (confidence, id): no cursor


@pytest.mark.parametrize("bad", ["", "2025-08-01", "2025-13-01.1.3.120.45", "a.b.c.d.e"])
def test_a_bad_cursor_says_what_to_pass(bad):
    with pytest.raises(UserError, match=r"--after .* e\.g\. --after 2025-08-01\.1\.3\.120\.45"):
        parse_cursor(bad)


def test_a_page_is_fetched_at_once_and_a_listing_streams(stored):
    """A window of a page (no more rows than a batch) is not read through a server-side
    cursor, which PostgreSQL plans for a tenth of the rows, not all of a page; a listing
    without --limit streams (its memory does not grow with the rows)."""
    engine = dbmod.open_engine(stored)
    streamed: list[bool] = []

    def record(conn, cursor, statement, parameters, context, executemany):  # noqa: ANN001
        if "ORDER BY" in statement and re.search(r"\bFROM claims\b", statement):
            streamed.append(bool(context.execution_options.get("stream_results")))

    event.listen(engine, "before_cursor_execute", record)
    with dbmod.session_scope(engine) as s:
        assert len(list(iter_rows(s, ClaimFilter(limit=3), first_only=False))) == 3
        page = list(streamed)
        streamed.clear()
        assert len(list(iter_rows(s, ClaimFilter(), first_only=False))) > 3
    event.remove(engine, "before_cursor_execute", record)
    assert page == [False] and streamed == [True]
