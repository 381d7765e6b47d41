"""The registry's name lookups remembered while a document is stored (store/name_lookups.py):
asked of the database once, and forgotten as soon as a write may change the answer (a new
actor or alias of the name, an actor deleted or re-kinded), flushed or not yet. Names
made up for the project."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from claimtrack.names import name_key
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, ActorAlias
from claimtrack.store.name_lookups import remembered
from claimtrack.store.writes import _named, add_alias, find_actor


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
