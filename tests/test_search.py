"""--search: any text a user types is taken as words, never as SQL or FTS syntax."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from claimtrack.query.claims import ClaimFilter, iter_rows
from claimtrack.query.search import fts5_string, terms
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Claim
from tests.handmade import store_articles


def test_terms_are_words_and_fts5_strings_are_quoted():
    assert terms('"ceasefire" OR arct* NEAR(a b) -x') == [
        "ceasefire", "OR", "arct", "NEAR", "a", "b", "x",
    ]  # fmt: skip
    assert fts5_string('a"b') == '"a""b"'


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
