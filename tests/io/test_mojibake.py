"""Double-encoded UTF-8 (``FranÃ§ois`` for ``François``) is repaired when an article is
read, before it is stored, and correct text of any language comes back unchanged, character
for character. The texts are written for these tests; the garbled ones are made from them
the way the damage happens (UTF-8 bytes read as windows-1252 or latin-1)."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from claimtrack.io.decoding import decode, repair
from claimtrack.io.feeds import parse_feed
from claimtrack.io.readers import Entry, read_entry
from claimtrack.store import engine as dbmod
from claimtrack.store.models import Source
from tests.conftest import rows

SENTENCE = "Mayor François Dumont said the café on the quay would reopen in the spring."


def garbled(text: str, encoding: str = "windows-1252", times: int = 1) -> str:
    """TEXT as it reads after its UTF-8 bytes were read as ENCODING, TIMES over (a byte
    windows-1252 leaves undefined, as in the 0x9D of ”, read as the control it is in latin-1,
    as browsers do)."""
    for _ in range(times):
        raw = text.encode("utf-8")
        text = "".join(bytes([b]).decode(encoding, "ignore") or chr(b) for b in raw)
    return text


# Correct text that must come back as it is: ftfy's other fixes would change each of these
# (quotes uncurled, entities unescaped, ligatures and wide letters folded, NFC, line ends).
CORRECT = [
    "The mayor said “the bridge will reopen in May” — earlier than planned, it’s said.",
    "La ministre a déclaré que le projet était très avancé; les élèves en profiteront.",
    "Die Bürgermeisterin sagte, die Brücke über den Fluss werde im Frühjahr geöffnet.",
    "Starosta řekl, že nový most přes řeku bude otevřen příští měsíc.",
    "Мэр сказал, что новый мост откроют в следующем месяце.",
    "Ο δήμαρχος είπε ότι η γέφυρα θα ανοίξει τον Μάιο.",
    "市長は、新しい橋が来月開通すると述べた。东京和北京的代表也出席了。",
    "시장은 새 다리가 다음 달에 개통된다고 말했다.",
    "قال رئيس البلدية إن الجسر سيفتح الشهر المقبل.",
    "The council cheered 🎉 and the mayor waved 👋🏽 at the crowd.",
    "Fish &amp; chips, the ﬁrst ＡＢＣ prize, and a\r\nWindows line end.",
    "Franc\u0327ois Dumont wrote his name decomposed (NFD), as some systems store it.",
    "A price of 5 € and a quote «entre guillemets» with a ½ share and 90° heat.",
    "Señor Núñez said the año had been hard; São Paulo and Zürich agreed.",
]


@pytest.mark.parametrize("text", CORRECT, ids=range(len(CORRECT)))
def test_correct_text_is_unchanged(text):
    assert repair(text) == text
    decoded = decode(text.encode("utf-8"))
    assert decoded.text == text and not decoded.repaired


@pytest.mark.parametrize(
    ("damaged", "why"),
    [
        (garbled(SENTENCE), "UTF-8 read as windows-1252"),
        (garbled(SENTENCE, "latin-1"), "UTF-8 read as latin-1"),
        (garbled(SENTENCE, "latin-1", times=2), "twice over"),
        (unicodedata.normalize("NFD", garbled(SENTENCE, "latin-1", times=2)), "decomposed"),
    ],
)
def test_double_encoded_text_is_repaired(damaged, why):
    assert damaged != SENTENCE
    assert repair(damaged) == SENTENCE, why


def test_a_long_run_without_spaces_beside_a_garbled_word_is_left_as_it_is():
    """A page's inline image data or minified script: a run of 64,000 characters without a
    space beside a decomposed garbled word. The garbled words are repaired and the run is
    kept unchanged. (Looking for such words from every character of the run took time
    quadratic in its length, 118 s of CPU for 150,000 characters; docs/benchmarks.md has the
    figures: speed is measured there, not asserted here.)"""
    damaged = unicodedata.normalize("NFD", garbled(SENTENCE, "latin-1", times=2))
    blob = "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" * 2000
    fixed = repair(f"{damaged} é\n{blob}\n{damaged}")
    assert fixed == f"{SENTENCE} é\n{blob}\n{SENTENCE}"


def test_garbled_curly_quotes_and_dashes_are_repaired():
    said = "The clerk said “it’s done” — and left."
    assert repair(garbled(said)) == said


def test_a_file_of_correct_and_garbled_lines_repairs_only_the_garbled_word(tmp_path):
    """A file whose lines were put together from several sources: one garbled word among
    correct accents, quotes, dashes, CJK and emoji. The repaired text is read (and noted);
    everything else is as written."""
    lines = [
        "Le maire a déclaré « c’est fini » — 東京 😀",
        f"Councillor {garbled('José')} Ortega said the budget was “balanced”.",
        "Ms Ortega’s deputy, Zoë Brandt, disagreed — strongly.",
    ]
    path = tmp_path / "mixed.txt"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    notes: list[str] = []
    doc = read_entry(Entry(str(path)), note=notes.append)
    expected = "\n\n".join([lines[0], lines[1].replace(garbled("José"), "José"), lines[2]])
    assert doc.text == expected + "\n"
    assert notes == [f"repaired double-encoded UTF-8 in {path} (as FranÃ§ois for François)"]


def test_an_html_page_and_a_feed_title_are_repaired(tmp_path):
    page = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{garbled('Café owners meet the mayor')}</title></head><body><article>"
        f"<h1>{garbled('Café owners meet the mayor')}</h1><p>{garbled(SENTENCE)}</p>"
        "<p>Fish &amp; chips were served; “nobody” complained.</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = read_entry(Entry(str(path)))
    assert SENTENCE in doc.text and "Fish & chips were served; “nobody” complained." in doc.text
    assert doc.title == "Café owners meet the mayor"

    title = garbled("Dumont’s café plan")
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quay News'
        f"</title><item><title>{title}</title><link>https://news.example/a</link></item>"
        "<item><title>Señor Núñez — “yes”</title><link>https://news.example/b</link></item>"
        "</channel></rss>"
    )
    feed = parse_feed(rss.encode("utf-8"))
    assert [e.title for e in feed.entries] == ["Dumont’s café plan", "Señor Núñez — “yes”"]


def test_offsets_count_in_the_repaired_stored_text(cli, db_url, tmp_path):
    """Repaired before it is stored: the stored text is the repaired one, and a claim's
    offsets point at its words in it."""
    text = f"{garbled(SENTENCE)}\n\nThe harbour master said the work had gone well.\n"
    path = tmp_path / "quay.txt"
    path.write_text(text, encoding="utf-8")
    cli("ingest", str(path), "--quiet", db=db_url)
    engine = dbmod.make_engine(dbmod.resolve_url(db_url))
    try:
        with engine.connect() as conn:
            stored = conn.scalar(select(Source.text))
    finally:
        engine.dispose()
    assert stored == text.replace(garbled(SENTENCE), SENTENCE)
    found = rows(cli, db_url, "who-said", "--actor", "Dumont")
    assert [r["speaker"] for r in found] == ["François Dumont"]
    (row,) = found
    assert stored[row["speaker_start"] : row["speaker_end"]] == row["speaker_mention"]
    assert stored[row["content_start"] : row["content_end"]] == row["content"]
    assert "François" in row["speaker_mention"]
