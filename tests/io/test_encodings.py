"""Reading bytes that are not UTF-8: decoded by evidence and said so, refused when unsure,
or read in the encoding the user gives. The texts are composed for these tests."""

from __future__ import annotations

import pytest

from claimtrack.io.decoding import decode, looks_like_text
from claimtrack.io.readers import Entry, ReadError, read_entry

SPANISH = (
    "El señor Ruiz dijo que la reunión fue difícil y que el acuerdo llegará mañana, "
    "según su portavoz, aunque nadie lo confirmó."
)
FRENCH = (
    "La ministre a déclaré que le projet était très avancé et que les élèves en "
    "profiteraient dès la rentrée, a-t-elle ajouté."
)
GERMAN = (
    "Die Bürgermeisterin sagte, die Brücke über den Fluss werde im Frühjahr geöffnet, "
    "früher als geplant, und die Gebühren würden sinken."
)
ENGLISH_1252 = "The mayor said “the bridge will reopen in May” – earlier than planned, it’s said."
CZECH = (
    "Starosta řekl, že nový most přes řeku bude otevřen příští měsíc, dříve než se čekalo, "
    "a že poplatky se nezvýší."
)
POLISH = (
    "Burmistrz oświadczył, że nowy most zostanie otwarty w przyszłym miesiącu, szybciej niż "
    "się spodziewano, a opłaty nie wzrosną."
)
# windows-1250 and iso-8859-2 read this alike but for ą (š in iso-8859-2): a near tie
POLISH_ONLY_A = "Burmistrz powiedział, że most zostanie otwarty w przyszłym miesiącu."
RUSSIAN = "Мэр сказал, что новый мост через реку откроют в следующем месяце, раньше срока."


@pytest.mark.parametrize(
    ("text", "encoding", "told"),
    [
        (SPANISH, "latin-1", "windows-1252"),
        (FRENCH, "latin-1", "windows-1252"),
        (GERMAN, "latin-1", "windows-1252"),
        (ENGLISH_1252, "windows-1252", "windows-1252"),
        (CZECH, "windows-1250", "windows-1250"),
        (POLISH, "windows-1250", "windows-1250"),
        (RUSSIAN, "windows-1251", "windows-1251"),
    ],
)
def test_single_byte_text_is_decoded_by_evidence_and_said_so(tmp_path, text, encoding, told):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    notes: list[str] = []
    doc = read_entry(Entry(str(path)), note=notes.append)
    assert doc.text == text
    assert notes == [f"decoded {path} as {told} (detected; --encoding overrides it)"]


def test_utf8_with_or_without_bom_is_utf8_and_says_nothing(tmp_path):
    notes: list[str] = []
    (tmp_path / "a.txt").write_bytes(FRENCH.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    for name in ("a.txt", "b.txt"):
        assert read_entry(Entry(str(tmp_path / name)), note=notes.append).text == FRENCH
    assert notes == []


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff".encode(codec) + CZECH.encode(codec))
    notes: list[str] = []
    assert read_entry(Entry(str(path)), note=notes.append).text == CZECH
    assert notes == [f"decoded {path} as utf-16 (byte-order mark; --encoding overrides it)"]


def test_utf8_with_a_bad_byte_is_refused_not_read_in_another_code_page(tmp_path):
    raw = FRENCH.encode("utf-8").replace("très".encode(), "très".encode("latin-1"))
    (tmp_path / "a.txt").write_bytes(raw)
    with pytest.raises(ReadError) as info:
        read_entry(Entry(str(tmp_path / "a.txt")))
    message = str(info.value)
    assert "\n" not in message and "mostly UTF-8" in message and "1 invalid byte" in message
    assert "--encoding" in message


def test_too_little_text_to_tell_is_refused_naming_encoding(tmp_path):
    (tmp_path / "a.txt").write_bytes("Jiří".encode("windows-1250"))
    with pytest.raises(ReadError, match=r"too little text to tell .*--encoding"):
        read_entry(Entry(str(tmp_path / "a.txt")))


def test_given_encoding_is_used_as_given_and_checked(tmp_path):
    (tmp_path / "a.txt").write_bytes("Jiří".encode("windows-1250"))
    assert read_entry(Entry(str(tmp_path / "a.txt")), encoding="windows-1250").text == "Jiří"
    assert read_entry(Entry(str(tmp_path / "a.txt"), encoding="cp1250")).text == "Jiří"
    # bytes the given encoding has no character for: one line, pointing at --encoding
    (tmp_path / "b.txt").write_bytes(FRENCH.encode("latin-1"))
    with pytest.raises(ReadError, match=r"not valid utf-8 text .*check --encoding"):
        read_entry(Entry(str(tmp_path / "b.txt")), encoding="utf-8")


def test_html_declared_charset_is_evidence(tmp_path):
    html = f'<html><head><meta charset="windows-1251"><title>Мост</title></head><p>{RUSSIAN}'
    (tmp_path / "a.html").write_bytes(html.encode("windows-1251"))
    notes: list[str] = []
    doc = read_entry(Entry(str(tmp_path / "a.html")), note=notes.append)
    assert doc.text == RUSSIAN and doc.title == "Мост"
    assert "as windows-1251 (declared in the HTML" in notes[0]


@pytest.mark.parametrize(
    ("reading", "plausible"),
    [
        (SPANISH, True),
        (SPANISH.replace("ñ", "ń"), True),  # letters only; told apart by chardet's models
        ("El seÒor dijo", False),  # a capital between small letters
        ("Die Stra▀e", False),  # a symbol between letters
        ("la cittа è pronta", False),  # a word mixing scripts
        ("Il sindaco и qui", False),  # one Cyrillic word among Latin ones
        ("Jiøí said", False),  # ø and í: no one alphabet has both
        ("Åsa Øvergård said", True),
        (RUSSIAN, True),
        ("a\x85b", False),  # a control character
    ],
)
def test_readings_that_no_language_writes_are_not_text(reading, plausible):
    assert looks_like_text(reading) is plausible


def test_near_tie_not_led_by_windows_1252_is_refused_showing_both_readings(tmp_path):
    (tmp_path / "a.txt").write_bytes(POLISH_ONLY_A.encode("windows-1250"))
    with pytest.raises(ReadError) as info:
        read_entry(Entry(str(tmp_path / "a.txt")))
    assert str(info.value).endswith(
        "cannot tell its encoding: windows-1250 reads 'miesiącu.', iso-8859-2 reads "
        "'miesišcu.'; give it with --encoding (e.g. --encoding windows-1250)"
    )


def test_near_tie_led_by_windows_1252_is_windows_1252():
    # one è: chardet only just prefers très to trčs (windows-1257); Western text wins a tie
    assert decode("Il a dit très bien.".encode("latin-1")).encoding == "windows-1252"


def test_html_declared_latin1_is_read_as_windows_1252():
    html = '<meta charset="iso-8859-1"><p>The mayor said “yes” – twice.</p>'
    decoded = decode(html.encode("windows-1252"), html=True)
    assert decoded.encoding == "windows-1252" and "“yes” –" in decoded.text
