"""Storing an article into a big database costs what it costs in an empty one (issue 16):
the look-ups storing makes for each speaker are served by indexes, on SQLite and
PostgreSQL, never a read of every actor (EXPLAIN of the statements they send)."""

from __future__ import annotations

from sqlalchemy import event, select

from claimtrack.store import engine as dbmod
from claimtrack.store import resolve, writes
from claimtrack.store.models import Actor
from tests.handmade import store_articles


def sent(engine, work) -> list[tuple[str, object]]:
    """The statements (and their parameters) WORK(session) sends that read actors."""
    seen: list[tuple[str, object]] = []

    def keep(conn, cursor, statement, parameters, context, many):
        if "FROM actors" in statement:
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    try:
        with dbmod.session_scope(engine) as s:
            work(s)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    return seen


def plans(engine, statements: list[tuple[str, object]]) -> list[str]:
    """Each statement's plan (PostgreSQL told to avoid a scan where anything else can serve:
    on tables this small it may rather read them whole, as it does not at scale)."""
    out = []
    with engine.connect() as conn:
        for statement, parameters in statements:
            if conn.dialect.name == "sqlite":
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
                out.append("\n".join(r[3] for r in rows))
            else:
                conn.exec_driver_sql("SET enable_seqscan = off")
                rows = conn.exec_driver_sql("EXPLAIN " + statement, parameters)
                out.append("\n".join(r[0] for r in rows))
    return out


def test_a_speakers_name_and_aliases_are_looked_up_by_their_indexes(db_url):
    """A person by name or alias (writes._named, writes.find_actor) and the people an article names
    (resolve.in_source): the actors' ids from the name, alias and claim indexes, then each
    actor by its key; the two conditions are one union, not an OR over every actor."""
    store_articles(db_url)
    engine = dbmod.open_engine(db_url)
    with dbmod.session_scope(engine) as s:
        ushakov = s.scalar(select(Actor.id).where(Actor.name == "Yuri Ushakov"))

    def work(s) -> None:
        assert [a.name for a in writes._named(s, "donald trump")] == ["Donald Trump"]
        assert resolve.in_source(s, 1, s.get(Actor, ushakov), None) is not None
        found = writes.find_actor(s, "Donald Trump")  # name or alias: one union too
        assert found is not None and found.name == "Donald Trump"

    statements = sent(engine, work)
    assert len(statements) >= 4, statements
    for statement, shown in zip(statements, plans(engine, statements), strict=True):
        assert "SCAN actors" not in shown and "Seq Scan on actors" not in shown, (
            statement[0],
            shown,
        )
        assert "actors" in shown, shown
