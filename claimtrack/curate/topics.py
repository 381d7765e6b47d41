"""Curating the topic taxonomy: list with counts, add, edit, remove, and re-tag claims.

After a change the claims are re-tagged at once, so ``who-said --topic`` reflects it:
links the tagger made (via keyword, heading or sentence) are recomputed for the changed topics;
links made by the extractor or by hand are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from claimtrack.curate.suggest import Suggestion, Uncovered, slug_for, suggest
from claimtrack.errors import UserError
from claimtrack.query.lookups import get_claim, get_topic
from claimtrack.store.models import Actor, ActorAlias, Claim, ClaimTopic, Source, Topic
from claimtrack.store.taxonomy import (
    SLUG_RE,
    TopicDef,
    article_topics,
    frame_of,
    load_taxonomy,
    own_words,
)
from claimtrack.store.taxonomy import tag as tag_topics
from claimtrack.store.topic_rows import taxonomy
from claimtrack.store.writes import ensure_taxonomy, upsert_topics
from claimtrack.words import english_frequency, words

TAGGER_VIA = ("keyword", "heading", "sentence", "speaker", "article")


def _clean_keywords(keywords: Sequence[str]) -> list[str]:
    out: list[str] = []
    for k in keywords:
        k = " ".join(k.split())
        if k and k.lower() not in (o.lower() for o in out):
            out.append(k)
    return out


@dataclass(frozen=True)
class Retagged:
    added: int
    removed: int


def add_topic(
    session: Session,
    slug: str,
    label: str | None,
    keywords: Sequence[str],
    parent: str | None = None,
) -> Retagged:
    ensure_taxonomy(session)
    slug = slug.strip()
    if not SLUG_RE.match(slug):
        raise UserError(f"topic slug {slug!r}: use a-z, 0-9 and -, e.g. 'nuclear-weapons'")
    if session.scalar(select(Topic.id).where(Topic.slug == slug)) is not None:
        raise UserError(f"topic {slug} exists; change it with `claimtrack topics edit {slug}`")
    above = get_topic(session, parent) if parent else None
    topic = Topic(
        slug=slug,
        label=(label or slug).strip(),
        keywords=_clean_keywords(keywords),
        parent_id=above.id if above else None,
    )
    session.add(topic)
    session.flush()
    return retag(session, [topic])


def edit_topic(
    session: Session,
    name: str,
    *,
    label: str | None = None,
    keywords: Sequence[str] | None = None,
    add_keywords: Sequence[str] = (),
    remove_keywords: Sequence[str] = (),
) -> Retagged:
    topic = get_topic(session, name)
    current = list(topic.keywords or []) if keywords is None else list(keywords)
    drop = {k.strip().lower() for k in remove_keywords}
    missing = drop - {k.lower() for k in current}
    if missing:
        raise UserError(f"topic {topic.slug} has no keyword {sorted(missing)[0]!r}")
    current = _clean_keywords([k for k in current if k.lower() not in drop] + list(add_keywords))
    if label is not None:
        if not label.strip():
            raise UserError("--label is empty")
        topic.label = label.strip()
    topic.keywords = current
    session.flush()
    return retag(session, [topic])


def remove_topic(session: Session, name: str) -> tuple[str, int]:
    topic = get_topic(session, name)
    links = session.scalar(select(func.count()).where(ClaimTopic.topic_id == topic.id)) or 0
    session.execute(delete(ClaimTopic).where(ClaimTopic.topic_id == topic.id))
    slug = topic.slug
    session.delete(topic)
    session.flush()
    return slug, links


def retag(
    session: Session,
    topics: Sequence[Topic] | None = None,
    batch: int = 1000,
    source_id: int | None = None,
) -> Retagged:
    """Recompute the tagger's links of TOPICS (default: all) over every stored claim, or the
    claims of one source (SOURCE_ID), each article's claims checked together as at ingest,
    from what ingest read: the stored words, speaker mention, cue and the speaker's role as
    the article gave it (``Claim.speaker_role``, not the actor's role, which another article
    may have set)."""
    topics = list(topics) if topics is not None else list(session.scalars(select(Topic)))
    if not topics:
        return Retagged(0, 0)
    defs = taxonomy(session)  # all of them: an ambiguous keyword needs its tree's company
    ids = {t.slug: t.id for t in topics}
    tagger = ClaimTopic.via.in_(TAGGER_VIA)
    scope = [ClaimTopic.topic_id.in_(ids.values())]
    if source_id is not None:
        scope.append(ClaimTopic.claim_id.in_(select(Claim.id).where(Claim.source_id == source_id)))
    links = select(ClaimTopic.claim_id, ClaimTopic.topic_id, tagger).where(*scope)
    before: set[tuple[int, int]] = set()
    kept: set[tuple[int, int]] = set()
    for claim_id, topic_id, by_tagger in session.execute(links):
        (before if by_tagger else kept).add((claim_id, topic_id))
    session.execute(delete(ClaimTopic).where(*scope, tagger))
    after: set[tuple[int, int]] = set()
    rows = session.execute(
        select(
            Claim.source_id,
            Source.title,
            Claim.id,
            Claim.content,
            Claim.quote,
            Claim.heading,
            Claim.sentence,
            Claim.sentence_start,
            Claim.speaker_start,
            Claim.speaker_end,
            Claim.content_start,
            Claim.speaker_mention,
            Claim.cue,
            Claim.cue_start,
            Claim.speaker_role,
        )
        .join(Source, Source.id == Claim.source_id)
        .where(*([] if source_id is None else [Claim.source_id == source_id]))
        .order_by(Claim.source_id, Claim.id)
        .execution_options(yield_per=batch)
    )
    pending: list[dict] = []
    for _, article in groupby(rows, key=lambda r: r[0]):
        claims = list(article)
        own = [own_words(r[3], r[10], _speaker(r[8], r[9])) for r in claims]
        tagged = [_tag_row(defs, r[3:11], o, r[12:14]) for r, o in zip(claims, own, strict=True)]
        words = [(o, r[4]) for r, o in zip(claims, own, strict=True)]
        speakers, roles = [r[11] for r in claims], [r[14] for r in claims]
        found = article_topics(defs, tagged, words, claims[0][1], speakers, roles)
        for row, topics_of_row in zip(claims, found, strict=True):
            for slug, via in topics_of_row.items():
                if slug not in ids:
                    continue
                key = (row[2], ids[slug])
                if key in kept:
                    continue
                after.add(key)
                pending.append({"claim_id": row[2], "topic_id": ids[slug], "via": via})
    for i in range(0, len(pending), batch):
        session.execute(insert(ClaimTopic), pending[i : i + batch])
    session.flush()
    return Retagged(len(after - before), len(before - after))


def _speaker(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _tag_row(
    defs: Sequence[TopicDef], row: Sequence, own: str, cue: Sequence = (None, None)
) -> dict[str, str]:
    """The tagger's topics of one stored claim (content, quote, heading, sentence, its start,
    speaker start and end, content start), on its own words (OWN: ``own_words`` of its
    content), heading, sentence and CUE (its text and start)."""
    _, quote, heading, sentence, start, sp_start, sp_end, c_start = row
    speaker = _speaker(sp_start, sp_end)
    frame = frame_of(sentence, start, speaker, c_start)
    cue_text, cue_start = cue
    cue_own = (
        own_words(cue_text, cue_start, speaker) if cue_text and cue_start is not None else None
    )
    return dict(tag_topics(defs, own, quote, heading, frame, c_start - start, cue_own))


def stale_topics(session: Session, path: str | None = None) -> list[str]:
    """Slugs of the topics of the taxonomy file (default: the built-in one) that the database
    lacks or holds with other keywords, label or parent: what `topics update` would change.
    An empty database (no topics yet) has none: it is seeded from the file on first use."""
    if session.scalar(select(Topic.id).limit(1)) is None:
        return []
    stored = {t.slug: t for t in taxonomy(session)}
    return [t.slug for t in load_taxonomy(path) if not _same(stored.get(t.slug), t)]


def _same(a: TopicDef | None, b: TopicDef) -> bool:
    return a is not None and (a.label, a.keywords, a.parent, a.code) == (
        b.label,
        b.keywords,
        b.parent,
        b.code,
    )


def update_taxonomy(session: Session, path: str | None = None) -> tuple[list[str], Retagged]:
    """Load the taxonomy file (default: the built-in one) into the database, its topics
    replacing the stored ones of the same slug (topics added by hand stay), then re-tag
    every claim; the slugs changed and the re-tagging."""
    changed = stale_topics(session, path)
    upsert_topics(session, load_taxonomy(path))
    return changed, retag(session)


def tag_claim(session: Session, claim_id: int, name: str, remove: bool = False) -> str:
    """Put a claim (every appearance of it) under a topic by hand, or take it out.

    A hand-made link is kept by later re-tagging; a removed link the keywords still
    match comes back at the next re-tag of that topic.
    """
    from claimtrack.store.appearances import group_of

    topic = get_topic(session, name)
    for claim in group_of(session, get_claim(session, claim_id)):
        link = session.get(ClaimTopic, (claim.id, topic.id))
        if remove and link is not None:
            session.delete(link)
        elif not remove and link is None:
            session.add(ClaimTopic(claim_id=claim.id, topic_id=topic.id, via="manual"))
        elif not remove and link is not None:
            link.via = "manual"
    session.flush()
    return topic.slug


# ---- suggestions -------------------------------------------------------------------------


def suggestions(session: Session, limit: int = 10, min_claims: int = 3) -> list[Suggestion]:
    """Topics proposed from the stored claims (first appearances) that no topic covers."""
    covered = select(ClaimTopic.claim_id)
    first = Claim.same_as_id.is_(None)
    rows = session.execute(
        select(Claim.id, Claim.source_id, Claim.content)
        .where(first, Claim.id.not_in(covered))
        .order_by(Claim.id)
    )
    uncovered = [Uncovered(i, s, c) for i, s, c in rows]
    return suggest(uncovered, english_frequency, name_words(session), limit, min_claims)


def name_words(session: Session) -> frozenset[str]:
    """The words of every speaker's name and alias: a speaker is not a topic."""
    names = [*session.scalars(select(Actor.name)), *session.scalars(select(ActorAlias.alias))]
    return frozenset(w for name in names for w in words(name))


def add_suggested(
    session: Session,
    choice: str,
    found: Sequence[Suggestion],
    slug: str | None = None,
    parent: str | None = None,
) -> tuple[str, Retagged]:
    """Add the suggestion CHOICE (its number in FOUND, from 1, or its phrase) as a topic."""
    picked = _pick(choice, found)
    slug = slug or slug_for(picked.phrase)
    return slug, add_topic(session, slug, picked.phrase.capitalize(), [picked.phrase], parent)


def _pick(choice: str, found: Sequence[Suggestion]) -> Suggestion:
    choice = choice.strip()
    if not found:
        raise UserError(
            f"--add {choice}: there are no suggestions (no phrase is in --min-claims uncovered "
            "claims from two sources); add a topic with `claimtrack topics add`"
        )
    if choice.isdigit() and 1 <= int(choice) <= len(found):
        return found[int(choice) - 1]
    for s in found:
        if s.phrase == choice.lower():
            return s
    raise UserError(
        f"--add {choice}: not one of the {len(found)} suggestions; give its number (1 to "
        f"{len(found)}) or its phrase, or add any topic with `claimtrack topics add`"
    )
