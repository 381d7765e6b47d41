"""Dependency rules that find attribution candidates (source, cue, content) in one parsed text.

All offsets produced here are relative to the parsed paragraph; the caller shifts them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimtrack.extract import cues
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.spans import doc_text, subtree_span, tok_end, token_starts, trim
from claimtrack.extract.when import WHEN_LABELS

SUBJ = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp")
OBJ_DEPS = ("dobj",)
INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp", "acl", "prep", "acomp")


@dataclass(slots=True)
class Candidate:
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    source_tok: Token | None
    cue_tok: Token
    content_root: Token | None
    sent: Span
    rule: str
    confidence: float
    parts: list[tuple[int, int]] = field(default_factory=list)
    according: bool = False
    follow_on: bool = False
    nested_in: int | None = None


class Context:
    """A parsed paragraph plus the quotes of the whole document, in paragraph coordinates."""

    def __init__(
        self, doc: Doc, base: int, quotes: QuoteIndex, full_text: str, heading: bool = False
    ) -> None:
        self.heading = heading  # the paragraph is a section heading
        self.title = not full_text[:base].strip()  # the first line: the article's title
        self.doc = doc
        self.text = doc_text(doc)
        self.base = base
        self.qi = quotes
        self.full = full_text

    @property
    def _starts(self) -> list[int]:
        return token_starts(self.doc)

    def tokens_from(self, start: int, end: int) -> list[Token]:
        """Tokens starting at a character in [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return [self.doc[k] for k in range(i, j)]

    def trim(self, start: int, end: int, *, keep_closing_quote: bool = True) -> tuple[int, int]:
        """Trim in paragraph coordinates; spans may run into later paragraphs (quotes)."""
        a, b = trim(
            self.full, start + self.base, end + self.base, keep_closing_quote=keep_closing_quote
        )
        return a - self.base, b - self.base

    def quotes_overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        out = []
        for q in self.qi.overlapping(start + self.base, end + self.base):
            out.append((q.start - self.base, q.end - self.base))
        return out


# ---------------------------------------------------------------- subjects and sources


def nearest_subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb's subject; when the parser gives it two ('"Toil or go to prison," Frank
    writes', 'LOS ANGELES (AP) — The mayor dug ...'), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    return min(subjects, key=lambda c: (abs(c.i - verb.i), -c.i)) if subjects else None


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject token credited by verb (agent for passives), and whether it is passive."""
    subj = nearest_subject(verb, SUBJ)
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is not None:
            return pobj, True
        if subj.lower_ == "it":
            return None, True
        return None, True
    if subj is not None:
        return subj, False
    # "X said A and added that B": the parser often hangs "added" off A's verb; the speaker of
    # "added" is the subject of "said", not A's
    first = verb.head
    if (
        (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > first.i)
        and first.dep_ == "ccomp"
        and first.head.pos_ in ("VERB", "AUX")
        and cues.verb_score(verb.lemma_.lower(), "c") >= 0.6
        and cues.verb_score(first.head.lemma_.lower(), "c") >= 0.6
    ):
        return subject_of(first.head)
    # "..., adding that", "and warned that": inherit the subject of the governing verb
    head = verb
    for _ in range(4):
        if head.dep_ not in INHERIT_DEPS or head.head == head:
            break
        raising = head.dep_ == "xcomp" and head.head.lemma_.lower() in cues.HEDGE_VERBS
        head = head.head
        deps = ("nsubj", "nsubjpass") if raising else ("nsubj",)
        s = nearest_subject(head, deps)
        if s is not None:
            return s, False
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head, False
    return None, False


DASHES = frozenset({"—", "–", "-", "--"})
LEAD_ADVERBS = frozenset({"even", "just", "also"})


def _drop_lead(tok: Token, start: int, end: int) -> int:
    """A dateline ('WASHINGTON — ', 'BOSTON (Reuters) - ') or a focus adverb ('even', 'just')
    opening the speaker's phrase is not part of the Source."""
    doc = tok.doc
    for t in doc[: min(9, len(doc) - 1)]:
        if t.idx < start or t.i == 0:
            continue
        spaced = t.whitespace_ != "" and doc[t.i - 1].whitespace_ != ""
        dateline = (
            doc[0].is_upper and len(doc[0].text) > 1 or any(u.text == "(" for u in doc[: t.i])
        )
        if t.text in DASHES and spaced and dateline and doc[t.i + 1].idx < end:
            start = max(start, doc[t.i + 1].idx)
    first = next((t for t in tok.subtree if t.idx >= start), None)
    if (
        first is not None
        and first.i < tok.i
        and first.lower_ in LEAD_ADVERBS
        and first.dep_ == "advmod"
        and first.i + 1 < len(doc)
    ):
        start = doc[first.i + 1].idx
    return start


def source_span(ctx: Context, tok: Token, cue_tok: Token) -> tuple[int, int]:
    if tok == cue_tok.head and cue_tok.dep_ in ("relcl", "acl"):
        # the antecedent noun of a relative clause: exclude the clause itself
        left = tok.left_edge.idx
        return ctx.trim(left, tok_end(tok))
    start, end = subtree_span(tok)
    for c in tok.children:
        # "The campaign on Monday": a date modifying the source is not part of it
        if c.i > tok.i and (
            c.dep_ == "prep"
            and any(g.ent_type_ in WHEN_LABELS for g in c.children if g.dep_ == "pobj")
            or c.dep_ == "npadvmod"
            and c.ent_type_ in WHEN_LABELS
        ):
            end = min(end, c.left_edge.idx)
        # "Marco Rubio, speaking at a rally, said": PolNeAR leaves the participle out
        if (
            c.i > tok.i
            and c.dep_ in ("acl", "advcl")
            and c.tag_ == "VBG"
            and c.left_edge.i == c.i
            and c.i > 0
            and tok.doc[c.i - 1].text == ","
        ):
            end = min(end, tok.doc[c.i - 1].idx)
    start = _drop_lead(tok, start, end)
    for qs, qe in ctx.quotes_overlapping(start, end):
        # a quotation the parser hung on the speaker: '... unanimous," Smith said'
        if qs <= start < qe <= tok.idx:
            start = qe
        elif tok.idx < qs < end < qe:
            end = qs
    if start <= cue_tok.idx < end:  # never swallow the cue
        end = min(end, cue_tok.idx)
        start = min(start, tok.idx)
    start, end = ctx.trim(start, end, keep_closing_quote=False)
    # PolNeAR keeps the comma closing an appositive or relative clause: "Smith, an aide,"
    text = ctx.full
    a, b = start + ctx.base, end + ctx.base
    if b < len(text) and text[b] == "," and "," in text[a:b]:
        end += 1
    return start, end


# ---------------------------------------------------------------- content helpers


def snap_to_quotes(ctx: Context, start: int, end: int, cue_tok: Token) -> tuple[int, int]:
    """Grow content to whole quotations it starts or ends in (never across the cue)."""
    quotes = ctx.quotes_overlapping(start, end)
    if not quotes:
        return start, end
    first, last = quotes[0], quotes[-1]
    cue_pos = cue_tok.idx
    if first[0] <= start + 2 and not (first[0] <= cue_pos < first[1]):
        start = min(start, first[0])
    if last[1] >= end - 2 and not (last[0] <= cue_pos < last[1]):
        if last[0] > cue_pos or end > cue_pos or last[1] <= cue_pos:
            end = max(end, last[1]) if not (last[0] < cue_pos < last[1]) else end
    return start, end


def clause_span(tok: Token, exclude: Token | None = None) -> tuple[int, int]:
    start, end = subtree_span(tok)
    if exclude is not None:
        es, ee = subtree_span(exclude)
        if es <= start < ee:
            start = ee
        if es < end <= ee:
            end = es
    return start, end


def cue_clause(verb: Token) -> tuple[int, int]:
    """Characters of the attribution clause: the verb group and its subject ("Bob said")."""
    toks = [verb] + [
        c
        for c in verb.children
        if c.dep_ in GROUP_DEPS
        # adverbs next to the verb; not words of a quotation the parser hung on it
        or c.dep_ in ("advmod", "prt", "npadvmod")
        and abs(c.i - verb.i) <= 2
    ]
    left = min(t.idx for t in toks)
    right = max(tok_end(t) for t in toks)
    c = nearest_subject(verb, SUBJ)
    if c is not None:
        left = min(left, c.left_edge.idx)
        right = max(right, tok_end(c.right_edge))
    return left, right


def adjacent_quote(ctx: Context, cue_tok: Token, sent: Span) -> tuple[int, int] | None:
    """A quotation immediately before the cue clause or right after the cue."""
    left, right = cue_clause(cue_tok)
    text = ctx.text
    for qs, qe in ctx.quotes_overlapping(max(0, left - 4), min(len(text), right + 4)):
        if qe <= left and text[qe:left].strip(" ,\u00a0—–-") == "":
            return qs, qe
        if qs >= right and text[right:qs].strip(" ,:\u00a0—–-") == "":
            return qs, qe
    # 'he said:' closing a paragraph, the quotation opening the next one
    if text[right:].strip() == ":":
        full, base = ctx.full, ctx.base
        q = ctx.qi.containing(len(full[: base + len(text)]) + _lead_ws(full, base + len(text)))
        if q is not None and q.start >= base + len(text):
            return q.start - base, q.end - base
    return None


def _lead_ws(text: str, pos: int) -> int:
    n = 0
    while pos + n < len(text) and text[pos + n].isspace():
        n += 1
    return n


# ---------------------------------------------------------------- rules


CUE_PREPS = frozenset({"about", "to", "for", "of", "on", "against", "with", "at", "into"})
# "criticized X for Y", "compared X to Y", "described X as Y": the object's complements
OBJ_PREPS = frozenset("as for to of with about into against on over from in".split())
GROUP_DEPS = frozenset({"aux", "auxpass", "neg"})
CONNECTIVE_DEPS = frozenset({"cc", "advmod", "mark", "intj", "prep", "pobj"})
WH_WORDS = frozenset({"what", "which", "whom", "who", "that", "it", "this", "so"})
ANAPHORIC_CONTENT = frozenset({"that", "this", "it", "so"})


def prep_object(tok: Token) -> tuple[Token | None, Token | None]:
    """The first preposition right after tok (within three words) and its object."""
    for c in tok.children:
        if c.dep_ == "prep" and tok.i < c.i <= tok.i + 3:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            return c, pobj
    return None, None


def frame_of(tok: Token) -> str:
    deps = {c.dep_ for c in tok.children}
    if "ccomp" in deps:
        return "c"
    if any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.children):
        return "x"
    if "dobj" in deps:
        return "o"
    return "-"


def cue_group(verb: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and adverbs just left of the verb, plus particle."""
    start, end = verb.idx, tok_end(verb)
    i = verb.i - 1
    doc = verb.doc
    while i >= 0:
        t = doc[i]
        if t.head == verb and (
            t.dep_ in GROUP_DEPS or (t.dep_ == "advmod" and t.tag_ == "RB" and "." not in t.text)
        ):
            start = t.idx
            i -= 1
            continue
        break
    for c in verb.children:
        if c.dep_ == "prt" and c.i == verb.i + 1:
            end = tok_end(c)
    nxt = verb.i + 1
    if nxt < len(doc) and doc[nxt].text == ":" and end == tok_end(verb):
        end = tok_end(doc[nxt])
    # "declined to comment", "seemed to confirm": the governing verb joins the cue
    if verb.dep_ == "xcomp" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            start = min(start, cue_group(verb.head)[0])
    return start, end


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


def _object_content(tok: Token) -> tuple[int, int] | None:
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    start, end = subtree_span(obj)
    for c in tok.children:
        if (
            c.i > obj.i
            and c.dep_ in ("oprd", "xcomp", "ccomp")
            or (c.i > obj.i and c.dep_ == "prep" and c.lower_ in OBJ_PREPS)
        ):
            end = max(end, tok_end(c.right_edge))
    return start, end


# What the helpers for shapes the parser scatters return: (cue, content, rule, score).
Special = tuple[tuple[int, int], tuple[int, int], str, float]


def _for_clause(tok: Token, lemma: str) -> Special | None:
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
                (cue_group(tok)[0], tok_end(mark)),
                (nxt.idx, tok_end(a.right_edge)),
                "prep",
                score,
            )
    return None


def _passive_patient(tok: Token, frame: str) -> Special | None:
    """'Clinton has been attacked on the speeches by Sanders', 'Crows are considered the
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
    end = tok_end(tok)
    for c in tok.children:
        if (
            c.i > tok.i
            and c.dep_ in ("prep", "oprd", "attr", "acomp", "advcl")
            and c.lower_ != "by"
        ):
            end = max(end, tok_end(c.right_edge))
    return cue_group(tok), (patient.left_edge.idx, end), "passive", score


def _made_clear(tok: Token, sent: Span) -> Special | None:
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
    content = (start.idx, tok_end(doc[end - 1]))
    return (cue_group(tok)[0], tok_end(clear)), content, "c", 0.7


NOT_MANNER_VERBS = frozenset("be have do get go come make take".split())


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
    return quote is not None and quote[1] <= cue_clause(tok)[0]  # the quotation comes first


def verb_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    frame = frame_of(tok)
    score = cues.verb_score(lemma, frame)
    if frame in "-o" and score < cues.THRESHOLD:
        # '"Technicals," Bob said.': a speech verb next to a quotation
        score = cues.verb_score(lemma, "c") if adjacent_quote(ctx, tok, sent) else score
    if frame in "-oc" and score < cues.THRESHOLD and _closes_quotation(ctx, tok, sent):
        score = cues.QUOTE_VERB_SCORE  # '"Go home," Trump barked.': a verb of manner
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
    special = _for_clause(tok, lemma) or _made_clear(tok, sent) or _passive_patient(tok, frame)
    if special is not None:
        return _candidate(ctx, tok, sent, *special)
    if (score < cues.THRESHOLD and not use_prep) or frame == "x" and _xcomp_is_cue(tok):
        return None
    cue = cue_group(tok)
    content: tuple[int, int] | None = None
    content_tok: Token | None = None
    rule = frame
    parts: list[tuple[int, int]] = []
    quote = adjacent_quote(ctx, tok, sent) if frame in "-o" else None
    if quote is not None and cues.verb_score(lemma, "c") >= cues.THRESHOLD:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or quote[0] <= obj.idx < quote[1]:
            content, rule = quote, "quote"
    oprd = next((c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i), None)
    if oprd is not None and lemma in cues.NAMING_VERBS and content is None:
        # 'called the plan a "costly mistake"', 'called her "third-rate"': what X is called
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else oprd
        content, rule, content_tok = (nxt.idx, tok_end(oprd.right_edge)), "o", oprd
        score = max(score, cues.verb_score(lemma, "o"))
    if content is None and frame == "o" and cues.verb_score(lemma, "c") >= cues.THRESHOLD:
        # 'told reporters, "..."': the quotation after the addressee is the content
        obj = next(c for c in tok.children if c.dep_ == "dobj")
        after = tok_end(obj.right_edge)
        for qs, qe in ctx.quotes_overlapping(after, min(len(ctx.text), after + 4)):
            if qs >= after and ctx.text[after:qs].strip(" ,:\u00a0—–-") == "":
                content, rule = (qs, qe), "quote"
                break
    if content is not None:
        pass
    elif frame == "c":
        content_tok = next(c for c in tok.children if c.dep_ == "ccomp")
        content = clause_span(content_tok)
    elif frame == "x":
        content_tok = next(c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i)
        content = clause_span(content_tok)
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < content_tok.i), None)
        if obj is not None and obj.i > tok.i:
            # "asked white actors to act whiter", "urged voters to stay home": who is asked
            # to act belongs to the content
            content = (obj.left_edge.idx, content[1])
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
            cue = (cue[0], tok_end(link))
            content = (link_obj.left_edge.idx, content[1])
        raised = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if (
            raised is not None
            and raised.i < tok.i
            and (raised.dep_ == "nsubjpass" or lemma in cues.RAISING_VERBS)
        ):
            # "The email appears to contradict ...", "Voters are expected to delay ...": the
            # subject belongs to the content; the source is the agent, if any
            content = (raised.left_edge.idx, content[1])
            rule = "raising"
    elif frame == "o":
        content_tok = next(c for c in tok.children if c.dep_ == "dobj")
        if content_tok.lower_ in WH_WORDS and not (
            content_tok.lower_ in ANAPHORIC_CONTENT and cues.verb_score(lemma, "c") >= 0.5
        ):
            return None  # "what he said"; but "he said that" / "she said it" refer back
        if lemma in cues.ADDRESSEE_VERBS and (
            content_tok.pos_ in ("PROPN", "PRON")
            or content_tok.lemma_.lower() in cues.AUDIENCE_NOUNS
        ):
            content_tok = None  # "told reporters": the object is the addressee, not content
        else:
            content = _object_content(tok)
        if (
            content_tok is not None
            and lemma in cues.LIGHT_VERBS
            and content_tok.lemma_.lower() in cues.NOUN_CUES
        ):
            # "expressed doubt that ...", "voiced concern about ..."
            inner = next(
                (c for c in content_tok.children if c.dep_ in ("acl", "ccomp", "prep")), None
            )
            if inner is not None:
                cue = (cue[0], tok_end(content_tok))
                if inner.dep_ == "prep":
                    pobj = next((g for g in inner.children if g.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:
                        content, content_tok = subtree_span(pobj), pobj
                        cue = (cue[0], tok_end(inner))
                else:
                    content, content_tok = subtree_span(inner), inner
    if content is None:
        q = adjacent_quote(ctx, tok, sent)
        if q is not None:
            content, rule = q, "quote"
    if (
        content is None
        and (tok.dep_ == "parataxis" or tok.dep_ in ("ccomp", "advcl") and tok.head.i < tok.i)
        and not (use_prep and tok.dep_ == "advcl")  # "..., pointing to his record"
        and cues.verb_score(tok.head.lemma_.lower(), "c") < cues.THRESHOLD
    ):
        # "Ukraine will win, he said" / "The goal, he said, is peace": the cue clause hangs off
        # the reported clause; the content is that clause without the attribution
        head = tok.head
        left, right = cue_clause(tok)
        if head.i > tok.i and tok.right_edge.i < head.i:
            # "Instead, Trump told CNN, his policy ...": the addressee stays out of the content
            left, right = min(left, tok.left_edge.idx), max(right, tok_end(tok.right_edge))
        start, end = head.left_edge.idx, tok_end(head.right_edge)
        if head.i < tok.i and end <= right + 2:
            end = left
        elif head.i > tok.i and start >= left - 2:
            start = right
        lead = ctx.tokens_from(start, left)
        if start < left and all(t.dep_ in CONNECTIVE_DEPS or t.is_punct for t in lead):
            start = right  # "Still, he said, officials must decide": the connective stays out
        if start < left and right < end:
            parts = [ctx.trim(start, left), ctx.trim(right, end)]
        if end - start > 3:
            content, rule, content_tok = (start, end), "parataxis", head
    if content is None and use_prep and prep is not None and pobj is not None:
        content_tok = pobj
        content, rule = subtree_span(pobj), "prep"
        cue = (cue[0], tok_end(prep))
        score = max(score, pscore)
        said = next((c for c in pobj.children if c.dep_ in ("acl", "ccomp") and c.i > pobj.i), None)
        if pobj.lemma_.lower() in cues.MEDIUM_NOUNS and said is not None:
            # "said in a statement that ...": the parser hangs the clause on the medium
            content_tok, content = said, subtree_span(said)
            cue = (cue[0], tok_end(pobj))
    if content is None:
        return None
    if rule == "quote":
        about = next(
            (c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ == "of"),
            None,
        )
        if about is not None and tok_end(about) > cue[1]:
            cue = (cue[0], tok_end(about))  # '"...," she said of the plan': the "of" is in the cue
    return _candidate(ctx, tok, sent, cue, content, rule, score, content_tok, parts)


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
    if tok.pos_ != "NOUN":
        return None
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
    cue_start = tok.idx
    for c in tok.children:  # "clarion call", "false claims"
        if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and c.pos_ != "PROPN":
            cue_start = c.idx
    cue_end = tok_end(prep) if prep is not None else tok_end(tok.head if copula else tok)
    subj: Token | None = poss
    cue_tok = tok
    if light:
        cue_start, cue_tok = cue_group(head)[0], head
        if subj is None:
            subj, _ = subject_of(head)
    content = ctx.trim(*subtree_span(inner))
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
        score = cues.ATTITUDE_SCORE  # 'she was upfront about her distaste for ...'
    if score < cues.NOUN_THRESHOLD:
        return None
    start = cue_group(head)[0] if tok.dep_ == "acomp" else tok.idx
    content = ctx.trim(*subtree_span(pobj))
    if content[1] <= content[0]:
        return None
    return Candidate(
        cue=(start, tok_end(prep)),
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
        cue=(cue_group(tok.head)[0], tok_end(tok)),
        content=ctx.trim(*clause_span(inner)),
        source=source_span(ctx, subj, tok.head),
        source_tok=subj,
        cue_tok=tok,
        content_root=inner,
        sent=sent,
        rule="adjective",
        confidence=0.3 + 0.6 * score,
    )


PERSONAL_PRONOUNS = frozenset("i we he she they you".split())


def _person_like(tok: Token) -> bool:
    """A person or group as subject: a personal pronoun, a named person or organisation."""
    return tok.lower_ in PERSONAL_PRONOUNS or tok.ent_type_ in ("PERSON", "ORG", "NORP")


def according_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        to = tok.nbor()
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase_start = tok.idx
    phrase_end = max(tok_end(pobj.right_edge), tok_end(to))
    s_start, s_end = sent.start_char, sent.end_char
    before = ctx.trim(s_start, phrase_start)
    after = ctx.trim(phrase_end, s_end)
    blen, alen = before[1] - before[0], after[1] - after[0]
    content = after if alen >= blen else before
    if content[1] <= content[0]:
        return None
    source = ctx.trim(pobj.left_edge.idx, tok_end(pobj.right_edge), keep_closing_quote=False)
    root = sent.root
    return Candidate(
        cue=(tok.idx, tok_end(to)),
        content=content,
        source=source,
        source_tok=pobj,
        cue_tok=tok,
        content_root=root if root != tok else None,
        sent=sent,
        rule="according",
        confidence=0.75,
        according=True,
    )


def in_source_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'In a new poll, 60 percent ...', 'In a statement, the party ...': the poll or document
    opening the sentence is the source of what follows."""
    if tok.lower_ != "in" or tok.i != sent.start or tok.dep_ != "prep":
        return None
    pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in cues.SOURCE_DOCUMENTS:
        return None
    head = tok.head
    if cues.verb_score(head.lemma_.lower(), frame_of(head)) >= cues.THRESHOLD:
        return None  # "In a statement, the party said ...": the verb is the cue
    phrase_end = tok_end(pobj.right_edge)
    content = ctx.trim(phrase_end, sent.end_char)
    if content[1] - content[0] < 10:
        return None
    return Candidate(
        cue=(tok.idx, tok_end(tok)),
        content=content,
        source=ctx.trim(pobj.left_edge.idx, phrase_end, keep_closing_quote=False),
        source_tok=pobj,
        cue_tok=tok,
        content_root=tok.head if tok.head != tok else None,
        sent=sent,
        rule="in-source",
        confidence=0.55,
        according=True,
    )


_NOT_LABELS = frozenset(
    "breaking update updated watch wow exclusive note editor photos photo video related read "
    "see also sources source live stat poll quote bottom line result results q a latest".split()
)
TITLE_LABELS = frozenset({"poll", "survey"})  # 'Poll: ...' opening a title credits the poll


def _speaker_label(lead: list[Token]) -> bool:
    if len(lead) > 4 or not all(t.is_alpha or t.text in ".-'’" for t in lead):
        return False
    words = [t for t in lead if t.is_alpha]
    if not words or len(words) > 3 or any(len(t.text) < 2 for t in words):
        return False
    if any(t.lower_ in _NOT_LABELS for t in words):
        return False
    if all(t.is_upper and len(t.text) > 1 for t in words):
        return True
    return len(words) <= 3 and all(t.text[:1].isupper() for t in words)


def _title_label(lead: list[Token]) -> bool:
    """'Clinton camp: ...', 'Dr. Ben Carson: ...', 'Poll: ...' opening an article's title."""
    if len(lead) > 7 or not lead[0].text[:1].isupper():
        return False
    if any(t.lower_ in _NOT_LABELS and t.lower_ not in TITLE_LABELS for t in lead):
        return False
    return all(
        (t.is_alpha or t.text.rstrip(".").isalpha() or t.text in "-'’,")
        and t.pos_ not in ("VERB", "AUX")
        for t in lead
    )


def colon_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'Ushakov: "We are ready."' — a short noun phrase, a colon, then a quotation."""
    if tok.text != ":" or tok.i == 0:
        return None
    text = ctx.text
    quotes = ctx.quotes_overlapping(tok_end(tok), min(len(text), tok_end(tok) + 4))
    q = next((q for q in quotes if text[tok_end(tok) : q[0]].strip() == ""), None)
    lead = [t for t in (sent if tok.i > sent.start else tok.doc[: tok.i]) if t.i < tok.i]
    label = (
        q is None
        and bool(lead)
        and lead[0].i == 0
        and (_title_label(lead) if ctx.title else not ctx.heading and _speaker_label(lead))
    )
    if label:
        # 'Gingrich: Trump Must Decide ...', 'MATTHEWS: Well, ...': a name labelling the words
        q = ctx.trim(tok_end(tok), len(text))
        if q[1] - q[0] < 3:
            return None
        name_like = len(lead) == 1 or all(t.ent_type_ == "PERSON" for t in lead if t.is_alpha)
        if (
            ctx.title
            and not name_like
            and not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.i + 1 :])
        ):
            # 'Lynch: No outside influence on FBI probe' credits Lynch, but 'Upcoming Summit:
            # 4 Key Topics in Focus' is a title, not a statement
            return None
    if q is None:
        return None
    if not lead or len(lead) > 8 or any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None
    if not label and not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in lead):
        return None
    heads = [t for t in lead if t.head.i >= tok.i or t.head == t or t.head not in lead]
    src_tok = heads[-1] if heads else lead[-1]
    source = ctx.trim(lead[0].idx, tok_end(lead[-1]), keep_closing_quote=False)
    return Candidate(
        cue=(tok.idx, tok_end(tok)),
        content=q,
        source=source,
        source_tok=src_tok,
        cue_tok=tok,
        content_root=None,
        sent=sent,
        rule="colon",
        confidence=0.6,
    )


def based_on_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'Based on information released by X, ...' — like 'according to'."""
    if tok.lower_ != "based" or tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "on":
        return None
    agent = next((t for t in tok.subtree if t.dep_ == "agent" or t.lower_ == "by"), None)
    if agent is None:
        return None
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    end = tok_end(pobj.right_edge)
    content = ctx.trim(end, sent.end_char)
    if content[1] <= content[0] or tok.idx > sent.start_char + 2:
        return None
    return Candidate(
        cue=(tok.idx, tok_end(agent)),
        content=content,
        source=ctx.trim(pobj.left_edge.idx, end),
        source_tok=pobj,
        cue_tok=tok,
        content_root=sent.root,
        sent=sent,
        rule="according",
        confidence=0.55,
        according=True,
    )


CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
TRIGGER_WORDS = frozenset({"according", "based", ":", "in"})
RULES = (according_rule, based_on_rule, noun_rule, verb_rule, adjective_rule, colon_rule)
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
            cut = b.cue_tok.left_edge.idx
            if b.source is not None and b.source[0] > a.content[0]:
                cut = min(cut, b.source[0])
            if cut <= a.content[0] or ctx.qi.containing(b.cue[0] + ctx.base) is not None:
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
LINK_PREPS = frozenset("about against at back for of on with over into up".split())


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
        rest = ctx.trim(tok_end(first), ke)
        if rest[1] - rest[0] < 3 or ctx.text[ce:ks].strip():
            return
        cand.cue, cand.content = (cs, tok_end(first)), rest
        return
    if len(toks) == 1 and toks[0].lower_ in LINK_PREPS and toks[0].head == cand.cue_tok:
        t = toks[0]
        if not ctx.text[ce : t.idx].strip() and not ctx.text[tok_end(t) : ks].strip():
            cand.cue = (cs, tok_end(t))


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
            for rule in rules_:
                cand = rule(ctx, tok, sent)
                if cand is not None and cand.cue_tok.i not in taken:
                    taken.add(cand.cue_tok.i)
                    out.append(cand)
                    break
    for cand in out:
        absorb_link_prep(ctx, cand)
        _source_before_cue(ctx, cand)
    split_coordinated(ctx, out)
    return out


def _source_before_cue(ctx: Context, cand: Candidate) -> None:
    """A source that runs into its cue ends where the cue begins: a subject whose parse hangs
    words after the verb takes the verb group's auxiliaries with it ("The aide will also")."""
    src = cand.source
    if src is not None and src[0] < cand.cue[0] < src[1]:
        start, end = ctx.trim(src[0], cand.cue[0])
        cand.source = (start, end) if start < end else None
