"""Migration 0013 (the stored sort day of range-dated claims) upgrades a database made at 0012
whose range-dated claims kept the order of before, without loss; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from claimtrack.store import engine as dbmod
from tests.store.test_web_migration import fill_at_0003
from tests.store.test_web_migration import snapshot as unordered


def snapshot(engine) -> tuple:
    return tuple(sorted(rows) for rows in unordered(engine))  # PostgreSQL moves updated rows


def order(engine) -> list[tuple]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, sort_day, sort_rank FROM claims ORDER BY id")).all()
    return [
        (i, day if isinstance(day, dt.date) else dt.date.fromisoformat(day), r)
        for i, day, r in rows
    ]


def test_0013_sorts_range_dated_claims_at_their_first_day_and_keeps_the_rest(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0012")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)  # claim 1: undated
    with engine.begin() as conn:
        conn.execute(text("UPDATE sources SET published_on = '2016-03-10'"))
        for cid, start in ((2, 40), (3, 60)):
            conn.execute(
                text(
                    "INSERT INTO claims (id, source_id, actor_id, cue, cue_start, cue_end, content,"
                    " content_start, content_end, attribution, hedged, date_precision,"
                    " date_relation, sentence, sentence_start, sentence_end, confidence, status,"
                    " found_by, created_at, sort_day, sort_rank) SELECT :id, 1, 1, cue,"
                    " cue_start, cue_end, content, :start, :start + 19, attribution, hedged,"
                    " date_precision, date_relation, sentence, sentence_start, sentence_end,"
                    " confidence, status, found_by, created_at, sort_day, sort_rank"
                    " FROM claims WHERE id = 1"
                ),
                {"id": cid, "start": start},
            )
        # claim 2 was said "last week" (a range), stored by the old order at its anchor
        conn.execute(
            text(
                "UPDATE claims SET date_relation = 'before', date_anchor = '2016-03-10',"
                " said_earliest = '2016-02-29', said_latest = '2016-03-06',"
                " sort_day = '2016-03-10', sort_rank = 0 WHERE id = 2"
            )
        )
        # claim 3 is said on a day: its stored order is already right
        conn.execute(
            text(
                "UPDATE claims SET date_relation = 'on', said_on = '2016-03-08',"
                " said_earliest = '2016-03-08', said_latest = '2016-03-08',"
                " sort_day = '2016-03-08', sort_rank = 1 WHERE id = 3"
            )
        )
        conn.execute(text("UPDATE claims SET sort_day = '2016-03-10' WHERE id = 1"))
    before, was = snapshot(engine), order(engine)

    dbmod.upgrade(url, "0013")
    assert dbmod.current_revision(engine) == "0013"
    assert snapshot(engine) == before
    now = order(engine)
    assert now[0] == was[0] and now[2] == was[2]  # the undated and the day-dated keep theirs
    assert now[1] == (2, dt.date(2016, 2, 29), 0)  # the range sorts at its first day

    dbmod.downgrade(url, "0012")
    assert order(engine) == now and snapshot(engine) == before
