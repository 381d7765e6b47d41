"""Claims made by hand, stored through the real store: tests of the query and curation
layer that do not depend on the extractor. Spans are found in the text, so every
offset is real; the two articles in tests/fixtures re-report some of the seed's claims.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimtrack.extract.types import CharSpan, FoundClaim, SaidDate, Speaker
from claimtrack.io.document import Document
from claimtrack.store import engine as dbmod
from claimtrack.store.writes import ensure_taxonomy, resolve_speaker, store_document
from tests.conftest import ROOT, SEEDS

FIXTURES = ROOT / "tests" / "fixtures"
SEED_TEXT = (SEEDS / "000_8a316d92444b8c15.txt").read_text(encoding="utf-8")
WIRE_TEXT = (FIXTURES / "wire_trump_aims.txt").read_text(encoding="utf-8")
DAILY_TEXT = (FIXTURES / "daily_territory.txt").read_text(encoding="utf-8")


def span(text: str, part: str, after: int = 0) -> CharSpan:
    start = text.index(part, after)
    return CharSpan(start, start + len(part))


@dataclass
class C:
    """A claim to make: the speaker as written, cue and content as they appear."""

    mention: str | None
    name: str | None
    cue: str
    content: str
    on: str | None = None
    relation: str = "unknown"
    date_text: str | None = None
    quote: str | None = None
    kind: str = "person"
    role: str | None = None
    affiliation: str | None = None
    attribution: str = "indirect"
    hedged: bool = False
    near: str | None = None  # a text the claim's sentence contains, to find the right one
    found_by: str = "rules"

    def build(self, text: str) -> FoundClaim:
        base = text.index(self.near) if self.near else 0
        line_start = text.rfind("\n", 0, base) + 1
        content = span(text, self.content, line_start)
        cue = span(text, self.cue, line_start)
        mention = span(text, self.mention, line_start) if self.mention else None
        start = text.rfind("\n", 0, content.start) + 1
        end = text.find("\n", content.end)
        end = len(text) if end == -1 else end
        day = dt.date.fromisoformat(self.on) if self.on else None
        return FoundClaim(
            speaker=Speaker(mention, self.name, self.kind, self.role, self.affiliation),  # type: ignore[arg-type]
            cue=cue,
            content=content,
            sentence=CharSpan(start, end),
            attribution=self.attribution,  # type: ignore[arg-type]
            quote=self.quote,
            hedged=self.hedged,
            date=SaidDate(
                day, "day" if self.relation == "on" else "none", self.relation, self.date_text
            ),  # type: ignore[arg-type]
            confidence=0.9 if self.found_by == "rules" else 0.45,
            found_by=self.found_by,  # type: ignore[arg-type]
        )


SEED_CLAIMS = [
    C("President Trump", "Donald Trump", "stated",
      'his goal in meeting Putin is to "secure a ceasefire in Ukraine."',
      "2025-08-13", "on", "on the 13th", "secure a ceasefire in Ukraine", role="U.S. President"),
    C("Russian Presidential Aide Yuri Ushakov", "Yuri Ushakov", "noted",
      "the central topic of the upcoming summit would be resolving the Ukraine crisis",
      "2025-08-14", "on", "on the 14th", role="Presidential Aide", affiliation="Russia"),
    C("Ushakov", "Yuri Ushakov", "mentioned",
      "the leaders would discuss long-term solutions to the Ukraine crisis during their talks",
      "2025-08-14", "before", "previously", near="Ushakov previously"),
    C("Trump", "Donald Trump", "referenced",
      'a potential Russia-Ukraine peace agreement that might involve "exchanging some territories" between the two sides',
      "2025-08-14", "before", "earlier", "exchanging some territories", near="Trump had earlier"),
    C("he", "Donald Trump", "clarified",
      'the meeting with Putin "will not discuss any possible territorial divisions."',
      "2025-08-13", "on", "on the 13th", "will not discuss any possible territorial divisions",
      near="he clarified"),
    C("Ushakov", "Yuri Ushakov", "stated",
      "the two sides would discuss bilateral cooperation in economic and global security matters",
      "2025-08-14", "on", "on the 14th", near="Ushakov stated"),
    C("Russian Deputy Foreign Minister Sergei Ryabkov", "Sergei Ryabkov", "expressed hope",
      "the summit would provide new momentum for normalizing relations, including resolving "
      "issues like the resumption of direct flights between the two countries",
      "2025-08-14", "before", "previously", role="Deputy Foreign Minister", affiliation="Russia"),
    C("multiple Russian media outlets", "Russian media outlets", "According to",
      "Putin may propose in-depth cooperation projects between Russia and the U.S. in the Arctic "
      "during the meeting", kind="media", attribution="according_to", hedged=True),
]  # fmt: skip

WIRE_CLAIMS = [
    C("U.S. President Donald Trump", "Donald Trump", "said",
      'his goal in meeting Putin was to "secure a ceasefire in Ukraine."',
      "2025-08-13", "on", "on Wednesday", "secure a ceasefire in Ukraine"),
    C("Kremlin aide Yuri Ushakov", "Yuri Ushakov", "said",
      "the central topic of the summit would be resolving the Ukraine crisis",
      "2025-08-14", "on", "on Thursday"),
    C("Several European leaders", "European leaders", "said",
      "they would keep supporting Kyiv whatever the outcome", kind="government",
      found_by="detector"),
]  # fmt: skip

DAILY_CLAIMS = [
    C("Donald Trump", "Donald Trump", "told",
      'the meeting with Putin "will not discuss any possible territorial divisions."',
      "2025-08-13", "on", "on Wednesday", "will not discuss any possible territorial divisions"),
    C("Sergei Ryabkov", "Sergei Ryabkov", "has said",
      "the summit could bring new momentum for normalizing relations",
      "2025-08-15", "by", "has said"),
    C("Analysts", None, "said", "the talks were unlikely to produce a quick deal on sanctions"),
]  # fmt: skip

ARTICLES = [
    ("seeds/000_8a316d92444b8c15.txt", SEED_TEXT, SEED_CLAIMS,
     "Upcoming Putin-Trump Summit: 4 Key Topics in Focus", None, "2025-08-14"),
    ("tests/fixtures/wire_trump_aims.txt", WIRE_TEXT, WIRE_CLAIMS,
     "Trump sets out his aims for Alaska", "Example Wire", "2025-08-14"),
    ("tests/fixtures/daily_territory.txt", DAILY_TEXT, DAILY_CLAIMS,
     "Territory off the table, Trump says", "Example Daily", "2025-08-15"),
]  # fmt: skip


def store_articles(db: str, articles=ARTICLES) -> None:  # type: ignore[no-untyped-def]
    """Store the articles with their hand-made claims, one transaction each."""
    engine = dbmod.open_engine(db)
    for path, text, claims, title, outlet, published in articles:
        with dbmod.session_scope(engine) as session:
            topics = ensure_taxonomy(session)
            doc = Document(
                text=text,
                path=path,
                title=title,
                outlet=outlet,
                published=dt.date.fromisoformat(published),
            )
            store_document(session, doc, [c.build(text) for c in claims], topics)


def speaker_of(text: str, content_piece: str) -> Speaker:
    """The speaker the extractor credits with the claim whose content holds CONTENT_PIECE."""
    from claimtrack.extract import extract

    for c in extract(text):
        if content_piece in c.content.text(text):
            return c.speaker
    raise AssertionError(f"no claim holds {content_piece!r}: {extract(text)}")


def said(name: str | None, mention: str, kind: str = "person") -> tuple[Speaker, str]:
    """A speaker as the extractor hands it to the store: its name, kind and the mention."""
    return Speaker(CharSpan(0, len(mention)), name, kind), mention  # type: ignore[arg-type]


def filed(db_url: str, *speakers: tuple[Speaker, str]) -> list[tuple[str | None, str | None]]:
    """(actor name, how) of each speaker, in one database, one transaction each."""
    engine = dbmod.open_engine(db_url)
    out = []
    for speaker, text in speakers:
        with dbmod.session_scope(engine) as session:
            actor, how = resolve_speaker(session, speaker, text)
            out.append((actor.name if actor is not None else None, how))
    return out
