"""A day a user or a document gives as YYYY-MM-DD (the command line's --since, a manifest's
published column, front matter): one parser, light enough for option parsing (no readers,
no yaml: a query command loads neither)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claimtrack.errors import UserError

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")


def parse_date(value: Any, *, what: str = "date") -> dt.date | None:
    """ISO date (YYYY-MM-DD, or a datetime starting with one) -> date; UserError if bad."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        why = "there is no such day; " if _ISO_DAY.match(text) else ""
        raise UserError(f"bad {what} {text!r}: {why}use YYYY-MM-DD, e.g. 2025-08-14") from None
