"""Where a content that ends a quotation stops: before the writer's participle after it; and
where a content that is a bare quotation goes on: to its attribution, when the sentence does.

'... called the plan "a costly mistake," adding that ...' / '"It will pass," she said,
referring to the bill': a quotation closed with a comma inside its marks and followed by
a participle ("adding", "referring", "describing") is where the speaker's words end; what
follows is the writer's account of the scene. PolNeAR ends the content at the closing mark
(19 of the 24 claims of PolNeAR train that ran on past such a mark; the other 5 kept it).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimtrack.extract.cues import NAMING_VERBS
from claimtrack.extract.quotes import ALL_MARKS, QuoteIndex
from claimtrack.extract.rules.context import Candidate
from claimtrack.extract.segment import Parsed
from claimtrack.extract.wordlists import words

Pair = tuple[int, int]


def before_participle(text: str, p: Parsed, qi: QuoteIndex, parts: list[Pair]) -> list[Pair]:
    """``parts`` ending at the first quotation in them that closes with a comma and is
    followed by a participle; as they are otherwise (parts after the cut are dropped)."""
    for k, (start, end) in enumerate(parts):
        for q in qi.within(start, end):
            if q.end >= end or not _closes_with_comma(text, q.end):
                continue
            if _participle_after(p, q.end, end):
                return [*parts[:k], (start, q.end)]
    return parts


def _closes_with_comma(text: str, close_end: int) -> bool:
    """The quotation ending at ``close_end`` has a comma right inside its closing mark."""
    mark = 2 if text[close_end - 2 : close_end] == "''" else 1
    return text[close_end - mark - 1 : close_end - mark] == ","


def _participle_after(p: Parsed, at: int, end: int) -> bool:
    """The first word after ``at`` (and before ``end``) is a lower-case participle (VBG)."""
    if not (p.seg.start <= at < p.seg.end):
        return False
    i, j = p.token_range(at, min(end, p.seg.end))
    nxt = next(
        (p.doc[k] for k in range(i, j) if not (p.doc[k].is_space or p.doc[k].is_punct)), None
    )
    return nxt is not None and nxt.tag_ == "VBG" and nxt.text.islower()


GLOSS_MARKS = frozenset({",", "—", "–", "-", "--"})


def before_gloss(qi: QuoteIndex, p: Parsed, cand: Candidate, parts: list[Pair]) -> list[Pair]:
    """An object's content ending in the writer's description of the object, set off by a
    comma or a dash ("backing Holt, the former county treasurer", "rejected the proposal, a
    plan the mayor drafted last spring"), ends before it: the speaker backed Holt, the
    description is the writer's. Only an appositive the parser hangs on the object that
    runs to the content's end, headed by a common noun (not a second name), with no list in it
    ("X, Y and Z" the parser reads as an appositive), no quotation over it and no naming verb
    as the cue ("called X, a leader": what X is called is the content). On PolNeAR train (the
    first 300 articles, where it was found, then the other 540) relaxed hits 4,866 -> 4,870 and
    9,898 -> 9,901 for the same claims."""
    root = cand.content_root
    if (
        root is None
        or cand.rule not in ("o", "prep")
        or root.dep_ not in ("dobj", "pobj")
        or len(parts) != 1
        or cand.cue_tok.lemma_.lower() in NAMING_VERBS
    ):
        return parts
    start, end = parts[0]
    if not (p.seg.start <= start and end <= p.seg.end):
        return parts
    doc = p.doc
    for c in root.children:
        mark = c.left_edge.i - 1
        if c.i < root.i or c.dep_ != "appos" or c.pos_ != "NOUN" or mark < 0:
            continue
        cut, stop = p.doc_start(doc[mark]), p.doc_end(c.right_edge)
        if (
            doc[mark].text in GLOSS_MARKS
            and start < cut < end <= stop + 2
            and not qi.overlapping(cut, end)
            and not any(t.dep_ in ("conj", "cc") for t in c.subtree)
        ):
            return [(start, cut)]
    return parts


_END = re.compile(r"[.!?…;]\s|\n")


def through_partial_quote(
    text: str, qi: QuoteIndex, cand: Candidate, parts: list[Pair]
) -> list[Pair]:
    """A content that is only a quotation whose sentence goes on before the attribution
    ('"We are frustrated" by the shooting at the club, Roe said') is the whole clause up to
    the attribution: the quotation ends with no punctuation of its own inside its marks and
    the sentence goes on with a lower-case word, so the quoted words are part of what was
    reported. Not across another quotation, a sentence end or a semicolon; a cue before the
    quotation ('repeated "no new taxes" at every stop') keeps the quotation alone (there the
    words after it are mostly the writer's). On PolNeAR train (articles 1-300, where it was
    found, then 301-840) relaxed hits 4,872 -> 4,873 and 9,907 -> 9,908, exact Content F1
    0.6185 -> 0.6189 and 0.6298 -> 0.6307."""
    if len(parts) != 1 or cand.rule == "learned" or cand.cue_tok is None:
        return parts
    start, end = parts[0]
    i = qi.index_starting_at(start)
    if i is None or qi.quotes[i].end != end:
        return parts
    inner = text[start:end].rstrip(ALL_MARKS + " '’")
    if not inner or not inner[-1].isalnum():
        return parts
    after = text[end:].lstrip(" \u00a0")
    if not after[:1].islower():
        return parts
    cue_at = cand.cue[0]
    stop = min(cue_at, cand.source[0]) if cand.source is not None else cue_at
    if stop <= end:
        return parts
    body = text[end:stop].rstrip().rstrip(",.!?…;:—–- \u00a0")
    if any(ch in ALL_MARKS for ch in body) or _END.search(body):
        return parts
    new_end = end + len(body)
    return [(start, new_end)] if new_end > end + 2 else parts


DASHES = words("dashes")
DATELINE_TOKENS = 10  # the most tokens a dateline runs to before its dash
# what a dateline's words are: a place, an agency, a date ("LONDON, March 3 (Reuters) -")
_DATELINE_ENTS = frozenset({"GPE", "LOC", "ORG", "NORP", "DATE", "FAC"})


# A news dateline opening a paragraph ("KESTREL BAY, Maine — ", "LONDON, March 3 (Wire) - ",
# "Lisbon (Wire) -- ", "NORTH FALLS, Westland: "): a place in capitals, or in title case before
# an agency in parentheses, then perhaps a region or a date after commas, an agency, and a dash
# between spaces or a colon (a speaker's label, "MATTHEWS: ", is parsed apart too). Parsed
# with its lede, the parser may hang the lede on the place ("BAY ... said", the lede an
# apposition) and no rule finds the lede's claim; the dateline is parsed apart.
_CAPS = r"[A-Z][A-Z.'’-]+"
_DATELINE = re.compile(
    rf"^(?:{_CAPS}(?:\s+{_CAPS}){{0,3}}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?=[^()\n]{{0,40}}\())"
    r"(?:,\s+[A-Z][\w.'’]*(?:,?\s+[A-Z0-9][\w.'’]*){0,3}){0,2}"
    r"(?:\s+\([^()\n]{1,40}\))?(?:\s+(?:[—–]|--?)|:)\s+(?=[A-Z“\"‘'])"
)


def dateline_cut(text: str) -> int:
    """Where the lede starts after a dateline opening TEXT (see _DATELINE), else 0."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def dateline_end(doc: Doc) -> int | None:
    """The index of the first token after the dateline opening a paragraph ("WASHINGTON
    (Reuters) — ", "HARLAN, Ky. — ", "Lisbon (CNN) -- "), else None: a dash with a space on
    both sides among the first DATELINE_TOKENS tokens, after only names, places, a date and
    an agency in parentheses, the first word in capitals or an agency there."""
    for t in doc[1 : DATELINE_TOKENS + 1]:
        if t.text not in DASHES or not t.whitespace_ or not doc[t.i - 1].whitespace_:
            continue
        lead = doc[: t.i]
        if t.i + 1 >= len(doc) or not (
            (doc[0].is_upper and len(doc[0].text) > 1) or any(u.text == "(" for u in lead)
        ):
            return None
        depth, ok = 0, True
        for u in lead:
            depth += (u.text == "(") - (u.text == ")")
            if not (
                depth > 0
                or u.is_punct
                or u.like_num
                or u.pos_ == "PROPN"
                or u.ent_type_ in _DATELINE_ENTS
            ):
                ok = False
                break
        return t.i + 1 if ok else None
    return _colon_dateline_end(doc)


def _colon_dateline_end(doc: Doc) -> int | None:
    """After a dateline ending in a colon with a region or an agency ("NORTH FALLS, Westland:
    ", "MARROW GLEN (Wire News): "); a place alone before a colon may be a speaker's label."""
    head = doc[: DATELINE_TOKENS + 2]
    if not any(t.text.endswith(":") for t in head):
        return None
    text = head.text
    cut = dateline_cut(text)
    lead = text[:cut].rstrip()
    if not lead.endswith(":") or not any(ch in lead for ch in ",("):
        return None
    return next((t.i for t in doc if t.idx >= cut), None)


def after_dateline(p: Parsed, parts: list[Pair]) -> list[Pair]:
    """A content that starts in the dateline opening its paragraph ("WASHINGTON (Reuters) —
    The tariff would hurt farmers, the senator said") starts after it: the dateline says
    where the story was filed, not what was said."""
    if not parts or (k := dateline_end(p.doc)) is None:
        return parts
    after = p.doc_start(p.doc[k])
    start, end = parts[0]
    if start >= after or end <= after:
        return parts
    return [(after, end), *parts[1:]]


_WHEN_ENTS = frozenset({"DATE", "TIME"})
_WHEN_DEPS = frozenset({"npadvmod", "prep", "advmod"})  # how a date hangs on its cue


def after_date(p: Parsed, parts: list[Pair]) -> list[Pair]:
    """A content that opens with the date of its cue ("agreed on Monday | to reopen the
    plant", "announced Tuesday | a plan to ...") starts after it: the date says when it was
    said, not what (PolNeAR train leaves it out of the content 114 times in 120). Only a date
    that hangs on no word of the rest ("Tuesday's vote will ...", "last week, the plant
    closed" keep theirs)."""
    if not parts or not (p.seg.start <= parts[0][0] < p.seg.end):
        return parts
    start, end = parts[0]
    i, j = p.token_range(start, min(end, p.seg.end))
    doc = p.doc
    k = i + 1 if i + 1 < j and doc[i].lower_ == "on" and doc[i + 1].ent_type_ in _WHEN_ENTS else i
    first = k
    while k < j and doc[k].ent_type_ in _WHEN_ENTS:
        k += 1
    if k == first or k >= j or doc[k].ent_iob_ == "I":
        return parts
    rest, lead = range(k, j), range(i, k)
    if any(doc[x].head.i in rest for x in lead) and not _dates_the_cue(doc, lead, k):
        return parts  # the date is part of the rest
    clause_next = doc[k].lower_ in ("to", "that")  # "promised Monday | to ...": no object
    if not all(doc[x].head.i in lead or _hangs_as_when(doc[x], clause_next) for x in lead):
        return parts  # "calling Christmas a sham": the date is what was said
    if any(doc[x].head.i in lead for x in rest):
        return parts
    while k < j and (doc[k].is_punct and doc[k].text == "," or doc[k].is_space):
        k += 1
    if k >= j:
        return parts
    return [(p.doc_start(doc[k]), end), *parts[1:]]


def _dates_the_cue(doc: Doc, lead: range, k: int) -> bool:
    """A date right after its saying verb and before the subject opening a clause with no
    "that" ("said Tuesday | the bridge will close"): the parser hangs it on the clause's
    verb, but the clause has a subject of its own before that verb, so the date is the
    saying's. Only a date that the verb of saying (or its object, "told reporters Monday")
    has just before it, and whose head is a clause under that verb."""
    before = doc[lead.start - 1] if lead.start > 0 else None
    if before is None or before.pos_ not in ("VERB", "NOUN", "PROPN", "PRON"):
        return False
    verb = before if before.pos_ == "VERB" else before.head
    if before.pos_ != "VERB" and (before.dep_ not in ("dobj", "dative") or verb.pos_ != "VERB"):
        return False
    heads = {doc[x].head.i for x in lead} - set(lead)
    if len(heads) != 1:
        return False
    clause = doc[heads.pop()]
    if clause.dep_ != "ccomp" or clause.head != verb:
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.left_edge.i == k and subj.i < clause.i


def _hangs_as_when(tok: Token, clause_next: bool) -> bool:
    """TOK hangs on its head as a time does: "(said) Tuesday", "(agreed) on | Monday", or
    read as the object of a cue that a clause follows ("promised Monday | to ...")."""
    return (
        tok.dep_ in _WHEN_DEPS
        or (tok.dep_ == "pobj" and tok.head.dep_ == "prep")
        or (tok.dep_ == "dobj" and clause_next)
    )
