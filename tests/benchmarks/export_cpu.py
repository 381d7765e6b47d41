"""The CPU of the SQLite export's two processes, each apart (issue 16), on a busy machine.

    python tests/benchmarks/export_cpu.py --db /tmp/big.db [--rows 1000000] [--runs 3]
        [--processes 2] [--profile FILE]

Wall time on two shared cores says little while other work runs; the CPU each process
spends does: with a core idle for each, the export's wall is about the larger of the two
plus the command's start-up. Each run is a fresh fork of this process (claimtrack imported
before it, so no start-up counted) that writes `claimtrack export --limit ROWS` (CSV, the
contract's columns) to /dev/null through the command's own `write_export`; it prints the
parent's CPU (user + system), the child's (the forked second process, waited for) and the
estimate max(parent, child). Runs with any checkout's Python: give another tree's
`.venv/bin/python` this file to compare (in turn, paired). PROFILE: cProfile of the
parent's part of the first run, to FILE (pstats).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time


def _cpu(usage) -> float:  # noqa: ANN001
    return usage.ru_utime + usage.ru_stime


def one_run(db: str, rows: int, processes: str, profile: str | None) -> dict:
    """One export in a forked process: its own CPU, its child's, its wall."""
    from claimtrack.cli.claims import write_export
    from claimtrack.cli.common import query_connection
    from claimtrack.cli.render import Format
    from claimtrack.query.columns import EXPORT_COLUMNS
    from claimtrack.query.filters import ClaimFilter

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            os.environ["CLAIMTRACK_EXPORT_PROCESSES"] = processes
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            me0 = resource.getrusage(resource.RUSAGE_SELF)
            kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            prof = None
            if profile:
                import cProfile

                prof = cProfile.Profile(time.process_time)
                prof.enable()
            with query_connection(db) as s:
                count = write_export(
                    s, ClaimFilter(limit=rows), EXPORT_COLUMNS, Format.csv, sys.stdout, False
                )
            sys.stdout.flush()
            if prof is not None:
                prof.disable()
                prof.dump_stats(profile)
            wall = time.perf_counter() - t0
            me1 = resource.getrusage(resource.RUSAGE_SELF)
            kids1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            got = {
                "rows": count,
                "wall": wall,
                "parent": _cpu(me1) - _cpu(me0),
                "child": _cpu(kids1) - _cpu(kids0),
                "rss": me1.ru_maxrss / 1024,
            }
            os.write(write, json.dumps(got).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as answer:
        body = answer.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not body:
        raise SystemExit(f"the export run failed ({status})")
    return json.loads(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--processes", default="2", help="CLAIMTRACK_EXPORT_PROCESSES")
    parser.add_argument("--profile", default=None)
    args = parser.parse_args()
    import claimtrack

    runs = []
    for i in range(args.runs):
        got = one_run(args.db, args.rows, args.processes, args.profile if i == 0 else None)
        got["load"] = os.getloadavg()[0]
        runs.append(got)
        print(
            f"run {i + 1}: parent {got['parent']:.2f} s CPU, child {got['child']:.2f} s,"
            f" wall {got['wall']:.2f} s, load {got['load']:.1f}",
            flush=True,
        )
    med = {k: statistics.median(r[k] for r in runs) for k in ("parent", "child", "wall")}
    print(
        f"{claimtrack.__file__.rsplit('/claimtrack/', 1)[0]}: {runs[0]['rows']:,} rows,"
        f" medians of {len(runs)}: parent {med['parent']:.2f} s CPU, child {med['child']:.2f} s,"
        f" max {max(med['parent'], med['child']):.2f} s (wall {med['wall']:.2f} s),"
        f" peak RSS {max(r['rss'] for r in runs):.0f} MB",
        flush=True,
    )


if __name__ == "__main__":
    main()
