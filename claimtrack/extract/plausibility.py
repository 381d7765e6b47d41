"""Claims that are claims: the last stage drops the ones that are not attributions at all.

Seventeen general filters over a document's claims (plain data, plus the parses for lemmas):

- **twice**: one claim found twice by two cues in one sentence ("asked whether X", "said X"):
  two claims of one sentence whose contents overlap and share at least TWICE_OVERLAP of their
  words (word-token F1, as the scorer counts a match) are one claim; the one with a speaker
  mention, then the higher raw confidence, then the earlier, is kept.
- **headline**: a claim in a heading line (segment.is_heading: short, no final punctuation;
  a .txt's title line above its byline, an HTML page's <h1>) whose cue is not a verb of
  speaking (a lemma of ``speech_verbs``: "says", "tells", "warns", ...) or a colon: "Mayor
  Pushes to Reopen the Bridge", "Senator Vows to Cut Taxes at Rally", "Ministers Agree on
  Grain Corridor" are a title's narrative of the story below, not something said.
- **no comment**: a speaker who declined or refused to answer ("declined to comment on
  reports that ...", "refused to say whether ...", a verb of ``no_comment_verbs``; "declined
  to give details", "declined to be interviewed", "declined an interview request", "declined
  requests for comment", "would not comment on ...") or did not answer a request ("did not
  respond to a request for comment", "did not return calls": a noun of
  ``no_comment_objects``) said nothing to check.
- **a reporter's premise**: a participle "Asked" or "Pressed" opening its sentence with no
  subject of its own ("Asked whether the plan would pass, the minister said ...", "When
  pressed on reports that ..."), whose claim's content lies inside the participle's clause:
  the question is the reporter's, not the answerer's claim; only the answer is (its own
  claim, by its own cue).
- **not a cue**: a claim whose cue word (its first verb, noun or adjective) is a lemma of
  ``data/words/not_attribution_cues.txt``: narrative and feeling verbs whose claims were
  mostly not attributions on PolNeAR train (learned from train by ``python -m
  claimtrack.extract.learned.cuelist``, part of ``make train-models``).
- **no one to credit**: the speaker is a word no fact-checker can credit: the reader ("you
  should try", "you may have noticed"; "Let's assume", writer and reader together), an
  expletive "it" (the subject of "be" with an adjective or noun complement: "it's time to",
  "it is worth noting", "it’s safe to say" with a curly apostrophe too), or the idiom "That
  said,"; and a colon line that is page furniture: a label
  from ``data/words/furniture_labels.txt`` ("Disclosure: ...", "Correction: ...", a byline or a credit: "BYLINE: ...", "Credit: ...") or a content
  with a number and no verb (a price line, a list of portions after a label; a headline's
  "Poll: Voters Abandon Party" keeps its verbless title-case words).
- **a call to the reader**: an imperative that opens its sentence, with no subject of its
  own and no quotation, tells the reader what to do and credits no one: "Tell us what you
  think of the new bridge", "Let us know what your favourite bakery is" (the "us" of "let" is
  the writer asking). Only "please", "so", "now", "just", "then", "and", "or" and "but" may
  stand before the verb.
- **a thing's doing**: a claim whose cue is a verb that is no speaking verb (not in
  ``say_verbs``, nor a verb of a manner of speaking: "the old wall crying out for repair"),
  with neither a reported clause nor a quotation, whose subject is a thing: a
  common noun, not capitalised mid-sentence, of no entity that can speak (a person, an
  organisation, a place's people), that names no one who can say or find something (not in
  ``data/words/sayer_nouns.txt`` nor the lists of people, firms, audiences and documents, and
  no agent noun such as "-er" or "-ist"): "The hotel's garden lamps offer forty colours", "the
  pavilion's design supports larger exhibitions". "The report found ...", "Officials warned ..." and "The
  law bans X" (a document) stay. The subject of a participle is the noun it modifies
  ("shipping records pointing to a busy winter"); a passive's subject is no speaker.
- **a thing's name**: a naming participle ("called", "known as", "named", "dubbed",
  "titled") after a thing's noun names it and reports nothing: "a chemical called nitrex",
  "a small molecule known as tarsin" (a name follows, and no "for" or "on": "called Friday
  for releasing the videos", a parser's misreading of "called for", stays). After any other
  noun (a person's, a firm's, a group's) the participle names and reports nothing when it
  opens the cue and the whole content is a bare name, a noun phrase with no verb and no
  opening quotation mark: "a group called the Friends of the Park", "Tobias Holt, known as
  Sandy". A name in quotes ('a club known as "the Inkwells"') and a description with a verb
  ("known as a man who rarely spends") stay.
- **a price**: "offer" or "sell" with a price ("for $150"), no reported clause and no
  quotation is a shop's listing on a deals page, not a statement: "Rakuten offers the
  earbuds for $150". "The firm offers a free loaf" and "the campaign offered $5 million"
  stay.
- **inside another of its speaker**: a claim whose content lies inside the content of
  another claim crediting the same speaker through another cue, every word of it a word of
  that content (fewer distinct words; of equal words the earlier stays): a second, shorter
  reading of one attribution ("The firm did not make any plans | to do so" beside "The firm
  did not intend | to mislead buyers and did not make any plans to do so"). Only when its speaker
  mention is absent or another claim that stays holds it (so no speaker is lost).

- **an act**: a claim whose cue is a verb of a procedural act (``data/words/act_verbs.txt``:
  "vote", "approve", "pass", "adopt" ...) whose subject is a deciding body
  (``data/words/deciding_bodies.txt``: "council", "committee", "senators" ...), with neither
  a reported clause nor a quotation, is a decision, not a statement: "The council voted 7-2
  to approve the plan", "The committee approved the bill". A body's act that states
  something stays ("approved a resolution condemning the plan"), as do "voted to X, saying
  Y" (the "saying" claim), "announced it had approved ...", and a person's or a poll
  share's vote ("Sanders voted to ban", "27 percent would vote for"), which PolNeAR counts.

- **adds to**: "add to" with no object, reported clause or quotation is "increase", not a
  statement: "adding to her string of wins", "the hiring added to the uncertainty".

- **a name given**: a naming verb ("call", "name", "dub", "nickname") whose name is a
  proper name (a proper noun at its head, its words capitalised, no verb) names someone or
  something and reports nothing: "Everyone called him Tobin", "The ferry was called The Grey
  Heron". "called him a liar" (a common noun: a description, which PolNeAR credits),
  "called on", "called for", a group's name ("a group called ...") and a name that holds a
  verb ("a website called If Roe Wins") stay, and so do a name someone coins in quotes ("he
  calls his plan 'Fair Play'", a slogan), a work's title ("an advert titled 'Scam'") and
  "known as", which PolNeAR credits.
- **a count added**: "add" with a counted object is a score line or a tally, not a
  statement: "Lund added two goals", "Ortiz added his seventh", "the firm added 300 jobs".
- **no speaker here**: "me" or "us", the writer or the reader as the object of another verb,
  read as the speaker of the infinitive after it: "the climb makes me want to ride", "the
  guide allows us to recognize every painting".
- **no statement**: a writer's or a person's doing that reports nothing: an experience
  ("found it hard to talk about"), a credit line ("As Ann Roe writes for the Harbour Times,
  ..."), the writer quoting its own verdict ("We called it 'a fine kettle'"), the writer's
  own text ("as I write this review"), a saying with nothing said ("described it to
  friends") and a work named by its title, the whole content the verb's object ("wrote a
  poem called 'Harbour Lights'"; "a letter called X that said Y" stays).

Dropped claims are gone: listings, exports and ``claimtrack eval`` see the same claims.
Boilerplate an outlet repeats in many articles needs the store and is not handled here.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from spacy.tokens import Token

from claimtrack.extract.learned.score import content_text, token_f1, words
from claimtrack.extract.roles import PERSON_ROLES
from claimtrack.extract.rules.subjects import SPEAKING_LABELS
from claimtrack.extract.spans import token_starts
from claimtrack.extract.types import FoundClaim
from claimtrack.extract.wordlists import words as word_list

TWICE_OVERLAP = 0.5  # word F1 of two contents above which they are one claim
_CONTENT_POS = ("VERB", "NOUN", "ADJ")


def screen(
    text: str,
    claims: list[FoundClaim],
    paragraphs: Sequence,
    not_cues: frozenset[str] | None = None,
) -> list[FoundClaim]:
    """The claims of one document that pass every filter, in their order. ``paragraphs``:
    objects with ``seg`` (a Segment) and ``doc`` (its parse), in document order; ``not_cues``:
    the cue lemmas that are not attributions (default: the shipped list)."""
    index = Paragraphs(paragraphs)
    not_cues = word_list("not_attribution_cues") if not_cues is None else not_cues
    keep = []
    for c in claims:
        lemma = index.cue_lemma(c)
        keep.append(
            lemma not in not_cues
            and not _headline(c, lemma, index)
            and not no_comment(c, index)
            and not asked_premise(c, index)
            and not no_one_to_credit(text, c, lemma, index)
            and not call_to_reader(text, c, index)
            and not naming_a_thing(text, c, index)
            and not price_offer(c, lemma, index)
            and not thing_doing(c, lemma, index)
            and not procedural_act(c, lemma, index)
            and not adds_to(c, lemma, index)
            and not giving_a_name(c, index)
            and not counted_addition(c, lemma, index)
            and not no_speaker_here(text, c, index)
            and not no_statement(text, c, lemma, index)
        )
    for i in found_twice(text, claims):
        keep[i] = False
    kept = [c for c, k in zip(claims, keep, strict=True) if k]
    inside = inside_another(text, kept)
    return [c for i, c in enumerate(kept) if i not in inside]


class Paragraphs:
    """A document's parsed paragraphs, to find the tokens at a document offset by bisection
    (each paragraph's token offsets are listed once, when first needed)."""

    def __init__(self, paragraphs: Sequence) -> None:
        self.paragraphs = list(paragraphs)
        self.starts = [p.seg.start for p in self.paragraphs]

    def at(self, offset: int):  # noqa: ANN201 - a paragraph (seg, doc) or None
        """The paragraph holding document offset OFFSET (None before the first)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.paragraphs[k] if k >= 0 else None

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping document span START:END, in the paragraph holding START."""
        k = bisect.bisect_right(self.starts, start) - 1
        if k < 0:
            return []
        p = self.paragraphs[k]
        idx = token_starts(p.doc)
        a, b = start - p.seg.start, end - p.seg.start
        i = max(bisect.bisect_right(idx, a) - 1, 0)
        out = []
        while i < len(idx) and idx[i] < b:
            t = p.doc[i]
            if a < t.idx + len(t.text):
                out.append(t)
            i += 1
        return out

    def cue_lemma(self, claim: FoundClaim) -> str | None:
        """The lemma of a claim's cue word: its first verb, noun or adjective (else its first
        token), lower case; ``:`` for a colon; None when the cue is in no paragraph."""
        toks = self.tokens(claim.cue.start, claim.cue.end)
        if not toks:
            return None
        head = next((t for t in toks if t.pos_ in _CONTENT_POS), toks[0])
        return head.lemma_.lower()


def found_twice(text: str, claims: Sequence[FoundClaim]) -> set[int]:
    """Indices of the claims that repeat another claim of their sentence (see module doc)."""
    drop: set[int] = set()
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(claims):  # only claims of one sentence are compared
        by_sentence.setdefault((c.sentence.start, c.sentence.end), []).append(i)
    for group in by_sentence.values():
        bags = {i: words(content_text(text, claims[i])) for i in group} if len(group) > 1 else {}
        for n, i in enumerate(group):
            for j in group[n + 1 :]:
                a, b = claims[i], claims[j]
                if i in drop or j in drop:
                    continue
                if not (a.content.start < b.content.end and b.content.start < a.content.end):
                    continue
                if not _one_speaker(a, b):
                    continue
                if token_f1(bags[i], bags[j]) >= TWICE_OVERLAP:
                    drop.add(j if _rank(a) >= _rank(b) else i)
    return drop


def inside_another(text: str, claims: Sequence[FoundClaim]) -> set[int]:
    """Indices of the claims that are a shorter reading of another claim of their speaker
    (see module doc), each dropped only while its speaker mention stays held."""
    bags = [set(words(content_text(text, c))) for c in claims]
    drop: set[int] = set()
    # the claims whose content may hold another's: by start, within the longest content's reach
    by_start = sorted(range(len(claims)), key=lambda k: claims[k].content.start)
    starts = [claims[k].content.start for k in by_start]
    reach = max((c.content.end - c.content.start for c in claims), default=0)
    for i, a in enumerate(claims):
        near = by_start[
            bisect.bisect_left(starts, a.content.end - reach) : bisect.bisect_right(
                starts, a.content.start
            )
        ]
        for j in sorted(near):  # in the claims' order, as a scan of them all would go
            b = claims[j]
            if not (b.content.start <= a.content.start and a.content.end <= b.content.end):
                continue
            if i == j or j in drop or not bags[i] or not bags[i] <= bags[j]:
                continue
            if len(bags[i]) == len(bags[j]) and i < j:  # equal words: the earlier stays
                continue
            if a.cue.overlaps(b.cue):  # one cue read twice: the pieces stage's to join
                continue
            if not _same_speaker(a, b):
                continue
            if _mention_held(a, [c for k, c in enumerate(claims) if k != i and k not in drop]):
                drop.add(i)
                break
    return drop


def _same_speaker(a: FoundClaim, b: FoundClaim) -> bool:
    """One speaker for sure: the same name, or one mention (``_one_speaker``) written at
    least once; two claims without a mention may be anyone's."""
    if a.speaker.name is not None and a.speaker.name == b.speaker.name:
        return True
    written = a.speaker.mention is not None or b.speaker.mention is not None
    return written and _one_speaker(a, b)


def _mention_held(claim: FoundClaim, others: Sequence[FoundClaim]) -> bool:
    """Whether dropping CLAIM loses no speaker: it has no mention, or one of OTHERS has a
    mention around it."""
    m = claim.speaker.mention
    if m is None:
        return True
    return any(
        o.speaker.mention is not None
        and o.speaker.mention.start <= m.start
        and m.end <= o.speaker.mention.end
        for o in others
    )


def _one_speaker(a: FoundClaim, b: FoundClaim) -> bool:
    """Two claims can be one only when they credit one speaker: a mention missing from one,
    the same words, or the same person; two people named in one sentence ("A said that B
    claimed X") are two attributions, however much their contents share."""
    m, n = a.speaker.mention, b.speaker.mention
    if m is None or n is None or m.overlaps(n):
        return True
    return a.speaker.name is not None and a.speaker.name == b.speaker.name


def _rank(c: FoundClaim) -> tuple[bool, float]:
    return (c.speaker.mention is not None, c.raw_confidence)


def no_one_to_credit(text: str, c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """A claim with nobody a fact-checker could credit (see module doc): the reader, an
    expletive "it", "That said,", or a colon line of page furniture."""
    if lemma == ":":
        return _furniture_line(text, c, index)
    if c.speaker.mention is None:
        return False
    mention = c.speaker.mention.text(text).strip().lower()
    cue = c.cue.text(text).strip().lower()
    if mention in ("you", "’s", "'s"):  # the reader, or "Let's assume" (writer and reader)
        return True
    if mention == "it":
        return _it_is_adjective(index.tokens(c.speaker.mention.start, c.speaker.mention.end))
    if mention == "that" and cue == "said":
        return text[c.cue.end : c.cue.end + 1] == ","
    return False


# words that may open an imperative before its verb: "Please share", "So tell us", "Now read"
_BEFORE_IMPERATIVE = frozenset("please so now just then and or but".split())


def _cue_verb(c: FoundClaim, index: Paragraphs) -> Token | None:
    """The first verb of C's cue ("declined" of "declined to comment"), or None."""
    return next((t for t in index.tokens(c.cue.start, c.cue.end) if t.pos_ == "VERB"), None)


def call_to_reader(text: str, c: FoundClaim, index: Paragraphs) -> bool:
    """The reader told what to do, by an imperative that opens its sentence (see module doc)."""
    if c.quote is not None:
        return False
    verb = _cue_verb(c, index)
    if verb is None:
        return False
    if c.speaker.mention is not None:  # "Let us know ...": asked of the reader
        mention = c.speaker.mention.text(text).strip().lower()
        if mention not in ("us", "me") or verb.head.lower_ != "let" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return _imperative(verb)


def _imperative(verb: Token) -> bool:
    """VERB is a bare imperative opening its sentence: its root (or a verb coordinated with
    one), in base form, with no subject or auxiliary of its own, only punctuation or a word of
    ``_BEFORE_IMPERATIVE`` before it."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "conj"):
        return False
    if any(ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for ch in verb.children):
        return False
    if verb.dep_ == "conj":  # "Leave a note and let us know": the first verb's mood
        return verb.head.i != verb.i and _imperative(verb.head)
    before = verb.doc[verb.sent.start : verb.i]
    return all(t.is_punct or t.lower_ in _BEFORE_IMPERATIVE for t in before)


def _it_is_adjective(toks: list[Token]) -> bool:
    """An expletive "it": the subject of a "be" with an adjective or noun complement ("it's
    time to", "it is worth noting", "it is perhaps fair to note"); "it's denouncing" and "it
    says" are the thing named speaking."""
    if len(toks) != 1 or toks[0].dep_ not in ("nsubj", "expl"):
        return False
    be = toks[0].head
    return _is_be(be) and any(c.dep_ in ("acomp", "attr") for c in be.children)


# "be" written short after "it", "that", "there" ("it's", "it’s"): the lemmatiser gives
# "be" for the straight apostrophe's "'s" but "’" for the curly one's, as web pages write it
_SHORT_BE = frozenset({"'s", "’s", "'re", "’re"})


def _is_be(tok: Token) -> bool:
    """TOK is a form of "be" as a verb, its short forms with either apostrophe included."""
    if tok.lemma_.lower() == "be":
        return True
    return tok.tag_ in ("VBZ", "VBP") and tok.lower_ in _SHORT_BE


def _furniture_line(text: str, c: FoundClaim, index: Paragraphs) -> bool:
    """A colon line whose label is an editorial note or whose content counts things with no
    verb ("Boxes: 2 Blue, 1 Red")."""
    if c.speaker.mention is not None:
        label = c.speaker.mention.text(text).strip().lower().rstrip(":")
        if label in word_list("furniture_labels"):
            return True
    toks = [t for part in c.pieces for t in index.tokens(part.start, part.end)]
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in toks)
    return verbless and any(t.like_num for t in toks)


def _headline(c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """In a heading line, without a speaking cue of ``speech_verbs`` or a colon."""
    p = index.at(c.cue.start)
    if p is None or not p.seg.is_heading:
        return False
    return lemma not in word_list("speech_verbs") and lemma != ":"


_DECLINE = frozenset({"decline", "refuse"})
_NOT_ANSWERED = frozenset({"respond", "return", "reply", "answer"})
_NEGATION = frozenset({"not", "n't", "never"})


def no_comment(c: FoundClaim, index: Paragraphs) -> bool:
    """No statement (see module doc): "declined to comment (on ...)", "refused to say whether
    ...", "declined to give details", "did not respond to a request for comment", "didn’t
    immediately return a request seeking comment", "has not responded to the report"."""
    if c.quote is not None:
        return False
    verb = _cue_verb(c, index)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in _DECLINE:
        said = [  # "refuses to discuss it, aside from saying she hopes ...": a statement inside
            t
            for t in index.tokens(c.content.start, c.content.end)
            if t.pos_ == "VERB"
            and t.lemma_.lower() in word_list("speech_verbs")
            and t.head is not verb
        ]
        return not said and any(
            (
                ch.dep_ == "xcomp"
                and (
                    ch.lemma_.lower() in word_list("no_comment_verbs")
                    or _asks_answer(ch)
                    or _interviewed(ch)
                )
            )
            or (ch.dep_ == "dobj" and _a_request_to_talk(ch))
            for ch in verb.children
        )
    # "n't" written with a typographic apostrophe too ("didn’t")
    negated = any(ch.lower_.replace("\u2019", "'") in _NEGATION for ch in verb.children)
    if lemma == "comment" and negated:  # "would not comment on the report"
        return True
    if lemma in _NOT_ANSWERED and negated:  # "has not responded to the report": no answer
        return lemma in ("respond", "reply") or _asks_answer(verb)
    return False


def _asks_answer(verb: Token) -> bool:
    """VERB's object (or its preposition's) is a reporter's request: "a request for comment",
    "calls", "details"."""
    for ch in verb.children:
        objs = [ch] if ch.dep_ == "dobj" else [g for g in ch.children if g.dep_ == "pobj"]
        if ch.dep_ not in ("dobj", "prep"):
            continue
        if any(o.lemma_.lower() in word_list("no_comment_objects") for o in objs):
            return True
    return False


_TALK = frozenset({"comment", "interview"})


def _interviewed(verb: Token) -> bool:
    """ "(declined) to be interviewed": the passive of "interview"."""
    return verb.lemma_.lower() == "interview" and any(ch.dep_ == "auxpass" for ch in verb.children)


def _a_request_to_talk(obj: Token) -> bool:
    """What a speaker declined is a talk with the reporter: "(declined) comment", "an
    interview", "an interview request", "requests for comment" (not "a request to delay
    the trial", an act)."""
    lemma = obj.lemma_.lower()
    if lemma in _TALK:
        return True
    if lemma not in word_list("no_comment_objects"):
        return False
    return any(
        (ch.dep_ == "compound" and ch.lemma_.lower() in _TALK)
        or (ch.dep_ == "prep" and any(g.lemma_.lower() in _TALK for g in ch.children))
        for ch in obj.children
    )


_ASKED = frozenset({"ask", "press", "question", "quiz", "challenge"})
# words that may stand before the participle: "When asked whether", "After being pressed on"
_BEFORE_ASKED = frozenset({"when", "after", "being", "once", "if", "upon", "also", "later"})


def asked_premise(c: FoundClaim, index: Paragraphs) -> bool:
    """The reporter's question (see module doc): a claim whose cue is a participle "Asked"
    or "Pressed" opening its sentence, with no subject or agent of its own ("pressed by the
    host about ..." names who asked), and whose content is the question: "Asked whether the
    plan would pass, the minister said ..."."""
    if c.quote is not None:
        return False
    toks = index.tokens(c.cue.start, c.cue.end)
    verb = next(  # the tagger reads a sentence's first "Asked" as a past tense at times
        (t for t in toks if t.lemma_.lower() in _ASKED and t.tag_ in ("VBN", "VBD")), None
    )
    if verb is None or any(ch.dep_ in ("nsubj", "nsubjpass", "agent") for ch in verb.children):
        return False
    before = verb.doc[verb.sent.start : verb.i]
    if not all(t.is_punct or t.lower_ in _BEFORE_ASKED for t in before):
        return False
    first, last = verb.left_edge.i, verb.right_edge.i
    inside = index.tokens(c.content.start, c.content.end)
    return bool(inside) and all(first <= t.i <= last and t.doc is verb.doc for t in inside)


# entity types of a subject that can speak, or that counts people ("54 percent backed ...")
_SPEAKING_ENTITIES = SPEAKING_LABELS | {"FAC", "LOC", "PERCENT", "CARDINAL"}
# nouns of agents: "researcher", "analyst", "official", "critic"s are people; "-er" nouns that
# are things ("number", "paper") only keep a claim they could have dropped
_AGENT = re.compile(r"(?:er|or|ist|an|ant|ent|ee|ess|man|men|woman|person|people|one|body|ic)s?$")
_REPORTED = frozenset({"ccomp", "xcomp"})
# verbs of a manner of speaking, which a thing may do as a figure of speech ("the old wall crying
# out for repair", "the crowd cheered"): attributions all the same
_SPEECH_MANNER = frozenset(
    "cry yell scream shriek whisper mutter murmur chant sing cheer boo jeer groan sigh grumble "
    "roar bark howl plead beg".split()
)


_NAMING = frozenset("call name know dub title entitle label".split())


def naming_a_thing(text: str, c: FoundClaim, index: Paragraphs) -> bool:
    """A naming participle after a thing's noun, or after any noun with a bare name (see
    module doc)."""
    toks = index.tokens(c.cue.start, c.cue.end)
    verb = next((t for t in toks if t.lemma_.lower() in _NAMING and t.tag_ == "VBN"), None)
    if verb is None or verb.dep_ != "acl" or c.quote is not None:
        return False
    named = any(  # the name it gives ("called nitrex", "known as tarsin")
        ch.dep_ in ("oprd", "attr") or (ch.dep_ == "prep" and ch.lower_ == "as")
        for ch in verb.children
    )
    demand = any(ch.dep_ == "prep" and ch.lower_ in ("for", "on", "upon") for ch in verb.children)
    return named and not demand and (_a_thing(verb.head) or _a_bare_name(text, c, verb, index))


def _a_bare_name(text: str, c: FoundClaim, verb: Token, index: Paragraphs) -> bool:
    """The participle opens the cue and the whole content is a name: a noun phrase with no
    verb and no opening quotation mark ("a firm called Dunmore Analytics", "Mr. Holt, known
    as Sandy"; 'a club known as "the Inkwells"', a name in quotes, stays)."""
    head = next((t for t in index.tokens(c.cue.start, c.cue.end) if t.pos_ in _CONTENT_POS), None)
    if head is None or head.i != verb.i:
        return False
    content = index.tokens(c.content.start, c.content.end)
    if not content or any(t.pos_ in ("VERB", "AUX") for t in content):
        return False
    return c.content.text(text).lstrip()[:1] not in "\"“'‘"


_PRICE_VERBS = frozenset({"offer", "sell"})


def price_offer(c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """A shop's price, not a statement (see module doc)."""
    if lemma not in _PRICE_VERBS or c.quote is not None:
        return False
    verb = _cue_verb(c, index)
    if verb is None or any(ch.dep_ in _REPORTED for ch in verb.children):
        return False
    content = [t for part in c.pieces for t in index.tokens(part.start, part.end)]
    return any(  # "for $150", on the verb or on the thing offered ("a case for $150")
        t.lower_ == "for"
        and t.dep_ == "prep"
        and any(o.ent_type_ == "MONEY" for o in t.children)
        and _no_verb_between(t, verb)
        for t in content
    )


def _no_verb_between(tok: Token, verb: Token) -> bool:
    """TOK hangs on VERB through nouns and prepositions only ("to pay for $5" does not)."""
    node = tok.head
    while node.i != verb.i:
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return True


def thing_doing(c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """A thing's doing, not anyone's saying (see module doc)."""
    if lemma is None or lemma in word_list("say_verbs") or lemma in _SPEECH_MANNER:
        return False
    if c.quote is not None:
        return False
    head = next((t for t in index.tokens(c.cue.start, c.cue.end) if t.pos_ in _CONTENT_POS), None)
    if head is None or head.pos_ != "VERB" or head.lemma_.lower() != lemma:
        return False
    if any(ch.dep_ in _REPORTED for ch in head.children):
        return False
    subject = _subject(head)
    return subject is not None and _a_thing(subject)


# what a body may approve or adopt that states something: "approved a resolution condemning"
_STATING_NOUNS = frozenset({"resolution", "declaration", "statement", "letter", "platform"})


def procedural_act(c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """A vote or a procedural act, not a statement (see module doc)."""
    if lemma not in word_list("act_verbs") or c.quote is not None:
        return False
    head = next((t for t in index.tokens(c.cue.start, c.cue.end) if t.pos_ in _CONTENT_POS), None)
    if head is None or head.pos_ != "VERB" or any(ch.dep_ == "ccomp" for ch in head.children):
        return False
    subject = _subject(head)
    bodies = word_list("deciding_bodies")
    if subject is None or not {subject.lower_, subject.lemma_.lower()} & bodies:
        return False
    acted = [head, *(ch for ch in head.children if ch.dep_ == "xcomp")]
    return not any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in _STATING_NOUNS
        for v in acted
        for ch in v.children
    )


def adds_to(c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """ "add to" as "increase": "adding to her string of wins", "added to the uncertainty";
    no object of its own, no reported clause and no quotation ("added to the report that
    ...", "added his voice to the calls" stay)."""
    if lemma != "add" or c.quote is not None:
        return False
    verb = _cue_verb(c, index)
    if verb is None or any(ch.dep_ in _SAID_DEPS for ch in verb.children):
        return False
    if any(  # "added to her remarks that the fares would fall": a clause reported
        t.dep_ == "ccomp" or (t.dep_ == "mark" and t.lower_ == "that")
        for t in index.tokens(c.content.start, c.content.end)
    ):
        return False
    return any(
        ch.dep_ == "prep" and ch.lower_ == "to" and any(g.dep_ == "pobj" for g in ch.children)
        for ch in verb.children
    )


_GIVE_NAME = frozenset("call name dub nickname christen rename".split())
# a phrasal reading is no naming: "called on the council", "called for a vote", "calls out Roe"
_NOT_NAMING = frozenset({"for", "on", "upon", "out", "off", "up", "in"})


def giving_a_name(c: FoundClaim, index: Paragraphs) -> bool:
    """A proper name given by a naming verb (see module doc)."""
    toks = index.tokens(c.cue.start, c.cue.end)
    verb = next((t for t in toks if t.lemma_.lower() in _GIVE_NAME and t.pos_ == "VERB"), None)
    if verb is None or any(ch.dep_ in _REPORTED or ch.dep_ == "ccomp" for ch in verb.children):
        return False
    if any(ch.dep_ in ("prep", "prt") and ch.lower_ in _NOT_NAMING for ch in verb.children):
        return False
    names = [ch for ch in verb.children if ch.dep_ in ("oprd", "attr")]
    if not names or not all(_a_proper_name(n) for n in names):
        return False
    if any(ch.dep_ == "nsubj" for ch in verb.children) and any(_quoted(n) for n in names):
        return False  # a name someone coins in quotes is a slogan: "he calls it 'Fair Play'"
    owner = _named_one(verb)  # "a group called X" is a group's name, credited
    return owner is None or not (
        owner.ent_type_ in SPEAKING_LABELS or owner.lemma_.lower() in _sayers()
    )


def _named_one(verb: Token) -> Token | None:
    """Who or what a naming verb names when that is the one it hangs on: the noun of a
    participle ("a poem called ..."), or the subject of an active verb with no object, the
    parser's reading of a reduced relative ("His group called the Fen Trust")."""
    if verb.dep_ == "acl":
        return verb.head
    if any(ch.dep_ == "dobj" for ch in verb.children):
        return None
    return next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)


def _quoted(tok: Token) -> bool:
    """TOK's phrase stands in quotation marks."""
    first = tok.left_edge
    return first.is_quote or (first.i > 0 and first.nbor(-1).is_quote)


def _a_proper_name(tok: Token) -> bool:
    """TOK's phrase is a name: a proper noun at its head, its words capitalised (but "of",
    "the" ...), no verb in it ("Tobin", "The Grey Heron"; not "fat cats", "pathetic")."""
    if tok.pos_ != "PROPN":
        return False
    words = [t for t in tok.subtree if t.is_alpha]
    return not any(t.pos_ in ("VERB", "AUX") for t in tok.subtree) and all(
        t.text[:1].isupper() or t.lower_ in _NAME_PARTICLES for t in words
    )


_NAME_PARTICLES = frozenset("a an the of and or in on at to for with by de la von van".split())


_COUNTED = frozenset({"ORDINAL", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def counted_addition(c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """ "add" with a counted object, a score or a tally (see module doc)."""
    if lemma != "add" or c.quote is not None:
        return False
    verb = _cue_verb(c, index)
    if verb is None or any(ch.dep_ == "ccomp" for ch in verb.children):
        return False
    return any(  # "added three assists"; "added her ninth" (the parser hangs "ninth" on the verb)
        ch.dep_ in _COUNT_DEPS
        and (
            ch.ent_type_ in _COUNTED or ch.like_num or any(g.dep_ == "nummod" for g in ch.children)
        )
        for ch in verb.children
    )


_COUNT_DEPS = frozenset({"dobj", "advmod", "npadvmod"})


_WRITER_OBJECTS = frozenset({"me", "us"})


def no_speaker_here(text: str, c: FoundClaim, index: Paragraphs) -> bool:
    """The writer or the reader as the object of another verb read as the speaker of the
    infinitive after it: "it makes me want to ride", "lets us recognize" (see module doc)."""
    if c.speaker.mention is None or c.quote is not None:
        return False
    if c.speaker.mention.text(text).strip().lower() not in _WRITER_OBJECTS:
        return False
    verb = _cue_verb(c, index)
    return verb is not None and verb.tag_ == "VB" and verb.dep_ in ("xcomp", "ccomp")


_OWN_TEXT = frozenset("review article story piece post guide column feature list".split())


def no_statement(text: str, c: FoundClaim, lemma: str | None, index: Paragraphs) -> bool:
    """A doing that states nothing (see module doc)."""
    verb = _cue_verb(c, index)
    if verb is None or verb.lemma_.lower() != lemma:
        return False
    mention = c.speaker.mention.text(text).strip().lower() if c.speaker.mention else None
    if lemma == "find":
        return _found_it_hard(verb)
    if _a_titled_work(c, verb, index):
        return True
    if c.quote is not None and lemma != "call":
        return False
    if lemma == "call" and mention in ("we", "i"):  # the writer quoting its own verdict
        return any(ch.dep_ == "oprd" for ch in verb.children)
    if mention in ("we", "i") and any(  # "as I write this review"
        ch.dep_ == "dobj"
        and ch.lemma_.lower() in _OWN_TEXT
        and any(g.lower_ in ("this", "our", "my") for g in ch.children)
        for ch in verb.children
    ):
        return True
    return _credit_line(c, verb, index) or _nothing_said(c, index)


def _a_titled_work(c: FoundClaim, verb: Token, index: Paragraphs) -> bool:
    """ "wrote a poem called 'Harbour Lights'": the content opens with the object, a work
    named by a naming participle, and the verb reports no clause."""
    if any(ch.dep_ in _REPORTED or ch.dep_ == "ccomp" for ch in verb.children):
        return False
    toks = [t for t in index.tokens(c.content.start, c.content.end) if not t.is_punct]
    obj = next((ch for ch in verb.children if ch.dep_ == "dobj"), None)
    if not toks or obj is None or obj.pos_ != "NOUN" or toks[0] != obj.left_edge:
        return False
    if any(ch.dep_ == "relcl" for ch in obj.children):
        return False  # "a letter called X that said Y" says Y
    return any(
        ch.dep_ == "acl" and ch.tag_ == "VBN" and ch.lemma_.lower() in _NAMING
        for ch in obj.children
    )


def _found_it_hard(verb: Token) -> bool:
    """ "found it difficult to talk about": "find" with an "it" and an adjective."""
    for ch in verb.children:
        if ch.dep_ in ("ccomp", "oprd", "xcomp") and ch.pos_ == "ADJ":
            if any(g.lower_ == "it" for g in ch.children):
                return True
    objs = [ch for ch in verb.children if ch.dep_ == "dobj" and ch.lower_ == "it"]
    return bool(objs) and any(
        ch.pos_ == "ADJ" and ch.dep_ in ("oprd", "xcomp", "ccomp") for ch in verb.children
    )


_WRITES_FOR = frozenset({"report", "write", "work", "contribute"})
_OUTLET_ENTITIES = frozenset({"ORG", "NORP", "GPE", "WORK_OF_ART"})


def _credit_line(c: FoundClaim, verb: Token, index: Paragraphs) -> bool:
    """ "Ann Roe reports for Harbour Radio": a writer's outlet is all the content."""
    if verb.lemma_.lower() not in _WRITES_FOR:
        return False
    if any(ch.dep_ in ("ccomp", "dobj", "xcomp") for ch in verb.children):
        return False
    if not any(ch.dep_ == "prep" and ch.lower_ == "for" for ch in verb.children):
        return False
    toks = index.tokens(c.content.start, c.content.end)
    return bool(toks) and all(
        t.ent_type_ in _OUTLET_ENTITIES or t.is_punct or t.lower_ == "the" for t in toks
    )


def _nothing_said(c: FoundClaim, index: Paragraphs) -> bool:
    """The content is a pronoun told to someone: "described it to friends"."""
    toks = [t for t in index.tokens(c.content.start, c.content.end) if not t.is_punct]
    if len(toks) < 3 or toks[0].lower_ not in ("it", "them") or toks[1].lower_ != "to":
        return False
    return all(t.pos_ in ("PRON", "PROPN", "NOUN", "DET", "ADJ") for t in toks[2:])


_SAID_DEPS = frozenset({"dobj", "ccomp", "xcomp", "parataxis", "advcl", "conj"})


def _subject(verb: Token) -> Token | None:
    """Who or what does VERB: its active subject (a passive's is what was done, and a relative
    pronoun stands for what the clause describes), or the noun a participle modifies ("records
    pointing to"; not an infinitive's: "her refusal to endorse him")."""
    own = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if own is None and verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN"):
        return verb.head
    return own if own is not None and own.dep_ == "nsubj" else None


@functools.cache
def _sayers() -> frozenset[str]:
    return (
        word_list("sayer_nouns")
        | PERSON_ROLES
        | word_list("company_nouns")
        | word_list("audience_nouns")
        | word_list("source_documents")
    )


def _a_thing(tok: Token) -> bool:
    """A common noun that names no one who could say something (see module doc)."""
    if tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS") or tok.ent_type_ in _SPEAKING_ENTITIES:
        return False
    if tok.text[:1].isupper() and (not tok.is_sent_start or not list(tok.children)):
        return False  # a name the tagger took for a noun ("Roe shared ...")
    if any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in tok.children):
        return False  # someone's named thing, or a name misread ("Roe avoids commenting")
    noun = tok.lemma_.lower()
    if not noun.isalpha() or noun in _sayers() or _AGENT.search(noun):
        return False
    # "a lot of voters", "one of the campaigns": the words of the "of" are the subject
    of = [t for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.children]
    return not any(t.dep_ == "pobj" and not _a_thing(t) for t in of)
