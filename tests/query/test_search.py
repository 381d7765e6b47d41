"""--search: any text a user types is taken as words, never as SQL or FTS syntax."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from claimtrack.query.claims import ClaimFilter, iter_rows
from claimtrack.query.search import MAX_TERMS, fts5_string, terms
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim
from tests.conftest import rows
from tests.handmade import C, store_articles


def test_terms_are_words_and_fts5_strings_are_quoted():
    assert terms('"ceasefire" OR arct* NEAR(a b) -x') == [
        "ceasefire", "OR", "arct", "NEAR", "a", "b", "x",
    ]  # fmt: skip
    assert fts5_string('a"b') == '"a""b"'


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=30))
def test_any_text_searches_without_error(db_url, text):
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        stored = session.scalar(select(func.count()).select_from(Claim))
    if not stored:
        store_articles(db_url)
    with dbmod.session_scope(engine) as session:
        found = list(iter_rows(session, ClaimFilter(search=text)))
        assert len(found) <= session.scalar(select(func.count()).select_from(Claim))
        if not terms(text):
            assert found == []


# ---- how many words a search may take ---------------------------------------------------

# One claim that holds more than MAX_TERMS different words, all searchable.
MANY = [f"item{i:02d}" for i in range(MAX_TERMS + 6)]
LIST_TEXT = f"The clerk said the inventory lists {' '.join(MANY)} in that order.\n"


@pytest.fixture
def inventory(db_url) -> str:
    claim = C("The clerk", "Clerk", "said", f"the inventory lists {' '.join(MANY)} in that order")
    store_articles(db_url, [("list.txt", LIST_TEXT, [claim], "Inventory", None, "2025-03-01")])
    return db_url


def test_a_search_at_the_word_limit_works(cli, inventory):
    at_limit = " ".join(MANY[:MAX_TERMS])
    (found,) = rows(cli, inventory, "who-said", "--search", at_limit)
    assert found["speaker"] == "Clerk"
    # a repeated word counts once, in any case: 128 words, 64 different ones
    (found,) = rows(cli, inventory, "who-said", "--search", f"{at_limit} {at_limit.upper()}")
    assert found["speaker"] == "Clerk"
    one_absent = " ".join([*MANY[: MAX_TERMS - 1], "absent"])
    assert rows(cli, inventory, "who-said", "--search", one_absent) == []


@pytest.mark.parametrize("words", [MAX_TERMS + 1, 1000, 2000])
def test_a_search_of_too_many_words_is_one_line(cli, inventory, words):
    search = " ".join((MANY + [f"w{i}" for i in range(words)])[:words])
    for command in ("who-said", "timeline", "export"):
        result = cli(command, "--search", search, db=inventory, ok=False)
        assert result.exit_code == 1, result.output
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr[:2000]
        assert f"--search has {words} different words; give at most {MAX_TERMS}" in lines[0]
        assert result.stdout == ""
