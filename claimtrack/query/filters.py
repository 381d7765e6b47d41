"""What a claim listing asks for: the ClaimFilter that who-said, timeline, export and the web
pages fill, and query/claims.py answers (plain data: no database library is imported)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimFilter:
    topic: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    source: str | None = None
    search: str | None = None
    attribution: str | None = None
    status: str | None = None
    limit: int | None = None
    outlet: str | None = None  # exactly (case and spacing forgiven), not a part of it
    published_since: dt.date | None = None
    published_until: dt.date | None = None
    min_confidence: float | None = None
    said_only: bool = False  # --since/--until on the day said only, not the best day known
    include_rejected: bool = False
    # the date order backwards (the same indexes, read from the end); a claim reported by
    # several sources is then listed by its latest matching appearance
    newest_first: bool = False
    # a later page: the claims listed after the one this cursor names (query/claims.py
    # cursor_of: its place in the listing's order), read from the same index, not skipped
    after: str | None = None
