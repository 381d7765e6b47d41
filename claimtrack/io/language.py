"""The language of a document, told by py3langid (a naive Bayes model over byte n-grams of
97 languages, shipped inside the package: nothing is downloaded).

A language is named only with evidence: a text of fewer than ``MIN_LETTERS`` letters, or one
whose most likely language has a probability under ``MIN_PROBABILITY``, has no language told
(None), and is read as English: a short note or a mixed text is extracted, never dropped on a
guess.
"""

from __future__ import annotations

from functools import cache

MIN_LETTERS = 200  # below this a few names and numbers can pass for any language
MIN_PROBABILITY = 0.9
SAMPLE = 20_000  # characters read: more adds time, not certainty
ENGLISH = "en"

NAMES = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
    "mt": "Maltese", "nb": "Norwegian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh": "Chinese",
}  # fmt: skip


@cache
def _identifier():  # noqa: ANN202 - py3langid's LanguageIdentifier
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """The ISO 639-1 code of TEXT's language ("en", "fr"), or None when it cannot be told
    with confidence (too short, or no language clearly ahead)."""
    sample = text[:SAMPLE]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_PROBABILITY else None


def name(code: str) -> str:
    """'French (fr)', or the code alone for a language without a name here."""
    return f"{NAMES[code]} ({code})" if code in NAMES else code


def is_english(code: str | None) -> bool:
    """English, or not told (read as English)."""
    return code is None or code == ENGLISH
