"""The registry's name lookups remembered while a document is stored (store/name_lookups.py):
asked of the database once, and forgotten as soon as a write may change the answer (a new
actor or alias of the name, an actor deleted or re-kinded), flushed or not yet. Names
made up for the project."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, select

from claimtrack.extract.types import CharSpan, FoundClaim, Speaker
from claimtrack.names import name_key
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, ActorAlias
from claimtrack.store.name_lookups import _may_be_like, remembered
from claimtrack.store.writes import (
    _named,
    add_alias,
    find_actor,
    known_with_middle,
    middle_key,
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
    # and for each person of two words, the people of the name with a middle one more
    assert {middle_key("Joe Marsh"), middle_key("Ann Lowe"), middle_key("Kim Ode")} <= keys
    assert speaker_keys(text, []) == set()
    # what the workers make of a document under --workers carries them
    assert prepare_to_store(text, None, [marsh, board, marsh], []).names == speaker_keys(
        text, [marsh, board]
    )


def _middles(db_url: str) -> None:
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        session.add_all([_person("Ann Quarrie Roe"), _person("Ivo Bent"), _person("Tess Ann Hale")])


def test_a_middle_key_is_asked_only_of_a_plain_two_word_name():
    assert middle_key("Ann Roe") == ("like", "ann % roe")
    assert middle_key("Dr. Ann Roe") == ("like", "ann % roe")  # as known_with_middle reads it
    assert middle_key("Ann Quarrie Roe") is None  # asked by name, not by pattern
    assert middle_key("Roe") is None
    assert middle_key("Jan de Roe") is None
    assert middle_key("Ann Roe Jr.") is None


def test_a_registry_view_answers_the_middle_name_lookup(db_url):
    _middles(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        asked = known_with_middle(session, "Ann Roe"), known_with_middle(session, "Ivo Bent")
    assert asked[0] is not None and asked[0].name == "Ann Quarrie Roe"
    assert asked[1] is None  # no one of the name with a middle one
    with dbmod.session_scope(engine) as session, remembered(session):
        with _selects(engine) as viewed:
            registry_view(session, ["ann roe", middle_key("Ann Roe"), middle_key("Ivo Bent")])
        with _selects(engine) as again:
            found = known_with_middle(session, "Ann Roe"), known_with_middle(session, "Ivo Bent")
        assert len(viewed) == 1 and again == []
        assert found[0] is not None and (found[0].id, found[1]) == (asked[0].id, None)


def test_a_middle_name_lookup_is_forgotten_for_a_new_person_it_may_find(db_url):
    _middles(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session, remembered(session):
        registry_view(session, [middle_key("Lia Bent"), middle_key("Ann Roe")])
        assert known_with_middle(session, "Lia Bent") is None
        moss = _person("Lia Moss Bent")
        session.add(moss)  # pending: found all the same
        assert known_with_middle(session, "Lia Bent") is moss
        with _selects(engine) as kept:  # another name's answer stays
            assert known_with_middle(session, "Ann Roe").name == "Ann Quarrie Roe"
        assert kept == []
        session.add(_person("Lia Tarn Bent"))
        session.flush()  # flushed: two fit, so nobody
        assert known_with_middle(session, "Lia Bent") is None


def test_a_key_the_database_finds_like_a_pattern_is_never_missed(db_url):
    keys = ["ann quarrie roe", "ann roe", "ann  roe", "anne x roe", "ann x roes", "a_n x roe",
            "ann% x roe", "ann x y roe", "xann x roe", "ann q. roe", "ann \\ roe"]  # fmt: skip
    patterns = ["ann % roe", "a_n % roe", "ann% % roe", "ann \\ % roe", "ANN % ROE"]
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as session:
        session.add_all(Actor(name=k, name_key=k, kind="person") for k in keys)
    with dbmod.session_scope(engine) as session:
        for pattern in patterns:
            found = set(session.scalars(select(Actor.name_key).where(Actor.name_key.like(pattern))))
            assert found <= {k for k in keys if _may_be_like(k, pattern)}, pattern
    assert not _may_be_like("ann roe", "ann % roe") and not _may_be_like("ann x roes", "ann % roe")
