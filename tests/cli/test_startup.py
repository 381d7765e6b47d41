"""A query command starts without the extractor (issue 16): `claimtrack --help` imports
neither spaCy, dateparser nor alembic, nor any command's module (nor SQLAlchemy): the root
group lists them from cli/app.py's COMMANDS, which must say what the loaded commands say;
the asking commands' --help load no database library, and the asking commands themselves
(who-said, timeline, show, export, the lists, db current) nothing of the extractor, alembic,
the readers of articles and pages or the writers, and no pydantic (Typer's adapters: option
values are read by cli/params.py), nor SQLAlchemy's ORM (they ask over Core tables)."""

from __future__ import annotations

import gc
import json
import sqlite3
import subprocess
import sys

import typer.main

from claimtrack.cli import startup
from claimtrack.cli.app import COMMANDS, app
from claimtrack.cli.group import Group
from claimtrack.store.engine import dispose_engines
from tests.handmade import ARTICLES, store_articles

HEAVY = ("spacy", "thinc", "dateparser", "pycrfsuite", "claimtrack.extract.pipeline")
# what Typer reads parameter values with; claimtrack reads them plainly (cli/params.py)
ADAPTERS = ("pydantic", "pydantic_core", "typer._adapters")
# what reading articles and pages needs, and no query does
READING = (
    "yaml",
    "trafilatura",
    "httpx",
    "feedparser",
    "lxml",
    "html5lib",
    "claimtrack.io.readers",
    "claimtrack.store.writes",
    "claimtrack.extract",
)

# A command run as a program (its main given), then one line of what it left (a JSON value).
RUN_THEN = """
import gc, json, sys
from {main} import main
sys.argv = ["claimtrack", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\\n{label} " + json.dumps({value}))
"""
PROBE = RUN_THEN.format(main="claimtrack.cli.app", label="MODULES", value="sorted(sys.modules)")


def probe(script: str, label: str, *args: str) -> tuple[str, object]:
    """Run a RUN_THEN SCRIPT in a new process with ARGS: its output, and the value it left."""
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout, json.loads(done.stdout.rsplit(f"{label} ", 1)[1])


def modules_after(*args: str) -> set[str]:
    return set(probe(PROBE, "MODULES", *args)[1])


def loaded(modules: set[str], roots: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == r or m.startswith(r + ".") for r in roots))


def test_help_imports_no_extractor_and_no_alembic():
    modules = modules_after("--help")
    assert "claimtrack.cli.app" in modules
    assert loaded(modules, (*HEAVY, *ADAPTERS, "importlib.metadata", "alembic")) == []
    # no command module is loaded to list them, and so no database library either
    commands = {c.target.split(":")[0] for c in COMMANDS}
    assert loaded(modules, (*commands, "sqlalchemy", "claimtrack.store", "claimtrack.query")) == []


def test_the_asking_commands_help_loads_no_database_library():
    for command in ("who-said", "timeline", "export", "show"):
        modules = modules_after(command, "--help")
        assert "claimtrack.cli.claims" in modules, command
        database = ("sqlalchemy", "claimtrack.store.models", "claimtrack.query.claims")
        heavy = (*HEAVY, *ADAPTERS, "importlib.metadata", *READING, *database, "alembic")
        assert loaded(modules, (*heavy, "rich.progress")) == []


def test_the_other_commands_help_loads_no_database_library():
    """actors, sources, topics and feeds import their queries and curating code when a
    command runs, as who-said does."""
    database = ("sqlalchemy", "claimtrack.store", "claimtrack.query.claims", "claimtrack.curate")
    light = (
        "claimtrack.store",
        "claimtrack.store.ids",
        "claimtrack.store.location",
        "claimtrack.store.vocab",
    )
    for group in ("actors", "sources", "topics", "feeds"):
        for args in ((group, "--help"), (group, "list", "--help")):
            modules = modules_after(*args)
            assert f"claimtrack.cli.{group}" in modules, args
            heavy = loaded(
                modules, (*HEAVY, *ADAPTERS, *READING, *database, "alembic", "rich.progress")
            )
            assert [m for m in heavy if m not in light] == [], args


def test_a_command_help_loads_only_its_own_module():
    modules = modules_after("topics", "--help")
    assert "claimtrack.cli.topics" in modules
    assert loaded(modules, ("claimtrack.cli.ingest", "claimtrack.cli.serve", "alembic")) == []


def root_help(group, capsys) -> str:
    ctx = group.make_context("claimtrack", ["--help"], resilient_parsing=True)
    group.get_help(ctx)
    return capsys.readouterr().out


def test_the_listing_is_what_the_loaded_commands_say(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    lazy = typer.main.get_command(app)
    loaded_all = lazy.commands  # every module imported, as before the lazy group
    eager = Group(name="claimtrack", help=lazy.help, commands=loaded_all)
    assert list(loaded_all) == [c.name for c in COMMANDS]
    shown = root_help(lazy, capsys)
    assert "who-said" in shown and "Keep the record" in shown
    assert shown == root_help(eager, capsys)
    for c in COMMANDS:  # the help line and the panel of every command, word for word
        assert loaded_all[c.name].help.split("\n\n")[0] == c.help
        assert loaded_all[c.name].rich_help_panel == c.panel


def test_a_query_command_imports_no_extractor(tmp_path):
    db = str(tmp_path / "claims.db")
    store_articles(db)
    modules = modules_after("who-said", "--topic", "ceasefire", "--db", db, "--format", "json")
    assert "claimtrack.query.claims" in modules
    # the schema's revision is read without alembic, and no other command is loaded
    others = ("claimtrack.cli.ingest", "claimtrack.cli.evaluate", "claimtrack.cli.serve")
    assert loaded(modules, (*HEAVY, *ADAPTERS, "alembic", *others)) == []
    assert loaded(modules, (*READING, "rich.progress")) == []
    # nor SQLAlchemy's PostgreSQL dialect, on SQLite (the models name no PostgreSQL option)
    assert loaded(modules, ("sqlalchemy.dialects.postgresql", "psycopg")) == []


def test_csv_and_json_to_a_pipe_load_no_rich(tmp_path):
    """Rich loads when something is drawn (a table, a detail) or a message is printed: rows
    written as CSV or JSON to a pipe, with no count after them, need none of it."""
    db = str(tmp_path / "claims.db")
    store_articles(db)
    for args in (
        ("who-said", "--topic", "ceasefire", "--format", "csv"),
        ("who-said", "--format", "json"),
        ("actors", "list", "--format", "jsonl"),
        ("export",),
        ("export", "--format", "json"),
    ):
        modules = modules_after(*args, "--db", db)
        assert "sqlalchemy" in modules, args  # it ran, and asked the database
        assert loaded(modules, ("rich",)) == [], args
    # a table is drawn with Rich, and its count printed on stderr
    modules = modules_after("who-said", "--topic", "ceasefire", "--db", db)
    assert {"rich.console", "rich.table"} <= modules


def test_a_query_by_topic_reads_no_taxonomy_file(tmp_path):
    """The taxonomy comes from the database: no TOML parser; and the tagger's patterns are
    compiled only when something is tagged (store/taxonomy.py's LazyPattern)."""
    db = str(tmp_path / "claims.db")
    store_articles(db)
    compiled = RUN_THEN.format(
        main="claimtrack.cli.app",
        label="COMPILED",
        value="[n for n, v in vars(sys.modules['claimtrack.store.taxonomy']).items()"
        " if type(v).__name__ == 'LazyPattern' and 'search' in vars(v)]",
    )
    args = ["who-said", "--topic", "conflict", "--db", db, "--format", "csv"]
    output, names = probe(compiled, "COMPILED", *args)
    assert names == []
    assert "ceasefire" in output  # --topic conflict found the ceasefire claim
    assert loaded(modules_after(*args), ("tomllib",)) == []


def test_a_query_by_date_loads_no_reader(tmp_path):
    db = str(tmp_path / "claims.db")
    store_articles(db)
    args = ("who-said", "--since", "2020-01-01", "--until", "2030-12-31", "--db", db)
    modules = modules_after(*args, "--format", "csv")
    assert "claimtrack.io.isodate" in modules
    assert loaded(modules, (*HEAVY, *ADAPTERS, *READING, "alembic")) == []


# what writing and curating need, and no asking command does
WRITING = ("claimtrack.store.writes", "claimtrack.curate", "claimtrack.ingest", "claimtrack.web")


def first_claim_and_speaker(db: str) -> tuple[str, str]:
    with sqlite3.connect(db) as conn:
        claim = conn.execute("SELECT min(id) FROM claims").fetchone()[0]
        name = conn.execute("SELECT name FROM actors ORDER BY claim_count DESC").fetchone()[0]
    return str(claim), name


def test_every_asking_command_loads_no_writer_no_extractor_no_pydantic(tmp_path):
    """The asking commands issue 16 names, on a database at the current schema."""
    db = str(tmp_path / "claims.db")
    store_articles(db)
    claim, speaker = first_claim_and_speaker(db)
    with sqlite3.connect(db) as conn:
        query = "SELECT min(id) FROM claims WHERE same_as_id IS NOT NULL"
        again = str(conn.execute(query).fetchone()[0])
    commands = (
        ("who-said", "--topic", "ceasefire"),
        ("timeline", "--actor", speaker),
        ("show", claim),
        ("show", again),  # another appearance: its first, its sources
        ("actors", "list"),
        ("topics", "list"),
        ("sources", "list"),
        ("export",),
        ("db", "current"),
    )
    unwanted = (*HEAVY, *ADAPTERS, *READING, *WRITING, "alembic", "rich.progress")
    # they ask over Core (store/tables.py): no ORM, no models, no mappers configured
    orm = ("sqlalchemy.orm", "sqlalchemy.ext", "claimtrack.store.models")
    for args in commands:
        modules = modules_after(*args, "--db", db)
        assert "sqlalchemy" in modules, args  # it ran, and asked the database
        assert loaded(modules, unwanted) == [], args
        assert loaded(modules, orm) == [], args
    # the schema's revision alone needs no ORM
    assert loaded(modules, ("sqlalchemy.orm", "claimtrack.store.models")) == []


# ---- the collector (cli/startup.py) ------------------------------------------------------

GC_PROBE = RUN_THEN.format(  # through the console script's main
    main="claimtrack.__main__", label="GC", value="[gc.get_threshold(), gc.isenabled()]"
)


def collector_after(*args: str) -> tuple[list[int], bool]:
    threshold, enabled = probe(GC_PROBE, "GC", *args)[1]
    return threshold, enabled


def test_the_collector_runs_as_usual_once_a_command_has_opened_its_database(tmp_path):
    db = str(tmp_path / "claims.db")
    store_articles(db)
    usual = list(gc.get_threshold())
    for args in (("who-said", "--topic", "ceasefire"), ("actors", "list"), ("db", "current")):
        threshold, enabled = collector_after(*args, "--db", db)
        assert enabled, args
        if args[0] == "db":  # reads the revision with a bare engine: still loading, held
            assert threshold[0] == startup.HOLD
        else:
            assert threshold == usual, args
    # a command that opens no database keeps collecting, only rarely
    threshold, enabled = collector_after("--help")
    assert enabled and threshold[0] == startup.HOLD


def test_a_command_run_in_process_leaves_the_collector_alone(cli, tmp_path):
    db = str(tmp_path / "claims.db")
    store_articles(db)
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    assert "1 claim" in cli("who-said", "--topic", "ceasefire", db=db).stderr
    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)


def test_ingest_of_files_loads_no_httpx(tmp_path):
    """httpx loads when a page is fetched (io/fetch.py), not for an ingest of files."""
    from tests.conftest import SEEDS

    db = str(tmp_path / "claims.db")
    modules = modules_after("ingest", str(SEEDS), "--db", db, "--quiet")
    assert "claimtrack.io.fetch" in modules  # the fetcher is made, never used
    assert "httpx" not in modules


def test_a_command_closes_its_database_as_it_ends(tmp_path):
    """The shutdown no longer walks what was loaded (startup.finish), so no collector
    closes the connections: the command does, and SQLite removes its write-ahead log."""
    db = tmp_path / "claims.db"
    store_articles(str(db))
    dispose_engines()  # this process's own connections
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]
    for args in (("who-said", "--topic", "ceasefire"), ("show", "1"), ("export",)):
        modules_after(*args, "--db", str(db))
        assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"], args


def test_a_command_cut_short_by_a_closed_pipe_ends_quietly(tmp_path):
    """`claimtrack export | head -1`: the export's generator still holds a cursor when the
    pipe closes; it is closed before the connections are (startup.finish), so nothing but
    Click's exit status is said, and no write-ahead log is left."""
    db = tmp_path / "claims.db"
    # the same articles under other names, enough rows to fill the pipe's buffer
    many = [(f"{i}-{a[0]}", a[1] + "\n" * i, *a[2:]) for i in range(60) for a in ARTICLES]
    store_articles(str(db), many)
    dispose_engines()
    argv = [sys.executable, "-m", "claimtrack", "export", "--db", str(db)]
    # unbuffered: the header line is read byte by byte, the rest (190 kB) left in the pipe
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith(b"claim_id,")
    proc.stdout.close()  # as `head -1` does
    _, errors = proc.communicate(timeout=120)
    assert errors.decode() == ""
    assert proc.returncode == 1  # Click's, for a closed pipe
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.db"]


# ---- what SQLAlchemy imports and a query never uses (cli/startup.py asking, cli/deferred.py) --

# run as the program (claimtrack/__main__.py: it defers) or as the app alone (it does not);
# the value: which of the deferred modules (and what they would bring) ran; asyncio.coroutines
# is imported alone for asyncio.iscoroutine (cli/deferred.py EARLY)
RAN = (
    "[n for n in sys.modules if n.split('.')[0] in ('asyncio', 'ssl', 'email', 'hashlib', "
    "'base64') or n == 'importlib.metadata' if type(sys.modules[n]).__name__ != 'DeferredModule'"
    " and n != 'asyncio.coroutines']"
)
DEFERRING = RUN_THEN.format(main="claimtrack.__main__", label="RAN", value=RAN)
NOT_DEFERRING = RUN_THEN.format(main="claimtrack.cli.app", label="RAN", value=RAN)


def output_and_ran(script: str, *args: str) -> tuple[str, list[str]]:
    output, ran = probe(script, "RAN", *args)
    return output.rsplit("\nRAN ", 1)[0], sorted(ran)  # type: ignore[arg-type]


def test_the_asking_commands_load_nothing_of_what_they_defer_and_answer_the_same(tmp_path):
    """Every asking command, as the program: asyncio, importlib.metadata, hashlib and base64
    are imported (by SQLAlchemy) but never run, and the output is byte for byte the one the
    same command gives without deferring them (which runs them all)."""
    db = str(tmp_path / "claims.db")
    store_articles(db)
    claim, speaker = first_claim_and_speaker(db)
    commands = (
        ("who-said", "--topic", "ceasefire"),
        ("who-said", "--format", "json"),
        ("timeline", "--actor", speaker),
        ("show", claim),
        ("actors", "list"),
        ("actors", "show", speaker),
        ("topics", "list", "--format", "csv"),
        ("sources", "list"),
        ("sources", "show", "1"),
        ("export",),
        ("db", "current"),
    )
    for args in commands:
        output, ran = output_and_ran(DEFERRING, *args, "--db", db)
        assert ran == [], args
        plain, ran_plain = output_and_ran(NOT_DEFERRING, *args, "--db", db)
        assert {"asyncio", "importlib.metadata", "hashlib", "ssl"} <= set(ran_plain), args
        assert output == plain and output.strip(), args


def test_deferring_on_both_databases_answers_the_same(db_url):
    """On PostgreSQL psycopg uses asyncio (and so loads it): the answers are the same."""
    store_articles(db_url)
    for args in (("who-said", "--format", "csv"), ("export",), ("show", "1"), ("actors", "list")):
        output, ran = output_and_ran(DEFERRING, *args, "--db", db_url)
        plain, _ = output_and_ran(NOT_DEFERRING, *args, "--db", db_url)
        assert output == plain and output.strip(), args
        if db_url.startswith("postgresql"):
            assert "asyncio" in ran, args
        else:
            assert ran == [], args


def test_ingest_defers_nothing(tmp_path):
    """Only the asking commands defer: ingest (and with it every writer) loads as before."""
    from tests.conftest import SEEDS

    db = str(tmp_path / "claims.db")
    _, ran = output_and_ran(DEFERRING, "ingest", str(SEEDS), "--db", db, "--quiet")
    assert {"asyncio", "importlib.metadata"} <= set(ran)
