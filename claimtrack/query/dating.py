"""A claim's date at its precision: ``2016``, ``2016-03``, ``2016-03-08`` or a range.

Pure functions over the stored bounds (``said_earliest``, ``said_latest``, inclusive; None is
open on that side). A range is written as an ISO 8601 interval, ``2016-03-07/2016-03-13``;
an open start as ``../2016-03-13`` (ISO 8601-2: some time up to that day).
"""

from __future__ import annotations

import calendar
import datetime as dt

DATE_COLUMNS = ("said", "said_earliest", "said_latest", "date_via")


def said_label(earliest: dt.date | None, latest: dt.date | None) -> str | None:
    """The bounds written at their precision; None when nothing is known."""
    if earliest is None and latest is None:
        return None
    if earliest is None:
        assert latest is not None
        return f"../{latest.isoformat()}"
    if latest is None:
        return f"{earliest.isoformat()}/.."
    if earliest == latest:
        return earliest.isoformat()
    if _whole_year(earliest, latest):
        return f"{earliest.year:04d}"
    if _whole_month(earliest, latest):
        return f"{earliest.year:04d}-{earliest.month:02d}"
    return f"{earliest.isoformat()}/{latest.isoformat()}"


def _whole_year(a: dt.date, b: dt.date) -> bool:
    return (a.month, a.day) == (1, 1) and b == a.replace(month=12, day=31)


def _whole_month(a: dt.date, b: dt.date) -> bool:
    last = calendar.monthrange(a.year, a.month)[1]
    return a.day == 1 and b == a.replace(day=last)


def date_cells(
    earliest: dt.date | None, latest: dt.date | None, via: str | None
) -> dict[str, str | None]:
    """The export's date columns for one claim."""
    return {
        "said": said_label(earliest, latest),
        "said_earliest": earliest.isoformat() if earliest else None,
        "said_latest": latest.isoformat() if latest else None,
        "date_via": via or "none",
    }


VIA_WORDS = {
    "phrase": "its own date phrase",
    "context": "the date phrase that sets the scene earlier in the text",
    "publication": "the publication date (no date phrase)",
    "none": "nothing: no date phrase and no publication date",
    "hand": "a person (`claimtrack claims set --said`)",
}
