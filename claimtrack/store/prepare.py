"""What storing a document needs that no database does: worked out before the transaction.

``prepare`` takes an extracted document (its text, headline and claims) and the taxonomy,
and returns plain data: the claims without repeats, each claim's topics (the tagger's,
checked against the rest of the article) and the same-claim band keys of each content.
It reads no database, so ``ingest --workers N`` runs it in the worker processes, beside the
extraction, and the process that writes only writes (issue 16).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from claimtrack.extract.types import FoundClaim, Speaker
from claimtrack.store.appearances import band_keys
from claimtrack.store.taxonomy import TopicDef, article_topics, frame_of, own_words
from claimtrack.store.taxonomy import tag as tag_topics


@dataclass(frozen=True, slots=True)
class Filed:
    """The name a speaker is looked up and filed under, as its article alone tells it
    (``filed_name``): NAME, whether it is a PERSON's, its KIND and GENDER, the name as
    written with its titles (TITLED) and the mention (SAID)."""

    name: str
    person: bool
    kind: str
    gender: str | None
    titled: str
    said: str


@dataclass
class Prepared:
    """One document ready to store: CLAIMS (each once), TOPICS (slug -> via, one dict per
    claim, in order), KEYS (each content's band keys, appearances.band_keys) and NAMES
    (the name keys its speakers ask the registry) and FILED (each speaker's ``Filed`` name,
    what the keys and storing both read: writes.prepare_to_store fills both)."""

    claims: list[FoundClaim]
    topics: list[dict[str, str]]
    keys: dict[str, tuple[int, ...]] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    filed: dict[Speaker, Filed | None] = field(default_factory=dict)


def prepare(
    text: str, headline: str | None, claims: Sequence[FoundClaim], topics: Sequence[TopicDef]
) -> Prepared:
    """The claims of one document (TEXT, HEADLINE) made ready to store: see ``Prepared``."""
    unique = unique_claims(claims)
    keys = {content: band_keys(content) for content in {c.content.text(text) for c in unique}}
    return Prepared(unique, document_topics(unique, text, topics, headline), keys)


def unique_claims(claims: Sequence[FoundClaim]) -> list[FoundClaim]:
    """CLAIMS, a claim given twice (same content and cue offsets) kept once, in order."""
    seen: set[tuple[int, int, int]] = set()
    unique: list[FoundClaim] = []
    for c in claims:
        key = (c.content.start, c.content.end, c.cue.start)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique


def _mention(c: FoundClaim) -> tuple[int, int] | None:
    return (c.speaker.mention.start, c.speaker.mention.end) if c.speaker.mention else None


def _own_words(c: FoundClaim, text: str) -> str:
    return own_words(c.content.text(text), c.content.start, _mention(c))


def found_topics(
    c: FoundClaim, text: str, topics: Sequence[TopicDef], own: str | None = None
) -> dict[str, str]:
    """The topics of an extracted claim: the tagger's (slug -> via), then the extractor's.
    OWN: the claim's own words as the tagger reads them, when worked out already."""
    frame = frame_of(c.sentence.text(text), c.sentence.start, _mention(c), c.content.start)
    own = _own_words(c, text) if own is None else own
    at = c.content.start - c.sentence.start
    cue = own_words(c.cue.text(text), c.cue.start, _mention(c))
    tagged = dict(tag_topics(topics, own, c.quote, c.heading, frame, at, cue))
    tagged.update((slug, "extractor") for slug in c.topics if slug not in tagged)
    return tagged


def document_topics(
    claims: Sequence[FoundClaim], text: str, topics: Sequence[TopicDef], headline: str | None
) -> list[dict[str, str]]:
    """The topics of one document's extracted claims, in order: each claim's own
    (``found_topics``), checked against the rest of the article (``taxonomy.agree``)."""
    own = [_own_words(c, text) for c in claims]
    tagged = [found_topics(c, text, topics, o) for c, o in zip(claims, own, strict=True)]
    words = [(o, c.quote) for c, o in zip(claims, own, strict=True)]
    speakers = [c.speaker.mention.text(text) if c.speaker.mention else None for c in claims]
    roles = [c.speaker.role for c in claims]
    return article_topics(topics, tagged, words, headline, speakers, roles)
