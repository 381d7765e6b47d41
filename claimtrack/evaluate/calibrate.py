"""Fit ``extract/data/calibration.tsv``: run the extractor (raw confidences) over PolNeAR
train, and map each raw confidence to the share of claims at it that fully match a gold
attribution, by isotonic regression (pool adjacent violators) over BINS equal-count bins.

    python -m claimtrack.evaluate.calibrate [CORPUS]     # (part of make train-models)
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from claimtrack.evaluate.run import evaluate_corpus
from claimtrack.extract.calibration import TABLE, calibrated
from claimtrack.extract.learned.corpus import default_corpus
from claimtrack.extract.learned.score import overlaps

BINS = 12
CEILING = 0.98  # no claim is certain: the best bins of train were all but one right


def outcomes(report) -> list[tuple[float, bool]]:  # noqa: ANN001 - a run.Report
    """(raw confidence, fully right) for every predicted claim of a report."""
    out = []
    for doc, claims, score in zip(report.docs, report.claims, report.scores, strict=True):
        matched = {ci: gi for ci, gi, _ in score.matches}
        for ci, c in enumerate(claims):
            right = False
            if ci in matched:
                rel = doc.relations[matched[ci]]
                right = (rel.source is None or overlaps(c.speaker.mention, rel.source)) and (
                    rel.cue is None or overlaps(c.cue, rel.cue)
                )
            out.append((c.raw_confidence, right))
    return out


def isotonic(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> list[tuple[float, float]]:
    """(mean raw score, share right) per bin, made non-decreasing by pooling neighbours."""
    pairs = sorted(pairs)
    size = max(1, len(pairs) // bins)
    blocks = [pairs[i : i + size] for i in range(0, len(pairs), size)]
    # each block: [sum of raw, sum right, count]
    pooled: list[list[float]] = []
    for b in blocks:
        pooled.append([sum(x for x, _ in b), sum(y for _, y in b), len(b)])
        while len(pooled) > 1 and pooled[-2][1] / pooled[-2][2] > pooled[-1][1] / pooled[-1][2]:
            last = pooled.pop()
            pooled[-1] = [a + b for a, b in zip(pooled[-1], last, strict=True)]
    return [(s / n, min(r / n, CEILING)) for s, r, n in pooled]


def ece(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error of (confidence, right) pairs: over equal-width confidence
    bins, the gap between mean confidence and share right, weighted by the bin's size."""
    if not pairs:
        return 0.0
    sums: dict[int, list[float]] = {}
    for conf, right in pairs:
        b = sums.setdefault(min(int(conf * bins), bins - 1), [0.0, 0.0, 0.0])
        b[0] += conf
        b[1] += right
        b[2] += 1
    return sum(abs(c - r) for c, r, _ in sums.values()) / len(pairs)


def write_table(fitted: list[tuple[float, float]], corpus: str, out: Path = TABLE) -> None:
    header = (
        f"# raw confidence -> share fully right on {corpus} (isotonic, {BINS} bins, at most "
        f"{CEILING}); built by claimtrack.evaluate.calibrate\n"
    )
    out.write_text(header + "".join(f"{x:.4f}\t{y:.4f}\n" for x, y in fitted), encoding="utf-8")


def main(corpus: Path | None = None, out: Path = TABLE) -> None:
    corpus = corpus or default_corpus().parent / "train"
    pairs = outcomes(evaluate_corpus(corpus))
    fitted = isotonic(pairs)
    write_table(fitted, corpus.name, out)
    table = (tuple(x for x, _ in fitted), tuple(y for _, y in fitted))
    error = ece([(calibrated(x, table), y) for x, y in pairs])
    print(
        f"{len(fitted)} points -> {out}; expected calibration error on {corpus.name}: {error:.3f}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
