"""The verb rule: 'X said (that) Y', 'X called for Y', '"Y," X said', 'Y, X said, ...'."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claimtrack.extract import cues
from claimtrack.extract.rules.context import Candidate, Context
from claimtrack.extract.rules.phrases import (
    ANAPHORIC_CONTENT,
    CONNECTIVE_DEPS,
    LINK_PREPS,
    WH_WORDS,
    adjacent_quote,
    clause_span,
    cue_clause,
    cue_group,
    frame_of,
    prep_object,
    snap_to_quotes,
)
from claimtrack.extract.rules.subjects import SUBJ, in_question, says, source_span, subject_of
from claimtrack.extract.when import WHEN_LABELS, says_when_or_where
from claimtrack.extract.wordlists import words

CUE_PREPS = words("cue_preps")
# "criticized X for Y", "compared X to Y", "described X as Y": the object's complements
OBJ_PREPS = words("object_preps")
PREP_COMPLEMENTS = frozenset({"as", "for"})
EXAMPLE_PREPS = frozenset({"including", "like"})


def _xcomp_is_cue(tok: Token) -> bool:
    x = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if x is None or x.pos_ not in ("VERB", "AUX"):
        return False
    f = frame_of(x)
    if f == "x":
        return False
    # "went on to say": the inner verb is the cue; "vows to veto": the outer one is the stronger
    inner = cues.verb_score(x.lemma_.lower(), f)
    return inner >= cues.THRESHOLD and inner >= cues.verb_score(tok.lemma_.lower(), "x")


def _object_content(ctx: Context, tok: Token) -> tuple[int, int] | None:
    """The object and its complements hung on the verb after it ("criticized X for Y"), up to
    a phrase that says when or where it was said ("denied it on Thursday", "praised her in a
    tweet"): the claim's date and medium are not what was said."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    start, end = ctx.subtree_span(obj)
    for c in tok.children:
        if c.i <= obj.i:
            continue
        if c.dep_ == "prep" and says_when_or_where(c):
            break
        if (
            c.dep_ in ("oprd", "xcomp", "ccomp")
            or (c.dep_ == "prep" and c.lower_ in OBJ_PREPS)
            or _examples_of(c, obj)
        ):
            end = max(end, ctx.doc_end(c.right_edge))
    return start, end


def _examples_of(prep: Token, obj: Token) -> bool:
    """', including X', ', like X', ', such as X' right after the object: the parser may hang
    the examples on the verb, but they are the object's ("criticized the projects, like X")."""
    doc = obj.doc
    first = (
        prep.i - 1
        if prep.lower_ == "as" and prep.i and doc[prep.i - 1].lower_ == "such"
        else prep.i
    )
    named = prep.lower_ in EXAMPLE_PREPS or first < prep.i
    return (
        prep.dep_ == "prep"
        and named
        and first >= 2
        and doc[first - 1].text == ","
        and doc[first - 2].i == obj.right_edge.i
    )


# What the helpers for shapes the parser scatters return: (cue, content, rule, score).
Special = tuple[tuple[int, int], tuple[int, int], str, float]


def _for_clause(ctx: Context, tok: Token, lemma: str) -> Special | None:
    """'is calling for the mayor to resign': the parser makes the for-clause an adverbial
    clause; 'for' joins the cue and the clause after it is the content."""
    score = cues.verb_score(lemma, "p:for")
    if score < cues.PREP_THRESHOLD:
        return None
    for a in tok.children:
        if a.dep_ != "advcl" or a.i < tok.i:
            continue
        mark = next((m for m in a.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if mark is not None and tok.i < mark.i <= tok.i + 2 and mark.i + 1 < len(tok.doc):
            nxt = tok.doc[mark.i + 1]
            return (
                (cue_group(ctx, tok)[0], ctx.doc_end(mark)),
                (ctx.doc_start(nxt), ctx.doc_end(a.right_edge)),
                "prep",
                score,
            )
    return None


def _passive_patient(ctx: Context, tok: Token, frame: str) -> Special | None:
    """'Mayor Roe has been criticised over the fees by the council', 'Crows are considered the
    detectives of the bird world': in a passive the patient and what is said of it are the
    content (PolNeAR's reading), the agent, if any, is the source."""
    if frame != "-" or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    patient = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if patient is None or patient.lower_ in WH_WORDS or patient.pos_ == "PRON":
        return None
    score = cues.verb_score(tok.lemma_.lower(), "o")
    if score < cues.THRESHOLD:
        return None
    end = ctx.doc_end(tok)
    for c in tok.children:
        if (
            c.i > tok.i
            and c.dep_ in ("prep", "oprd", "attr", "acomp", "advcl")
            and c.lower_ != "by"
        ):
            end = max(end, ctx.doc_end(c.right_edge))
    return cue_group(ctx, tok), (ctx.doc_start(patient.left_edge), end), "passive", score


def _made_clear(ctx: Context, tok: Token, sent: Span) -> Special | None:
    """'made (it) clear (to X) (on Monday) that ...': the parser scatters this; read it off the
    words: the cue runs to 'clear', the content is the clause after it."""
    if tok.lemma_.lower() != "make":
        return None
    doc = tok.doc
    clear = next((t for t in doc[tok.i + 1 : tok.i + 3] if t.lower_ == "clear"), None)
    if clear is None or any(t.lower_ not in ("it", "clear") for t in doc[tok.i + 1 : clear.i]):
        return None
    end = sent.end
    while end - 1 > clear.i and doc[end - 1].is_punct:
        end -= 1
    that = next(
        (t for t in doc[clear.i + 1 : end] if t.lower_ == "that" and t.dep_ == "mark"), None
    )
    if that is not None:
        start = that
    else:
        start = next((t for t in doc[clear.i + 1 : end] if t.dep_ in ("nsubj", "nsubjpass")), None)
        if start is None:
            return None
        start = start.left_edge
    if start.i >= end:
        return None
    content = (ctx.doc_start(start), ctx.doc_end(doc[end - 1]))
    return (cue_group(ctx, tok)[0], ctx.doc_end(clear)), content, "c", 0.7


NOT_MANNER_VERBS = words("not_manner_verbs")


def _closes_quotation(ctx: Context, tok: Token, sent: Span) -> bool:
    """'"Go home," Trump barked.' / '"Fine," beamed Ann.': the verb with its subject right after
    a quotation and nothing else of substance until the sentence ends."""
    if tok.lemma_.lower() in NOT_MANNER_VERBS or cues.LEXICON.get(
        ("verb", tok.lemma_.lower(), "c")
    ):
        return False
    after = [c for c in tok.children if c.i > tok.i and c.dep_ not in ("punct", "npadvmod")]
    if (
        not any(c.dep_ == "nsubj" for c in tok.children)
        or any(c.dep_ not in ("dobj", "advmod", "nsubj") for c in after)
        or any(t.is_alpha for t in sent.doc[tok.right_edge.i + 1 : sent.end])
    ):
        return False
    quote = adjacent_quote(ctx, tok, sent)
    return quote is not None and quote[1] <= cue_clause(ctx, tok)[0]  # the quotation comes first


@dataclass(slots=True)
class Verb:
    """A verb read as a possible cue: its lemma, frame ('c' clause, 'x' infinitive, 'o' object,
    '-' none), how strongly it reports speech in that frame, and the preposition after it."""

    ctx: Context
    tok: Token
    sent: Span
    lemma: str
    frame: str
    score: float
    prep: Token | None
    pobj: Token | None
    pscore: float  # the verb's score with its preposition: "called for", "warned of"
    use_prep: bool  # the preposition's object can be the content


@dataclass(slots=True)
class Found:
    """What a content finder found: the content's characters, the rule's name, the token the
    content hangs on, and where it changes them, the cue, the score and the content's pieces."""

    content: tuple[int, int]
    rule: str
    content_tok: Token | None = None
    cue: tuple[int, int] | None = None  # None: the verb group (cue_group)
    score: float | None = None  # None: the verb's score
    parts: list[tuple[int, int]] = field(default_factory=list)


# A finder's answer meaning "this verb credits nothing here" ("what he said"): no claim.
NOTHING = Found((0, 0), "nothing")


def read_verb(ctx: Context, tok: Token, sent: Span) -> Verb:
    """The verb with its frame and scores: a speech verb beside a quotation ('"Technicals," Bob
    said.') or a verb of manner closing one ('"Go home," Trump barked.') scores as a cue."""
    lemma = tok.lemma_.lower()
    frame = frame_of(tok)
    score = cues.verb_score(lemma, frame)
    if frame in "-o" and score < cues.THRESHOLD:
        # a quotation beside it lends the verb its clause frame's score; looked for only when
        # that score is another (most verbs score nothing in any frame)
        quoted = cues.verb_score(lemma, "c")
        if quoted != score and adjacent_quote(ctx, tok, sent):
            score = quoted
    if frame in "-oc" and score < cues.THRESHOLD and _closes_quotation(ctx, tok, sent):
        score = cues.QUOTE_VERB_SCORE
    prep, pobj = prep_object(tok)
    pscore = cues.verb_score(lemma, "p:" + prep.lower_) if prep is not None else 0.0
    use_prep = (
        frame == "-"
        and pobj is not None
        and (pscore >= cues.PREP_THRESHOLD or score >= cues.THRESHOLD and prep.lower_ in CUE_PREPS)
    )
    if (
        use_prep
        and pobj is not None
        and (
            pobj.lower_ in WH_WORDS
            or pobj.ent_type_ in WHEN_LABELS
            or pobj.lemma_.lower() in cues.NOT_CONTENT_NOUNS
        )
    ):
        use_prep = False
    return Verb(ctx, tok, sent, lemma, frame, score, prep, pobj, pscore, use_prep)


def _is_cue(v: Verb) -> bool:
    """The verb reports speech (or its preposition does), and it is not an outer verb whose
    infinitive is the real cue ('went on to say')."""
    if v.score < cues.THRESHOLD and not v.use_prep:
        return False
    return not (v.frame == "x" and _xcomp_is_cue(v.tok))


def quote_beside(v: Verb) -> Found | None:
    """'"Technicals," Bob said.': a verb with no clause (or with the quotation as its object)
    and a quotation right before or after the cue clause."""
    if v.frame not in "-o":
        return None
    quote = adjacent_quote(v.ctx, v.tok, v.sent)
    if quote is None or cues.verb_score(v.lemma, "c") < cues.THRESHOLD:
        return None
    obj = next((c for c in v.tok.children if c.dep_ == "dobj"), None)
    if obj is None or quote[0] <= v.ctx.doc_start(obj) < quote[1]:
        return Found(quote, "quote")
    return None


def naming_complement(v: Verb) -> Found | None:
    """'called the plan a "costly mistake"', 'called her "third-rate"': what X is called."""
    tok = v.tok
    oprd = next((c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i), None)
    if oprd is None or v.lemma not in cues.NAMING_VERBS:
        return None
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else oprd
    score = max(v.score, cues.verb_score(v.lemma, "o"))
    return Found((v.ctx.doc_start(nxt), v.ctx.doc_end(oprd.right_edge)), "o", oprd, score=score)


def quote_after_addressee(v: Verb) -> Found | None:
    """'told reporters, "..."': the quotation after the addressee is the content."""
    if v.frame != "o" or cues.verb_score(v.lemma, "c") < cues.THRESHOLD:
        return None
    ctx = v.ctx
    obj = next(c for c in v.tok.children if c.dep_ == "dobj")
    after = ctx.doc_end(obj.right_edge)
    for qs, qe in ctx.quotes_overlapping(after, min(ctx.end, after + 4)):
        if qs >= after and ctx.within(after, qs).strip(" ,:\u00a0—–-") == "":
            return Found((qs, qe), "quote")
    return None


def clause_complement(v: Verb) -> Found | None:
    """'said (that) the bridge would reopen': the verb's clausal complement."""
    if v.frame != "c":
        return None
    content_tok = _reported_clause(v)
    return Found(clause_span(v.ctx, content_tok), "c", content_tok)


def _reported_clause(v: Verb) -> Token:
    """The verb's clausal complement: its first, unless that one stands before the verb outside
    quotation marks and a clause with a subject of its own follows the verb ("The budget was a
    mess; the mayor insists | it will be fixed": the parser hangs both clauses on "insists"). A
    quotation after the verb ('A, he said: "B."') leaves A the content, which B then joins."""
    comps = [c for c in v.tok.children if c.dep_ == "ccomp"]
    first, ctx = comps[0], v.ctx
    after = next((c for c in comps if c.i > v.tok.i and _has_subject(c)), None)
    if after is None or first.i > v.tok.i or _quoted(ctx, first) or _opens_quoted(ctx, after):
        return first
    return after


def _quoted(ctx: Context, tok: Token) -> bool:
    """Whether a quotation overlaps the words of ``tok``'s subtree."""
    return bool(ctx.quotes_overlapping(*ctx.subtree_span(tok)))


def _opens_quoted(ctx: Context, tok: Token) -> bool:
    """Whether the first word of ``tok``'s subtree is inside a quotation."""
    start, end = ctx.subtree_span(tok)
    return any(qs <= start < qe for qs, qe in ctx.quotes_overlapping(start, end))


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJ or c.dep_ == "expl" for c in tok.children)


def infinitive_complement(v: Verb) -> Found | None:
    """'urged voters to stay home', 'called on X to do Y', 'The email appears to contradict
    ...': the infinitive clause, opened by who is asked to act or by the raised subject."""
    if v.frame != "x":
        return None
    ctx, tok = v.ctx, v.tok
    cue = cue_group(ctx, tok)
    rule = "x"
    content_tok = next(c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i)
    content = clause_span(ctx, content_tok)
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < content_tok.i), None)
    if obj is not None and obj.i > tok.i:
        # "asked young actors to act older": who is asked to act belongs to the content
        content = (ctx.doc_start(obj.left_edge), content[1])
    link, link_obj = prep_object(tok)
    if (
        link is not None
        and link_obj is not None
        and link.i == tok.i + 1
        and link.lower_ in LINK_PREPS
        and link_obj.i < content_tok.i
    ):
        # "called on X to do Y", "voted against a measure to ...": the preposition is in
        # the cue and its object opens the content
        cue = (cue[0], ctx.doc_end(link))
        content = (ctx.doc_start(link_obj.left_edge), content[1])
    raised = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        raised is not None
        and raised.i < tok.i
        and (raised.dep_ == "nsubjpass" or v.lemma in cues.RAISING_VERBS)
    ):
        # "Voters are expected to delay ...": the subject belongs to the content; the source
        # is the agent, if any
        content = (ctx.doc_start(raised.left_edge), content[1])
        rule = "raising"
    return Found(content, rule, content_tok, cue=cue)


def direct_object(v: Verb) -> Found | None:
    """'denied the charges', 'expressed doubt that ...': the object and its complements; not
    'what he said' (NOTHING) nor the addressee of 'told reporters' (None)."""
    if v.frame != "o":
        return None
    ctx, tok = v.ctx, v.tok
    content_tok = next(c for c in tok.children if c.dep_ == "dobj")
    if content_tok.lower_ in WH_WORDS and not (
        content_tok.lower_ in ANAPHORIC_CONTENT and cues.verb_score(v.lemma, "c") >= 0.5
    ):
        return NOTHING  # "what he said"; but "he said that" / "she said it" refer back
    if v.lemma in cues.ADDRESSEE_VERBS and (
        content_tok.pos_ in ("PROPN", "PRON") or content_tok.lemma_.lower() in cues.AUDIENCE_NOUNS
    ):
        return None  # "told reporters": the object is the addressee, not content
    content = _object_content(ctx, tok)
    assert content is not None  # the frame is 'o': there is an object
    cue = cue_group(ctx, tok)
    if v.lemma in cues.LIGHT_VERBS and content_tok.lemma_.lower() in cues.NOUN_CUES:
        # "expressed doubt that ...", "voiced concern about ..."
        inner = next((c for c in content_tok.children if c.dep_ in ("acl", "ccomp", "prep")), None)
        if inner is not None:
            cue = (cue[0], ctx.doc_end(content_tok))
            if inner.dep_ == "prep":
                pobj = next((g for g in inner.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    content, content_tok = ctx.subtree_span(pobj), pobj
                    cue = (cue[0], ctx.doc_end(inner))
            else:
                content, content_tok = ctx.subtree_span(inner), inner
    return Found(content, "o", content_tok, cue=cue)


def adjacent_quotation(v: Verb) -> Found | None:
    """Any frame: a quotation right before the cue clause or right after the cue."""
    quote = adjacent_quote(v.ctx, v.tok, v.sent)
    return Found(quote, "quote") if quote is not None else None


def reported_clause_around(v: Verb) -> Found | None:
    """'Ukraine will win, he said' / 'The goal, he said, is peace': the cue clause hangs off
    the reported clause; the content is that clause without the attribution."""
    ctx, tok = v.ctx, v.tok
    if not (
        (tok.dep_ == "parataxis" or tok.dep_ in ("ccomp", "advcl") and tok.head.i < tok.i)
        and not (v.use_prep and tok.dep_ == "advcl")  # "..., pointing to his record"
        and (cues.verb_score(tok.head.lemma_.lower(), "c") < cues.THRESHOLD or _aside(tok))
    ):
        return None
    head = tok.head
    left, right = cue_clause(ctx, tok)
    if head.i > tok.i and tok.right_edge.i < head.i:
        # "Instead, Roe told CNN, her plan ...": the addressee stays out of the content
        sub_left, sub_right = ctx.subtree_span(tok)
        left, right = min(left, sub_left), max(right, sub_right)
    start, end = ctx.subtree_span(head)
    if head.i < tok.i and end <= right + 2:
        end = left
    elif head.i > tok.i and start >= left - 2:
        start = right
    lead = ctx.tokens_from(start, left)
    if start < left and all(t.dep_ in CONNECTIVE_DEPS or t.is_punct for t in lead):
        start = right  # "Still, he said, officials must decide": the connective stays out
    parts: list[tuple[int, int]] = []
    if start < left and right < end:
        parts = [ctx.trim(start, left), ctx.trim(right, end)]
    if end - start <= 3:
        return None
    return Found((start, end), "parataxis", head, parts=parts)


def _aside(tok: Token) -> bool:
    """A speaking verb with its own subject that the parser hung as an aside on a verb that
    reports too ("Back then, Roe said, she found the clerk helpful"; "A, B said": "found" or
    "believes" then scores as a cue itself): the aside is the attribution, and the clause
    around it its content (PolNeAR marks the outer attribution only; the inner verb's claim,
    inside that content, is dropped as nested)."""
    return (
        tok.dep_ == "parataxis"
        and says(tok)
        and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)
    )


def prepositional_object(v: Verb) -> Found | None:
    """'called for a special prosecutor', 'said in a statement that ...': the object of the
    preposition after the verb, which joins the cue."""
    prep, pobj = v.prep, v.pobj
    if not v.use_prep or prep is None or pobj is None:
        return None
    ctx = v.ctx
    cue = (cue_group(ctx, v.tok)[0], ctx.doc_end(prep))
    content_tok, content = pobj, ctx.subtree_span(pobj)
    said = next((c for c in pobj.children if c.dep_ in ("acl", "ccomp") and c.i > pobj.i), None)
    if pobj.lemma_.lower() in cues.MEDIUM_NOUNS and said is not None:
        # "said in a statement that ...": the parser hangs the clause on the medium
        content_tok, content = said, ctx.subtree_span(said)
        cue = (cue[0], ctx.doc_end(pobj))
    else:
        content = (content[0], _with_complement(ctx, v.tok, pobj, content[1]))
    return Found(content, "prep", content_tok, cue=cue, score=max(v.score, v.pscore))


def _with_complement(ctx: Context, tok: Token, pobj: Token, end: int) -> int:
    """'referred to him as a reformer', 'lashed out at the board for the delays': what the
    object is taken as or blamed for belongs to the content, as after a direct object
    ("described X as Y", "criticized X for Y")."""
    for c in tok.children:
        if c.i > pobj.i and c.dep_ == "prep" and c.lower_ in PREP_COMPLEMENTS:
            end = max(end, ctx.doc_end(c.right_edge))
        elif c.i > pobj.i and _examples_of(c, pobj):  # "warned of the risks, including X"
            end = max(end, ctx.doc_end(c.right_edge))
    return end


# The content finders, tried in turn; the first to answer gives the content.
CONTENT_FINDERS = (
    quote_beside,
    naming_complement,
    quote_after_addressee,
    clause_complement,
    infinitive_complement,
    direct_object,
    adjacent_quotation,
    reported_clause_around,
    prepositional_object,
)


def find_content(v: Verb) -> Found | None:
    """The first content finder's answer; None when none finds one or one says NOTHING."""
    for finder in CONTENT_FINDERS:
        found = finder(v)
        if found is not None:
            return None if found is NOTHING else found
    return None


def _with_of(ctx: Context, tok: Token, cue: tuple[int, int]) -> tuple[int, int]:
    """'"...," she said of the plan': the "of" right after the verb joins a quotation's cue."""
    about = next(
        (c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ == "of"),
        None,
    )
    end = ctx.doc_end(about) if about is not None else cue[1]
    return (cue[0], end) if end > cue[1] else cue


def verb_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """A verb cue's candidate: a shape the parser scatters ('calling for X to resign', 'made
    clear that', a passive's patient), else the first content the finders give."""
    if tok.pos_ not in ("VERB", "AUX") or in_question(tok):
        return None
    v = read_verb(ctx, tok, sent)
    special = (
        _for_clause(ctx, tok, v.lemma)
        or _made_clear(ctx, tok, sent)
        or _passive_patient(ctx, tok, v.frame)
    )
    if special is not None:
        return _candidate(ctx, tok, sent, *special)
    if not _is_cue(v):
        return None
    found = find_content(v)
    if found is None:
        return None
    cue = found.cue or cue_group(ctx, tok)
    if found.rule == "quote":
        cue = _with_of(ctx, tok, cue)
    score = v.score if found.score is None else found.score
    return _candidate(
        ctx, tok, sent, cue, found.content, found.rule, score, found.content_tok, found.parts
    )


def _candidate(
    ctx: Context,
    tok: Token,
    sent: Span,
    cue: tuple[int, int],
    content: tuple[int, int],
    rule: str,
    score: float,
    content_tok: Token | None = None,
    parts: list[tuple[int, int]] | None = None,
) -> Candidate | None:
    """A verb cue's candidate: content grown to whole quotations and trimmed, the speaker."""
    content = snap_to_quotes(ctx, *content, tok)
    content = ctx.trim(*content)
    if content[1] <= content[0]:
        return None
    subj, _passive = subject_of(tok)
    if rule == "raising" and subj is not None and subj.dep_ != "pobj":
        subj = None
    source = source_span(ctx, subj, tok) if subj is not None else None
    conf = min(0.95, 0.3 + 0.6 * score)
    parts = parts or []
    cand_parts = parts if rule == "parataxis" and all(b > a for a, b in parts) else []
    return Candidate(
        parts=cand_parts,
        cue=cue,
        content=content,
        source=source,
        source_tok=subj,
        cue_tok=tok,
        content_root=content_tok,
        sent=sent,
        rule=rule,
        confidence=conf if subj is not None or rule == "raising" else conf - 0.2,
    )
