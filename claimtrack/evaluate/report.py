"""A Report as data: a plain dict of the figures (``as_dict``, for --json and the table of
``claimtrack eval``), the precision by how claims were found, and sample errors to read.
Nothing here prints: claimtrack/cli/evaluate.py renders the figures."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from claimtrack.evaluate.run import Report
from claimtrack.extract.learned.score import KINDS, Counts, content_text, overlaps

__all__ = ["ErrorSample", "as_dict", "found_by", "sample_errors"]


def _prf(c: Counts) -> dict[str, Any]:
    return {
        "precision": round(c.precision, 4),
        "recall": round(c.recall, 4),
        "f1": round(c.f1, 4),
        "pred_hits": c.pred_hits,
        "n_pred": c.n_pred,
        "gold_hits": c.gold_hits,
        "n_gold": c.n_gold,
    }


def found_by(report: Report) -> dict[str, dict[str, Any]]:
    """Claims and relaxed matches by how each claim was found (the rules, the detector)."""
    out: dict[str, dict[str, Any]] = {}
    for claims, sc in zip(report.claims, report.scores, strict=True):
        matched = {ci for ci, _, _ in sc.matches}
        for ci, c in enumerate(claims):
            row = out.setdefault(c.found_by, {"claims": 0, "matched": 0})
            row["claims"] += 1
            row["matched"] += ci in matched
    for row in out.values():
        row["precision"] = round(row["matched"] / row["claims"], 4)
    return dict(sorted(out.items(), key=lambda kv: kv[0] != "rules"))


def as_dict(report: Report) -> dict[str, Any]:
    t = report.totals
    return {
        "corpus": report.corpus,
        "articles": len(report.docs),
        "gold_relations": report.gold_relations,
        "gold_relations_dropped": report.dropped,
        "predicted_claims": report.predicted,
        "extraction_failures": report.failures,
        "learned_models": report.learned,
        "relaxed": _prf(t.relaxed),
        "full": _prf(t.full),
        "speaker_accuracy": round(t.speaker_accuracy, 4),
        "speaker_n": t.speaker_total,
        "exact": {k: _prf(c) for k, c in t.exact.items()},
        "by_kind": {k: {lvl: _prf(c) for lvl, c in t.kinds[k].items()} for k in KINDS},
        "found_by": found_by(report),
        "speakers": report.speakers.as_dict() if report.speakers is not None else None,
        "speed": {
            "words": report.words,
            "seconds": round(report.seconds, 3),
            "words_per_second": round(report.words_per_second, 1),
            "articles_per_second": round(report.articles_per_second, 2),
        },
    }


def _snip(text: str, start: int, end: int, width: int = 160) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= width else s[: width - 1] + "…"


@dataclass(frozen=True, slots=True)
class ErrorSample:
    """Errors of one kind: how many there are, and a random sample of them as the texts of
    their spans (each a dict of plain strings, but ``f1``)."""

    total: int
    samples: list[dict[str, Any]]


def sample_errors(report: Report, n: int, seed: int = 0) -> dict[str, ErrorSample]:
    """N sampled misses, spurious claims and relaxed-but-not-full matches: ``missed``
    (article, source, cue, content of the gold relation), ``spurious`` (article, speaker,
    cue, content of the claim) and ``partial`` (article, f1, speaker and cue of the claim,
    gold_source and gold_cue); "-" for a span there is not."""
    rng = random.Random(seed)
    missed, spurious, partial = [], [], []
    for doc, claims, sc in zip(report.docs, report.claims, report.scores, strict=True):
        missed += [(doc, doc.relations[g]) for g in sc.missed]
        spurious += [(doc, claims[c]) for c in sc.spurious]
        for ci, gi, f in sc.matches:
            claim, rel = claims[ci], doc.relations[gi]
            src_ok = rel.source is None or overlaps(claim.speaker.mention, rel.source)
            cue_ok = rel.cue is None or overlaps(claim.cue, rel.cue)
            if not (src_ok and cue_ok):
                partial.append((doc, claim, rel, f))

    def pick(xs: list) -> list:
        return rng.sample(xs, min(n, len(xs)))

    def span(text: str, s: Any) -> str:
        return _snip(text, s.start, s.end) if s else "-"

    return {
        "missed": ErrorSample(
            len(missed),
            [
                {
                    "article": doc.name,
                    "source": span(doc.text, rel.source),
                    "cue": span(doc.text, rel.cue),
                    "content": _snip(rel.content.text(doc.text), 0, 10**9),
                }
                for doc, rel in pick(missed)
            ],
        ),
        "spurious": ErrorSample(
            len(spurious),
            [
                {
                    "article": doc.name,
                    "speaker": span(doc.text, c.speaker.mention),
                    "cue": span(doc.text, c.cue),
                    "content": _snip(content_text(doc.text, c), 0, 10**9),
                }
                for doc, c in pick(spurious)
            ],
        ),
        "partial": ErrorSample(
            len(partial),
            [
                {
                    "article": doc.name,
                    "f1": f,
                    "speaker": span(doc.text, c.speaker.mention),
                    "cue": span(doc.text, c.cue),
                    "gold_source": span(doc.text, rel.source),
                    "gold_cue": span(doc.text, rel.cue),
                }
                for doc, c, rel, f in pick(partial)
            ],
        ),
    }
