"""The package layout holds: imports only run downwards, no cycles, typer and rich only in cli/.

Each top-level part of claimtrack sits in a layer; a module may import from its own part and
from parts in lower layers, never from a part beside it or above it. The graph is read from the
source (every ``import``, also inside functions), so a lazy import cannot hide an upward one.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "claimtrack"

# lowest first; parts in one layer may not import each other
LAYERS: list[set[str]] = [
    {"errors", "names", "words"},  # plain helpers
    {"io", "extract"},  # documents in and rows out; text to claims
    {"store"},  # the database
    {"query"},  # read-only questions
    {"curate"},  # human changes to the record
    # read + extract + store; the extractor against a corpus; what ingest's workers load once
    {"ingest", "evaluate", "preload"},
    {"web"},  # the web view (claimtrack serve): queries and curation, no typer or rich
    {"cli"},  # the command line
    {"__main__"},  # python -m claimtrack
]
UI_LIBRARIES = ("typer", "rich", "click")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def part_of(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def layer_of(part: str) -> int:
    for i, layer in enumerate(LAYERS):
        if part in layer:
            return i
    raise AssertionError(f"claimtrack.{part} is in no layer of tests/test_layout.py: place it")


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """Every module an import in the file names: ``from a import b`` is a.b when b is a
    module of ours, else a."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if is_module(sub) else node.module)
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {m for m in imports_of(path) if m in modules and m != name}
        for name, path in modules.items()
    }


def test_every_part_has_a_layer():
    parts = {part_of(m) for m in graph() if part_of(m)}
    for part in parts:
        layer_of(part)


def test_imports_only_run_downwards():
    upward = []
    for module, targets in graph().items():
        here = part_of(module)
        if not here:
            continue
        for target in targets:
            there = part_of(target)
            if not there or there == here:
                continue
            if layer_of(there) >= layer_of(here):
                upward.append(f"{module} imports {target}")
    assert not upward, "imports that do not run downwards:\n" + "\n".join(sorted(upward))


def test_no_import_cycles():
    g = graph()
    state: dict[str, int] = {}  # 1 visiting, 2 done
    cycles: list[str] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g[node]):
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(path[path.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_only_the_cli_imports_typer_and_rich():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        module = module_name(path)
        if part_of(module) == "cli":
            continue
        for name in imports_of(path):
            if name.split(".")[0] in UI_LIBRARIES:
                offenders.append(f"{module} imports {name}")
    assert not offenders, "\n".join(sorted(offenders))


def test_the_checks_see_an_upward_import(tmp_path):
    """The graph reader finds imports inside functions too (so the checks above can fail)."""
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from claimtrack.cli.app import app\n    import rich\n")
    assert imports_of(probe) == {"claimtrack.cli.app", "rich"}


NOT_PACKAGES = {"benchmarks", "fixtures", "__pycache__"}


def test_tests_mirror_the_packages():
    """Every folder of tests/ is named after a package (or a module) of claimtrack, and every
    package has its tests in the folder of its name."""
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir()} - NOT_PACKAGES
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    unknown = folders - packages - modules
    assert not unknown, f"tests/ folders named after no part of claimtrack: {sorted(unknown)}"
    untested = {p for p in packages if not list((ROOT / "tests" / p).glob("test_*.py"))}
    assert not untested, f"packages with no tests/<name>/test_*.py: {sorted(untested)}"
