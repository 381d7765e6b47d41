"""The registry's name lookups, remembered while one document is stored.

Each claim's speaker asks the registry which actors a name key means (writes.find_actor,
writes._named): a few queries a claim, most of them asked already for an earlier claim of
the same document. Inside ``remembered(session)`` (store_document), each answer is kept in
the session until a flush writes something that may change it: a new actor or alias of that
key forgets the key; an actor or alias deleted, renamed, re-kinded or moved forgets all.
A lookup answered from memory flushes only the writes that may change its answer (its query's
autoflush would have flushed all): the others wait for the next query, which flushes them in
the order they were made, so every table gets its rows in the same order, ids included.
A key may also be (LIKE, pattern): the people whose name key is LIKE it (writes.middle_key),
forgotten for a new actor whose name key may match it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from claimtrack.store.models import Actor, ActorAlias

LOOKUPS = "claimtrack.name_lookups"  # session.info: name key -> {what: actors}
LIKE = "like"  # a key (LIKE, pattern): the people whose name key is LIKE the pattern

Key = str | tuple[str, str]  # a name key, or (LIKE, a LIKE pattern of name keys)

# the columns a lookup reads: a change to one of them in a flush forgets every answer
ACTOR_COLUMNS = ("name_key", "kind")
ALIAS_COLUMNS = ("alias_key", "actor_id", "actor")


@contextmanager
def remembered(session: Session) -> Iterator[None]:
    """Name lookups of SESSION remembered for the length of the block."""
    session.info[LOOKUPS] = {}
    try:
        yield
    finally:
        session.info.pop(LOOKUPS, None)


def remembering(session: Session) -> bool:
    """SESSION is inside ``remembered``."""
    return LOOKUPS in session.info


def learn(session: Session, key: Key, answers: dict[str, list[Actor]]) -> None:
    """Remember ANSWERS (lookup -> actors) for name KEY, found by a query just run (whose
    autoflush left nothing pending): registry_view's, for many keys at once."""
    cache: dict[Key, dict[str, list[Actor]]] | None = session.info.get(LOOKUPS)
    if cache is not None:
        cache.setdefault(key, {}).update((what, list(found)) for what, found in answers.items())


def lookup(session: Session, what: str, key: Key, ask: Callable[[], list[Actor]]) -> list[Actor]:
    """The actors lookup WHAT finds for name KEY: ``ask()`` (which queries), or its
    answer remembered, when nothing written since may change it."""
    cache: dict[Key, dict[str, list[Actor]]] | None = session.info.get(LOOKUPS)
    if cache is None:
        return ask()
    if _pending(session, key):
        session.flush()  # the writes that may change the answer, as autoflush would
    answers = cache.setdefault(key, {})
    if what not in answers:
        answers[what] = ask()  # its query flushes whatever else is pending
    return list(answers[what])  # the caller's own list


def _pending(session: Session, key: Key) -> bool:
    """SESSION holds unflushed writes that may change the answers for KEY: a new actor or
    alias of that key (an actor whose name key may be LIKE the pattern, for a pattern's
    key), or an actor or alias deleted, renamed, re-kinded or moved."""
    for obj in session.new:
        if (isinstance(obj, Actor) and _of(key, obj.name_key)) or (
            isinstance(obj, ActorAlias) and obj.alias_key == key
        ):
            return True
    return _moved(session)


def _of(key: Key, name_key: str) -> bool:
    """An actor of NAME_KEY may be among the answers for KEY."""
    return key == name_key if isinstance(key, str) else _may_be_like(name_key, key[1])


def _may_be_like(name_key: str, pattern: str) -> bool:
    """NAME_KEY may be LIKE PATTERN on any database: "%" any run of characters, "_" any
    one, in any case (SQLite's LIKE folds ASCII case, PostgreSQL's none); a pattern with a
    backslash (PostgreSQL's escape) always may. Never False where the database's LIKE is
    true: an answer is forgotten when it may have changed."""
    like = _regex(pattern)
    return like is None or like.fullmatch(name_key) is not None


@lru_cache(maxsize=1024)
def _regex(pattern: str) -> re.Pattern[str] | None:
    """``_may_be_like``'s regular expression of PATTERN (None: a backslash, always)."""
    if "\\" in pattern:
        return None
    parts = (".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _moved(session: Session) -> bool:
    """SESSION holds an unflushed deletion of an actor or alias, or a change to what a
    lookup reads of one (its name key, kind, alias key or actor): every answer may change."""
    return any(isinstance(obj, Actor | ActorAlias) for obj in session.deleted) or any(
        (isinstance(obj, Actor) and _changed(obj, ACTOR_COLUMNS))
        or (isinstance(obj, ActorAlias) and _changed(obj, ALIAS_COLUMNS))
        for obj in session.dirty
    )


def _changed(obj: Any, columns: tuple[str, ...]) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[c].history.has_changes() for c in columns)


@event.listens_for(Session, "before_flush")
def _forget(session: Session, _context: object, _instances: object) -> None:
    """Forget the answers the coming flush may change."""
    cache = session.info.get(LOOKUPS)
    if not cache:
        return
    for obj in session.new:
        if isinstance(obj, Actor):
            cache.pop(obj.name_key, None)
            for key in [k for k in cache if not isinstance(k, str) and _of(k, obj.name_key)]:
                del cache[key]
        elif isinstance(obj, ActorAlias):
            cache.pop(obj.alias_key, None)
    if _moved(session):
        cache.clear()
