"""The colon rule: 'Ushakov: "We are ready."', 'MATTHEWS: Well, ...', 'Poll: ...' in a title."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimtrack.extract import speakers as sp
from claimtrack.extract.cues import SAY_VERBS
from claimtrack.extract.rules.context import Candidate, Context
from claimtrack.extract.wordlists import words

_NOT_LABELS = words("not_labels")
_DASHES = words("dashes")
# small words a digest line's credited name may hold ("Jo Roe and Al Poe", "the report")
_NAME_LINKS = frozenset({"and", "the", "of", "&"})
TITLE_LABELS = words("title_labels")  # 'Poll: ...' opening a title credits the poll


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


def _without_place(lead: list[Token]) -> list[Token]:
    """A title label's words without a place or an event glued on after its name ("Former AG
    Roe at Convention", "Roe in Denver" -> "Former AG Roe", "Roe"): the words after the last
    "at" or "in" are all capitalised ("the" aside), a capitalised singular noun comes before
    it, and a person's name or a title is among the words before it. The label whole
    otherwise ("Democrats in Congress", "Chaos at Convention")."""
    cut = next((k for k in range(len(lead) - 2, 0, -1) if lead[k].lower_ in ("at", "in")), None)
    if cut is None or lead[cut - 1].tag_ not in ("NNP", "NN") or not lead[cut - 1].is_title:
        return lead
    if not any(t.ent_type_ == "PERSON" or t.lower_ in sp.TITLE_WORDS for t in lead[:cut]):
        return lead
    place = [t for t in lead[cut + 1 :] if t.lower_ != "the"]
    if not place or not all(t.is_alpha and t.text[:1].isupper() for t in place):
        return lead
    return lead[:cut]


def _dateline(lead: list[Token]) -> bool:
    """'Port Alder, Westland:', 'KABUL (Wire News):', 'Lisbon:': a place, then perhaps its
    region or an agency, opening a report; the place is where it was filed, not a speaker.
    The words before the first comma or parenthesis are all a place's (spaCy's GPE or LOC)."""
    head: list[Token] = []
    for t in lead:
        if t.text in ",(":
            break
        head.append(t)
    names = [t for t in head if t.is_alpha]
    return bool(names) and all(t.ent_type_ in ("GPE", "LOC") for t in names)


def _reports_itself(colon: Token) -> bool:
    """'PORT ALDER: The council said it would vote ...', 'KESTREL BAY: The bridge will
    close, the mayor said.': the words after a label are a report with its own speaker (the
    subject of a saying verb starts right after the colon, or the words end in a report's
    "..., the mayor said"), so the label is a dateline or a heading, not who said them."""
    if colon.i + 1 >= len(colon.doc):
        return False
    sent = colon.doc[colon.i + 1].sent  # the parser may end a sentence at the colon
    after = [t for t in colon.doc[colon.i + 1 : sent.end]]
    return any(
        t.lemma_.lower() in SAY_VERBS
        and t.pos_ == "VERB"
        and any(
            c.dep_ == "nsubj" and (c.left_edge.i == colon.i + 1 or _told_after(t, c, colon))
            for c in t.children
        )
        for t in after
    )


def _told_after(verb: Token, subject: Token, colon: Token) -> bool:
    """'The bridge will close, the mayor said.': the main verb after the colon, in the past,
    its reported words before its subject (a speaker's own "..., I think" is no report)."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VBD"
        and subject.left_edge.i > colon.i
        and any(c.dep_ == "ccomp" and colon.i < c.i < subject.i for c in verb.children)
    )


def _after_digest_dash(lead: list[Token]) -> list[Token] | None:
    """The name after the last spaced dash of a digest line ("POLLS WERE EARLY, NOT WRONG -
    Jo Roe and Al Poe: “...”", "What it means for May - More from Roe: “...”"): a short,
    capitalised name (a "More from" before it left out) credited with the quotation that
    follows the colon; None when the lead holds no such dash and name."""
    cut = next(
        (
            k
            for k in range(len(lead) - 2, 1, -1)
            if lead[k].text in _DASHES and lead[k].whitespace_ and lead[k - 1].whitespace_
        ),
        None,
    )
    if cut is None:
        return None
    tail = lead[cut + 1 :]
    more_from = len(tail) > 2 and tail[0].lower_ == "more" and tail[1].lower_ == "from"
    if more_from:  # "More from the report": a source named before, written as it comes
        tail = tail[2:]
    words = [t for t in tail if t.text not in (".", "'", "’")]
    if not 1 <= len(words) <= (4 if more_from else 6) or not (
        tail[0].text[:1].isupper() or more_from
    ):
        return None
    for t in words:
        if t.pos_ in ("VERB", "AUX") or not t.text.rstrip(".").isalpha():
            return None
        if not (more_from or t.text[:1].isupper() or t.lower_ in _NAME_LINKS):
            return None
    if words[-1].lower_ in _NAME_LINKS or words[-1].lower_ in _NOT_LABELS:
        return None
    return tail


def colon_rule(ctx: Context, tok: Token, sent: Span) -> Candidate | None:
    """'Ushakov: "We are ready."' — a short noun phrase, a colon, then a quotation."""
    if tok.text != ":" or tok.i == 0:
        return None
    after = ctx.doc_end(tok)
    quotes = ctx.quotes_overlapping(after, min(ctx.end, after + 4))
    q = next((q for q in quotes if ctx.within(after, q[0]).strip() == ""), None)
    lead = [t for t in (sent if tok.i > sent.start else tok.doc[: tok.i]) if t.i < tok.i]
    if not ctx.title and _dateline(lead):
        return None
    label = (
        q is None
        and bool(lead)
        and lead[0].i == 0
        and (
            _title_label(lead)
            if ctx.title
            else not (ctx.heading or ctx.list_item) and _speaker_label(lead)
        )
    )
    if label and not ctx.title and _reports_itself(tok):
        return None
    if label:
        # 'Gingrich: Trump Must Decide ...', 'MATTHEWS: Well, ...': a name labelling the words
        q = ctx.trim(after, ctx.end)
        if q[1] - q[0] < 3:
            return None
        name_like = len(lead) == 1 or all(t.ent_type_ == "PERSON" for t in lead if t.is_alpha)
        if (
            ctx.title
            and not name_like
            and not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[tok.i + 1 :])
        ):
            # 'Varga: No pressure on the harbour inquiry' credits Varga, but 'Upcoming Summit:
            # 4 Key Topics in Focus' is a title, not a statement
            return None
        if ctx.title:
            lead = _without_place(lead)
    if q is None:
        return None
    lead = _after_digest_dash(lead) or lead
    if not lead or len(lead) > 8 or any(t.pos_ in ("VERB", "AUX") for t in lead):
        return None
    if not label and not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in lead):
        return None
    heads = [t for t in lead if t.head.i >= tok.i or t.head == t or t.head not in lead]
    src_tok = heads[-1] if heads else lead[-1]
    source = ctx.trim(ctx.doc_start(lead[0]), ctx.doc_end(lead[-1]), keep_closing_quote=False)
    return Candidate(
        cue=ctx.doc_span(tok),
        content=q,
        source=source,
        source_tok=src_tok,
        cue_tok=tok,
        content_root=None,
        sent=sent,
        rule="colon",
        confidence=0.6,
    )
