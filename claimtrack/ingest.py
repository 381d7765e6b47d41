"""The ingest job: read documents, extract their claims, store each in one transaction.

Streaming: documents are read lazily and extracted in small batches, so memory stays
flat however many files are given. Documents whose text is already stored (same content
hash) are skipped before extraction, so an interrupted run can simply be run again. A URL
already stored (as asked for, fetched or canonical) is not fetched again, and a fetched page
whose canonical URL is stored is skipped.

A URL given twice in one run (on the command line, or by a feed listing it twice; compared
as claimtrack.io.urls.url_key reads it) is fetched once, and the second counted as skipped.

Every document's language is told from its text (claimtrack.io.language); the extractor
reads English only, so a document in another language is stored with its language and no
claims, and the run says so.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing.context import BaseContext
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from claimtrack.curate.reextract import Outcome, reextract_source
from claimtrack.curate.sources import update_known
from claimtrack.errors import UserError
from claimtrack.extract import extract, extract_batch
from claimtrack.extract.types import FoundClaim
from claimtrack.io.document import Document
from claimtrack.io.feeds import is_feed
from claimtrack.io.fetch import Fetched, Fetcher, FetchPolicy
from claimtrack.io.language import detect, is_english
from claimtrack.io.language import name as language_name
from claimtrack.io.readers import (
    STDIN,
    Entry,
    FeedRead,
    ReadError,
    Skipped,
    WebDocument,
    expand,
    fetch_entry,
    given_language,
    iter_documents,
    may_hold_pages,
    read_fetched,
    read_or_error,
    reader_bug,
)
from claimtrack.io.urls import url_key
from claimtrack.query.lookups import get_source
from claimtrack.store.engine import DatabaseError, run_transaction
from claimtrack.store.models import Claim as StoredClaim
from claimtrack.store.models import Source
from claimtrack.store.prepare import Prepared
from claimtrack.store.resolve import resolve_after
from claimtrack.store.taxonomy import TopicDef
from claimtrack.store.writes import (
    content_hash,
    ensure_taxonomy,
    prepare_to_store,
    source_exists,
    store_document,
    url_stored,
)

BATCH = 8
# The longest document ingest takes, in characters (--max-chars): 58 times the longest article
# of PolNeAR (34,309 characters), room for a book-length report. Extraction is linear; at this
# size it took 66 to 77 s and 1.0 to 2.0 GB at peak on one core (in paragraphs, in one
# paragraph). A longer text is most likely no article (a dump, a log): it fails with one
# line, and the other documents go in.
MAX_CHARS = 2_000_000
ENV_LEARNED = "CLAIMTRACK_LEARNED"  # 0: extract with the rules alone
PRELOAD = "claimtrack.preload"  # what the workers' forkserver imports, once
PRELOAD_PAGES = "claimtrack.preload.pages"  # and the page readers, when pages may come


@dataclass
class IngestResult:
    added: int = 0
    updated: int = 0  # known texts whose details (title, outlet, dates...) were new
    skipped: int = 0
    failed: int = 0
    claims: int = 0
    not_english: int = 0  # added without claims: the extractor reads English only
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. which encoding a file was read in
    undated: list[str] = field(default_factory=list)  # added without a publication date
    resolved: int = 0  # claims the end-of-run registry pass moved to the person they name

    def undated_note(self) -> str | None:
        """One line for every document added without a publication date, or None."""
        if not self.undated:
            return None
        shown = ", ".join(self.undated[:3]) + (", ..." if len(self.undated) > 3 else "")
        return (
            f"warning: {plural(len(self.undated), 'document')} without a publication date"
            f" ({shown}): relative dates in them are kept as written, unresolved; give"
            " --published YYYY-MM-DD (or a published column in --manifest)"
        )

    def summary(self) -> str:
        added = f"{self.added} added"
        if self.not_english:
            added += f" ({self.not_english} not English)"
        if self.updated:
            added += f", {self.updated} updated"
        return (
            f"documents: {added}, {self.skipped} skipped, {self.failed} failed; "
            f"claims: {self.claims} added"
        )


@dataclass
class _Todo:
    doc: Document
    digest: str
    language: str | None  # the metadata's, then the one told from the text (prepare_each)
    fetched_url: str | None
    told: bool = False  # LANGUAGE told already, by the worker that read the document


@dataclass
class Read:
    """One entry read in a worker (read_each): what the readers gave (a document, a feed or
    the ReadError) and the notes reading it made; for a document, its language (the
    metadata's, else told from its text: None when it cannot be told) and its text's
    digest (content_hash)."""

    got: Document | FeedRead | ReadError
    notes: list[str] = field(default_factory=list)
    language: str | None = None
    digest: str | None = None


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _ending(batches: Iterable[list], n: int) -> Iterator[tuple[list, bool]]:
    """Each of BATCHES and whether it is one of the last N: read N batches ahead (N = 0:
    none is marked, none read ahead)."""
    ahead: deque[list] = deque()
    for batch in batches:
        ahead.append(batch)
        if len(ahead) > n:
            yield ahead.popleft(), False
    while ahead:
        yield ahead.popleft(), True


def ingest(
    engine: Engine,
    entries: Iterable[Entry],
    overrides: dict[str, str] | None = None,
    taxonomy_path: str | None = None,
    on_done: Callable[[str, str], None] | None = None,
    encoding: str | None = None,
    *,
    max_chars: int = MAX_CHARS,
    learned: bool = True,
    policy: FetchPolicy | None = None,
    on_feed: Callable[[str, int], None] | None = None,
    fetcher: Fetcher | None = None,
    workers: int = 1,
) -> IngestResult:
    """Ingest ENTRIES into the database; ``on_done(path, outcome)`` reports each document,
    ``on_feed(path, n)`` each feed read (N articles to come). ENCODING is the user's for
    every entry; without it each file's is told from its bytes (``result.notes`` says which,
    when not UTF-8). URLs are fetched with FETCHER (or a new one following POLICY). A document
    longer than ``max_chars`` characters fails (with a message) before extraction. ``learned``:
    the learned models take part in extraction (``learned_from_env`` reads CLAIMTRACK_LEARNED).
    WORKERS processes read the files (a page's HTML parsed) and parse the pages this
    process fetched, tell the language, extract and prepare (store/prepare.py: topics, band
    keys) each document (1: this process alone); this process fetches URLs, checks what is
    stored and stores their results in the order the documents came, each document in its
    own transaction."""
    # the page readers loaded once for the workers when ENTRIES (a list) may hold pages
    pages = isinstance(entries, Sequence) and may_hold_pages(entries)
    if workers > 1:
        start_loading(pages)  # the workers' extractor loads while this process sets up
    topics = run_transaction(engine, lambda session: ensure_taxonomy(session, taxonomy_path))
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher(policy or FetchPolicy())
    try:
        return _ingest(
            engine,
            entries,
            overrides,
            topics,
            on_done,
            encoding,
            on_feed,
            fetcher,
            max_chars,
            learned,
            workers,
            pages,
        )
    finally:
        if own_fetcher:
            fetcher.close()


def _ingest(
    engine: Engine,
    entries: Iterable[Entry],
    overrides: dict[str, str] | None,
    topics: list[TopicDef],
    on_done: Callable[[str, str], None] | None,
    encoding: str | None,
    on_feed: Callable[[str, int], None] | None,
    fetcher: Fetcher,
    max_chars: int,
    learned: bool,
    workers: int = 1,
    pages: bool = False,
) -> IngestResult:
    """Read, extract and store ENTRIES, BATCH documents at a time; each document is stored
    whole or not at all, and an error of the database itself stops the run there. With
    several WORKERS, the files are read and the batches extracted and prepared in other
    processes while this one checks and stores (``_documents``); results are stored in the
    order the documents came."""
    run = _Run(engine, IngestResult(), on_done, on_feed, max_chars)
    pending: deque[tuple[list[_Todo], list[Extraction]]] = deque()

    def store_next() -> None:
        todo, parts = pending.popleft()
        ready = (r for part in parts for r in part.result())  # each stored once it comes
        for t, done in zip(todo, ready, strict=True):
            t.language = done.language
            run.store(t, done.prepared)

    try:
        with Extractor(workers, learned, topics, pages=pages) as extractor:
            documents = _documents(extractor, entries, overrides, encoding, fetcher, run)
            for batch, last in _ending(_batches(documents, BATCH), extractor.tail):
                todo: list[_Todo] = []
                for item in batch:
                    found = run.triage(item, todo)
                    if found is not None:
                        todo.append(found)
                jobs = [_job(t, tell=workers > 1) for t in todo]
                # the last batches one document a job: the workers end together, and the
                # last result leaves one document to store, not a batch (issue 16)
                parts = [[job] for job in jobs] if last else [jobs]
                pending.append((todo, [extractor.submit(part) for part in parts]))
                while len(pending) > extractor.ahead:
                    store_next()
            extractor.last_submitted()
            while pending:
                store_next()
    except _Stop as stop:
        return _stopped(run.result, stop.path, stop.error, run.report)
    run.settle_speakers()
    return run.result


def _documents(
    extractor: Extractor,
    entries: Iterable[Entry],
    overrides: dict[str, str] | None,
    encoding: str | None,
    fetcher: Fetcher,
    run: _Run,
) -> Iterator[Document | ReadError | Skipped | FeedRead | Read]:
    """What the readers give for ENTRIES, in order. With workers, the files are read by
    them (read_each: the HTML of a page parsed, the language told, the text's digest), a
    batch a job, and so are the pages this process fetches (a URL, a feed's articles:
    fetched here, politely, once the database says they are not stored; parsed by a
    worker, parse_each): this process, which stores, parses no page (issue 16). Up to
    ``extractor.ahead`` jobs are in flight before the oldest is taken; stdin and a feed
    itself are read here, as with one process."""
    if extractor.pool is None:
        note = run.result.notes.append
        yield from iter_documents(
            entries, overrides, encoding, note, fetcher=fetcher, known=run.not_to_fetch
        )
        return
    sent = _Sent(extractor, overrides, encoding, fetcher, run)
    yield from sent.in_order(sent.chunks(entries))


@dataclass
class _Sent:
    """With workers: entries sent to be read (files) or parsed (fetched pages), and what
    comes back taken in the order the entries came."""

    extractor: Extractor
    overrides: dict[str, str] | None
    encoding: str | None
    fetcher: Fetcher
    run: _Run

    def chunks(self, entries: Iterable[Entry]) -> Iterator[Any]:
        """ENTRIES a batch at a time: the files of a batch one job (a run of files between
        two other entries), each other entry as ``here`` gives it, in their order."""
        for chunk in _batches(entries, BATCH):
            files: list[Entry] = []
            for entry in chunk:
                if not read_here(entry):
                    files.append(entry)
                    continue
                if files:
                    yield self.extractor.read(files, self.overrides, self.encoding)
                    files = []
                yield from self.here(entry, self.overrides)
            if files:
                yield self.extractor.read(files, self.overrides, self.encoding)

    def here(self, entry: Entry, overrides: dict[str, str] | None) -> Iterator[Any]:
        """An entry the workers cannot read alone: stdin read here; a URL checked against
        the database and fetched here, its page sent to a worker (a feed read here, its
        articles each sent); a feed's article file sent to a worker."""
        note = self.run.result.notes.append
        if not entry.is_url:
            if entry.path == STDIN:
                yield from iter_documents([entry], overrides, self.encoding, note)
            else:
                yield self.extractor.read([entry], overrides, self.encoding)
            return
        if self.run.not_to_fetch(entry.path):
            yield Skipped(entry.path)
            return
        try:
            fetched = fetch_entry(entry, self.fetcher)
        except ReadError as exc:
            yield exc
            return
        if not is_feed(fetched.body):
            yield self.extractor.parse(entry, fetched, overrides, self.encoding)
            return
        got: Document | FeedRead | ReadError
        try:
            got = read_fetched(entry, fetched, overrides, self.encoding, note)
        except ReadError as exc:
            got = exc
        yield from self.expand(entry, got, overrides)

    def expand(
        self, entry: Entry, got: Document | FeedRead | ReadError, overrides: dict[str, str] | None
    ) -> Iterator[Any]:
        note = self.run.result.notes.append
        yield from expand(
            entry,
            got,
            overrides,
            self.encoding,
            note,
            fetcher=self.fetcher,
            known=self.run.known,
            each=self.here,
        )

    def in_order(self, stream: Iterable[Any]) -> Iterator[Any]:
        """The items of STREAM, a job's once it is done: ``extractor.ahead`` batches of
        entries sent before the first is waited for (a page fetched here is a job of its
        own: as many ahead as a batch of files holds entries)."""
        waiting: deque[Any] = deque()
        sent = 0
        for item in stream:
            waiting.append(item)
            sent += _weight(item)
            while sent > self.extractor.ahead * BATCH:
                sent -= _weight(waiting[0])
                yield from self.taken(waiting.popleft())
        while waiting:
            yield from self.taken(waiting.popleft())

    def taken(self, item: Any) -> Iterator[Any]:
        """ITEM as it is, or a job's items once done: a document as its Read (its notes
        kept), a feed a worker read expanded here, its articles sent in turn."""
        if not isinstance(item, Reading):
            yield item
            return
        note = self.run.result.notes.append
        for entry, read in zip(item.entries, item.result(), strict=True):
            assert read is not None
            for line in read.notes:
                note(line)
            if isinstance(read.got, Document):
                yield read
            else:
                yield from self.in_order(self.expand(entry, read.got, self.overrides))


def _weight(item: Any) -> int:
    """How many entries ITEM holds (a job: its entries; anything else one)."""
    return len(item.entries) if isinstance(item, Reading) else 1


def read_here(entry: Entry) -> bool:
    """ENTRY is not read by a worker alone: a URL (fetched with the run's fetcher, after
    the database says it is not stored yet, then parsed by a worker) or stdin."""
    return entry.is_url or entry.path == STDIN


def read_each(
    entries: list[Entry], overrides: dict[str, str] | None, encoding: str | None
) -> list[Read | None]:
    """Each of ENTRIES read (read_or_error; None for one read_here), its language told and
    its text's digest taken: nothing of it needs the database. Runs in a worker process."""
    out: list[Read | None] = []
    for entry in entries:
        if read_here(entry):
            out.append(None)
            continue
        notes: list[str] = []
        out.append(_told(entry, read_or_error(entry, overrides, encoding, notes.append), notes))
    return out


def parse_each(
    pages: list[tuple[Entry, Fetched]], overrides: dict[str, str] | None, encoding: str | None
) -> list[Read]:
    """Each fetched page read as a file's (read_fetched: decoded, its HTML parsed, its
    metadata applied), its language told and its text's digest taken. Runs in a worker."""
    out: list[Read] = []
    for entry, fetched in pages:
        notes: list[str] = []
        try:
            got: Document | FeedRead | ReadError = read_fetched(
                entry, fetched, overrides, encoding, notes.append
            )
        except ReadError as exc:
            got = exc
        except Exception as exc:  # noqa: BLE001 - a reader bug fails that page only
            got = reader_bug(entry.path, exc)
        out.append(_told(entry, got, notes))
    return out


def _told(entry: Entry, got: Document | FeedRead | ReadError, notes: list[str]) -> Read:
    """GOT as a Read: a document with its language told and its text's digest."""
    if not isinstance(got, Document):
        return Read(got, notes)
    try:
        language = given_language(got) or detect(got.text)
    except Exception as exc:  # noqa: BLE001 - that document fails, the others go on
        return Read(reader_bug(entry.path, exc), notes)
    return Read(got, notes, language, content_hash(got.text))


def _job(t: _Todo, tell: bool) -> Job:
    """T's document for prepare_each; TELL: its language told here, not in the worker (with
    workers: a document this process read itself, from stdin), unless the worker that read
    it told it already (``t.told``: every file and fetched page)."""
    if t.told:
        return Job(t.doc.text, t.doc.published, t.doc.title, t.language, t.doc.outlet, told=True)
    language = (t.language or detect(t.doc.text)) if tell else t.language
    return Job(t.doc.text, t.doc.published, t.doc.title, language, t.doc.outlet, told=tell)


Item = tuple[str, Any, str | None]  # a document's text, publication day and outlet
Outcome_ = list[FoundClaim] | Exception


@dataclass(frozen=True)
class Job:
    """One document for prepare_each: its text, publication day, headline, the language
    its metadata gives (None: told from the text, unless ``told``) and the outlet it came
    out in, if known."""

    text: str
    published: Any
    headline: str | None
    language: str | None
    outlet: str | None = None
    told: bool = False  # LANGUAGE told already (None: not with confidence), not to tell again


@dataclass
class Ready:
    """A document made ready to store: its LANGUAGE (the metadata's, else told from the
    text) and its claims PREPARED (none when not English), or the error extraction gave."""

    language: str | None
    prepared: Prepared | Exception


class ExtractionFailed(Exception):
    """The extractor's error on one document, carried back from a worker process as text
    (the error itself may not survive pickling)."""

    def __repr__(self) -> str:
        return str(self)


class Extraction:
    """One batch of documents made ready (prepare_each), to come: ``result()`` waits for
    them. A worker process that ended abruptly (killed, out of memory) costs only the
    document it was reading: the batch is run again one document at a time, in a new
    process each."""

    def __init__(self, extractor: Extractor, items: list[Job], future: Future | None):
        self.extractor, self.items, self.future = extractor, items, future

    def result(self) -> list[Ready]:
        if self.future is None:
            return prepare_each(self.items, self.extractor.learned, self.extractor.topics)
        try:
            return self.future.result()
        except BrokenProcessPool:
            return [self.extractor.alone(item) for item in self.items]


class Reading:
    """One job of entries read (read_each) or fetched pages parsed (parse_each) by a
    worker, to come: ``result()`` waits for them. A worker that ended abruptly costs only
    the entry it was reading: the job is run again one item at a time, in a new process
    each."""

    def __init__(
        self,
        extractor: Extractor,
        entries: list[Entry],
        future: Future,
        *args: Any,
        job: Callable[..., list] = read_each,
        items: list | None = None,
    ):
        self.extractor, self.entries, self.future, self.args = extractor, entries, future, args
        self.job, self.items = job, entries if items is None else items

    def result(self) -> list[Read | None]:
        try:
            return self.future.result()
        except BrokenProcessPool:
            return [
                self.extractor.read_alone(item, *self.args, job=self.job) for item in self.items
            ]


@dataclass
class Extractor:
    """Extraction and preparation (prepare_each, with the taxonomy TOPICS) in WORKERS
    processes (1: in this one, when asked). ``ahead``: how many batches may be in flight
    before the oldest is stored. PAGES: the workers may parse web pages (their readers
    loaded once, before the workers are forked: start_loading)."""

    workers: int
    learned: bool
    topics: list[TopicDef] = field(default_factory=list)
    pages: bool = False
    pool: ProcessPoolExecutor | None = None
    _starting: threading.Thread | None = None

    @property
    def ahead(self) -> int:
        return 0 if self.workers <= 1 else 2 * self.workers

    @property
    def tail(self) -> int:
        """How many batches at the end go one document a job (1 worker: none). A batch
        takes a worker a second or more: ended in whole batches, one worker often had one
        left to extract while the other stood idle, and the writer then had all of it to
        store alone."""
        return 0 if self.workers <= 1 else self.workers

    def __enter__(self) -> Extractor:
        if self.workers > 1:
            self.pool = self._new_pool(self.workers)
            # a pool starts a worker at each submit: all start now, in a thread of their
            # own, while this process reads and checks the first documents; the first
            # start waits for the forkserver to load the extractor (issue 16)
            self._starting = threading.Thread(
                target=self._start_workers, args=(self.pool,), daemon=True
            )
            self._starting.start()
        return self

    def _start_workers(self, pool: ProcessPoolExecutor) -> None:
        with contextlib.suppress(BrokenProcessPool, RuntimeError):  # met again at submit
            for _ in range(self.workers):
                pool.submit(os.getpid)

    def _started(self) -> None:
        """Wait for the workers' start (``__enter__``'s thread), before the pool is used."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self._started()
        if self.pool is not None:  # after an error, the workers are waited for
            self.pool.shutdown(wait=kind is not None, cancel_futures=kind is not None)

    def last_submitted(self) -> None:
        """No more batches to come: each worker ends once the batches in flight are done,
        while this process stores them and settles speakers (a worker's interpreter took
        2.2 to 2.6 s to end at a load of 6 to 8: waited for at the end, a serial tail of
        the run). This interpreter's exit waits for them."""
        self._started()
        if self.pool is not None:
            self.pool.shutdown(wait=False)

    def _new_pool(self, n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            n,
            mp_context=start_loading(self.pages),
            initializer=_worker_start,
            initargs=(self.topics,),
        )

    def submit(self, items: list[Job]) -> Extraction:
        if self.pool is None or not items:
            return Extraction(self, items, None)
        self._started()
        try:
            return Extraction(self, items, self.pool.submit(prepare_each, items, self.learned))
        except BrokenProcessPool:
            self.pool = self._new_pool(self.workers)
            return Extraction(self, items, self.pool.submit(prepare_each, items, self.learned))

    def read(
        self, entries: list[Entry], overrides: dict[str, str] | None, encoding: str | None
    ) -> Reading:
        """ENTRIES read by a worker (read_each); only with workers."""
        return Reading(
            self, entries, self._send(read_each, entries, overrides, encoding), overrides, encoding
        )

    def parse(
        self,
        entry: Entry,
        fetched: Fetched,
        overrides: dict[str, str] | None,
        encoding: str | None,
    ) -> Reading:
        """The page FETCHED for ENTRY parsed by a worker (parse_each); only with workers."""
        items = [(entry, fetched)]
        future = self._send(parse_each, items, overrides, encoding)
        return Reading(self, [entry], future, overrides, encoding, job=parse_each, items=items)

    def _send(self, job: Callable[..., list], *args: Any) -> Future:
        assert self.pool is not None
        self._started()
        try:
            return self.pool.submit(job, *args)
        except BrokenProcessPool:
            self.pool = self._new_pool(self.workers)
            return self.pool.submit(job, *args)

    def read_alone(
        self,
        item: Any,
        overrides: dict[str, str] | None,
        encoding: str | None,
        job: Callable[..., list] = read_each,
    ) -> Read | None:
        """ITEM (an entry, or an entry and its fetched page for parse_each) read in a
        process of its own, after a worker ended abruptly."""
        entry = item[0] if isinstance(item, tuple) else item
        if job is read_each and read_here(entry):
            return None
        spare = self._new_pool(1)
        try:
            return spare.submit(job, [item], overrides, encoding).result()[0]
        except BrokenProcessPool:
            return Read(ReadError(f"{entry.path}: the reading process ended abruptly on it"))
        finally:
            spare.shutdown(wait=True)

    def alone(self, item: Job) -> Ready:
        """One document made ready in a process of its own, after a worker ended abruptly
        (the batch's other documents go through the same, one at a time)."""
        spare = self._new_pool(1)
        try:
            return spare.submit(prepare_each, [item], self.learned).result()[0]
        except BrokenProcessPool:
            return Ready(
                item.language, ExtractionFailed("the extracting process ended abruptly on it")
            )
        finally:
            spare.shutdown(wait=True)


def start_loading(pages: bool = False) -> BaseContext:
    """The workers' start method, their extractor's load begun. forkserver: a fresh
    interpreter (never a fork of this one, which holds database connections) loads the
    extractor and the language identifier once (claimtrack/preload/), and with PAGES (the
    run may read web pages: io.readers.may_hold_pages) the page readers too, then forks each
    worker from it: one load of spaCy for N workers, not N. Its start returns at once and
    the load runs in that process, so called first thing (``ingest``, the ingest command)
    the load, the longest serial part of a run's start, goes on while this process opens the
    database, loads the taxonomy and reads the first documents, not after (issue 16); called
    again, it finds the server running (loaded as its first call asked). Where there is no
    forkserver (Windows), each worker is spawned and loads the extractor itself."""
    import multiprocessing
    from multiprocessing import forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD, PRELOAD_PAGES] if pages else [PRELOAD])
    forkserver.ensure_running()
    return context


_TOPICS: list[TopicDef] = []  # a worker process's taxonomy, given when it starts


def _worker_start(topics: list[TopicDef]) -> None:
    """A worker process: BLAS kept to one thread (the workers share the cores), the
    pipeline loaded before the first batch (forked loaded from the forkserver, see
    claimtrack/preload/: here a no-op, unless the preload failed), the run's taxonomy kept
    for prepare_each."""
    from threadpoolctl import threadpool_limits

    from claimtrack.extract.nlp import load

    threadpool_limits(limits=1)
    load()
    _TOPICS[:] = topics


class _Stop(Exception):
    """An error of the database itself: the next documents would fail the same way."""

    def __init__(self, path: str | None, error: DatabaseError):
        super().__init__(str(error))
        self.path, self.error = path, error


@dataclass
class _Run:
    """One ingest run: its engine, its running result and the callers' callbacks."""

    engine: Engine
    result: IngestResult
    on_done: Callable[[str, str], None] | None
    on_feed: Callable[[str, int], None] | None
    max_chars: int
    stored: list[int] = field(default_factory=list)  # the sources this run added
    asked: set[str] = field(default_factory=set)  # the URLs this run asked for (url_key)

    def report(self, path: str | None, outcome: str) -> None:
        if self.on_done:
            self.on_done(path or "<stdin>", outcome)

    def known(self, *urls: str | None) -> bool:
        return run_transaction(self.engine, lambda session: url_stored(session, *urls))

    def not_to_fetch(self, url: str) -> bool:
        """URL is not to be fetched: this run asked for it already (the same request,
        url_key: given twice, or listed twice by a feed), or the database holds it. Either
        way it is counted as skipped, once."""
        key = url_key(url)
        if key in self.asked:
            return True
        self.asked.add(key)
        return self.known(url)

    def fail(self, path: str | None, error: str) -> None:
        self.result.failed += 1
        self.result.errors.append(error)
        self.report(path, "failed")

    def skip(self, path: str | None) -> None:
        self.result.skipped += 1
        self.report(path, "skipped")

    def triage(self, item: Any, todo: list[_Todo]) -> _Todo | None:
        """What to do with one item the readers gave: a document to extract and store, or
        None when it is counted already (failed, a feed, skipped, known, updated)."""
        if isinstance(item, ReadError):
            self.fail(None, str(item))
            return None
        if isinstance(item, FeedRead):
            self.result.notes.append(_feed_note(item))
            if self.on_feed:
                self.on_feed(item.path, len(item.feed.entries))
            return None
        if isinstance(item, Skipped):
            self.skip(item.path)
            return None
        told = isinstance(item, Read)  # read by a worker, which told its language
        read = item if told else Read(item, [], given_language(item))
        item = read.got
        assert isinstance(item, Document)
        if len(item.text) > self.max_chars:
            self.fail(item.path, too_long(item.path, len(item.text), self.max_chars))
            return None
        digest = read.digest or content_hash(item.text)
        fetched_url = item.fetched_url if isinstance(item, WebDocument) else None
        if self.stored_already(item, digest, fetched_url):
            return None
        if any(
            t.digest == digest or (fetched_url and t.doc.url and t.doc.url == item.url)
            for t in todo
        ):  # twice in one batch
            self.skip(item.path)
            return None
        return _Todo(item, digest, read.language, fetched_url, told=told)

    def stored_already(self, doc: Document, digest: str, fetched_url: str | None) -> bool:
        """True (and counted) when the text is stored: updated when its details are new,
        else skipped; also a page stored under another address."""
        try:
            exists = run_transaction(self.engine, partial(source_exists, digest=digest))
            changed = exists and run_transaction(
                self.engine, partial(update_known, doc=doc, digest=digest)
            )
            if not exists and fetched_url:  # the same page under another address
                exists = self.known(doc.url, fetched_url)
        except DatabaseError as exc:
            raise _Stop(doc.path, exc) from None
        if changed:
            self.result.updated += 1
            self.result.notes.append(
                f"{doc.path or '<stdin>'}: known text, {', '.join(changed)} updated"
            )
            self.report(doc.path, "updated")
        elif exists:
            self.skip(doc.path)
        return bool(exists)

    def settle_speakers(self) -> None:
        """The registry's second look over the speakers this run touched (resolve_after);
        a database error there leaves the documents stored and says so."""
        try:
            moved = resolve_after(self.engine, self.stored)
        except DatabaseError as exc:
            self.result.notes.append(
                f"speakers not re-resolved ({exc}): run `claimtrack actors resolve`"
            )
            return
        self.result.resolved = len(moved)
        if moved:
            self.result.notes.append(
                f"speakers: {plural(len(moved), 'claim')} filed under a surname alone or a"
                " description moved to the one person it names"
            )

    def store(self, t: _Todo, prepared: Prepared | Exception) -> None:
        """Store one extracted and prepared document in its own transaction, and count it."""
        doc = t.doc
        if isinstance(prepared, Exception):
            self.fail(doc.path, f"{doc.path}: extraction failed ({prepared!r}); please report it")
            return
        try:
            stored = store_once(
                self.engine,
                doc,
                prepared.claims,
                [],
                t.digest,
                fetched_url=t.fetched_url,
                language=t.language,
                stored=self.stored,
                prepared=prepared,
            )
        except DatabaseError as exc:
            if not exc.about_data:
                raise _Stop(doc.path, exc) from None
            # this document's data was refused; the others go on
            self.fail(doc.path, f"{doc.path}: not stored: {exc}")
            return
        if stored is None:
            self.skip(doc.path)
            return
        self.result.added += 1
        self.result.claims += stored
        if doc.published is None:
            self.result.undated.append(doc.path or "<stdin>")
        if not is_english(t.language):
            self.result.not_english += 1
            self.result.notes.append(
                f"{doc.path or '<stdin>'}: in {language_name(t.language)}, not English: "
                "stored without claims (the extractor reads English only)"
            )
        self.report(doc.path, "added")


def _feed_note(item: FeedRead) -> str:
    feed = item.feed
    title = f" {feed.title!r}" if feed.title else ""
    count = len(feed.entries)
    unlinked = f" ({feed.unlinked} entries without a link left out)" if feed.unlinked else ""
    return f"{item.path}: {feed.kind} feed{title}, {plural(count, 'article')}{unlinked}"


def too_long(path: str | None, chars: int, max_chars: int) -> str:
    return (
        f"{path or '<stdin>'}: {chars:,} characters, over the limit of {max_chars:,} a document; "
        f"split it, or raise the limit with --max-chars {chars}"
    )


def learned_from_env() -> bool:
    """False when CLAIMTRACK_LEARNED=0 (the rules alone), read by the entry points."""
    return os.environ.get(ENV_LEARNED, "1") != "0"


def prepare_each(
    jobs: list[Job], learned: bool = True, topics: list[TopicDef] | None = None
) -> list[Ready]:
    """Each document of a batch made ready to store: its language told (unless given), its
    claims extracted when it is English, and prepared (store/prepare.py) with the taxonomy
    TOPICS (None: the worker process's). Runs in a worker process, or in this one."""
    topics = _TOPICS if topics is None else topics
    languages = [job.language if job.told else job.language or detect(job.text) for job in jobs]
    english = [job for job, language in zip(jobs, languages, strict=True) if is_english(language)]
    found = iter(extract_each([(job.text, job.published, job.outlet) for job in english], learned))
    out = []
    for job, language in zip(jobs, languages, strict=True):
        claims = next(found) if is_english(language) else []
        out.append(Ready(language, _prepared(job, claims, topics)))
    return out


def _prepared(job: Job, claims: Outcome_, topics: list[TopicDef]) -> Prepared | Exception:
    if isinstance(claims, Exception):
        return claims
    try:
        return prepare_to_store(job.text, job.headline, claims, topics)
    except Exception as exc:  # noqa: BLE001 - this document fails, the others go on
        return ExtractionFailed(repr(exc))


def extract_each(items: list[Item], learned: bool = True) -> list[Outcome_]:
    """Claims for each (text, published, outlet) of a batch; a document the extractor fails
    on gets its error instead (as ExtractionFailed), so one bad document never fails the
    others."""
    if not items:
        return []
    try:
        return list(extract_batch(items, learned=learned))
    except UserError:  # a missing model file stops the job
        raise
    except Exception:  # noqa: BLE001 - retried one by one to find the culprit
        out: list[Outcome_] = []
        for text, published, outlet in items:
            try:
                out.append(extract(text, published, outlet=outlet, learned=learned))
            except Exception as exc:  # noqa: BLE001
                out.append(ExtractionFailed(repr(exc)))
        return out


def _stopped(
    result: IngestResult,
    path: str | None,
    exc: DatabaseError,
    report: Callable[[str | None, str], None],
) -> IngestResult:
    """End the run on an error of the database itself (read-only, locked or unreachable
    after the retries): the next documents would fail the same way. What is stored stays."""
    result.failed += 1
    result.errors.append(
        f"{path or '<stdin>'}: not stored: {exc}; stopped there: run the same command again "
        "to ingest the rest (documents already stored are skipped)"
    )
    report(path, "failed")
    return result


def store_once(
    engine: Engine,
    doc: Document,
    claims: list[FoundClaim],
    topics: list[TopicDef],
    digest: str,
    *,
    fetched_url: str | None = None,
    language: str | None = None,
    stored: list[int] | None = None,
    prepared: Prepared | None = None,
) -> int | None:
    """Store DOC in one transaction (tried again after a transient error, see
    run_transaction) and return how many claims were stored (a claim the extractor gave
    twice is stored once); None if its text is already stored (maybe by a concurrent
    ingest). The new source's id is added to STORED, when given. PREPARED: CLAIMS made
    ready (store/prepare.py) already, else they are here."""
    made: list[int] = []

    def step(session: Session) -> int | None:
        made.clear()
        if source_exists(session, digest):
            return None
        source = store_document(
            session,
            doc,
            claims,
            topics,
            digest,
            fetched_url=fetched_url,
            language=language,
            prepared=prepared,
        )
        made.append(source.id)
        return session.scalar(
            select(func.count(StoredClaim.id)).where(StoredClaim.source_id == source.id)
        )

    count = run_transaction(engine, step)
    if stored is not None:
        stored.extend(made)
    return count


# ---- feed subscriptions -------------------------------------------------------------------


@dataclass
class PollResult:
    """One feed's poll: what happened, in a few words, and the ingest of its articles."""

    feed_id: int
    url: str
    outcome: str  # "unchanged", "3 articles: 2 added, 1 skipped, 0 failed", or the error
    failed: bool = False
    ingested: IngestResult | None = None


def poll_feeds(
    engine: Engine,
    *,
    policy: FetchPolicy | None = None,
    taxonomy_path: str | None = None,
    on_done: Callable[[str, str], None] | None = None,
    on_feed: Callable[[str, int], None] | None = None,
    on_polled: Callable[[PollResult], None] | None = None,
    learned: bool = True,
) -> list[PollResult]:
    """Poll every subscribed feed once: a conditional request (ETag, Last-Modified), so an
    unchanged feed costs one 304; the articles of a changed one are ingested (those already
    stored are skipped without a request). The validators of the answer are kept only when
    every article was read, so an article that failed is tried again at the next poll.
    ``learned``: the learned models take part in extraction, as for ``ingest``."""
    from claimtrack.store.feeds import feeds

    def state(session: Session) -> list[tuple[int, str, str | None, str | None]]:
        return [(f.id, f.url, f.etag, f.last_modified) for f in feeds(session)]

    results = []
    with Fetcher(policy or FetchPolicy()) as fetcher:
        for feed_id, url, etag, last_modified in run_transaction(engine, state):
            polled = _poll_one(
                engine,
                fetcher,
                (feed_id, url, etag, last_modified),
                taxonomy_path,
                learned,
                on_done,
                on_feed,
            )
            results.append(polled)
            if on_polled:
                on_polled(polled)
    return results


def _poll_one(
    engine: Engine,
    fetcher: Fetcher,
    feed_state: tuple[int, str, str | None, str | None],
    taxonomy_path: str | None,
    learned: bool,
    on_done: Callable[[str, str], None] | None,
    on_feed: Callable[[str, int], None] | None,
) -> PollResult:
    """One feed (id, URL, ETag, Last-Modified) polled, its new articles ingested."""
    from claimtrack.io.feeds import FeedError, is_feed, parse_feed
    from claimtrack.io.fetch import FetchError
    from claimtrack.io.readers import feed_entries
    from claimtrack.store.feeds import record_poll

    feed_id, url, etag, last_modified = feed_state

    def record(outcome: str, **kwargs) -> None:  # noqa: ANN003
        run_transaction(engine, lambda session: record_poll(session, feed_id, outcome, **kwargs))

    try:
        fetched = fetcher.get(url, etag=etag, last_modified=last_modified)
        if fetched.not_modified:
            record("unchanged")
            return PollResult(feed_id, url, "unchanged")
        if not is_feed(fetched.body):
            raise FeedError("not an RSS or Atom feed")
        feed = parse_feed(fetched.body, base=fetched.final_url)
    except (FetchError, FeedError) as exc:
        record(f"failed: {exc}")
        return PollResult(feed_id, url, str(exc), failed=True)
    if on_feed:
        on_feed(url, len(feed.entries))
    read = FeedRead(url, feed)
    entries: list[Entry] = []
    link_errors: list[str] = []
    for linked in feed_entries(read):
        if isinstance(linked, ReadError):
            link_errors.append(str(linked))
        else:
            entries.append(linked)
    ingested = ingest(
        engine, entries, None, taxonomy_path, on_done, fetcher=fetcher, learned=learned
    )
    ingested.failed += len(link_errors)
    ingested.errors[:0] = link_errors
    count = len(feed.entries)
    outcome = (
        f"{count} article{'' if count == 1 else 's'}: {ingested.added} added, "
        f"{ingested.skipped} skipped, {ingested.failed} failed"
    )
    record(
        outcome,
        title=feed.title,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        validators=not ingested.failed,
    )
    return PollResult(feed_id, url, outcome, failed=bool(ingested.failed), ingested=ingested)


# ---- re-extraction ------------------------------------------------------------------------


def reextract(
    engine: Engine,
    which: list[str] | None = None,
    *,
    learned: bool = True,
    on_done: Callable[[int], None] | None = None,
) -> Outcome:
    """Run the extractor again on the stored sources (WHICH: ids or parts of title, outlet,
    path or URL; default all), one transaction each, keeping every human decision (see
    claimtrack.curate.reextract)."""

    def ids(session: Session) -> list[int]:
        if not which:
            return list(session.scalars(select(Source.id).order_by(Source.id)))
        return sorted({get_source(session, w).id for w in which})

    total = Outcome(sources=0)
    for source_id in run_transaction(engine, ids):
        text, published, language, outlet = run_transaction(
            engine, lambda s, i=source_id: _source_text(s, i)
        )
        english = is_english(language)
        found = extract(text, published, outlet=outlet, learned=learned) if english else []

        def step(session: Session, i: int = source_id, found: list = found) -> Outcome:
            source = session.get(Source, i)
            assert source is not None
            return reextract_source(session, source, found, ensure_taxonomy(session))

        done = run_transaction(engine, step)
        total.sources += 1
        total.added += done.added
        total.updated += done.updated
        total.removed += done.removed
        total.kept += done.kept
        total.unmatched += done.unmatched
        if on_done:
            on_done(source_id)
    return total


def _source_text(session: Session, source_id: int) -> tuple[str, object, str | None, str | None]:
    source = session.get(Source, source_id)
    assert source is not None
    return source.text, source.published_on, source.language, source.outlet
