"""How fast claimtrack serve's pages render on a large database (a benchmark, not a test).

    python tests/benchmarks/serve.py [--claims 100000] [--db PATH_OR_URL] [--runs 20]

Fills a new SQLite file (or the empty database --db names) with made-up claims (sources of
20 claims each, 500 speakers, one topic each), then asks each page RUNS times through
Starlette's test client and prints the median and p95 render time in milliseconds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select
from starlette.testclient import TestClient

from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, Claim, ClaimTopic, Source, Topic
from claimtrack.store.writes import ensure_taxonomy
from claimtrack.web.app import create_app

PER_SOURCE = 20
SENTENCE = "Speaker {a} said that the plan number {n} would work by spring."


def fill(db: str, claims: int) -> None:
    engine = dbmod.open_engine(db)
    with dbmod.session_scope(engine) as s:
        ensure_taxonomy(s)
        topics = list(s.scalars(select(Topic.id).order_by(Topic.id)))
        s.execute(
            insert(Actor),
            [
                {"name": f"Speaker {a}", "name_key": f"speaker {a}", "kind": "person"}
                for a in range(500)
            ],
        )
        actors = list(s.scalars(select(Actor.id).order_by(Actor.id)))
    day0 = dt.date(2024, 1, 1)
    n = 0
    for first in range(0, claims, PER_SOURCE * 250):
        with dbmod.session_scope(engine) as s:
            for k in range(
                first // PER_SOURCE, min(claims, first + PER_SOURCE * 250) // PER_SOURCE
            ):
                parts, spans = [], []
                pos = 0
                for j in range(PER_SOURCE):
                    a = (k * 7 + j) % 500
                    text = SENTENCE.format(a=a, n=k * PER_SOURCE + j)
                    spans.append((a, pos, pos + len(text)))
                    parts.append(text)
                    pos += len(text) + 1
                body = "\n".join(parts)
                src = s.execute(
                    insert(Source).returning(Source.id),
                    {
                        "content_hash": f"{k:064x}",
                        "title": f"Article {k}",
                        "outlet": "Bench",
                        "published_on": day0 + dt.timedelta(days=k % 600),
                        "text": body,
                        "word_count": len(body.split()),
                    },
                ).scalar_one()
                rows = []
                for a, start, end in spans:
                    name_end = start + len(f"Speaker {a}")
                    rows.append(
                        {
                            "source_id": src,
                            "actor_id": actors[a],
                            "speaker_mention": f"Speaker {a}",
                            "speaker_start": start,
                            "speaker_end": name_end,
                            "cue": "said",
                            "cue_start": name_end + 1,
                            "cue_end": name_end + 5,
                            "content": body[name_end + 6 : end - 1],
                            "content_start": name_end + 6,
                            "content_end": end - 1,
                            "attribution": "indirect",
                            "said_on": day0 + dt.timedelta(days=k % 600),
                            "sort_day": day0 + dt.timedelta(days=k % 600),  # store/timeline.py
                            "sort_rank": 1,
                            "date_precision": "day",
                            "date_relation": "on",
                            "sentence": body[start:end],
                            "sentence_start": start,
                            "sentence_end": end,
                            "confidence": ((k + a) % 100) / 100,
                        }
                    )
                ids = s.execute(insert(Claim).returning(Claim.id), rows).scalars().all()
                s.execute(
                    insert(ClaimTopic),
                    [
                        {"claim_id": i, "topic_id": topics[(i * 3) % len(topics)], "via": "keyword"}
                        for i in ids
                    ],
                )
                n += len(ids)
        print(f"  {n:,} claims stored", file=sys.stderr)
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        fill(db, args.claims)
        client = TestClient(create_app(db))
        topic = client.get("/topics.json").json()[0]["slug"]
        pages = [
            "/claims",
            f"/claims?topic={topic}",
            "/claims?actor=Speaker%2042&since=2024-06-01",
            "/claims?search=spring%20plan",
            "/claims?page=100",
            f"/claims/{args.claims // 2}",
            "/actors/42",
            f"/sources/{args.claims // PER_SOURCE // 2}",
            "/actors",
            "/topics",
            "/review",
        ]
        print(f"claimtrack serve on {args.claims:,} claims: render time in ms, {args.runs} runs")
        for url in pages:
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                answer = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert answer.status_code == 200, (url, answer.status_code)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(f"{url:<48} median {statistics.median(times):8.1f}   p95 {p95:8.1f}")
        client.app.state.web.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
