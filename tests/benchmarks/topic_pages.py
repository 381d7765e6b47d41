"""A topic's first page, paired (issue 16): the SQL of `who-said --topic T --limit 50` as it
is now (the topic's own links, ix_claim_topics_timeline) against the shape the code ran
before migration 0012 for a topic of more than 20,000 claims (each claim walked in date
order, its claim_topics key probed), interleaved, on a database grown by scale.py.

    python tests/benchmarks/topic_pages.py DB [TOPIC ...] [--runs 15]

Prints median and p95 in ms of each; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from sqlalchemy import select

from claimtrack.query.claims import ROW_COLUMNS, TIMELINE, ClaimFilter, claims_query, topic_ids
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, Claim, ClaimTopic, Source


def probed(s, topic: str):
    """The page as the code before 0012 asked it of a vast topic."""
    tagged = select(ClaimTopic.claim_id).where(ClaimTopic.topic_id.in_(topic_ids(s, topic)))
    return (
        select(*ROW_COLUMNS)
        .join(Source, Claim.source_id == Source.id)
        .outerjoin(Actor, Claim.actor_id == Actor.id)
        .where(tagged.where(ClaimTopic.claim_id == Claim.id).exists())
        .where(Claim.rejected.is_(None))
        .order_by(*TIMELINE)
        .limit(50)
    )


def own_links(s, topic: str):
    return claims_query(s, ClaimFilter(topic=topic, limit=50)).limit(50)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("topics", nargs="*", default=["ceasefire", "elections"])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    engine = dbmod.open_engine(args.db)
    shapes = {"before 0012 (probe per claim walked)": probed, "0012 (topic's own links)": own_links}
    for topic in args.topics:
        times: dict[str, list[float]] = {name: [] for name in shapes}
        for _ in range(args.runs):
            for name, make in shapes.items():
                with dbmod.session_scope(engine) as s:
                    t0 = time.perf_counter()
                    s.execute(make(s, topic)).all()
                    times[name].append((time.perf_counter() - t0) * 1000)
        for name, ts in times.items():
            p95 = statistics.quantiles(ts, n=20)[-1]
            print(
                f"--topic {topic}: {name}: median {statistics.median(ts):.1f} ms, p95 {p95:.1f} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
