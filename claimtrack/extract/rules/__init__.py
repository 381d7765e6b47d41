"""Dependency rules that find attribution candidates (source, cue, content) in one parsed
paragraph, one module per rule family; ``candidates(ctx)`` runs them all over a paragraph.

All offsets produced here are document offsets (see ``Context``).
"""

from __future__ import annotations

from claimtrack.extract.rules.according import (
    according_rule,
    based_on_rule,
    in_source_rule,
    spoken_by_subject,
)
from claimtrack.extract.rules.adjectives import adjective_rule
from claimtrack.extract.rules.colon import colon_rule
from claimtrack.extract.rules.context import Candidate, Context
from claimtrack.extract.rules.manner import put_it_rule
from claimtrack.extract.rules.nouns import noun_frame, noun_rule
from claimtrack.extract.rules.phrases import LINK_PREPS, frame_of, prep_object
from claimtrack.extract.rules.verbs import verb_rule
from claimtrack.extract.spans import QUOTE_CHARS

__all__ = [
    "Candidate",
    "Context",
    "adjective_rule",
    "candidates",
    "frame_of",
    "noun_frame",
    "prep_object",
]

CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
TRIGGER_WORDS = frozenset({"according", "based", ":", "in"})
RULES = (
    according_rule,
    based_on_rule,
    noun_rule,
    put_it_rule,
    verb_rule,
    adjective_rule,
    colon_rule,
)
TRIGGER_RULES = (according_rule, based_on_rule, in_source_rule, colon_rule)


_TRAILING_LINKS = ("and", "but", "or", "while", "whereas", "although", "though", "as")


def _coordinated(b: Candidate) -> bool:
    """b is a sibling attribution, not one embedded in another's content."""
    tok = b.cue_tok
    if tok.dep_ == "conj":
        return b.confidence >= 0.75
    if tok.dep_ == "advcl" and tok.i > 0:
        own_subject = b.source_tok is not None and b.source_tok.head == tok
        marked = any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in tok.children)
        participle = tok.tag_ == "VBG" and tok.doc[tok.left_edge.i - 1].text == ","
        return (own_subject and marked) or (participle and b.confidence >= 0.6)
    return False


def _embedded(ctx: Context, b: Candidate, a: Candidate) -> bool:
    """b is an adverbial clause opening a clause of a's content, not a sibling of a's cue:
    'said that while the poll showed X, it would stay neutral' is one content with a clause
    of its own inside ('said A, while B said C' stays two)."""
    tok, head = b.cue_tok, b.cue_tok.head
    return (
        tok.dep_ == "advcl"
        and tok.i < head.i
        and head != a.cue_tok
        and a.content[0] <= ctx.doc_start(head) < a.content[1]
    )


def split_coordinated(ctx: Context, cands: list[Candidate]) -> None:
    """'X said A and added B' / 'X said A, while Y said B': a content stops where a coordinated
    attribution begins."""
    coordinated = [b for b in cands if _coordinated(b)]  # each judged once, not once a pair
    for a in cands:
        for b in coordinated:
            if b is a or b.cue_tok.i <= a.cue_tok.i:
                continue
            if not (a.content[0] < b.cue[0] and b.cue[1] <= a.content[1]):
                continue
            if _embedded(ctx, b, a):
                continue
            cut = ctx.doc_start(b.cue_tok.left_edge)
            if b.source is not None and b.source[0] > a.content[0]:
                cut = min(cut, b.source[0])
            if cut <= a.content[0] or ctx.qi.containing(b.cue[0]) is not None:
                continue
            start, end = ctx.trim(a.content[0], cut)
            words = ctx.text[start:end].split()
            while words and words[-1].lower().strip(",;") in _TRAILING_LINKS:
                words.pop()
                end = ctx.text.rfind(" ", start, end)
                start, end = ctx.trim(start, max(start, end))
            if end > start:
                a.content = (start, end)
                a.parts = []


# PolNeAR puts the preposition linking a cue to its content in the cue: "called for | a
# special prosecutor", "boasted about | a plan", "voted against | the bill"


def absorb_link_prep(ctx: Context, cand: Candidate) -> None:
    """A preposition between the cue and the content (or opening the content) joins the cue."""
    if cand.according or cand.parts:
        return
    cs, ce = cand.cue
    ks, ke = cand.content
    if ks < ce:
        return
    toks = ctx.tokens_from(ce, ks)
    if not toks:
        # the content opens with the preposition: "boasted | about a plan"
        first = next(iter(ctx.tokens_from(ks, ks + 1)), None)
        if first is None or first.lower_ not in LINK_PREPS or first.head != cand.cue_tok:
            return
        if first.i + 1 >= len(ctx.doc) or first.nbor().is_punct:
            return
        rest = ctx.trim(ctx.doc_end(first), ke)
        if rest[1] - rest[0] < 3 or ctx.within(ce, ks).strip():
            return
        cand.cue, cand.content = (cs, ctx.doc_end(first)), rest
        return
    if len(toks) == 1 and toks[0].lower_ in LINK_PREPS and toks[0].head == cand.cue_tok:
        t = toks[0]
        if (
            not ctx.within(ce, ctx.doc_start(t)).strip()
            and not ctx.within(ctx.doc_end(t), ks).strip()
        ):
            cand.cue = (cs, ctx.doc_end(t))


def candidates(ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    taken: set[int] = set()
    for sent in ctx.doc.sents:
        for tok in sent:
            pos = tok.pos_
            if pos in CUE_POS:
                rules_ = RULES
            elif tok.lower_ in TRIGGER_WORDS:
                rules_ = TRIGGER_RULES
            else:
                continue
            if tok.lower_ == "according" and spoken_by_subject(tok):
                continue  # "Roe said, according to a translation": no cue, the verb is
            for rule in rules_:
                cand = rule(ctx, tok, sent)
                if cand is not None and cand.cue_tok.i not in taken:
                    taken.add(cand.cue_tok.i)
                    out.append(cand)
                    break
    for cand in out:
        absorb_link_prep(ctx, cand)
        _source_before_cue(ctx, cand)
        quotation_then_source(ctx, cand)
    split_coordinated(ctx, out)
    return out


def _source_before_cue(ctx: Context, cand: Candidate) -> None:
    """A source that runs into its cue ends where the cue begins: a subject whose parse hangs
    words after the verb takes the verb group's auxiliaries with it ("The aide will also")."""
    src = cand.source
    if src is not None and src[0] < cand.cue[0] < src[1]:
        start, end = ctx.trim(src[0], cand.cue[0])
        cand.source = (start, end) if start < end else None


def quotation_then_source(ctx: Context, cand: Candidate) -> None:
    """A content that opens with a quotation and runs past its closing mark into the words
    before the attribution ('"We will keep our promise," Lansing police Chief Dana Holt said':
    the parser hangs "Lansing police Chief" on the quoted clause) ends with the quotation; the
    words left over belong to the source when they run into it ("Lansing police Chief Dana
    Holt")."""
    if cand.according or cand.parts or cand.follow_on:
        return
    start, end = cand.content
    k = ctx.qi.index_starting_at(start)
    if k is None:
        return
    q = ctx.qi.quotes[k]
    tail = ctx.text[q.end : end]
    attribution = min(cand.cue[0], cand.source[0]) if cand.source else cand.cue[0]
    if not (q.end < end <= attribution) or not tail.strip(" ,\u00a0") or "\n" in tail:
        return
    if any(ch in tail for ch in QUOTE_CHARS):
        return
    cand.content = (start, q.end)
    src = cand.source
    if src is not None and not ctx.text[end : src[0]].strip():
        left, _ = ctx.trim(q.end, end)
        cand.source = (left, src[1])
