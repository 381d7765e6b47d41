"""Bytes of an article -> text, by evidence, or a refusal that names ``--encoding``.

In order:

1. an encoding the user gave (``--encoding``, a manifest's ``encoding`` column) is used
   as given, strictly: bytes it cannot decode are an error;
2. a byte-order mark: UTF-8, UTF-16 or UTF-32;
3. valid UTF-8 is UTF-8 (ASCII included);
4. text that is mostly valid UTF-8 with a few bad bytes is damaged UTF-8: refused, since
   reading it in another code page would turn every good accented letter into two wrong
   ones;
5. the charset a web server declared (Content-Type), then an HTML file's declared
   charset (``<meta charset>``; latin-1 read as its superset
   windows-1252, as browsers do), if the bytes decode in it and read as text;
6. otherwise a single-byte (or East Asian) code page guessed by chardet, whose models know
   the letter pairs of each language: among its candidates, readings that do not look like
   text are dropped (control characters; a word mixing scripts; a capital or a symbol
   between two small letters, as in ``seÒor`` or ``Stra▀e``; a word whose letters no one
   alphabet has together, as ``Jiøí``). The best remaining reading needs some confidence
   (a few accented letters in a short text are not enough) and must lead the next
   different reading by a margin. A near tie is settled for windows-1252 when that is the
   leading reading (Western text whose alternative reading only swaps a few letters: ``trčs``
   for ``très``); any other near tie is refused, showing a word as each encoding reads it.

Whatever the encoding, text that was garbled before it reached the bytes (UTF-8 read as
windows-1252 or latin-1 and saved again, once or more: ``FranÃ§ois`` for ``François``) is
then repaired (``repair``), so the stored text, which every offset counts in, is the
repaired one.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, replace

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# code pages hardly met in articles, whose readings would only make near ties with the
# common ones (iso-8859-16 reads windows-1250's ř as ű)
RARE = ("iso8859-3", "iso8859-4", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-16")
MIN_CONFIDENCE = 0.05  # chardet's confidence below which a short text is not read at all
MARGIN = 0.2  # the runner-up's confidence must be this fraction below the best one's
SUSPICIOUS_SHARE = 0.05  # readings with more odd characters than this share are not text
# inside a word these are apostrophes, the Catalan middle dot or hyphens, not noise
_IN_WORD = set("’‘´·\u00ad‐‑'")
_SCRIPTS = {
    "LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "THAI", "HANGUL", "ARMENIAN",
    "GEORGIAN", "DEVANAGARI", "BENGALI", "TAMIL", "ETHIOPIC",
}  # fmt: skip
_EAST_ASIAN = {"CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH", "IDEOGRAPHIC"}
# The letters beyond ASCII of the languages written in Latin script in the code pages
# above (lower case). A word whose such letters fit none of them (``Jiøí``, windows-1252
# for windows-1250's ``Jiří``) is a sign of the wrong code page.
ALPHABETS = {
    "es": "áéíóúüñ", "pt": "áàâãçéêíóôõúü", "fr": "àâæçéèêëîïôœùûüÿ", "it": "àèéìíîòóùú",
    "ca": "àçéèíïòóúü", "de": "äöüß", "nl": "áàâäéèêëíìîïóòôöúùûü", "da": "æøåéóèêôò",
    "sv": "åäöéü", "fi": "äöåšž", "is": "áðéíóúýþæö", "et": "äöõüšž",
    "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "pl": "ąćęłńóśźż",
    "hu": "áéíóöőúüű", "hr": "čćđšž", "sl": "čćđšžéóôèê", "ro": "ăâîșşțţ", "sq": "çë",
    "tr": "çğıöşüâîû", "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž", "mt": "ċġħżàèìòù",
    "cy": "âêîôûŵŷáéíóúàèìòùäëïöüÿ", "eo": "ĉĝĥĵŝŭ", "ga": "áéíóú",
    "vi": "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
}  # fmt: skip
_ALPHABETS = [frozenset(letters) for letters in ALPHABETS.values()]
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORDS = re.compile(r"[^\W\d_]+")


class DecodeError(Exception):
    """The bytes could not be read with confidence; the message is one line."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used, e.g. "utf-8", "windows-1252"
    how: str | None = None  # why, when it was not plain UTF-8: "detected", "byte-order mark"
    repaired: bool = False  # garbled text (double-encoded UTF-8) was repaired: see repair


def check_encoding(name: str) -> str:
    """NAME if Python can decode text in it; ValueError otherwise."""
    try:
        b"a".decode(name)  # LookupError for bytes-to-bytes codecs (base64) too
    except UnicodeDecodeError:
        pass  # a text codec that needs more than one byte: utf-16
    except LookupError:
        raise ValueError(
            f"unknown text encoding {name!r}; e.g. utf-8, windows-1252, latin-1, windows-1250"
        ) from None
    return name


def decode(
    raw: bytes, encoding: str | None = None, *, html: bool = False, header: str | None = None
) -> Decoded:
    """RAW as text (see the module's docstring), garbled text in it repaired; DecodeError
    when it cannot be told. HEADER is the charset of an HTTP Content-Type header: evidence as
    strong as an HTML page's own declaration, and weighed before it, as browsers do."""
    decoded = _decode(raw, encoding, html, header)
    text = repair(decoded.text)
    return replace(decoded, text=text, repaired=True) if text != decoded.text else decoded


# ---- repairing double-encoded UTF-8 ------------------------------------------------------

# ftfy's encoding fix alone: its other fixes (quotes, HTML entities, line breaks, widths,
# ligatures, control characters, NFC) would change correct text and move offsets
_ENCODING_ONLY = dict(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=False,  # "Ã " is not always a lost no-break space
    replace_lossy_sequences=False,  # never puts U+FFFD for what it cannot restore
    decode_inconsistent_utf8=True,  # a garbled word among correct ones on the same line
    fix_c1_controls=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
# a word with a combining mark: garbled text decomposed since (A + U+0303 for the Ã of Ã§).
# Tried only where a word starts (the lookbehind): unanchored, ``\S*`` was tried again from
# every character of a long run without spaces (a page's inline script or image data), time
# quadratic in the run's length: 120 s of CPU for 91 web pages (issue 16). Same matches.
_DECOMPOSED = re.compile(r"(?<!\S)\S*[\u0300-\u036f]\S*")


def repair(text: str) -> str:
    """TEXT with double-encoded UTF-8 decoded again, line by line (ftfy's encoding fix:
    ``FranÃ§ois`` -> ``François``, ``â€œ`` -> ``“``); correct text, whatever its language,
    comes back unchanged, character for character. A garbled word whose letters were
    decomposed since is composed to be repaired; left as it was when it is not garbled."""
    if text.isascii():
        return text
    import ftfy

    config = ftfy.TextFixerConfig(**_ENCODING_ONLY)
    fixed = ftfy.fix_text(text, config)

    def composed(match: re.Match) -> str:
        word = unicodedata.normalize("NFC", match.group())
        repaired = ftfy.fix_text(word, config)
        return repaired if repaired != word else match.group()

    return _DECOMPOSED.sub(composed, fixed)


def _decode(raw: bytes, encoding: str | None, html: bool, header: str | None) -> Decoded:
    """RAW as text, as the module's docstring tells (before any repair)."""
    if encoding:
        return _decode_as(raw, encoding)
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {codec.removesuffix('-sig').upper()} byte-order mark but "
                    f"has bad bytes at byte {exc.start}; repair it, or give its encoding with "
                    "--encoding"
                ) from None
            if codec == "utf-8-sig":
                return Decoded(text, "utf-8")
            return Decoded(text.removeprefix("\ufeff"), codec, "byte-order mark")
    if b"\x00" in raw[:8192]:
        raise DecodeError(
            "binary data, not a text article (.txt, .md or .html); if it is UTF-16 text "
            "without a byte-order mark, give --encoding utf-16-le (or utf-16-be)"
        )
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    good, bad = _utf8_counts(raw)
    if good >= bad:
        raise DecodeError(
            f"mostly UTF-8 but with {bad} invalid byte{'s' if bad > 1 else ''} (the first "
            f"at byte {first_bad}: {_context(raw, first_bad)}); repair the file, or give its "
            "encoding with --encoding"
        )
    candidates = [(_usable(header), "declared by the server")] if header else []
    if html:
        candidates.append((_declared_charset(raw), "declared in the HTML"))
    for declared, how in candidates:
        if declared:
            try:
                text = raw.decode(declared)
            except UnicodeDecodeError:
                text = None
            if text is not None and looks_like_text(text):
                return Decoded(text, declared, how)
            # a wrong declaration: tell the encoding from the bytes instead
    return _guess(raw)


def _decode_as(raw: bytes, encoding: str) -> Decoded:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not valid {encoding} text (byte {exc.start}: {_context(raw, exc.start)}); "
            "check --encoding"
        ) from None
    return Decoded(text.removeprefix("\ufeff"), encoding)


def _utf8_counts(raw: bytes) -> tuple[int, int]:
    """(valid multi-byte UTF-8 characters, invalid bytes) in RAW."""
    text = raw.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good, bad


def _context(raw: bytes, at: int) -> str:
    """The bad byte with a few neighbours, as Python shows bytes: b'se\\xf1or'."""
    return repr(raw[max(0, at - 8) : at + 8])


def _declared_charset(raw: bytes) -> str | None:
    from bs4.dammit import EncodingDetector

    return _usable(EncodingDetector.find_declared_encoding(raw[:4096], is_html=True))


def _usable(name: str | None) -> str | None:
    """A declared charset as Python's codec to read it with; None if Python has none."""
    if not name:
        return None
    try:
        check_encoding(name)
    except ValueError:
        return None
    if codecs.lookup(name).name in ("ascii", "latin-1", "iso8859-1"):
        return "windows-1252"  # as browsers read it: its C1 controls are punctuation
    return name


def _guess(raw: bytes) -> Decoded:
    import chardet
    from chardet import EncodingEra

    readings: dict[str, tuple[float, list[str]]] = {}  # text -> (confidence, encodings)
    rejected: set[str] = set()
    found = chardet.detect_all(
        raw,
        ignore_threshold=True,
        encoding_era=EncodingEra.MODERN_WEB | EncodingEra.LEGACY_ISO,
        exclude_encodings=RARE,
    )
    for result in found:  # best first
        name = (result.get("encoding") or "").lower()
        confidence = float(result["confidence"])
        if len(readings) >= 2 and confidence < min(c for c, _ in readings.values()):
            break  # the two best readings are known, and no later one ties with them
        if not name or name.startswith(("utf-", "ascii")):
            continue
        try:
            text = raw.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if text in readings:
            readings[text][1].append(name)
        elif text not in rejected:
            if looks_like_text(text):
                readings[text] = (confidence, [name])
            else:
                rejected.add(text)
    if not readings:
        raise DecodeError(
            "not UTF-8, and no code page reads it as text; give its encoding with --encoding "
            "(e.g. --encoding windows-1252)"
        )
    ranked = sorted(readings.items(), key=lambda item: -item[1][0])
    best_text, (best, best_names) = ranked[0]
    best_name = _name(best_names, raw, best_text)
    if best < MIN_CONFIDENCE:
        word, _ = _differing_word(best_text, best_text.encode("ascii", "replace").decode())
        raise DecodeError(
            f"not UTF-8, and too little text to tell its encoding ({best_name} would read "
            f"{word!r}); give it with --encoding (e.g. --encoding {best_name})"
        )
    if len(ranked) > 1:
        other_text, (second, other_names) = ranked[1]
        if second > best * (1 - MARGIN) and best_name != "windows-1252":
            mine, theirs = _differing_word(best_text, other_text)
            other = _name(other_names, raw, other_text)
            raise DecodeError(
                f"cannot tell its encoding: {best_name} reads {mine!r}, {other} reads "
                f"{theirs!r}; give it with --encoding (e.g. --encoding {best_name})"
            )
    return Decoded(best_text, best_name, "detected")


def _name(names: list[str], raw: bytes, text: str) -> str:
    """The name to show for a reading: windows-1252 if it reads the bytes the same (the
    superset of latin-1), else the first of NAMES, as the WHATWG spells them."""
    try:
        if "windows-1252" in names or raw.decode("windows-1252") == text:
            return "windows-1252"
    except UnicodeDecodeError:
        pass
    name = names[0]
    return re.sub(r"^iso8859-", "iso-8859-", re.sub(r"^cp(125\d)$", r"windows-\1", name))


def looks_like_text(text: str) -> bool:
    """False when TEXT has control characters or words no language writes (a word mixing
    scripts, a capital or a symbol between two small letters: ``seÒor``, ``Stra▀e``; letters
    no one alphabet has together: ``Jiøí``), or a few words in another script among Latin
    ones (``la cittа и pronta``). A long text may have a few odd words (names, typos)."""
    odd = 0
    wide = 0
    for match in _NON_ASCII.finditer(text):
        ch, i = match.group(), match.start()
        wide += 1
        cat = unicodedata.category(ch)
        if cat == "Cc":
            return False
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if cat[0] == "L":
            script = _script(ch)
            if any(n.isalpha() and _script(n) not in (script, "COMMON") for n in (before, after)):
                odd += 1
            elif cat == "Lu" and before.islower() and after.islower():
                odd += 1
        elif before.isalpha() and after.isalpha() and ch not in _IN_WORD and cat[0] in "SPN":
            odd += 1
    latin = other = 0
    for word in _WORDS.findall(text):
        if word.isascii():
            latin += 1
            continue
        scripts = {_script(ch) for ch in word} - {"COMMON"}
        if scripts - {"LATIN"}:
            other += 1
            continue
        latin += 1
        letters = {ch for ch in word.lower() if ch > "\x7f" and _script(ch) == "LATIN"}
        if letters and not any(letters <= alphabet for alphabet in _ALPHABETS):
            odd += 1  # Jiøí: ø and í are in no one language's alphabet
    if odd > (SUSPICIOUS_SHARE * wide if wide > 1 / SUSPICIOUS_SHARE else 0):
        return False
    # letters of another script in a few words among mostly Latin ones: ``la cittа и``
    return other == 0 or other >= latin


def _script(ch: str) -> str:
    """The script of a letter: the first word of its Unicode name (LATIN, CYRILLIC, ...),
    one name for the East Asian scripts written together, COMMON for signs such as ª."""
    word = unicodedata.name(ch, "").split(" ", 1)[0]
    if word in _EAST_ASIAN:
        return "CJK"
    return word if word in _SCRIPTS else "COMMON"


def _differing_word(a: str, b: str) -> tuple[str, str]:
    """The first word where readings A and B differ, as each reads it (at most 30
    characters of it)."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            start = i
            while start and not a[start - 1].isspace():
                start -= 1
            end_a, end_b = i, i
            while end_a < len(a) and not a[end_a].isspace():
                end_a += 1
            while end_b < len(b) and not b[end_b].isspace():
                end_b += 1
            return a[start:end_a][:30], b[start:end_b][:30]
    return a[:30], b[:30]
