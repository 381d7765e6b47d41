"""Feed subscriptions: add, list, remove, and keep each feed's state between polls (the
validators of its last answer for conditional requests, when and how it was last polled)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.errors import UserError
from claimtrack.store.models import Feed, utcnow

MAX_URL = 2000


def check_new(session: Session, url: str) -> None:
    """UserError if URL is already subscribed, or too long to keep."""
    if len(url) > MAX_URL:
        raise UserError(f"feed URL longer than {MAX_URL} characters: {url[:60]}...")
    existing = session.scalar(select(Feed.id).where(Feed.url == url))
    if existing is not None:
        raise UserError(f"{url}: already subscribed (feed {existing})")


def add_feed(session: Session, url: str, title: str | None = None) -> Feed:
    """Subscribe to URL; UserError if it is already subscribed or too long to keep."""
    check_new(session, url)
    feed = Feed(url=url, title=title)
    session.add(feed)
    session.flush()
    return feed


def find_feed(session: Session, ref: str) -> Feed:
    """The feed with id REF, or with URL REF; UserError naming `feeds list` if none."""
    feed = session.get(Feed, int(ref)) if ref.isdigit() else None
    if feed is None:
        feed = session.scalar(select(Feed).where(Feed.url == ref))
    if feed is None:
        raise UserError(f"no feed {ref!r} (see `claimtrack feeds list` for ids and URLs)")
    return feed


def remove_feed(session: Session, ref: str) -> Feed:
    feed = find_feed(session, ref)
    session.delete(feed)
    session.flush()
    return feed


def feeds(session: Session) -> list[Feed]:
    return list(session.scalars(select(Feed).order_by(Feed.id)))


def feed_rows(session: Session) -> list[dict]:
    return [
        {
            "feed_id": f.id,
            "url": f.url,
            "title": f.title,
            "last_polled_at": _iso(f.last_polled_at),
            "last_result": f.last_result,
            "etag": f.etag,
            "last_modified": f.last_modified,
        }
        for f in feeds(session)
    ]


def record_poll(
    session: Session,
    feed_id: int,
    result: str,
    *,
    title: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    validators: bool = False,
) -> None:
    """Keep what a poll found; the validators (ETAG, LAST_MODIFIED) only when VALIDATORS:
    after a poll whose articles were all read, so an article that failed is fetched again
    next time instead of hiding behind a 304."""
    feed = session.get(Feed, feed_id)
    if feed is None:  # removed while it was polled
        return
    feed.last_polled_at = utcnow()
    feed.last_result = result
    if title and not feed.title:
        feed.title = title
    if validators:
        feed.etag, feed.last_modified = etag, last_modified


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite gives back naive UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat(timespec="seconds")
