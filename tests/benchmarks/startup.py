"""Start-up (issue 16): the process time of the asking commands on a small database, beside
`python -c pass` and `python -c "import sqlalchemy"`.

    python tests/benchmarks/startup.py [--runs 15] [--db PATH] [--before DIR]

Makes a small database (the seed article, through `claimtrack ingest`) unless --db names
one, then runs every command in a new process, RUNS rounds after one round of warm-up, the
commands one after the other in each round, so that other work on the machine slows them
all alike. A run's process time is the user + system CPU the child used (its rusage), the
figure issue 16 sets a target for (under 0.3 s beyond the query, whose SQL on a small
database is next to nothing); the wall time is printed beside it. Medians of RUNS.

With --before DIR (a folder holding another claimtrack package, e.g. made by
`git archive main claimtrack migrations | tar -x -C DIR`), every command is also run with that code
(PYTHONPATH=DIR), right after this checkout's in each round: before and after, paired.
Asserts nothing: speed belongs here, not in the tests.
"""

from __future__ import annotations

import argparse
import csv
import io
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
        report(runs, args.runs, bool(args.before), os.getloadavg())
    return 0


def report(runs: dict[tuple[str, str], list[Run]], n: int, paired: bool, load) -> None:
    bare = median(runs[REFERENCES[0][0], "ref"])
    sqla = median(runs[REFERENCES[1][0], "ref"])
    print(f"process time (user + system CPU, s), median of {n} runs; load {load[0]:.1f}")
    head = (
        f"{'command':<38} {'before':>7} {'after':>7}" if paired else f"{'command':<38} {'cpu':>7}"
    )
    print(f"{head} {'wall':>7} {'x pass':>7} {'x sqla':>7} {'- sqla':>7}")
    for label, _ in REFERENCES:
        m = median(runs[label, "ref"])
        blank = f"{'':>7} " if paired else ""
        print(f"{label:<38} {blank}{m.cpu:7.3f} {m.wall:7.3f}")
    for (label, side), _ in runs.items():
        if side != "after":
            continue
        m = median(runs[label, "after"])
        before = f"{median(runs[label, 'before']).cpu:7.3f} " if paired else ""
        ratios = (
            f"{m.cpu / max(bare.cpu, 1e-3):6.0f}x {m.cpu / sqla.cpu:6.1f}x {m.cpu - sqla.cpu:+7.3f}"
        )
        print(f"{label:<38} {before}{m.cpu:7.3f} {m.wall:7.3f} {ratios}")


if __name__ == "__main__":
    raise SystemExit(main())
