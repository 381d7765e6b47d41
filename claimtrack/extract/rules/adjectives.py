"""The adjective rule: 'X is skeptical of Y', 'X was adamant that Y', 'X is eager to Y'."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.extract import cues
from claimtrack.extract.rules.context import Candidate, Context
from claimtrack.extract.rules.phrases import (
    WH_WORDS,
    clause_span,
    cue_group,
    frame_of,
    prep_object,
)
from claimtrack.extract.rules.subjects import source_span, subject_of
from claimtrack.extract.wordlists import words


def adjective_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'X is skeptical of Y', 'X was critical of Y', 'X was adamant that Y', 'X is eager to Y'."""
    if tok.pos_ != "ADJ" or tok.dep_ not in ("acomp", "amod", "oprd"):
        return None
    clause = _adjective_clause(ctx, tok, sent)
    if clause is not None:
        return clause
    prep, pobj = prep_object(tok)
    if prep is None or pobj is None or pobj.lower_ in WH_WORDS:
        return None
    lemma = tok.lemma_.lower()
    score = cues.adj_score(lemma, "p:" + prep.lower_)
    head = tok.head
    if tok.dep_ == "acomp" and head.i > tok.i:
        return None  # "how close to the line he has been": a fronted predicate, not a cue
    subj, _ = subject_of(head) if tok.dep_ == "acomp" else (None, False)
    if (
        score < cues.NOUN_THRESHOLD
        and subj is not None
        and _person_like(subj)
        and prep.lower_ in cues.ATTITUDE_PREPS
        and not cues.known_adjective(lemma)
    ):
        score = cues.ATTITUDE_SCORE  # 'she was upfront about her dislike of ...'
    if score < cues.NOUN_THRESHOLD:
        return None
    start = cue_group(ctx, head)[0] if tok.dep_ == "acomp" else ctx.doc_start(tok)
    content = ctx.trim(*ctx.subtree_span(pobj))
    if content[1] <= content[0]:
        return None
    return Candidate(
        cue=(start, ctx.doc_end(prep)),
        content=content,
        source=source_span(ctx, subj, head) if subj is not None else None,
        source_tok=subj,
        cue_tok=tok,
        content_root=pobj,
        sent=sent,
        rule="adjective",
        confidence=0.3 + 0.6 * score,
    )


def _adjective_clause(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """An adjective of a person's stance with a clause: 'they were hopeful that ...',
    'she is eager to ...'; the copula's subject is the source."""
    if tok.dep_ != "acomp" or tok.head.i > tok.i:
        return None
    frame = frame_of(tok)
    if frame not in "cx":
        return None
    score = cues.adj_score(tok.lemma_.lower(), frame)
    subj, _ = subject_of(tok.head)
    if score < cues.THRESHOLD or subj is None:
        return None
    dep = "ccomp" if frame == "c" else "xcomp"
    inner = next((c for c in tok.children if c.dep_ == dep and c.i > tok.i), None)
    if inner is None:
        return None  # the clause stands before its adjective: not this shape
    return Candidate(
        cue=(cue_group(ctx, tok.head)[0], ctx.doc_end(tok)),
        content=ctx.trim(*clause_span(ctx, inner)),
        source=source_span(ctx, subj, tok.head),
        source_tok=subj,
        cue_tok=tok,
        content_root=inner,
        sent=sent,
        rule="adjective",
        confidence=0.3 + 0.6 * score,
    )


PERSONAL_PRONOUNS = words("personal_pronouns")


def _person_like(tok: Token) -> bool:
    """A person or group as subject: a personal pronoun, a named person or organisation."""
    return tok.lower_ in PERSONAL_PRONOUNS or tok.ent_type_ in ("PERSON", "ORG", "NORP")
