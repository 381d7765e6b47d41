"""Topic taxonomy (slug, label, keywords, parent) and the tagger that puts claims under topics.

The tagger is a pure function: a claim's content, quote and section heading in, the
matching topic slugs out. The taxonomy lives in the database (``topics`` table), seeded
from ``claimtrack/data/topics.toml`` (general news, built on the IPTC Media Topics) or a
user's file of the same format.

Topics form a tree (``parent``): asking for a topic includes its descendants. A keyword
starting with ``~`` is ambiguous ("~territor*", "~vote"): it counts only when a plain
keyword of the same topic or of another topic of the same tree (the same top-level
topic) is in the claim's words or heading, so one ambiguous word out of context tags nothing.
A keyword starting with ``~~`` says who or where ("~~senator*", "~~Washington"): only the
article gives it company (``agree``), never the claim's other words.
A keyword starting with ``@`` names a speaker whose claims are about the topic ("@poll" of
opinion polls: "a new poll" saying "Ann Holt leads by four points"): it is read only in the
speaker mention, before its first comma, and only for a claim the tagger and the article
give no topic (``article_topics``, via "speaker"); one that names a trade of one field
("@coach", "@epidemiologist") is read in the speaker's role too ("Jo Ray, the Harriers head
coach"), for a claim that says something and that the article's subject leaves with none.
A claim still with none that shares a word with the headline takes the article's subject, the
topic half of its claims carry from their own words (``article_subject``, via "article");
where two thirds of the claims carry its tree and the headline names it, so does a claim that
says something and names no one ("I almost died there" in a match report).
A keyword in a person's name, or in a description before one ("Democratic presidential
candidate Ann Holt"), says who rather than what about: it does not count; nor does one
describing a group of people ("cultural conservatives", "evangelical voters").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from claimtrack.errors import UserError
from claimtrack.names import first_name_gender
from claimtrack.store import screen
from claimtrack.words import UNCOMMON_STOP_WORDS, english_frequency, stop_words, words


class LazyPattern:
    """A regular expression compiled when first used, as re.compile(PATTERN, FLAGS) would be:
    a query by topic imports this module for the taxonomy and tags nothing, so the tagger's
    patterns are not compiled at import (issue 16: start-up). After its first use a method
    (``search``, ``finditer``...) is the compiled pattern's own, looked up directly."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        value = getattr(re.compile(*self._source), name)
        setattr(self, name, value)
        return value


T = TypeVar("T")
SLUG_RE = LazyPattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


AMBIGUOUS = "~"  # a keyword that needs company: see the module docstring
WHO = "~~"  # a keyword that says who or where: only the article gives it company
EXCLUDE = "!"  # text not to read for the topic: see the module docstring
SPEAKER = "@"  # a speaker whose claims are about the topic: see the module docstring
_NEVER = re.compile(r"(?!x)x")


# "The Economist", "The Surgeon" as a speaker: a publication's or a show's name, no trade
_TITLED = LazyPattern(r"\bThe\s+$")


@dataclass(frozen=True)
class TopicDef:
    slug: str
    label: str
    keywords: tuple[str, ...] = field(default=())
    parent: str | None = None
    code: str | None = None  # IPTC Media Topic qcode, e.g. "medtop:16000000"

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The plain keywords (and the label, unless it is also written as an ambiguous
        keyword: "~long-term solution" of a peace process is no plain keyword by its label
        either): one of them is enough."""
        plain = [k for k in self.keywords if not k.startswith((AMBIGUOUS, EXCLUDE, SPEAKER))]
        weak = {k.lstrip(AMBIGUOUS).lower() for k in self.keywords if k.startswith(AMBIGUOUS)}
        label = [] if self.label.lower() in weak else [self.label]
        return _alternation([*plain, *label])

    @cached_property
    def weak_pattern(self) -> re.Pattern[str]:
        """The ambiguous keywords: they count only next to a plain one of the same tree."""
        return _alternation([k[1:] for k in self.keywords if _kind(k) == AMBIGUOUS])

    @cached_property
    def who_pattern(self) -> re.Pattern[str]:
        """The keywords that say who or where more often than what about ("~~senator*",
        "~~Washington"): another claim's words are no company for them, only the article's
        (``agree``)."""
        return _alternation([k[2:] for k in self.keywords if _kind(k) == WHO])

    @cached_property
    def speaker_pattern(self) -> re.Pattern[str]:
        """The keywords of a speaker whose claims are about the topic ("@poll")."""
        return _alternation([k[1:] for k in self.keywords if _kind(k) == SPEAKER])

    def names_speaker(self, mention: str | None) -> bool:
        """A speaker keyword ("@poll") is in MENTION before its first comma: "a new poll
        released Monday", "exit polls", not "Ann Holt, who trails in the polls"."""
        head = (mention or "").split(",", 1)[0]
        return bool(head) and any(
            not (m.group(0)[:1].isupper() and _TITLED.search(head, 0, m.start()))
            for m in self.speaker_pattern.finditer(head)
        )

    @cached_property
    def name_pattern(self) -> re.Pattern[str]:
        """The keywords written with a capital ("FBI", "Supreme Court"): names, which count
        inside a person's name too ("FBI Director Ann Holt")."""
        return _alternation(
            [k.lstrip(AMBIGUOUS) for k in self.keywords if _is_name(k) and _kind(k) != SPEAKER]
        )

    @cached_property
    def exclude_pattern(self) -> re.Pattern[str]:
        """The exclusions: text they match is not read for this topic."""
        return _alternation([k[1:] for k in self.keywords if k.startswith(EXCLUDE)])

    def _readable(self, text: str) -> str:
        text = self.exclude_pattern.sub(lambda m: " " * len(m.group(0)), text)
        if "nvestigat" in text or "probe" in text or "look into" in text:
            text = _blank_groups(_ASKED_TO_INVESTIGATE, text)
        return text

    def matches(self, text: str | None) -> bool:
        """A plain keyword is in TEXT, outside the exclusions and people's names."""
        return self._finds(self.pattern, text)

    def weakly_matches(self, text: str | None) -> bool:
        """An ambiguous keyword is in TEXT, outside the exclusions and people's names."""
        return self._finds(self.weak_pattern, text)

    def names_who(self, text: str | None) -> bool:
        """A who-or-where keyword ("~~senator*") is in TEXT."""
        return self._finds(self.who_pattern, text)

    def _finds(self, pattern: re.Pattern[str], text: str | None) -> bool:
        if not text or pattern is _NEVER or not screen.may_match(pattern, text):
            return False  # the screen (store/screen.py): no keyword of PATTERN starts a word
        return next(self._spans(pattern, text), None) is not None

    def spans(self, text: str | None) -> list[tuple[int, int]]:
        """Where a plain keyword is in TEXT, outside the exclusions and people's names."""
        return list(self._spans(self.pattern, text))

    def _spans(self, pattern: re.Pattern[str], text: str | None) -> Iterator[tuple[int, int]]:
        if not text or not screen.may_match(pattern, text) or not pattern.search(text):
            return
        readable = self._readable(text)
        for m in pattern.finditer(readable):
            if (
                _follows_a_name(text, m.start())
                or _WHO_NOUN.match(text, m.end())
                or _immigration_status(text, m.start(), m.end())
                or _intention(text, m.start(), m.end())
                or _in_a_simile(text, m.start())
                or (
                    _IN_THE_RACE.match(text, m.end())
                    and m.group(0).split()[-1].lower() not in _SUBJECT_TITLES
                )
            ):
                continue  # "Ann Holt, the CEO of a bank", "cultural conservatives": who
            if self.name_pattern.fullmatch(m.group(0)):
                yield m.span()  # a name keyword counts inside a longer name
            elif (
                not _in_person_name(text, m.start(), m.end())
                and not _in_proper_name(text, m.start(), m.end())
                and not _titles_a_name(text, m.start(), m.end())
                and not _in_institution_name(text, m.start(), m.end())
            ):
                yield m.span()

    def names(self) -> set[str]:
        """Everything a user may type to mean this topic (lower case)."""
        return {
            self.slug.lower(),
            self.label.lower(),
            *(
                k.lower().lstrip(AMBIGUOUS).rstrip("*")
                for k in self.keywords
                if k[:1] not in (EXCLUDE, SPEAKER)
            ),
        }


# an investigation one government or leader is asked to open ("urged Ukraine to investigate
# Joe Biden", "pressed the Chinese government to probe ...") is political pressure, not police
# work: the verb is not read for any topic; "asked the FBI to investigate" keeps the FBI
_ASKED_TO_INVESTIGATE = LazyPattern(
    r"\b(?:urg|ask|press|pressur|push|lean|call|want|get|got|convinc|persuad)\w*"
    r"(?:\s+on)?\s+(?:(?:the|its|his|her|their|a)\s+)?"
    r"(?:(?:[A-Z][\w'’.-]*|government|president|prime\s+minister|leaders?|counterparts?)\s+){1,4}"
    r"to\s+(?:(?:open|launch|start|announce)\s+(?:an?\s+|the\s+)?)?"
    r"(investigat\w*|probe|probes|look\s+into)\b"
)


def _blank_groups(pattern: LazyPattern, text: str) -> str:
    """TEXT with the first group of every match of PATTERN blanked (its length kept)."""
    spans = [m.span(1) for m in pattern.finditer(text)]
    return _blank(text, spans) if spans else text


def _kind(keyword: str) -> str:
    """WHO, AMBIGUOUS, EXCLUDE, SPEAKER or "" (plain) for KEYWORD."""
    for kind in (WHO, AMBIGUOUS, EXCLUDE, SPEAKER):
        if keyword.startswith(kind):
            return kind
    return ""


def _alternation(keywords: Sequence[str]) -> re.Pattern[str]:
    """One pattern for KEYWORDS, the word-edge checks hoisted out of the alternation (the
    engine then tries the keywords only where a word starts: about 10 times faster); compiled
    when first searched (``screen.Alternation``: a taxonomy's screens read its heads without
    compiling it, so a process compiles only the patterns its texts may match)."""
    # the longest first: "electoral college" is found whole, not as "electoral"
    ordered = sorted((k for k in keywords if k.strip()), key=lambda k: -len(k.strip()))
    terms = [_keyword_body(k) for k in ordered]
    if not terms:
        return _NEVER
    # the keywords that start with a number ("# rebounds", "# assists") share one try of it:
    # the engine tries each keyword at every word start, and a number is a long alternation
    counted = [t[len(_NUMBER) :] for t in terms if t.startswith(_NUMBER)]
    if len(counted) > 1:
        terms = [f"{_NUMBER}(?:{'|'.join(counted)})"] + [
            t for t in terms if not t.startswith(_NUMBER)
        ]
    return screen.Alternation(terms, _WORD_END, re.IGNORECASE)  # type: ignore[return-value]


# a keyword ends where its word does, and not before a contraction's "n't": "won't" is no win
_WORD_END = r"(?!\w)(?!['’]t(?!\w))"


def keyword_regex(keyword: str) -> str:
    return rf"(?<!\w){_keyword_body(keyword)}{_WORD_END}"


# British and American spellings of one word: a keyword written one way matches the other
# ("defense" finds "defence", "organiz*" "organisation", "labor" "labour", "center" "centre",
# "program" "programme"); each pair is (a regex of the written form, its replacement)
_SPELLINGS = (
    (re.compile(r"(?<=\w{3})iz(?=e|a|i|$)"), "i[sz]"),  # organize, organization, organizing
    (re.compile(r"(?<=\w{3})is(?=e$|ation|ing|ed$)"), "i[sz]"),  # organise, organisation
    (re.compile(r"(?<=\w{3})yz(?=e|i|$)"), "y[sz]"),  # analyze, paralyzed
    (re.compile(r"(?<=\w{2})en[cs]e$"), "en[cs]e"),  # defense, licence, offense
    # labor, favour, behavior, honor (an agent noun's "-our" is no word: "actour")
    (re.compile(r"(?<=\w{3})ou?r$"), "ou?r"),
    # center/centre, fiber, liter, meter, theater, caliber
    (
        re.compile(
            r"(?:(?<=^cent)|(?<=^theat)|(?<=^calib)|(?<=^fib)|(?<=^lit)|(?<=^met))(?:er|re)$"
        ),
        "(?:er|re)",
    ),
    (re.compile(r"(?<=\w{3})gram(?:me)?$"), "gram(?:me)?"),  # program, programme
)


def _spellings(word: str) -> str:
    """WORD (a keyword's word, in small letters) as a regex that matches its other spelling."""
    for pattern, replacement in _SPELLINGS:
        m = pattern.search(word)
        if not m:
            continue
        return re.escape(word[: m.start()]) + replacement + _spellings(word[m.end() :])
    return re.escape(word)


# a "#" word of a keyword is a number, in figures or in words ("close # stores" finds "close 30
# stores", "close 1,200 stores", "close twenty-five stores", "close hundreds of stores")
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|several)"
)
# (the first digit spelled out: the screen, store/screen.py, reads a keyword's heads off it)
_NUMBER = rf"(?:[0123456789](?:[\d,.]*\d)?|{_NUMBER_WORD}(?:-{_NUMBER_WORD})?)(?:\s+of)?"


@cache
def _keyword_body(keyword: str) -> str:
    keyword = keyword.strip()
    prefix = keyword.endswith("*")
    parts = [w for w in re.split(r"[\s\-]+", keyword.rstrip("*")) if w]
    words = [_word_body(w) for w in parts]
    body = r"[\s\-]+".join(words)
    tail = r"\w*" if prefix else r"(?:s|es)?"
    if _is_acronym(keyword):
        return f"(?-i:{body}{tail})"  # "CIA" matches only in capitals
    return f"{body}{tail}"


def _word_body(word: str) -> str:
    if word == "#":
        return _NUMBER
    if word.islower() and word.isalpha():
        return _spellings(word)
    # an apostrophe, straight or curly in the keyword, matches either in the text ("bachelor's
    # degree" finds "bachelor’s degree"; "i'm on meth" finds "I’m on meth")
    return re.escape(word.replace("’", "'")).replace("'", "['’]")


def _is_name(keyword: str) -> bool:
    """A keyword written with a capital letter, an acronym included ("FBI", "Supreme Court")."""
    return keyword[:1] != EXCLUDE and any(ch.isupper() for ch in keyword)


# a capitalised word just before a match, and one just after it (a middle initial allowed)
_BEFORE = LazyPattern(r"(?<![\w'’.])([A-Z][a-z]+) $")
_AFTER = LazyPattern(r" (?:[A-Z]\. )?[A-Z][a-z]+(?!\w)")
_SENTENCE_START = LazyPattern(r"(?:^|[.!?:;]\s+|\n\s*)[\s\"“‘'(\[*•–—-]*$")


def _in_person_name(text: str, start: int, end: int) -> bool:
    """The capitalised word matched at START:END is part of a person's name: a surname after a
    first name ("media analyst Ken Doctor"), or a first name before a surname ("Hope Hicks said").
    A first name that starts a sentence may be a common word made capital: it does not count."""
    word = text[start:end]
    if not word[:1].isupper() or " " in word:
        return False
    before = _BEFORE.search(text, 0, start)
    if before and first_name_gender(before.group(1)):
        if not _SENTENCE_START.search(text, 0, before.start()):
            return True
    return bool(_AFTER.match(text, end) and first_name_gender(word))


# a title before a surname ("Mr. Singer", "Dr. Price"), a street's or a building's kind after
# its name ("Court Street", "Union Square"): the capitalised word between is a name
_HONORIFIC = LazyPattern(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Rev|Fr|Sir|Dame"
    r"|Lord|Lady)\.? $"
)
_PLACE_KIND = LazyPattern(
    r"(?: [A-Z][\w'’-]+){0,2}"  # "Trump International Golf Club", "Quicken Loans Arena"
    r" (?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Square|Plaza"
    r"|Place|Parkway|Highway|Bridge|Tower|Towers|Hall|Arena|Stadium|Club|Hotel|Casino|Resort)(?!\w)"
)
# a title written before a surname ("Ambassador Volker confirmed", "Sheriff Holt said"): the
# person, not the trade's subject (with a first name too, ``_titles_a_name`` finds it); a
# cleric's title ("Pope Francis", "Rabbi Holt") is left out: a cleric's words are more often
# about faith
_TITLE_BEFORE = LazyPattern(
    r"Ambassador|Judge|Justice|Sheriff|Detective|Officer|Inspector|Prosecutor|Coach|Doctor"
    r"|Nurse|Professor|General|Admiral|Chancellor|Commissioner|Superintendent|Senator"
    r"|Governor|Mayor|Secretary|Minister|Chairman|Chairwoman|President"
)
_SURNAME_AFTER = LazyPattern(
    r" (?!(?:Department|Ministry|Council|Court|Committee|Office|Corps|Service|Act|Day|Party"
    r"|League|Association|Union|Program|Programme)\b)[A-Z][a-z][\w'’-]*(?![\w'’-]| [A-Z])"
)


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """The one capitalised word matched at START:END is a surname after a title ("Mr. Singer
    loved the letter"), a title before a surname ("Ambassador Volker") or part of a street's or
    a building's name ("the church on Court Street", "the Quicken Loans Arena"): who or where,
    not what about. A keyword of several words ("Supreme Court") still counts."""
    word = text[start:end]
    if not word[:1].isupper() or " " in word.strip():
        return False
    if _TITLE_BEFORE.fullmatch(word) and _SURNAME_AFTER.match(text, end):
        return True  # "Ambassador Volker": a title, who
    return bool(_HONORIFIC.search(text, 0, start) or _PLACE_KIND.match(text, end))


# words of a description before a person's name ("Democratic presidential candidate Ann Holt",
# "his Republican rival, Ted Moss", "tax lawyer Ann Holt"): who, not what about
_TITLE_WORDS = (
    r"presidential|vice|candidates?|nominees?|rivals?|opponents?|challengers?|front-?runners?"
    r"|hopefuls?|contenders?|primary|senator|sen\.|rep\.|gov\.|governor|congress(?:wo)?man"
    r"|leader|chair(?:wo)?man|chair|president|party(?:'s|’s)?|national|committee|chief|director"
    r"|strategists?|operatives?|consultants?|pollsters?|donors?|activists?|lawmakers?|officials?"
    r"|spokes(?:wo)?man|aides?|advis[eo]rs?|staffers?|former|fellow|lawyers?|attorneys?"
    r"|analysts?|experts?|commentators?|writers?|correspondents?|reporters?|hosts?|anchors?"
    r"|secretary|minister|mayor|u\.s\.|state|house|senate"
)
_TITLE_THEN_NAME = LazyPattern(
    rf"(?:'s|’s)?(?:,?\s+(?:{_TITLE_WORDS}|[A-Z][a-z]+)){{0,3}},?\s+(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?"
    r"([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?[A-Z][a-z]"
)


_TITLE_WORD = LazyPattern(rf"(?:{_TITLE_WORDS})", re.IGNORECASE)


def _titles_a_name(text: str, start: int, end: int) -> bool:
    """The words matched at START:END describe the person named after them ("Democratic
    presidential candidate Ann Holt", "the Republican front-runner, Ted Moss"); a verb before
    a name ("vote for Ann Holt", "investigate Ann Holt") does not."""
    m = _TITLE_THEN_NAME.match(text, end)
    if not m or not first_name_gender(m.group(1)):
        return False
    between = re.findall(r"[A-Za-z][\w.-]*", text[end : m.start(1)])
    last = text[start:end].split()[-1]
    return bool(between or last[:1].isupper() or _TITLE_WORD.fullmatch(last))


# a description just after a person's name: "Ann Holt, the chief executive of a bank, ..."
_NAME_THEN_COMMA = LazyPattern(
    r"(?<![\w'’.])([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?[A-Z][\w'’-]+,\s+(?:the|a|an)\s+"
    r"(?:[\w'’.-]+\s+){0,3}$"
)


def _follows_a_name(text: str, start: int) -> bool:
    """The keyword at START is in a description just after a person's name, within four words
    of its comma ("Ann Holt, the CEO of a bank", "Ted Moss, a retired general, ..."): who,
    not what about."""
    m = _NAME_THEN_COMMA.search(text, max(0, start - 80), start)
    return bool(m and first_name_gender(m.group(1)))


# a group of people a keyword describes ("cultural conservatives", "the national security
# wing", "national-security analysts", "evangelical voters"), or one person's trade ("the
# shipping magnate", "an oil tycoon"): the word says which camp or trade someone belongs
# to, not what the claim is about (the group's own keyword still counts: "voters" is an
# election word; "Senate Republicans" is left alone, the Senate acts there)
_WHO_NOUN = LazyPattern(
    r"[\s-]+(?:conservatives|liberals|progressives|moderates|libertarians|hawks|doves|wings?"
    r"|analysts?|pundits|commentators|columnists?|correspondents?|reporters?"
    r"|voters|voting\s+bloc|magnates?|moguls?|tycoons?|heir(?:ess)?(?:es|s)?"
    r"|billionaires?|millionaires?|manager|chairman|chairwoman|spokes(?:wo)?man|spokesperson"
    # a field before a teacher's post ("an economics professor", "a political science
    # professor", "the music teacher"): whom the claim's speaker or subject is, not its matter
    r"|(?:science\s+|studies\s+)?(?:professors?|lecturers?|teachers?|instructors?))(?!\w)"
)


# a word of legality that says whether a person may stay in a country ("illegal immigrants",
# "living in the country illegally", "legal status", "legal permanent residents"): their
# immigration status, not crime or the law (a word of migration within a few words of it)
_LEGALITY = LazyPattern(r"(?:il)?legal(?:ly)?", re.IGNORECASE)
_MIGRATION = LazyPattern(
    r"\b(?:immigra\w*|migra\w*|aliens?|deport\w*|undocumented|status|residen\w*|border"
    r"|citizenship|(?:in|into|to)\s+(?:the|this|our)\s+(?:country|United\s+States|U\.\s?S\.?))",
    re.IGNORECASE,
)
STATUS_REACH = 40  # characters either side of a word of legality where migration is read


def _immigration_status(text: str, start: int, end: int) -> bool:
    """The word matched at START:END is a word of legality ("illegal", "legally") said of
    someone's immigration status: a word of migration is within STATUS_REACH characters."""
    if text[start] not in "iIlL" or not _LEGALITY.fullmatch(text, start, end):
        return False
    lo, hi = max(0, start - STATUS_REACH), min(len(text), end + STATUS_REACH)
    return _MIGRATION.search(text, lo, hi) is not None


# "plan" as an intention, not a policy: "has no plans to meet", "do not plan to attend", "he
# plans to run", a content that starts "plans to ..." (its subject outside it); "his plan to
# cut taxes", "a plan to build a wall" are plans (a determiner before them)
_PLAN = LazyPattern(r"plans?", re.IGNORECASE)
_INTENT_BEFORE = LazyPattern(
    r"(?:^|(?<![\w'’])(?:no|not|never|I|we|you|they|he|she|it|who|will|would|do|does|did|also"
    r"|still|now|may|might|could|should|must)\s+|n['’]t\s+)\W*$",
    re.IGNORECASE,
)
_TO_VERB = LazyPattern(r"\s+to\s+[a-z]")


def _intention(text: str, start: int, end: int) -> bool:
    """The word matched at START:END is "plan" or "plans" said of someone's intention ("no
    plans to meet", "they plan to vote"): a subject, a negation or an auxiliary before it, an
    infinitive after it."""
    plan = text[start] in "pP" and _PLAN.fullmatch(text, start, end)
    if not plan or not _TO_VERB.match(text, end):
        return False
    return _INTENT_BEFORE.search(text, max(0, start - 20), start) is not None


# a simile or a likeness: "the charity was run like a used car dealership", "he talks like a
# lawyer", "in the same way Olympic sprinters train, ...": the thing compared to is no subject of the claim. "Like"
# counts only after a verb of being or acting ("is like a", "talk like a", "just like a") or an
# adjective of a quality ("weak like our politicians", "tough like a soldier"), not
# where it lists an example ("measures like a ban on guns") or is a verb ("I'd like a vote")
_SIMILE = LazyPattern(
    r"(?:(?:\b(?:is|was|are|were|be|been|being|am|it['’]s|that['’]s|he['’]s|she['’]s|they['’]re"
    r"|you['’]re|I['’]m|act|acts|acted|acting|talk|talks|talked|talking|behave[sd]?|behaving"
    r"|treat|treats|treated|treating|run|runs|ran|running|just|much|exactly|almost"
    r"|weak|strong|tough|soft|smart|dumb|stupid|crazy|cold|hot|fast|slow|loud|quiet|brave"
    r"|cheap|dirty|clean|sick|mad|angry|happy|sad)"
    r"\s+[\"“‘']?like)|\bin\s+the\s+same\s+way(?:\s+(?:that|as))?)"
    r"\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
SIMILE_REACH = 60  # characters before a keyword where a simile's opening is read


def _in_a_simile(text: str, start: int) -> bool:
    """The keyword at START is the thing compared to in a simile ("was run like a used car
    dealership", "in the same way Olympic sprinters train"): what the claim is likened to,
    not what it is about."""
    lo = max(0, start - SIMILE_REACH)
    if "like" not in text[lo:start].lower() and "same way" not in text[lo:start].lower():
        return False
    return _SIMILE.search(text, lo, start) is not None


# a contestant a keyword describes ("his Democratic presidential challenger", "the Republican
# 2016 hopefuls", "state legislative candidates", "the Democratic White House contender"): the
# camp or office someone runs in, not what the claim is about (the race's own word still
# counts: "candidates" is an election word, and so does a word of the race, "a primary
# contender", ``_SUBJECT_TITLES``)
_IN_THE_RACE = LazyPattern(
    r"[\s-]+(?:(?:presidential|White\s+House|\d{4})\s+)?(?:candidates?|nominees?|contenders?"
    r"|hopefuls?|front-?runners?|frontrunners?|challengers?|rivals?)(?!\w)"
)


# an institution's name: a head word and capitalised words joined by "of", "for", "and"
_INSTITUTION = (
    r"(?:University|College|Institute|Department|Ministry|Centre|Center|Society|Commission"
    r"|Council|Foundation|Association|Academy|Agency|Bureau|School|Endowment)"
)
_CAP = r"[A-Z][\w'’.-]*"
_INSTITUTION_NAME = LazyPattern(
    rf"(?:{_CAP}\s+)*{_INSTITUTION}(?:\s+(?:of|for|on|and|the)(?:\s+(?:the|and))?\s+{_CAP})+"
    rf"(?:\s+{_CAP})*|(?:{_CAP}\s+)+{_INSTITUTION}"
)


def _in_institution_name(text: str, start: int, end: int) -> bool:
    """The one capitalised word matched at START:END is part of an institution's name ("an
    immunologist at the University of Leeds", "the Centre for Economic Research"): who or
    where, not what about. A keyword of several words ("department of justice") still counts."""
    word = text[start:end]
    if not word[:1].isupper() or " " in word.strip():
        return False
    lo = max(0, start - 80)
    for m in _INSTITUTION_NAME.finditer(text, lo, min(len(text), end + 80)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def _is_acronym(keyword: str) -> bool:
    letters = [ch for ch in keyword if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def tag(
    taxonomy: Sequence[TopicDef],
    content: str,
    quote: str | None = None,
    heading: str | None = None,
    frame: str | None = None,
    content_at: int | None = None,
    cue: str | None = None,
) -> list[tuple[str, str]]:
    """(slug, via) for every topic of the claim: via is "keyword" (its content or quote) or
    "heading" (a topical heading: the section is what "it" under "Military aid" is about);
    only when neither gives a topic,
    "sentence": a plain keyword in the rest of its sentence, the speaker left out (FRAME: "...
    said on the campaign trail"), for a claim with a subject of its own (``has_subject``): "the
    matter" after a debate is no claim about the election. Of the sentence's keywords only the
    nearest to the content counts (CONTENT_AT: where the content starts in FRAME, which keeps
    the sentence's offsets): a long sentence names other subjects further off ("to share a
    single currency" beside European defence). A claim with no topic and no subject of its own
    (a name, a pronoun: "Ted Moss", "her") takes those of a plain keyword of its CUE (the words
    that attribute it, channel left out: "endorsed" of "Ann Holt endorsed Ted Moss", "would vote
    for"), of CUE_WORDS words at most, and no ambiguous keyword in its words: the verb is all it
    says of what it is about ("charged with beautifying downtown" has words of its own, and
    "charged with" is no charge there; "voted against the bill" is no race: "~bill")."""
    nothing = borrows_nothing(content, quote)  # no heading or sentence topic lent to it
    lends = topical_heading(heading) and not nothing
    found = _own_topics(taxonomy, content, quote, heading if lends else None)
    subject = has_subject(content, quote)
    if any(via == "keyword" for via in found.values()):
        return list(found.items())
    if not subject and _short(cue) and not _weakly(taxonomy, content, quote):
        found.update(
            (t.slug, "keyword") for t in _screened(taxonomy, "pattern", (cue,)) if t.matches(cue)
        )
    if not found and frame and subject and not nothing:
        found = {slug: "sentence" for slug in _nearest(taxonomy, frame, content, content_at)}
    return list(found.items())


# a pronoun or an adverb beside a verb's -ing form ("acting now", "themselves operating", "it
# 'disqualifying'"): what is left of a clause, not a subject ("the timing", "mass shootings"
# and "school funding" are nouns: a determiner or a noun beside the -ing word)
_FRAGMENT_MATES = frozenset(
    "it them themselves himself herself itself ourselves yourself yourselves me us you him"
    " now then here there again too already still soon well even just".split()
)


# nouns of no domain: what happened, what was shown or held, how or when ("the timing", "a
# photo", "an incident", "the move", "their fingers", "proof"): a claim whose only such word is
# one of these names no subject, whatever its sentence is about; a noun of a field ("a
# slowdown", "that promise", "self-defense") or a second word ("legal status") says what about
# (learned on the first 240 PolNeAR train texts and the web pages of even index, round 24)
_EMPTY_HEADS = frozenset(
    "timing moment moments photo photos photograph photographs picture pictures image images"
    " selfie selfies incident incidents episode move moves step steps thing things stuff proof"
    " counter finger fingers hand hands flower flowers strength limb limbs loser losers goodbye"
    " fact facts idea ideas point points way ways".split()
)
# the words around such a noun that name nothing: determiners, possessives, pronouns
_FRAMING = frozenset(
    "a an the this that these those its his her their our my your such some any another every"
    " each all both whole entire same very many much own here there now then again him them"
    " it me us you".split()
)


def borrows_nothing(content: str, quote: str | None = None) -> bool:
    """The claim's own words (CONTENT, QUOTE) are a name alone ("Clinton", "Ted Moss": who,
    not what about), a fragment of a clause of two words ("to 'smile'", "acting now",
    "themselves operating") or a noun of no domain with its determiner ("the timing", "a
    photo", "him a loser", "Ann Holt's photo": ``_EMPTY_HEADS``): such a claim takes no topic
    from its section heading or its sentence (a heading on a party's history over "Clinton",
    a sentence's election over "to smile" or "a photo"); its own keywords still count.
    Learned on the first 240 PolNeAR train texts: 5 such borrowed tags wrong, 1 arguable,
    none right (round 23); the nouns of no domain, round 24."""
    texts = (content,) if quote and quote in content else (content, quote)
    tokens = [m.group(0) for text in texts for m in _TOKEN.finditer(text or "")]
    if not tokens:
        return False
    if all(t[0].isupper() for t in tokens):
        return True
    if len(tokens) <= 4 and _empty_head(tokens):
        return True
    if len(tokens) != 2 or any(t[0].isupper() for t in tokens):
        return False
    first, second = (t.lower() for t in tokens)
    if first == "to":
        return True
    for verb, mate in ((first, second), (second, first)):
        if (
            len(verb) > 5
            and verb.endswith("ing")
            and (mate in _FRAGMENT_MATES or mate.endswith("ly"))
        ):
            return True
    return False


def _empty_head(tokens: Sequence[str]) -> bool:
    """TOKENS are a noun of no domain (``_EMPTY_HEADS``) with only determiners, pronouns and
    whose it is ("Ann Holt's") around it."""
    rest: list[str] = []
    name: list[str] = []  # capitalised words, kept until a possessive tells whose they are
    for t in tokens:
        if t.lower() in _FRAMING:  # "The timing", "His photo" opening a sentence too
            rest += name
            name = []
            continue
        if t[0].isupper() and t != "I":
            name = [] if t[-2:] in ("'s", "’s") else [*name, t.lower()]
            continue
        rest += [*name, t.lower()]
        name = []
    rest += name
    return len(rest) == 1 and rest[0] in _EMPTY_HEADS


def _weakly(taxonomy: Sequence[TopicDef], content: str, quote: str | None) -> bool:
    """An ambiguous keyword ("~bill") is in the claim's CONTENT or QUOTE."""
    texts = (content, quote)
    return any(
        t.weakly_matches(x) for t in _screened(taxonomy, "weak_pattern", texts) for x in texts
    )


CUE_WORDS = 5  # words of a cue that may say what the claim is about ("held a favorable opinion of")


def _short(cue: str | None) -> bool:
    """CUE is a verb phrase of CUE_WORDS words or fewer ("endorsed", "would vote for"): a
    longer one runs over other matters ("was building software models to single out")."""
    return bool(cue) and len((cue or "").split()) <= CUE_WORDS


# a section heading that speaks to the reader or sells, rather than names a subject: a blog's
# first or second person ("My approach", "What your business needs"), a shop's deal ("$10 off",
# "Black Friday pricing", "the best gadgets"), a how-to step ("3. Practice mindfulness", "How to
# ..."), a link to another page ("Related: ..."); its words say little of the claims under it
_PERSONAL = (
    r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e['’](?:re|ve|ll)|[Oo]ur|[Oo]urs|us"
    r"|[Yy]ou|[Yy]ou['’](?:re|ve|ll)|[Yy]our|[Yy]ours)\b"
)
_DEAL = (
    r"[$£€]\s?\d|\d\s?%\s*off\b|\b(?:deals?|sales?|discounts?|coupons?|promo|bargains?|pricing"
    r"|prices?|bundle|free shipping|black friday|cyber monday|prime day|best(?!\s+(?-i:[A-Z]))|top\s+\d+|buy"
    r"|shop|reviews?|giveaway)\b"
)
_HOW_TO = (
    r"^\W*(?:(?:\d+|step\s+\d+|tip\s+\d+|#\d+)\s*[.):-]?\s+)?(?:how\s+to|ways\s+to"
    r"|(?:add|avoid|ask|be|build|buy|check|choose|consider|create|cut|define|do|don't|don’t|eat"
    r"|find|focus|follow|get|give|go|keep|know|learn|limit|look|make|max|pick|pinpoint|plan"
    r"|practi[cs]e|prepare|read|remember|save|set|start|stay|stop|take|think|track|try|use"
    r"|watch|write)\b(?![-'’]))"
    r"|^\W*(?:step|tip)\s+\d+|^\W*\d+\s+(?:ways|tips|tricks|hacks|steps|things\s+you)\b"
)
_LINK = r"^\W*(?:related|read\s+more|see\s+also|also\s+read|more|recommended|sponsored|advertisement)\b\s*[:|-]"
_NOT_TOPICAL = LazyPattern(rf"{_PERSONAL}|(?i:{_DEAL}|{_HOW_TO}|{_LINK})")


def topical_heading(heading: str | None) -> bool:
    """HEADING names what its section is about, as a news page's section heads do ("1.
    Russia-Ukraine Ceasefire", "Military aid"); a blog's first-person heading ("Confession
    time: I had to learn focus the hard way"), a heading that speaks to the reader ("Your
    go-forward plan"), a shop's deal ("$10 off headphones", "Some of the year's best gadgets"),
    a how-to step ("3. Practice mindfulness") or a link ("Related: ...") does not: a claim under
    it takes no topic from it."""
    return bool(heading) and not _NOT_TOPICAL.search(heading or "")


def _nearest(
    taxonomy: Sequence[TopicDef], frame: str, content: str, content_at: int | None
) -> list[str]:
    """The topics of the plain keywords of FRAME nearest to the claim's content (at
    CONTENT_AT, else found in FRAME, else right after it: a lead-in), in its clause: a
    keyword beyond a dash, a semicolon, a colon or a bracket is about another clause. A party
    or a camp (``_CAMP``) says who: nearest, it lends nothing, nor does a further keyword."""
    if content_at is None:
        found = frame.find(content)
        content_at = found if found >= 0 else len(frame)
    lo, hi = content_at, content_at + len(content)
    away: dict[str, int] = {}
    camp = len(frame) + 1  # the gap to the nearest party or camp word
    for t in _screened(taxonomy, "pattern", (frame,)):
        gaps = []
        for start, end in t.spans(frame):
            if _BREAK.search(frame[end:lo] if end <= lo else frame[hi:start]):
                continue
            gap = max(lo - end, start - hi, 0)
            if _CAMP.fullmatch(frame, start, end):
                camp = min(camp, gap)
            else:
                gaps.append(gap)
        if gaps:
            away[t.slug] = min(gaps)
    if not away or min(away.values()) > camp:
        return []
    best = min(away.values())
    return [slug for slug, gap in away.items() if gap <= best + NEAR]


# a party or a political camp named in the rest of the sentence says who acts or speaks ("in
# solidly Democratic states", "the Republican opponent", "traditional libertarians", "as the
# president traveled to Democratic Party fundraisers"), not what the claim is about: it lends
# no topic (in the claim's own words it still counts: "the Republican Party is split")
_CAMP = LazyPattern(
    r"(?:Democrat\w*|Republican\w*|GOP|DNC|RNC|conservatives?|liberals?|libertarians?"
    r"|progressives?|Tor(?:y|ies)|Labour|Lib\s+Dems?|Greens?)(?:\s+[Pp]art(?:y|ies))?",
    re.IGNORECASE,
)


# a clause break between a sentence's keyword and the claim: a dash, a semicolon, a colon
# or a bracket ("... oppose the tax; lower earners spend more of their income")
_BREAK = LazyPattern(r"[;:—–()\[\]]|\s-\s")
NEAR = 0  # characters by which a further keyword of the sentence may miss the nearest


SUBJECT_WORDS = 1  # uncommon words of its own a claim needs to borrow its sentence's topic
# words for a saying itself, not what it is about: "a tweet", "that comment", "details", "her
# remarks", "these accusations", "the subject at hand" name the claim's form; such a claim has no
# subject of its own to borrow a topic for
_SAYING = frozenset(
    "comment comments remark remarks tweet tweets retweet retweets statement statements detail"
    " details letter letters blog blogs advice interview interviews assessment assessments"
    " assertion assertions claim claims anonymity rumor rumors rumour rumours quote quotes"
    " quip quips post posts op-ed memo memos speech speeches allegation allegations accusation"
    " accusations criticism criticisms complaint complaints rhetoric subject".split()
)
# words that describe a person (``_TITLE_WORDS``: "the former mayor of the town", "both of his
# rivals", "a senator from Vermont") say who, not what about; a word of the subject among
# them still counts ("the presidential one", "before the primary")
_WHO_WORDS = frozenset(
    "billionaire billionaires mogul moguls magnate magnates tycoon tycoons".split()
)
_SUBJECT_TITLES = frozenset("presidential vice primary senate committee".split())
COMMON = 5.0  # Zipf frequency (wordfreq) from which a word is too common to say what about
_TOKEN = LazyPattern(r"[^\W\d_][\w'’-]*")


def has_subject(content: str, quote: str | None = None) -> bool:
    """The claim's own words say what it is about: SUBJECT_WORDS words or more that are no
    name (capitalised) and less common in general English than COMMON, a function word
    left out ("the legitimacy of the new chief justice", "the impact of stress"), nor a
    word for the saying itself (``_SAYING``: "a tweet", "her remarks"), nor one describing a
    person (``_says_who``: "the former mayor of the town", "both of his rivals"). "The world",
    "Donald Trump", "the matter", "several hundred", "doing anything wrong" or "that comment"
    have none: such a claim borrows no topic from its sentence.
    (wordfreq's list is read on first use; spaCy is not imported.)"""
    found: set[str] = set()
    for text in (content, quote):
        for m in _TOKEN.finditer(text or ""):
            if m.group(0)[0].isupper():
                continue
            found.update(
                w
                for w in words(m.group(0))
                if len(w) >= 3
                and w not in UNCOMMON_STOP_WORDS
                and w not in _SAYING
                and not _says_who(w)
                and english_frequency(w) < COMMON
            )
            if len(found) >= SUBJECT_WORDS:
                return True
    return False


def _says_who(word: str) -> bool:
    """WORD describes a person ("secretary", "rivals", "tycoon"), not a subject."""
    if word in _WHO_WORDS:
        return True
    return word not in _SUBJECT_TITLES and _TITLE_WORD.fullmatch(word) is not None


# a topic read outside the claim's own words: its sentence, its heading, its speaker
BORROWED = ("sentence", "heading", "speaker", "article")
COMPANY = 2  # other claims that must carry a topic for an ambiguous word alone to mean it


def agree(
    taxonomy: Sequence[TopicDef],
    tagged: Sequence[dict[str, str]],
    headline: str | None = None,
    ambiguous: Sequence[dict[str, str]] | None = None,
) -> list[dict[str, str]]:
    """The topics (slug -> via) of one article's claims, TAGGED in order, checked against
    the article: what the other claims carry from their own words, and its HEADLINE.

    A topic a claim only borrows (via its sentence or section heading) stays where the
    article agrees: another claim carries that topic (or one under it) from its own words,
    or the headline matches it. A topic the article speaks of once, outside any claim's
    words, is more often a passing word (an ad "campaign", a shop's "Politics" menu) than
    the claim's subject.

    A claim left with no topic takes those its own AMBIGUOUS words point to (see
    ``ambiguous_topics``: "~vote" without a plain keyword beside it) where the article
    gives them company: COMPANY other claims carry the topic from their own words, or the
    headline matches it; topics below the top level only (a broad one, "government",
    "economy", has company in any political story)."""
    under = _kept(taxonomy, "under", _under)
    in_headline = {
        t.slug for t in _screened(taxonomy, "pattern", (headline,)) if t.matches(headline)
    }
    own_by: dict[str, set[int]] = {}
    for i, found in enumerate(tagged):
        for slug, via in found.items():
            if via not in BORROWED:
                own_by.setdefault(slug, set()).add(i)

    def backed(slug: str, i: int, least: int = 1) -> bool:
        family = under.get(slug, {slug})
        if family & in_headline:
            return True
        return len(set().union(*(own_by.get(s, set()) for s in family)) - {i}) >= least

    out = [
        {slug: via for slug, via in found.items() if via not in BORROWED or backed(slug, i)}
        for i, found in enumerate(tagged)
    ]
    depth = _kept(taxonomy, "depths", _depths)
    for i, maybe in enumerate(ambiguous or ()):
        if not out[i]:
            out[i] = {
                slug: via
                for slug, via in maybe.items()
                if depth.get(slug, 0) >= 1 and backed(slug, i, COMPANY)
            }
    return out


def article_topics(
    taxonomy: Sequence[TopicDef],
    tagged: Sequence[dict[str, str]],
    words: Sequence[tuple[str, str | None]],
    headline: str | None = None,
    speakers: Sequence[str | None] | None = None,
    roles: Sequence[str | None] | None = None,
) -> list[dict[str, str]]:
    """``agree`` for one article's claims, TAGGED in order, whose own WORDS are (content,
    quote) each: the ambiguous keywords read only of claims with no topic of their own;
    then a claim still with none takes the topics its speaker mention (SPEAKERS, in order)
    names by a speaker keyword (``speaker_topics``); one still with none, the article's
    subject where it shares a word with the HEADLINE (``_on_the_articles_subject``); one still
    with none, the topics its speaker's role (ROLES, in order) names by a speaker keyword,
    where the claim says something (``says_something``: a coach's "that" is no match report):
    the article's subject, where it has one, is the narrower ("maritime disputes" in a story on
    a sea, where the defence secretary's role says "security")."""
    tagged = _in_the_articles_sense(taxonomy, tagged, words, headline)
    ambiguous = [
        {} if has_own(t) else ambiguous_topics(taxonomy, content, quote)
        for t, (content, quote) in zip(tagged, words, strict=True)
    ]
    out = agree(taxonomy, tagged, headline, ambiguous)
    for i, mention in enumerate(speakers or ()):
        if not out[i]:
            out[i] = speaker_topics(taxonomy, mention)
    out = _on_the_articles_subject(taxonomy, out, words, headline)
    for i, role in enumerate(roles or ()):
        if not out[i] and role and says_something(*words[i]):
            out[i] = speaker_topics(taxonomy, None, role)
    return out


SUBJECT_SHARE = 0.5  # of an article's claims that carry its subject from their own words
SUBJECT_LEAST = 3  # claims at least


def article_subject(taxonomy: Sequence[TopicDef], tagged: Sequence[dict[str, str]]) -> str | None:
    """The topic that SUBJECT_SHARE of an article's claims, TAGGED in order (SUBJECT_LEAST at
    least), carry from their own words (it or a topic under it): the narrowest such; none
    when the topics that qualify lie in two trees (a story on a firm's results and its
    lawsuit has no one subject)."""
    under = _kept(taxonomy, "under", _under)
    own = [{slug for slug, via in found.items() if via not in BORROWED} for found in tagged]
    least = max(SUBJECT_LEAST, SUBJECT_SHARE * len(tagged))
    backed = [slug for slug, family in under.items() if sum(bool(o & family) for o in own) >= least]
    top = roots(taxonomy)
    if len({top.get(slug, slug) for slug in backed}) != 1:
        return None
    depth = _kept(taxonomy, "depths", _depths)
    return max(backed, key=lambda slug: depth.get(slug, 0))


def headline_words(text: str | None) -> set[str]:
    """The words of TEXT that may name a subject: no function word ("the", "after"), none
    shorter than three letters, a plural as its singular ("plumes" -> "plume")."""
    return {
        w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        for w in words(text or "")
        if len(w) >= 3 and w not in stop_words()
    }


def _on_the_articles_subject(
    taxonomy: Sequence[TopicDef],
    tagged: list[dict[str, str]],
    said: Sequence[tuple[str, str | None]],
    headline: str | None,
) -> list[dict[str, str]]:
    """A claim left with no topic, with a subject of its own (``has_subject``) and a word of
    the HEADLINE in its own words (SAID: content, quote), takes the article's subject
    (``article_subject``), via "article": "the presence of geysers on Europa" under a
    headline on Europa's plumes in a story whose claims are about planetary science. A claim
    that shares no word with the headline (a thank-you, an anecdote) is left as it is, unless
    the subject is what the whole article is about (``_dominates``): then a claim with no
    topic that says something (``says_something``) and names no one (``impersonal``) takes it
    too ("I almost died there" in a match report). Nor unless the subject is a thing's
    (``_lends_to_its_claims``: half the claims carry it, the headline names it, its tree is
    none of NO_LENT_SUBJECT): then a claim with a subject of its own (``has_subject``), of
    LENT_WORDS words or more, that names no one takes it ("that keeps the mood up" in a markets story, "it no longer
    bothers me" in a patient's case report)."""
    if not headline or all(tagged):
        return tagged
    subject = article_subject(taxonomy, tagged)
    named = headline_words(headline)
    if subject is None or not named:
        return tagged
    checks: dict[str, bool] = {}  # ``_dominates`` and ``_lends_to_its_claims``, worked out once

    def dominant() -> bool:
        if "whole" not in checks:
            checks["whole"] = _dominates(taxonomy, subject, tagged, headline, said)
        return checks["whole"]

    def lent() -> bool:
        if "lent" not in checks:
            checks["lent"] = _lends_to_its_claims(taxonomy, subject, tagged, headline, said)
        return checks["lent"]

    def takes(content: str, quote: str | None) -> bool:
        own = has_subject(content, quote)
        if own and named & headline_words(f"{content} {quote or ''}"):
            return True
        if not says_something(content, quote) or not impersonal(content, quote):
            return False
        return dominant() or (own and _long_enough(content, quote) and lent())

    return [
        found or ({subject: "article"} if takes(content, quote) else {})
        for found, (content, quote) in zip(tagged, said, strict=True)
    ]


DOMINANT_SHARE = 2 / 3  # of an article's claims carrying its subject for every claim to share it
HEADLINE_SHARERS = 2  # claims carrying the subject's tree with a word of the headline
# trees whose subject is never lent to a claim with no word of it: a campaign story's headline
# names the race and most of its claims say something of politics, but its untagged claims
# are about the people in it (a quip, "that criticism", "the blame": on PolNeAR train with
# each text's first line as its headline, 2 or 3 of 8 right)
NO_WHOLE_ARTICLE_SUBJECT = frozenset({"politics"})


def _dominates(
    taxonomy: Sequence[TopicDef],
    subject: str,
    tagged: Sequence[dict[str, str]],
    headline: str,
    said: Sequence[tuple[str, str | None]],
) -> bool:
    """The article's SUBJECT is what the whole article is about, so that a claim with no
    topic and no word of the headline is about it too ("Sure enough, there they were,
    everywhere" in a story on a cell's discovery, "I almost died there" in a match report): the
    HEADLINE names a topic of its tree (``_headline_names``), and DOMINANT_SHARE of the claims,
    TAGGED in order (SUBJECT_LEAST at least), carry a topic of its tree from their own
    words, and the tree is none of NO_WHOLE_ARTICLE_SUBJECT. A story whose claims are about
    several things (a writer's work and family) has no such subject."""
    top = _kept(taxonomy, "roots", roots)
    tree = top[subject]
    if tree in NO_WHOLE_ARTICLE_SUBJECT:
        return False
    own = _carried(top, tree, tagged)
    if sum(own) < max(SUBJECT_LEAST, DOMINANT_SHARE * len(tagged)):
        return False
    return _headline_names(taxonomy, tree, own, headline, said)


# trees whose subject an article lends at half its claims (``_lends_to_its_claims``) to none
# of its claims: a story on people's affairs (a race, a trial, a war, a community) has
# untagged claims about the people in it (a reaction, a quip, "to act as well"), where the
# untagged claims of a story on a thing (a market, a disease, a product, a study, the climate)
# are about the thing. Learned on PolNeAR train with each text's first line as its headline
# and on the web pages of even index (docs/evaluation.md, round 22).
NO_LENT_SUBJECT = frozenset({"politics", "justice", "conflict", "society"})
TAGGED_SHARE = 2 / 3  # of an article's claims with a topic for its subject to be lent at half
LENT_WORDS = (
    3  # words of its own a claim needs to borrow a subject lent at half ("similar benefits")
)


def _long_enough(content: str, quote: str | None) -> bool:
    """The claim's own words (CONTENT, QUOTE) are LENT_WORDS words or more: a fragment
    ("similar benefits", "the program") says too little to take a subject its article lends at
    half its claims."""
    return len(_TOKEN.findall(f"{content} {quote or ''}")) >= LENT_WORDS


def _lends_to_its_claims(
    taxonomy: Sequence[TopicDef],
    subject: str,
    tagged: Sequence[dict[str, str]],
    headline: str,
    said: Sequence[tuple[str, str | None]],
) -> bool:
    """The article's SUBJECT (``article_subject``: half its claims, TAGGED in order, carry it
    from their own words) is a thing's, strong and single enough to lend to a claim of its own
    subject: the HEADLINE names a topic of its tree (``_headline_names``), the tree is none of
    NO_LENT_SUBJECT ("Markets Rally as Growth Slows" over a market analyst's "that keeps
    the mood up"), and TAGGED_SHARE of the claims have a topic already
    (a story whose claims are half about a match and half about a bakery and a bridge, which
    no topic names, is about more than the match)."""
    top = _kept(taxonomy, "roots", roots)
    tree = top[subject]
    if tree in NO_LENT_SUBJECT or sum(map(bool, tagged)) < TAGGED_SHARE * len(tagged):
        return False
    own = _carried(top, tree, tagged)
    return _headline_names(taxonomy, tree, own, headline, said)


def _carried(top: Mapping[str, str], tree: str, tagged: Sequence[dict[str, str]]) -> list[bool]:
    """Whether each claim of TAGGED (in order) carries a topic of TREE from its own words,
    not one it borrowed; TOP: each topic's top-level topic."""
    return [
        any(via not in BORROWED and top[slug] == tree for slug, via in f.items()) for f in tagged
    ]


def _headline_names(
    taxonomy: Sequence[TopicDef],
    tree: str,
    own: Sequence[bool],
    headline: str,
    said: Sequence[tuple[str, str | None]],
) -> bool:
    """The HEADLINE names the TREE: a topic of it by a plain keyword, or HEADLINE_SHARERS
    claims that carry it (OWN, in order) share a word with the headline ("Cells" of a story on
    tuft cells whose claims are about biology, SAID being each claim's content and quote)."""
    top = _kept(taxonomy, "roots", roots)
    named = _screened(taxonomy, "pattern", (headline,))
    if any(top[t.slug] == tree and t.matches(headline) for t in named):
        return True
    named_words = headline_words(headline)
    sharing = [
        carries and bool(named_words & headline_words(f"{content} {quote or ''}"))
        for carries, (content, quote) in zip(own, said, strict=True)
    ]
    return sum(sharing) >= HEADLINE_SHARERS


# a word for a person: a claim with one ("his job performance", "she would win") is about
# someone, which the article's subject says nothing of
_PERSON_WORDS = frozenset("he him his himself she her hers herself".split())


def impersonal(content: str, quote: str | None = None) -> bool:
    """The claim's own words name no one: no "he", "his", "she" or "her", and no capitalised
    word but "I" and a function word opening a sentence ("Ann Holt would win", "her rival Ted Moss", "that is
    his intent" are about a person; "it would scrap its production" is not). Learned on
    PolNeAR train with each text's first line as its headline: a campaign story's untagged
    claims are about the people in the race, whatever the headline names."""
    for text in (content, quote):
        for m in _TOKEN.finditer(text or ""):
            word = m.group(0)
            if re.split(r"['’]", word.lower())[0] in _PERSON_WORDS:  # "he's", "she’d"
                return False
            if word[0].isupper() and word != "I" and not _opens(text, m.start(), word):
                return False
    return True


def _opens(text: str, start: int, word: str) -> bool:
    """The capitalised WORD at START opens a sentence of TEXT and is a function word ("This
    is", "Before this", "It would"): a name that opens one ("Ann Holt would win") still names
    someone."""
    return word.lower() in stop_words() and _SENTENCE_START.search(text, 0, start) is not None


def says_something(content: str, quote: str | None = None) -> bool:
    """The claim's own words hold a word that is no name (capitalised), no function word
    and of three letters or more: "I almost died there" does, "that", "him Mike" or "NPR" do
    not (a claim of those says nothing to file under the article's subject)."""
    stop = stop_words()
    for text in (content, quote):
        for m in _TOKEN.finditer(text or ""):
            if m.group(0)[0].isupper():
                continue
            if any(len(w) >= 3 and w not in stop for w in words(m.group(0))):
                return True
    return False


def speaker_topics(
    taxonomy: Sequence[TopicDef], mention: str | None, role: str | None = None
) -> dict[str, str]:
    """The topics (slug -> "speaker") whose speaker keywords ("@poll") name the claim's
    speaker MENTION: what a poll says is where opinion stands ("a new poll" -> "Ann Holt
    leads by four points"); or the speaker's ROLE, where it names a trade of one field ("@coach"
    of sports coaching, "@epidemiologist" of public health: "Jo Ray, the team's coach" or the
    "he" who is that coach saying "we were the better side")."""
    head = (mention or "").split(",", 1)[0]
    if not head and not role:
        return {}
    trade = role_head(role)
    # only the topics whose speaker keywords the mention's or role's words may start
    heard = _screened(taxonomy, "speaker_pattern", [head, trade])
    return {
        t.slug: "speaker"
        for t in heard
        if t.names_speaker(mention) or (trade and t.speaker_pattern.search(trade))
    }


# where a role's own words end and what it is held at or about begins: "professor | of
# international studies", "director | for games at the software maker", "executive director | of
# a National Union of Nurses" (a nurses' union's director is no nurse)
_ROLE_TAIL = LazyPattern(
    r"\s+(?:of|at|for|in|on|with|from|to|under|who|whose|which|that|and|&)\s+|[,;:(]",
    re.IGNORECASE,
)


def role_head(role: str | None) -> str | None:
    """ROLE's own words, before what it is held at or about ("professor of law at a university"
    -> "professor"; "molecular microbiologist" stays whole): a trade named after "of" ("director
    of the Nurses' Union") is not the speaker's."""
    if not role:
        return None
    return _ROLE_TAIL.split(role, 1)[0].strip() or None


def _in_the_articles_sense(
    taxonomy: Sequence[TopicDef],
    tagged: Sequence[dict[str, str]],
    words: Sequence[tuple[str, str | None]],
    headline: str | None,
) -> list[dict[str, str]]:
    """A keyword the article uses in another sense elsewhere means that sense throughout: in a
    story about a state's anti-drug "ad campaign", "the campaign erred by hiding
    its message" is no election. A claim loses a topic it has from its own words when every
    keyword of that topic in the article's claims is a word the article also uses as the head
    of one of the topic's exclusions (the "campaign" of "ad campaign", not the "Republican" of
    "Republican voters", which says who), and the headline does not name the topic."""
    texts = [x for pair in words for x in pair if x] + ([headline] if headline else [])
    # each text with the exclusions that may find something in it (the screen: store/screen.py)
    excluding = _screen(taxonomy, "exclude_pattern")
    screened = [(x, excluding.may_find(screen.starts(x))) for x in texts]
    out = [dict(found) for found in tagged]
    for i, topic in enumerate(taxonomy):
        if topic.exclude_pattern is _NEVER or topic.matches(headline):
            continue
        # the head of an exclusion ("ad campaign", "trade war"): a campaign, a war of another kind
        elsewhere = {
            re.findall(r"\w+", m.group(0))[-1].lower()
            for x, bits in screened
            if bits >> i & 1
            for m in topic.exclude_pattern.finditer(x)
        }
        if not elsewhere:
            continue
        users = [i for i, found in enumerate(tagged) if found.get(topic.slug) == "keyword"]
        said = {x[a:b].lower() for i in users for x in words[i] if x for a, b in topic.spans(x)}
        if users and said and said <= elsewhere:
            for i in users:
                del out[i][topic.slug]
    return out


def has_own(found: dict[str, str]) -> bool:
    """A topic of the claim's own words is among FOUND (then ``agree`` reads no ambiguous
    words of it: callers may skip ``ambiguous_topics``)."""
    return any(via not in BORROWED for via in found.values())


def ambiguous_topics(
    taxonomy: Sequence[TopicDef], content: str, quote: str | None = None
) -> dict[str, str]:
    """The topics (slug -> "keyword") an ambiguous keyword of the claim's own words points
    to: by themselves they tag nothing (``tag``); the article may give them company
    (``agree``). A who-or-where keyword ("~~senator*") counts only in a claim with a subject
    of its own (``has_subject``): "a senator from Vermont" or "the campaign's staffers" say
    who, and the article's company makes them no claim about government."""
    who = has_subject(content, quote)
    texts = (content, quote)
    maybe = _screened(taxonomy, "weak_pattern", texts, "who_pattern" if who else None)
    return {
        t.slug: "keyword"
        for t in maybe
        if any(t.weakly_matches(x) or (who and t.names_who(x)) for x in texts)
    }


# how a claim reached its audience: in a frame it says how, not what about
_OUTLET = r"(?:CNN|MSNBC|CNBC|Fox(?:\s+News)?|NBC|ABC|CBS|NPR|PBS|C-SPAN|BBC|Bloomberg|Reuters)"
_NAMED = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*)*"
_CHANNEL = LazyPattern(
    r"\b(?:(?:told|telling|said\s+to|speaking\s+to|spoke\s+(?:to|with))\s+(?:\w+\s+){0,2}?"
    r"(?:reporters|journalists|media|press|television|radio|newspapers?|interviewers?)"
    r"|(?:in|on|via)\s+(?:an?|the|his|her|their|its|a\s+\w+)\s+"
    r"(?:e-?mails?|interviews?|tweets?|posts?|statements?|letters?|op-eds?|essays?|broadcasts?)"
    # ... and whom it was given to: "in an interview with The Washington Post"
    rf"(?:\s+(?:with|to|on)\s+(?-i:{_NAMED}))?"
    r"|(?:during|in)\s+(?:an?|the|his|her|their|its)\s+(?-i:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)"
    r"\s+(?:interviews?|broadcasts?|appearances?|town\s+halls?|forums?)"
    r"|e-?mailed|tweeted|texted|posted\s+on\s+\w+"
    # where it was said: "she told a crowd on the campaign trail that ..." (a campaign of its
    # own, "his speeches on the campaign trail", still counts)
    r"|(?:said|says|saying|told|telling|spoke|speaking|declared|remarked)(?:\s+\w+){0,2}?"
    r"\s+(?:on|along|from)\s+the\s+(?:campaign\s+trail|stump)"
    # a named channel or source: "according to CBS News", "told ABC's Ann Holt", "on CNN"
    rf"|(?:according\s+to|told|telling)\s+(?-i:{_NAMED})"
    rf"|(?:on|to|with)\s+[\"“‘']?(?-i:{_OUTLET})(?:['’]s)?)(?!\w)",
    re.IGNORECASE,
)


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[max(0, a) : max(0, b)] = " " * (max(0, b) - max(0, a))
    return "".join(chars)


def own_words(content: str, start: int, speaker: tuple[int, int] | None = None) -> str:
    """The claim's CONTENT (at document offset START) as the tagger reads it: the speaker
    mention inside it (a content that runs over its attribution: "..., Jo Ray, a Republican
    candidate, told CBS News") and the channel ("according to CNN", "said on Fox News") left
    out, for they say who and where, not what about; so are the attributions between the pieces
    of a long quotation ("...,” Ann Holt said at a rally in Dayton. “...")."""
    text = _without_who(content, start, speaker)
    if '"' in text or "”" in text:
        text = _blank(text, _interjections(text))
    return text


def _without_who(text: str, start: int, speaker: tuple[int, int] | None) -> str:
    """TEXT (at document offset START) with the SPEAKER mention inside it and the channels
    blanked: the same length, the same offsets."""
    if speaker is not None and start <= speaker[0] <= speaker[1] <= start + len(text):
        text = _blank(text, [(speaker[0] - start, speaker[1] - start)])
    return _CHANNEL.sub(lambda m: " " * len(m.group(0)), text)


# an attribution between the pieces of a long quotation, or after its end ("... leave,” Ann
# Holt said at a rally in Dayton last month. “They cannot ...", "...,” she said on stage at the
# convention"): who spoke, where and when, not what about; a narration between two quotes
# ("..., adding that the plan would fail") is the claim's own and is read
_QUOTE_MARK = LazyPattern(r"[“”\"]")
_SAID = LazyPattern(
    r"\b(?:said|says|told|tells|added|adds|continued|asked|explained|noted|wrote|writes"
    r"|insisted|argued|declared|remarked|recalled|tweeted|joked|warned|according\s+to)\b",
    re.IGNORECASE,
)
# ... what the quotation is about ("Ted Moss said of waterboarding", "she said about the money
# spent against her"), or a narration ("adding that", "when the states voted", a sentence of
# its own): the claim's words, read
_NARRATES = LazyPattern(
    r"\b(?:that|adding|but|because|while|whether|of|about|regarding|referring|when|where|who|which)\b"
    r"|[.!?]\s+\S",
    re.IGNORECASE,
)
# the occasion it names: a rally, a convention, a debate, an appearance, an email ("said at a
# rally", "told a convention", "wrote in a fundraising email"); a place alone ("she said in the
# disputed region") may be what the quotation is about, and is read
_OCCASION = LazyPattern(
    r"\b(?:rall(?:y|ies)|convention|debate|fundraiser|town\s+hall|campaign\s+(?:event|stop)"
    r"|(?:news|press)\s+conference|victory\s+party|speech|appearance|interview|e-?mail"
    r"|statement|tweet|post|briefing|summit|hearing|meeting|visit|video|podcast|broadcast"
    r"|(?:conference|phone|video)\s+call|campaign\s+trail)s?\b"
    r"|\b(?:during|on|throughout|over|early\s+in|late\s+in)\s+the\s+campaign\b",
    re.IGNORECASE,
)
INTERJECTION_WORDS = 16  # words at most of an attribution between two pieces of a quotation


def _interjections(text: str) -> list[tuple[int, int]]:
    """The spans of TEXT between a closing quotation mark and the next opening one (or the
    end) that attribute the quotation ("” Ann Holt said at a rally in Dayton. “"): a verb of
    saying and its occasion, INTERJECTION_WORDS words at most, no narration ("that", "adding", "said of"). Straight
    quotes open and close in turn."""
    spans: list[tuple[int, int]] = []
    inside, closed_at = False, None
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group(0)
        if mark == "”" or (mark == '"' and inside):
            inside, closed_at = False, m.end()
            continue
        if closed_at is not None:
            spans.append((closed_at, m.start()))
        inside, closed_at = True, None
    if closed_at is not None:
        spans.append((closed_at, len(text)))
    return [(a, b) for a, b in spans if _attributes(text[a:b])]


def _attributes(between: str) -> bool:
    """BETWEEN, the words between two pieces of a quotation, attribute it ("Ann Holt said at a
    rally in Dayton."): a verb of saying and the occasion, few words, no narration nor
    what it is about."""
    return (
        _SAID.search(between) is not None
        and _OCCASION.search(between) is not None
        and len(between.split()) <= INTERJECTION_WORDS
        and _NARRATES.search(between.strip()) is None
    )


def frame_of(
    sentence: str, start: int, speaker: tuple[int, int] | None, content_start: int | None = None
) -> str:
    """The claim's sentence (starting at document offset START) without its speaker mention;
    when the speaker comes after the content (at CONTENT_START), only the lead-in before the
    content: the attribution after it ("..., she told reporters after the meeting") says who
    and where, not what about; nor does the channel ("told US media", "in an email")."""
    tail = speaker is not None and content_start is not None and speaker[0] > content_start
    if tail and start <= content_start <= start + len(sentence):  # "CONTENT, X told reporters"
        sentence = sentence[: content_start - start]
    # the frame keeps the sentence's offsets (what is left out is blanked): see ``tag``
    return _without_who(sentence, start, speaker)


def _screened(
    taxonomy: Sequence[TopicDef],
    kind: str,
    texts: Iterable[str | None],
    also: str | None = None,
) -> list[TopicDef]:
    """The topics of TAXONOMY, in order, whose KIND pattern ("pattern", "weak_pattern"...),
    or ALSO pattern, may find something in one of TEXTS (store/screen.py): the others'
    searches of them would find nothing. One screen of the texts for all the topics, not one
    a topic and text: a loop over the topics that finds nothing elsewhere may read these."""
    words = frozenset().union(*(screen.starts(x) for x in texts if x))
    bits = _screen(taxonomy, kind).may_find(words)
    if also is not None:
        bits |= _screen(taxonomy, also).may_find(words)
    return screen.pick(taxonomy, bits)


def _screen(taxonomy: Sequence[TopicDef], kind: str) -> screen.Screen:
    """The ``screen.Screen`` of the KIND patterns of TAXONOMY, in its order (built once: the
    heads' reader is in the key too, so a screen turned off, as a test does, is built anew).
    A topic with no keyword of that kind (``_NEVER``) is never screened in: most topics have
    no ambiguous or who-or-where keyword, and their searches would find nothing."""

    def build(topics: tuple[TopicDef, ...]) -> screen.Screen:
        return screen.Screen([getattr(topic, kind) for topic in topics], never=_NEVER)

    return _kept(taxonomy, (kind, screen.heads), build)


# what the tagger reads of a taxonomy as a whole (its screens, roots, depths), by what it is
# and the topics it is built of (``_BUILT``), and by what it is and the list the topics were
# given in (``_KEPT``: a process has one or two lists, given again for each claim), with that
# list, so that no other list takes its id meanwhile, and the topics it held then
_BUILT: dict[tuple[Hashable, tuple[TopicDef, ...]], Any] = {}
_KEPT: dict[tuple[Hashable, int], tuple[Sequence[TopicDef], tuple[TopicDef, ...], Any]] = {}


def _kept(
    taxonomy: Sequence[TopicDef], what: Hashable, build: Callable[[tuple[TopicDef, ...]], T]
) -> T:
    """``build(topics)`` of TAXONOMY's topics, built once per WHAT and topics: looked up by
    the list's id (a topic's hash reads all its keywords), else by the topics themselves."""
    topics = tuple(taxonomy)
    kept = _KEPT.get((what, id(taxonomy)))
    if kept is not None and kept[1] == topics:
        return kept[2]
    if len(_KEPT) >= 64:  # a few lists a process, times a dozen things
        _KEPT.clear()
        _BUILT.clear()
    built = _BUILT.get((what, topics))
    if built is None:
        built = _BUILT[what, topics] = build(topics)
    _KEPT[what, id(taxonomy)] = (taxonomy, topics, built)
    return built


def _own_topics(
    taxonomy: Sequence[TopicDef], content: str, quote: str | None, heading: str | None
) -> dict[str, str]:
    found: dict[str, str] = {}
    for topic in _screened(taxonomy, "pattern", (content, quote, heading)):
        if topic.matches(content) or topic.matches(quote):
            found[topic.slug] = "keyword"
        elif topic.matches(heading):
            found[topic.slug] = "heading"
    root = _kept(taxonomy, "roots", roots)
    present = {root[slug] for slug in found}
    # a heading's ambiguous word names a narrow subject of the claim's own tree: "Long-term
    # solutions" over a claim on territorial divisions
    own = {root[slug] for slug, via in found.items() if via == "keyword"}
    depth = _kept(taxonomy, "depths", _depths)
    # a topic can match weakly only where its ambiguous keywords pass the screen
    for topic in _screened(taxonomy, "weak_pattern", (content, quote, heading)):
        if topic.slug in found or root[topic.slug] not in present:
            continue
        if topic.weakly_matches(content) or topic.weakly_matches(quote):
            found[topic.slug] = "keyword"
        elif (
            depth[topic.slug] >= NARROW
            and root[topic.slug] in own
            and topic.weakly_matches(heading)
        ):
            found[topic.slug] = "heading"
    return _heading_fits(found, root, depth)


def _heading_fits(
    found: dict[str, str], root: dict[str, str], depth: dict[str, int]
) -> dict[str, str]:
    """A claim with topics of its own keeps those of its heading in the same trees, or a
    narrow one (two levels down: a ceasefire, sanctions): a broad heading says what its
    section is about, a claim under it may be about something else (a claim on a lawyer's
    role under "Military aid" is no claim about defence)."""
    own = {root[slug] for slug, via in found.items() if via == "keyword"}
    if not own:
        return found
    return {
        slug: via
        for slug, via in found.items()
        if via == "keyword" or root[slug] in own or depth.get(slug, 0) >= NARROW
    }


NARROW = 2  # a topic this far below its top-level topic names a narrow subject


def _depths(taxonomy: Sequence[TopicDef]) -> dict[str, int]:
    parent = {t.slug: t.parent for t in taxonomy}
    out: dict[str, int] = {}
    for slug in parent:
        up, seen = parent.get(slug), {slug}
        n = 0
        while up is not None and up in parent and up not in seen:
            seen.add(up)
            n += 1
            up = parent.get(up)
        out[slug] = n
    return out


def roots(taxonomy: Sequence[TopicDef]) -> dict[str, str]:
    """Slug -> the slug of its top-level ancestor (itself at the top)."""
    parent = {t.slug: t.parent for t in taxonomy}
    out: dict[str, str] = {}
    for slug in parent:
        top, seen = slug, {slug}
        while (up := parent.get(top)) is not None and up in parent and up not in seen:
            top = up
            seen.add(top)
        out[slug] = top
    return out


def _under(taxonomy: Sequence[TopicDef]) -> dict[str, set[str]]:
    """Slug -> the slugs of the topic and every topic under it."""
    return {t.slug: descendants(taxonomy, [t.slug]) for t in taxonomy}


def descendants(taxonomy: Sequence[TopicDef], slugs: Iterable[str]) -> set[str]:
    """SLUGS and every topic under them."""
    children: dict[str, list[str]] = {}
    for t in taxonomy:
        if t.parent:
            children.setdefault(t.parent, []).append(t.slug)
    out: set[str] = set()
    todo = list(slugs)
    while todo:
        slug = todo.pop()
        if slug not in out:
            out.add(slug)
            todo.extend(children.get(slug, ()))
    return out


def default_taxonomy_path() -> Path:
    from importlib import resources  # only when the file is read: a query reads none

    return Path(str(resources.files("claimtrack") / "data" / "topics.toml"))


def load_taxonomy(path: str | Path | None = None) -> list[TopicDef]:
    """Read a taxonomy file ([[topic]] tables with slug, label, keywords)."""
    import tomllib  # on first use: a query reads the taxonomy from the database

    path = Path(path) if path else default_taxonomy_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"--taxonomy {path}: no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"--taxonomy {path}: not valid TOML ({exc})") from None
    topics = []
    for i, item in enumerate(data.get("topic", []), start=1):
        slug = str(item.get("slug", "")).strip()
        if not SLUG_RE.match(slug):
            raise UserError(
                f"--taxonomy {path}: topic {i} needs a slug like 'ceasefire' (a-z, 0-9, -)"
            )
        keywords = item.get("keywords", [])
        if not isinstance(keywords, list):
            raise UserError(f"--taxonomy {path}: topic {slug}: keywords must be a list of strings")
        parent = item.get("parent")
        code = item.get("code")
        topics.append(
            TopicDef(
                slug,
                str(item.get("label") or slug),
                tuple(str(k) for k in keywords),
                str(parent) if parent else None,
                str(code) if code else None,
            )
        )
    if not topics:
        raise UserError(f"--taxonomy {path}: no [[topic]] entries")
    check_tree(topics, f"--taxonomy {path}")
    return topics


def check_tree(topics: Sequence[TopicDef], where: str) -> None:
    """Every parent is a topic of the same taxonomy, and no topic is its own ancestor."""
    slugs = {t.slug for t in topics}
    for t in topics:
        if t.parent is not None and t.parent not in slugs:
            raise UserError(f"{where}: topic {t.slug}: parent {t.parent!r} is not a topic there")
    parent = {t.slug: t.parent for t in topics}
    for t in topics:
        seen, up = {t.slug}, t.parent
        while up is not None:
            if up in seen:
                raise UserError(f"{where}: topic {t.slug} is its own ancestor; fix its parent")
            seen.add(up)
            up = parent.get(up)


def find_topics(taxonomy: Iterable[TopicDef], name: str) -> list[TopicDef]:
    """Topics a user means by NAME: the topic with that slug or label, case-insensitively;
    else the topics with that keyword."""
    key = name.strip().lower()
    topics = list(taxonomy)
    named = [t for t in topics if key in (t.slug.lower(), t.label.lower())]
    return named or [t for t in topics if key in t.names()]
