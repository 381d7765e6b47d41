"""The screen before the tagger's keyword searches (store/screen.py): it never hides a match
the plain search finds, and it spares the searches that find nothing. Sentences written for
the project."""

from __future__ import annotations

import re

import pytest

from claimtrack.store import screen
from claimtrack.store.screen import FOLD, SPACES, heads, may_match, starts
from claimtrack.store.taxonomy import (
    _NEVER,
    _alternation,
    _screened,
    article_topics,
    load_taxonomy,
    tag,
)

SENTENCES = [
    "The senator said the election would be decided by turnout in three counties.",
    "Officials in Kyiv rejected the ceasefire proposal on Tuesday.",
    "E-commerce sales rose 4% as the central bank cut interest rates.",
    "THE SUPREME COURT WILL HEAR THE CASE NEXT MONTH, HER LAWYER SAID.",
    "The  judge — a former prosecutor — delayed the trial\u00a0again.",
    "A \u017fupreme court ruling and a \u212aremlin statement, spelled oddly.",
    "\u0130mmigration and \u0131nflation were the two words on the placard.",
    "TV-show hosts, co-op boards and 5G masts: a list without a topic.",
    "Nothing here is about anything in particular, she said.",
    "The weather was fine and the picnic went ahead.",
    "He won't win, but the vote-counting starts tonight in Iowa.",
    "A well-known e  commerce firm and a pro-Trump super PAC gave money.",
]


def _patterns() -> list[re.Pattern[str]]:
    out = []
    for topic in load_taxonomy():
        for kind in ("pattern", "weak_pattern", "who_pattern", "name_pattern", "exclude_pattern"):
            out.append(getattr(topic, kind))
    return out


def test_spaces_and_folds_are_every_code_point_ignorecase_and_space_match():
    space = re.compile(r"\s")
    ascii_ = re.compile(r"[\x20-\x7e]", re.IGNORECASE)
    for code in range(0x110000):
        ch = chr(code)
        if space.match(ch):
            assert ch in SPACES, hex(code)
        if code > 0x7F and ascii_.match(ch):
            folded = ch.translate(FOLD)
            assert folded.isascii(), hex(code)
            assert re.fullmatch(re.escape(folded), ch, re.IGNORECASE), hex(code)


def test_heads_read_off_a_keyword_pattern():
    assert heads(_alternation(["election*", "vote"])) == {"electi", "vote"}
    # a keyword of two words: the space between them read as any run of spaces or hyphens
    assert {"the ju", "the-ju", "the  j"} <= heads(_alternation(["the judge"]))
    assert heads(_alternation(["CIA"])) == {"cia"}


@pytest.mark.parametrize(
    "pattern", [r"election", r"(?<!\w)x|y", r"(?<!\w)[a-z]+", r"(?<!\w)\w*tion", r"(?<!\w)(?:a|.)"]
)
def test_a_pattern_of_another_shape_is_always_searched(pattern):
    compiled = re.compile(pattern)
    assert heads(compiled) is None
    assert may_match(compiled, "nothing like it")


def test_the_screen_spares_searches_that_find_nothing():
    calm = "The weather was fine and the picnic went ahead."
    screened = [p for p in _patterns() if heads(p) is not None]  # all but the empty ones
    assert len(screened) > 200
    assert sum(not may_match(p, calm) for p in screened) > 0.9 * len(screened)
    assert not may_match(_alternation(["election*"]), calm)
    assert may_match(_alternation(["election*"]), "ELECTIONS were held.")


def test_the_screen_never_hides_a_match_of_the_built_in_taxonomy():
    patterns = _patterns()
    for text in SENTENCES:
        for p in patterns:
            if p.search(text):
                assert may_match(p, text), (p.pattern[:60], text)


def test_every_keyword_written_in_a_sentence_passes_the_screen():
    """Each keyword of the built-in taxonomy, written plainly, in capitals and with its
    first letter capitalised, in the middle of a sentence: wherever the search finds it,
    the screen lets it through."""
    for topic in load_taxonomy():
        for keyword in topic.keywords:
            word = keyword.lstrip("~!@").rstrip("*")
            for form in (word, word.upper(), word[:1].upper() + word[1:], word.replace(" ", "-")):
                text = f"They spoke of {form} at length."
                for p in (topic.pattern, topic.weak_pattern, topic.who_pattern,
                          topic.exclude_pattern, topic.speaker_pattern):  # fmt: skip
                    if p.search(text):
                        assert may_match(p, text), (topic.slug, keyword, form)


def test_starts_fold_case_and_spaces():
    found = starts("The\u00a0Big  DEAL")
    assert {"the bi", "big  d", "deal", "d"} <= found
    assert "The" not in found


def test_the_tagger_tags_the_same_with_and_without_the_screen(monkeypatch):
    topics = load_taxonomy()

    def tags() -> list:
        out = []
        for i, text in enumerate(SENTENCES):
            out.append(
                tag(
                    topics,
                    text,
                    heading=f"Ceasefire talks and {SENTENCES[i - 3][:20]}",
                    frame=text,
                    content_at=0,
                    cue="said",
                )
            )
            # no keyword of its own: the sentence around it (the frame), the cue
            other = SENTENCES[i - 1]
            out.append(
                tag(
                    topics,
                    "the matter",
                    frame=other + " the matter",
                    content_at=len(other) + 1,
                    cue="voted against",
                )
            )
            out.append([(t.slug, t.spans(text), t.weakly_matches(text)) for t in topics])
        out.append(
            article_topics(
                topics, [{} for _ in SENTENCES], [(x, None) for x in SENTENCES], SENTENCES[0]
            )
        )
        return out

    screened = tags()
    monkeypatch.setattr(screen, "heads", lambda _pattern: None)  # no screen: the plain search
    assert tags() == screened
    assert any(screened)


def _keyword_sentences() -> list[str]:
    out = []
    for topic in load_taxonomy():
        for keyword in topic.keywords:
            word = keyword.lstrip("~!@").rstrip("*")
            out += [f"They spoke of {word} at length.", f"{word.upper()}: a heading"]
    return out


KINDS = ("pattern", "weak_pattern", "who_pattern", "name_pattern", "exclude_pattern")


def test_one_screen_of_many_patterns_answers_as_each_pattern_alone():
    """``Screen`` looks each word start up once for all of a taxonomy's patterns: it must
    answer, pattern by pattern, what ``may_find`` answers of each alone, and the tagger's
    screen (``_screened``, kept from claim to claim) what the patterns of its topics do."""
    topics = load_taxonomy()
    texts = SENTENCES + _keyword_sentences()
    for kind in KINDS:
        patterns = [getattr(t, kind) for t in topics]
        together = screen.Screen(patterns)
        for text in texts:
            words = starts(text)
            bits = together.may_find(words)
            alone = [screen.may_find(p, words) for p in patterns]
            assert [bool(bits >> i & 1) for i in range(len(patterns))] == alone, (kind, text)
            assert screen.pick(topics, bits) == [t for t, a in zip(topics, alone, strict=True) if a]
            # a pattern that finds nothing (a topic without keywords of the kind) is left out
            never = screen.Screen(patterns, never=_NEVER).may_find(words)
            assert never == bits & ~sum(1 << i for i, p in enumerate(patterns) if p is _NEVER)
            assert not _NEVER.search(text)
    assert screen.pick("abcd", 0b1010) == ["b", "d"]
    # the tagger keeps a taxonomy's screens from claim to claim: a list of topics changed
    # since (a topic left out, another taken in) is screened as it is now
    text = "The senator said the election and the ceasefire talks would wait."
    words = starts(text)

    def plain(kind: str) -> list:  # a topic without keywords of the kind finds nothing
        return [
            t
            for t in topics
            if getattr(t, kind) is not _NEVER and screen.may_find(getattr(t, kind), words)
        ]

    for kind in KINDS:
        assert _screened(topics, kind, (text,)) == plain(kind)
    dropped = next(t for t in topics if t in plain("pattern"))
    topics.remove(dropped)
    assert _screened(topics, "pattern", (text,)) == plain("pattern")
    assert dropped not in _screened(topics, "pattern", (text,))
    topics.insert(0, dropped)
    assert _screened(topics, "pattern", (text,))[0] is dropped
    assert _screened(list(topics), "pattern", (text,)) == plain("pattern")


def test_speaker_topics_are_the_same_with_and_without_the_screen(monkeypatch):
    from claimtrack.store.taxonomy import speaker_topics

    topics = load_taxonomy()
    mentions = [None, "", *SENTENCES]
    for topic in topics:
        for keyword in topic.keywords:
            if keyword.startswith("@"):
                word = keyword[1:].rstrip("*")
                mentions += [
                    f"a new {word} released on Monday",
                    f"{word.upper()} FIGURES",
                    f"Ann Holt, who trails in the {word}",  # after the comma: not the speaker
                ]
    screened = [speaker_topics(topics, m) for m in mentions]
    monkeypatch.setattr(screen, "heads", lambda _pattern: None)  # no screen: the plain search
    assert [speaker_topics(topics, m) for m in mentions] == screened
    assert sum(bool(t) for t in screened) > 2


# keywords of every shape the tagger builds: a prefix, a plural, two words, a hyphen, a
# figure, a count, an acronym, an apostrophe, letters beyond ASCII, British spellings
ODD_KEYWORDS = [
    "election*", "vote", "tax", "the judge", "e-commerce", "5G", "# rebounds", "# assists",
    "CIA", "U.S. Senate", "bachelor's degree", "Côte d'Ivoire", "naïve*", "\u0130zmir",
    "organiz*", "labor", "fiber", "defense", "program", "colour", "a b c d e f", "x",
]  # fmt: skip


def test_heads_read_off_the_keywords_are_those_of_the_compiled_pattern():
    """The screens read a topic's heads off its keywords' alternatives, most without re's
    parser (``screen.Alternation``): for every pattern of the built-in taxonomy and for
    keywords of odd shapes they are the heads re's parse of the whole pattern gives."""
    patterns = [p for p in _patterns() if p is not _NEVER]
    patterns += [_alternation([k]) for k in ODD_KEYWORDS] + [_alternation(ODD_KEYWORDS)]
    for p in patterns:
        compiled = re.compile(p.pattern, p.flags)
        assert heads(p) == screen._source_heads(compiled.pattern, compiled.flags), p.pattern[:80]
    assert heads(_alternation(["a b c d e f"])) >= {"a b c ", "a-b-c-", "a  b c"}
    assert heads(_alternation(["naïve*"])) == {"na"}  # the head ends where ASCII does


def test_a_topic_pattern_is_compiled_only_when_a_text_may_start_its_keywords():
    """Building a taxonomy's screens compiles none of its patterns (they took about 0.7 s of
    every process); tagging a claim compiles those of the topics whose keywords' first
    letters start one of its words, and finds what it found before."""
    topics = load_taxonomy()
    calm = "The weather was fine and the picnic went ahead."
    for kind in ("pattern", "weak_pattern", "who_pattern", "speaker_pattern"):
        assert len(_screened(topics, kind, (calm,))) < len(topics) / 10
    kinds = [getattr(t, k) for t in topics for k in KINDS]
    assert not [p for p in kinds if p is not _NEVER and p.compiled is not None]
    text = "The senator said the election would be decided by turnout in three counties."
    found = tag(topics, text)
    compiled = {t.slug for t in topics if t.pattern.compiled is not None}
    assert "elections" in {slug for slug, _via in found} and "elections" in compiled
    assert 0 < len(compiled) < len(topics) / 4
    assert tag(load_taxonomy(), text) == found
