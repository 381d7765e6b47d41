"""Finding claims: the filters behind ``who-said``, ``timeline`` and ``export``, streamed rows.

Rows come out as plain dicts whose keys are the export contract's columns, in order,
then the appearance columns (``first_seen_claim_id``, ``appearances``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.sql import operators

from claimtrack.errors import UserError
from claimtrack.names import name_key
from claimtrack.query.columns import (  # noqa: F401  (importable from here too)
    APPEARANCE_COLUMNS,
    BEST_DAY_COLUMNS,
    CORRECTION_COLUMNS,
    EXPORT_COLUMNS,
    LISTING_COLUMNS,
)
from claimtrack.query.dating import date_cells
from claimtrack.query.filters import ClaimFilter
from claimtrack.query.search import search_condition, search_halves, search_ids
from claimtrack.store.handle import dialect_name
from claimtrack.store.ids import id_is, parse_id
from claimtrack.store.tables import (
    TIMELINE_ORDER,
    Actor,
    ActorAlias,
    Claim,
    ClaimSpeaker,
    ClaimTopic,
    Source,
    Topic,
    aliased,
)
from claimtrack.store.taxonomy import descendants, find_topics
from claimtrack.store.topic_rows import taxonomy

if TYPE_CHECKING:  # the asking commands pass a Core connection: no ORM (issue 16)
    from claimtrack.store.handle import Db


def actor_ids(session: Db, who: str) -> list[int]:
    """Actors a user means by WHO: an id (#12), or full name, alias or surname, forgiving case
    and accents."""
    key = name_key(who)
    if not key:
        raise UserError("--actor needs a name, e.g. --actor Ushakov")
    stmt = (
        select(Actor.id)
        .outerjoin(ActorAlias)
        .where(
            or_(
                Actor.name_key == key,
                Actor.name_key.endswith(f" {key}", autoescape=True),
                ActorAlias.alias_key == key,
            )
        )
        .distinct()
    )
    n = parse_id(who)
    if n is not None:
        stmt = select(Actor.id).where(id_is(session, Actor.id, n))
    return list(session.scalars(stmt))


def topic_ids(session: Db, name: str) -> list[int]:
    """The topics a user means by NAME, with every topic under them (--topic conflict
    includes ceasefire)."""
    defs = taxonomy(session)
    slugs = descendants(defs, [t.slug for t in find_topics(defs, name)])
    if not slugs:
        return []
    return list(session.scalars(select(Topic.id).where(Topic.slug.in_(slugs))))


def source_ids(session: Db, which: str) -> list[int]:
    """Sources a user means by WHICH: an id (#12), or part of the title, outlet, path or URL."""
    n = parse_id(which)
    if n is not None:
        return list(session.scalars(select(Source.id).where(id_is(session, Source.id, n))))
    needle = which.strip().lower()
    fields = (Source.title, Source.outlet, Source.path, Source.url)
    return list(
        session.scalars(
            select(Source.id).where(
                or_(*(func.lower(f).contains(needle, autoescape=True) for f in fields))
            )
        )
    )


def date_condition(since: dt.date | None, until: dt.date | None):
    """Claims whose date is known to fall in [since, until]: their bounds lie inside it.

    A day is its own bounds; "in March" runs from 1 to 31 March, so it is in March but not
    known to be after 15 March; "last week" is its Monday to Sunday. before (the text says
    "previously") and by (no date phrase: no later than publication) have an open start, so
    they only match without --since, when the day they end on is <= until. A claim with no
    date at all is left out once a date filter is given.
    """
    conditions = []
    if since:
        conditions.append(Claim.said_earliest.is_not(None))
        conditions.append(Claim.said_earliest >= since)
    if until:
        conditions.append(Claim.said_latest.is_not(None))
        conditions.append(Claim.said_latest <= until)
    if since and until:
        # implied (a date's start is not after its end), and what lets one index range serve
        # both bounds: ix_claims_said_earliest from since to until, where either bound alone
        # reads every claim dated on its side of the range (half of them, for a month
        # in the middle of the record)
        conditions.append(Claim.said_earliest <= until)
    return and_(*conditions)


def day_basis(row: dict) -> str:
    """What a row's best day is: "said" (the day it was said), "published" (its article's
    publication day, no said day being known) or "" (neither known)."""
    if row.get("said_on") and row.get("date_relation") == "on":
        return "said"
    return "published" if row.get("published_on") else ""


def best_day_condition(since: dt.date | None, until: dt.date | None):
    """Claims whose best known date falls in [since, until]: the bounds of the date said when
    the text gives one (date_condition), else the article's publication day."""
    source = aliased(Source)  # the claim's own, probed by its key: see below
    published = [source.id == Claim.source_id, source.published_on.is_not(None)]
    if since:
        published.append(source.published_on >= since)
    if until:
        published.append(source.published_on <= until)
    # the publication day tested on the claim's source by its primary key, not on the
    # listing's join: an OR over both tables is tested on the join itself, which PostgreSQL
    # hashed by reading every source (a speaker's claims of one topic since a day: 18 of
    # its 28 ms at 200,000 claims, and growing with the sources)
    undated = and_(Claim.said_earliest.is_(None), select(source.id).where(*published).exists())
    return or_(and_(Claim.said_earliest.is_not(None), date_condition(since, until)), undated)


# the date order (store/timeline.py), served by the ix_claims_*timeline indexes
TIMELINE = tuple(getattr(Claim, name) for name in TIMELINE_ORDER)


# the same order read from a topic's links (their copies of the claim's sort key, served by
# ix_claim_topics_timeline: store/topic_order.py)
TOPIC_TIMELINE = (*(getattr(ClaimTopic, name) for name in TIMELINE_ORDER[:-1]), ClaimTopic.claim_id)

BROAD = 2_000  # matches beyond which a first page walks the date order, not sorts them


def _matches(session: Db, flt: ClaimFilter, matching: Select, upto: int = BROAD) -> int:
    """How many claims MATCHING holds, counted up to UPTO (an index range); 0 when FLT is
    not a first page (--limit), whose rows are all read anyway."""
    if flt.limit is None or flt.limit > BROAD:
        return 0
    return session.scalar(select(func.count()).select_from(matching.limit(upto).subquery()))


def _walked(matches: int, walked=Claim.id):
    """The claim id to test a filter's matches against: Claim.id as is (the database starts
    from the few matches and sorts them), or, when they are many, WALKED (the id the walked
    index holds: the claims' own, or a topic's links') as an expression no index serves, so
    the database walks the date-order index and stops after the page."""
    return walked + 0 if matches >= BROAD else Claim.id


def spoken_by(session: Db, ids: list[int]):
    """Claims any of the actors IDS made: as the speaker (claims.actor_id, which the
    per-speaker date-order index serves) or among the others a claim names ("A and B
    said"), which are few and read first, so the index still serves the common case."""
    also = select(ClaimSpeaker.claim_id).where(
        ClaimSpeaker.actor_id.in_(ids), ClaimSpeaker.position > 0
    )
    others = list(session.scalars(also))
    if not others:
        return Claim.actor_id.in_(ids)
    return or_(Claim.actor_id.in_(ids), Claim.id.in_(others))


def _ids(flt: ClaimFilter) -> Select:
    """The claim ids alone, their sources joined only for FLT's filters on them."""
    stmt = select(Claim.id)
    if flt.outlet is not None or flt.published_since or flt.published_until:
        stmt = stmt.join(Source, Claim.source_id == Source.id)
    return stmt


def claims_query(
    session: Db, flt: ClaimFilter, topics: list[int] | None = None, ids_only: bool = False
) -> Select:
    """The listing of FLT: its rows in its order (TOPICS: these topic ids for flt.topic;
    IDS_ONLY: the claim ids alone, their sources joined only for a filter on them)."""
    if ids_only:
        stmt = _ids(flt)
    else:
        stmt = (
            select(*ROW_COLUMNS)
            .join(Source, Claim.source_id == Source.id)
            .outerjoin(Actor, Claim.actor_id == Actor.id)
        )
    order: tuple = TIMELINE
    if topics is None:
        topics = topic_ids(session, flt.topic) if flt.topic else []
    if flt.topic and not topics:
        raise UserError(f"--topic {flt.topic}: no such topic; see `claimtrack topics list`")
    actors = actor_ids(session, flt.actor) if flt.actor else []
    if flt.actor and not actors:
        raise UserError(f"--actor {flt.actor}: no such speaker; see `claimtrack actors list`")
    if topics:
        walk = _rare_status(session, flt) or _fewer_spoken(session, flt, actors, topics)
        if len(topics) > 1 and not walk and flt.limit is not None and _broad(session, topics):
            stmt = stmt.where(Claim.id.in_(firsts_of_each(session, flt, topics)))
        else:
            stmt, order = by_topic(session, stmt, topics, walk)
    if actors:
        stmt = stmt.where(spoken_by(session, actors))
    if flt.source:
        ids = source_ids(session, flt.source)
        if not ids:
            raise UserError(f"--source {flt.source}: no such source; see `claimtrack sources list`")
        stmt = stmt.where(Claim.source_id.in_(ids))
    if flt.since and flt.until and flt.since > flt.until:
        raise UserError(f"--since {flt.since} is after --until {flt.until}")
    if flt.since or flt.until:
        by_day = date_condition if flt.said_only else best_day_condition
        ids = day_ids(flt)
        if flt.limit is not None and _matches(session, flt, ids, BROAD) < BROAD:
            stmt = stmt.where(Claim.id.in_(ids))  # the few in range, gathered and sorted
        else:  # many (or every row asked for): the date order walked, each row tested
            stmt = stmt.where(by_day(flt.since, flt.until))
    return refine(stmt, session, flt, order)


def _rare_status(session: Db, flt: ClaimFilter) -> bool:
    """Whether FLT's --status holds few claims (counted up to BROAD from its index): then the
    status's own date-order index drives a first page, not a topic's links (the planners
    cannot tell a rare status from the common one)."""
    if not flt.status or flt.limit is None:
        return False
    return _matches(session, flt, select(Claim.id).where(Claim.status == flt.status)) < BROAD


def _fewer_spoken(session: Db, flt: ClaimFilter, actors: list[int], topics: list[int]) -> bool:
    """Whether the speakers ACTORS said fewer claims than TOPICS hold (their stored counts):
    then a first page walks the speakers' date-order index (ix_claims_actor_timeline) and
    probes each claim's topic, rather than sort every claim of both that the topic's links
    and the speaker's index give."""
    if not actors or flt.limit is None:
        return False
    said = select(func.sum(Actor.claim_count)).where(Actor.id.in_(actors)).scalar_subquery()
    held = select(func.sum(Topic.claim_count)).where(Topic.id.in_(topics)).scalar_subquery()
    counts = session.execute(select(said, held)).one()  # one round trip
    return (counts[0] or 0) < (counts[1] or 0)


def _broad(session: Db, topics: list[int]) -> bool:
    """Whether TOPICS hold BROAD claims or more together (their stored counts)."""
    held = session.scalar(select(func.sum(Topic.claim_count)).where(Topic.id.in_(topics)))
    return (held or 0) >= BROAD


def firsts_of_each(session: Db, flt: ClaimFilter, topics: list[int]) -> Select:
    """The ids of the first flt.limit claims FLT lists of each of TOPICS alone, each read
    from its own links in order (ix_claim_topics_timeline) with every filter: a first page of
    the topics together (a topic and those under it) is among them, for a claim among the
    first LIMIT of them all is among the first LIMIT of each topic it has. A few index
    ranges, where a walk of the date order probes every claim until the page is full."""
    walks = [
        claims_query(session, flt, [t], ids_only=True).limit(flt.limit).subquery() for t in topics
    ]
    return union_all(*(select(w.c.id) for w in walks))


def by_topic(session: Db, stmt: Select, ids: list[int], walk: bool = False) -> tuple[Select, tuple]:
    """STMT narrowed to the claims tagged with any of the topics IDS, and the order to list
    them in. One topic: its links joined and read in their order (ix_claim_topics_timeline),
    so a first page reads its own rows and stops, however many the topic has. Several (a
    topic and those under it), or WALK (another filter's index serves better): gathered and
    sorted when their stored counts say they are few, else probed per claim walked in date
    order (a claim tagged twice listed once)."""
    if len(ids) == 1 and not walk:
        link = and_(ClaimTopic.claim_id == Claim.id, ClaimTopic.topic_id == ids[0])
        return stmt.join(ClaimTopic, link), TOPIC_TIMELINE
    tagged = select(ClaimTopic.claim_id).where(ClaimTopic.topic_id.in_(ids))
    size = session.scalar(select(func.sum(Topic.claim_count)).where(Topic.id.in_(ids))) or 0
    if size >= BROAD:  # probed per claim walked (its primary key), never gathered whole
        return stmt.where(tagged.where(ClaimTopic.claim_id == Claim.id).exists()), TIMELINE
    return stmt.where(Claim.id.in_(tagged)), TIMELINE


def day_ids(flt: ClaimFilter):
    """The ids of the claims in FLT's date range, as by_day selects them, from index ranges:
    the date said's bounds (ix_claims_said_earliest, ix_claims_said_latest), and, for the
    claims with no date said, their sources' publication day (ix_sources_published_on).
    The OR of the two conditions would leave the database a walk over every claim when the
    range holds few of them (a month long ago: seconds on a million claims)."""
    said = select(Claim.id).where(date_condition(flt.since, flt.until))
    if flt.said_only:
        return said
    published = [Source.published_on.is_not(None)]
    if flt.since:
        published.append(Source.published_on >= flt.since)
    if flt.until:
        published.append(Source.published_on <= flt.until)
    undated = (
        select(Claim.id)
        .join(Source, Claim.source_id == Source.id)
        .where(Claim.said_earliest.is_(None), *published)
    )
    return said.where(Claim.said_earliest.is_not(None)).union_all(undated)


def refine(stmt: Select, session: Db, flt: ClaimFilter, order: tuple = ()) -> Select:
    """The filters on the claim's own fields and its source's, then timeline order."""
    halves = None
    if flt.search is not None:
        dialect = dialect_name(session)
        found = search_ids(dialect, flt.search)
        matches = _matches(session, flt, found, BROAD) if found is not None else 0
        # walked: tested on the claim id the walked index holds (a topic's links' own)
        walked = ClaimTopic.claim_id if order is TOPIC_TIMELINE else Claim.id
        own_id = _walked(matches, walked)
        if matches >= BROAD and _search_alone(flt):  # a walk of the claims' date order
            halves = search_halves(session, flt.search, own_id)
        if halves is None:
            stmt = stmt.where(search_condition(session, flt.search, own_id, matches >= BROAD))
    if flt.attribution:
        stmt = stmt.where(Claim.attribution == flt.attribution)
    if flt.status:
        stmt = stmt.where(Claim.status == flt.status)
    if flt.outlet is not None:
        stmt = stmt.where(
            func.lower(func.trim(Source.outlet)) == " ".join(flt.outlet.split()).lower()
        )
    if flt.published_since and flt.published_until and flt.published_since > flt.published_until:
        raise UserError(
            f"--published-since {flt.published_since} is after --published-until {flt.published_until}"
        )
    if flt.published_since:
        stmt = stmt.where(Source.published_on >= flt.published_since)
    if flt.published_until:
        stmt = stmt.where(Source.published_on <= flt.published_until)
    if flt.min_confidence is not None:
        stmt = stmt.where(Claim.confidence >= flt.min_confidence)
    if not flt.include_rejected:
        stmt = stmt.where(Claim.rejected.is_(None))
    order = order or TIMELINE
    if flt.after is not None:
        stmt = stmt.where(beyond(order, parse_cursor(flt.after), flt.newest_first))
    by = [c.desc() for c in order] if flt.newest_first else list(order)
    if halves is not None:  # STMT has every filter but the search
        ids = _ids(flt).order_by(*by)
        if stmt.whereclause is not None:
            ids = ids.where(stmt.whereclause)
        stmt = stmt.where(Claim.id.in_(firsts_of_halves(ids, halves, flt.limit)))
    return stmt.order_by(*by)


def _search_alone(flt: ClaimFilter) -> bool:
    """Whether FLT's search is all that narrows its listing: the search's halves are planned
    for that (with another filter the speakers' half may read every claim of the speakers
    for it: `--search president --status verified` at a million claims, 32 ms of CPU
    against 4 in one walk; with --since, 55 against 36)."""
    others = dataclasses.replace(
        flt, search=None, limit=None, include_rejected=False, newest_first=False, after=None
    )
    return others == ClaimFilter(said_only=flt.said_only)


def firsts_of_halves(ids: Select, halves, limit: int) -> Select:
    """The first LIMIT claim ids of IDS (in order, every filter but the search) with each
    of HALVES (search_halves: the search is their union): a first page of the search is
    among them, as in firsts_of_each; a later window is built anew for its own size. IDS
    joins sources only for a filter on them: a join under the speakers' half's sort keeps
    SQLite from leaving a speaker's claims once they fall behind the page (`--search trump`
    at a million claims: 250 ms of CPU for that half, against 0.3 without the join)."""
    pages = [ids.where(h).limit(limit).subquery() for h in halves]
    return union_all(*(select(p.c.id) for p in pages))


# ---- keyset pagination: a later page starts after the place of the last row listed -------
#
# Every listing is ordered by its sort key and the claim id (TIMELINE: unique), so a row's
# values of the order columns name its place; the rows after it are one range of the index
# that gives the order (a row value compared), read from there: a later page costs what the
# first costs, where OFFSET would read and drop every row before it.

CURSOR_EXAMPLE = "2025-08-01.1.3.120.45"


def cursor_of(key: Sequence) -> str | None:
    """The cursor a user passes back (--after, ?after=) for a row at KEY in the timeline
    order: day.rank.source.start.id; None for a key of another order."""
    if len(key) != len(TIMELINE) or not isinstance(key[0], dt.date):
        return None
    return ".".join([key[0].isoformat(), *(str(int(v)) for v in key[1:])])


def parse_cursor(text: str) -> tuple:
    """The key a cursor names (cursor_of's text); a UserError naming the form otherwise."""
    parts = text.strip().split(".")
    try:
        if len(parts) != len(TIMELINE):
            raise ValueError(text)
        return (dt.date.fromisoformat(parts[0]), *(int(p) for p in parts[1:]))
    except ValueError:
        raise UserError(
            f"--after {text!r} is not a cursor: pass the one a listing printed for its next "
            f"page, e.g. --after {CURSOR_EXAMPLE}"
        ) from None


def beyond(cols: Sequence, key: Sequence, backwards: bool = False) -> ColumnElement[bool]:
    """The rows listed after the row at KEY when ordered by COLS (backwards: descending)."""
    row = tuple_(*cols)
    values = tuple_(*(literal(v, c.type) for c, v in zip(cols, key, strict=True)))
    return row < values if backwards else row > values


def order_of(stmt: Select) -> tuple[list, bool] | None:
    """STMT's ORDER BY as its columns and whether they run backwards; None when it mixes
    directions or has none (then a later window is skipped to: OFFSET)."""
    cols, directions = [], set()
    for term in stmt._order_by_clauses:  # noqa: SLF001 (no public accessor)
        modifier = getattr(term, "modifier", None)
        directions.add(modifier is operators.desc_op)
        cols.append(term.element if modifier in (operators.desc_op, operators.asc_op) else term)
    if not cols or len(directions) != 1:
        return None
    return cols, directions.pop()


def topics_of(session: Db, claim_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {i: [] for i in claim_ids}
    if not claim_ids:
        return out
    rows = session.execute(
        select(ClaimTopic.claim_id, Topic.slug)
        .join(Topic)
        .where(ClaimTopic.claim_id.in_(claim_ids))
        .order_by(ClaimTopic.claim_id, Topic.slug)
    )
    for claim_id, slug in rows:
        out[claim_id].append(slug)
    return out


def appearance_counts(session: Db, first_ids: list[int]) -> dict[int, int]:
    """How many appearances each first appearance has (itself included: store/appearances.py)."""
    if not first_ids:
        return {}
    wanted = sorted(set(first_ids))
    rows = session.execute(
        select(Claim.same_as_id, func.count())
        .where(Claim.same_as_id.in_(wanted))  # ix_claims_same_as_id
        .group_by(Claim.same_as_id)
    )
    others = {int(k): int(n) for k, n in rows}
    return {i: 1 + others.get(i, 0) for i in wanted}


def speakers_of(session: Db, claim_ids: list[int]) -> dict[int, list[str]]:
    """Claim id -> the names of all its speakers, first the one ``speaker`` names."""
    out: dict[int, list[str]] = {i: [] for i in claim_ids}
    rows = session.execute(
        select(ClaimSpeaker.claim_id, Actor.name)
        .join(Actor, ClaimSpeaker.actor_id == Actor.id)
        .where(ClaimSpeaker.claim_id.in_(claim_ids))
        .order_by(ClaimSpeaker.claim_id, ClaimSpeaker.position)
    )
    for claim_id, name in rows:
        out[claim_id].append(name)
    return out


# what a listed row reads: plain columns (no ORM objects, no article text)
_CLAIM_FIELDS = (
    "id", "same_as_id", "speaker_mention", "speaker_start", "speaker_end", "cue", "cue_start",
    "cue_end", "content", "content_start", "content_end", "quote", "attribution", "hedged",
    "said_on", "date_precision", "date_relation", "date_text", "date_anchor", "confidence",
    "status", "found_by", "rejected", "short_text", "said_earliest", "said_latest", "date_via",
)  # fmt: skip
ROW_COLUMNS = (
    *(getattr(Claim, f) for f in _CLAIM_FIELDS),
    Source.path.label("source_path"),
    Source.title.label("source_title"),
    Source.outlet.label("source_outlet"),
    Source.url.label("source_url"),
    Source.published_on,
    Actor.name.label("speaker"),
    Actor.kind.label("speaker_kind"),
    Actor.role.label("speaker_role"),
    Actor.affiliation.label("speaker_affiliation"),
)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def export_row(r, topics: list[str], appearances: int = 1) -> dict:
    """The export contract's row (then the appearance, correction and date columns) of one
    row of claims_query."""
    row = {
        "claim_id": r.id,
        "source_path": r.source_path,
        "source_title": r.source_title,
        "source_outlet": r.source_outlet,
        "source_url": r.source_url,
        "published_on": _iso(r.published_on),
        "speaker": r.speaker,
        "speaker_kind": r.speaker_kind,
        "speaker_role": r.speaker_role,
        "speaker_affiliation": r.speaker_affiliation,
        "speaker_mention": r.speaker_mention,
        "speaker_start": r.speaker_start,
        "speaker_end": r.speaker_end,
        "cue": r.cue,
        "cue_start": r.cue_start,
        "cue_end": r.cue_end,
        "content": r.content,
        "content_start": r.content_start,
        "content_end": r.content_end,
        "quote": r.quote,
        "attribution": r.attribution,
        "hedged": bool(r.hedged),
        "said_on": _iso(r.said_on),
        "date_precision": r.date_precision,
        "date_relation": r.date_relation,
        "date_text": r.date_text,
        "topics": ";".join(topics),
        "confidence": r.confidence,
        "status": r.status,
        "first_seen_claim_id": r.same_as_id or r.id,
        "date_anchor": _iso(r.date_anchor),
        "appearances": appearances,
        "found_by": r.found_by,
        "rejected": r.rejected,
        "short_text": r.short_text,
        **date_cells(r.said_earliest, r.said_latest, r.date_via),
    }
    row["day_basis"] = day_basis(row)
    row["best_day"] = {"said": row["said_on"], "published": row["published_on"]}.get(
        row["day_basis"]
    )
    return row


def iter_rows(
    session: Db,
    flt: ClaimFilter,
    batch: int = 500,
    first_only: bool = False,
    skip: int = 0,
) -> Iterator[dict]:
    """Rows for the claims matching FLT, streamed in batches, in timeline order.

    FIRST_ONLY: one row per claim, the earliest matching appearance (the others are
    counted in its ``appearances``). ``flt.limit`` counts the rows given out; SKIP leaves out
    the first rows of those (a later page), counted without being built. A bad filter
    raises its UserError here, at the call, before any row (or header) is written.
    """
    stmt = claims_query(session, flt)

    def later(size: int, cursor: str) -> Select:  # a later window, built for its own size
        return claims_query(session, dataclasses.replace(flt, limit=size, after=cursor))

    return _rows(session, stmt, flt, batch, first_only, skip, later)


def rows_before(
    session: Db, flt: ClaimFilter, before: str, first_only: bool = False, batch: int = 500
) -> list[dict]:
    """The rows FLT lists just before the row at cursor BEFORE, the last flt.limit of them
    (a previous page), in FLT's order: read backwards from the cursor (the same index range
    as --after, walked the other way) and put back in order, so no row is skipped with
    OFFSET. FIRST_ONLY as iter_rows: a claim is listed at its first matching appearance in
    FLT's order, so a later appearance read on the way back is left out."""
    back = dataclasses.replace(flt, newest_first=not flt.newest_first, after=before)

    def later(size: int, cursor: str) -> Select:
        return claims_query(session, dataclasses.replace(back, limit=size, after=cursor))

    kept: list = []
    for part in _parts(session, claims_query(session, back), back.limit, batch, later):
        if first_only:
            firsts = _first_appearances(session, flt, {r.same_as_id or r.id for r in part})
            part = [r for r in part if firsts.get(r.same_as_id or r.id) == r.id]
        kept += part
        if flt.limit is not None and len(kept) >= flt.limit:
            del kept[flt.limit :]
            break
    return list(_built(session, kept[::-1]))


def _first_appearances(session: Db, flt: ClaimFilter, firsts: set[int]) -> dict[int, int]:
    """Of FIRSTS (first-seen claim ids), the id of the appearance FLT lists first (its order
    from the start): the row of each claim a listing of one row per claim shows."""
    first = func.coalesce(Claim.same_as_id, Claim.id)
    stmt = _appearances_of(session, flt, firsts).with_only_columns(first, Claim.id)
    out: dict[int, int] = {}
    for claim, appearance in session.execute(stmt):
        out.setdefault(claim, appearance)
    return out


def _rows(
    session: Db,
    stmt: Select,
    flt: ClaimFilter,
    batch: int,
    first_only: bool,
    skip: int = 0,
    later: Callable[[int, str], Select] | None = None,
) -> Iterator[dict]:
    emitted: set[int] = set()
    given = 0
    full = lambda: flt.limit is not None and given >= flt.limit  # noqa: E731
    for part in _parts(session, stmt, flt.limit, batch, later):
        if first_only and flt.after is not None:  # claims an earlier page listed already
            emitted |= _listed_before(session, flt, {r.same_as_id or r.id for r in part})
        kept = []
        for r in part:
            first = r.same_as_id or r.id
            if first_only:
                if first in emitted:
                    continue
                emitted.add(first)
            given += 1
            if given > skip:
                kept.append(r)
            if full():
                break
        if kept:
            yield from _built(session, kept)
        if full():
            return


def _listed_before(session: Db, flt: ClaimFilter, firsts: set[int]) -> set[int]:
    """Of FIRSTS (first-seen claim ids), those FLT lists an appearance of up to its cursor:
    one row per claim, an earlier page showed them (by their ids and the same_as_id index)."""
    if not firsts:
        return set()
    stmt = _appearances_of(session, flt, firsts)
    order = order_of(stmt)
    if order is None:
        return set()
    cols, backwards = order
    first = func.coalesce(Claim.same_as_id, Claim.id)
    stmt = (
        stmt.with_only_columns(first)
        .order_by(None)
        .where(~beyond(cols, parse_cursor(flt.after), backwards))
    )
    return set(session.scalars(stmt))


def _appearances_of(session: Db, flt: ClaimFilter, firsts: set[int]) -> Select:
    """FLT's listing from its start (no cursor, no limit), in its order, of the appearances
    of FIRSTS (first-seen claim ids) only: by their ids and the same_as_id index."""
    return claims_query(session, dataclasses.replace(flt, after=None, limit=None)).where(
        or_(Claim.id.in_(sorted(firsts)), Claim.same_as_id.in_(sorted(firsts)))
    )


def _built(session: Db, part: list) -> Iterator[dict]:
    """PART's rows with their topics, speakers and appearance counts (a query each), and the
    cursor of each row's place (cursor_of)."""
    topics = topics_of(session, [r.id for r in part])
    speakers = speakers_of(session, [r.id for r in part])
    counts = appearance_counts(session, [r.same_as_id or r.id for r in part])
    for r in part:
        row = export_row(r, topics[r.id], counts.get(r.same_as_id or r.id, 1))
        row["speakers"] = "; ".join(speakers[r.id])
        row["cursor"] = cursor_of(_key(r))
        yield row


KEY = "order_key_"  # the labels of the order's columns added to a listing's rows


def _key(r) -> tuple:
    """The values of the order's columns of row R (its place), as _parts added them."""
    m, out = r._mapping, []
    while f"{KEY}{len(out)}" in m:
        out.append(m[f"{KEY}{len(out)}"])
    return tuple(out)


def _parts(
    session: Db,
    stmt: Select,
    limit: int | None,
    batch: int,
    later: Callable[[int, str], Select] | None = None,
) -> Iterator[list]:
    """The rows of STMT in batches, each with the values of its order's columns (_key).
    With a LIMIT, in windows of the SQL: the first holds LIMIT rows (the database plans a
    first page: top-N from an index, no full sort), the next ones twice as many each, for
    when rows are skipped (other appearances), each starting after the last row read
    (keyset: one index range, not OFFSET). LATER(size, cursor) builds a later window's
    statement anew when given (firsts_of_each reads as many rows of each topic as its
    window holds), else STMT is continued."""
    order = order_of(stmt)
    keyed = lambda s: s.add_columns(*(c.label(f"{KEY}{i}") for i, c in enumerate(order[0])))  # noqa: E731
    if order is not None:
        stmt = keyed(stmt)
    if limit is None:
        yield from session.execute(stmt.execution_options(yield_per=batch)).partitions(batch)
        return
    done, size, last = 0, max(limit, 1), None
    while True:
        if later is not None and last is not None and cursor_of(last):
            window = keyed(later(size, cursor_of(last))).limit(size)
        elif order is not None and last is not None and None not in last:
            window = stmt.where(beyond(order[0], last, order[1])).limit(size)
        else:  # the first window, or an order whose key the rows cannot name
            window = stmt.offset(done or None).limit(size)
        got = 0
        for part in _windowed(session, window, size, batch):
            got += len(part)
            last = _key(part[-1])
            yield part
        if got < size:
            return
        done, size = done + size, size * 2


def _windowed(session: Db, window: Select, size: int, batch: int) -> Iterator[list]:
    """The rows of a WINDOW of at most SIZE rows in batches: streamed (a server-side cursor
    on PostgreSQL) when it holds more than a batch, else fetched at once. PostgreSQL plans a
    cursor for its first tenth of the rows (cursor_tuple_fraction), not for all of them as
    a page needs: a first page of a few claims could take a plan five times slower."""
    if size <= batch:
        rows = session.execute(window).all()
        if rows:
            yield rows
        return
    yield from session.execute(window.execution_options(yield_per=batch)).partitions(batch)
