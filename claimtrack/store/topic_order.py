"""The listing order copied into ``claim_topics``: each topic link carries its claim's sort key
(``sort_day, sort_rank, source_id, content_start``), so that ``ix_claim_topics_timeline``
(topic_id, then the key, then claim_id) gives a topic's claims in listing order and a first
page of a broad topic reads only its own rows (issue 16).

Triggers in the database keep the copies equal to the claim's columns after every write,
whoever makes it (the store, corrections, re-extraction, merges, date edits, bulk SQL):

- a link inserted (or moved to another claim) takes its claim's key;
- a claim whose key changes passes it to its links.

``refill`` sets every copy from the claims (the migration, and bulk copies that drop the
triggers first). On PostgreSQL the full-text search reads a stored ``tsvector`` column,
``claims.search_vector`` (generated, so it too follows every write), made by the same
migration (0012).
"""

from __future__ import annotations

from collections.abc import Callable

from claimtrack.store.counts import drop_triggers

KEY = ("sort_day", "sort_rank", "source_id", "content_start")
_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in KEY)
_FROM_CLAIM = ", ".join(KEY)

_SQLITE = (
    f"""CREATE TRIGGER claim_topics_order_ai AFTER INSERT ON claim_topics BEGIN
      UPDATE claim_topics SET ({_FROM_CLAIM}) =
        (SELECT {_FROM_CLAIM} FROM claims WHERE id = NEW.claim_id)
      WHERE claim_id = NEW.claim_id AND topic_id = NEW.topic_id; END""",
    f"""CREATE TRIGGER claim_topics_order_au AFTER UPDATE OF claim_id ON claim_topics BEGIN
      UPDATE claim_topics SET ({_FROM_CLAIM}) =
        (SELECT {_FROM_CLAIM} FROM claims WHERE id = NEW.claim_id)
      WHERE claim_id = NEW.claim_id AND topic_id = NEW.topic_id; END""",
    f"""CREATE TRIGGER claims_order_au AFTER UPDATE OF {_FROM_CLAIM} ON claims
    WHEN {_CHANGED} BEGIN
      UPDATE claim_topics SET {", ".join(f"{c} = NEW.{c}" for c in KEY)}
      WHERE claim_id = NEW.id; END""",
)
SQLITE_TRIGGERS = ("claim_topics_order_ai", "claim_topics_order_au", "claims_order_au")

_PG = (
    f"""CREATE OR REPLACE FUNCTION claim_topic_order() RETURNS trigger AS $$
    BEGIN
      SELECT {", ".join(f"c.{k}" for k in KEY)} INTO {", ".join(f"NEW.{k}" for k in KEY)}
        FROM claims c WHERE c.id = NEW.claim_id;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE OR REPLACE FUNCTION claim_order() RETURNS trigger AS $$
    BEGIN
      UPDATE claim_topics SET {", ".join(f"{c} = NEW.{c}" for c in KEY)}
        WHERE claim_id = NEW.id;
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "CREATE TRIGGER claim_topics_order_bi BEFORE INSERT OR UPDATE OF claim_id ON claim_topics"
    " FOR EACH ROW EXECUTE FUNCTION claim_topic_order()",
    f"CREATE TRIGGER claims_order_au AFTER UPDATE OF {_FROM_CLAIM} ON claims FOR EACH ROW"
    f" WHEN ({' OR '.join(f'OLD.{c} IS DISTINCT FROM NEW.{c}' for c in KEY)})"
    " EXECUTE FUNCTION claim_order()",
)
PG_TRIGGERS = {"claim_topics_order_bi": "claim_topics", "claims_order_au": "claims"}

REFILL = {
    "sqlite": f"""UPDATE claim_topics SET ({_FROM_CLAIM}) =
      (SELECT {_FROM_CLAIM} FROM claims c WHERE c.id = claim_topics.claim_id)""",
    "postgresql": f"""UPDATE claim_topics ct SET {", ".join(f"{c} = c.{c}" for c in KEY)}
      FROM claims c WHERE c.id = ct.claim_id""",
}


def create_ordering(execute: Callable[[str], object], dialect: str) -> None:
    """The triggers that keep claim_topics' copies of the sort key in step."""
    for sql in _SQLITE if dialect == "sqlite" else _PG if dialect == "postgresql" else ():
        execute(sql)


def drop_ordering(execute: Callable[[str], object], dialect: str) -> None:
    functions = ("claim_topic_order", "claim_order")
    drop_triggers(execute, dialect, SQLITE_TRIGGERS, PG_TRIGGERS, functions)


def refill(execute: Callable[[str], object], dialect: str) -> None:
    """Every link's copy of the sort key set from its claim (one pass)."""
    execute(REFILL["postgresql" if dialect == "postgresql" else "sqlite"])
