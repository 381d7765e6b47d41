"""Lexicon of attribution cues: reporting, thinking and intending verbs and nouns."""

from __future__ import annotations

from pathlib import Path

from claimtrack.extract.wordlists import words

# Verbs whose subject is credited with the content of their clause or object.
SAY_VERBS = words("say_verbs")

# Verbs that only count when they govern a clause (a "that"/quote content), not an object.
CLAUSE_ONLY = words("clause_only_verbs")

# Verbs naming what something is: "called the plan a mistake", "branded him a liar".
NAMING_VERBS = words("naming_verbs")

# Nouns heading a content clause: "his claim that ...", "expressed hope that ...".
NOUN_CUES = words("noun_cues")

# Light verbs that turn a noun cue into a phrase: "expressed hope", "made the claim".
LIGHT_VERBS = words("light_verbs")

ACCORDING = frozenset({"according"})

# "In a new poll, ...": documents and surveys that can open a sentence as its source.
SOURCE_DOCUMENTS = words("source_documents")

# Verbs whose object is often who was spoken to ("told reporters"), not what was said.
ADDRESSEE_VERBS = words("addressee_verbs")
AUDIENCE_NOUNS = words("audience_nouns")

# Prepositional objects that are the setting, not the content: "said on Twitter".
NOT_CONTENT_NOUNS = words("not_content_nouns")

# "said in a statement", "wrote in an email": the medium joins the cue.
MEDIUM_NOUNS = words("medium_nouns")

FUTURE_AUX = words("future_aux")
HEDGE_AUX = words("hedge_aux")
HEDGE_ADV = words("hedge_adverbs")
RAISING_VERBS = words("raising_verbs")
HEDGE_VERBS = words("hedge_verbs")

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


# the nouns that can score as a cue in some frame: the hand list's, and those the lexicon gives
# NOUN_THRESHOLD in a frame (any other noun scores below it in every frame: see noun_score)
_CUE_NOUNS = NOUN_CUES | frozenset(
    lemma for (pos, lemma, _), score in LEXICON.items() if pos == "noun" and score >= NOUN_THRESHOLD
)


def may_cue_noun(lemma: str) -> bool:
    """Whether some frame gives the noun ``lemma`` a noun_score of NOUN_THRESHOLD or more
    (the noun rule reads a noun's frame only then)."""
    return lemma in _CUE_NOUNS


def adj_score(lemma: str, frame: str) -> float:
    return LEXICON.get(("adj", lemma, frame), 0.0)


_KNOWN_ADJECTIVES = frozenset(lemma for pos, lemma, _ in LEXICON if pos == "adj")
# "upfront about", "fond of", "loyal to": an attitude of a person towards something
ATTITUDE_PREPS = words("attitude_preps")
ATTITUDE_SCORE = 0.3


def known_adjective(lemma: str) -> bool:
    """Whether the learned lexicon has a verdict on this adjective (then it decides)."""
    return lemma in _KNOWN_ADJECTIVES
