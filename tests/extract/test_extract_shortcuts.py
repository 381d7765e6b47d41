"""The extractor's shortcuts (issue 16: its work beyond spaCy's parse) give what the long way
gives: each is checked here against the plain reading it stands for, on sentences written for
these tests. That extraction as a whole gives the same claims is checked on PolNeAR dev (the
export of `claimtrack eval --keep-db`, byte for byte; see docs/benchmarks.md)."""

from __future__ import annotations

import random

import pytest
from spacy.strings import get_string_id

from claimtrack.extract import cues, quotes
from claimtrack.extract.assemble import _noted, _sentence_numbers
from claimtrack.extract.learned import refine
from claimtrack.extract.nlp import load
from claimtrack.extract.quotes import QuoteIndex
from claimtrack.extract.rules.phrases import prep_object
from claimtrack.extract.scene import past_offsets
from claimtrack.extract.segment import Parsed, segments
from claimtrack.extract.spans import columns, ids
from claimtrack.extract.speakers import (
    _NAME_HEADS,
    DOCUMENT_FAMILY,
    ORG_HEADS,
    Resolver,
    document_issuer,
    document_owner,
    is_byline,
    org_heads,
    owner_of,
)
from claimtrack.names import BYLINE_ROLES

TEXT = (
    "Harbour News\n"
    'Mayor Alma Reyes said on Monday that "the bridge will reopen in May," and she called '
    "for a review of the ferry contracts.\n"
    '"We have the money for it. The cranes are fixed," the treasurer told reporters. '
    "Councillor Ben Okoro warned of delays, and the union asked about the timetable.\n"
    "The port authority's claim that the cranes were repaired drew doubts from the dockers."
)


@pytest.fixture(scope="module")
def parsed() -> list[Parsed]:
    nlp = load()
    return [Parsed(seg, nlp(seg.text)) for seg in segments(TEXT)]


def test_quoted_tokens_are_containing_once_a_doc(parsed: list[Parsed]) -> None:
    qi = QuoteIndex(TEXT)
    for p in parsed:
        inside = qi.inside(p.doc, p.seg.start)
        assert inside == [qi.containing(p.doc_start(t)) is not None for t in p.doc]
        assert qi.inside(p.doc, p.seg.start) is inside  # worked out once
    assert any(qi.inside(parsed[1].doc, parsed[1].seg.start))  # the text has quotations


def test_sentence_numbers_are_each_tokens_sentence(parsed: list[Parsed]) -> None:
    qi = QuoteIndex(TEXT)
    starts = {id(p.doc): p for p in parsed}

    def quoted(t) -> bool:
        return qi.containing(starts[id(t.doc)].doc_start(t)) is not None

    numbers = _sentence_numbers(parsed, quoted)
    for p in parsed:
        for t in p.doc:  # every token of a sentence carries the number of its sentence
            assert numbers[id(p.doc)][t.i] == numbers[id(p.doc)][t.sent.start]
    seen = [n for p in parsed for n in numbers[id(p.doc)]]
    assert seen == sorted(seen) and seen[0] == 0
    # the quotation's two sentences count as one: fewer numbers than sentences
    assert len(set(seen)) < sum(len(list(p.doc.sents)) for p in parsed)


def _prep_object_by_children(tok):
    for c in tok.children:
        if c.dep_ == "prep" and tok.i < c.i <= tok.i + 3:
            return c, next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None, None


def test_prep_object_reads_the_three_words_after(parsed: list[Parsed]) -> None:
    found = []
    for p in parsed:
        for t in p.doc:
            got = prep_object(t)
            assert got == _prep_object_by_children(t)
            if got[0] is not None and got[1] is not None:
                found.append((t.lower_, got[0].lower_, got[1].lower_))
    assert ("called", "for", "review") in found
    assert ("warned", "of", "delays") in found


def test_shortest_form_forgets_when_a_name_is_seen() -> None:
    resolver = Resolver()
    assert resolver.shortest_form("Rip Alma Reyes") == "Rip Alma Reyes"
    resolver.see_person_name("Alma Reyes")
    assert resolver.shortest_form("Rip Alma Reyes") == "Alma Reyes"
    assert resolver.shortest_form("Rip Alma Reyes") == "Alma Reyes"


def test_a_noun_no_frame_makes_a_cue_is_passed_over() -> None:
    assert cues.may_cue_noun("claim")
    assert not cues.may_cue_noun("bridge")
    frames = {frame for pos, _, frame in cues.LEXICON if pos == "noun"} | {"c", "-"}
    lemmas = {lemma for pos, lemma, _ in cues.LEXICON if pos == "noun"} | set(cues.NOUN_CUES)
    for lemma in lemmas:
        best = max(cues.noun_score(lemma, frame) for frame in frames)
        assert cues.may_cue_noun(lemma) == (
            best >= cues.NOUN_THRESHOLD or lemma in cues.NOUN_CUES
        ), lemma


def _encoded(rows: list[list[str]]) -> list[list[bytes]]:
    """Features as crfsuite is handed them: UTF-8 bytes."""
    return [[f.encode() for f in row] for row in rows]


def _decoded(rows: list[list[bytes]]) -> list[list[str]]:
    return [[f.decode() for f in row] for row in rows]


def _token_features_plain(doc, quoted, vocab) -> list[list[str]]:
    """token_features written out plainly, each string joined where it is used."""
    toks = list(doc)
    words = [refine._word(t, vocab) for t in toks]
    n = len(toks)
    out = []
    for i, t in enumerate(toks):
        h = t.head.i
        f = [f"l={words[i]}", f"p={t.pos_}", f"t={t.tag_}", f"d={t.dep_}"]
        f += [f"hd={toks[h].dep_}", f"hp={toks[h].pos_}", f"hl={words[h]}"]
        if t.is_sent_start:
            f.append("ss")
        if i + 1 == n or toks[i + 1].is_sent_start:
            f.append("se")
        if quoted(i):
            f.append("inq")
        if t.ent_type_:
            f.append(f"e={t.ent_type_}")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                u = toks[j]
                f += [f"{off}l={words[j]}", f"{off}p={u.pos_}", f"{off}d={u.dep_}"]
            else:
                f.append(f"{off}BOUND")
        out.append(f)
    return out


def test_token_features_are_the_plain_ones(parsed: list[Parsed]) -> None:
    vocab = refine.read_vocabulary()
    qi = QuoteIndex(TEXT)
    for p in parsed:
        inside = qi.inside(p.doc, p.seg.start)
        plain = _token_features_plain(p.doc, inside.__getitem__, vocab)
        assert refine.paragraph_features(p, qi, vocab) == _encoded(plain)
    assert any(b"inq" in f for f in refine.paragraph_features(parsed[2], qi, vocab))


def _claim_part_plain(static: list[str], i: int, n: int, v) -> list[str]:
    r = v.role.get(i, "O")
    prev = v.role.get(i - 1, "O") if i else "BOS"
    nxt = v.role.get(i + 1, "O") if i + 1 < n else "EOS"
    side = "b" if i < v.first else "a" if i > v.first else "c"
    f = [f"r={r}", f"pr={prev}", f"nr={nxt}", f"r|pr={r}|{prev}", f"r|nr={r}|{nxt}"]
    f += [f"side={side}", "sent=same" if i in v.same else "sent=other"]
    f += [f"r|p={r}|{static[1][2:]}", f"r|d={r}|{static[3][2:]}", f"r|l={r}|{static[0][2:]}"]
    if i in v.above:
        f.append("anc")
    elif i in v.below:
        f.append("desc")
    return f


def test_claim_features_are_the_plain_ones(parsed: list[Parsed]) -> None:
    p = parsed[1]
    qi = QuoteIndex(TEXT)
    static = refine.paragraph_features(p, qi, refine.read_vocabulary())
    said = next(t for t in p.doc if t.lower_ == "said")
    that = next(t for t in p.doc if t.lower_ == "that")
    proposal = refine.Proposal(
        cue=p.doc_span(said),
        mention=p.doc_span(p.doc[1 : said.i]),
        parts=[(p.doc_start(that), p.seg.end)],
    )
    got = refine.claim_features(p, static, proposal)
    v = refine._view(p, proposal)
    n = len(p.doc)
    plain = _decoded(static)
    assert got == _encoded([plain[i] + _claim_part_plain(plain[i], i, n, v) for i in range(n)])
    roles = {f[len(static[i])] for i, f in enumerate(got)}
    assert {b"r=O", b"r=CUE", b"r=SRC", b"r=CON"} <= roles  # both ways of making them are run


def test_prefixed_joins_once_from_the_cut() -> None:
    plain = refine.Prefixed("p=")
    cut = refine.Prefixed("r|p=O|", cut=2)
    assert plain["VERB"] == b"p=VERB"  # a value of spaCy's (str)
    assert plain["VÉRB"] == "p=VÉRB".encode()
    assert cut[b"p=VERB"] == b"r|p=O|VERB"  # a feature (bytes)
    assert cut[b"p=VERB"] is cut[b"p=VERB"]  # joined once, kept


def _coverage_plain(static: list[list[str]], cov: list[str]) -> list[list[str]]:
    n = len(cov)
    return [
        static[i]
        + [
            f"cov={cov[i]}",
            f"pcov={cov[i - 1] if i else 'BOS'}",
            f"ncov={cov[i + 1] if i + 1 < n else 'EOS'}",
            f"cov|l={cov[i]}|{static[i][0][2:]}",
        ]
        for i in range(n)
    ]


def test_coverage_features_are_the_plain_ones(parsed: list[Parsed]) -> None:
    from claimtrack.extract.learned import detect

    p = parsed[1]
    static = refine.paragraph_features(p, QuoteIndex(TEXT), refine.read_vocabulary())
    said = next(t for t in p.doc if t.lower_ == "said")
    that = next(t for t in p.doc if t.lower_ == "that")
    covered = [
        ((p.doc_start(that), p.seg.end), refine.CON),
        (p.doc_span(p.doc[1 : said.i]), refine.SRC),
        (p.doc_span(said), refine.CUE),
    ]
    got = detect.coverage_features(p, static, covered)
    assert got == _encoded(_coverage_plain(_decoded(static), refine.roles(p, covered)))
    assert {f[len(static[i])] for i, f in enumerate(got)} == {
        b"cov=O",
        b"cov=CON",
        b"cov=SRC",
        b"cov=CUE",
    }


def test_a_belief_reads_the_paragraph_at_its_document_offsets(parsed: list[Parsed]) -> None:
    from claimtrack.extract.learned import detect

    detector = detect.load()
    p = parsed[2]  # starts well after the document's start
    static = refine.paragraph_features(p, QuoteIndex(TEXT), detector.vocab)
    detector.detect(p, static, [])
    warned = next(t for t in p.doc if t.lower_ == "warned")
    span = (p.doc_start(p.doc[warned.i + 1]), p.doc_end(p.doc[warned.i + 3]))  # "of delays,"
    probs = [detector.marginal(refine.CON, k) for k in range(warned.i + 1, warned.i + 4)]
    assert detector.content_belief(span) == pytest.approx(sum(probs) / 3)
    assert detector.content_belief((p.seg.start - 2, p.seg.start - 1)) == 0.0  # no token there


def test_a_parsed_paragraph_keeps_its_text_unjoined() -> None:
    from claimtrack.extract.pipeline import parse_chunk
    from claimtrack.extract.spans import doc_text

    text = "MAYOR SAYS BRIDGE WILL REOPEN\n" + TEXT.split("\n", 1)[1] + " " + "Word. " * 1200
    (paragraphs,) = parse_chunk([(text, None)])
    assert len(paragraphs[-1].doc.text) > 5_000  # parsed in pieces, joined into one Doc
    for p in paragraphs:
        assert p.doc.text == p.seg.text  # the headline's words put back after its parse
        assert doc_text(p.doc) == p.doc.text


def test_a_dateline_is_left_out_of_the_source() -> None:
    from claimtrack.extract import extract

    text = "PORTVILLE (Harbour Wire) — Mayor Alma Reyes said the bridge would reopen in May."
    (claim,) = extract(text)
    assert claim.speaker.mention is not None
    assert claim.speaker.mention.text(text) == "Mayor Alma Reyes"


def test_an_absolute_date_needs_both_readings() -> None:
    from claimtrack.extract.dates import resolve_date

    assert resolve_date("on Aug. 3, 2019", None).on is not None
    for phrase in ("on the bridge", "yesterday", "Tuesday"):  # no date, or none without a base
        assert resolve_date(phrase, None).relation == "unknown"


# ---- the passes over a whole paragraph read spaCy's arrays (spans.columns) ----------------

PAGES = (
    "Ferry Fares Rise Again\n"
    "The Tidewater Gazette reported on Friday that the harbour commission had raised fares. "
    "A new ad from the Reyes campaign attacked the plan, and the union said in a statement "
    "that the Dockers Union would strike.\n"
    "Mayor Alma Reyes's spokesman told reporters the Porthaven Herald was wrong. Later, "
    "Councillor Ben Okoro's aide said MacKinnon Ferries had ignored the survey. A report by "
    "the Harbour Institute found that fares rose."
)


@pytest.fixture(scope="module")
def pages() -> list[Parsed]:
    nlp = load()
    return [Parsed(seg, nlp(seg.text)) for seg in segments(PAGES)]


def test_columns_are_each_tokens_attributes(pages: list[Parsed]) -> None:
    for p in pages:
        cols, strings = columns(p.doc), p.doc.vocab.strings
        assert [strings[o] for o in cols.orth] == [t.text for t in p.doc]
        assert [strings[o] for o in cols.lower] == [t.lower_ for t in p.doc]
        assert [strings[o] for o in cols.lemma] == [t.lemma_ for t in p.doc]
        assert [strings[o] for o in cols.pos] == [t.pos_ for t in p.doc]
        assert [strings[o] for o in cols.tag] == [t.tag_ for t in p.doc]
        assert [strings[o] for o in cols.dep] == [t.dep_ for t in p.doc]
        assert [s == 1 for s in cols.sent_start] == [t.is_sent_start is True for t in p.doc]
        assert cols.is_lower == [int(t.is_lower) for t in p.doc]
        assert cols.is_title == [int(t.is_title) for t in p.doc]
        assert cols.is_alpha == [int(t.is_alpha) for t in p.doc]
        assert columns(p.doc) is cols  # read once a Doc
    assert sum(s == 1 for p in pages for s in columns(p.doc).sent_start) >= 4
    assert get_string_id("nsubj") in ids(["nsubj", "poss"])


def test_an_empty_doc_has_empty_columns() -> None:
    assert all(col == [] for col in columns(load()("")))


def test_org_heads_are_the_plain_ones(pages: list[Parsed]) -> None:
    for p in pages:
        doc = p.doc
        plain = {t.i: t.idx + len(t.text) for t in doc if t.lower_ in ORG_HEADS}
        plain |= {e.root.i: e.end_char for e in doc.ents if e.label_ == "ORG"}
        plain |= {
            t.i: t.idx + len(t.text)
            for t in doc
            if t.pos_ == "PROPN"
            and t.dep_ != "compound"
            and t.lower_ in _NAME_HEADS
            and t.i not in plain
        }
        assert org_heads(doc) == plain
    assert sum(len(org_heads(p.doc)) for p in pages) >= 3  # commission, campaign, union...


def test_words_seen_are_the_plain_ones(pages: list[Parsed]) -> None:
    resolver = Resolver()
    lower: set[str] = set()
    capitals: set[str] = set()
    for p in pages:
        resolver.see_words(p.doc)
        doc = p.doc
        lower.update(t.text for t in doc if t.is_lower)
        capitals.update(
            t.text
            for t in doc
            if t.i > 0 and t.is_title and not t.is_sent_start and doc[t.i - 1].is_alpha
        )
    assert resolver.lower_words == lower and resolver.mid_capitals == capitals
    assert "harbour" in lower and "Gazette" in capitals and "Fares" not in lower


def test_documents_seen_are_the_plain_ones(pages: list[Parsed]) -> None:
    resolver, plain = Resolver(), Resolver()
    for p in pages:
        resolver.see_documents(p.doc)
        for tok in p.doc:  # the plain reading: every token asked
            if tok.pos_ != "NOUN":
                continue
            family = DOCUMENT_FAMILY.get(tok.lemma_.lower())
            if family is None:
                continue
            owner = document_owner(tok) or document_issuer(tok)
            if owner is None:
                continue
            found = owner_of(tok, owner)
            if found is not None and found.name and found.kind != "unnamed":
                plain.documents.append((plain.sentence(tok), id(p.doc), tok.i, family, found))
    assert resolver.documents == plain.documents
    assert "study" in {n[3] for n in resolver.documents}  # "A report by the Harbour Institute"


def test_past_offsets_are_the_plain_ones(pages: list[Parsed]) -> None:
    plain = frozenset(
        p.doc_start(t) for p in pages for t in p.doc if t.tag_ == "VBD" and t.lemma_ != "have"
    )
    assert past_offsets(pages) == plain
    assert PAGES.index("reported") in plain and PAGES.index("had raised") not in plain


def test_credit_notes_every_token_the_plain_loop_would(pages: list[Parsed]) -> None:
    for p in pages:
        roots = {e.root.i for e in p.doc.ents if e.label_ == "PERSON"}
        noted = _noted(p.doc, roots)
        wanted = [
            t.i
            for t in p.doc
            if t.i in roots
            or t.dep_ == "nsubj"
            or t.dep_ == "poss"
            and t.pos_ == "NOUN"
            and t.head.dep_ in ("nsubj", "nsubjpass")
        ]
        assert set(wanted) <= set(noted)
        assert all(p.doc[i].dep_ in ("nsubj", "poss") or i in roots for i in noted)
        assert noted == sorted(noted)
    assert any(_noted(p.doc, set()) for p in pages)


def _marks_by_character(text: str) -> list[tuple[int, int, str]]:
    """The plain reading of quotes._marks: every character asked in turn."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        width = 1
        if ch == "'" and i + 1 < n and text[i + 1] == "'":
            ch, width = '"', 2
        if ch in quotes.OPEN_ONLY or ch in quotes.CLOSE_ONLY:
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + width] if i + width < n else " "
            role = "open" if ch in quotes.OPEN_ONLY else "close"
            # a mark typed the wrong way round: 'Wins“ that', 'said ”We'
            if (
                role == "open"
                and not prev.isspace()
                and prev not in quotes._BEFORE_OPEN
                and (nxt.isspace() or nxt in ".,;:!?")
            ):
                role = "close"
            elif role == "close" and (prev.isspace() or i == 0) and nxt.isalnum():
                role = "open"
            out.append((i, width, role))
        elif ch == '"':
            prev = text[i - 1] if i > 0 else " "
            nxt = text[i + width] if i + width < n else " "
            if prev in quotes._BEFORE_OPEN and not nxt.isspace():
                role = "open"
            elif nxt.isspace() or not nxt.isalnum():
                role = "close"
            else:
                role = "either"
            out.append((i, width, role))
        i += width
    return out


@pytest.mark.parametrize(
    "text",
    [
        'She said "we will" and then ”Wins“ that, "so" he said.',
        "''Fair enough,'' the clerk said. '''Odd''' marks and a lone ' quote.",
        '«Oui», dit-il. „Ja“ sagte sie. "" "',
        '"',
        "''",
        "no marks at all",
    ],
)
def test_quote_marks_are_the_plain_ones(text: str) -> None:
    assert quotes._marks(text) == _marks_by_character(text)


def test_quote_marks_are_the_plain_ones_on_random_text() -> None:
    rng = random.Random(16)
    alphabet = "ab .,(\n\u00a0'" + quotes.ALL_MARKS
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert quotes._marks(text) == _marks_by_character(text), text


def _plain_is_byline(sent) -> bool:  # noqa: ANN001 - is_byline as it read every token
    words = [t for t in sent if not (t.is_punct or t.text == "|")]
    if len(words) < 3 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if words[0].lower_ == "by":
        return all(t.text[:1].isupper() or t.lower_ in ("and", "&") for t in words[1:])
    return (
        words[0].text[:1].isupper()
        and any(t.text in ("|", ",") for t in sent)
        and any(t.lower_ in BYLINE_ROLES for t in words)
        and all(t.text[:1].isupper() or t.lower_ in BYLINE_ROLES for t in words)
    )


def test_a_byline_is_told_from_the_part_of_speech_column(parsed: list[Parsed]) -> None:
    """``is_byline`` reads the parts of speech from ``spans.columns`` (a sentence with a
    verb is no byline) and answers what the token-by-token reading answers."""
    nlp = load()
    bylines = ["By Tomas Brenner", "By TOMAS BRENNER and ILSE VOGT", "Ilse Vogt | Staff writer"]
    docs = [nlp(line) for line in bylines] + [p.doc for p in parsed]
    answers = []
    for doc in docs:
        doc.user_data.pop("claimtrack.columns", None)
        for sent in doc.sents:
            answers.append((is_byline(sent), _plain_is_byline(sent)))
        assert "claimtrack.columns" in doc.user_data
    assert all(new == plain for new, plain in answers)
    assert [new for new, _ in answers[:3]] == [True, True, True]
    assert len(answers) > 6 and not any(new for new, _ in answers[3:])
