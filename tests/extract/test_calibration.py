"""Calibrated confidence (claimtrack/extract/calibration.py, evaluate/calibrate.py): the map
is monotone, linear between its points, flat beyond them, and fitted by pooling."""

from __future__ import annotations

import pytest

from claimtrack.evaluate.calibrate import ece, isotonic
from claimtrack.extract.calibration import calibrated, points


def test_calibrated_is_linear_between_points_and_flat_beyond() -> None:
    table = ((0.4, 0.6, 0.8), (0.3, 0.5, 0.9))
    assert calibrated(0.2, table) == 0.3
    assert calibrated(0.95, table) == 0.9
    assert calibrated(0.5, table) == pytest.approx(0.4)
    assert calibrated(0.7, table) == pytest.approx(0.7)


def test_the_shipped_table_only_rises_and_stays_within_zero_and_one() -> None:
    xs, ys = points()
    assert list(xs) == sorted(xs) and list(ys) == sorted(ys)
    assert all(0.0 <= y <= 1.0 for y in ys)


def test_isotonic_pools_a_bin_that_would_fall() -> None:
    # raw 0.1: 1 of 2 right; raw 0.5: 0 of 2 right (lower: pooled with the first); raw 0.9: 2 of 2
    pairs = [(0.1, True), (0.1, False), (0.5, False), (0.5, False), (0.9, True), (0.9, True)]
    fitted = isotonic(pairs, bins=3)
    assert fitted == [
        (pytest.approx(0.3), pytest.approx(0.25)),
        (pytest.approx(0.9), 0.98),
    ]  # a ceiling


def test_ece_weighs_each_bins_gap_by_its_size() -> None:
    right_at_80 = [(0.8, True)] * 4 + [(0.8, False)]  # 80% right at 0.8: no gap
    assert ece(right_at_80) == pytest.approx(0.0)
    # 0.9 but half right (gap 0.4, 2 of 4 claims) and 0.1 never right (gap 0.1, 2 of 4)
    pairs = [(0.9, True), (0.9, False), (0.1, False), (0.1, False)]
    assert ece(pairs) == pytest.approx(0.25)
    assert ece([]) == 0.0
