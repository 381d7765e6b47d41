"""The publication day a text states itself, on a line of its own near its top.

A pasted article often keeps its dateline: "March 3, 2024", "Published: 3 March 2024",
"Posted Tuesday, Mar. 3, 2024 at 10:02 a.m. ET". When no metadata gives the document a
publication date, such a line among its first lines gives it (readers apply it last, so a
sidecar, front matter, manifest or ``--published`` always wins). The line must hold nothing
but the date (a label, a weekday and a time of day allowed): a date inside a sentence is an
event's, not the publication's. "Updated" gives the day only when no other line does. A wire
story's dateline opening its first paragraph ("TORONTO, July 22, 2026 (Reuters) — The
company ...", "DUNMORE, Ore. (March 4, 2026) —": a place, a full date, an agency, a dash) is
the day it was filed, taken when no line of its own gives one.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice

# how many non-empty lines at the top are searched, and how long a dateline may be
TOP_LINES = 8
MAX_LINE = 80

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan", "february feb", "march mar", "april apr", "may", "june jun",
            "july jul", "august aug", "september sep sept", "october oct",
            "november nov", "december dec",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_LABEL = r"(?:(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|date)(?:\s+on)?\s*:?\s*)?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<{}>\d{{1,2}})(?:st|nd|rd|th)?"
_MDY = rf"(?P<m1>{_MONTH})\s+{_DAY.format('d1')},?\s+(?P<y1>\d{{4}})"
_DMY = rf"{_DAY.format('d2')}\s+(?P<m2>{_MONTH}),?\s+(?P<y2>\d{{4}})"
_ISO = r"(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})"
_TIME = (
    r"(?:\s*(?:,|at|\||-|–|—|·)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?"
)
_DATELINE = re.compile(
    rf"^\s*{_LABEL}{_WEEKDAY}(?:{_MDY}|{_DMY}|{_ISO}){_TIME}\s*\.?\s*$", re.IGNORECASE
)

# a wire dateline: a place (capitalised words, a region after a comma), a full date (in
# parentheses or not), an agency in parentheses, and a dash before the story
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_WIRE = re.compile(
    rf"^\s*{_PLACE}(?:,\s*{_PLACE})*(?:,\s*\(?|\s+\()(?i:{_WEEKDAY}(?:{_MDY}|{_DMY}|{_ISO}))\)?"
    r"(?:\s*\([^()\n]{1,30}\))?\s*[—–-]{1,2}\s"
)


def dateline(text: str) -> dt.date | None:
    """The publication day a line near the top of TEXT states (see the module), else None."""
    found: dt.date | None = None
    updated: dt.date | None = None
    wire: dt.date | None = None
    lines = (line for line in text.splitlines() if line.strip())
    for line in islice(lines, TOP_LINES):
        if wire is None and (opening := _WIRE.match(line)) is not None:
            wire = _day(opening)
        if len(line) > MAX_LINE:
            continue
        match = _DATELINE.match(line)
        day = _day(match) if match else None
        if day is None:
            continue
        if "updated" in (match.group("label") or "").lower():
            updated = updated or day
        elif found is None:
            found = day
    return found or wire or updated


def _day(match: re.Match[str]) -> dt.date | None:
    """The date of a dateline MATCH; None when there is no such day (31 February)."""
    if match.group("y3"):
        year, month, day = (int(match.group(k)) for k in ("y3", "m3", "d3"))
    else:
        k = "1" if match.group("y1") else "2"
        year, day = int(match.group("y" + k)), int(match.group("d" + k))
        month = _MONTHS[match.group("m" + k).rstrip(".").lower()]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
