"""Start-up (issue 16): the process time of the asking commands on a small database, beside
`python -c pass` and `python -c "import sqlalchemy"`, and what of it is beyond the query.

    python tests/benchmarks/startup.py [--runs 15] [--db PATH] [--before DIR]

Makes a small database (the seed article, through `claimtrack ingest`) unless --db names
one, then runs every command in a new process, RUNS rounds after one round of warm-up, the
commands one after the other in each round, so that other work on the machine slows them
all alike. A run's process time is the user + system CPU the child used (its rusage); the
wall time is printed beside it. Medians of RUNS.

Issue 16's target is "under 0.3 s of process time beyond the query". The query's own time
is the same command run again in a process that has already run it once (everything loaded,
the connection open, the statements compiled): `query` is the median of RUNS such runs in
one process (process time around each), and `beyond` is the command's process time less
its query: what starting costs (the interpreter, the imports, connecting, checking the
schema, compiling the statements for the first time).

With --before DIR (a folder holding another claimtrack package, e.g. made by
`git archive main claimtrack migrations | tar -x -C DIR`), every command is also run with that code
(PYTHONPATH=DIR), right after this checkout's in each round: before and after, paired.
Asserts nothing: speed belongs here, not in the tests.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds"
BIN = Path(sys.executable).parent
PYTHON = sys.executable
CLAIMTRACK = str(BIN / "claimtrack")

REFERENCES = (("python -c pass", "pass"), ('python -c "import sqlalchemy"', "import sqlalchemy"))

# the command run RUNS + 1 times in one process (its output to /dev/null): the process time of
# each run after the first, as a JSON list written to the file named last
WARM = """
import contextlib, json, os, sys, time
from claimtrack.cli.app import app
argv, runs, where = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
times = []
with open(os.devnull, "w") as null, contextlib.redirect_stdout(null), contextlib.redirect_stderr(null):
    for _ in range(runs + 1):
        start = time.process_time()
        app(argv, prog_name="claimtrack", standalone_mode=False)
        times.append(time.process_time() - start)
with open(where, "w") as out:
    json.dump(times[1:], out)
"""


@dataclass(frozen=True)
class Run:
    cpu: float  # user + system, s
    wall: float  # s


def commands(db: str, actor: str, claim: str) -> list[tuple[str, list[str]]]:
    """The asking commands issue 16 names, as (label, argv after `claimtrack`)."""
    d = ["--db", db]
    return [
        ("claimtrack --help", ["--help"]),
        ("who-said --help", ["who-said", "--help"]),
        ("who-said --topic ceasefire", ["who-said", "--topic", "ceasefire", *d]),
        (
            "who-said --topic ceasefire -f csv",
            ["who-said", "--topic", "ceasefire", "-f", "csv", *d],
        ),
        ("timeline --actor NAME", ["timeline", "--actor", actor, *d]),
        ("show ID", ["show", claim, *d]),
        ("actors list", ["actors", "list", *d]),
        ("topics list", ["topics", "list", *d]),
        ("sources list", ["sources", "list", *d]),
        ("export (csv)", ["export", *d]),
        ("db current", ["db", "current", *d]),
        ("actors --help", ["actors", "--help"]),
    ]


def timed(argv: list[str], env: dict[str, str], cwd: str) -> Run:
    """One run of ARGV in a new process: its CPU time (from the children's rusage) and wall."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(cpu, wall)


def small_database(folder: str) -> str:
    db = str(Path(folder) / "small.db")
    argv = [CLAIMTRACK, "ingest", str(SEED), "--db", db, "--quiet"]
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


def first_values(db: str, env: dict[str, str], cwd: str) -> tuple[str, str]:
    """A speaker's name and a claim id of DB, for `timeline --actor` and `show`."""

    def first(argv: list[str], column: str) -> str:
        out = subprocess.run(argv, env=env, cwd=cwd, check=True, capture_output=True, text=True)
        return next(csv.DictReader(io.StringIO(out.stdout)))[column]

    actor = first([CLAIMTRACK, "actors", "list", "--db", db, "-f", "csv"], "name")
    claim = first([CLAIMTRACK, "who-said", "--db", db, "-f", "csv"], "claim_id")
    return actor, claim


def warm(rest: list[str], runs: int, env: dict[str, str], cwd: str) -> float:
    """The median process time of the command REST once it has run in its process (0 for a
    command that asks nothing: --help)."""
    if "--help" in rest:
        return 0.0
    where = str(Path(cwd) / "warm.json")
    argv = [PYTHON, "-c", WARM, json.dumps(rest), str(runs), where]
    done = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(rest)}, run again in one process, failed:\n{done.stderr.decode()}"
        )
    return statistics.median(json.loads(Path(where).read_text()))


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(r.cpu for r in runs), statistics.median(r.wall for r in runs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds measured (default 15)")
    parser.add_argument("--db", default=None, help="a SQLite file (default: the seed, ingested)")
    parser.add_argument("--before", default=None, help="a folder holding the code to compare")
    args = parser.parse_args(argv)

    # a folder of its own as the working directory: `python -c` puts it first on sys.path
    with tempfile.TemporaryDirectory(prefix="claimtrack-startup-") as cwd:
        env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
        env.pop("PYTHONPATH", None)
        db = args.db or small_database(cwd)
        actor, claim = first_values(db, env, cwd)
        sides = {"after": env}
        if args.before:
            sides["before"] = {**env, "PYTHONPATH": str(Path(args.before).resolve())}
        jobs: list[tuple[str, str, list[str], dict[str, str]]] = [
            (label, "ref", [PYTHON, "-c", code], env) for label, code in REFERENCES
        ]
        for label, rest in commands(db, actor, claim):
            for side in ("before", "after"):
                if side in sides:
                    jobs.append((label, side, [CLAIMTRACK, *rest], sides[side]))
        runs: dict[tuple[str, str], list[Run]] = {(label, side): [] for label, side, _, _ in jobs}
        for round_ in range(args.runs + 1):
            for label, side, argv_, env_ in jobs:
                run = timed(argv_, env_, cwd)
                if round_:  # the first round warms the file cache and the bytecode
                    runs[label, side].append(run)
        queries = {
            (label, side): warm(argv_[1:], args.runs, env_, cwd)
            for label, side, argv_, env_ in jobs
            if side != "ref"
        }
        report(runs, queries, args.runs, bool(args.before), os.getloadavg())
    return 0


def report(
    runs: dict[tuple[str, str], list[Run]],
    queries: dict[tuple[str, str], float],
    n: int,
    paired: bool,
    load,
) -> None:
    """One line a command: its process time (before and after, when paired), what of it is
    beyond the query (the figure issue 16 sets under 0.3 s), the wall, the query alone, and
    the time against the two references."""
    bare = median(runs[REFERENCES[0][0], "ref"])
    sqla = median(runs[REFERENCES[1][0], "ref"])
    print(f"process time (user + system CPU, s), median of {n} runs; load {load[0]:.1f}")
    print("beyond: the process time less the query's (the command run again in its process)")
    sides = ("before", "after") if paired else ("after",)
    head = "".join(f" {side if paired else 'cpu':>7} {'beyond':>7}" for side in sides)
    print(f"{'command':<34}{head} {'wall':>6} {'query':>6} {'x pass':>6} {'x sqla':>6}")
    blank = " " * 16 * (len(sides) - 1)
    for label, _ in REFERENCES:
        m = median(runs[label, "ref"])
        print(f"{label:<34}{blank} {m.cpu:7.3f} {'':>7} {m.wall:6.3f}")
    for label, side in runs:
        if side != "after":
            continue
        cells = ""
        for one in sides:
            cpu = median(runs[label, one]).cpu
            cells += f" {cpu:7.3f} {cpu - queries[label, one]:7.3f}"
        m = median(runs[label, "after"])
        ratios = f"{m.cpu / max(bare.cpu, 1e-3):5.0f}x {m.cpu / sqla.cpu:5.2f}x"
        print(f"{label:<34}{cells} {m.wall:6.3f} {queries[label, 'after']:6.3f} {ratios}")


if __name__ == "__main__":
    raise SystemExit(main())
