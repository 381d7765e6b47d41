"""Turn rule candidates of one document into Claims: speakers, dates, hedges, quotes.

Candidates carry document offsets already; a token's offsets come from its paragraph
(``Parsed.doc_start``, ``doc_span``), and ``Parsed.local`` gives the Doc's own offsets where a
reader of the Doc (spaCy, the speaker resolver) needs them."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from typing import Protocol

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimtrack.extract import cues, rules, scene, tails, when
from claimtrack.extract.actor_fields import (
    as_thing,
    country_named,
    role_written_elsewhere,
    thing_kinds,
    vetted,
)
from claimtrack.extract.calibration import calibrated
from claimtrack.extract.learned import detect, refine
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.roles import party_of, party_written
from claimtrack.extract.rules.subjects import in_question
from claimtrack.extract.segment import Parsed
from claimtrack.extract.spans import columns, ids
from claimtrack.extract.speakers import (
    PERSON_NOUNS,
    ResolvedActor,
    Resolver,
    headline_word_on,
    is_byline,
    is_stamp,
    person_ent_text,
    person_name,
    role_of_country,
    untitled,
)
from claimtrack.extract.types import Attribution, CharSpan, FoundClaim, Speaker
from claimtrack.extract.wordlists import words
from claimtrack.names import first_name_gender

REPORT_LEMMAS = words("report_lemmas")
# PolNeAR does not annotate attributions inside quotations (nested speech), nor (mostly)
# source-less ones; a source-less candidate needs at least this confidence.
NO_SOURCE_MIN_CONFIDENCE = 0.5
# PolNeAR annotates the outer attribution only: no gold cue of train (19,831) or dev (2,192)
# lies inside another relation's content, and a second claim for every nested candidate
# lowered relaxed precision (dev 0.850 -> 0.755; docs/evaluation.md, issue 14)
NESTED_MIN_CONFIDENCE = 0.9
Pair = tuple[int, int]
__all__ = ["Parsed", "build_claims"]


def _hedged(cand: rules.Candidate) -> bool:
    cue = cand.cue_tok
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in cues.HEDGE_VERBS:
        return True  # "is expected to say", "seems to believe"
    toks: list[Token] = [cand.cue_tok]
    if cand.content_root is not None:
        toks.append(cand.content_root)
    for t in toks:
        for c in t.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in cues.HEDGE_AUX:
                return True
            if c.dep_ == "advmod" and c.lower_ in cues.HEDGE_ADV:
                return True
        if t != cand.cue_tok and t.lemma_.lower() == "expect" and t.tag_ == "VBN":
            return True
    return False


def _attribution(cand: rules.Candidate, qi: QuoteIndex, parts: list[Pair]) -> Attribution:
    """direct when every piece of the content is one quotation, mixed when quotations are
    only part of it, indirect without any."""
    if cand.according:
        return "according_to"
    quoted = [qi.overlapping(s, e) for s, e in parts]
    if not any(quoted):
        return "indirect"
    whole = all(
        len(qs) == 1 and qs[0].start <= s + 1 and qs[0].end >= e - 1
        for (s, e), qs in zip(parts, quoted, strict=True)
    )
    return "direct" if whole else "mixed"


def _date_before_content(p: Parsed, cue: Token, cs: int) -> set[int]:
    """The words of a date between the cue and the start of its content, which the content's
    parse holds but its span does not ("said Tuesday | the bridge will close", cut by
    `tails.after_date`): they date the saying."""
    out: set[int] = set()
    for t in cue.doc[cue.i + 1 : len(cue.doc)]:
        if p.doc_start(t) >= cs:
            break
        if t.ent_type_ in when.WHEN_LABELS:
            out.add(t.i)
    return out


def _quoted_words(p: Parsed, qi: QuoteIndex, cand: rules.Candidate) -> set[int]:
    """The tokens of the cue's sentence inside a quotation, unless the cue is in one too: a
    date among a speaker's words, an editor's "[in 2012]" with them, is the content's date,
    never when the words were said."""
    inside = qi.inside(p.doc, p.seg.start)
    if inside[cand.cue_tok.i]:
        return set()
    return {i for i in range(cand.sent.start, cand.sent.end) if inside[i]}


def _quote_text(text: str, start: int, end: int, qi: QuoteIndex) -> str | None:
    parts = []
    for q in qi.overlapping(start, end):
        a, b = q.inner
        a, b = max(a, start), min(b, end)
        inner = re.sub(r"\n\s*[\"“«„']+", " ", text[a:b])
        inner = inner.strip().strip("\"“”'’‘«»„").strip().rstrip(".,;:").strip()
        if inner:
            parts.append(" ".join(inner.split()))
    return " ... ".join(parts) or None


_SENTENCE_END = re.compile(r"[.!?]\s+$")
_LINKS = re.compile(r"\b(?:and|but)\b")


def _quote_parts(
    text: str, cs: int, ce: int, cand: rules.Candidate, p: Parsed, qi: QuoteIndex
) -> list[tuple[int, int]]:
    """Other pieces of a content that starts or ends with a quotation: the quote on the far side
    of the cue clause and quotes that follow in the same paragraph with nothing but the
    attribution between them ('"A," he said. "B."', '"A," he said, but "B."'); a content before
    its attribution goes on with the quotation right after it too ('A, he said, "B."')."""
    first = qi.index_starting_at(cs)
    last = qi.index_ending_at(ce)
    cue_at = cand.cue[0]
    if last is not None:
        after: int | None = last + 1
    elif ce <= cue_at:  # the content, then its attribution: a quotation may follow
        after = qi.index_from(ce)
    else:
        after = None
    if first is None and after is None:
        return [(cs, ce)]
    para_end = text.find("\n", ce)
    para_end = len(text) if para_end == -1 else para_end
    skip: list[tuple[int, int]] = [cand.cue]
    if cand.source is not None:
        skip.append(cand.source)
    for c in cand.cue_tok.children:
        # '"A," he said in a statement. "B."': the medium phrase belongs to the attribution, and
        # so does when it was said ('"A," he said Tuesday, "B."', '... said on Monday, "B."')
        if (c.dep_ == "prep" and (c.i == cand.cue_tok.i + 1 or when.says_when_or_where(c))) or (
            c.dep_ in ("npadvmod", "advmod") and c.i > cand.cue_tok.i and when.is_when(c)
        ):
            skip.append(p.subtree_span(c))

    def only_attribution(a: int, b: int, linked: bool = False) -> bool:
        rest = "".join(
            ch for i, ch in enumerate(text[a:b], start=a) if not any(s <= i < e for s, e in skip)
        )
        if linked:  # '"A," he said, but "B."': a conjunction joins the two halves
            rest = _LINKS.sub("", rest)
        return not any(ch.isalnum() for ch in rest)

    parts = [(cs, ce)]
    if first is not None:
        j = first - 1
        while j >= 0 and qi.quotes[j].start >= p.seg.start:
            q = qi.quotes[j]
            if not only_attribution(q.end, parts[0][0]):
                break
            parts.insert(0, (q.start, q.end))
            j -= 1

    def rest_of_cue_sentence(a: int, b: int) -> bool:
        # '"A," Roe said in response to a question. "B."': the quote opening the next
        # sentence goes on with what the cue sentence attributed
        gap = text[a:b]
        return (
            a <= cue_at < b
            and bool(_SENTENCE_END.search(gap))
            and not any(ch in gap for ch in '\n"“”')
        )

    def across_cue(a: int, b: int) -> bool:
        # 'A, he said, "B."' / '"A," he said, but "B."': the attribution, then the quotation
        return a <= cue_at < b and only_attribution(a, b, linked=True)

    if after is not None:
        j = after
        while j < len(qi.quotes) and qi.quotes[j].end <= para_end:
            q = qi.quotes[j]
            if not (
                (last is not None and only_attribution(parts[-1][1], q.start))
                or (len(parts) == 1 and across_cue(parts[-1][1], q.start))
                or (len(parts) == 1 and rest_of_cue_sentence(parts[-1][1], q.start))
            ):
                break
            parts.append((q.start, q.end))
            j += 1
    return parts


def _content_parts(
    text: str, cand: rules.Candidate, p: Parsed, qi: QuoteIndex
) -> list[tuple[int, int]]:
    """A candidate's content pieces: the rule's pieces, else the content with the quotations
    that continue it."""
    if cand.parts:
        return list(cand.parts)
    return _quote_parts(text, *cand.content, cand, p, qi)


def _well_formed(c: rules.Candidate, start: int) -> bool:
    """A rule that meets a parse it did not foresee must cost one claim, never the document:
    every span in order, none reaching back before its paragraph (at ``start``)."""
    spans = [c.cue, c.content, *c.parts] + ([c.source] if c.source is not None else [])
    return all(start <= a <= b for a, b in spans)


def _drop_nested(cands: list[rules.Candidate]) -> list[rules.Candidate]:
    """'Reports indicate that X stated ...': the claim is X's; drop the report wrapper."""
    keep = [
        a
        for a, inner in zip(cands, _holds_another_cue(cands), strict=True)
        if not (inner and a.source_tok is not None and a.source_tok.lemma_.lower() in REPORT_LEMMAS)
    ]
    # a weak cue inside another claim's content ("... would discuss X") is part of that content
    return [
        b
        for b, inside in zip(keep, _cue_in_another(keep), strict=True)
        if not (inside and b.confidence < NESTED_MIN_CONFIDENCE)
    ]


# Both questions of _drop_nested are about pairs of candidates, one's cue inside another's
# content; they are answered from sorted ends (the best two, as the best may be the candidate
# asking), so that a paragraph with many candidates costs n log n, not n squared.


def _holds_another_cue(cands: list[rules.Candidate]) -> list[bool]:
    """For each candidate: whether another candidate's cue lies within its content."""
    order = sorted(range(len(cands)), key=lambda k: cands[k].cue[0])
    starts = [cands[k].cue[0] for k in order]
    # the two smallest (cue end, index) among the cues from each position of ``order`` on
    least = [((math.inf, -1), (math.inf, -1))] * (len(order) + 1)
    for pos in range(len(order) - 1, -1, -1):
        k = order[pos]
        e, (b1, b2) = (cands[k].cue[1], k), least[pos + 1]
        least[pos] = (e, b1) if e < b1 else (b1, min(e, b2))
    out = []
    for k, a in enumerate(cands):
        b1, b2 = least[bisect.bisect_left(starts, a.content[0])]
        out.append((b1 if b1[1] != k else b2)[0] <= a.content[1])
    return out


def _cue_in_another(cands: list[rules.Candidate]) -> list[bool]:
    """For each candidate: whether another candidate's content holds its cue."""
    order = sorted(range(len(cands)), key=lambda k: cands[k].content[0])
    starts = [cands[k].content[0] for k in order]
    # the two largest (content end, index) among the contents up to each position of ``order``
    most = [((-math.inf, -1), (-math.inf, -1))]
    for k in order:
        e, (b1, b2) = (cands[k].content[1], k), most[-1]
        most.append((e, b1) if e > b1 else (b1, max(e, b2)))
    out = []
    for k, b in enumerate(cands):
        a1, a2 = most[bisect.bisect_right(starts, b.cue[0])]
        out.append((a1 if a1[1] != k else a2)[0] >= b.cue[1])
    return out


def build_claims(
    text: str,
    parsed: list[Parsed],
    published: dt.date | None,
    qi: QuoteIndex,
    refiner: refine.Refiner | None = None,
    detector: Detecting | None = None,
    outlet: str | None = None,
) -> list[FoundClaim]:
    """The claims of one parsed document: the rules' candidates with their speakers resolved,
    the detector's finds where no candidate is (when given), edges redrawn by the refiner;
    a person named as the document's OUTLET (its site's or publisher's name) is the outlet."""
    resolver = _resolver(parsed, qi)
    models = _Models(qi, refiner, detector)
    drafts = _drafts(text, parsed, qi, resolver, detector, models.static)
    heading_of = _headings(parsed)
    claims = [
        _with_how(
            _claim(text, cand, actor, p, published, qi, heading_of[p.seg.start], models.redraw),
            resolver,
            (id(p.doc), *p.local(cand.source)) if cand.source and not cand.follow_on else None,
            cand.follow_on,
        )
        for cand, actor, p in drafts
    ]
    # a site, firm or publication the NER took for a person, told once per name
    persons = {c.speaker.name for c in claims if c.speaker.kind == "person" and c.speaker.name}
    kinds = thing_kinds(persons, text, resolver.people, outlet)
    for claim in claims:
        claim.speaker = as_thing(claim.speaker, kinds)
        said = claim.speaker  # a country the NER took for an organisation: its government
        if said.kind == "organization" and said.name and country_named(said.name, text):
            claim.speaker = dataclasses.replace(said, kind="government")
    # a person no claim gives a role: the first clean role the article writes for them
    # elsewhere ("led by microbiologist Jo Roe", then "Roe said"); and an office written with
    # a people's word is held for that country ("the Kenyan foreign minister, Ruth Wanjiru")
    with_role = {c.speaker.name for c in claims if c.speaker.role}
    written: dict[str, list[str]] = {}  # the roles written for a name, looked up once a name
    for claim in claims:
        said = claim.speaker
        if said.kind != "person":
            continue
        if said.name and said.name not in written:
            written[said.name] = resolver.written_roles_of(said.name)
        if said.name and said.name not in with_role:
            if (role := role_written_elsewhere(written[said.name])) is not None:
                said = dataclasses.replace(said, role=role)
        if said.role and said.affiliation is None:
            role, country = role_of_country(said.role)
            if country is not None:
                said = dataclasses.replace(said, role=role, affiliation=country)
        if said.name and said.mention and said.affiliation is None:
            # a lawmaker's tag, in the mention or where the article names them: "Sen. Ann
            # Holt, R-Ohio," is a Republican of Ohio
            party = party_of(
                text[said.mention.start : said.mention.end + 1], said.name
            ) or party_written(written[said.name])
            if party is not None:  # and a party taken for a role is none
                role = None if said.role == party else said.role
                said = dataclasses.replace(said, role=role, affiliation=party)
        claim.speaker = said
    found = scene.scenes(parsed, published)
    past = scene.past_offsets(parsed) if found else frozenset()
    return scene.carry(claims, [p.seg for p in parsed], found, past, text)


def _with_how(
    claim: FoundClaim, resolver: Resolver, key: tuple | None, follow_on: bool
) -> FoundClaim:
    """The claim with how its speaker was resolved and the other people its mention names."""
    if claim.speaker.name is None:
        return claim
    if key is None:  # a quotation's next paragraph, or no mention
        why = (
            "who began the quotation this paragraph continues"
            if follow_on
            else "the speaker of the claim before it"
        )
        how = f"{claim.speaker.name}, {why}"
        claim.speaker = dataclasses.replace(claim.speaker, how=how)
        return claim
    how, others = resolver.how.get(key), tuple(resolver.others.get(key, ()))
    if how is None and not others:
        return claim
    claim.speaker = dataclasses.replace(claim.speaker, how=how, others=others)
    return as_group(claim) if others else claim


def as_group(claim: FoundClaim) -> FoundClaim:
    """A mention that names several people ("Sen. Jon Doe and Sen. Ann Roe") speaks for a
    group of them, "Jon Doe & Ann Roe"; each of them is a speaker of the claim too (others)."""
    sp = claim.speaker
    people = (sp.name or "", *sp.others)
    how = f"a group of named people: {', '.join(people)}"
    claim.speaker = dataclasses.replace(
        sp,
        name=" & ".join(people),
        kind="group",
        role=None,
        affiliation=None,
        aliases=(),
        gender=None,
        others=people,
        how=f"{sp.how}; {how}" if sp.how else how,
    )
    return claim


_WHO = get_string_id("who")  # as spans.columns holds it


def _who_names(parsed: list[Parsed], people: list[Span]) -> list[str]:
    """Names the tagger did not read as a person's that a "who" clause right after them
    makes one ("Okonkwo, who joined in the summer, said"): the name's words, once each."""
    seen = {ent.text for ent in people}
    out: list[str] = []
    for p in parsed:
        for i, low in enumerate(columns(p.doc).lower):
            if low != _WHO:  # the "who"s alone: a Token is built for them only
                continue
            who = p.doc[i]
            if who.dep_ != "nsubj" or who.head.dep_ != "relcl":
                continue
            name = who.head.head
            if name.i + 2 != who.i or p.doc[name.i + 1].text != ",":
                continue
            start = name.i
            while (
                start > 0 and p.doc[start - 1].dep_ == "compound" and p.doc[start - 1].head == name
            ):
                start -= 1
            words = p.doc[start : name.i + 1]
            if name.ent_type_ == "PERSON" or not all(
                t.pos_ == "PROPN" and t.is_title for t in words
            ):
                continue
            if words.text not in seen:
                seen.add(words.text)
                out.append(words.text)
    return out


def _resolver(parsed: list[Parsed], qi: QuoteIndex) -> Resolver:
    """A speaker resolver that has seen every person's name in the document and the roles
    it gives them, and knows which words stand inside a quotation."""
    inside = {id(p.doc): qi.inside(p.doc, p.seg.start) for p in parsed}

    def quoted(t: Token) -> bool:
        return inside[id(t.doc)][t.i]

    numbers = _sentence_numbers(parsed, quoted)
    resolver = Resolver(quoted, lambda t: numbers[id(t.doc)][t.i])
    headline = parsed[0] if len(parsed) > 1 else None  # a first line with more after it
    people = [
        ent
        for p in parsed
        for ent in p.doc.ents
        if ent.label_ == "PERSON"
        and not headline_word_on(ent, p is headline and resolver.sentence(ent[0]) == 0)
    ]
    for ent in people:
        resolver.see_person_name(untitled(person_name(person_ent_text(ent))))
    people += (kin := _misread_kin(parsed, resolver.full_names))
    for ent in kin:
        resolver.see_person_name(person_name(ent.text))
    for name in _who_names(parsed, people):
        resolver.see_person_name(untitled(name))
    for ent in people:  # roles anywhere in the article: "the GOP nominee" may come first
        resolver.see_roles(ent)
    for p in parsed:  # organisations too: "the campaign" may come before "the Trump campaign"
        resolver.see_org_names(p.doc)
        resolver.see_documents(p.doc)
        resolver.see_words(p.doc)
        resolver.see_subjects(p.doc, stamp=p.seg.is_heading or is_stamp(p.seg.text))
    return resolver


# what the NER may call a person's name that a first name and a known surname say is one
_MISREAD = frozenset(("ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"))


def _misread_kin(parsed: list[Parsed], surnames: Mapping[str, list[str]]) -> list[Span]:
    """Names the NER took for something else that the article's own names say are a
    person's: a known first name before the surname of a person it names ("Wendy Holt",
    read as a firm's name, beside "Peter Holt")."""
    return [
        ent
        for p in parsed
        for ent in p.doc.ents
        if ent.label_ in _MISREAD
        and 2 <= len(ent) <= 3
        and all(t.text[:1].isupper() and t.is_alpha for t in ent)
        and ent[-1].lower_ in surnames
        and ent[0].lower_ not in surnames  # "the Obama Clinton years": two surnames
        and first_name_gender(ent[0].text) is not None
    ]


def _sentence_numbers(
    parsed: list[Parsed], quoted: Callable[[Token], bool]
) -> dict[int, list[int]]:
    """id of a paragraph's Doc -> the number in the document of each token's sentence (a
    list, by token: ``Token.sent`` builds Spans at each call); the sentences of one
    quotation, one after another, count as one (a pronoun after a long quotation looks back
    to whom it was credited)."""
    out: dict[int, list[int]] = {}
    n, run = -1, False
    for p in parsed:
        numbers = out[id(p.doc)] = [0] * len(p.doc)
        for sent in p.doc.sents:
            first = next((t for t in sent if t.is_alpha), sent[0])
            inside = quoted(first)
            n += 0 if inside and run else 1
            run = inside
            numbers[sent.start : sent.end] = [n] * (sent.end - sent.start)
    return out


def _headings(parsed: list[Parsed]) -> dict[int, str | None]:
    """Paragraph start -> the section heading it sits under (None for a heading itself)."""
    heading: str | None = None
    out: dict[int, str | None] = {}
    for p in parsed:
        if p.seg.is_heading:
            heading = p.seg.text
        out[p.seg.start] = heading if not p.seg.is_heading else None
    return out


def _paragraph_candidates(text: str, p: Parsed, qi: QuoteIndex) -> list[rules.Candidate]:
    """The rules' candidates of one paragraph worth a claim: well formed, the cue outside any
    quotation (but 'according to'), a source or enough confidence, none nested in another."""
    cands = [
        c
        for c in rules.candidates(rules.Context(p, qi, text))
        if _well_formed(c, p.seg.start)
        and (c.according or qi.containing(p.doc_start(c.cue_tok)) is None)
        and (c.source is not None or c.confidence >= NO_SOURCE_MIN_CONFIDENCE)
    ]
    return _drop_nested(cands)


_NOTED_DEPS = ids(("nsubj", "nsubjpass", "poss"))


def _surname_subject(t: Token, surnames: Mapping[str, list[str]]) -> bool:
    """Whether T, a subject the tagger read as a common noun, is one capitalised word that
    is the surname of a person the article names in full ("Deane is expected to start",
    "Sanders held a rally"): the person, whom a "he" after it may be."""
    return (
        t.pos_ == "NOUN"
        and t.text[:1].isupper()
        and t.lower_ in surnames
        and not any(c.dep_ in ("compound", "det", "amod") for c in t.children)
    )


def _credit(p: Parsed, cands: list[rules.Candidate], resolver: Resolver) -> list[Draft]:
    """Each candidate with the actor its source resolves to, in text order; a named subject
    that is no candidate's source is noted too (the next 'he' may be them), and so is, less
    likely, a person named elsewhere outside quotations (not in a byline)."""
    src_ids = {c.source_tok.i for c in cands if c.source_tok is not None}
    person_roots = {e.root.i for e in p.doc.ents if e.label_ == "PERSON"}  # heads of names
    events: list[tuple[int, int, object]] = []
    for c in cands:
        events.append((_credit_key(c), 2, c))
    for i in _noted(p.doc, person_roots):
        t = p.doc[i]
        if t.i in src_ids or resolver.quoted(t) or is_byline(t.sent):
            continue  # a byline's author is no one a pronoun after it stands for
        if t.dep_ in ("nsubj", "nsubjpass") and _surname_subject(t, resolver.full_names):
            events.append((t.i, 5, t))  # "Deane is expected to start": whom "he" may be
        elif t.dep_ == "nsubjpass":
            if t.i in person_roots:
                events.append((t.i, 1, t))
        elif t.dep_ == "nsubj" and (
            t.pos_ == "PROPN"
            or t.lower_ in ("he", "she")
            or t.pos_ == "NOUN"
            and t.lower_ in PERSON_NOUNS  # "my father": unnamed, but him
        ):
            events.append((t.i, 0, t))  # a pronoun subject keeps whom it is salient
        elif t.i in person_roots:
            events.append((t.i, 1, t))
        elif t.dep_ == "nsubj" and t.pos_ == "NOUN":
            events.append((t.i, 3, t))  # "The campaign sent a letter": whom "it" may be
        elif t.dep_ == "poss" and t.pos_ == "NOUN" and t.head.dep_ in ("nsubj", "nsubjpass"):
            events.append((t.i, 4, t))  # "The mayor's plan failed": whom "he" may be
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[Draft] = []
    for _, kind, obj in events:
        if isinstance(obj, Token):
            if kind == 1:
                resolver.note_mention(obj)
                continue
            if kind == 3:
                resolver.note_body(obj)
                continue
            if kind == 4:
                resolver.note_owner(obj)
                continue
            if kind == 5:
                resolver.note_surname(obj)
                continue
            actor = resolver.resolve(obj, obj.left_edge.idx, obj.idx + len(obj.text))
            resolver.note_subject(actor, obj)
            continue
        cand = obj
        assert isinstance(cand, rules.Candidate)
        actor = None
        if cand.source is not None and cand.source_tok is not None:
            actor = resolver.resolve(cand.source_tok, *p.local(cand.source))
            resolver.note_subject(actor, cand.source_tok, speaker=True)
        out.append((cand, actor, p))
    return out


def _noted(doc: Doc, person_roots: set[int]) -> list[int]:
    """The tokens ``_credit`` may note, in order: a subject, a possessor or a name's head
    (read from ``spans.columns``, where a pass over every Token built them all)."""
    return [i for i, dep in enumerate(columns(doc).dep) if dep in _NOTED_DEPS or i in person_roots]


def _credit_key(cand: rules.Candidate) -> int:
    """Where a candidate is credited in its paragraph: at its mention's head, else its cue."""
    return cand.source_tok.i if cand.source_tok is not None else cand.cue_tok.i


def _drafts(
    text: str,
    parsed: list[Parsed],
    qi: QuoteIndex,
    resolver: Resolver,
    detector: Detecting | None = None,
    static: Callable[[Parsed], list[list[refine.Feature]]] | None = None,
) -> list[Draft]:
    """Every paragraph's drafts, in order: the rules' candidates, a follow-on draft for a
    paragraph that is only a quotation continuing the previous paragraph's quoted speaker,
    then (with a detector) its finds where no rule's claim is, less the rules' drafts whose
    content it does not believe in. The rules' and the detector's candidates of a paragraph
    are credited together, in text order, as the resolver reads it: a detector's "he" is whom
    a rule's "he" there would be, not the last speaker of the document."""
    drafts: list[Draft] = []
    last_quoted: ResolvedActor | None = None  # speaker of the previous paragraph's direct quotation
    intro: tuple[tuple[int, int], tuple[int, int] | None] = ((0, 0), None)  # its cue, mention
    covered_to = -1  # end of the last claim's content (document offsets)
    earlier: list[tuple[Pair, str]] = []  # the rules' spans so far, for the detector
    for p in parsed:
        if p.seg.is_heading:
            last_quoted = None
        cands = sorted(_paragraph_candidates(text, p, qi), key=_credit_key)  # as credited
        follow: list[Draft] = []
        q = qi.containing(p.seg.start)
        if cands or p.seg.start < covered_to:
            pass  # or a paragraph of a multi-paragraph quotation already credited
        elif last_quoted is not None and q is not None and q.start == p.seg.start and len(p.doc):
            follow = [(_follow_on(p, q.start, q.end, *intro), last_quoted, p)]
            covered_to = q.end
        else:
            last_quoted = None
        found: list[rules.Candidate] = []
        if detector is not None and static is not None:
            own = [s for d in [(c, None, p) for c in cands] + follow for s in _spans(d, text, qi)]
            earlier = [s for s in earlier if s[0][1] > p.seg.start] + own
            founds = detector.detect(p, static(p), earlier)
            found = [c for f in founds if (c := _learned(p, f)) is not None]
        credited = _credit(p, cands + found, resolver)
        mine = [d for d in credited if d[0].rule != "learned"]
        if mine:
            cand, actor, _ = mine[-1]
            cs = cand.content[0]
            quoted = text[cs : cs + 1] in QUOTE_OPENERS or bool(cand.parts)
            last_quoted = actor if quoted and actor is not None and actor.name else None
            intro = (cand.cue, cand.source)
            covered_to = max(covered_to, cand.content[1])
        if detector is not None:
            mine = [d for d in mine if _believed(d[0], p, detector)]
        drafts.extend(mine + follow + [d for d in credited if d[0].rule == "learned"])
    return drafts


def _believed(cand: rules.Candidate, p: Parsed, detector: Detecting) -> bool:
    """Whether a rules' candidate of P stands with the detector, which has just tagged P: it
    does unless the detector, seeing the paragraph whole, does not read its content as one."""
    span = cand.content
    inside = p.seg.start <= span[0] and span[1] <= p.seg.end
    return not inside or detector.content_belief(span) >= detect.doubt(cand.confidence)


class _Models:
    """The refiner's edge redrawing, with each paragraph's features computed once (the
    detector reads the same features)."""

    def __init__(
        self, qi: QuoteIndex, refiner: refine.Refiner | None, detector: Detecting | None
    ) -> None:
        self.qi = qi
        self.refiner = refiner
        source = refiner or detector  # the models' word list (both share it)
        self.vocab = source.vocab if source is not None else frozenset()
        self.features: dict[int, list[list[refine.Feature]]] = {}

    def static(self, p: Parsed) -> list[list[refine.Feature]]:
        if p.seg.start not in self.features:
            self.features[p.seg.start] = refine.paragraph_features(p, self.qi, self.vocab)
        return self.features[p.seg.start]

    def redraw(self, p: Parsed, proposal: refine.Proposal) -> tuple[Pair, list[Pair]]:
        if self.refiner is None:
            return proposal.cue, list(proposal.parts)
        return self.refiner.refine(p, self.static(p), proposal)


class Detecting(Protocol):
    vocab: frozenset[str]

    def detect(
        self, para: Parsed, static: list[list[refine.Feature]], covered: list[tuple[Pair, str]]
    ) -> list[detect.Found]: ...

    def content_belief(self, span: Pair) -> float: ...


Draft = tuple[rules.Candidate, ResolvedActor | None, Parsed]
LEARNED_CONFIDENCE = 0.45


def _spans(draft: Draft, text: str, qi: QuoteIndex) -> list[tuple[Pair, str]]:
    """A draft's spans in document offsets (its content in all its pieces), labelled as the
    detector's coverage features."""
    cand, _, p = draft
    out = [(part, refine.CON) for part in _content_parts(text, cand, p, qi)]
    if cand.source is not None:
        out.append((cand.source, refine.SRC))
    out.append((cand.cue, refine.CUE))
    return out


def _learned(p: Parsed, found: detect.Found) -> rules.Candidate | None:
    def root(span: Pair) -> Token | None:
        s = p.char_span(*span, alignment_mode="expand")
        return s.root if s is not None and len(s) else None

    cue_tok, content_root = root(found.cue), root(found.content)
    if cue_tok is None or content_root is None or in_question(cue_tok):
        return None
    source_tok = root(found.source) if found.source is not None else None
    source = found.source if source_tok is not None else None
    return rules.Candidate(
        cue=found.cue,
        content=found.content,
        source=source,
        source_tok=source_tok,
        cue_tok=cue_tok,
        content_root=content_root,
        sent=cue_tok.sent,
        rule="learned",
        confidence=LEARNED_CONFIDENCE,
    )


QUOTE_OPENERS = "\"“«„'"


def _follow_on(
    p: Parsed, start: int, end: int, cue: tuple[int, int], mention: tuple[int, int] | None
) -> rules.Candidate:
    """A paragraph that is only a quotation, after one credited to a speaker: same speaker,
    and the cue and mention that introduced the quotation (document offsets, earlier)."""
    first = p.doc[0]
    sent = next(iter(p.doc.sents))
    return rules.Candidate(
        cue=cue,
        content=(start, end),
        source=mention,
        source_tok=None,
        cue_tok=first,
        content_root=None,
        sent=sent,
        rule="follow-on",
        confidence=0.4,
        follow_on=True,
    )


def _claim(
    text: str,
    cand: rules.Candidate,
    actor: ResolvedActor | None,
    p: Parsed,
    published: dt.date | None,
    qi: QuoteIndex,
    heading: str | None,
    redraw: Callable[[Parsed, refine.Proposal], tuple[Pair, list[Pair]]],
) -> FoundClaim:
    mention = CharSpan(*cand.source) if cand.source else None
    if actor is not None:
        actor = vetted(actor)
        aliases = tuple(f for f in actor.forms if f != actor.name)
        speaker = Speaker(
            mention,
            actor.name,
            actor.kind,
            actor.role,
            actor.affiliation,
            aliases,
            actor.gender,
        )
    else:
        speaker = Speaker(mention, None, "unnamed")
    parts = _content_parts(text, cand, p, qi)
    cue = cand.cue
    if cand.rule != "learned":  # the detector's spans are learned already
        cue, parts = redraw(
            p, refine.Proposal(cue, (mention.start, mention.end) if mention else None, parts)
        )
    parts = tails.before_participle(text, p, qi, parts)
    parts = tails.before_gloss(qi, p, cand, parts)
    parts = tails.through_partial_quote(text, qi, cand, parts)
    parts = tails.after_dateline(p, parts)
    parts = tails.after_date(p, parts)
    # content covers all pieces, as PolNeAR spans in several fragments do
    cs, ce = parts[0][0], parts[-1][1]
    sent_start, sent_end = p.doc_span(cand.sent)
    ss, se = min(sent_start, cs), max(sent_end, ce)
    exclude: set[int] = set()
    if cand.content_root is not None and cand.content_root != cand.cue_tok:
        exclude |= {t.i for t in cand.content_root.subtree}
        exclude -= _date_before_content(p, cand.cue_tok, cs)
    if cand.source_tok is not None:
        exclude |= {t.i for t in cand.source_tok.subtree}
    exclude |= _quoted_words(p, qi, cand)
    date = when.resolve(
        when.date_phrase(cand.cue_tok, exclude) if not (cand.according or cand.follow_on) else None,
        published,
        when.is_future(cand.cue_tok),
    )
    return FoundClaim(
        speaker=speaker,
        cue=CharSpan(*cue),
        content=CharSpan(cs, ce),
        sentence=CharSpan(ss, se),
        attribution=_attribution(cand, qi, parts),
        quote=" ... ".join(q for a, b in parts if (q := _quote_text(text, a, b, qi)))
        if len(parts) > 1
        else _quote_text(text, cs, ce, qi),
        hedged=_hedged(cand) and not cand.follow_on,
        date=date,
        heading=heading,
        confidence=round(calibrated(cand.confidence), 3),
        raw_confidence=cand.confidence,
        content_parts=tuple(CharSpan(a, b) for a, b in parts) if len(parts) > 1 else (),
        found_by="detector" if cand.rule == "learned" else "rules",
    )
