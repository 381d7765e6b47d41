"""The noun rule: 'his claim that ...', 'expressed hope that ...', 'her criticism of ...'."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.extract import cues
from claimtrack.extract.rules.context import Candidate, Context
from claimtrack.extract.rules.phrases import (
    WH_WORDS,
    cue_group,
    prep_object,
    snap_to_quotes,
)
from claimtrack.extract.rules.subjects import nearest_subject, source_span, subject_of


def noun_frame(tok: Token) -> tuple[str, Token | None, Token | None]:
    """('c', clause, None) | ('p:of', pobj, prep) | ('-', None, None) for a noun cue."""
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children
        ):
            return "c", c, None
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp") and c.i > tok.i:
            return "c", c, None
    prep, pobj = prep_object(tok)
    if prep is not None and pobj is not None:
        return "p:" + prep.lower_, pobj, prep
    return "-", None, None


def noun_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'his claim that ...', 'expressed hope that ...', 'her criticism of ...'."""
    if tok.pos_ != "NOUN" or not cues.may_cue_noun(tok.lemma_.lower()):
        return None  # a noun that scores below the threshold in every frame is no cue
    frame, inner, prep = noun_frame(tok)
    copula = (
        tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and tok.head.i > tok.i and inner is None
    )
    if copula:
        # "her answer was that ...", "the key question is whether ...": the clause is the
        # complement of "be"
        inner = next((c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        frame = "c"
    if inner is None:
        return None
    score = cues.noun_score(tok.lemma_.lower(), frame)
    head = tok.head
    light = tok.dep_ == "dobj" and head.lemma_.lower() in cues.LIGHT_VERBS
    if score < cues.NOUN_THRESHOLD and not (light and tok.lemma_.lower() in cues.NOUN_CUES):
        return None
    if inner.lower_ in WH_WORDS:
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    cue_start = ctx.doc_start(tok)
    for c in tok.children:  # "clarion call", "false claims"
        if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and c.pos_ != "PROPN":
            cue_start = ctx.doc_start(c)
    cue_end = ctx.doc_end(prep if prep is not None else tok.head if copula else tok)
    subj: Token | None = possessor_subject(poss, tok) or poss
    cue_tok = tok
    if light:
        cue_start, cue_tok = cue_group(ctx, head)[0], head
        if subj is None:
            subj, _ = subject_of(head)
    content = ctx.trim(*ctx.subtree_span(inner))
    if content[1] <= content[0]:
        return None
    content = snap_to_quotes(ctx, *content, tok)
    source = source_span(ctx, subj, tok) if subj is not None else None
    conf = min(0.9, 0.3 + 0.6 * max(score, 0.6 if light else 0.0))
    return Candidate(
        cue=(cue_start, cue_end),
        content=content,
        source=source,
        source_tok=subj,
        cue_tok=cue_tok,
        content_root=inner,
        sent=sent,
        rule="noun",
        confidence=conf if subj is not None else conf - 0.2,
    )


# a possessive pronoun and the subject pronouns it agrees with
_POSSESSIVE_AGREES = {
    "his": frozenset({"he"}),
    "her": frozenset({"she"}),
    "its": frozenset({"it"}),
    "their": frozenset({"they"}),
}


def possessor_subject(poss: Token | None, noun: Token) -> Token | None:
    """The subject a possessive pronoun on a noun cue stands for when the noun is that
    subject's verb's object ("Roe ratcheted up his attacks on Vance": Roe, as PolNeAR
    marks it), else None; a subject pronoun that does not agree with it is someone else ("he
    questioned her account")."""
    if poss is None or poss.lower_ not in _POSSESSIVE_AGREES or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = nearest_subject(verb, ("nsubj",))
    if subj is None or subj.i > noun.i:
        return None
    if subj.pos_ == "PRON" and subj.lower_ not in _POSSESSIVE_AGREES[poss.lower_]:
        return None
    return subj
