"""Where a claim sits in date order: its stored sort day and relation rank.

Listings (``who-said``, ``timeline``, ``export``, the web pages) sort on
``claims.sort_day, claims.sort_rank, claims.source_id, claims.content_start, claims.id``,
which indexes serve, so a first page reads only the rows it shows. The two stored columns
are computed by the SQL of ``sort_values`` (one place: the store after each document and the
migration that added them), from the claim's date, the other dated claims of its source and
the source's publication day:

known:   a claim whose date has both bounds (a day, a month, a year, "last week", a scene's
         date carried from context) sorts at its first day: a month sorts with the first of
         the month, before that month's later days, as "2016-03" sorts before "2016-03-02" as
         text; it is the one day the claim is sure not to precede. Otherwise, by relation:
on:      its day. before: just before the earliest dated claim of the same source that
         precedes the anchor (an article's "earlier" / "previously" come before its news),
         else the anchor. by: the anchor. Undated: the source's publication day.
         No day at all: ``UNDATED``, so it sorts last on every database.
rank:    before 0, on 1, by 2, unknown 3 (a day's "before" claims first, its "by" last).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Table, and_, case, func, select

UNDATED = dt.date(9999, 12, 31)


def sort_values(claims: Table, sources: Table) -> dict[str, Any]:
    """SQL for ``sort_day`` and ``sort_rank`` of a row of CLAIMS (correlated: for an UPDATE)."""
    c = claims.c
    other = claims.alias("other")
    earliest = (
        select(func.min(other.c.said_on))
        .where(
            other.c.source_id == c.source_id,
            other.c.said_on.is_not(None),
            other.c.said_on < c.date_anchor,
        )
        .scalar_subquery()
    )
    published = select(sources.c.published_on).where(sources.c.id == c.source_id)
    published = published.scalar_subquery()
    day = case(
        (and_(c.said_earliest.is_not(None), c.said_latest.is_not(None)), c.said_earliest),
        (c.date_relation == "on", func.coalesce(c.said_on, published)),
        (c.date_relation == "before", func.coalesce(earliest, c.date_anchor)),
        (c.date_relation == "by", c.date_anchor),
        else_=published,
    )
    rank = case(
        (c.date_relation == "before", 0),
        (c.date_relation == "on", 1),
        (c.date_relation == "by", 2),
        else_=3,
    )
    return {"sort_day": func.coalesce(day, UNDATED), "sort_rank": rank}
