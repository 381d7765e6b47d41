"""Re-run the shell examples of README.md and docs/*.md; check or rewrite their shown output.

    python docs/examples.py [--write] [PAGE.md ...]     (`make docs-check`, `make docs`)

Every ```console block is a transcript: a line starting with "$ " is a command, the lines under
it are what it prints (stdout and stderr, as a terminal shows them). Each page runs its blocks in
order, in bash, in a fresh scratch folder that holds copies of seeds/ and tests/fixtures/ and
links to the checkout's Makefile, pyproject.toml and .venv, so the docs' relative paths work and
`make demo` runs as written, and whatever a page exports (`export CLAIMTRACK_DB=news.db`) carries
on to its later commands, as it would for a reader; pages run side by side. `claimtrack` is the
checkout's own (the bin folder of the Python running this, .venv/bin under make, comes first on
PATH), tables are 100 columns wide, there is no colour, and the caller's CLAIMTRACK_* variables
are dropped (but CLAIMTRACK_EVAL_CORPUS). A command must exit 0: to show one that fails, end it
with `; echo "exit $?"`. Trailing spaces and trailing blank lines of an output are not compared.

HTML comments on the lines right above a block's fence change how it is run:

    <!-- docs: not run -->           shown as recorded, never run (the text says where and when)
    <!-- docs: ignore REGEX -->      text matching REGEX may differ (a time, a speed); `--write`
                                     keeps the shown text when nothing else changed
    <!-- docs: needs PATH | ... -->  run only if one of the paths exists (relative to the
                                     repository, $VARS expanded), else skipped with a notice

Without --write, prints a diff of every output that differs and exits 1; with --write, puts the
new outputs in place. Other fences (```sh for syntax shown without output) are never run.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```([\w-]*)\s*$")
MARK = re.compile(r"^<!-- docs: (not run|ignore|needs)\b ?(.*?) ?-->$")
ENV = {"COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb", "TZ": "UTC"}
ENV |= {"LC_ALL": "C.UTF-8", "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)}


@dataclass
class Command:
    line: int  # index of the "$ " line in the page
    text: str
    shown: list[str] = field(default_factory=list)


@dataclass
class Block:
    start: int  # index of the first line inside the fence
    marks: dict[str, list[str]]
    commands: list[Command]

    @property
    def runs(self) -> bool:
        return "not run" not in self.marks


def parse(lines: list[str], name: object = "page") -> list[Block]:
    """The ```console blocks of a page, with the markers right above each one."""
    blocks, i = [], 0
    while i < len(lines):
        if not (fence := FENCE.match(lines[i])):
            i += 1
            continue
        end = next((n for n in range(i + 1, len(lines)) if lines[n].rstrip() == "```"), None)
        if end is None:
            raise SystemExit(f"{name}:{i + 1}: a fence that never closes")
        if fence[1] == "console":
            found = commands(lines, i + 1, end, name)
            blocks.append(Block(i + 1, markers_above(lines, i), found))
        i = end + 1
    return blocks


def markers_above(lines: list[str], fence: int) -> dict[str, list[str]]:
    marks: dict[str, list[str]] = {}
    while fence > 0 and (m := MARK.match(lines[fence - 1].strip())):
        marks.setdefault(m[1], []).append(m[2])
        fence -= 1
    return marks


def commands(lines: list[str], start: int, end: int, name: object) -> list[Command]:
    found: list[Command] = []
    for n in range(start, end):
        if lines[n].startswith("$ "):
            found.append(Command(n, lines[n][2:]))
        elif not found:
            raise SystemExit(f"{name}:{n + 1}: output before any `$ ` command")
        else:
            found[-1].shown.append(lines[n])
    return found


def tidy(output: list[str]) -> list[str]:
    lines = [line.rstrip() for line in output]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def masked(output: list[str], patterns: list[str]) -> list[str]:
    return [re.sub("|".join(patterns), "…", line) if patterns else line for line in output]


def scratch_folder(tmp: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp / "tests" / "fixtures")
    for name in ("Makefile", "pyproject.toml", ".venv"):
        if (ROOT / name).exists():
            (tmp / name).symlink_to(ROOT / name)


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMTRACK_", "MAKE"))}
    if "CLAIMTRACK_EVAL_CORPUS" in os.environ:  # where the eval corpus is, not how to run
        env["CLAIMTRACK_EVAL_CORPUS"] = os.environ["CLAIMTRACK_EVAL_CORPUS"]
    env.pop("MFLAGS", None)
    bin_dir = Path(sys.executable).parent
    return env | ENV | {"PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"}


def run(command: str, cwd: Path, env: dict[str, str], state: Path) -> tuple[list[str], int]:
    """Run one command in bash with the page's exports so far; save its exports for the next."""
    script = f'. "{state}"\n{command}\n__rc=$?; export -p > "{state}"; exit $__rc\n'
    done = subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace",
    )  # fmt: skip
    return done.stdout.splitlines(), done.returncode


def needs_met(block: Block) -> bool:
    for alternatives in block.marks.get("needs", []):
        paths = [os.path.expandvars(p.strip()) for p in alternatives.split("|")]
        if not any((ROOT / p).exists() for p in paths if "$" not in p):
            return False
    return True


def check_page(page: Path, write: bool) -> tuple[list[str], list[str]]:
    """Re-run a page's examples: (a diff for each changed output, each command that failed).
    With write, the changed outputs are put in place."""
    lines = page.read_text(encoding="utf-8").split("\n")
    name = page.relative_to(ROOT) if page.is_relative_to(ROOT) else page
    changed, failed, replace = [], [], {}
    with tempfile.TemporaryDirectory(prefix="claimtrack-docs-") as tmp_name:
        tmp = Path(tmp_name)
        scratch_folder(tmp)
        env, state = environment(), tmp / ".docs-state.sh"
        state.touch()
        for block in parse(lines, name):
            if not block.runs:
                continue
            if not needs_met(block):
                print(f"{name}:{block.start}: skipped: needs {'; '.join(block.marks['needs'])}")
                continue
            ignore = block.marks.get("ignore", [])
            for cmd in block.commands:
                got, rc = run(cmd.text, tmp, env, state)
                got, shown = tidy(got), tidy(cmd.shown)
                where = f"{name}:{cmd.line + 1}: $ {cmd.text}"
                if rc:
                    failed.append(f"{where}\nexited {rc}:\n" + "\n".join(got))
                elif masked(got, ignore) != masked(shown, ignore):
                    diff = difflib.unified_diff(shown, got, "shown", "now", lineterm="")
                    changed.append(f"{where}\n" + "\n".join(diff))
                    replace[cmd.line] = (cmd, got)
    if write and replace:
        page.write_text("\n".join(rewrite(lines, replace)), encoding="utf-8")
        print(f"{name}: {len(replace)} output(s) rewritten")
    return changed, failed


def rewrite(lines: list[str], replace: dict[int, tuple[Command, list[str]]]) -> list[str]:
    """The page with each command's shown output replaced by what it printed."""
    out, i = [], 0
    while i < len(lines):
        out.append(lines[i])
        if i in replace:
            cmd, got = replace[i]
            out.extend(got)
            i += len(cmd.shown)
        i += 1
    return out


def main(argv: list[str]) -> int:
    write = "--write" in argv
    pages = [Path(a).resolve() for a in argv if a != "--write"] or PAGES
    with ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:  # pages run side by side
        results = list(pool.map(lambda page: check_page(page, write), pages))
    changed = [c for page_changed, _ in results for c in page_changed]
    failed = [f for _, page_failed in results for f in page_failed]
    problems = failed if write else failed + changed
    if problems:
        print("\n\n".join(problems))
        print(f"\n{len(failed)} example(s) failed to run, {len(changed)} printed something else")
        if changed and not write:
            print("`make docs` writes what they print now in place of what the docs show")
        return 1
    print(f"{len(pages)} page(s): every example's output is as shown")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
