"""Attributed-claim extraction: text in, claims with character spans out.

Public API (stable; the store and the evaluation harness rely on it):

    extract(text, published=None) -> list[Claim]
    extract_batch(items) -> Iterator[list[Claim]]   # items: iterable of (text, published)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from claimtrack.extract.types import Claim


def extract(text: str, published: dt.date | None = None) -> list[Claim]:
    return next(extract_batch([(text, published)]))


def extract_batch(items: Iterable[tuple[str, dt.date | None]]) -> Iterator[list[Claim]]:
    raise NotImplementedError
