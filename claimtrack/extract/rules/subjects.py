"""Who a cue credits: the subject of a verb (the agent of a passive, the subject a clause
inherits) and the characters of the speaker's phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimtrack.extract import cues
from claimtrack.extract import speakers as sp
from claimtrack.extract.rules.context import Context
from claimtrack.extract.when import WHEN_LABELS
from claimtrack.extract.wordlists import words

SUBJ = ("nsubj", "nsubjpass", "csubj")
INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp", "acl", "prep", "acomp")


def nearest_subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb's subject; when the parser gives it two ('"Work or go to jail," Frank
    writes', 'LOS ANGELES (AP) — The mayor dug ...'), the one nearest the verb; but a subject
    right before another's phrase is a word of that phrase the parser cut off ("said U.S.
    Senator Jo Roe")."""
    subjects = [c for c in verb.children if c.dep_ in deps]
    if len(subjects) > 1:  # "said U.S. Senator Jo Roe": "U.S." and "Roe", one noun phrase
        subjects = [
            s for s in subjects if not any(o.left_edge.i == s.right_edge.i + 1 for o in subjects)
        ]
    if len(subjects) > 1 and verb.lemma_.lower() in cues.ADDRESSEE_VERBS:
        # '"...," Jo Roe, head of games at Acme, tells The Daily Ledger': the phrase after a
        # verb of telling is who was told (an outlet, "reporters"), never the teller
        subjects = [s for s in subjects if s.i < verb.i] or subjects
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
        # "printed an editorial that warned": the pronoun stands for a thing its maker wrote
        if _relative_of_thing(subj, verb) and (maker := _maker_of(verb)) is not None:
            return maker, False
        return subj, False
    # "X said A and added that B": the parser often hangs "added" off A's verb; the speaker of
    # "added" is the subject of "said", not A's
    first = verb.head
    if (
        (verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > first.i)
        and first.dep_ == "ccomp"
        and first.head.pos_ in ("VERB", "AUX")
        and says(verb)
        and says(first.head)
    ):
        return subject_of(first.head)
    if (named := _name_after(verb)) is not None:
        return named, False
    if (named := _inverted_object(verb)) is not None:
        return named, False
    if (named := _glued_subject(verb)) is not None:
        return named, False
    if (made := made_to_speak(verb)) is not None:
        return made, False
    if (asked := _asked_before(verb)) is not None:
        return asked, False
    # "..., adding that", "and warned that": inherit the subject of the governing verb; a
    # conjoined predicate shares a passive one too ("Ode was forced into it and said that")
    head = verb
    for _ in range(4):
        if head.dep_ not in INHERIT_DEPS or head.head == head:
            break
        shared = head.dep_ == "xcomp" and head.head.lemma_.lower() in cues.HEDGE_VERBS
        shared = shared or head.dep_ == "conj" and head.head.pos_ == "VERB"
        head = head.head
        deps = ("nsubj", "nsubjpass") if shared else ("nsubj",)
        s = nearest_subject(head, deps)
        if s is not None:
            return s, False
    if (maker := _maker_of(verb)) is not None:
        return maker, False
    if (poster := _posted_on(verb)) is not None:
        return poster, False
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head, False
    if verb.dep_ == "ROOT" and (named := _name_before(verb)) is not None:
        return named, False
    if verb.dep_ == "ROOT" and (hung := _det_on_verb(verb)) is not None:
        return hung, False
    if verb.dep_ == "dep" and (s := _subject_before(verb)) is not None:
        return s, False
    return None, False


# verbs that make their object speak: "the news led some to speculate that ..."
CAUSATIVE_VERBS = words("causative_verbs")
# the parser's entity labels of names that may speak
SPEAKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# nouns for people and bodies that may speak ("residents", "the committee", "the network")
SPEAKING_NOUNS = (
    sp.PERSON_JOBS
    | sp.UNNAMED_HEADS
    | sp.ORG_WORDS
    | sp.GOVERNMENT_WORDS
    | sp.MEDIA_WORDS
    | sp.KIN_GROUPS
)


# the least a verb's lexicon score as one that takes a reported clause ("c") must be for the
# subject rules and the aside rule (rules/verbs.py) to read it as a speaking verb
SPEAKING_SCORE = 0.6


def says(verb: Token) -> bool:
    """VERB is a speaking verb ("said", "told", "concluded"): its lexicon score as a verb
    that takes a reported clause is at least ``SPEAKING_SCORE``."""
    return cues.verb_score(verb.lemma_.lower(), "c") >= SPEAKING_SCORE


def made_to_speak(verb: Token) -> Token | None:
    """The one a causative verb makes speak, for the infinitive it completes: its object
    ("the news led some to speculate", "That prompted Jo Roe to joke"; PolNeAR's
    Source), else None."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.i > verb.i or head.lemma_.lower() not in CAUSATIVE_VERBS:
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)


# verbs of being asked, set off before the answer: "Jo Roe, asked about it, said"
ASKED_LEMMAS = frozenset({"ask", "press", "question"})


def asked_aside(tok: Token) -> bool:
    """TOK is "asked" in an aside between a speaker and the speaking verb, the question put
    to whoever answers: "Jo Roe, asked about the fire, said ..." (the parser makes "asked" a
    clause of "said" with Roe its subject, or "said" a clause of "asked"). No cue of the
    speaker's: the one asked did not ask. (An "Asked whether ..., Jo Roe said" before its
    subject stays a cue: PolNeAR's annotators count it.)"""
    if tok.lemma_.lower() not in ASKED_LEMMAS or _answer(tok) is None:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    return subj is not None and tok.doc[tok.i - 1].text == "," and subj.i < tok.i - 1


def _answer(tok: Token) -> Token | None:
    """The speaking verb right after an aside TOK and the comma closing it: TOK's head, or a
    clause of TOK's without a subject of its own; else None."""
    doc = tok.doc
    for j in range(tok.i + 1, min(len(doc) - 1, tok.i + 30)):
        verb = doc[j + 1]
        if doc[j].text != "," or not says(verb):
            continue
        if tok.dep_ in ("ccomp", "advcl") and tok.head == verb:
            return verb
        if verb.head == tok and verb.dep_ in ("ccomp", "conj"):
            return None if any(c.dep_ in SUBJ for c in verb.children) else verb
        return None
    return None


def in_question(tok: Token) -> bool:
    """TOK is an aside of being asked or a word of the question it puts ("Roe, asked whether
    he expected a deal, said"): no cue of a claim."""
    if asked_aside(tok):
        return True
    below = tok
    for a in tok.ancestors:  # "said" and its clause hung on the aside are the answer
        if asked_aside(a):
            return below != _answer(a)
        below = a
    return False


def _asked_before(verb: Token) -> Token | None:
    """The speaker of a speaking verb the parser left without a subject behind an aside of
    being asked ("Jo Roe, asked about the fire, said"): the aside's subject, else None."""
    asides = [c for c in verb.children if c.i < verb.i] + [verb.head]
    for c in asides:
        if c.i < verb.i and asked_aside(c) and _answer(c) == verb:
            return next((s for s in c.children if s.dep_ == "nsubj" and s.i < c.i), None)
    return None


def speaking_being(noun: Token) -> bool:
    """NOUN may be someone who speaks: a name, a pronoun, a person or people, a body, or a
    quantity of them ("a wide array of artists")."""
    lemma, lower = noun.lemma_.lower(), noun.lower_
    return (
        noun.pos_ in ("PROPN", "PRON")
        or noun.ent_type_ in SPEAKING_LABELS
        or lemma in SPEAKING_NOUNS
        or lower in SPEAKING_NOUNS
        or lower.endswith(sp.GROUP_ENDINGS)
        or sp.singular_person(lower)
        or any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.dep_ == "pobj" and speaking_being(g) for g in c.children)
            for c in noun.children
        )
    )


def _posted_on(verb: Token) -> Token | None:
    """Who wrote where a participle hangs: "Jo Roe posted on Quill accusing the council ..."
    (the parser hangs "accusing" on the site's one-word name, which it may even take for a
    person's) is Jo Roe's, when Jo Roe is named; None for anything else."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "pobj" or noun.pos_ != "PROPN" or noun.i > verb.i:
        return None
    if noun.head.lower_ not in ("on", "in", "via") or any(noun.lefts):
        return None
    where = noun.head.head
    poster = nearest_subject(where, ("nsubj",)) if where.pos_ == "VERB" else None
    if poster is None or noun.ent_type_ == "PERSON" and poster.ent_type_ != "PERSON":
        return None
    return poster


def _maker_of(verb: Token) -> Token | None:
    """Who made the thing a participle, an infinitive or a relative clause describes, when
    that thing is the object of their verb and cannot speak itself: "the campaign issued a
    press release saying", "the group will run ads demanding", "the mayor has a real chance to
    show", "the paper printed an editorial that warned" (PolNeAR credits the subject, not the
    release, the ads, the chance or the editorial); None for people ("met residents
    complaining") and for anything else. A relative clause's maker is its verb's own subject,
    not one the verb inherits."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl") or noun.pos_ != "NOUN" or noun.dep_ != "dobj":
        return None
    if noun.i > verb.i:
        return None
    gov = noun.head
    if speaking_being(noun) or gov.pos_ not in ("VERB", "AUX"):
        return None
    subj = nearest_subject(gov, ("nsubj",))
    if subj is None and verb.dep_ == "acl":
        subj, passive = subject_of(gov)
        if passive:
            return None
    return subj


def _relative_of_thing(subj: Token, verb: Token) -> bool:
    """SUBJ is the relative pronoun that opens VERB's clause right after the noun it stands
    for ("an editorial that warned": not "a ruling from the commission, which found")."""
    return subj.tag_ == "WDT" and verb.dep_ == "relcl" and subj.i == verb.head.i + 1


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _inverted_object(verb: Token) -> Token | None:
    """The speaker after a finite speaking verb right after the closing mark of its quotation,
    which the parser read as the verb's object ('"We are ready," added a council member.'):
    the object, when it may speak and ends the clause; None for anything else ('..., calling
    her "the best harbor master"')."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_quote or verb.tag_ not in FINITE_TAGS:
        return None
    if not says(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or not speaking_being(obj):
        return None
    end = obj.right_edge.i + 1
    return obj if end >= len(doc) or doc[end].is_punct else None


def _glued_subject(verb: Token) -> Token | None:
    """A name the parser glued onto the speaking verb after it as if the verb were a noun
    ('"...," Varnholt notes.', "state election records show"): the name, else None."""
    if verb.i == 0 or verb.pos_ != "VERB" or not says(verb):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.dep_ != "compound" or prev.head != verb or not speaking_being(prev):
        return None
    return prev


def _subject_before(verb: Token) -> Token | None:
    """The subject of the phrase a speaking verb was left hanging on by the parser ("Voters
    going to the polls say": "say" a bare dependent of "going"), when it stands before both."""
    head = verb.head
    if head.i > verb.i or not says(verb):
        return None
    s = nearest_subject(head, ("nsubj",))
    return s if s is not None and s.i < head.i else None


def _name_after(verb: Token) -> Token | None:
    """The speaker's name right after a speaking verb that follows a quotation, when the
    parser gave the verb no subject: it read the name as an adverb ('"It is valuable," said
    Skelly.') or hung it on what follows ('said Jo Roe, half joking'). The name's last word,
    when a punctuation mark ends it."""
    doc = verb.doc
    end = verb.i + 1
    while (
        end < len(doc)
        and (doc[end].pos_ == "PROPN" or doc[end].dep_ == "advmod")
        and (doc[end].is_title and doc[end].is_alpha)
    ):
        end += 1
    if end == verb.i + 1 or end >= len(doc) or not doc[end].is_punct:
        return None
    if doc[end].text in ("-", "—", "(") or not says(verb):
        return None
    name = doc[end - 1]
    if name.head.i < verb.i or not any(t.is_quote for t in doc[: verb.i]):
        return None
    return name


def _name_before(verb: Token) -> Token | None:
    """The speaker's name right before a speaking verb that heads its sentence without a
    subject, where the parser hung the name on a phrase before it ("On Tuesday in Ely,
    former mayor Jo Roe said"): the name, or one closed by a parenthesis ("Jo Roe (D-VT)") or
    by an appositive between commas ("Jo Roe, the minority leader,")."""
    doc = verb.doc
    i = verb.i - 1
    if i > 0 and doc[i].text == ")":
        i = next((j - 1 for j in range(i - 1, max(i - 6, 0), -1) if doc[j].text == "("), -1)
    elif i > 0 and doc[i].text == ",":
        i = next((j - 1 for j in range(i - 1, max(i - 9, 0), -1) if doc[j].text == ","), -1)
    if i < 0 or not says(verb):
        return None
    name = doc[i]
    if i == verb.i - 1 and name.head == verb and _own_subject(name):  # "Dunly said", "4 in 10 say"
        return name
    if name.pos_ != "PROPN" or name.dep_ not in ("appos", "conj") or name.head.i > name.i:
        return None
    return name


def _det_on_verb(verb: Token) -> Token | None:
    """The word before a speaking verb that heads the subject the parser missed when it hung
    a determiner on the verb itself ("The 23-year-old added that ...": "The" and "old" both
    the verb's): the noun phrase runs from the determiner to the verb, every word of it the
    verb's own; None otherwise."""
    doc = verb.doc
    det = next((c for c in verb.lefts if c.dep_ == "det"), None)
    if det is None or verb.i - det.i < 2 or not says(verb):
        return None
    run = doc[det.i : verb.i]
    if any(t.dep_ in ("nsubj", "nsubjpass", "mark", "advmod", "prep") for t in run):
        return None
    if not all(verb in t.ancestors for t in run):
        return None
    last = doc[verb.i - 1]
    return last if last.head == verb and last.pos_ in ("ADJ", "NOUN", "PROPN") else None


def _own_subject(tok: Token) -> bool:
    """A name the parser took for an adverb, or a count of people taken for a number."""
    if tok.dep_ == "advmod":
        return tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha
    return tok.dep_ == "nummod" and tok.pos_ == "NUM"


DASHES = words("dashes")
LEAD_ADVERBS = words("lead_adverbs")


def _drop_lead(ctx: Context, tok: Token, start: int, end: int) -> int:
    """A dateline ('WASHINGTON — ', 'BOSTON (Reuters) - ') or a focus adverb ('even', 'just')
    opening the speaker's phrase is not part of the Source."""
    doc = tok.doc
    for t in doc[: min(9, len(doc) - 1)]:
        if ctx.doc_start(t) < start or t.i == 0 or t.text not in DASHES:
            continue
        spaced = t.whitespace_ != "" and doc[t.i - 1].whitespace_ != ""
        dateline = spaced and (
            doc[0].is_upper and len(doc[0].text) > 1 or any(u.text == "(" for u in doc[: t.i])
        )
        if dateline and ctx.doc_start(doc[t.i + 1]) < end:
            start = max(start, ctx.doc_start(doc[t.i + 1]))
    first = next((t for t in tok.subtree if ctx.doc_start(t) >= start), None)
    if (
        first is not None
        and first.i < tok.i
        and first.lower_ in LEAD_ADVERBS
        and first.dep_ == "advmod"
        and first.i + 1 < len(doc)
    ):
        start = ctx.doc_start(doc[first.i + 1])
    return start


def source_span(ctx: Context, tok: Token, cue_tok: Token) -> tuple[int, int]:
    if tok == cue_tok.head and cue_tok.dep_ in ("relcl", "acl"):
        # the antecedent noun of a relative clause: exclude the clause itself
        return ctx.trim(ctx.doc_start(tok.left_edge), ctx.doc_end(tok))
    start, end = ctx.subtree_span(tok)
    for c in tok.children:
        # "The campaign on Monday": a date modifying the source is not part of it
        if c.i > tok.i and (
            c.dep_ == "prep"
            and any(g.ent_type_ in WHEN_LABELS for g in c.children if g.dep_ == "pobj")
            or c.dep_ == "npadvmod"
            and c.ent_type_ in WHEN_LABELS
        ):
            end = min(end, ctx.doc_start(c.left_edge))
        # "Marco Rubio, speaking at a rally, said": PolNeAR leaves the participle out
        if (
            c.i > tok.i
            and c.dep_ in ("acl", "advcl")
            and c.tag_ == "VBG"
            and c.left_edge.i == c.i
            and c.i > 0
            and tok.doc[c.i - 1].text == ","
        ):
            end = min(end, ctx.doc_start(tok.doc[c.i - 1]))
    start = _drop_lead(ctx, tok, start, end)
    if (lead := sp.stacked_before(tok)) is not None:  # "Early retiree and ... Jo Roe said"
        start = min(start, ctx.doc_start(lead.left_edge))
    at, cue_at = ctx.doc_start(tok), ctx.doc_start(cue_tok)
    for qs, qe in ctx.quotes_overlapping(start, end):
        # a quotation the parser hung on the speaker: '... unanimous," Smith said'
        if qs <= start < qe <= at:
            start = qe
        elif at < qs < end < qe:
            end = qs
    if start <= cue_at < end:  # never swallow the cue
        end = min(end, cue_at)
        start = min(start, at)
    start, end = ctx.trim(start, end, keep_closing_quote=False)
    # PolNeAR keeps the comma closing an appositive or relative clause: "Smith, an aide,"
    text = ctx.text
    if end < len(text) and text[end] == "," and "," in text[start:end]:
        end += 1
    return start, end
