"""Run an extractor over a gold corpus and score it: ``evaluate_corpus(corpus) -> Report``."""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.errors import UserError
from claimtrack.evaluate.speakers import (
    SpeakerScore,
    load_speaker_gold,
    score_speakers,
    stored_rows,
)
from claimtrack.extract.learned.corpus import ENV_CORPUS, GoldDoc, default_corpus, load_corpus
from claimtrack.extract.learned.score import DocScore, Totals, score_document, total
from claimtrack.extract.types import FoundClaim

__all__ = ["ENV_CORPUS", "Extractor", "Report", "default_corpus", "evaluate_corpus"]

WARM_UP = "The minister said on Tuesday that the bridge would reopen."
Extractor = Callable[[Iterable[tuple[str, dt.date | None]]], Iterator[list[FoundClaim]]]


@dataclass(slots=True)
class Report:
    corpus: str
    totals: Totals
    docs: list[GoldDoc]
    claims: list[list[FoundClaim]]
    scores: list[DocScore]
    words: int
    seconds: float  # extraction only
    failures: list[str] = field(default_factory=list)  # articles whose extraction raised
    learned: bool = True  # the learned models took part (the default extractor only)
    speakers: SpeakerScore | None = None  # who spoke, when the corpus has resolved-speaker gold

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    @property
    def articles_per_second(self) -> float:
        return len(self.docs) / self.seconds if self.seconds > 0 else 0.0

    @property
    def gold_relations(self) -> int:
        return sum(len(d.relations) for d in self.docs)

    @property
    def dropped(self) -> int:
        return sum(d.dropped for d in self.docs)

    @property
    def predicted(self) -> int:
        return sum(len(c) for c in self.claims)


def _default_extractor(learned: bool) -> Extractor:
    from claimtrack.extract import extract_batch

    return functools.partial(extract_batch, learned=learned)


def _extract_all(
    extractor: Extractor, items: list[tuple[str, dt.date | None]], names: list[str]
) -> tuple[list[list[FoundClaim]], float, list[str]]:
    """``_extract_each`` on one core (numpy's BLAS kept to one thread)."""
    from claimtrack.extract.nlp import one_core

    with one_core():
        return _extract_each(extractor, items, names)


def _extract_each(
    extractor: Extractor, items: list[tuple[str, dt.date | None]], names: list[str]
) -> tuple[list[list[FoundClaim]], float, list[str]]:
    """Claims per document and the seconds spent extracting; one failing article does not
    sink the run (on an error the batch is redone article by article).
    NotImplementedError propagates: there is no extractor to score yet."""
    try:  # untimed warm-up: loading the model is not extraction speed
        list(extractor([(WARM_UP, None)]))
    except (NotImplementedError, UserError):  # no extractor yet; a missing model file
        raise
    except Exception:  # the real run reports failures
        pass
    start = time.perf_counter()
    try:
        out = list(extractor(items))
        if len(out) == len(items):
            return out, time.perf_counter() - start, []
    except (NotImplementedError, UserError):  # no extractor yet; a missing model file
        raise
    except Exception:  # fall back to one article at a time
        pass
    out, failures = [], []
    start = time.perf_counter()
    for item, name in zip(items, names, strict=True):
        try:
            got = list(extractor([item]))
            out.append(got[0] if got else [])
        except NotImplementedError:
            raise
        except Exception:  # a broken article is counted, not fatal
            failures.append(name)
            out.append([])
    return out, time.perf_counter() - start, failures


def evaluate_corpus(
    corpus: Path,
    *,
    limit: int | None = None,
    extractor: Extractor | None = None,
    learned: bool = True,
    speaker_gold: Path | None = None,
    keep_db: Path | None = None,
) -> Report:
    """Extract claims from every article of a split folder and score them against its gold.

    ``extractor`` defaults to ``claimtrack.extract.extract_batch``; only its call over the
    corpus is timed, on one core, after an untimed one-sentence warm-up (model loading).
    """
    docs = load_corpus(corpus, limit)
    items = [(d.text, d.published) for d in docs]
    claims, seconds, failures = _extract_all(
        extractor or _default_extractor(learned), items, [d.name for d in docs]
    )
    scores = [
        score_document(d.text, c, d.relations, d.name) for d, c in zip(docs, claims, strict=True)
    ]
    speakers = None
    if speaker_gold is not None:
        rows = stored_rows(docs, claims, keep_db)
        names = {d.name for d in docs}
        gold = {k: v for k, v in load_speaker_gold(speaker_gold).items() if k in names}
        speakers = score_speakers(gold, rows)
    return Report(
        corpus=str(corpus),
        totals=total(scores),
        docs=docs,
        claims=claims,
        scores=scores,
        words=sum(len(d.text.split()) for d in docs),
        seconds=seconds,
        failures=failures,
        learned=learned,
        speakers=speakers,
    )
