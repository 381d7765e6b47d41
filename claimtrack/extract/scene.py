"""Dates from context: a date phrase that sets the scene of a sentence ("On Friday, the
candidate rallied in Detroit.") dates the claims after it that have no date phrase of their
own: in its paragraph, and in the next paragraph when the scene is the news of the day (a
day or a named range at most NEWS_DAYS before publication). An older date ("In 1993", "In
May") is background more often than scene: it dates nothing beyond its paragraph. Read on
PolNeAR dev, carrying any scene two paragraphs on was right for 2 claims of 13.

A scene is a date phrase modifying a sentence's main verb directly (not a date inside a
reported clause, which is the content's, not the scene's), in a sentence not in the future
tense. It is resolved as any date phrase is; only a day, a month, a year or a named range
("last week", "over the weekend") sets a scene: "previously" or "later" do not. Without a
publication date a relative scene ("On Friday") is carried as text alone: no date is invented.

Outside the scene's own sentence the scene is someone's: when its subject is named ("On
Friday, Senator Holt toured ...") or a pronoun, a claim after it keeps the scene only if its
speaker is that one (named alike, or a pronoun); a scene whose subject is a common noun ("the
mayor", "European leaders") dates any claim after it. Read on PolNeAR dev, the scene of one
speaker carried to another ("Critics said on Friday ... / Trump responded ...") was most of
the wrong context dates. A date phrase inside a claim's own content ("the herd numbered
40,000 head in 1968, according to ...") is the content's date, never when it was said;
one inside a quotation ('"Yesterday, there were two polls," he said.') sets no scene at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from claimtrack.extract import tails, when
from claimtrack.extract.dates import resolve_date
from claimtrack.extract.segment import Parsed, Segment
from claimtrack.extract.spans import columns, entity_at, token_starts
from claimtrack.extract.types import FoundClaim, SaidDate
from claimtrack.extract.wordlists import words
from claimtrack.names import PRONOUNS

RUN_PARAGRAPHS = 1  # a news scene also dates claims this many paragraphs after its own
NEWS_DAYS = 14
MAX_PHRASE_TOKENS = 6
_DATE_PREPS = words("date_preps")
_MODIFIERS = ("npadvmod", "advmod", "tmod")


@dataclass(frozen=True, slots=True)
class Scene:
    start: int  # document offset of the phrase
    paragraph: int  # index of its paragraph
    date: SaidDate
    news: bool = False  # a day or a short range close to publication: it may run on
    # whose scene: the lower-case proper-noun words of its sentence's subject (empty for a
    # pronoun); None when the subject is a common noun or missing (anyone's scene)
    who: frozenset[str] | None = None


def scene_span(sent: Span) -> tuple[int, int] | None:
    """Token indices (first, last) of the date phrase modifying SENT's main verb, if any."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or when.is_future(root):
        return None
    for child in root.children:
        span = _modifier_span(child)
        if span is not None and span[1] - span[0] < MAX_PHRASE_TOKENS:
            return span
    for subj in root.children:  # "A judge on Monday blocked ...": the parser hangs the
        # date on the subject; right before the verb, it is the verb's
        if subj.dep_ in ("nsubj", "nsubjpass") and subj.i < root.i:
            last = next((c for c in subj.rights if c.right_edge.i == root.i - 1), None)
            span = _modifier_span(last) if last is not None and last.dep_ == "prep" else None
            if span is not None and span[1] - span[0] < MAX_PHRASE_TOKENS:
                return span
    return None


def _modifier_span(child: Token) -> tuple[int, int] | None:
    if child.dep_ in _MODIFIERS and when._is_date_tok(child):
        ent = entity_at(child.doc, child.i) if child.ent_type_ else None
        return (ent[0], ent[1] - 1) if ent else (child.left_edge.i, child.right_edge.i)
    if child.dep_ == "prep" and child.lower_ in _DATE_PREPS:
        objs = [c for c in child.children if c.dep_ == "pobj"]
        if objs and any(when._is_date_tok(t) for t in objs[0].subtree):
            return child.i, objs[0].right_edge.i
    return None


def scene_subject(sent: Span) -> frozenset[str] | None:
    """Whose scene SENT sets: see ``Scene.who``."""
    subjects = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.pos_ == "PRON" or subject.lower_ in PRONOUNS:
        return frozenset()
    proper = frozenset(t.lower_ for t in subject.subtree if t.pos_ == "PROPN" and t.is_alpha)
    return proper or None


def _speaker_words(c: FoundClaim, text: str) -> frozenset[str] | None:
    """The lower-case words naming C's speaker; None for a pronoun or no mention."""
    sp = c.speaker
    mention = text[sp.mention.start : sp.mention.end] if sp.mention and text else ""
    if not mention.strip() or mention.strip().lower() in PRONOUNS:
        return None
    names = " ".join([mention, sp.name or "", *sp.aliases])
    return frozenset(w.lower() for w in names.replace("’", "'").split() if w.isalpha())


def _same_speaker(scene: Scene, c: FoundClaim, text: str) -> bool:
    """C may be told in SCENE: anyone's scene, a pronoun speaker, or the scene's subject."""
    if scene.who is None:
        return True
    said_by = _speaker_words(c, text)
    return said_by is None or bool(said_by & scene.who)


def _sets_scene(said: SaidDate, published: dt.date | None) -> bool:
    """A day, month, year or named range; without a publication date, any date phrase (its
    text is carried, with no date invented)."""
    if published is None:
        return said.text is not None and said.relation in ("on", "unknown")
    if said.earliest is not None and said.earliest > published:
        return False  # "a reelection fight in 2018": what is to come is no scene of a claim
    return said.relation == "on" or (said.earliest is not None and said.latest is not None)


def _news(said: SaidDate, published: dt.date | None) -> bool:
    if published is None or said.earliest is None or said.latest is None:
        return False
    short = (said.latest - said.earliest).days <= 7
    return short and 0 <= (published - said.earliest).days <= NEWS_DAYS


def _undated(said: SaidDate) -> bool:
    """No date phrase of its own: dated by publication, or by nothing at all."""
    return said.via == "publication" or (said.via == "none" and said.text is None)


def scenes(paragraphs: list[Parsed], published: dt.date | None) -> list[Scene]:
    """Every scene of a document, in text order."""
    out: list[Scene] = []
    for k, p in enumerate(paragraphs):
        if p.seg.is_heading:
            continue
        if (own := _dateline_scene(p, k, published)) is not None:
            out.append(own)
        for sent in p.doc.sents:
            span = scene_span(sent)
            if span is None:
                continue
            doc = sent.doc
            phrase = doc[span[0] : span[1] + 1]
            said = resolve_date(phrase.text, published)
            if _sets_scene(said, published):
                start = p.doc_span(phrase)[0]
                out.append(Scene(start, k, said, _news(said, published), scene_subject(sent)))
    return out


def _dateline_scene(p: Parsed, k: int, published: dt.date | None) -> Scene | None:
    """The day of a dateline opening paragraph K ("WASHINGTON, June 10 (Wire) — "): the day
    the story was filed, the scene of its lede (anyone's)."""
    cut = tails.dateline_end(p.doc) if len(p.doc) else None
    if not cut:
        return None
    ent = next((e for e in p.doc.ents if e.label_ == "DATE" and e.end <= cut), None)
    if ent is None:
        return None
    said = resolve_date(ent.text, published)
    if not _sets_scene(said, published):
        return None
    return Scene(p.doc_span(ent)[0], k, said, _news(said, published), None)


_VBD, _HAVE = get_string_id("VBD"), get_string_id("have")  # as spans.columns holds them


def past_offsets(paragraphs: list[Parsed]) -> frozenset[int]:
    """Document offsets of the verbs in the simple past ("said", "told"; not "had")."""
    out: set[int] = set()
    for p in paragraphs:
        cols, starts = columns(p.doc), token_starts(p.doc)
        out.update(
            p.seg.start + starts[i]
            for i, (tag, lemma) in enumerate(zip(cols.tag, cols.lemma, strict=True))
            if tag == _VBD and lemma != _HAVE
        )
    return frozenset(out)


def _told_then(c: FoundClaim, text_of_cue: str, past: frozenset[int]) -> bool:
    """A cue in the simple past: "has long said", "had called", "critics say" tell of another
    time than the scene's."""
    if text_of_cue.split()[:1] in (["has"], ["have"], ["had"]):
        return False
    return any(o in past for o in range(c.cue.start, c.cue.end))


def carry(
    claims: list[FoundClaim],
    segments: list[Segment],
    found: list[Scene],
    past: frozenset[int] = frozenset(),
    text: str = "",
) -> list[FoundClaim]:
    """CLAIMS with the scene's date on each claim dated only by publication that follows a
    scene in its paragraph, or up to RUN_PARAGRAPHS after a news scene, no heading between,
    the scene not inside the claim's content nor inside any quotation; outside the scene's own sentence, only a claim
    whose cue is in the simple past (PAST: the offsets of such verbs in TEXT) and whose
    speaker may be the scene's (``_same_speaker``)."""
    if not found:
        return claims
    quoted = [(c.content.start, c.content.end) for c in claims if c.quote]
    found = [s for s in found if not any(a <= s.start < b for a, b in quoted)]
    if not found:
        return claims
    starts = [s.start for s in segments]
    heading_at = [s.is_heading for s in segments]
    offsets = [s.start for s in found]
    out = []
    for c in claims:
        k = bisect.bisect_right(offsets, c.cue.start) - 1
        if not _undated(c.date) or k < 0:
            out.append(c)
            continue
        scene = found[k]
        para = bisect.bisect_right(starts, c.cue.start) - 1
        near = para == scene.paragraph or (
            scene.news and 0 < para - scene.paragraph <= RUN_PARAGRAPHS
        )
        own_sentence = scene.start >= c.sentence.start
        told = own_sentence or (
            _told_then(c, text[c.cue.start : c.cue.end].lower(), past)
            and _same_speaker(scene, c, text)
        )
        in_content = c.content.start <= scene.start < c.content.end
        if near and told and not in_content and not any(heading_at[scene.paragraph + 1 : para + 1]):
            c = replace(c, date=replace(scene.date, via="context", phrase_start=scene.start))
        out.append(c)
    return out
