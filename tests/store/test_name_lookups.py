"""The registry's name lookups remembered while a document is stored (store/name_lookups.py):
asked of the database once, and forgotten as soon as a write may change the answer (a new
actor or alias of the name, an actor deleted or re-kinded), flushed or not yet. Names
made up for the project."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from claimtrack.extract.types import CharSpan, FoundClaim, Speaker
from claimtrack.names import name_key
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, ActorAlias
from claimtrack.store.name_lookups import remembered
from claimtrack.store.writes import (
    _named,
    add_alias,
    find_actor,
    prepare_to_store,
    registry_view,
    speaker_keys,
)


def _person(name: str, kind: str = "person") -> Actor:
    return Actor(name=name, name_key=name_key(name), kind=kind)


@contextmanager
def _selects(engine) -> Iterator[list[str]]:  # noqa: ANN001
    """The SELECT statements ENGINE runs inside the block."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def _setup(db_url: str) -> None:
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        pell = _person("Dana Pell")
        pell.aliases.append(ActorAlias(alias="Pell", alias_key="pell"))
        session.add_all([pell, _person("Harbour Pilots Board", "organization")])


def test_a_name_asked_twice_is_asked_of_the_database_once(db_url):
    _setup(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session, remembered(session):
        with _selects(engine) as first:
            found = find_actor(session, "Dana Pell")
            people = _named(session, "pell")
        with _selects(engine) as again:
            assert find_actor(session, "dana  pell") is found
            assert find_actor(session, "Pell") is found  # by its alias, asked once more
            assert _named(session, "pell") == people == [found]
            assert find_actor(session, "Pell") is found
        assert found is not None and found.name == "Dana Pell"
        assert len(first) == 2 and len(again) == 1
    # outside the block every lookup asks again
    with dbmod.session_scope(engine) as session:
        with _selects(engine) as asked:
            find_actor(session, "Dana Pell")
            find_actor(session, "Dana Pell")
        assert len(asked) == 2


def test_a_new_actor_or_alias_of_the_name_is_found_unflushed(db_url):
    _setup(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session, remembered(session):
        assert find_actor(session, "Rosa Quill") is None
        assert _named(session, "quill") == []
        quill = _person("Rosa Quill")
        session.add(quill)  # pending: no flush yet
        assert find_actor(session, "Rosa Quill") is quill
        assert _named(session, "quill") == []  # no alias "Quill" yet
        assert add_alias(quill, "Quill")
        assert _named(session, "quill") == [quill]
        assert find_actor(session, "Quill") is quill
        # another person's alias of the same name: the alias no longer tells one actor
        pell = find_actor(session, "Dana Pell")
        assert add_alias(pell, "Quill")
        assert find_actor(session, "Quill") is None
        assert _named(session, "quill") == sorted([quill, pell], key=lambda a: a.id)


def test_an_actor_deleted_or_re_kinded_is_forgotten(db_url):
    _setup(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session, remembered(session):
        pell = find_actor(session, "Dana Pell")
        assert _named(session, "pell") == [pell]
        pell.kind = "organization"  # no longer a person: _named finds people only
        assert _named(session, "pell") == []
        assert find_actor(session, "Pell") is pell
        session.delete(pell)
        assert find_actor(session, "Pell") is None
        assert find_actor(session, "Dana Pell") is None
        board = find_actor(session, "Harbour Pilots Board")
        assert board is not None and board.kind == "organization"


def test_a_registry_view_answers_many_names_in_one_query(db_url):
    _setup(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        with remembered(session):
            with _selects(engine) as viewed:
                registry_view(session, ["dana pell", "pell", "harbour pilots board", "rosa quill"])
            with _selects(engine) as asked:
                pell = find_actor(session, "Dana Pell")
                board = find_actor(session, "Harbour Pilots Board")
                by_alias = find_actor(session, "Pell")
                people = _named(session, "pell")
                nobody = (find_actor(session, "Rosa Quill"), _named(session, "rosa quill"))
                nobody_asked = find_actor(session, "Ivo Marsh")  # not in the view: asked
            assert len(viewed) == 1 and len(asked) == 1
        # the view's answers are the queries' own
        assert (find_actor(session, "Dana Pell"), find_actor(session, "Pell")) == (pell, by_alias)
        assert find_actor(session, "Harbour Pilots Board") is board
        assert _named(session, "pell") == people == [pell]
        assert nobody == (None, []) and nobody_asked is None
        assert board is not None and board.kind == "organization"
        # outside ``remembered`` a view is nothing to keep: every lookup asks again
        registry_view(session, ["dana pell"])
        with _selects(engine) as again:
            find_actor(session, "Dana Pell")
        assert len(again) == 1


def test_a_registry_view_is_forgotten_like_a_lookup(db_url):
    _setup(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session, remembered(session):
        registry_view(session, ["pell", "quill"])
        assert find_actor(session, "Quill") is None
        quill = _person("Rosa Quill")
        session.add(quill)
        add_alias(quill, "Quill")  # a new alias of a key the view answered
        assert find_actor(session, "Quill") is quill
        assert _named(session, "quill") == [quill]
        pell = find_actor(session, "Pell")
        assert add_alias(pell, "Quill")  # two actors under "quill": no one actor
        assert find_actor(session, "Quill") is None


def test_speaker_keys_are_what_storing_the_claims_asks():
    text = (
        "Senator Joe Marsh of Ohio spoke first. Marsh said the bridge would open in May. "
        "The Harbour Pilots Board said it agreed."
    )
    marsh = FoundClaim(
        speaker=Speaker(CharSpan(39, 44), None, "person"),
        cue=CharSpan(45, 49),
        content=CharSpan(50, 78),
        sentence=CharSpan(39, 80),
        attribution="direct",
    )
    board = FoundClaim(
        speaker=Speaker(CharSpan(80, 104), None, "organization", others=("Ann Lowe",)),
        cue=CharSpan(105, 109),
        content=CharSpan(110, 120),
        sentence=CharSpan(80, 121),
        attribution="direct",
    )
    keys = speaker_keys(text, [marsh, board], author="By Kim Ode")
    # "Marsh" in full as the text names him, his nickname's other form and his surname; the
    # board; the other speaker and the byline's writer (the first person's), each surname
    assert {"joe marsh", "joseph marsh", "marsh", "the harbour pilots board"} <= keys
    assert {"ann lowe", "lowe", "kim ode", "ode"} <= keys
    assert speaker_keys(text, []) == set()
    # what the workers make of a document under --workers carries them
    assert prepare_to_store(text, None, [marsh, board, marsh], []).names == speaker_keys(
        text, [marsh, board]
    )
