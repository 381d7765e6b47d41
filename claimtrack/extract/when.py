"""Find the date phrase attached to a cue and hand it to the date resolver."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

from claimtrack.extract import cues
from claimtrack.extract.dates import counts_a_thing, resolve_date
from claimtrack.extract.spans import entity_at
from claimtrack.extract.types import SaidDate
from claimtrack.extract.wordlists import words

TIME_ADVERBS = words("time_adverbs")
_ORDINAL_DAY = re.compile(r"^\d{1,2}(st|nd|rd|th)$", re.I)
_DATE_PREPS = words("date_preps")


WHEN_LABELS = frozenset({"DATE", "TIME"})  # the entity labels of dates and times


BROADCAST_NOUNS = words("broadcast_nouns")


def says_when_or_where(prep: Token) -> bool:
    """A preposition whose object is a date or time ("in early June", "for decades"), the
    medium of the words ("in a tweet", "in an interview") or where they went out ("on
    Twitter", "on cable news"): when and where something was said, not what was said."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return False
    lemma = pobj.lemma_.lower()
    return pobj.ent_type_ in WHEN_LABELS or lemma in cues.MEDIUM_NOUNS or lemma in BROADCAST_NOUNS


def is_when(t: Token) -> bool:
    """A word that says when: a date or time entity ("Tuesday", "last week") or a time adverb
    ("later", "previously")."""
    return t.ent_type_ in WHEN_LABELS or t.lower_ in TIME_ADVERBS


def _is_date_tok(t: Token) -> bool:
    """A word of a date: of a date or time entity, or an ordinal day ("on the 3rd"); neither
    when the phrase is an ordinal counting a thing ("the 64th minute", "the 3rd hole")."""
    if t.ent_type_ in WHEN_LABELS:
        ent = entity_at(t.doc, t.i)
        return ent is None or not counts_a_thing([u.text for u in t.doc[ent[0] : ent[1]]])
    if not _ORDINAL_DAY.match(t.text):
        return False
    head = t.head
    return not (
        head.i > t.i and head.pos_ in ("NOUN", "PROPN") and counts_a_thing([t.text, head.text])
    )


_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})


def dates_a_thing(t: Token, cue: Token) -> bool:
    """A date that modifies a noun dates the thing, not the saying ("praised the 2016
    frontrunner", "a nod to the famous 1963 refrain", "records from the 2008 cycle show"),
    unless the noun is the object of the cue's own preposition ("said at the 2016
    convention", "in a 1971 address, she declared"), or a time itself ("Tuesday morning")."""
    ent = entity_at(t.doc, t.i) if t.ent_type_ else None
    if ent is None:
        return False
    root = t.doc[ent[0] : ent[1]].root
    noun = root.head
    if root.dep_ not in _MODIFIER_DEPS or noun.pos_ not in ("NOUN", "PROPN") or noun is root:
        return False
    if noun.ent_type_ in WHEN_LABELS or noun.lower_ in TIME_ADVERBS:
        return False
    return not (noun.dep_ == "pobj" and noun.head.head == cue)


_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "pcomp", "conj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "mark"})
_AT_THE_TIME = frozenset({"when", "as", "while", "whilst"})


def dates_another_event(t: Token, cue: Token) -> bool:
    """A date in a clause of its own under the cue dates that clause's event, not the saying
    ("issued a statement after Holt told a crowd on Monday", "the first time the two spoke
    since December", "..., and the envoy invited him in January"): a relative clause, or a
    clause with its own subject or a conjunction before it. A participle's ("speaking to reporters Monday, Holt said") is the saying's
    occasion and dates it, and a clause of the same time ("rebuked him when he spoke in
    March", "as", "while") dates the saying too."""
    head = t.head
    while head.i != cue.i and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX") and head.dep_ in _CLAUSE_DEPS:
            marks = [c.lower_ for c in head.children if c.dep_ in ("mark", "advmod")]
            if any(m in _AT_THE_TIME for m in marks):
                return False  # "said so when she spoke in Iowa on Monday": the same time
            if head.dep_ == "relcl" or any(c.dep_ in _SUBJECT_DEPS for c in head.children):
                return True
        head = head.head
    return False


def date_phrase(cue: Token, exclude: set[int]) -> str | None:
    """The date phrase modifying the cue verb, as written: 'on the 13th', 'previously'."""
    for child in cue.children:
        if child.i in exclude:
            continue
        if child.dep_ == "advmod" and child.lower_ in TIME_ADVERBS:
            return child.text
    # the cue's own subtree, minus its content and source: "stated ... on the 13th that"
    best: Token | None = None
    for t in cue.subtree:
        if t.i in exclude or not _is_date_tok(t) or dates_a_thing(t, cue):
            continue
        if dates_another_event(t, cue):
            continue
        best = t
        break
    if best is None:
        for child in cue.children:
            if child.dep_ in ("npadvmod", "advmod") and child.i not in exclude:
                if _is_date_tok(child):
                    best = child
    if best is None:
        return None
    # grow to the date entity / noun phrase and the preposition governing it
    toks = [best]
    if best.ent_type_:
        ent = entity_at(best.doc, best.i)
        if ent is not None:
            toks = list(best.doc[ent[0] : ent[1]])
    head = toks[-1]
    while head.dep_ not in ("pobj", "npadvmod", "advmod") and head.head != head:
        if head.head.i in exclude or head.head == cue:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            break
    np = [t for t in head.subtree] if head.dep_ == "pobj" else toks
    start, end = min(t.i for t in np + toks), max(t.i for t in np + toks)
    if head.dep_ == "pobj" and head.head.lower_ in _DATE_PREPS:
        start = min(start, head.head.i)
    if end - start > 8:
        start, end = toks[0].i, toks[-1].i
        if toks[0].i > 0 and toks[0].nbor(-1).lower_ in _DATE_PREPS:
            start -= 1
    doc = cue.doc
    return doc[start : end + 1].text


FUTURE_HEADS = words("future_heads")
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def is_future(cue: Token) -> bool:
    """Whether the cue is said after publication: "will say", "is going to say", or under
    a head in the present tense that plans it ("plans to tell", "is set to announce", "is
    due to speak"); not under a past one ("planned to tell", "was set to announce")."""
    if _future_aux(cue):
        return True
    t = cue
    for _ in range(2):  # "is expected to be set to announce" goes no deeper
        if t.dep_ != "xcomp" or t.head is t:
            return False
        t = t.head
        if t.lemma_.lower() in FUTURE_HEADS and (_present(t) or _future_aux(t)):
            return True
    return False


def _future_aux(t: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in (*cues.FUTURE_AUX, "going") for c in t.children)


def _present(t: Token) -> bool:
    """The word is in the present tense, or its auxiliary is ("plans", "is set", "is due")."""
    if t.tag_ in _PRESENT_TAGS:
        return True
    if t.dep_ == "acomp" and t.head.tag_ in _PRESENT_TAGS:  # "is due to speak"
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in _PRESENT_TAGS for c in t.children)


def resolve(phrase: str | None, published: dt.date | None, future: bool) -> SaidDate:
    """The date a claim was made; with no phrase, no later than publication ("by")."""
    try:
        return resolve_date(phrase, published, future=future)
    except Exception:  # a bad phrase must never fail the document
        return SaidDate(text=phrase)
