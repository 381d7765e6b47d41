"""Query speed at scale (issue 16): listings on a database of many real claims.

    python tests/benchmarks/scale.py [--claims N] [--db PATH_OR_URL | --pg SERVER_URL] [--runs 20]

Ingests the seed article and BASE_DOCS PolNeAR dev texts (read in place, when ../shared is
beside the repository) through the real pipeline, then grows the database to about N claims
(CLAIMTRACK_BENCH_CLAIMS, default 200,000) by copying every row with bulk SQL: each round
doubles sources, claims, their band keys and topic links, shifting their days by some weeks; the first rounds
also copy the speakers, so there are many small ones and a few big ones.

Then, for each query shape of `who-said`, `timeline` and the listings, it times the first
page (the SQL and the rows, as the command makes them) RUNS times and prints median and p95 in
ms (and the p95 and median of its SQL alone: the look-ups and the page's rows, not built; each
warmed by one untimed run, as the page is), beside the
reference measured in the same run, interleaved: the same query sorted on the
date computed per row as before the stored sort day (fewer runs, it is slow). Asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from sqlalchemy import case, create_engine, event, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, aliased

from claimtrack.ingest import ingest
from claimtrack.io.readers import Entry
from claimtrack.query import listings
from claimtrack.query.claims import EXPORT_COLUMNS, ClaimFilter, _rows, claims_query, iter_rows
from claimtrack.store import counts, fts, topic_order
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Actor, Claim, Source

ROOT = Path(__file__).resolve().parents[2]
POLNEAR_DEV = ROOT.parent / "shared" / "polnear" / "dev" / "text"
SEED = ROOT / "seeds" / "000_8a316d92444b8c15.txt"
ACTOR_ROUNDS = 5  # rounds that copy the speakers too (x32)
WEEKS = 5  # days shifted per round: 7 * WEEKS * (round + 1)


def base_entries(docs: int) -> list[Entry]:
    paths = [SEED, *sorted(POLNEAR_DEV.glob("*.txt"))[:docs]]
    return [Entry(str(p)) for p in paths]


def shifted(dialect: str, column: str, days: int) -> str:
    if dialect == "sqlite":
        return f"date({column}, '+{days} days')"
    return f"({column} + {days})"


def copy_round(conn, dialect: str, r: int, claims_wanted: int) -> None:
    """Copy sources (up to the claims wanted), their claims and topic links; speakers too in
    the first ACTOR_ROUNDS rounds."""
    top = lambda table: conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar()  # noqa: E731
    off_s, off_c, off_a = top("sources"), top("claims"), top("actors")
    cut = conn.execute(
        text(
            "SELECT min(source_id) FROM (SELECT source_id, sum(count(*)) OVER"
            " (ORDER BY source_id) AS upto FROM claims GROUP BY source_id) AS t"
            " WHERE upto >= :n"
        ),
        {"n": claims_wanted},
    ).scalar()
    cut = cut or off_s
    days = 7 * WEEKS * (r + 1)
    if r < ACTOR_ROUNDS:
        conn.execute(
            text(
                "INSERT INTO actors (id, name, name_key, kind, role, affiliation, created_at)"
                f" SELECT id + {off_a}, name || ' {r}', name_key || ' {r}', kind, role,"
                " affiliation, created_at FROM actors"
            )
        )
    cols = [c.name for c in Source.__table__.columns]
    values = {
        "id": f"id + {off_s}",
        "content_hash": f"'copy-' || (id + {off_s})",  # unique, and short enough
        "published_on": shifted(dialect, "published_on", days),
    }
    conn.execute(
        text(
            f"INSERT INTO sources ({', '.join(cols)}) SELECT"
            f" {', '.join(values.get(c, c) for c in cols)} FROM sources WHERE id <= {cut}"
        )
    )
    cols = [c.name for c in Claim.__table__.columns]
    sort_day = (
        f"CASE WHEN sort_day >= '9999-01-01' THEN sort_day"
        f" ELSE {shifted(dialect, 'sort_day', days)} END"
    )
    values = {
        "id": f"id + {off_c}",
        "source_id": f"source_id + {off_s}",
        "actor_id": f"actor_id + {off_a}" if r < ACTOR_ROUNDS else "actor_id",
        "same_as_id": f"same_as_id + {off_c}",
        "said_on": shifted(dialect, "said_on", days),
        "date_anchor": shifted(dialect, "date_anchor", days),
        "sort_day": sort_day,
    }
    conn.execute(
        text(
            f"INSERT INTO claims ({', '.join(cols)}) SELECT"
            f" {', '.join(values.get(c, c) for c in cols)} FROM claims"
            f" WHERE source_id <= {cut} AND id <= {off_c}"
        )
    )
    # band keys of their own (integer halves, shifted per round), as distinct contents
    # would have: a copy never crowds the index buckets of the claim it copies
    conn.execute(
        text(
            f"INSERT INTO claim_bands (key, claim_id) SELECT b.key / 2 + {r + 1},"
            f" b.claim_id + {off_c} FROM claim_bands b JOIN claims c ON c.id = b.claim_id"
            f" WHERE c.source_id <= {cut} AND c.id <= {off_c}"
        )
    )
    conn.execute(
        text(
            f"INSERT INTO claim_topics (claim_id, topic_id, via) SELECT ct.claim_id + {off_c},"
            " ct.topic_id, ct.via FROM claim_topics ct JOIN claims c ON c.id = ct.claim_id"
            f" WHERE c.source_id <= {cut} AND c.id <= {off_c}"
        )
    )


def grow(url: str, claims: int) -> int:
    engine = dbmod.make_engine(url)
    dialect = engine.dialect.name
    with engine.begin() as conn:
        fts.drop_search(conn.exec_driver_sql, dialect, keep_table=True)
        counts.drop_counting(conn.exec_driver_sql, dialect)  # set once after, not per row
        topic_order.drop_ordering(conn.exec_driver_sql, dialect)  # likewise
        r = 0
        while (n := conn.execute(text("SELECT count(*) FROM claims")).scalar()) < claims:
            copy_round(conn, dialect, r, claims - n)
            r += 1
        if dialect == "postgresql":
            for table in ("sources", "claims", "actors"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
        fts.create_search(conn.exec_driver_sql, dialect)
        counts.recount(conn.exec_driver_sql)
        counts.create_counting(conn.exec_driver_sql, dialect)
        topic_order.refill(conn.exec_driver_sql, dialect)
        topic_order.create_ordering(conn.exec_driver_sql, dialect)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        # as autovacuum leaves a PostgreSQL table that has settled (the visibility map makes
        # index-only scans possible); SQLite's statistics, as PRAGMA optimize would
        conn.exec_driver_sql("VACUUM ANALYZE" if dialect == "postgresql" else "ANALYZE")
    engine.dispose()
    return n


# ---- the reference: the date order computed per row, as before the stored sort day ------


def computed_day():
    other = aliased(Claim)
    earliest = (
        select(func.min(other.said_on))
        .where(
            other.source_id == Claim.source_id,
            other.said_on.is_not(None),
            other.said_on < Claim.date_anchor,
        )
        .scalar_subquery()
    )
    return case(
        (Claim.date_relation == "on", func.coalesce(Claim.said_on, Source.published_on)),
        (Claim.date_relation == "before", func.coalesce(earliest, Claim.date_anchor)),
        (Claim.date_relation == "by", Claim.date_anchor),
        else_=Source.published_on,
    )


def computed_order(stmt):
    day = computed_day()
    rank = case(
        (Claim.date_relation == "before", 0),
        (Claim.date_relation == "on", 1),
        (Claim.date_relation == "by", 2),
        else_=3,
    )
    return stmt.order_by(None).order_by(day.is_(None), day, rank, Source.id, Claim.content_start)


def first_page(flt: ClaimFilter, reference: bool = False) -> Callable[[Session], int]:
    def run(s: Session) -> int:
        if not reference:  # as the commands list it
            return sum(1 for _ in iter_rows(s, flt, 500, first_only=True))
        stmt = computed_order(claims_query(s, flt))
        return sum(1 for _ in _rows(s, stmt, flt, 500, first_only=True))

    return run


def sql_part(flt: ClaimFilter) -> Callable[[Session], int]:
    """The SQL of a first page alone: the filter's look-ups and the first window's rows,
    without building them (topics, speakers, appearance counts)."""

    def run(s: Session) -> int:
        stmt = claims_query(s, flt)
        return len(s.execute(stmt.limit(flt.limit) if flt.limit else stmt).all())

    return run


def listing(make) -> Callable[[Session], int]:
    return lambda s: sum(1 for _ in islice(make(s), 50))


def shapes(engine) -> list[tuple[str, ClaimFilter | None, Callable | None]]:
    with dbmod.session_scope(engine) as s:
        per_actor = (
            select(Claim.actor_id, func.count().label("n"))
            .where(Claim.actor_id.is_not(None))
            .group_by(Claim.actor_id)
            .subquery()
        )
        big = s.execute(select(per_actor.c.actor_id).order_by(per_actor.c.n.desc())).first()[0]
        small = s.execute(
            select(per_actor.c.actor_id).order_by(per_actor.c.n, per_actor.c.actor_id)
        ).first()[0]
        first, last = s.execute(select(func.min(Claim.said_on), func.max(Claim.said_on))).one()
        some_claim = s.scalar(select(func.max(Claim.id)))
        big_name = s.get(Actor, big).name
    middle = first + (last - first) / 2
    month = dt.date(middle.year, middle.month, 1)
    page = {"limit": 50}
    return [
        ("who-said --topic ceasefire --limit 50", ClaimFilter(topic="ceasefire", **page), None),
        ("who-said --topic elections --limit 50", ClaimFilter(topic="elections", **page), None),
        (
            "who-said --topic conflict --limit 50 (and 8 under it)",
            ClaimFilter(topic="conflict", **page),
            None,
        ),
        ("who-said --search president --limit 50", ClaimFilter(search="president", **page), None),
        ("who-said --search ceasefire --limit 50", ClaimFilter(search="ceasefire", **page), None),
        # a word of some thousands of matches that names a few speakers (their claims' ids)
        ("who-said --search russia --limit 50", ClaimFilter(search="russia", **page), None),
        (
            "who-said --search president --topic elections --limit 50",
            ClaimFilter(search="president", topic="elections", **page),
            None,
        ),
        (f"who-said --actor #{small} (small)", ClaimFilter(actor=f"#{small}"), None),
        (
            f"who-said --since {month} --until +30d --limit 50",
            ClaimFilter(since=month, until=month + dt.timedelta(days=30), **page),
            None,
        ),
        (f"timeline --actor {big_name!r} --limit 50", ClaimFilter(actor=f"#{big}", **page), None),
        ("who-said --status verified --limit 50", ClaimFilter(status="verified", **page), None),
        (
            "who-said --topic elections --actor big --since --limit 50",
            ClaimFilter(topic="elections", actor=f"#{big}", since=month, **page),
            None,
        ),
        ("who-said --limit 50", ClaimFilter(**page), None),
        ("show (detail)", None, lambda s: _show(s, some_claim)),
        ("actors list (first 50)", None, listing(listings.iter_actors)),
        ("topics list", None, listing(listings.iter_topics)),
        ("sources list (first 50)", None, listing(listings.iter_sources)),
    ]


def _show(s: Session, claim_id: int) -> int:
    from claimtrack.query.detail import claim_detail

    return len(claim_detail(s, claim_id))


def timed(engine, run: Callable[[Session], int]) -> float:
    with dbmod.session_scope(engine) as s:
        t0 = time.perf_counter()
        run(s)
        return (time.perf_counter() - t0) * 1000


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


def measure(engine, runs: int, ref_runs: int, only: list[str] | None = None) -> None:
    """ONLY: the shapes whose name holds one of these texts (all without)."""
    print(
        f"{'query (first page)':<58} {'median':>8} {'p95':>8} {'SQL p95':>8} {'SQL med':>8}"
        "   reference (computed day)"
    )
    for name, flt, run in shapes(engine):
        if only and not any(o in name for o in only):
            continue
        new_run = run or first_page(flt)
        sql_run = sql_part(flt) if flt is not None else new_run
        ref_run = first_page(flt, reference=True) if flt is not None else None
        new, sql, ref = [], [], []
        timed(engine, new_run)  # warm: each its statements compiled once (SQLAlchemy's cache),
        timed(engine, sql_run)  # which a first run of the SQL alone did among the timed ones
        for i in range(runs):  # interleaved: a reference run after every few new ones
            new.append(timed(engine, new_run))
            sql.append(timed(engine, sql_run))
            every = max(runs // max(ref_runs, 1), 1)
            if ref_run is not None and i % every == 0 and len(ref) < ref_runs:
                ref.append(timed(engine, ref_run))
        cells = f"{statistics.median(new):8.1f} {p95(new):8.1f} {p95(sql):8.1f}"
        cells += f" {statistics.median(sql):8.1f}"
        if ref:
            r = statistics.median(ref)
            cells += f"   {r:8.1f} ms  ({r / statistics.median(new):,.0f}x)"
        print(f"{name:<58} {cells}", flush=True)


def _child(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one run of CMD, its
    output thrown away. Linux carries the peak RSS of this process at the fork over to the
    child: after a run that grew the database here, it is this process's."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"{cmd[0]} failed ({status})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def export_cmd(url: str, n: int) -> list[str]:
    """`claimtrack export` of the first N rows (CSV, the contract's columns) to a pipe."""
    return [
        str(Path(sys.executable).parent / "claimtrack"),
        "export",
        "--db",
        url,
        "--limit",
        str(n),
    ]


def client_cmd(engine, n: int) -> list[str] | None:
    """The database's own client writing the same rows as CSV: the export's own SELECT (the
    same cells), by sqlite3 -csv or psql \\copy ... TO STDOUT; None when not installed."""
    from claimtrack.query.export import cell_query

    with dbmod.session_scope(engine) as s:
        stmt = cell_query(s, ClaimFilter(limit=n), EXPORT_COLUMNS)
        sql = str(stmt.compile(engine, compile_kwargs={"literal_binds": True}))
    url = engine.url
    if url.get_backend_name() == "sqlite":
        cmd = ["sqlite3", "-csv", url.database, sql]
    else:
        plain = url.set(drivername="postgresql").render_as_string(hide_password=False)
        cmd = ["psql", "-q", plain, "-c", f"\\copy ({' '.join(sql.split())}) TO STDOUT CSV"]
    return cmd if shutil.which(cmd[0]) else None


def measure_export(engine, url: str, n: int, runs: int = 3) -> None:
    """`claimtrack export` against the database's client on the same rows, paired and
    interleaved (ours, theirs, ours, ...): medians of wall and CPU time; peak RSS of ours,
    and of ours on a tenth of the rows (flat memory: the same)."""
    ours, theirs = [], []
    client = client_cmd(engine, n)
    for _ in range(runs):
        ours.append(_child(export_cmd(url, n)))
        if client:
            theirs.append(_child(client))
    small = _child(export_cmd(url, max(n // 10, 1)))
    wall, cpu = statistics.median(o[0] for o in ours), statistics.median(o[1] for o in ours)
    rss = max(o[2] for o in ours)
    cells = f"{n / wall:,.0f} rows/s ({cpu:.1f} s CPU), peak RSS {rss:,.0f} MB ({small[2]:,.0f} at {n // 10:,})"
    print(f"{f'export CSV, {n:,} rows':<58} {cells}", flush=True)
    if theirs:
        w, c = statistics.median(t[0] for t in theirs), statistics.median(t[1] for t in theirs)
        print(
            f"{'  the database client, same rows':<58} {n / w:,.0f} rows/s ({c:.1f} s CPU);"
            f" export / client: {wall / w:.2f}x wall, {cpu / c:.2f}x CPU",
            flush=True,
        )
        # each run against the client's run beside it: steadier on a busy machine
        pairs = [(o[0] / t[0], o[1] / t[1]) for o, t in zip(ours, theirs, strict=True)]
        print(
            f"{'  paired (each run / the client run after it), median':<58}"
            f" {statistics.median(p[0] for p in pairs):.2f}x wall,"
            f" {statistics.median(p[1] for p in pairs):.2f}x CPU"
            f" (wall from {min(p[0] for p in pairs):.2f}x to {max(p[0] for p in pairs):.2f}x)",
            flush=True,
        )


def count_claims(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM claims")).scalar()


def measure_store(engine, docs: int, skip: int, rounds: int = 3) -> None:
    """Store time of DOCS new articles (extracted beforehand) into this database and into a
    new, empty database of the same kind (a SQLite file; on PostgreSQL a database made on
    the same server), in turn, ROUNDS times: each into the big one is rolled back after,
    each empty one is new. Prints the medians, the median of the paired ratios (each
    round's big over its empty one), and the statements whose time grew most (SQL time
    per round, by what they do)."""
    from claimtrack.extract import extract
    from claimtrack.io.readers import read_entry
    from claimtrack.store.writes import ensure_taxonomy, store_document

    paths = sorted(POLNEAR_DEV.glob("*.txt"))[skip : skip + docs] or [SEED]
    found = []
    for p in paths:
        doc = read_entry(Entry(str(p)))
        found.append((doc, extract(doc.text, doc.published)))

    def store(target, keep: bool, sql: dict) -> float:
        def before(conn, cursor, statement, *_):
            conn.info["bench_t0"] = time.perf_counter()

        def after(conn, cursor, statement, *_):
            what = " ".join(statement.split()[:3])  # INSERT INTO claims, SELECT actors.id, ...
            sql[what] = sql.get(what, 0.0) + time.perf_counter() - conn.info["bench_t0"]

        event.listen(target, "before_cursor_execute", before)
        event.listen(target, "after_cursor_execute", after)
        total = 0.0
        try:
            for i, (doc, claims) in enumerate(found):
                with Session(target) as s:
                    topics = ensure_taxonomy(s)
                    t0 = time.perf_counter()
                    store_document(s, doc, claims, topics, digest=f"bench-{i}-{time.time()}")
                    s.flush()
                    total += time.perf_counter() - t0
                    s.commit() if keep else s.rollback()
        finally:
            event.remove(target, "before_cursor_execute", before)
            event.remove(target, "after_cursor_execute", after)
        return total

    big_t, small_t, big_sql, small_sql = [], [], {}, {}
    for r in range(rounds):
        with empty_like(engine, r) as empty:
            small_t.append(store(empty, True, small_sql))
        big_t.append(store(engine, False, big_sql))
    ratio = statistics.median(b / e for b, e in zip(big_t, small_t, strict=True))
    kind = "PostgreSQL database" if engine.dialect.name == "postgresql" else "SQLite file"
    print(
        f"{f'store {len(found)} new articles, {rounds} rounds':<58}"
        f" {statistics.median(big_t) * 1000:8.0f} ms here,"
        f" {statistics.median(small_t) * 1000:,.0f} ms into an empty {kind}"
        f" (paired {ratio:.2f}x, from {min(b / e for b, e in zip(big_t, small_t, strict=True)):.2f}"
        f" to {max(b / e for b, e in zip(big_t, small_t, strict=True)):.2f})",
        flush=True,
    )
    grown = sorted(big_sql, key=lambda k: small_sql.get(k, 0.0) - big_sql[k])[:5]
    cells = ", ".join(
        f"{k} {big_sql[k] * 1000 / rounds:.0f} vs {small_sql.get(k, 0.0) * 1000 / rounds:.0f}"
        for k in grown
    )
    print(f"{'  SQL that grew (ms a round, here vs empty)':<58} {cells}", flush=True)


@contextmanager
def empty_like(engine, n: int):
    """A new, empty claimtrack database of ENGINE's kind, its engine; gone after."""
    if engine.dialect.name != "postgresql":
        with tempfile.TemporaryDirectory() as tmp:
            empty = dbmod.open_engine(str(Path(tmp) / "empty.db"))
            try:
                yield empty
            finally:
                empty.dispose()
        return
    server = engine.url.set(database="postgres").render_as_string(hide_password=False)
    with scratch_pg(server, f"claimtrack_empty_{os.getpid()}_{n}") as url:
        empty = dbmod.open_engine(url)
        try:
            yield empty
        finally:
            empty.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = int(os.environ.get("CLAIMTRACK_BENCH_CLAIMS", "200000"))
    parser.add_argument("--claims", type=int, default=default)
    parser.add_argument(
        "--db",
        help="an empty database (default: a temporary SQLite file), or one an earlier run grew",
    )
    parser.add_argument(
        "--pg",
        metavar="SERVER_URL",
        help="a PostgreSQL server (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres):"
        " the run makes a new database on it, and drops it after",
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reference-runs", type=int, default=3)
    parser.add_argument("--base-docs", type=int, default=24)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument(
        "--export-only", action="store_true", help="only the export against the client"
    )
    parser.add_argument("--store-docs", type=int, default=10)
    parser.add_argument("--store-rounds", type=int, default=3)
    parser.add_argument(
        "--store-only", action="store_true", help="only storing new articles, big vs empty"
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="TEXT",
        help="only the query shapes whose name holds TEXT (repeatable; e.g. 'search president'),"
        " no export, no store",
    )
    args = parser.parse_args(argv)
    if args.pg:
        with scratch_pg(args.pg) as url:
            return run(args, url)
    return run(args, args.db)


@contextmanager
def scratch_pg(server: str, name: str | None = None):
    """A new, empty database on the PostgreSQL SERVER (NAME), dropped at the end."""
    name = name or f"claimtrack_scale_{os.getpid()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def run(args, db_arg: str | None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = db_arg or str(Path(tmp) / "scale.db")
        url = dbmod.resolve_url(db)
        engine = dbmod.open_engine(db)
        n = count_claims(engine)
        if n >= args.claims:  # a database grown by an earlier run (--db): used as it is
            made = f"{n:,} claims, grown before"
        else:
            t0 = time.perf_counter()
            ingest(engine, base_entries(args.base_docs))
            base = count_claims(engine)
            t1 = time.perf_counter()
            n = grow(url, args.claims)
            made = (
                f"{n:,} claims, grown from {base:,} real ones"
                f" ({t1 - t0:.0f} s ingest, {time.perf_counter() - t1:.0f} s bulk copy)"
            )
        print(
            f"{engine.dialect.name}: {made}; times in ms, {args.runs} runs,"
            f" reference {args.reference_runs}",
            flush=True,
        )
        if not (args.export_only or args.store_only):
            measure(engine, args.runs, args.reference_runs, args.only)
        if not (args.store_only or args.only):
            measure_export(engine, db, min(args.export_rows, n), args.export_runs)
        if not (args.export_only or args.only):
            measure_store(engine, args.store_docs, args.base_docs, args.store_rounds)
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
