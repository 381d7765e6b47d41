"""The ingest job: read documents, extract their claims, store each in one transaction.

Streaming: documents are read lazily and extracted in small batches, so memory stays
flat however many files are given. Documents whose text is already stored (same content
hash) are skipped before extraction, so an interrupted run can simply be run again.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.extract import extract, extract_batch
from claimtrack.extract.types import FoundClaim
from claimtrack.io.document import Document
from claimtrack.io.readers import Entry, ReadError, iter_documents
from claimtrack.store.engine import DatabaseError, run_transaction
from claimtrack.store.models import Claim as StoredClaim
from claimtrack.store.taxonomy import TopicDef
from claimtrack.store.writes import content_hash, ensure_taxonomy, source_exists, store_document

BATCH = 8
# The longest document ingest takes, in characters (--max-chars): 58 times the longest article
# of PolNeAR (34,309 characters), room for a book-length report. Extraction is linear; at this
# size it took 66 to 77 s and 1.0 to 2.0 GB at peak on one core (in paragraphs, in one
# paragraph). A longer text is most likely no article (a dump, a log): it fails with one
# line, and the other documents go in.
MAX_CHARS = 2_000_000
ENV_LEARNED = "CLAIMTRACK_LEARNED"  # 0: extract with the rules alone


@dataclass
class IngestResult:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. which encoding a file was read in


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
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
    learned: bool = True,
) -> IngestResult:
    """Ingest ENTRIES into the database; ``on_done(path, outcome)`` reports each document.
        ENCODING is the user's for every entry; without it each file's is told from its bytes
        (``result.notes`` says which, when not UTF-8). A document longer than ``max_chars``
        characters fails (with a message) before extraction. ``learned``: the learned models take
    part in extraction (see claimtrack.extract; ``learned_from_env`` reads CLAIMTRACK_LEARNED)."""
    result = IngestResult()
    topics = run_transaction(engine, lambda session: ensure_taxonomy(session, taxonomy_path))

    def report(path: str | None, outcome: str) -> None:
        if on_done:
            on_done(path or "<stdin>", outcome)

    documents = iter_documents(entries, overrides, encoding, result.notes.append)
    for batch in _batches(documents, BATCH):
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
            try:
                exists = run_transaction(engine, partial(source_exists, digest=digest))
            except DatabaseError as exc:
                return _stopped(result, item.path, exc, report)
            if exists or any(d == digest for _, d in todo):
                result.skipped += 1
                report(item.path, "skipped")
                continue
            todo.append((item, digest))
        for (doc, digest), claims in zip(todo, extract_each(todo, learned), strict=True):
            if isinstance(claims, Exception):
                result.failed += 1
                result.errors.append(
                    f"{doc.path}: extraction failed ({claims!r}); please report it"
                )
                report(doc.path, "failed")
                continue
            try:
                stored = store_once(engine, doc, claims, topics, digest)
            except DatabaseError as exc:
                if not exc.about_data:
                    return _stopped(result, doc.path, exc, report)
                result.failed += 1  # this document's data was refused; the others go on
                result.errors.append(f"{doc.path}: not stored: {exc}")
                report(doc.path, "failed")
                continue
            if stored is None:
                result.skipped += 1
                report(doc.path, "skipped")
                continue
            result.added += 1
            result.claims += stored
            report(doc.path, "added")
    return result


def too_long(path: str | None, chars: int, max_chars: int) -> str:
    return (
        f"{path or '<stdin>'}: {chars:,} characters, over the limit of {max_chars:,} a document; "
        f"split it, or raise the limit with --max-chars {chars}"
    )


def learned_from_env() -> bool:
    """False when CLAIMTRACK_LEARNED=0 (the rules alone), read by the entry points."""
    return os.environ.get(ENV_LEARNED, "1") != "0"


def extract_each(
    todo: list[tuple[Document, str]], learned: bool = True
) -> list[list[FoundClaim] | Exception]:
    """Claims for each document of a batch; a document the extractor fails on gets its
    exception instead, so one bad document never fails the others (a missing model file,
    a UserError, stops the job)."""
    try:
        return list(extract_batch(((doc.text, doc.published) for doc, _ in todo), learned=learned))
    except UserError:
        raise
    except Exception:  # noqa: BLE001 - retried one by one to find the culprit
        out: list[list[FoundClaim] | Exception] = []
        for doc, _ in todo:
            try:
                out.append(extract(doc.text, doc.published, learned=learned))
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
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
    engine: Engine, doc: Document, claims: list[FoundClaim], topics: list[TopicDef], digest: str
) -> int | None:
    """Store DOC in one transaction (tried again after a transient error, see
    run_transaction) and return how many claims were stored (a claim the extractor gave
    twice is stored once); None if its text is already stored (maybe by a concurrent
    ingest)."""

    def step(session: Session) -> int | None:
        if source_exists(session, digest):
            return None
        source = store_document(session, doc, claims, topics, digest)
        return session.scalar(
            select(func.count(StoredClaim.id)).where(StoredClaim.source_id == source.id)
        )

    return run_transaction(engine, step)
