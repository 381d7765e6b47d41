"""Stored claim counts: ``actors.claim_count`` and ``topics.claim_count``, kept in step by
triggers in the database, so that `actors list` and `topics list` read them instead of
counting a million claims (issue 16).

What is counted is what the listings always showed: a speaker's claims are the first
appearances (``same_as_id`` NULL) not rejected whose ``claims.actor_id`` is the speaker; a
topic's are the first appearances not rejected tagged with it (``claim_topics``). The
triggers follow every write, whoever makes it (the store, curation, a bulk SQL copy):

- a claim inserted, deleted, or changed in actor_id, same_as_id or rejected moves its
  speaker's count; a change in same_as_id or rejected moves its topics' counts;
- a topic link inserted or deleted moves its topic's count when its claim counts;
- a claim deleted takes its topics' counts down BEFORE its links go (their own trigger
  then finds the claim gone and does nothing), whichever order the database deletes in.

``recount`` sets every count from the rows (the migration, and a check for the tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

COUNTED = "{r}.same_as_id IS NULL AND {r}.rejected IS NULL"  # r: NEW or OLD

_SQLITE = (
    """CREATE TRIGGER claim_counts_ai AFTER INSERT ON claims
    WHEN NEW.actor_id IS NOT NULL AND NEW.same_as_id IS NULL AND NEW.rejected IS NULL
    BEGIN UPDATE actors SET claim_count = claim_count + 1 WHERE id = NEW.actor_id; END""",
    """CREATE TRIGGER claim_counts_bd BEFORE DELETE ON claims
    WHEN OLD.same_as_id IS NULL AND OLD.rejected IS NULL
    BEGIN
      UPDATE actors SET claim_count = claim_count - 1 WHERE id = OLD.actor_id;
      UPDATE topics SET claim_count = claim_count - 1
        WHERE id IN (SELECT topic_id FROM claim_topics WHERE claim_id = OLD.id);
    END""",
    """CREATE TRIGGER claim_counts_au AFTER UPDATE OF actor_id, same_as_id, rejected ON claims
    BEGIN
      UPDATE actors SET claim_count = claim_count - 1
        WHERE id = OLD.actor_id AND OLD.same_as_id IS NULL AND OLD.rejected IS NULL;
      UPDATE actors SET claim_count = claim_count + 1
        WHERE id = NEW.actor_id AND NEW.same_as_id IS NULL AND NEW.rejected IS NULL;
      UPDATE topics SET claim_count = claim_count - 1
        WHERE (OLD.same_as_id IS NULL AND OLD.rejected IS NULL)
          AND NOT (NEW.same_as_id IS NULL AND NEW.rejected IS NULL)
          AND id IN (SELECT topic_id FROM claim_topics WHERE claim_id = NEW.id);
      UPDATE topics SET claim_count = claim_count + 1
        WHERE NOT (OLD.same_as_id IS NULL AND OLD.rejected IS NULL)
          AND (NEW.same_as_id IS NULL AND NEW.rejected IS NULL)
          AND id IN (SELECT topic_id FROM claim_topics WHERE claim_id = NEW.id);
    END""",
    """CREATE TRIGGER claim_topic_counts_ai AFTER INSERT ON claim_topics
    BEGIN UPDATE topics SET claim_count = claim_count + 1 WHERE id = NEW.topic_id
      AND EXISTS (SELECT 1 FROM claims c WHERE c.id = NEW.claim_id
                  AND c.same_as_id IS NULL AND c.rejected IS NULL); END""",
    """CREATE TRIGGER claim_topic_counts_ad AFTER DELETE ON claim_topics
    BEGIN UPDATE topics SET claim_count = claim_count - 1 WHERE id = OLD.topic_id
      AND EXISTS (SELECT 1 FROM claims c WHERE c.id = OLD.claim_id
                  AND c.same_as_id IS NULL AND c.rejected IS NULL); END""",
)

_PG_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION claim_counts() RETURNS trigger AS $$
    DECLARE
      was boolean := TG_OP <> 'INSERT' AND OLD.same_as_id IS NULL AND OLD.rejected IS NULL;
      now_ boolean := TG_OP <> 'DELETE' AND NEW.same_as_id IS NULL AND NEW.rejected IS NULL;
    BEGIN
      IF was AND OLD.actor_id IS NOT NULL THEN
        UPDATE actors SET claim_count = claim_count - 1 WHERE id = OLD.actor_id;
      END IF;
      IF now_ AND NEW.actor_id IS NOT NULL THEN
        UPDATE actors SET claim_count = claim_count + 1 WHERE id = NEW.actor_id;
      END IF;
      IF TG_OP <> 'INSERT' AND was <> now_ THEN
        UPDATE topics SET claim_count = claim_count + CASE WHEN now_ THEN 1 ELSE -1 END
          WHERE id IN (SELECT topic_id FROM claim_topics WHERE claim_id = OLD.id);
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION claim_topic_counts() RETURNS trigger AS $$
    DECLARE
      topic integer;
      claim integer;
    BEGIN
      IF TG_OP = 'INSERT' THEN topic := NEW.topic_id; claim := NEW.claim_id;
      ELSE topic := OLD.topic_id; claim := OLD.claim_id;
      END IF;
      UPDATE topics SET claim_count = claim_count + CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END
        WHERE id = topic AND EXISTS (SELECT 1 FROM claims c WHERE c.id = claim
                                     AND c.same_as_id IS NULL AND c.rejected IS NULL);
      RETURN NULL;
    END $$ LANGUAGE plpgsql""",
)
_PG_TRIGGERS = (
    "CREATE TRIGGER claim_counts_ai AFTER INSERT ON claims"
    " FOR EACH ROW EXECUTE FUNCTION claim_counts()",
    "CREATE TRIGGER claim_counts_bd BEFORE DELETE ON claims"
    " FOR EACH ROW EXECUTE FUNCTION claim_counts()",
    "CREATE TRIGGER claim_counts_au AFTER UPDATE OF actor_id, same_as_id, rejected ON claims"
    " FOR EACH ROW EXECUTE FUNCTION claim_counts()",
    "CREATE TRIGGER claim_topic_counts_aid AFTER INSERT OR DELETE ON claim_topics"
    " FOR EACH ROW EXECUTE FUNCTION claim_topic_counts()",
)
SQLITE_TRIGGERS = (
    "claim_counts_ai",
    "claim_counts_bd",
    "claim_counts_au",
    "claim_topic_counts_ai",
    "claim_topic_counts_ad",
)
PG_TRIGGERS = {
    "claim_counts_ai": "claims",
    "claim_counts_bd": "claims",
    "claim_counts_au": "claims",
    "claim_topic_counts_aid": "claim_topics",
}

RECOUNT = (
    """UPDATE actors SET claim_count = (SELECT count(*) FROM claims c WHERE c.actor_id = actors.id
      AND c.same_as_id IS NULL AND c.rejected IS NULL)""",
    """UPDATE topics SET claim_count = (SELECT count(*) FROM claim_topics ct
      JOIN claims c ON c.id = ct.claim_id WHERE ct.topic_id = topics.id
      AND c.same_as_id IS NULL AND c.rejected IS NULL)""",
)


def create_counting(execute: Callable[[str], object], dialect: str) -> None:
    """The triggers that keep the counts in step (SQLite and PostgreSQL)."""
    if dialect == "sqlite":
        for sql in _SQLITE:
            execute(sql)
    elif dialect == "postgresql":
        for sql in (*_PG_FUNCTIONS, *_PG_TRIGGERS):
            execute(sql)


def drop_triggers(
    execute: Callable[[str], object],
    dialect: str,
    sqlite: Iterable[str],
    postgresql: dict[str, str],
    functions: Iterable[str],
) -> None:
    """Drop the named triggers of DIALECT (PostgreSQL's: trigger -> table, then the
    trigger FUNCTIONS they call)."""
    if dialect == "sqlite":
        for name in sqlite:
            execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for name, table in postgresql.items():
            execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for function in functions:
            execute(f"DROP FUNCTION IF EXISTS {function}()")


def drop_counting(execute: Callable[[str], object], dialect: str) -> None:
    functions = ("claim_counts", "claim_topic_counts")
    drop_triggers(execute, dialect, SQLITE_TRIGGERS, PG_TRIGGERS, functions)


def recount(execute: Callable[[str], object]) -> None:
    """Every count set from the rows (one pass over the claims per table)."""
    for sql in RECOUNT:
        execute(sql)
