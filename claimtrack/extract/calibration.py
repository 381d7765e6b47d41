"""Calibrated confidence: the share of claims at a raw confidence that are right.

The rules and the detector give each claim a raw score. ``data/calibration.tsv`` maps raw
scores to the share of PolNeAR train claims with such a score that fully match a gold
attribution (content, speaker and cue: see extract/learned/score.py), fitted monotone by
claimtrack.evaluate.calibrate; between its points the map is linear. So a claim at 0.8 is
right about 80% of the time on articles like PolNeAR's.
"""

from __future__ import annotations

import bisect
from functools import cache
from pathlib import Path

TABLE = Path(__file__).parent / "data" / "calibration.tsv"


@cache
def points(path: Path = TABLE) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(raw scores, calibrated values), raw ascending; the identity when there is no table."""
    if not path.is_file():
        return (0.0, 1.0), (0.0, 1.0)
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    return tuple(float(r[0]) for r in rows), tuple(float(r[1]) for r in rows)


def calibrated(
    raw: float, table: tuple[tuple[float, ...], tuple[float, ...]] | None = None
) -> float:
    """RAW mapped through the table, linear between its points, flat beyond its ends."""
    xs, ys = table or points()
    if raw <= xs[0]:
        return ys[0]
    if raw >= xs[-1]:
        return ys[-1]
    i = bisect.bisect_right(xs, raw)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1
