"""`ingest --workers N`: extraction in other processes, storage in order in this one; and
several ingest processes into one database at once, every document stored exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from sqlalchemy import inspect, text

from claimtrack.ingest import Extractor, Job, _ending, parse_each, prepare_each, read_each
from claimtrack.io.readers import collect
from claimtrack.store import engine as dbmod
from claimtrack.store.taxonomy import TopicDef
from tests.conftest import ROOT
from tests.handmade import FIXTURES

PEOPLE = [
    ("Jane Holloway", "the mayor", "ferry fares would rise next spring"),
    ("Tom Ruiz", "a councillor", "the harbour plan was unfair to commuters"),
    ("Amara Okafor", "the port director", "the new terminal would open in June"),
    ("Lena Brandt", "the union leader", "drivers would strike unless talks resumed"),
]


def article(i: int) -> str:
    """A small article written for these tests; every one different."""
    name, role, said = PEOPLE[i % len(PEOPLE)]
    other, _, other_said = PEOPLE[(i + 1) % len(PEOPLE)]
    last = name.split()[-1]
    return (
        f"Harbour news, issue {i}\n\n"
        f"{name}, {role}, said on Monday that {said}. "
        f'"We counted {i + 3} crossings last week and that is not enough," {last} told reporters.'
        f"\n\n{other} said {other_said}.\n"
    )


def write_articles(folder, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02d}.md").write_text(
            f"---\npublished: 2025-03-{i % 27 + 1:02d}\noutlet: Harbour Post\n---\n{article(i)}",
            encoding="utf-8",
        )


def stored(db: str) -> list[tuple]:
    engine = dbmod.make_engine(dbmod.resolve_url(db))
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.path, c.content_start, c.content_end, c.cue_start, c.content, a.name"
                " FROM claims c JOIN sources s ON s.id = c.source_id"
                " LEFT JOIN actors a ON a.id = c.actor_id ORDER BY s.path, c.content_start"
            )
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def test_two_workers_store_what_one_stores(cli, tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, 20)  # a whole batch, then the last two one document a job
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    cli("ingest", str(folder), "-q", db=one)
    cli("ingest", str(folder), "-q", "--workers", "2", db=two)
    got = stored(two)
    assert got == stored(one)
    assert len({r[0] for r in got}) == 20 and len(got) >= 40


def test_a_worker_killed_mid_batch_loses_no_document():
    items = [Job(article(i), None, None, None) for i in range(3)]
    topics = [TopicDef("ferries", "Ferries", ("ferry", "ferries"))]
    with Extractor(2, True, topics) as extractor:
        pending = extractor.submit(items)
        deadline = time.monotonic() + 60
        while not extractor.pool._processes and time.monotonic() < deadline:  # type: ignore[union-attr]
            time.sleep(0.05)
        for pid in list(extractor.pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        got = pending.result()
        later = extractor.submit(items).result()  # a new pool takes over
    expected = prepare_each(items, True, topics)
    assert got == expected and later == expected
    assert all(ready.prepared.claims for ready in got)
    assert {"ferries"} in [set(found) for ready in got for found in ready.prepared.topics]


def test_a_worker_killed_while_reading_loses_no_entry(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.html").write_text(page(i), encoding="utf-8")
    entries = collect([str(folder), "https://news.example/a"])  # the URL: read_here
    with Extractor(2, True, []) as extractor:
        reading = extractor.read(entries, None, None)
        deadline = time.monotonic() + 60
        while not extractor.pool._processes and time.monotonic() < deadline:  # type: ignore[union-attr]
            time.sleep(0.05)
        for pid in list(extractor.pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        got = reading.result()
        later = extractor.read(entries, None, None).result()  # a new pool takes over
    expected = read_each(entries, None, None)
    assert got == expected and later == expected and expected[-1] is None
    assert all(r.digest and r.got.text for r in expected[:3])  # type: ignore[union-attr]


def test_a_worker_killed_while_parsing_a_fetched_page_loses_no_page():
    from claimtrack.io.fetch import Fetched
    from claimtrack.io.readers import Entry

    url = "https://bay-courier.example/news/1"
    fetched = Fetched(url, url, 200, "text/html", "utf-8", page(1).encode())
    with Extractor(2, True, []) as extractor:
        parsing = extractor.parse(Entry(url), fetched, None, None)
        deadline = time.monotonic() + 60
        while not extractor.pool._processes and time.monotonic() < deadline:  # type: ignore[union-attr]
            time.sleep(0.05)
        for pid in list(extractor.pool._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        got = parsing.result()
        later = extractor.parse(Entry(url), fetched, None, None).result()  # a new pool
    expected = parse_each([(Entry(url), fetched)], None, None)
    assert got == expected and later == expected
    [read] = expected
    assert read.got.fetched_url == url and "Harbour news 1" == read.got.title  # type: ignore[union-attr]
    assert read.digest and "Subscribe" not in read.got.text  # type: ignore[union-attr]


def test_ingest_processes_at_once_store_every_document_exactly_once(db_url, tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, 12)
    dbmod.open_engine(db_url).dispose()  # made before, so the runs race on the documents
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "claimtrack", "ingest", str(folder), "-q", "--db", db_url],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    for _, err in outs:
        assert "0 failed" in err, err
    engine = dbmod.make_engine(dbmod.resolve_url(db_url))
    with engine.connect() as conn:
        paths = conn.execute(text("SELECT path FROM sources")).scalars().all()
        per_source = conn.execute(
            text("SELECT source_id, content_start, count(*) FROM claims GROUP BY 1, 2")
        ).all()
    engine.dispose()
    assert sorted(paths) == sorted(str(p) for p in folder.iterdir())
    assert per_source and all(n == 1 for *_, n in per_source)


def test_the_last_batches_are_marked_and_read_ahead_no_further():
    read: list[int] = []

    def batches():
        for i in range(5):
            read.append(i)
            yield [i]

    marked = []
    for batch, last in _ending(batches(), 2):
        marked.append((batch, last))
        assert read[-1] <= batch[0] + 2  # never more than two batches read ahead
    assert marked == [([0], False), ([1], False), ([2], False), ([3], True), ([4], True)]
    assert list(_ending(iter([[0], [1]]), 0)) == [([0], False), ([1], False)]
    assert list(_ending(iter([[0]]), 2)) == [([0], True)]
    assert Extractor(1, True).tail == 0 and Extractor(3, True).tail == 3


def test_every_worker_is_started_by_the_time_the_first_batch_is_submitted():
    # the workers start in a thread of their own at __enter__, while the writer reads the
    # first documents; the first submit waits for that start to finish
    topics = [TopicDef("ferries", "Ferries", ("ferry", "ferries"))]
    with Extractor(2, True, topics) as extractor:
        future = extractor.submit([Job(article(0), None, None, None)])
        assert len(extractor.pool._processes) == 2  # type: ignore[union-attr]
        got = future.result()
    assert got == prepare_each([Job(article(0), None, None, None)], True, topics)


def _whence() -> tuple[int, bool, bool]:
    """In a worker: its parent's pid, whether the forkserver's preload ran before it was
    forked, and whether the pipeline is loaded."""
    from claimtrack.extract.nlp import load

    return os.getppid(), "claimtrack.preload" in sys.modules, load.cache_info().currsize > 0


def test_the_workers_are_forked_from_one_process_that_loaded_the_extractor():
    with Extractor(2, True, []) as extractor:
        pool = extractor.pool
        assert pool is not None
        seen = {pool.submit(_whence).result(timeout=600) for _ in range(8)}
        pids = set(pool._processes)  # type: ignore[attr-defined]
    parents = {parent for parent, _, _ in seen}
    assert len(pids) == 2 and len(parents) == 1  # both from one forkserver...
    assert parents != {os.getpid()}  # ...not from this process, which stores
    assert all(preloaded and loaded for _, preloaded, loaded in seen)


# Run in a fresh interpreter (a forkserver is one a process): `claimtrack ingest --workers 2`,
# then a worker forked from the forkserver it started says what its preload loaded.
PRELOADED = """
import sys
from concurrent.futures import ProcessPoolExecutor
from claimtrack.__main__ import main
from claimtrack.ingest import start_loading

sys.argv = ["claimtrack", "ingest", *sys.argv[1:], "-q", "--workers", "2"]
try:
    main()
except SystemExit:
    pass
ASK = (
    "('trafilatura' in __import__('sys').modules, 'ftfy' in __import__('sys').modules,"
    " __import__('claimtrack.io.language').io.language._identifier.cache_info().currsize)"
)
with ProcessPoolExecutor(1, mp_context=start_loading()) as pool:  # the server running
    print("preloaded:", *pool.submit(eval, ASK).result())
"""


def _preloaded(*args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", PRELOADED, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert "preloaded:" in out.stdout, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_the_workers_get_the_page_readers_preloaded_only_when_pages_may_come(tmp_path):
    texts, pages = tmp_path / "news", tmp_path / "pages"
    write_articles(texts, 2)
    pages.mkdir()
    for i in range(2):
        paragraphs = "".join(f"<p>{line}</p>" for line in article(i).splitlines() if line)
        (pages / f"p{i}.html").write_text(
            f"<html><head><title>Harbour news {i}</title></head>"
            f"<body><article>{paragraphs}</article></body></html>",
            encoding="utf-8",
        )
    # a run of text and Markdown files: the identifier (every document's language is told
    # in a worker), no page reader
    assert _preloaded(str(texts), "--db", str(tmp_path / "t.db")) == "preloaded: False False 1"
    assert len({r[0] for r in stored(str(tmp_path / "t.db"))}) == 2
    # a folder of pages: the page readers too, loaded once before the workers are forked
    assert _preloaded(str(pages), "--db", str(tmp_path / "p.db")) == "preloaded: True True 1"
    assert len({r[0] for r in stored(str(tmp_path / "p.db"))}) == 2


def test_with_workers_the_writer_tells_the_language_and_the_worker_trusts_it(monkeypatch):
    import claimtrack.ingest as ingest_mod
    from claimtrack.io.document import Document

    long = "\n".join(article(i) for i in range(4))  # over the 200 letters a language needs
    todo = ingest_mod._Todo(Document(text=long, path="a.md"), "digest", None, None)
    told = ingest_mod._job(todo, tell=True)
    assert told.told and told.language == "en"  # told here, by the writer
    untold = ingest_mod._job(todo, tell=False)  # one process: prepare_each tells it
    assert not untold.told and untold.language is None
    short = ingest_mod._Todo(Document(text="Ann Holt said yes.", path="b.md"), "d2", None, None)
    assert ingest_mod._job(short, tell=True).language is None  # too short to tell

    def no_detect(text: str) -> str:
        raise AssertionError("a told language was told again")

    monkeypatch.setattr(ingest_mod, "detect", no_detect)
    jobs = [Job("Ann Holt said yes.", None, None, None, told=True), told]
    ready = prepare_each(jobs, learned=False, topics=[])
    assert [r.language for r in ready] == [None, "en"]


# Run in a fresh interpreter (a forkserver is one a process, and this one's may be running):
# every SQL statement of every engine records whether the workers' forkserver had been
# started by then; prints that of the first statement.
FIRST_STATEMENT = """
import sys
from multiprocessing import forkserver
from sqlalchemy import event
from sqlalchemy.engine import Engine

seen = []

@event.listens_for(Engine, "before_cursor_execute")
def asked(*_):
    seen.append(forkserver._forkserver._forkserver_pid is not None)

try:
    {run}
finally:
    print("started before the first statement:", seen[0], len(seen) > 1)
"""


def _first_statement(run: str, tmp_path) -> str:
    code = FIRST_STATEMENT.format(run=run)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert "started before the first statement" in out.stdout, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_the_workers_extractor_loads_before_the_ingest_command_opens_the_database(tmp_path):
    # the forkserver (which loads spaCy and the models for the workers, the longest serial
    # part of a run's start) starts first thing, not once the database and taxonomy are ready
    folder = tmp_path / "news"
    write_articles(folder, 2)
    db = str(tmp_path / "cli.db")
    run = (
        "from claimtrack.__main__ import main; "
        f"sys.argv = ['claimtrack', 'ingest', {str(folder)!r}, '-q', '--workers', '2', "
        f"'--db', {db!r}]; main()"
    )
    assert _first_statement(run, tmp_path) == "started before the first statement: True True"
    assert len({r[0] for r in stored(db)}) == 2


def test_ingest_with_workers_starts_their_extractor_before_its_first_statement(tmp_path):
    folder = tmp_path / "news"
    write_articles(folder, 2)
    db = str(tmp_path / "lib.db")
    run = (
        "from claimtrack.ingest import ingest; from claimtrack.io.readers import collect; "
        "from claimtrack.store import engine as dbmod; "
        f"engine = dbmod.open_engine({db!r}); seen.clear(); "
        f"assert ingest(engine, collect([{str(folder)!r}]), workers=2).added == 2"
    )
    assert _first_statement(run, tmp_path) == "started before the first statement: True True"


def _sources(db: str) -> int:
    engine = dbmod.make_engine(dbmod.resolve_url(db))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM sources")).scalar_one()
    except Exception:  # noqa: BLE001 - not made yet
        return 0
    finally:
        engine.dispose()


def test_a_parallel_ingest_killed_midway_and_run_again_stores_each_document_once(
    cli, db_url, tmp_path
):
    folder = tmp_path / "news"
    write_articles(folder, 24)
    killed, one = db_url, str(tmp_path / "one.db")
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "ingest", str(folder), "-q", "--workers", "2"]
        + ["--db", killed],
        cwd=ROOT,
        start_new_session=True,  # its forkserver and workers killed with it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 600
    while proc.poll() is None and _sources(killed) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < _sources(killed) < 24  # killed midway
    cli("ingest", str(folder), "-q", "--workers", "2", db=killed)
    cli("ingest", str(folder), "-q", db=one)
    got = stored(killed)
    assert got == stored(one)
    assert len({r[0] for r in got}) == 24 and len(got) == len(set(got))


def page(i: int, *, dated: bool = True, garble: bool = False) -> str:
    """A small web page written for these tests: a site's menu and footer around article(i)."""
    published = (
        f'<meta property="article:published_time" content="2025-04-{i + 1:02d}T08:00:00Z">'
        if dated
        else ""
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in article(i).split("\n\n")[1:])
    if garble:  # UTF-8 once read as windows-1252 and saved again: repaired, with a note
        paragraphs += "<p>" + "Café owners met Zoë Brandt".encode().decode("cp1252") + ".</p>"
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Harbour news {i} | The Bay Courier</title>{published}"
        "<meta property='og:site_name' content='The Bay Courier'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a> <a href='/weather'>Weather</a></nav>"
        f"<article><h1>Harbour news {i}</h1>{paragraphs}</article>"
        "<footer>Subscribe to The Bay Courier for one euro a week.</footer></body></html>"
    )


def dump(db: str) -> list[tuple]:
    """Every table's rows, sorted, the times of writing (``*_at``) left out."""
    engine = dbmod.make_engine(dbmod.resolve_url(db))
    out: list[tuple] = []
    with engine.connect() as conn:
        for name in sorted(inspect(conn).get_table_names()):
            result = conn.execute(text(f'SELECT * FROM "{name}"'))
            keep = [i for i, column in enumerate(result.keys()) if not column.endswith("_at")]
            out.extend(sorted((name, *(row[i] for i in keep)) for row in result))
    engine.dispose()
    return out


def test_with_workers_the_pages_are_read_in_them_and_store_what_one_process_stores(
    cli, tmp_path, monkeypatch
):
    import claimtrack.ingest as ingest_mod
    import claimtrack.io.readers as readers_mod

    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(11):  # a whole batch and more, then the last ones a document a job
        (folder / f"p{i:02d}.html").write_text(page(i, dated=i != 3, garble=i == 5), "utf-8")
    french = (FIXTURES / "web" / "mairie-horaires.html").read_text(encoding="utf-8")
    (folder / "p20-fr.html").write_text(french, encoding="utf-8")
    (folder / "p21-empty.html").write_text("<html><body> </body></html>", "utf-8")
    (folder / "p22-binary.html").write_bytes(b"\x00\x01PNG" * 50)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    alone = cli("ingest", str(folder), "--workers", "1", db=one, ok=False)

    # with workers this process (the writer) reads no file and tells no language
    read_here: list[str] = []
    real_read, real_detect = readers_mod.read_item, ingest_mod.detect

    def read_item(entry, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        read_here.append(entry.path)
        return real_read(entry, *args, **kwargs)

    def detect(text: str) -> str | None:
        read_here.append(text[:20])
        return real_detect(text)

    monkeypatch.setattr(readers_mod, "read_item", read_item)
    monkeypatch.setattr(ingest_mod, "detect", detect)
    shared = cli("ingest", str(folder), "--workers", "2", db=two, ok=False)
    assert read_here == []
    assert alone.exit_code == shared.exit_code == 1  # the two bad files failed
    lines = sorted(shared.stderr.splitlines())
    assert lines == sorted(alone.stderr.splitlines())
    for said in ("p22-binary.html: binary data", "p21-empty.html: no ", "in French (fr)"):
        assert sum(said in line for line in lines) == 1, (said, lines)
    assert any("repaired double-encoded UTF-8" in line and "p05" in line for line in lines)
    assert any("without a publication date" in line and "p03" in line for line in lines)
    assert "12 added (1 not English), 0 skipped, 2 failed" in shared.stderr
    assert dump(two) == dump(one)
    assert len({r[0] for r in stored(two)}) == 11
    again = cli("ingest", str(folder), "--workers", "2", db=two, ok=False)  # all done: skipped
    assert "0 added, 12 skipped, 2 failed" in again.stderr and dump(two) == dump(one)
