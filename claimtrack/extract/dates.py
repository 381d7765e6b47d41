"""Resolve the date phrase attached to a cue ("on the 13th", "previously") to a SaidDate.

``resolve_date(phrase, published, future=False)`` never raises and is cached. What it returns:

- no phrase: ``on=published, precision="day", relation="by"`` (said no later than publication);
  without a publication date, an empty ``SaidDate()`` (relation "unknown").
- "previously", "earlier", "had earlier", "in the past", "before", "recently", "once",
  "earlier this week", "in recent days" ...: ``on=published, precision="day",
  relation="before"`` (strictly before the publication date).
- a day ("on the 13th", "on Tuesday", "yesterday", "on Monday night", "Sept. 3", "today",
  "two days ago"): that day, precision "day", relation "on". Weekdays, bare days of the month
  and dates without a year are the most recent one not after publication, or the next one
  not before it when ``future`` (the cue is in the future tense). A date's possessive before
  the event it dates is that date: "at Tuesday's rally", "during Saturday night's debate".
- a month ("in July", "last month", "this month"): its first day, precision "month",
  relation "on"; a year ("in 2019", "last year"): 1 January, precision "year", relation "on".
- a week, which SaidDate cannot hold: "last week" (any week wholly before the publication
  week) -> ``on`` = the Monday after that week, relation "before", precision "day": said
  before that Monday, which is true, where "published - 7 days" would pretend to know the day.
  "this week" -> ``on=published, relation="by"``. A week after publication ("next week") ->
  relation "unknown". "over the weekend" -> ``on=published, relation="before"``.
- "later", "this past week", "in the past two weeks" -> ``on=published, relation="by"``;
  "a few days ago" -> ``on=published, relation="before"``.
- a bare duration ("10 years", "in 10 days") is not a date: relation "unknown"; nor is a
  decade ("in the 1990s"), a bare part of a day ("in the early morning hours": which day's,
  the phrase does not say), or a date after publication for a past-tense cue, unless it
  names its year.
- anything that does not read as a date (garbage, "one-on-one", the modal "may"): relation
  "unknown", ``on=None``, precision "none", the phrase kept in ``text``.

Without a publication date only absolute dates ("Aug. 3, 2019", "in 2019") resolve; relative
phrases give relation "unknown" ("before" for the before-words, with ``on=None``).
``text`` is always the phrase as given (stripped), or None when there was none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from claimtrack.extract.types import Precision, Relation, SaidDate
from claimtrack.extract.wordlists import words

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["resolve_date"]

_BEFORE_PHRASES = words("before_phrases")
_BY_PHRASES = words("by_phrases")
_NUM = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty)"
)
_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
# "in the past two weeks", "this past week", "over the past few days": up to publication
_RECENT_SPAN = re.compile(
    rf"^(?:in|over|during|within)?\s*(?:the|this)\s+(?:past|last)\s+"
    rf"(?:(?:{_NUM}|few|several|couple of)\s+)?{_UNIT}$"
)
# "a few days ago", "several weeks ago": some time before publication
_VAGUE_AGO = re.compile(rf"^(?:a few|a couple of|several|some|many|a number of)\s+{_UNIT}\s+ago$")
# a bare duration ("10 years", "in 10 days", "six months later") is not a date
_DURATION = re.compile(
    rf"^(?:(?:in|for|about|nearly|almost|over)\s+)?{_NUM}\s+{_UNIT}(?:\s+later)?$"
)
_YEAR = re.compile(r"\b\d{4}\b")
_AUX = re.compile(r"^(?:had|has|have|was|were)\s+", re.I)
_LEAD = re.compile(r"^(?:on|in|during|at|over|from|of)\s+", re.I)
_POSSESSIVE = re.compile(r"^([^'’]+?)['’]s\s+[^'’]+$")  # "Tuesday's rally": 'Tuesday'
_FUZZ = re.compile(r"^(?:early|late|mid-?|earlier|later)\s*", re.I)
_ORDINAL_DAY = re.compile(
    r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+(?:the|this)\s+month)?$", re.I
)
_CALENDAR_NOUNS = words("calendar_nouns")
_CALENDAR_NAMES = words("calendar_names")
# an ordinal, in figures or in words: "64th", "3rd", "second", "twenty-first", "90th"
ORDINAL = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teenth|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth"
    r"|hundredth)$",
    re.I,
)
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that"})
_DATEISH = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?!\w)"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?\b"
    r"|\b(?:yesterday|today|tonight|tomorrow|week|month|year|ago|morning|afternoon"
    r"|evening|night)s?\b",
    re.I,
)
_WEEKDAY = re.compile(
    r"^(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.I,
)
_MAY = re.compile(r"\bMay\b")
# not a day: a decade ("the 1990s", "the '80s") or a bare part of a day ("the early morning
# hours", "in the evening": of which day, the text around it says, not the phrase)
_NOT_A_DAY = re.compile(
    r"^(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:(?:\d{2})?\d0s|\d0's|'\d0s)$"
    r"|^(?:the\s+)?(?:early\s+|late\s+)?(?:morning|afternoon|evening|night)(?:\s+hours)?$"
    r"|^(?:about\s+|around\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)$",  # "11:40 am"
    re.I,
)
# "last June", "this past March": the most recent such month before the publication month
_LAST_MONTH_NAMED = re.compile(
    r"^(?:last|this\s+past|past)\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"[a-z]*\.?)$"
)
# a month and a day without a year: "Nov. 8", "November 8th", "8 November"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_DAY = re.compile(
    rf"^(?:the\s+)?(?:{_MONTHS}\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS})$",
    re.I,
)  # the month only when capitalised: "may" is the modal
# the nth weekday of a month: "the 2nd Tuesday of March", "the last Friday in June 2025"
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_NTH_WEEKDAY = re.compile(
    r"^(?:the\s+)?(first|second|third|fourth|fifth|last|[1-5](?:st|nd|rd|th))\s+"
    r"(mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rs?|rsday|urday)?\.?"
    rf"(?:\s+(?:of|in)\s+(?:(the|this)\s+month|({_MONTHS})(?:,?\s+(\d{{4}}))?))?$",
    re.I,
)


def counts_a_thing(words: list[str]) -> bool:
    """Whether the words of a phrase (its leading prepositions already off) are an ordinal
    counting a thing, not a day: "the 64th minute", "the 3rd hole", "the second half", "its
    90th anniversary". An ordinal alone ("the 3rd"), before "of" ("the 3rd of May", "the 21st
    of the month"), or with a calendar noun or a year after it ("the first week", "his first
    full day", "the 2nd Monday", "the second half of 2025") is a day's or a period's."""
    ws = [w.rstrip(".,") for w in words]
    while ws and ws[0].lower() in _DETERMINERS:
        ws = ws[1:]
    if len(ws) < 2 or not ORDINAL.match(ws[0]) or ws[1].lower() == "of":
        return False
    return not any(_calendar_word(w) for w in ws[1:])


def _calendar_word(w: str) -> bool:
    """A period ("day", "week"), a capitalised month's or weekday's name, or a year."""
    low = w.lower()
    return (
        low in _CALENDAR_NOUNS
        or (w[:1].isupper() and low in _CALENDAR_NAMES)
        or bool(_YEAR.fullmatch(w))
    )


def _clean(phrase: str) -> str:
    s = " ".join(phrase.split())
    s = re.sub(r"[\"“”‘«»]|(?<!\w)[’']|[’'](?!\w)", "", s)  # quote marks, not apostrophes
    return s.strip(" ,;:()[]").rstrip(" ,;:")  # "Sept." keeps its point


@lru_cache(maxsize=256)
def _parser(base: dt.date, future: bool) -> DateDataParser:
    """One parser per (publication date, tense), reused for every phrase of that date
    (dateparser is imported here: a query command that only reads dates never loads it)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "future" if future else "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def _parse(s: str, base: dt.date, future: bool) -> tuple[dt.date, str] | None:
    try:
        data = _parser(base, future).get_date_data(s)
    except Exception:  # dateparser raises on some odd inputs; never fail a document
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _ordinal_day(day: int, published: dt.date, future: bool) -> dt.date | None:
    """'the 13th': this month's 13th if not after publication (or not before it, if future)."""
    for step in range(0, 13):
        month = _add_months(published.replace(day=1), step if future else -step)
        if day > calendar.monthrange(month.year, month.month)[1]:
            continue
        d = month.replace(day=day)
        if (d >= published) if future else (d <= published):
            return d
    return None


def _said(on: dt.date | None, precision: Precision, relation: Relation, text: str) -> SaidDate:
    return SaidDate(on=on, precision=precision, relation=relation, text=text)


def _from_period(d: dt.date, period: str, published: dt.date, text: str, s: str) -> SaidDate:
    if period == "year":
        return _said(d.replace(month=1, day=1), "year", "on", text)
    if period == "month":
        return _said(d.replace(day=1), "month", "on", text)
    if period == "week" and "ago" not in s.lower():
        monday = d - dt.timedelta(days=d.weekday())
        this_monday = published - dt.timedelta(days=published.weekday())
        if monday < this_monday:
            return _said(monday + dt.timedelta(days=7), "day", "before", text)
        if monday == this_monday:
            return _said(published, "day", "by", text)
        return _said(None, "none", "unknown", text)
    return _said(d, "day", "on", text)  # day, time, part_of_day, "a week ago"


def _core(s: str) -> str:
    """The phrase without auxiliaries and leading prepositions: 'on the 13th' -> 'the 13th';
    a day's possessive before the event it dates is that day: "at Tuesday's rally" ->
    'Tuesday', "during Saturday night's debate" -> 'Saturday night'."""
    s = _AUX.sub("", s)
    while (t := _LEAD.sub("", s)) != s:
        s = t
    if (m := _POSSESSIVE.match(s)) and _DATEISH.search(m.group(1)):
        return m.group(1)
    return s


@lru_cache(maxsize=4096)
def resolve_date(
    phrase: str | None, published: dt.date | None, *, future: bool = False
) -> SaidDate:
    """Resolve a date phrase against the publication date; see the module docstring."""
    said = _resolve(phrase, published, future)
    low = _AUX.sub("", _clean(said.text).lower()) if said.text else ""
    earliest, latest = _range(low, said, published)
    via = "phrase" if said.text else ("publication" if published else "none")
    return replace(said, earliest=earliest, latest=latest, via=via)


def _resolve(phrase: str | None, published: dt.date | None, future: bool) -> SaidDate:
    if phrase is None or not phrase.strip():
        if published is None:
            return SaidDate()
        return SaidDate(on=published, precision="day", relation="by")
    text = phrase.strip()
    s = _clean(text)
    low = _AUX.sub("", s.lower())
    if low in _BEFORE_PHRASES or (low.startswith("earlier ") and not _DATEISH.search(low)):
        return _said(published, "day" if published else "none", "before", text)
    if _VAGUE_AGO.match(low):
        return _said(published, "day" if published else "none", "before", text)
    if _DURATION.match(low):
        return _said(None, "none", "unknown", text)
    if low in _BY_PHRASES or _RECENT_SPAN.match(low):
        if published is None:
            return _said(None, "none", "unknown", text)
        return _said(published, "day", "by", text)
    core = _FUZZ.sub("", _core(s)) or _core(s)
    if _NOT_A_DAY.match(_core(s).replace("’", "'")) or counts_a_thing(_core(s).split()):
        return _said(None, "none", "unknown", text)
    if not core or not (_DATEISH.search(core) or _MAY.search(core)):
        return _said(None, "none", "unknown", text)
    if published is None:
        return _absolute(core, future, text)
    return _relative(core, published, future, text)


def _relative(core: str, published: dt.date, future: bool, text: str) -> SaidDate:
    """A phrase resolved against a known publication date."""
    if m := _ORDINAL_DAY.match(core):
        d = _ordinal_day(int(m.group(1)), published, future)
        return _said(d, "day", "on", text) if d else _said(None, "none", "unknown", text)
    if (m := _LAST_MONTH_NAMED.match(core)) and (month := _month_number(m.group(1))):
        year = published.year if month < published.month else published.year - 1
        return _said(dt.date(year, month, 1), "month", "on", text)
    m = _NTH_WEEKDAY.match(core)
    if m and (m.group(3) or m.group(4) or m.group(1).lower() != "last"):  # not "last Monday"
        return _nth_weekday(m, published, future, text)
    if m := _WEEKDAY.match(core):
        wd = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(m.group(1)[:3].lower())
        if future:
            return _said(
                published + dt.timedelta((wd - published.weekday()) % 7), "day", "on", text
            )
        return _said(published - dt.timedelta((published.weekday() - wd) % 7), "day", "on", text)
    got = _parse(core, published, True) if _MONTH_DAY.match(core) else None
    if got is not None and got[1] == "day":  # "Nov. 8": the publication year's, if it can be
        return _month_day(got[0], published, future, text)
    got = _parse(core, published, future)
    if got is None:
        return _said(None, "none", "unknown", text)
    said = _from_period(got[0], got[1], published, text, core)
    if (
        not future
        and said.on is not None
        and said.on > published
        and said.relation == "on"
        and not _YEAR.search(core)
    ):
        return _said(None, "none", "unknown", text)  # a past statement dated after publication
    return said


def _nth_weekday(m: re.Match[str], published: dt.date, future: bool, text: str) -> SaidDate:
    """'the 2nd Tuesday of March': that weekday's nth (or last) of the month, the year as for a
    month and day ('March 10'); without a month ('the second Tuesday') unknown, never a day
    the phrase does not name."""
    nth = _NTH.get(m.group(1).lower()) or int(m.group(1)[0])
    wd = ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(m.group(2).lower())
    if m.group(3):  # "of the month", "of this month": the publication month's
        return _nth_in(published.year, published.month, nth, wd, published, future, text)
    if not m.group(4):
        return _said(None, "none", "unknown", text)
    month = _month_number(m.group(4))
    if month is None:
        return _said(None, "none", "unknown", text)
    if m.group(5):
        d = _nth_day(int(m.group(5)), month, nth, wd)
        return _said(d, "day", "on", text) if d else _said(None, "none", "unknown", text)
    return _nth_in(published.year, month, nth, wd, published, future, text)


def _nth_in(
    year: int, month: int, nth: int, wd: int, published: dt.date, future: bool, text: str
) -> SaidDate:
    """The nth weekday of a month in a year not written: as ``_month_day`` decides for a
    month and day, each year's own nth weekday (the 2nd Tuesday falls on another day)."""
    d = _nth_day(year, month, nth, wd)
    if d is None:
        return _said(None, "none", "unknown", text)
    said = _month_day(d, published, future, text)
    if said.on is not None and said.on.year != year:  # last year's: its own nth weekday
        d = _nth_day(said.on.year, month, nth, wd)
        return _said(d, "day", "on", text) if d else _said(None, "none", "unknown", text)
    return said


def _nth_day(year: int, month: int, nth: int, wd: int) -> dt.date | None:
    """The nth (1-5, or -1 for the last) weekday WD of a month; None when there is none."""
    days = [
        dt.date(year, month, k)
        for k in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, k).weekday() == wd
    ]
    if nth == -1:
        return days[-1]
    return days[nth - 1] if nth <= len(days) else None


def _month_number(name: str) -> int | None:
    key = name.lower().rstrip(".")[:3]
    names = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return names.index(key) + 1 if key in names else None


def _month_day(d: dt.date, published: dt.date, future: bool, text: str) -> SaidDate:
    """A month and day without a year: this year's when not after publication, or when the
    verb is in the future tense; last year's when it would be more than half a year ahead;
    else unknown (a past statement cannot be dated a few days after publication)."""
    try:
        this_year = d.replace(year=published.year)
    except ValueError:  # 29 February
        return _said(None, "none", "unknown", text)
    if this_year <= published or future:
        return _said(this_year, "day", "on", text)
    if (this_year - published).days > FUTURE_WINDOW_DAYS:
        return _said(this_year.replace(year=published.year - 1), "day", "on", text)
    return _said(None, "none", "unknown", text)


def _absolute(core: str, future: bool, text: str) -> SaidDate:
    """Without a publication date only an absolute date resolves: the same answer from two
    far-apart bases."""
    a = _parse(core, dt.date(2001, 3, 14), future)
    b = _parse(core, dt.date(2013, 10, 2), future) if a is not None else None
    if a is None or b is None:
        return _said(None, "none", "unknown", text)
    said_a = _from_period(a[0], a[1], a[0], text, core)
    if said_a != _from_period(b[0], b[1], b[0], text, core) or said_a.relation != "on":
        return _said(None, "none", "unknown", text)
    return said_a


# ---- bounds ------------------------------------------------------------------------------

FUTURE_WINDOW_DAYS = 183  # "Nov. 8" up to half a year after publication is not last year's
_WEEKEND = frozenset(
    {"over the weekend", "the weekend", "last weekend", "this weekend", "this past weekend"}
)
_EARLIER_THIS = re.compile(r"^earlier (?:this|in the) (week|month|year)$")
_LAST_WEEK = re.compile(r"^(?:during |in |over )?(?:the )?(?:last|past|previous) week$")


def _range(
    low: str, said: SaidDate, published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The inclusive bounds of when a claim was said: a phrase's own range when it names
    one ("over the weekend", "earlier this month"), else what on / precision / relation say."""
    if published is not None and (special := _phrase_range(low, published)) is not None:
        return special
    return relation_range(said)


def relation_range(said: SaidDate) -> tuple[dt.date | None, dt.date | None]:
    """Bounds from the existing fields alone (also used to fill the bounds of claims stored
    before there were bounds)."""
    return bounds_of(said.on, said.precision, said.relation)


def bounds_of(
    on: dt.date | None, precision: str, relation: str
) -> tuple[dt.date | None, dt.date | None]:
    if on is None:
        return None, None
    if relation == "on":
        if precision == "year":
            return on.replace(month=1, day=1), on.replace(month=12, day=31)
        if precision == "month":
            last = calendar.monthrange(on.year, on.month)[1]
            return on.replace(day=1), on.replace(day=last)
        return on, on
    if relation == "before":
        return None, on - dt.timedelta(days=1)
    if relation == "by":
        return None, on
    return None, None


def _phrase_range(low: str, published: dt.date) -> tuple[dt.date, dt.date] | None:
    day = dt.timedelta(days=1)
    monday = published - dt.timedelta(days=published.weekday())
    if low in _WEEKEND:
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        return saturday, min(saturday + day, published)
    if _LAST_WEEK.match(low):
        return monday - 7 * day, monday - day
    if low == "this week":
        return monday, published
    if m := _EARLIER_THIS.match(low):
        start = {
            "week": monday,
            "month": published.replace(day=1),
            "year": published.replace(month=1, day=1),
        }[m.group(1)]
        return (start, published - day) if start < published else None
    return None
