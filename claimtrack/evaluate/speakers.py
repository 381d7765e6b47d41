"""Who spoke, scored: the corpus stored as ONE database (so one actor must serve one real
speaker across articles), exported as the export contract's rows, and scored against
resolved-speaker gold (``speakers-dev.json``: every gold Source span with who it refers to).

The figures are those of the reference scorer (``shared/tools/speaker_score.py``):

- coverage: gold sources (but "?" ones) with an overlapping predicted speaker span;
- named (exact): of those with a named gold speaker, the share whose stored speaker folds
  to the gold name (case, accents, titles, middle initials, a leading "the" and a possessive
  's left out); several gold speakers ("A & B") are right when every surname is in the name;
- named (lenient): the surname alone, or the gold name with extra words, also counts;
- unnamed: of those with an unnamed gold speaker ("-"), the share stored without a named
  speaker (no speaker, or one of kind ``unnamed``);
- actors B-cubed P/R/F1: over the named ones, across the corpus, whether one real speaker's
  spans land on one stored speaker (R) and one stored speaker holds one real speaker (P).

The first predicted claim in export order whose speaker span overlaps a gold span stands for it.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimtrack.extract.learned.corpus import GoldDoc
from claimtrack.extract.types import FoundClaim
from claimtrack.io.document import Document
from claimtrack.query.claims import ClaimFilter, iter_rows
from claimtrack.store.engine import create_schema, make_engine, run_transaction
from claimtrack.store.resolve import resolve_after
from claimtrack.store.writes import ensure_taxonomy, store_document

__all__ = [
    "SpeakerScore",
    "fold_name",
    "load_speaker_gold",
    "score_speakers",
    "speaker_gold_for",
    "stored_rows",
]

FOLD_DROP = frozenset(
    "mr mrs ms miss dr sen senator rep representative gov governor president vice former "
    "secretary gen general the".split()
)
UNKNOWN, UNNAMED = "?", "-"


def speaker_gold_for(corpus: Path) -> Path | None:
    """``<corpus>/../speakers-<split>.json`` when it exists (PolNeAR dev has one)."""
    path = corpus.parent / f"speakers-{corpus.name}.json"
    return path if path.is_file() else None


def load_speaker_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Article stem -> its gold Source spans ({start, end, canonical, kind, ...})."""
    return json.loads(path.read_text(encoding="utf-8"))["documents"]


def fold_name(name: str | None) -> str:
    """A name as the scorer compares it: "Mrs. Hillary R. Clinton's" -> "hillary clinton"."""
    s = (name or "").replace("\u2019", "'")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"'s\b", "", s).replace("'", "")
    words = [w for w in re.findall(r"[a-z0-9]+", s) if w not in FOLD_DROP]
    if len(words) > 2:
        words = [w for w in words if len(w) > 1] or words  # middle initials
    return " ".join(words)


@dataclass(slots=True)
class SpeakerScore:
    gold: int = 0  # gold sources, but "?" ones
    found: int = 0
    named: int = 0
    named_right: int = 0
    named_lenient: int = 0
    unnamed: int = 0
    unnamed_right: int = 0
    bcubed: tuple[float, float, float] = (0.0, 0.0, 0.0)
    wrong: dict[tuple[str, str | None], int] = field(default_factory=dict)

    @property
    def coverage(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def named_acc(self) -> float:
        return self.named_right / self.named if self.named else 0.0

    @property
    def named_lenient_acc(self) -> float:
        return self.named_lenient / self.named if self.named else 0.0

    @property
    def unnamed_acc(self) -> float:
        return self.unnamed_right / self.unnamed if self.unnamed else 0.0

    def as_dict(self) -> dict[str, Any]:
        p, r, f = self.bcubed
        return {
            "gold_sources": self.gold,
            "found": self.found,
            "coverage": round(self.coverage, 4),
            "named": self.named,
            "named_acc": round(self.named_acc, 4),
            "named_lenient_acc": round(self.named_lenient_acc, 4),
            "unnamed": self.unnamed,
            "unnamed_acc": round(self.unnamed_acc, 4),
            "bcubed": {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)},
        }


def _stem(path: str | None) -> str:
    return Path(str(path or "")).name.removesuffix(".txt")


def _named_right(canonical: str, stored: str | None) -> tuple[bool, bool]:
    """(exact, lenient) for a named gold speaker."""
    pred = fold_name(stored)
    names = {fold_name(x) for x in canonical.split("|")}
    if "&" in canonical:
        parts = [fold_name(x).split()[-1] for x in canonical.split("&") if fold_name(x)]
        ok = bool(pred) and all(w in pred.split() for w in parts)
    else:
        ok = pred in names
    lenient = ok or any(
        pred and (pred == nm.split()[-1] or f" {nm} " in f" {pred} ") for nm in names if nm
    )
    return ok, lenient


def bcubed(items: Sequence[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of (gold cluster, predicted cluster) items."""
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(items):
        by_gold[g].add(i)
        by_pred[p].add(i)
    if not items:
        return 0.0, 0.0, 0.0
    p_sum = r_sum = 0.0
    for g, p in items:
        same = len(by_gold[g] & by_pred[p])
        p_sum += same / len(by_pred[p])
        r_sum += same / len(by_gold[g])
    prec, rec = p_sum / len(items), r_sum / len(items)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def score_speakers(
    gold: dict[str, list[dict[str, Any]]], rows: Iterable[dict[str, Any]]
) -> SpeakerScore:
    """Score export rows (``source_path``, ``speaker``, ``speaker_kind``, ``speaker_start``,
    ``speaker_end``) against resolved-speaker gold."""
    preds: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get("speaker_start") is not None:
            preds[_stem(row.get("source_path"))].append(row)
    out = SpeakerScore()
    items: list[tuple[str, str]] = []
    wrong: dict[tuple[str, str | None], int] = defaultdict(int)
    for stem, spans in gold.items():
        for g in spans:
            if g["canonical"] == UNKNOWN:
                continue
            out.gold += 1
            hit = next(
                (
                    p
                    for p in preds.get(stem, [])
                    if p["speaker_start"] < g["end"] and g["start"] < p["speaker_end"]
                ),
                None,
            )
            if hit is None:
                continue
            out.found += 1
            if g["canonical"] == UNNAMED:
                out.unnamed += 1
                ok = hit.get("speaker_kind") in (None, "unnamed") or not hit.get("speaker")
                out.unnamed_right += ok
            else:
                out.named += 1
                ok, lenient = _named_right(g["canonical"], hit.get("speaker"))
                out.named_right += ok
                out.named_lenient += lenient
                names = sorted(fold_name(x) for x in g["canonical"].split("|"))
                items.append((names[0], hit.get("speaker") or "<none>"))
            if not ok:
                wrong[(g["canonical"], hit.get("speaker"))] += 1
    out.bcubed = bcubed(items)
    out.wrong = dict(sorted(wrong.items(), key=lambda kv: -kv[1]))
    return out


def stored_rows(
    docs: Sequence[GoldDoc], claims: Sequence[Sequence[FoundClaim]], keep: Path | None = None
) -> list[dict[str, Any]]:
    """Store every article with its claims in ONE new SQLite database (as ``claimtrack
    ingest`` of the corpus folder would) and return the export rows, in export order.
    KEEP: the database file to write (it must not exist), else a temporary one."""
    with tempfile.TemporaryDirectory(prefix="claimtrack-eval-") as tmp:
        url = f"sqlite:///{keep or Path(tmp) / 'speakers.db'}"
        create_schema(url)
        engine = make_engine(url)
        try:
            topics = run_transaction(engine, ensure_taxonomy)
            stored: list[int] = []
            for doc, found in zip(docs, claims, strict=True):
                document = Document(
                    text=doc.text,
                    path=f"{doc.name}.txt",
                    published=doc.published,
                    author=doc.author,
                )
                stored.append(
                    run_transaction(
                        engine, lambda s, d=document, c=found: store_document(s, d, c, topics).id
                    )
                )
            resolve_after(engine, stored)  # as ingest ends a run of several documents
            return run_transaction(engine, lambda s: list(iter_rows(s, ClaimFilter())))
        finally:
            engine.dispose()
