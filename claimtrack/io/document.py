"""A source as read from disk, stdin or a manifest, before extraction: what the readers
produce and the store records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class Document:
    """A source as read from disk, stdin or a manifest, before extraction."""

    text: str
    path: str | None = None
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None
    meta: dict[str, str] = field(default_factory=dict)
