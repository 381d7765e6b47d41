"""``--search TEXT``: full-text search over a claim's content, quote and speaker.

The user's text is never passed through as SQL or FTS syntax: it is split into words,
and every word must match, either in the full-text index (SQLite FTS5, each word quoted
as a string; PostgreSQL ``plainto_tsquery``) or in the speaker's name or aliases.

Each distinct word adds a condition to the query, so a search takes at most
``MAX_TERMS`` of them (a repeated word counts once): beyond a few hundred SQLite refuses
the query ("Expression tree is too large") and PostgreSQL runs for minutes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Integer, and_, column, false, func, or_, select, text
from sqlalchemy.sql.elements import False_

from claimtrack.errors import UserError
from claimtrack.names import name_key
from claimtrack.store.fts import PG_VECTOR
from claimtrack.store.handle import dialect_name
from claimtrack.store.tables import Actor, ActorAlias, Claim, aliased

if TYPE_CHECKING:  # the asking commands pass a Core connection: no ORM (issue 16)
    from claimtrack.store.handle import Db

_WORD = re.compile(r"\w+")
MAX_TERMS = 64  # distinct words in one --search


def terms(query: str) -> list[str]:
    """The words of a user's query (punctuation and operators dropped)."""
    return _WORD.findall(query)


def fts5_string(term: str) -> str:
    """TERM as an FTS5 string literal: "term", inner quotes doubled."""
    return '"' + term.replace('"', '""') + '"'


def _text_ids(dialect: str, words: list[str], i: int):
    """The ids of the claims whose text holds every one of WORDS (the full-text index)."""
    if dialect == "sqlite":
        fts = text(f"SELECT rowid FROM claims_fts WHERE claims_fts MATCH :fts{i}").bindparams(
            **{f"fts{i}": " ".join(fts5_string(w) for w in words)}
        )
        return fts.columns(column("rowid", Integer))
    ts = text(
        f"SELECT id FROM claims WHERE {PG_VECTOR} @@ plainto_tsquery('english', :ts{i})"
    ).bindparams(**{f"ts{i}": " ".join(words)})
    return ts.columns(column("id", Integer))


def search_ids(dialect: str, query: str):
    """The claims whose text holds every word of QUERY: some of the matches (a word may
    match the speaker's names instead), for sizing a search on SQLite; None elsewhere or
    without words (PostgreSQL weighs the stored vector's statistics itself)."""
    words = terms(query)
    if dialect != "sqlite" or not words:
        return None
    return select(_text_ids(dialect, words[:MAX_TERMS], 999).subquery().c[0])


def _text_match(dialect: str, term: str, i: int, own_id) -> ColumnElement[bool]:
    if dialect == "sqlite":
        return own_id.in_(_text_ids(dialect, [term], i))
    if dialect == "postgresql":  # on the row itself: a GIN index scan, or a test per row walked
        return text(f"claims.{PG_VECTOR} @@ plainto_tsquery('english', :ts{i})").bindparams(
            **{f"ts{i}": term}
        )
    like = f"%{term.lower()}%"
    return or_(Claim.content.ilike(like), Claim.quote.ilike(like))


MANY_SPEAKERS = 200  # speakers a word names beyond which they are matched by a subquery
# claims of the speakers a word names (stored counts) up to which a walk tests their ids (a
# list of them); beyond, a walk tests the row's speaker. At a million claims: `--search
# russia` (2,151 claims of its speakers, 17,205 text matches) 38 to 58 ms -> 15 to 21 with
# the list; `president` (12,905) the same either way, 50 to 69 ms; `trump` (234,435) 75 to
# 100 ms on the rows, 170 to 250 with the list. A list entry costs about a fourteenth of a
# row read, and a word of many matches fills its page after few rows walked.
SPEAKER_LIST = 5_000


def _speaker_match(session: Db, term: str, walked_id=None) -> ColumnElement[bool]:
    """Claims whose speaker's name or an alias holds TERM: the few such speakers looked up
    first, so the database can serve them from ix_claims_actor_timeline. WALKED_ID: the
    claim's id as a walk of the date order reads it from its index; the test is then made
    on it alone (the speakers' claim ids, from ix_claims_actor_timeline), so a claim walked
    past is never read from the table (see search_condition), unless the speakers said more
    than SPEAKER_LIST claims (a word that common fills a page after a few rows walked)."""
    key = name_key(term)
    named = select(Actor.id).where(Actor.name_key.contains(key, autoescape=True))
    aliased_as = select(ActorAlias.actor_id).where(
        ActorAlias.alias_key.contains(key, autoescape=True)
    )
    found = set(session.scalars(named.limit(MANY_SPEAKERS + 1)))
    found |= set(session.scalars(aliased_as.limit(MANY_SPEAKERS + 1)))
    if not found:
        return false()
    if len(found) > MANY_SPEAKERS:
        return or_(Claim.actor_id.in_(named), Claim.actor_id.in_(aliased_as))
    if walked_id is not None and _said(session, found) > SPEAKER_LIST:
        walked_id = None  # a list longer than the rows a walk reads before its page is full
    return _spoken(sorted(found), walked_id)


def _said(session: Db, actors: set[int]) -> int:
    """How many claims ACTORS said (their stored counts, first appearances)."""
    return session.scalar(select(func.sum(Actor.claim_count)).where(Actor.id.in_(actors))) or 0


def _spoken(actors, walked_id=None) -> ColumnElement[bool]:
    """Claims of ACTORS (ids): on the row's speaker, or, given WALKED_ID, that id among
    their claims' ids."""
    if walked_id is None:
        return Claim.actor_id.in_(actors)
    theirs = aliased(Claim)
    return walked_id.in_(select(theirs.id).where(theirs.actor_id.in_(actors)))


def _words(query: str) -> list[str]:
    """QUERY's distinct words (case aside), in order; a UserError for more than MAX_TERMS."""
    distinct: dict[str, str] = {}
    for word in terms(query):
        distinct.setdefault(word.lower(), word)
    words = list(distinct.values())
    if len(words) > MAX_TERMS:
        raise UserError(
            f"--search has {len(words)} different words; give at most {MAX_TERMS} "
            "(every word must match, so a few distinctive ones find the claim)"
        )
    return words


def search_condition(
    session: Db, query: str, own_id=Claim.id, walked: bool = False
) -> ColumnElement[bool]:
    """Every distinct word of QUERY (case aside) in the claim's text or its speaker's names;
    a UserError for more than MAX_TERMS of them.

    WALKED (SQLite, a broad search): the listing walks a date-order index, and OWN_ID is the
    claim id that index holds (as an expression no index serves). Both halves of each
    word's test are then made on that id alone, against lists the database makes once (the
    full-text matches; the claims of the speakers the word names), so the rows walked past
    are never read from the claims table: a test on the speaker's column read every claim
    walked (at a million claims, about 2,900 table rows for a page of `--search russia`,
    where its 50 rows are all the table reads needed). Not for speakers who said more than
    SPEAKER_LIST claims: their row's speaker is tested, as without WALKED."""
    dialect = dialect_name(session)
    words = _words(query)
    if not words:
        return false()
    return and_(
        *(
            or_(
                _text_match(dialect, w, i, own_id),
                _speaker_match(session, w, own_id if walked else None),
            )
            for i, w in enumerate(words)
        )
    )


def search_halves(
    session: Db, query: str, own_id
) -> tuple[ColumnElement[bool], ColumnElement[bool]] | None:
    """A broad search of one word walked in the date order (SQLite; OWN_ID as for
    search_condition) as two conditions whose union is search_condition's: the word's
    full-text matches alone, and its speakers alone. A first page is then the first of the
    two pages these give (query/claims.py, refine): the text half walks the date order
    testing the walked id against the full-text list, no claim read; the speakers' half
    reads their claims from ix_claims_actor_timeline, the first few of each speaker. In one
    walk testing both, every claim walked past was read for its speaker (`--search president`
    at a million claims: about 9,000 walked for a page, 30 ms of CPU, where the two halves
    take 12). None when the word names no speaker (the walk reads no claim then), or for
    several words: each half would make the other words' full-text lists anew (`president
    trump`: 112 ms of CPU against 82 in one walk, the list of `trump` made twice)."""
    words = _words(query)
    if len(words) != 1:
        return None
    spoken = _speaker_match(session, words[0])
    if isinstance(spoken, False_):
        return None
    return _text_match(dialect_name(session), words[0], 0, own_id), spoken
