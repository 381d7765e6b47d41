"""schema.org ClaimReview JSON-LD for reviewed claims, streamed one claim at a time.

One ClaimReview per reviewed claim (its first appearance): ``claimReviewed`` is the
claim's short text (`claims set --text`), else its content; ``url`` the fact-check page
(`review --url`); ``itemReviewed`` a ``Claim`` with its speaker (a Person's ``jobTitle``
and ``affiliation`` as an Organization) and every appearance; ``reviewRating`` the status
as ``alternateName`` on a 1 (false) .. 5 (verified) scale. ``missing`` names the fields
the consuming tools (Google's fact-check markup) require that a document lacks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimtrack.store import appearances
from claimtrack.store.models import Claim, ClaimReview, Source

RATINGS = {
    "false": (1, "False"),
    "misleading": (2, "Misleading"),
    "disputed": (3, "Disputed"),
    "verified": (5, "Verified"),
}


def _work(source: Source) -> dict:
    work: dict = {"@type": "CreativeWork"}
    if source.title:
        work["headline"] = source.title
    if source.url:
        work["url"] = source.url
    if source.published_on:
        work["datePublished"] = source.published_on.isoformat()
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    return work


def _speaker(claim: Claim) -> dict | None:
    actor = claim.actor
    if actor is None:
        return None
    person = actor.kind == "person"
    out: dict = {"@type": "Person" if person else "Organization", "name": actor.name}
    title = job_title(actor.role, actor.affiliation)
    if person and title:
        out["jobTitle"] = title
    if actor.affiliation:
        org = {"@type": "Organization", "name": actor.affiliation}
        out["affiliation" if person else "parentOrganization"] = org
    return out


def job_title(role: str | None, affiliation: str | None) -> str | None:
    """A role as a job title: spacing and trailing punctuation cleaned, and the affiliation
    taken off its front ("Russian Presidential Aide" stays; "Russia's foreign minister"
    with affiliation Russia becomes "Foreign minister")."""
    if not role:
        return None
    title = " ".join(role.split()).strip(" ,;:.-")
    if affiliation:
        for lead in (f"{affiliation}'s ", f"{affiliation}’s ", f"{affiliation} "):
            if title.lower().startswith(lead.lower()) and len(title) > len(lead):
                title = title[len(lead) :]
                break
    return title[:1].upper() + title[1:] if title else None


REQUIRED = (
    ("url", "the fact-check page: `claimtrack review ID --status ... --url https://...`"),
    ("claimReviewed", "the claim's text"),
    ("reviewRating.alternateName", "a verdict"),
    ("author.name", "who reviewed it: --by, or --publisher"),
    ("datePublished", "the review's day"),
    ("itemReviewed.author.name", "the speaker: `claimtrack claims set ID --speaker NAME`"),
)


def missing(doc: dict) -> list[str]:
    """The fields of REQUIRED that DOC lacks, each with how to give it."""
    out = []
    for path, how in REQUIRED:
        value: object = doc
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if not value:
            out.append(f"{path} ({how})")
    return out


def claim_review(session: Session, claim: Claim, publisher: str | None = None) -> dict:
    group = appearances.group_of(session, claim)
    ids = [c.id for c in group]
    latest = session.scalars(
        select(ClaimReview)
        .where(ClaimReview.claim_id.in_(ids))
        .order_by(ClaimReview.reviewed_at.desc(), ClaimReview.id.desc())
        .limit(1)
    ).first()
    value, name = RATINGS[claim.status]
    item: dict = {"@type": "Claim"}
    speaker = _speaker(claim)
    if speaker:
        item["author"] = speaker
    if claim.said_on:
        item["datePublished"] = claim.said_on.isoformat()
    item["firstAppearance"] = _work(group[0].source)
    item["appearance"] = [_work(c.source) for c in group]
    reviewer = (latest.reviewer if latest else None) or publisher or "claimtrack"
    out: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"claim-{claim.id}",
        "claimReviewed": claim.short_text or claim.content,
        "author": {
            "@type": "Organization" if not latest or not latest.reviewer else "Person",
            "name": reviewer,
        },
        "datePublished": (latest.reviewed_at.date().isoformat() if latest else None),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
    }
    if latest and latest.url:
        out["url"] = latest.url
    if latest and latest.note:
        out["reviewBody"] = latest.note
    if publisher:
        out["publisher"] = {"@type": "Organization", "name": publisher}
    return out


def iter_claim_reviews(
    session: Session,
    publisher: str | None = None,
    batch: int = 200,
    only: Iterable[int] | None = None,
) -> Iterator[dict]:
    """ClaimReview documents for every reviewed claim (first appearances), by claim id;
    ONLY limits them to these first-appearance ids."""
    # ids first, then claims in batches: nested queries on one connection while a
    # server-side cursor is open are not portable, and memory stays one batch of claims.
    reviewed = Claim.status.in_(RATINGS) & Claim.same_as_id.is_(None) & Claim.rejected.is_(None)
    ids = list(session.scalars(select(Claim.id).where(reviewed).order_by(Claim.id)))
    if only is not None:
        wanted = set(only)
        ids = [i for i in ids if i in wanted]
    for i in range(0, len(ids), batch):
        part = select(Claim).where(Claim.id.in_(ids[i : i + batch])).order_by(Claim.id)
        for claim in session.scalars(part).all():
            yield claim_review(session, claim, publisher)
        session.expunge_all()
