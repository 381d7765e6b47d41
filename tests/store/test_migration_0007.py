"""Migration 0007 (claim date bounds and origin, topic parents and codes) upgrades a
database made by the previous head without losing anything, fills the bounds of the claims
stored before, and downgrades back; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect, text

from claimtrack.store import engine as dbmod
from tests.store.test_web_migration import NOW, fill_at_0003, snapshot

CLAIMS = [
    # id, said_on, date_anchor, precision, relation, date_text
    (2, "2016-03-01", None, "month", "on", "in March"),
    (3, None, "2016-11-01", "none", "before", "previously"),
    (4, None, "2016-11-01", "none", "by", None),
]


def fill_more(engine) -> None:
    with engine.begin() as conn:
        for id_, on, anchor, precision, relation, phrase in CLAIMS:
            conn.execute(
                text(
                    "INSERT INTO claims (id, source_id, actor_id, cue, cue_start, cue_end,"
                    " content, content_start, content_end, attribution, hedged, said_on,"
                    " date_anchor, date_precision, date_relation, date_text, sentence,"
                    " sentence_start, sentence_end, confidence, status, found_by, created_at)"
                    " VALUES (:id, 1, 1, 'said', 10, 14, 'c', :id, 34, 'indirect', false, :on,"
                    " :anchor, :precision, :relation, :phrase, 's', 0, 35, 0.9, 'unreviewed',"
                    " 'rules', :now)"
                ),
                {
                    "id": id_,
                    "on": on and dt.date.fromisoformat(on),
                    "anchor": anchor and dt.date.fromisoformat(anchor),
                    "precision": precision,
                    "relation": relation,
                    "phrase": phrase,
                    "now": NOW,
                },
            )
        conn.execute(
            text("INSERT INTO topics (id, slug, label, keywords) VALUES (1, 'ferries', 'F', '[]')")
        )


def test_0007_upgrades_a_filled_database_fills_bounds_and_downgrades(db_url):
    url = dbmod.resolve_url(db_url)
    dbmod.upgrade(url, "0004")
    engine = dbmod.make_engine(url)
    fill_at_0003(engine)
    fill_more(engine)
    before = snapshot(engine)

    dbmod.upgrade(url, "0007")
    assert snapshot(engine) == before
    with engine.connect() as conn:
        got = conn.execute(
            text("SELECT id, said_earliest, said_latest, date_via FROM claims ORDER BY id")
        ).all()
        parents = conn.execute(text("SELECT parent_id, code FROM topics")).all()
    iso = lambda v: v if v is None else str(v)  # noqa: E731 - SQLite gives text, PostgreSQL dates
    assert [(i, iso(a), iso(b), via) for i, a, b, via in got] == [
        (1, None, None, "none"),
        (2, "2016-03-01", "2016-03-31", "phrase"),
        (3, None, "2016-10-31", "phrase"),
        (4, None, "2016-11-01", "publication"),
    ]
    assert parents == [(None, None)]
    assert {"ix_claims_said_earliest", "ix_claims_said_latest"} <= {
        ix["name"] for ix in inspect(engine).get_indexes("claims")
    }

    dbmod.downgrade(url, "0004")
    assert snapshot(engine) == before
    columns = {c["name"] for c in inspect(engine).get_columns("claims")}
    assert not columns & {"said_earliest", "said_latest", "date_via", "date_phrase_start"}
    assert "parent_id" not in {c["name"] for c in inspect(engine).get_columns("topics")}
