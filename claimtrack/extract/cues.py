"""Lexicon of attribution cues: reporting, thinking and intending verbs and nouns."""

from __future__ import annotations

from pathlib import Path

# Verbs whose subject is credited with the content of their clause or object.
SAY_VERBS = frozenset(
    """
    say tell note state mention clarify reference add argue claim believe want hope expect
    warn insist deny acknowledge announce explain suggest report write tweet post assert
    declare contend maintain predict promise pledge vow reveal confirm indicate admit concede
    allege accuse complain caution emphasize emphasise stress recall reply respond answer
    ask question wonder think feel fear worry doubt know realize realise understand consider
    estimate calculate agree disagree propose recommend urge call demand plan intend seek
    decide conclude find show reiterate repeat observe point remark comment describe
    characterize joke quip boast brag insinuate imply signal hint testify swear threaten
    assure reassure inform notify advise acknowledge affirm reaffirm dismiss reject criticize
    criticise praise blame charge defend concur counter retort shout yell scream whisper
    continue explain lament regret admit guess imagine assume suspect expect anticipate
    envision see view regard deem judge reckon figure learn hear read cite quote relay
    proclaim highlight underscore acknowledge mean want wish prefer
    """.split()
)

# Verbs that only count when they govern a clause (a "that"/quote content), not an object.
CLAUSE_ONLY = frozenset(
    "see find show know learn hear read figure mean continue point call add answer".split()
)

# Verbs naming what something is: "called the plan a mistake", "branded him a liar".
NAMING_VERBS = frozenset("call label brand dub deem term describe pronounce declare".split())

# Nouns heading a content clause: "his claim that ...", "expressed hope that ...".
NOUN_CUES = frozenset(
    """
    statement claim hope belief view opinion assertion argument warning promise pledge
    announcement suggestion fear concern expectation insistence allegation accusation
    assurance prediction contention conviction position comment remark admission denial
    confidence doubt estimate report message vow assessment concern complaint frustration
    criticism support opposition skepticism optimism interest desire feeling misgiving
    reservation case argument point
    """.split()
)

# Light verbs that turn a noun cue into a phrase: "expressed hope", "made the claim".
LIGHT_VERBS = frozenset(
    "express voice make issue give offer share raise repeat reiterate have hold".split()
)

ACCORDING = frozenset({"according"})

# "In a new poll, ...": documents and surveys that can open a sentence as its source.
SOURCE_DOCUMENTS = frozenset(
    "poll survey study report statement interview letter memo filing op-ed editorial column "
    "analysis review document release tweet post speech email e-mail book essay article".split()
)

# Verbs whose object is often who was spoken to ("told reporters"), not what was said.
ADDRESSEE_VERBS = frozenset("tell ask inform remind assure reassure warn urge thank".split())
AUDIENCE_NOUNS = frozenset(
    "reporter reporters audience crowd supporter supporters voter voters people journalist "
    "journalists interviewer host viewer viewers listener listeners reader readers "
    "committee panel lawmaker lawmakers".split()
)

# Prepositional objects that are the setting, not the content: "said on Twitter".
NOT_CONTENT_NOUNS = frozenset(
    "twitter facebook television tv radio trail request show program network website "
    "podcast stage floor".split()
)

# "said in a statement", "wrote in an email": the medium joins the cue.
MEDIUM_NOUNS = frozenset(
    "statement interview email e-mail letter post tweet release op-ed editorial speech memo "
    "filing video message column essay note briefing conference call".split()
)

FUTURE_AUX = frozenset({"will", "shall", "'ll"})
HEDGE_AUX = frozenset({"may", "might", "could"})
HEDGE_ADV = frozenset(
    {"reportedly", "allegedly", "possibly", "perhaps", "probably", "likely", "apparently"}
)
RAISING_VERBS = frozenset({"seem", "appear"})
HEDGE_VERBS = frozenset({"expect", "seem", "appear", "suggest", "indicate"})

# ------------------------------------------------------------------ learned cue lexicon

LEXICON_FILE = Path(__file__).parent / "data" / "cue_lexicon.tsv"  # learned/lexicon.py
THRESHOLD = 0.25
PREP_THRESHOLD = 0.25
NOUN_THRESHOLD = 0.25
_HAND_SCORE = 0.6
QUOTE_VERB_SCORE = 0.5  # a verb the lexicon does not know, closing a quotation


# A row's score is its cue ratio pulled towards the hand-written default by this many
# pseudo-sightings: a word seen twice moves little, one seen a hundred times speaks for itself.
SMOOTHING = 3.0


def _hand_score(pos: str, lemma: str, frame: str) -> float:
    """What the hand-written lists say of a word in a frame (the lexicon's prior)."""
    if pos == "verb":
        if frame.startswith("p:"):
            return 0.0
        if lemma in SAY_VERBS and (frame in ("c", "x") or lemma not in CLAUSE_ONLY):
            return _HAND_SCORE
        return 0.0
    if pos == "noun":
        return _HAND_SCORE if lemma in NOUN_CUES and frame == "c" else 0.0
    return 0.0


def _load_lexicon(path: Path = LEXICON_FILE) -> dict[tuple[str, str, str], float]:
    table: dict[tuple[str, str, str], float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        pos, lemma, frame, hits, total = line.split("\t")
        prior = _hand_score(pos, lemma, frame)
        table[(pos, lemma, frame)] = (int(hits) + SMOOTHING * prior) / (int(total) + SMOOTHING)
    return table


LEXICON = _load_lexicon()


def verb_score(lemma: str, frame: str) -> float:
    """How likely a verb with this lemma and complement frame is an attribution cue."""
    score = LEXICON.get(("verb", lemma, frame))
    return score if score is not None else _hand_score("verb", lemma, frame)


def noun_score(lemma: str, frame: str) -> float:
    score = LEXICON.get(("noun", lemma, frame))
    return score if score is not None else _hand_score("noun", lemma, frame)


def adj_score(lemma: str, frame: str) -> float:
    return LEXICON.get(("adj", lemma, frame), 0.0)


_KNOWN_ADJECTIVES = frozenset(lemma for pos, lemma, _ in LEXICON if pos == "adj")
# "upfront about", "fond of", "loyal to": an attitude of a person towards something
ATTITUDE_PREPS = frozenset("about of with on to toward towards over".split())
ATTITUDE_SCORE = 0.3


def known_adjective(lemma: str) -> bool:
    """Whether the learned lexicon has a verdict on this adjective (then it decides)."""
    return lemma in _KNOWN_ADJECTIVES
