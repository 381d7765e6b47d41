"""The ingest job: read documents, extract their claims, store each in one transaction.

Streaming: documents are read lazily and extracted in small batches, so memory stays
flat however many files are given. Documents whose text is already stored (same content
hash) are skipped before extraction, so an interrupted run can simply be run again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from claimtrack.db import session_scope
from claimtrack.extract import extract, extract_batch
from claimtrack.extract.types import Claim, Document
from claimtrack.readers import Entry, ReadError, iter_documents
from claimtrack.store import content_hash, ensure_taxonomy, source_exists, store_document
from claimtrack.topics import TopicDef

BATCH = 8
# The longest document ingest takes, in characters (--max-chars): 58 times the longest article
# of PolNeAR (34,309 characters), room for a book-length report. Extraction is linear; at this
# size it took 66 to 77 s and 1.0 to 2.0 GB at peak on one core (in paragraphs, in one
# paragraph). A longer text is most likely no article (a dump, a log): it fails with one
# line, and the other documents go in.
MAX_CHARS = 2_000_000
T = TypeVar("T")


@dataclass
class IngestResult:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    engine: Engine,
    entries: Iterable[Entry],
    overrides: dict[str, str] | None = None,
    taxonomy_path: str | None = None,
    on_done: Callable[[str, str], None] | None = None,
    max_chars: int = MAX_CHARS,
) -> IngestResult:
    """Ingest ENTRIES into the database; ``on_done(path, outcome)`` reports each document.
    A document longer than ``max_chars`` characters fails (with a message) before extraction."""
    result = IngestResult()
    topics = retry_conflicts(lambda: _taxonomy(engine, taxonomy_path))

    def report(path: str | None, outcome: str) -> None:
        if on_done:
            on_done(path or "<stdin>", outcome)

    for batch in _batches(iter_documents(entries, overrides), BATCH):
        todo: list[tuple[Document, str]] = []
        for item in batch:
            if isinstance(item, ReadError):
                result.failed += 1
                result.errors.append(str(item))
                report(None, "failed")
                continue
            if len(item.text) > max_chars:
                result.failed += 1
                result.errors.append(too_long(item.path, len(item.text), max_chars))
                report(item.path, "failed")
                continue
            digest = content_hash(item.text)
            with session_scope(engine) as session:
                exists = source_exists(session, digest)
            if exists or any(d == digest for _, d in todo):
                result.skipped += 1
                report(item.path, "skipped")
                continue
            todo.append((item, digest))
        for (doc, digest), claims in zip(todo, extract_each(todo), strict=True):
            if isinstance(claims, Exception):
                result.failed += 1
                result.errors.append(
                    f"{doc.path}: extraction failed ({claims!r}); please report it"
                )
                report(doc.path, "failed")
                continue
            if not store_once(engine, doc, claims, topics, digest):
                result.skipped += 1
                report(doc.path, "skipped")
                continue
            result.added += 1
            result.claims += len(claims)
            report(doc.path, "added")
    return result


def too_long(path: str | None, chars: int, max_chars: int) -> str:
    return (
        f"{path or '<stdin>'}: {chars:,} characters, over the limit of {max_chars:,} a document; "
        f"split it, or raise the limit with --max-chars {chars}"
    )


def extract_each(todo: list[tuple[Document, str]]) -> list[list[Claim] | Exception]:
    """Claims for each document of a batch; a document the extractor fails on gets its
    exception instead, so one bad document never fails the others."""
    try:
        return list(extract_batch((doc.text, doc.published) for doc, _ in todo))
    except Exception:  # noqa: BLE001 - retried one by one to find the culprit
        out: list[list[Claim] | Exception] = []
        for doc, _ in todo:
            try:
                out.append(extract(doc.text, doc.published))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


def _taxonomy(engine: Engine, taxonomy_path: str | None) -> list[TopicDef]:
    with session_scope(engine) as session:
        return ensure_taxonomy(session, taxonomy_path)


def retry_conflicts(step: Callable[[], T], attempts: int = 5) -> T:
    """Run a transaction again when a concurrent one inserted the same row first (the
    second try finds that row: a topic, an actor, an alias)."""
    for attempt in range(attempts):
        try:
            return step()
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def store_once(
    engine: Engine, doc: Document, claims: list[Claim], topics: list[TopicDef], digest: str
) -> bool:
    """Store DOC in one transaction; False if its text is already stored (maybe by a
    concurrent ingest)."""

    def step() -> bool:
        with session_scope(engine) as session:
            if source_exists(session, digest):
                return False
            store_document(session, doc, claims, topics, digest)
            return True

    return retry_conflicts(step)
