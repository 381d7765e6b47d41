"""Heuristic speaker resolution: names, titles, affiliations, surnames, pronouns, kinds."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from claimtrack.extract.roles import (
    ENTOURAGE,
    PERSON_ROLES,
    QUALIFIERS,
    STATES,
    definite,
    fits,
    initials,
    role_head,
    role_words,
    state_tag,
)
from claimtrack.extract.spans import columns, doc_text, entity_at, ids
from claimtrack.extract.types import ActorKind
from claimtrack.extract.wordlists import words as words_of
from claimtrack.names import (
    BYLINE_ROLES,
    MARKUP,
    PARTICLES,
    PRONOUN_GENDER,
    RANK_FIRST_NAMES,
    REFLEXIVES,
    Gender,
    compatible,
    first_name_gender,
    first_name_variants,
    fold,
    is_first_name,
    rare_first_name_gender,
    soft_first_name,
    surname,
    title_gender,
)
from claimtrack.words import english_frequency

FIRST_PERSON = frozenset({"i", "me"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "i", "me"})
KIN = frozenset(
    """
    father mother dad mom mum wife husband son daughter brother sister uncle aunt
    grandfather grandmother grandson granddaughter cousin nephew niece fiancé fiancée
    stepfather stepmother partner parents
    """.split()
)  # "my father", "his wife": a person the article may have named in that role
# a named person's close kin, who takes their surname when named by a first name alone
SURNAME_KIN = frozenset("wife husband son daughter brother sister father mother".split())
# nouns for one person not named: as a subject ("My father died"), they may be whom "he" is
PERSON_NOUNS = KIN | frozenset(
    "man woman boy girl spokesman spokeswoman spokesperson aide official source person".split()
)
# a person's job: a name in apposition to one is a person's ("Jo Roe, a writer for ...")
PERSON_JOBS = PERSON_ROLES | PERSON_NOUNS | words_of("job_nouns")
BODIES = frozenset({"organization", "government", "media"})  # what "it" and "they" may be
# bodies a description may name that are in no other list: "The city sent a letter"
BODY_NOUNS = frozenset("city county town state website network newspaper paper".split())
PRONOUNS_ANY = PRONOUNS_PERSON | frozenset({"they", "we", "it", "you", "who", "which", "that"})

TITLE_WORDS = frozenset(
    """
    president vice prime minister deputy foreign defense defence secretary aide presidential
    senator sen sen. rep rep. representative gov gov. governor mayor mr mr. mrs mrs. ms ms. dr
    dr. chairman chairwoman chair spokesman spokeswoman spokesperson director chief adviser
    advisor ambassador general gen. gen lt. col. adm. judge justice speaker leader candidate
    nominee former press attorney commissioner chancellor king queen prince envoy official
    minister's congressman congresswoman state assistant executive ceo founder analyst
    strategist economist professor pastor rev. rev sheriff officer commander manager counsel
    democratic republican democrat gop presumptive frontrunner front-runner hopeful house
    senate majority minority whip interim acting national security council affairs
    councillor councilor councilman councilwoman inspector coach police detective captain
    colonel sergeant lieutenant major sir lord lady bishop archbishop cardinal pope rabbi imam
    superintendent principal trustee treasurer auditor economy finance interior health
    education environment agriculture trade labor labour justice energy transport chairperson
    head deputy-chief cmdr. capt. sgt. lt. maj. prof. prof pollster admiral rear assemblyman
    assemblywoman assemblymember alderman alderwoman
    """.split()
) | frozenset(
    # ranks as abbreviated, with or without their period ("Lt Gen", "Brig. Gen.", "Capt",
    # "AG" for an attorney general): a title, no part of the name
    """
    lt maj maj. brig brig. col capt cpt cpt. sgt cpl cpl. pvt pvt. cmdr cdr cdr. adm supt
    supt. insp insp. ag
    """.split()
)

# ranks and offices written short, before a surname alone as before a full name ("AG Mukasey",
# "Capt. Vale"); "Gen" without its period may be a first name ("Gen Nakatani"), not here
RANK_SHORT = frozenset(
    "ag lt lt. gen. maj maj. brig brig. col col. capt capt. cpt cpt. sgt sgt. cpl cpl. pvt "
    "pvt. cmdr cmdr. cdr cdr. adm adm. supt supt. insp insp.".split()
)

# a title written short that a reader would not know in a role ("Former AG" -> "Former
# Attorney General"); the ranks' usual short forms ("Lt. Gen.") stay as written
SHORT_TITLES = {"AG": "Attorney General"}

NATIONALITIES = {
    "russian": "Russia",
    "russia": "Russia",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "u.s": "United States",
    "united states": "United States",
    "chinese": "China",
    "china": "China",
    "ukrainian": "Ukraine",
    "ukraine": "Ukraine",
    "british": "United Kingdom",
    "u.k.": "United Kingdom",
    "uk": "United Kingdom",
    "french": "France",
    "france": "France",
    "german": "Germany",
    "germany": "Germany",
    "japanese": "Japan",
    "japan": "Japan",
    "indian": "India",
    "india": "India",
    "israeli": "Israel",
    "israel": "Israel",
    "iranian": "Iran",
    "iran": "Iran",
    "turkish": "Turkey",
    "turkey": "Turkey",
    "canadian": "Canada",
    "canada": "Canada",
    "mexican": "Mexico",
    "mexico": "Mexico",
    "italian": "Italy",
    "italy": "Italy",
    "spanish": "Spain",
    "spain": "Spain",
    "polish": "Poland",
    "poland": "Poland",
    "european": "European Union",
    "eu": "European Union",
    "saudi": "Saudi Arabia",
    "syrian": "Syria",
    "syria": "Syria",
    "egyptian": "Egypt",
    "korean": "South Korea",
    "north korean": "North Korea",
    "south korean": "South Korea",
    "australian": "Australia",
    "brazilian": "Brazil",
    "palestinian": "Palestine",
    "belarusian": "Belarus",
    "finnish": "Finland",
    "swedish": "Sweden",
    "dutch": "Netherlands",
    "hungarian": "Hungary",
    "vietnamese": "Vietnam",
    "pakistani": "Pakistan",
    "nato": "NATO",
}
# the other peoples' adjectives, from a word list ("mauritanian = Mauritania")
NATIONALITIES |= {
    key.strip(): country.strip()
    for line in words_of("demonyms")
    for key, country in [line.split("=")]
    if key.strip() not in NATIONALITIES
}

HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "mr", "mrs", "ms"})
# a form of address alone, no role: an appositive after the name gives the role instead
COURTESY_TITLES = (HONORIFICS - {"sen.", "rep.", "gov."}) | {"dr", "miss", "mx."}
MEDIA_WORDS = frozenset(
    """
    media outlet outlets newspaper newspapers news tv television channel
    broadcaster broadcasters reuters ap afp tass ria interfax bloomberg cnn fox nbc cbs abc bbc
    msnbc times post journal guardian tribune herald gazette magazine daily press xinhua
    reporter reporters journalist journalists correspondent
    """.split()
)
GOVERNMENT_WORDS = frozenset(
    """
    kremlin government ministry department administration white house pentagon cabinet
    parliament congress senate duma embassy state council commission agency office
    investigations
    """.split()
)
ORG_WORDS = frozenset(
    """
    campaign party committee company corporation inc. inc corp group organization
    organisation association union foundation institute university bank fund coalition
    team network court board center centre bloc
    """.split()
)
# the words that end a newspaper's name ("The Charlotte Observer"), only in a name
PAPER_NAMES = frozenset(
    "observer enquirer inquirer chronicle courier dispatch examiner sentinel globe "
    "politico politifact breitbart".split()
)
# a group of people a name is given to: "the Koch brothers", "Scott's family"
KIN_GROUPS = frozenset("brothers sisters siblings family families couple".split())
POLLS = frozenset({"poll", "polls", "survey", "surveys"})
# words before a poll's name that are none of it ("a new Quinnipiac poll")
NOT_POLL_NAME = frozenset({"new", "latest", "recent", "national", "opinion", "tracking"})
# the head nouns of a definite description that stands for a named organisation ("the
# campaign" for "the Trump campaign"), and for "newspaper" the last words of a paper's name
ORG_HEADS = frozenset(
    """
    campaign poll survey commission committee agency department company group organization
    organisation program programme coalition association foundation institute union bureau
    council newspaper paper fund court
    """.split()
)
# more heads of a description that stand for the one body the article names with that word
# in its name ("the chamber" for the "Riverton Chamber of Commerce"); for by_org only
NAME_WORD_HEADS = ORG_HEADS | frozenset(
    """
    chamber bank university college school board authority ministry society center centre
    league alliance federation corporation club church hospital museum
    """.split()
)
# a definite description of a firm ("the company", "the automaker") and the last words of
# names that are no firm's (a party, a campaign, a union, a school, a public body): by_company
FIRM_NOUNS = frozenset(
    """
    company firm corporation automaker carmaker chipmaker manufacturer retailer startup maker
    airline carrier insurer lender conglomerate
    """.split()
)
NO_FIRM_LAST = (NAME_WORD_HEADS - {"company", "corporation", "group", "bank", "fund"}) | frozenset(
    """
    party campaign administration republicans democrats gop caucus pac
    """.split()
)
# a description's head noun that is not in the names it stands for, and name words that
# make a body one of its kind: "the union" is the "Mine Workers of America" or the
# "Association of Flight Attendants", "the agency" the "Congressional Budget Office"
LABOUR_WORDS = frozenset("union unions workers brotherhood teamsters guild".split())
LABOUR_BODIES = frozenset("association federation alliance".split())  # "... of Teachers"
AGENCY_WORDS = frozenset(
    "agency office administration bureau service services investigations commission".split()
)
PAPER_WORDS = PAPER_NAMES | frozenset(
    "times post journal tribune herald gazette daily globe star register news".split()
)
# the last word of a body's name the parser missed ("the Lakeside Gazette"): see_org_names
_NAME_HEADS = ORG_WORDS | GOVERNMENT_WORDS | PAPER_WORDS | AGENCY_WORDS
# the same words, and the tags the passes over a whole paragraph look for, as spaCy's ids
# (spans.columns): those passes build a Token only for the few tokens that match
_ORG_HEAD_IDS = ids(ORG_HEADS)
_NAME_HEAD_IDS = ids(_NAME_HEADS)
_NOUN, _PROPN, _COMPOUND = (get_string_id(s) for s in ("NOUN", "PROPN", "compound"))
UNNAMED_HEADS = frozenset(
    """
    source sources official officials party parties people person analyst analysts expert
    experts observer observers critic critics diplomat diplomats insider insiders some many
    others other aide aides spokesman spokeswoman spokesperson someone one resident residents
    voter voters supporter supporters witness witnesses member members reports report
    """.split()
)

# the heads of an unnamed source that is one person ("a source", "an aide"), not many
ONE_UNNAMED = frozenset(w for w in UNNAMED_HEADS if not w.endswith("s")) - frozenset(
    "some many other one someone party people report".split()
)
# the heads of an unnamed person described by a job ("A nurse at the clinic, who ...,
# said"): whom a "she" after it is, not a person named before it
UNNAMED_JOBS = (words_of("job_nouns") | words_of("role_nouns")) - UNNAMED_HEADS
# what many of a story may share, or no trade: never a description's one named person
_SHARED_STANDINGS = frozenset(
    """
    ally associate boss colleague delegate fellow friend graduate guard head heir native
    neighbor neighbour rookie veteran widow student
    """.split()
)
# the heads of a definite description by trade or standing that stands for one named person
# ("The actress", "the retired surgeon"), beyond the offices of PERSON_ROLES: jobs, trades
# and epithets, and a few more nouns of a news story's people
TRADES = (
    UNNAMED_JOBS
    | words_of("epithets")
    | frozenset("anchor donor interviewer magnate moderator photographer physician".split())
) - (PERSON_ROLES | KIN | _SHARED_STANDINGS)

DOCUMENTS = words_of("source_documents") | frozenset(
    """
    ad video return transcript spot clip commercial advertisement brief submission complaint
    research data database account book memoir findings slide presentation story ruling
    """.split()
)
# where a document may be posted, for its owner's ("a document on the Roe campaign's website")
SITES = frozenset({"website", "site", "page", "blog", "feed"})
# documents that speak for a candidate's campaign when a person owns them ("a Jo Roe ad")
ADS = frozenset({"ad", "ads", "advertisement", "commercial", "spot"})
# kinds of document a definite description may stand for ("the spot" for "a new Roe ad")
DOCUMENT_FAMILY = {
    "ad": "ad", "advertisement": "ad", "commercial": "ad", "spot": "ad", "clip": "ad",
    "video": "ad", "study": "study", "report": "study", "analysis": "study",
    "research": "study", "findings": "study", "survey": "study", "statement": "statement",
    "release": "statement",
    "book": "book", "memoir": "book", "account": "account", "brief": "brief", "filing": "brief",
    "submission": "brief", "slide": "slide", "presentation": "slide",
    "article": "article", "story": "article", "column": "article", "editorial": "article",
    "data": "data", "datum": "data", "database": "data",  # the tagger's lemma of "data"
    "ruling": "ruling",  # a court's (not "decision": more often a choice than a paper)
}  # fmt: skip
# a country's armed forces, one body that speaks ("the US military said ... It
# said it was withholding the names")
ARMED_FORCES = frozenset("military army navy".split())
# the heads of a description of one body that speaks, named or not ("the club", "the
# ministry", "the report"): "it" after such an unnamed speaker is that body
UNNAMED_BODIES = (
    NAME_WORD_HEADS
    | ORG_WORDS
    | GOVERNMENT_WORDS
    | AGENCY_WORDS
    | FIRM_NOUNS
    | BODY_NOUNS
    | ARMED_FORCES
    | frozenset(DOCUMENT_FAMILY)
)
# verbs whose subject owns the document they take: "the RNC released an ad"
ISSUE_VERBS = frozenset(
    "have release issue publish unveil launch air run produce post put send file write".split()
)
# what a person says, written as a noun their possessive pronoun owns: "his only response was
# to say ..." is his to say -- the speaker is whom the pronoun stands for
SPEECH_NOUNS = frozenset(
    """
    response answer reply retort rejoinder remark comment explanation excuse argument pitch
    message promise pledge vow boast warning
    """.split()
)
# kinds of document that report what their author found: "the data" after "the Center said"
FINDINGS = frozenset({"data", "study", "ruling"})
DOCUMENT_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "another"})
# how far back (in sentences) a document named with its owner may stand for "the ad"
DOCUMENT_SENTENCES = 5
# an organisation's abbreviation written with dots ("the F.T.C."), its last dot dropped
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,}[A-Z]\.?$")
# (a comma that groups a number's digits, "40,000 adults", cuts nothing)
_CLAUSE = re.compile(r"(?<!\d),|,(?!\d{3}\b)|\(|\s[-–—]\s|\s(?:who|which|that|whose)\s")
_DET = re.compile(r"^(the|a|an)\s+", re.I)
# "multiple Russian media outlets" and "several Russian media outlets" are one speaker
_QUANTIFIER = re.compile(
    r"^(?:multiple|several|many|numerous|various|some|other|a number of|a few|a handful of"
    r"|two|three|four|five|six|seven|eight|nine|ten|a couple of|a dozen)\s+",
    re.I,
)


# an indefinite or quantified phrase names nobody in particular: "One Republican", "at least
# one Democrat", "a senior aide", "some voters"
_INDEFINITE = re.compile(
    r"^(?:at least |at most |more than |only |just )?(?:one|a|an|some|another|any|several|"
    r"many|few|two|three|four|five|a few|a couple of|a number of|dozens of|hundreds of)\s",
    re.I,
)
_HANDLE = re.compile(r"@\w+")
# description words an article's naming of the person may leave out: "the Republican
# presidential nominee" is its "Republican nominee Jo Roe"
SOFT_ROLE_WORDS = frozenset({"presidential", "presumptive", "likely", "eventual", "party"})
# words that stop the role written before a name: another's ("Trump's running mate")
_ROLE_STOP = frozenset({"punct", "cc", "conj", "prep", "case", "poss", "det", "appos"})


def group_name(text: str) -> str:
    """A group's name without its leading quantifier, unless that leaves one bare word
    ("multiple Russian media outlets" -> "Russian media outlets"; "various parties" stays)."""
    rest = _QUANTIFIER.sub("", text)
    return rest if len(rest.split()) >= 2 else text


@dataclass(slots=True)
class ResolvedActor:
    name: str | None
    kind: ActorKind
    role: str | None = None
    affiliation: str | None = None
    forms: list[str] = field(default_factory=list)
    gender: Gender | None = None


def companions(tok: Token) -> str | None:
    """The unnamed people joined to a name at TOK by their tie to it ("Jo Roe and her
    colleagues", "Roe and his team": "her colleagues"), else None."""
    for conj in tok.children:
        if conj.dep_ == "conj" and conj.pos_ == "NOUN":
            owner = [c for c in conj.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            if owner and owner[0].lower_ in ("his", "her", "their"):
                return f"{owner[0].lower_} {conj.lower_}"
    return None


@dataclass(slots=True)
class Seen:
    """An actor named at some place of a sentence (the document's SENT-th)."""

    actor: ResolvedActor
    sent: int
    weight: int  # 3: speaker or main subject; 2: another subject; 1: named elsewhere
    place: str  # the place, in words: "the subject of"
    plural: bool = False  # "officials", "Republicans"
    # a person the article brings in by an indefinite description of a job ("A nurse at the
    # clinic said", "One delegate said"), not a definite one that may stand for a name
    # ("the author knows"): whom a "he" or "she" after it is
    fresh: bool = False


SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# how well "he" or "she" fits a person of unknown gender ("Chris Doe", "Mr." nowhere): less
# than one of its gender, so that one wins when as salient, not when far less salient
UNKNOWN_GENDER_FIT = 0.75
# a "he" or "she" that fits nobody may be a person whom a soft first name gave the other
# gender, when that person is the speaker or main subject of its sentence or the one before
SOFT_NAME_SCORE = 1.5
# a "he" or "she" resolved to a person of unknown gender teaches their gender unless it was a
# guess: the person named far back (a score below this: a subject three sentences before) ...
GUESS_SCORE = 0.25
# ... or another person known to be of the pronoun's gender nearly as likely (this share)
GUESS_MARGIN = 0.8


# how many times likelier than the next the one person a description fits must be (two
# nominees named as speakers in two sentences running are only twice: left unresolved)
SALIENT_BY = 3
# how many times likelier than the one not named as kin a kin who shares a surname must be
# to be whom the surname alone stands for: a speaker a sentence after the other's last
KIN_SALIENT_BY = 2


def place(tok: Token, speaker: bool) -> tuple[int, str]:
    """How likely a pronoun later refers to whom TOK names, by its place: a claim's speaker
    or its main clause's subject most, another clause's subject or a subject's owner ("Jo
    Roe's plan failed") less, any other place (an object, after a preposition) least."""
    while tok.dep_ == "conj" and tok.head.pos_ == "PROPN":  # "Jo Roe and Al Poe said"
        tok = tok.head
    main = tok.dep_ in SUBJECTS and (
        tok.head.dep_ == "ROOT" or tok.head.dep_ == "conj" and tok.head.head.dep_ == "ROOT"
    )
    if speaker:
        return 3, "the speaker in"
    if main:
        return 3, "the subject of"
    if tok.dep_ in SUBJECTS:
        return 2, "a subject in"
    if tok.dep_ == "poss" and tok.head.dep_ in SUBJECTS:
        return 2, "the owner of a subject in"
    return 1, "named in"


def _indefinite(tok: Token) -> bool:
    """Whether the noun at TOK is brought in as someone new: "a", "an", "one" or "another"
    before it ("A nurse", "One California delegate")."""
    return any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another")
        for c in tok.children
    )


# a party tag closing a name in a list: "Mike Huckabee (R)"
_PARTY_TAG_END = re.compile(r"\s*\([^()]{1,12}\)\s*$")


def same_source(low: str, seen: Seen) -> bool:
    """Whether a speaker's pronoun LOW, whose likeliest antecedent is the unnamed source
    SEEN, is that source: one the article described as a claim's speaker, one body for
    "it" ("The club said ... It said"), one person by a source's noun for "he" or "she"
    ("A spokesman for the ministry said ... He added"); never a plural ("they": too
    often another group of people the article did not credit), a thing ("a page on
    health care"), or anyone only a subject ("the man ended up ...")."""
    if seen.place != "the speaker in" or seen.plural:
        return False
    head = fold(role_head(seen.actor.name or ""))
    if low == "it":
        return head in UNNAMED_BODIES
    return low in PRONOUNS_PERSON and (head in ONE_UNNAMED or seen.fresh and head in UNNAMED_JOBS)


def acronym(head: Token, text: str) -> bool:
    """Whether a mention that reads as a pronoun is a body's initials in capitals, a proper
    noun in a sentence not set in capitals ("according to WHO": the World Health
    Organization, not "who")."""
    text = text.strip()
    return (
        len(text) > 1
        and text.isupper()
        and head.pos_ == "PROPN"
        and any(ch.islower() for ch in head.sent.text)
    )


def pronoun_initials(tok: Token) -> bool:
    """A body's initials that spell a pronoun ("WHO", "IT"): a body, never a person."""
    return tok.lower_ in PRONOUNS_ANY | FIRST_PERSON and acronym(tok, tok.text)


def members(actor: ResolvedActor) -> list[str]:
    """The named people of a group of them ("Jo Roe & Al Poe"), else none."""
    forms = actor.forms
    named = actor.kind == "group" and len(forms) >= 2 and actor.name == " & ".join(forms)
    return list(forms) if named else []


def clean(s: str) -> str:
    return " ".join(s.replace("’s", "").split()).strip(" ,.;:\"“”'")


_PERSON_POSSESSIVE = re.compile(r"(?<=\w)['’]s(?!\w)")


def untitled(name: str) -> str:
    """A person's name the NER took with the titles before it, without them, when two words
    or more are left ("Treasurer Linda Okoro" -> "Linda Okoro"; "Lady Gaga" stays)."""
    words = name.split()
    n = 0
    while n < len(words) - 2 and words[n].lower() in TITLE_WORDS and words[n][:1].isupper():
        n += 1
    if len(words) - n == 2 and words[n].lower() in RANK_SHORT:
        n += 1  # "AG Mukasey", "Lt. Vale": an abbreviated rank before a surname
    return " ".join(words[n:])


def person_name(text: str) -> str:
    """A person's name as written, its possessive dropped whichever the apostrophe ("Jo
    Roe's", "Jo Roe’s" -> "Jo Roe"). Only for a person: an organisation's "'s" may be its
    name's ("McDonald's"; the store keeps it unless the article also writes it bare). An
    editor's brackets around a word are dropped, the word kept ("[Jo] Roe" -> "Jo Roe")."""
    return " ".join(_PERSON_POSSESSIVE.sub("", text).replace("[", "").replace("]", "").split())


def affiliation_of(words: list[str]) -> tuple[str | None, list[str]]:
    """Peel a leading nationality / country off title words."""
    if not words:
        return None, words
    for n in (2, 1):
        key = " ".join(words[:n]).lower()
        if len(words) >= n and key in NATIONALITIES:
            return NATIONALITIES[key], words[n:]
    return None, words


# the words of an office held for a country: its holder's country is its affiliation (a
# "Latvian journalist" has a nationality, no affiliation)
STATE_OFFICES = frozenset(
    """
    president premier minister secretary ambassador envoy chancellor king queen prince
    governor mayor senator lawmaker general commander official spokesman spokeswoman
    spokesperson aide adviser advisor diplomat prosecutor leader negotiator delegate
    """.split()
)


def role_of_country(role: str) -> tuple[str, str | None]:
    """An office that starts with a people's or a country's word, split into the role and
    the country ("Mauritanian foreign minister" -> ("foreign minister", "Mauritania")), when
    every word after it is a title's or in lower case ("American Enterprise Institute
    scholar" stays whole: a body's name) and one names an office of state. (ROLE, None)
    when it does not."""
    aff, rest = affiliation_of(role.split())
    if (
        aff is None
        or not all(w.lower() in TITLE_WORDS or w.islower() for w in rest)
        or not any(w.lower() in STATE_OFFICES for w in rest)
    ):
        return role, None
    return " ".join(rest), aff


def _is_name_tok(t: Token) -> bool:
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and (t.lower_ not in TITLE_WORDS or _first_name_gen(t) or _title_surname(t))
        and t.lower_ not in NATIONALITIES
    )


def person_ent_text(ent: Span) -> str:
    """A PERSON entity's text with the title word after it that is its surname ("Patty" of
    "Lt. Gov. Patty Judge", the NER stopping at the title word: "Patty Judge")."""
    doc = ent.doc
    if ent.end < len(doc) and _title_surname(doc[ent.end]):
        return doc[ent.start : ent.end + 1].text
    return ent.text


def _capitalised_name_word(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in TITLE_WORDS


def _title_surname(t: Token) -> bool:
    """A title word that ends a two-word name after a known first name ("Lt. Gov. Patty
    Judge", "Democrat Nora Judge"): the surname, as a title stands before a name, never as
    its last word. Not with another name word before the first name, nor a capitalised
    word after the title ("Nora Judge Kemp": the title before a name)."""
    doc = t.doc
    i = t.i
    return (
        0 < i
        and t.text[:1].isupper()
        and not t.text.endswith(".")
        and _capitalised_name_word(doc[i - 1])
        and doc[i - 1].ent_type_ == "PERSON"
        and is_first_name(doc[i - 1].text)
        and (i < 2 or not _capitalised_name_word(doc[i - 2]))
        and (i + 1 >= len(doc) or not (doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha))
    )


# ranks of the forces, whole or short: "Gen" after one is the rank "General" ("Lt Gen Vale")
MILITARY_RANKS = frozenset(
    """
    general gen gen. lieutenant lt lt. major maj maj. brigadier brig brig. colonel col col.
    admiral adm adm. rear vice captain capt capt. commander cmdr cmdr. cdr cdr. sergeant sgt
    field marshal retired ret. former
    """.split()
)


def _first_name_gen(t: Token) -> bool:
    """ "Gen" without its period between a civilian office and a surname alone ("Defence
    Minister Gen Nakatani"): a first name, where the rank "General" would not follow an
    office; after a rank ("Lt Gen Vale") or alone ("Gen Vale") it stays the rank."""
    doc = t.doc
    return (
        t.text in RANK_FIRST_NAMES
        and 0 < t.i < len(doc) - 1
        and doc[t.i - 1].lower_ in TITLE_WORDS
        and doc[t.i - 1].lower_ not in MILITARY_RANKS
        and doc[t.i - 1].text[:1].isupper()
        and doc[t.i + 1].pos_ == "PROPN"
        and doc[t.i + 1].text[:1].isupper()
        and (t.i + 2 >= len(doc) or doc[t.i + 2].pos_ != "PROPN")
    )


def _place_before_person(tok: Token, name_head: Token) -> bool:
    """A place's or a people's name right before a person's (the NER telling them apart):
    "to Britain Wen Tao", "U.S. Jo Roe"."""
    return name_head.ent_type_ == "PERSON" and tok.ent_type_ in ("GPE", "LOC", "NORP")


def _joins_name(doc: Doc, i: int) -> bool:
    """A hyphen inside a name ("Holtz-Eakin", "Jo-Renee"): no space on either side, a name
    word on both."""
    t = doc[i]
    return (
        t.text == "-"
        and not t.whitespace_
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and _is_name_tok(doc[i - 1])
        and _is_name_tok(doc[i + 1])
    )


def is_member_group(head: Token) -> bool:
    """Members of a party or a people, unnamed ("Republicans", "Oversight Committee
    Democrats", "many Americans"): a plural nationality or group noun."""
    return head.tag_ in ("NNPS", "NNS") and head.ent_type_ == "NORP"


def joint_owner(head: Token, conj: Token) -> Token | None:
    """The second owner of a thing two people own, which the parser reads as a person and a
    thing ("Roe and Poe's plan": "Roe" and "Poe's plan"): the name that owns CONJ, right
    after the "and" that follows HEAD; else None."""
    poss = next((c for c in conj.children if c.dep_ == "poss"), None)
    if conj.pos_ != "NOUN" or poss is None or poss.pos_ != "PROPN" or poss.i != head.i + 2:
        return None
    between = head.doc[head.i + 1]
    return poss if between.dep_ == "cc" and between.lower_ in ("and", "&") else None


def co_speakers(head: Token, first: str | None) -> list[ResolvedActor]:
    """The other named people of a mention that names several ("Sen. Jon Doe and Sen. Ann
    Roe", "Doe, Roe and Poe"): persons joined to its head by "and"."""
    out = []
    named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for owner_of, conj in [(h, c) for h in [head, *named] for c in h.conjuncts if c.i > h.i]:
        end = conj.idx + len(conj.text)
        if (owner := joint_owner(owner_of, conj)) is not None:  # "Roe and Poe's reaction"
            conj, end = owner, owner.idx + len(owner.text)
        elif conj.pos_ != "PROPN":  # "and his wife Michelle": a kin word and a name; "and
            # her finance director, Omar Haddad,": a job and a person's name
            name = next((c for c in conj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if name is None or conj.lower_ not in SURNAME_KIN and not _job_and_name(conj, name):
                continue
            end = name.idx + len(name.text)
        elif (body := _of_body(conj)) is not None:  # "Jo Roe and Al Poe of the Acme Center"
            end = body.right_edge.idx + len(body.right_edge.text)
        left = min(t.idx for t in conj.subtree if t.i <= conj.i)
        other = analyse_mention(conj, left, end)
        if (
            other.affiliation is None
            and (body := _of_body(owner_of)) is not None
            and body.i > conj.i
        ):
            # "Jo Roe and Al Poe of the Acme Center", "of" hung on the first: both are of it
            other.affiliation = _of_place_after(owner_of, len(doc_text(conj.doc)))
        if other.name and " " not in other.name and conj.lower_ in SURNAME_KIN and first:
            other.name = f"{other.name} {first.split()[-1]}"  # their kin's surname
            other.forms = [other.name]
        if other.kind == "person" and other.name and other.name != first:
            out.append(other)
    return out


def _job_and_name(job: Token, name: Token) -> bool:
    """Whether JOB, a conjunct of a named speaker, is a person's job with NAME, a person's
    name the NER reads, in apposition ("Jo Roe, and her finance director, Al Poe, said")."""
    return name.ent_type_ == "PERSON" and (job.lower_ in PERSON_JOBS or job.lower_ in UNNAMED_JOBS)


def document_owner(head: Token) -> Token | None:
    """The named author or owner a document speaks for: "a study by Professor Jane Roe",
    "the IMF report", "Smith's tax return", "an analysis released by the Energy Department",
    "a new ad from Jo Roe's campaign", "a document on the Roe campaign's website" (a proper
    noun, or a named person's campaign, before it, by, from or of it, or owning its site)."""
    if head.pos_ != "NOUN" or head.lower_ in ("poll", "polls", "post"):
        return None  # a poll is named as such ("the Quinnipiac poll"); "Post" is an outlet
    low = head.lemma_.lower()
    if low not in DOCUMENTS and head.lower_ not in DOCUMENTS and low not in TRIALS:
        return _lab_head(head)
    for child in head.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN" and child.i < head.i:
            if not is_month(child):  # "the April survey": a date, no owner
                return child
    if (agent := _agent(head)) is not None:  # "the analysis released by the Energy Department"
        return agent
    for child in head.children:
        inner = next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            if (obj := _named_object(child)) is not None:
                return obj
            if inner is not None and (owner := document_owner(inner) or _agent(inner)):
                return owner  # "a slide from a presentation Mr. Roe gave", "the transcript
                # of the hearing published by the Gazette"
        if child.dep_ == "prep" and child.lower_ == "on" and inner is not None:
            if inner.lower_ in SITES and (site := _site_owner(inner)) is not None:
                return site  # "a document on the Roe campaign's website"
        if child.dep_ == "relcl":  # "the speech Mrs. Roe delivered at ..."
            subj = next((g for g in child.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ == "PROPN" and subj.i > head.i:
                return subj
        if (where := _published_in(child)) is not None:
            return where
    return None


# trials whose results speak for who ran them: "tests by the Pixel Bench site found"
TRIALS = frozenset({"test", "experiment", "measurement", "benchmark"})
# a research group known by the scientist who heads it: "the laboratory of Jo Roe", "a
# research team led by Jo Roe" (a "team" or "group" only with "research" or "study" before it)
LABS = frozenset({"laboratory", "lab"})
RESEARCH_GROUPS = frozenset({"team", "group"})
RESEARCH_WORDS = frozenset({"research", "study", "science", "scientific"})


def _lab_head(head: Token) -> Token | None:
    """The named scientist a research group speaks for: the one whose laboratory it is ("the
    laboratory of Jo Roe, who ...") or who leads the team ("a research team
    led by her colleague Jo Roe"); None for any other noun, or when no one is named."""
    low = head.lemma_.lower()
    if low not in LABS and not (
        low in RESEARCH_GROUPS
        and any(
            c.dep_ in ("compound", "amod") and c.lower_ in RESEARCH_WORDS for c in head.children
        )
    ):
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return _named_object(child)
        if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head", "run"):
            by = next((g for g in child.children if g.dep_ in ("agent", "prep")), None)
            obj = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
            if by is not None and by.lower_ == "by" and obj is not None:
                # "led by her colleague Jo Roe": the name in apposition to a tie's noun
                named = obj if obj.pos_ == "PROPN" else None
                return named or next(
                    (g for g in obj.children if g.dep_ == "appos" and g.pos_ == "PROPN"), None
                )
    return None


# verbs that say where a document came out: "a study that appeared in the Harbor Journal"
PUBLISH_VERBS = frozenset({"appear", "publish", "print"})


def _published_in(clause: Token) -> Token | None:
    """The named outlet a clause on a document says it came out in ("that appeared in the
    Harbor Medical Journal", "published in The Lancet"): the outlet's head, else None."""
    if clause.dep_ not in ("relcl", "acl") or clause.lemma_.lower() not in PUBLISH_VERBS:
        return None
    prep = next((c for c in clause.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    obj = _named_object(prep) if prep is not None else None
    if obj is None or not names_outlet([t for t in obj.subtree if t.i <= obj.i]):
        return None
    return obj


def _agent(noun: Token) -> Token | None:
    """Who a participle after NOUN says made it, when named: "released by the Energy
    Department" -> Department."""
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        by = next((g for g in acl.children if g.dep_ in ("agent", "prep")), None)
        if by is not None and by.lower_ == "by" and (obj := _named_object(by)) is not None:
            return obj
    return None


def _site_owner(site: Token) -> Token | None:
    """The named owner of a website ("the Roe campaign's website"), else None."""
    poss = next((c for c in site.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    named = any(c.pos_ == "PROPN" and c.i < poss.i for c in poss.children)
    return poss if poss.pos_ == "PROPN" or named and poss.lower_ in ORG_HEADS else None


def _named_object(prep: Token) -> Token | None:
    """The object of PREP when it names someone: a proper noun, or a named person's
    campaign ("from Jo Roe's campaign")."""
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if obj is None:
        return None
    return obj if obj.pos_ == "PROPN" or campaign_actor(obj) is not None else None


# the full names of the US states ("washington" left out: mostly the capital)
STATE_FULL_NAMES = frozenset(n for n in STATES.values() if n != "washington")


def states_named(sent: Span, before: int) -> list[str]:
    """The US states a sentence names as places (the parser's GPE), before token BEFORE,
    once each, as written ("Florida", "West Virginia")."""
    found: dict[str, str] = {}
    for ent in sent.ents:
        name = " ".join(ent.text.split())
        if ent.label_ == "GPE" and ent.end <= before and fold(name) in STATE_FULL_NAMES:
            found.setdefault(fold(name), name)
    return list(found.values())


def cities_named(doc: Doc) -> list[tuple[Token, str]]:
    """The cities a paragraph names as such ("the city of Tucson"): each name's first token
    and the name as written ("Tucson"), in text order."""
    found = []
    for ent in doc.ents:
        city = ent.start >= 2 and [t.lower_ for t in doc[ent.start - 2 : ent.start]]
        # "of" and a capitalised name make a city's name whatever the parser took it for
        if ent.label_ in NAME_LABELS | {"LOC"} and city == ["city", "of"]:
            found.append((ent[0], " ".join(ent.text.split())))
    return found


def the_state(head: Token, text: str) -> tuple[ResolvedActor, str] | None:
    """The US state "the state" stands for: the one its own sentence names before it ("the
    2000 election in Ohio, when the state said ..."), else the one the sentence before it
    names; None when the mention is not "the state", or none or two such states are named
    there."""
    if " ".join(text.split()).lower() != "the state" or head.tag_ != "NN":
        return None
    names = states_named(head.sent, head.i)
    where = "in its sentence"
    if not names and head.sent.start > 0:
        names = states_named(head.doc[head.sent.start - 1].sent, head.sent.start)
        where = "in the sentence before it"
    if len(names) != 1:
        return None
    state = ResolvedActor(names[0], "government", forms=[names[0]])
    return state, f"the one state named {where}"


def document_issuer(head: Token) -> Token | None:
    """Who a document is said to come from in its sentence, when the document does not
    name them: the subject of the verb that issues it ("the RNC released an ad", "Jo Roe
    has a new campaign ad"), or of the verb it is the means of ("In a statement, the union
    said ...")."""
    verb = None
    if head.dep_ == "dobj" and head.head.lemma_.lower() in ISSUE_VERBS:
        verb = head.head
    elif head.dep_ == "pobj" and head.head.lower_ in ("in", "through", "via"):
        if head.head.head.pos_ in ("VERB", "AUX"):
            verb = head.head.head
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.pos_ == "PROPN" or campaign_actor(subj) is not None):
        return None
    return subj


def owned_by(document: Token) -> ResolvedActor | None:
    """Whom DOCUMENT speaks for by the owner it names, if it names one (see owner_of); with
    the owners of the documents joined to it, a group ("a complaint filed by the SEC and a
    complaint by Vermont")."""
    owner = document_owner(document)
    found = owner_of(document, owner) if owner is not None else None
    if found is None:
        return None
    more = [
        owner_of(c, o)
        for c in document.conjuncts
        if c.i > document.i and (o := document_owner(c)) is not None
    ]
    names = [a.name for a in [found, *more] if a is not None and a.name]
    if len(more) != len(names) - 1 or len(set(names)) < 2:
        return found
    name = " & ".join(dict.fromkeys(names))
    return ResolvedActor(name, "group", forms=[name])


def owner_of(document: Token, owner: Token) -> ResolvedActor | None:
    """Whom DOCUMENT speaks for, OWNER being the head of its owner's name: the name whole
    ("the Department of Harbor Safety"), a person's ad their campaign's, and several
    named owners together ("a study by Brindle University and the Harbor Institute"); a news
    story only by an outlet ("a Gazette article", not "the Okafor tax story"), else None."""
    owners = [owner, *(c for c in owner.conjuncts if c.i > owner.i and c.pos_ == "PROPN")]
    found = []
    for tok in owners:
        left = min(  # a conjunct starts at itself: "Jo Roe and Al Poe issued a statement"
            t.idx
            for t in tok.subtree
            if t.i <= tok.i and (t == tok or t.dep_ not in ("cc", "conj"))
        )
        end = max(mention_end(tok), _of_name_end(tok) or 0, tok.idx + len(tok.text))
        found.append(owner_actor(document, analyse_mention(tok, left, end)))
    if DOCUMENT_FAMILY.get(document.lemma_.lower()) == "article" and found[0].kind != "media":
        return None
    named = [f for f in found if f.name and f.kind != "unnamed"]
    if len(named) < 2 or len(named) != len(found):
        return found[0]
    name = " & ".join(dict.fromkeys(f.name or "" for f in named))
    return ResolvedActor(name, "group", forms=[name])


# the months' names; "May" is one only where the NER dates it (not "the May government")
MONTHS = frozenset(
    "january february march april june july august september october november december".split()
)
# an acronym: two to six capitals, dotted or not ("HPA", "F.T.C.")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,6})$")
# a web site's address written as its name ("harbour-news.com", "Kestrel.co.uk")
_SITE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|news|[a-z]{2})$", re.I)


# a comment widget's or share bar's buttons glued into the text ("Jo RoeFlagShareLikeReply"),
# and a post's time stamp glued to its heading's first word ("9:41PMMarsh Says ...")
_WIDGET_WORDS = r"(?:Flag|Share|Like|Reply|Report|Tweet|Email|Comment|Follow|Print|Save)"
_WIDGET = re.compile(rf"{_WIDGET_WORDS}{_WIDGET_WORDS}+")
_POST_STAMP = re.compile(r"\d{1,2}:\d\d\s?[AP]M(?=\s?[A-Z])")
_NAME_WORDS = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}")


def widget_name(found: ResolvedActor, text: str) -> ResolvedActor:
    """FOUND, unless a page's comment widget or share bar is glued into its name or its
    mention TEXT: then the name written after the post's last time stamp (a live blog's
    post heading, "9:41PM Marsh Says ..." -> "Marsh"), else no one."""
    if not (_WIDGET.search(found.name or "") or _WIDGET.search(text)):
        return found
    stamps = list(_POST_STAMP.finditer(text))
    after = _NAME_WORDS.match(text[stamps[-1].end() :].lstrip()) if stamps else None
    if after is None or _WIDGET.search(after.group()):
        return ResolvedActor(None, "unnamed")
    name = after.group()
    return ResolvedActor(name, "person", forms=[name])


def web_name(found: ResolvedActor, text: str = "") -> ResolvedActor:
    """FOUND, its name without a page's markup before it ('">Roe' -> "Roe"; nobody when
    no word is left: 'datetime="2016'), without a comment widget glued into it
    (`widget_name`, TEXT the mention as written), and a web site's address an outlet
    ("according to harbour-news.com")."""
    found = widget_name(found, text)
    if found.role and any(w in SHORT_TITLES for w in found.role.split()):
        role = " ".join(SHORT_TITLES.get(w, w) for w in found.role.split())
        found = replace(found, role=role)  # "Former AG" -> "Former Attorney General"
    if not found.name:
        return found
    if MARKUP.search(found.name):
        rest = clean(re.split(r'[<>="]', found.name)[-1])
        first = re.split(r"['’\s]", rest)[0].lower()
        if not rest[:1].isupper() or first in PRONOUNS_ANY | FIRST_PERSON:
            return ResolvedActor(None, "unnamed")  # 'datetime="2016', '">I'm': no one
        return ResolvedActor(rest, found.kind, found.role, found.affiliation, [rest])
    if found.kind == "person" and " " not in found.name and _SITE.match(found.name):
        return ResolvedActor(found.name, "media", forms=[found.name])
    return found


def is_month(tok: Token) -> bool:
    """TOK is a month's name ("April"), "May" only where the NER took it for a date."""
    return tok.lower_ in MONTHS or tok.lower_ == "may" and tok.ent_type_ == "DATE"


def owner_actor(document: Token, owner: ResolvedActor) -> ResolvedActor:
    """Whom a DOCUMENT speaks for, its OWNER found: the owner, but a person's ad is their
    campaign's ("a Jo Roe ad" -> "Roe campaign"), and an acronym the NER left untyped a
    body's ("the HPA filings": an agency's, no person's)."""
    if owner.kind == "person" and owner.name and _ACRONYM.match(owner.name):
        return ResolvedActor(owner.name, "organization", forms=list(owner.forms))
    if document.lemma_.lower() in ADS and owner.kind == "person" and owner.name:
        name = f"{owner.name.split()[-1]} campaign"
        return ResolvedActor(name, "organization", forms=[name])
    return owner


def undotted(name: str) -> str:
    """An organisation's abbreviation without its dots ("F.T.C" -> "FTC"), as it is
    usually written and searched for; any other name as it is."""
    return name.replace(".", "") if _DOTTED.match(name) else name


NAME_LABELS = frozenset({"PERSON", "ORG", "GPE"})


def antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head its clause modifies ("Trump, who
    said" -> Trump), else the name or noun right before it or its comma; for "who", a bare
    role after a preposition stands for the noun it qualifies ("the nominee for president,
    who" -> nominee), and a noun said of a subject stands for it ("Jo Roe is a pilot who"
    -> Jo Roe)."""
    clause, doc, i = pronoun.head, pronoun.doc, pronoun.i
    noun = None
    if pronoun.dep_ in SUBJECTS and clause.dep_ == "relcl" and clause.head.pos_ != "VERB":
        noun = clause.head
        last = _name_ending(doc, i - 1, whole=True) if i >= 2 and doc[i - 1].text == "," else None
        if last is not None and last in noun.conjuncts:
            noun = last  # "like Jo Roe, Al Poe and Ann Lee, who said": the nearest, Ann Lee
    elif i >= 2 and doc[i - 1].text == "," and doc[i - 2].pos_ in ("PROPN", "NOUN"):
        noun = _name_ending(doc, i - 1, whole=True) or doc[i - 2]  # "University of Ohio,"
    elif pronoun.dep_ in SUBJECTS:  # "the Dayton Fire Department which reported": no link
        noun = _name_ending(doc, i)
    if noun is not None and is_month(noun):
        return None  # "released the records in July, which showed": not the month
    if noun is not None and noun.pos_ == "PROPN" and noun.ent_type_ in ("", "NORP"):
        # "Latino and black voters, who": the plural noun the parser made its conjunct
        noun = next((c for c in noun.conjuncts if c.tag_ == "NNS" and c.i == i - 2), noun)
    if noun is not None and noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head  # "Jo Roe, now the party leader, who said": Jo Roe
    if noun is not None and pronoun.lower_ == "who":
        noun = _qualified(noun)  # a thing's "which" may well be about the bare noun
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return noun.head  # "Jo Roe, a lawyer for the Acme Group, who said": Jo Roe
        return predicated_of(noun) or noun  # "Jo Roe is a ferry captain who said": Jo Roe
    if noun is not None and pronoun.lower_ in ("which", "that"):
        body = predicated_of(noun)  # "the Harbour Board is a regulator that said": the board
        if body is not None and body.ent_type_ in BODY_LABELS:
            return body
    return noun


# the NER's labels of a body a "which"/"that" noun may be said of
BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})


def _common_noun(tok: Token) -> bool:
    """TOK is a common noun, or one in lower case the tagger took for a name ("xenophobe")."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.is_lower


def predicated_of(noun: Token) -> Token | None:
    """The subject a common NOUN is said of, as the attribute of "be" or one of a list of
    them ("Jo Roe is a pilot, critic and activist who" -> Jo Roe; "Jo Roe ... and is a pilot
    who" too), else None; a pronoun's (a cleft's "It is ... who") is none."""
    top = noun
    while top.dep_ in ("conj", "appos") and (_common_noun(top.head) or top.head.pos_ == "ADJ"):
        top = top.head  # up a list, which the parser may link by apposition and adjectives
    verb = top.head
    if not _common_noun(noun) or top.dep_ != "attr" or verb.lemma_ != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _name_ending(doc: Doc, end: int, whole: bool = False) -> Token | None:
    """The head of the name (a person's, an organisation's or a place's) that ends right
    before token END, if it ends in its head ("the Dayton Fire Department which") or WHOLE
    (a comma closes it: "the University of Dayton, which"), else None."""
    ent = next((e for e in doc.ents if e.end == end), None)
    if ent is None or ent.label_ not in NAME_LABELS or not whole and ent.root.i != end - 1:
        return None
    return ent.root


def mention_end(tok: Token) -> int:
    """Where the mention headed by TOK ends: with the name TOK heads ("University" of
    "the University of Dayton"), else with TOK."""
    ent = next((e for e in tok.doc.ents if e.root == tok and e.label_ in NAME_LABELS), None)
    return ent.end_char if ent is not None else tok.idx + len(tok.text)


def mention_start(tok: Token) -> int:
    """Where the mention headed by TOK starts: its name's first word (or its article) when
    TOK stands in a name, so that a misparsed clause before it stays out; else its left
    edge."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None:
        return tok.left_edge.idx
    first = ent.start - 1 if ent.start > 0 and tok.doc[ent.start - 1].dep_ == "det" else ent.start
    return max(tok.doc[first].idx, tok.left_edge.idx)


def _qualified(noun: Token) -> Token:
    """The noun a bare role after a preposition qualifies ("the nominee for president":
    nominee), else NOUN itself; a bare singular noun names a role, nobody in particular."""
    prep = noun.head
    bare = noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in noun.children)
    if noun.dep_ == "pobj" and bare and prep.dep_ == "prep" and prep.head.pos_ == "NOUN":
        return prep.head
    # "a lawyer for the Acme Group who": a body is no "who", the person's job is; a name's
    # last word stands for its head ("the head of the Fund for North Sea Peace, who")
    body = noun.pos_ == "PROPN" and noun.ent_type_ in ("ORG", "GPE", "NORP", "FAC")
    name = _name_head(noun) if body else noun
    prep = name.head
    if (
        body
        and name.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in ("for", "at", "with", "of")
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in PERSON_JOBS
    ):
        return prep.head
    return noun


_TOLD_ANEW = frozenset({"a", "an", "another", "one"})


def _holds_trade(role: str, trade: str) -> bool:
    """Whether a ROLE written for a person has the noun TRADE, or a word ending in it
    ("neurosurgeon" for "surgeon"), as its last word."""
    last = fold(role).replace("\u2019", "'").split()[-1:] or [""]
    word = re.sub(r"[^a-z-]", "", last[0])
    return word == trade or len(trade) >= 5 and word.endswith(trade)


def _name_head(tok: Token) -> Token:
    """The head of the body's name TOK stands in ("Peace" of "the Fund for North Sea Peace":
    Fund), else TOK."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.root if ent is not None and ent.label_ in BODY_LABELS | {"FAC"} else tok


def description_of(head: Token, text: str) -> str | None:
    """The role words of a definite description of one person: "The Indiana governor," ->
    "Indiana governor"; "the Republican" (one party member, singular) -> "Republican"."""
    phrase = cut_clauses(" ".join(text.split()))
    if head.pos_ == "NOUN":
        return definite(phrase) or _of_description(head, phrase.split())
    words = phrase.split()
    lone_member = head.ent_type_ == "NORP" and head.tag_ == "NNP" and len(words) == 2
    if _member_of_place(head):  # "the Kentucky Republican"
        return " ".join(words[1:])
    if words and words[0].lower() == "the" and title_only(words[1:]):
        return " ".join(words[1:])  # "the Attorney General": a title, no name
    return head.text if lone_member and words[0].lower() in ("the", "this") else None


def _of_description(head: Token, words: list[str]) -> str | None:
    """A definite description whose role word is followed by what it is of: "the chair of
    the party" -> "chair of the party", "the secretary of state" -> "secretary of state"."""
    k = next((i for i, w in enumerate(words) if w == head.text), None)
    if k is None or k + 1 >= len(words) or words[k + 1].lower() != "of":
        return None
    return " ".join(words[1:]) if definite(" ".join(words[: k + 1])) is not None else None


def is_personish(name_head: Token, name_toks: list[Token], np_toks: list[Token], words) -> bool:
    """Whether a named mention reads as a person's: named so by the NER, titled ("Mr."), the
    subject of a "who" clause, a title before it and no organisation's word in its noun
    phrase, or a known first name before a surname ("Ava Roe") the NER calls no place or
    organisation ("Wells Fargo"), or a person's job in apposition ("Jo Roe, a writer for
    ..."). An appositive's other words ("Jo Roe, the head of the Center for ...") tell
    nothing of the kind."""
    np_words = {t.lower_ for t in np_toks} | {t.lower_ for t in name_toks}
    if name_toks and name_toks[-1].lower_ in ORG_WORDS | GOVERNMENT_WORDS:
        # "the Central and East European Coalition"; "Ann Board" when the article says so
        return name_toks[-1].lower_ in ORG_WORDS and named_as_person(name_toks)
    first = name_toks[0].text if len(name_toks) in (2, 3) else ""
    return (
        name_head.ent_type_ == "PERSON"
        or bool(words & HONORIFICS)
        or any(
            c.dep_ == "appos" and c.lemma_.lower() in _APPOSED_PERSON for c in name_head.children
        )
        or (refl := _reflexive(name_head)) is not None
        and refl.lower_ in ("himself", "herself")
        or any(
            c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children)
            for c in name_head.children
        )
        or not (np_words & (GOVERNMENT_WORDS | ORG_WORDS))
        and any(
            t.lower_ in TITLE_WORDS and not _in_body_name(t, name_toks)
            for t in np_toks
            if name_toks and t.i < name_toks[0].i
        )
        or outlet_before([t for t in np_toks if name_toks and t.i < name_toks[0].i])[0] is not None
        or name_head.ent_type_ not in ("GPE", "NORP", "ORG", "FAC", "LOC")
        and not names_outlet(name_toks)
        and first_name_gender(first) is not None
        and not _team_name(name_head, name_toks)
        or _job_before_name(name_toks)
        or _named_after_agency(name_toks)
    )


def _named_after_agency(name_toks: list[Token]) -> bool:
    """Whether a name of two or three words, a known first name first, comes right after a
    title with its "of" and the agency's capitalised words ("Secretary of State Jo Roe",
    "Director of the Bureau Jo Roe"), whatever the NER made of it: the title's holder."""
    return (
        2 <= len(name_toks) <= 3
        and first_name_gender(name_toks[0].text) is not None
        and _after_title_of(name_toks[0].doc, name_toks[0].i)
    )


def _job_before_name(name_toks: list[Token]) -> bool:
    """Whether a person's job noun comes right before a name of two or three words with no
    body's word in it ("Pulitzer Prize-winning author Jo Roe", "talk show host Jo Roe"),
    whatever the NER made of the name (an organisation's, for a first name it did not
    know): a job is a person's."""
    if not 2 <= len(name_toks) <= 3 or name_toks[0].i == 0:
        return False
    before = name_toks[0].doc[name_toks[0].i - 1]
    words = {t.lower_ for t in name_toks}
    return (
        before.tag_ == "NN"
        and before.lemma_.lower() in PERSON_JOBS
        and not words & (ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS)
    )


# a person's job in apposition, or a star's ("Jo Roe, star of television's ...")
_APPOSED_PERSON = PERSON_JOBS | {"star"}


def _team_name(name_head: Token, name_toks: list[Token]) -> bool:
    """Whether a name of a place and a plural noun after "the" is a team's ("The Charlotte
    Panthers"), though the place's name is also a first name: "the" comes before no
    person's name, and a plural ends in "s" ("Panthers")."""
    low = name_toks[-1].lower_ if len(name_toks) >= 2 else ""
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in name_head.children)
    return the and low.endswith("s") and not low.endswith(("ss", "us", "is"))


_BODY_ENTS = ("ORG", "FAC", "GPE", "NORP", "LOC")


def _in_body_name(t: Token, name_toks: list[Token]) -> bool:
    """Whether a title word before a name is the first word of one body's name with it, to
    the NER, and the name opens with no first name: "National Grid", "Royal Mail" are no
    person "Grid" titled "National"."""
    last = name_toks[-1]
    if last.ent_type_ not in _BODY_ENTS or first_name_gender(name_toks[0].text) is not None:
        return False
    inside = last.doc[t.i + 1 : last.i + 1]
    return t.ent_type_ == last.ent_type_ and all(k.ent_iob_ == "I" for k in inside)


def _reflexive(head: Token) -> Token | None:
    """The emphatic reflexive set after a mention's head ("Roe herself said"), if any: no
    part of the name, and "himself" or "herself" is a person's sign."""
    return next((c for c in head.children if c.dep_ == "appos" and c.lower_ in REFLEXIVES), None)


def a_thing(name: Token) -> bool:
    """Whether a one-word name is a firm's, a brand's or a product's rather than a person's:
    no first name, and a noun of ``company_nouns`` in apposition to it ("Quorva, the app
    maker, said") or "its" and no "his" or "her" in the clause it is the subject of
    ("Quorva says its new phone ...")."""
    if first_name_gender(name.text) is not None:
        return False
    if any(c.dep_ == "appos" and c.lower_ in words_of("company_nouns") for c in name.children):
        return True
    if name.dep_ not in SUBJECTS:
        return False
    owners = {t.lower_ for t in name.head.subtree if t.dep_ == "poss" and t.pos_ == "PRON"}
    return "its" in owners and not owners & {"his", "her"}


def _firm_before(title_toks: list[Token], name_toks: list[Token]) -> bool:
    """Whether the words before a name end with a firm's noun and the name starts with no
    first name: "Global investment bank Harrow Stanley", "the carmaker Quorvex Motors"
    name a firm, not a person whose role is "bank"."""
    titles = [t for t in title_toks if t.dep_ != "punct"]
    if not titles or not name_toks or first_name_gender(name_toks[0].text) is not None:
        return False
    last = titles[-1].lower_
    return last in words_of("company_nouns") or last in ORG_WORDS


def _role_to_place_name(head: Token) -> ResolvedActor | None:
    """A person's role "to" or "of" a place whose name the parser ran on into the person's
    ("Westland's ambassador to Norland Pavel Rusk": one proper-noun chain, a first name
    inside it). The words from the first name on are the person; the role keeps the place,
    and the owner before the role is the affiliation. None for anything else."""
    if head.pos_ != "NOUN" or head.lower_ not in PERSON_ROLES:
        return None
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("to", "of")), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if pobj is None or pobj.pos_ != "PROPN" or pobj.ent_type_ != "PERSON":
        return None
    chain = [t for t in pobj.doc[pobj.left_edge.i : pobj.i + 1]]
    if not all(_is_name_tok(t) for t in chain):
        return None
    k = next((k for k in range(1, len(chain) - 1) if first_name_gender(chain[k].text)), None)
    if k is None:
        return None
    name = " ".join(t.text for t in chain[k:])
    role = f"{head.text} {prep.text} {' '.join(t.text for t in chain[:k])}"
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    gender = first_name_gender(chain[k].text)
    return ResolvedActor(name, "person", role, owner.text if owner else None, [name], gender)


def _owned_person(name: Token, name_toks: list[Token] | None = None) -> bool:
    """A person's name after a body's possessive ("Harbor Radio's Lind", the NER's PERSON;
    "The New Commonwealth's Ann Roe" the NER took whole for a place, when a known first
    name opens the two or three words after the possessive): the body is the person's
    affiliation, not part of the name."""
    if name_toks == [name] and name.ent_type_ != "PERSON" and _surname_after_body(name):
        return True
    owners = [
        c
        for c in name.children
        if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ != "PERSON"
    ]
    if not owners or name.ent_type_ == "PERSON":
        return bool(owners)
    toks = name_toks or []
    return (
        2 <= len(toks) <= 3
        and owners[0].i < toks[0].i
        and (first_name_gender(toks[0].text) is not None or _bare_name_after(owners[0], toks))
    )


def _plural_name(name_head: Token, name_toks: list[Token]) -> bool:
    """A capitalised plural the NER or a headline's capitals made a name ("Politicos call
    it ...", "Liberal Bigwigs Come Out Against ..."): the subject of a present-tense verb
    that agrees with no one person ("call", not "calls"), one phrase with no "and", its last
    word a plural's shape, no known first name opening it (issue 14)."""
    verb = name_head.head
    return (
        bool(name_toks)
        and name_toks[-1] == name_head
        and name_head.dep_ == "nsubj"
        and verb.tag_ == "VBP"
        and not any(c.dep_ in ("conj", "cc", "poss") for c in name_head.children)
        and name_head.text.endswith("s")
        and name_head.ent_type_ not in ("NORP", "ORG", "GPE")
        and first_name_gender(name_toks[0].text) is None
        and name_toks[0].lower_ not in ("i", "you", "we", "they")
    )


def _surname_after_body(name: Token) -> bool:
    """A surname alone right after a body's possessive, the body an acronym or the NER's
    organisation ("WKRB's Holt", an outlet's reporter the NER took for a body, or for part
    of the outlet's name): one capitalised word that is no body's or title word (issue 14)."""
    if name.i < 2 or name.doc[name.i - 1].tag_ != "POS":
        return False
    owner = name.doc[name.i - 2]  # the parser's "poss", or "nmod" after "according to"
    return (
        owner.head == name
        and owner.pos_ == "PROPN"
        # an acronym's possessive, or an organisation's before a word of another entity
        and (bool(_ACRONYM.match(owner.text)) or owner.ent_type_ == "ORG" and name.ent_iob_ != "I")
        and name.tag_ == "NNP"
        and name.text[:1].isupper()
        and name.text[1:].islower()
        and name.ent_type_ not in ("NORP", "PRODUCT", "WORK_OF_ART")
        and name.lower_ not in TITLE_WORDS | _NAME_HEADS | ORG_HEADS
    )


def _bare_name_after(owner: Token, toks: list[Token]) -> bool:
    """Whether the words after a body's possessive that the NER ran into the body's name are
    a name of two words and nothing but ("The Harbor Review's Jeet Vanlo", a first name
    the table does not know): no title, body or outlet word, the body's name of two words
    or more (issue 14)."""
    words = {t.lower_ for t in toks}
    return (
        len(toks) == 2
        and owner.ent_iob_ != "O"
        and owner.ent_type_ == toks[-1].ent_type_
        and owner.left_edge.i < owner.i
        and all(t.tag_ == "NNP" and t.text[:1].isupper() and t.text[1:].islower() for t in toks)
        and not words & (TITLE_WORDS | ORG_WORDS | GOVERNMENT_WORDS | MEDIA_WORDS)
    )


def names_outlet(name_toks: list[Token]) -> bool:
    """Whether a name is a news outlet's: "NBC News", "The Charlotte Observer"."""
    low = {t.lower_ for t in name_toks}
    return bool(low & MEDIA_WORDS or name_toks and name_toks[-1].lower_ in PAPER_NAMES)


def name_kind(name_toks: list[Token], ent: str, personish: bool) -> ActorKind:
    """The kind of a named mention that is no outlet: its last word tells an organisation or
    a government body ("Brookings Institution", "Justice Department"), else a person's
    signs, else the NER (a place is a government: "Russia said")."""
    last = name_toks[-1].lower_ if name_toks else ""
    if last in GOVERNMENT_WORDS:
        return "government"
    if last in ORG_WORDS:
        return "person" if named_as_person(name_toks) else "organization"
    if name_toks and ent != "PERSON" and _team_name(name_toks[-1], name_toks):
        return "organization"  # "The Charlotte Panthers"
    if len(name_toks) == 1 and pronoun_initials(name_toks[0]):
        return "organization"  # "according to WHO"
    if personish:
        return "person"
    if ent == "GPE":
        return "government"
    return "organization" if ent in ("ORG", "NORP") else "person"


def press_job(toks: list[Token]) -> int | None:
    """Where a job of the press office starts among title words ("White House Press
    Secretary", "press officer"): "press" before a title or job word is no outlet's name."""
    for i, t in enumerate(toks[:-1]):
        if t.lower_ == "press" and toks[i + 1].lower_ in TITLE_WORDS | PERSON_JOBS:
            return i
    return None


def named_as_person(name_toks: list[Token]) -> bool:
    """Whether a name whose last word is an organisation's ("Ann Board", "Ms. Bank", "Board")
    is a person's by its article's evidence: a form of address before it or before that
    word ("Ms. Board"), or a first name before that word in the article ("Ann Board") that
    has a gender and the same gender in a form of address before the word or in "he"/"she"
    opening the sentence after one where the full name is the subject. A guess by the first
    name alone is none: "Sierra Club", "Ford Foundation" stay bodies."""
    if not name_toks or not name_toks[-1].text[:1].isupper():
        return False
    before = name_toks[0].doc[name_toks[0].i - 1] if name_toks[0].i > 0 else None
    if len(name_toks) == 1 and before is not None and before.lower_ in COURTESY_TITLES:
        return True  # "Ms. Bank": a form of address is no body's
    if len(name_toks) > 2 or len(name_toks) == 2 and first_name_gender(name_toks[0].text) is None:
        return False
    return name_toks[-1].text in _people_by_evidence(name_toks[-1].doc)


_COURTESY_WORD = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.? (\w+)\b")


def _people_by_evidence(doc: Doc) -> frozenset[str]:
    """The capitalised words DOC shows as a person's surname (``named_as_person``): after
    a first name with a gender, the same gender in a form of address before the word or in
    "he"/"she" opening the sentence after one where the word is the subject. Worked out
    once per Doc, in one pass (it was a pass over the Doc for every name asked)."""
    found = doc.user_data.get("claimtrack.people_by_evidence")
    if found is not None:
        return found
    titles: dict[str, set[str]] = {}
    for m in _COURTESY_WORD.finditer(doc_text(doc)):
        titles.setdefault(m[2], set()).add(m[1])
    people = set()
    for k in range(len(doc) - 1):
        first, word = doc[k], doc[k + 1]
        if not (first.text[:1].isupper() and word.text[:1].isupper()) or word.text in people:
            continue
        if (gender := first_name_gender(first.text)) is None:
            continue
        if any(compatible(title_gender(t), gender) for t in titles.get(word.text, ())) or (
            word.dep_ in SUBJECTS and _next_sentence_pronoun(word) == gender
        ):
            people.add(word.text)
    found = doc.user_data["claimtrack.people_by_evidence"] = frozenset(people)
    return found


def _next_sentence_pronoun(tok: Token) -> Gender | None:
    """The gender of "he" or "she" opening the sentence after TOK's, else None."""
    end = tok.sent.end
    nxt = tok.doc[end] if end < len(tok.doc) else None
    return (
        PRONOUN_GENDER.get(nxt.lower_) if nxt is not None and nxt.lower_ in ("he", "she") else None
    )


def outlet_before(title_toks: list[Token]) -> tuple[str | None, list[Token]]:
    """An outlet named before a person's title, and the title left: "NBC News moderator"
    -> ("NBC News", [moderator]); "Fox News' " -> ("Fox News", []); none before a press
    office's job ("Press Secretary")."""
    run = []
    for t in title_toks:
        if t.pos_ != "PROPN" and t.tag_ != "POS":
            break
        run.append(t)
    names = [t for t in run if t.tag_ != "POS"]
    if not names or not names_outlet(names) or press_job(names) is not None:
        return None, title_toks
    if len(names) == len(run) and (end := _outlet_end(title_toks, len(run))) < len(run):
        return " ".join(t.text for t in run[:end]), title_toks[end:]  # a desk: the role's
    outlet = " ".join(t.text for t in names)
    return outlet, title_toks[len(run) :]


def _poll_by(poll: Token) -> Token | None:
    """The head of the name a poll is said to be by ("a poll by the Harbor Institute", "a
    poll conducted by ..." or "from ..."), else None."""
    if (agent := _agent(poll)) is not None:
        return agent
    preps = (c for c in poll.children if c.dep_ == "prep" and c.lower_ in ("by", "from"))
    return next((o for p in preps if (o := _named_object(p)) is not None), None)


def _joined(toks: Iterable[Token]) -> str:
    """Tokens as written, a space only where the text has one ("authority's", not
    "authority 's")."""
    toks = list(toks)
    return "".join(t.text + (t.whitespace_ and " ") for t in toks[:-1]) + (
        toks[-1].text if toks else ""
    )


def poll_actor(head: Token, np_toks: list[Token]) -> ResolvedActor | None:
    """A poll or survey: an organisation under its name when proper nouns name it ("a new
    Quinnipiac University poll" -> "Quinnipiac University poll"), else unnamed ("a poll")."""
    if head.lower_ not in POLLS:
        return None
    before = [t for t in np_toks if t.i < head.i]
    named = [t for t in before if t.pos_ == "PROPN" and not _not_poll_name(t)]
    if not named and (owner := _poll_by(head)) is not None:
        return owner_of(head, owner)  # "a poll by the Harbor Institute", as a survey by it
    if not named:
        role = clean(_joined(t for t in before + [head] if t.pos_ != "DET"))
        return ResolvedActor(role, "unnamed", role=role)
    doc = head.doc
    name = doc_text(doc)[named[0].idx : named[-1].idx + len(named[-1].text)]
    return ResolvedActor(clean(f"{name} {head.lower_}"), "organization")


def _not_poll_name(t: Token) -> bool:
    """A word before a poll's name that is none of it ("a new Quinnipiac poll"), unless it
    starts a place's name ("a New York Times poll")."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    place = t.text[:1].isupper() and nxt is not None and nxt.pos_ == "PROPN" and t.ent_type_ != ""
    return t.lower_ in NOT_POLL_NAME and not place


def campaign_actor(head: Token) -> ResolvedActor | None:
    """A named person's campaign, under the surname, as campaigns are named ("Donald Trump's
    campaign", "the Jo Roe campaign" -> "Trump campaign", "Roe campaign")."""
    if head.lower_ != "campaign":
        return None
    owner = next(
        (
            c
            for c in head.children
            if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
        ),
        None,
    )
    if owner is None or owner.i > head.i:
        return None
    return ResolvedActor(f"{clean(owner.text).split()[-1]} campaign", "organization")


def _body_named(name_head: Token, np_toks: list[Token]) -> bool:
    """Whether a proper name is a body's by its head word ("Chamber", "University",
    "Board"), written as no person's name is: before "of" and a proper noun ("Chamber of
    Commerce", whatever the NER says), or after "the" where the NER names nobody ("The
    Hollister Falls Chamber")."""
    if name_head.pos_ != "PROPN" or name_head.lower_ not in NAME_WORD_HEADS:
        return False
    doc, i = name_head.doc, name_head.i
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].pos_ == "PROPN":
        return True
    the = bool(np_toks) and np_toks[0].lower_ == "the" and np_toks[0].dep_ == "det"
    return the and name_head.ent_type_ == ""


def _org_name_toks(doc: Doc, name_toks: list[Token], start: int) -> list[Token]:
    """An organisation's name with the capitalised words before its last proper noun the
    name walk stops at: a nationality or "and" between them ("the Central and East European
    Coalition", not "Coalition")."""
    if not name_toks or name_toks[-1].lower_ not in ORG_WORDS | GOVERNMENT_WORDS:
        return name_toks
    out = list(name_toks)
    i = out[0].i - 1
    while i >= 0 and doc[i].idx >= start:
        t = doc[i]
        joins = t.lower_ in ("and", "&") and i > 0 and doc[i - 1].text[:1].isupper()
        if t.lower_ in COURTESY_TITLES or not (
            joins or t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ")
        ):
            break
        out.insert(0, t)
        i -= 1
    return out[1:] if out[0].lower_ in ("and", "&") else out


def _org_text(head: Token, text: str) -> str:
    """A named organisation's name without the lower-case words written before it ("the
    nonpartisan Commission on ...", "event organizer Alliance for ...")."""
    if head.pos_ != "PROPN":
        return text
    words = text.split()
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), 0)
    # "Global financial firm Harrow Bank": a sentence's first word, capitalised, then lower
    # case words that are no joining word of a name ("Commission on Presidential Debates")
    later = next((i for i in range(k + 1, len(words)) if words[i][:1].isupper()), None)
    if later is not None and later > k + 1 and all(w.islower() for w in words[k + 1 : later]):
        if not set(words[k + 1 : later]) & NAME_JOINERS:
            k = later
    return " ".join(words[k:])


# lower-case words inside an organisation's name: "Commission on Presidential Debates"
NAME_JOINERS = frozenset("of on for and the de du la le del at in to & von van".split())


def named_group(head: Token) -> ResolvedActor | None:
    """A group of named people: "the Koch brothers", "Scott's family" (a kin word after a
    name), "the Obamas" (a surname in the plural)."""
    if head.lower_ in KIN_GROUPS:
        name = next(
            (c for c in head.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"),
            None,
        )
        return ResolvedActor(f"{name.text} {head.lower_}", "group") if name is not None else None
    det = any(c.lower_ == "the" and c.dep_ == "det" for c in head.children)
    plural = head.text.endswith("s") and head.text[:-1].istitle() and len(head.text) > 3
    if det and plural and head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
        return ResolvedActor(head.text, "group")
    return None


# how a plural noun for people ends ("supporters", "loyalists", "allies", "fans"), unlike a
# verb's third person ("avoids", "demands")
GROUP_ENDINGS = ("ers", "ors", "ists", "ants", "ents", "ies", "ans", "ees", "ives", "ss")
# the words that give examples of a plural description: "Critics, like Senators Jo Roe and ..."
_EXAMPLES = re.compile(r",\s*(?:like|including|such as|among them)\s")
# a nickname in quotes inside a name: Marcia "Cia" Price
_NICKNAME = re.compile(r"\s[\"\u201c][^\"\u201d]{1,20}[\"\u201d]")


def headline_description(text: str) -> str | None:
    """A headline's bare description of one person ("Retired General", "Former Party
    Chairman"): capitalised words ending in a person's role, without an article; else
    None."""
    words = cut_clauses(" ".join(text.split())).split()
    if not words or len(words) > 4 or fold(words[-1]).strip(".,") not in PERSON_ROLES:
        return None
    if is_indefinite(" ".join(words)) or not all(w[:1].isupper() for w in words):
        return None
    return " ".join(words)


def state_description(text: str) -> str | None:
    """A title and the state it is of, as a description: "Senator from Texas" -> "Senator
    of Texas" (a headline's way to write "the Texas senator"); else None."""
    words = _DET.sub("", cut_clauses(" ".join(text.split()))).split()
    at = next((i for i, w in enumerate(words) if w.lower() in ("from", "of")), None)
    if not at or not all(w.lower().strip(".") in PERSON_ROLES for w in words[:at]):
        return None
    tag = state_tag(" " + " ".join(words[at:]))
    if not tag or len(words) - at > 3:
        return None
    return f"{' '.join(words[:at])} {tag}"


# a named person's role: "Roe's lawyer", "Jo Roe's former campaign strategist"
_OWNED = re.compile(
    r"^((?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)(?:'s|\u2019s|')\s+((?:[a-z-]+\s)*"
    r"(?:lawyer|attorney|counsel|spokesman|spokeswoman|spokesperson|aide|adviser|advisor"
    r"|strategist|wife|husband|son|daughter|brother|sister|father|mother|doctor|manager))$"
)
_COUNSEL = {"lawyer": "attorney", "counsel": "attorney", "advisor": "adviser"}
# a definite description of someone's staff: "The prime minister's official spokesman"
_OWNED_ROLE = re.compile(
    r"^[Tt]he\s+((?:[\w.-]+\s){0,3}[\w.-]+)(?:'s|\u2019s)\s+((?:[a-z-]+\s){0,2}"
    r"(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|minister|chief))$"
)
# words a description of someone's staff adds that a role written for them may leave out
SOFT_OWNED = frozenset({"official", "top", "senior", "longtime", "personal", "own", "chief"})


def _owned_words(role: str) -> frozenset[str]:
    """A role's words with the person whose it is ("Roe's lawyer", "a lawyer for Roe" ->
    {"attorney", "roe"}): a lawyer is an attorney or counsel."""
    plain = fold(role).replace("\u2019", "'").replace("'s", " ")
    words = role_words(plain)
    return frozenset(_COUNSEL.get(w, w) for w in words)


# the words of a US state's or a country's name: a role written with one is of that place
PLACE_WORDS = frozenset(
    w for place in [*STATES.values(), *NATIONALITIES] for w in role_words(place)
)


def without_place(description: str) -> str | None:
    """A description without the US state or country it starts with ("New York state
    attorney general" -> "attorney general"); None when it starts with none or is nothing
    else."""
    words = description.split()
    for n in (2, 1):
        lead = fold(" ".join(words[:n]))
        if len(words) > n and (lead in STATES.values() or lead in NATIONALITIES):
            rest = words[n + 1 :] if fold(words[n]) == "state" else words[n:]
            return " ".join(rest) or None
    return None


# the head nouns of a description of one person a lede may name only after it ("A former
# party chairman says ..." and then "..., said Jo Roe"): roles, kin and jobs, not an
# anonymous source's ("an aide", "an official") nor just anyone's ("a man")
LEDE_HEADS = (
    (PERSON_ROLES | KIN | PERSON_JOBS)
    - UNNAMED_HEADS
    - frozenset("man woman boy girl person student".split())
)
# a trade or standing many share, which a story calls the person it has just named
EPITHETS = words_of("epithets")
# the sentences that are an article's lede: its headline, a subtitle and its first one
LEDE_FIRST = 2
# how many sentences after a lede's description the person it describes is to be named
LEDE_SENTENCES = 3
# the time stamp of an item of a running story ("2:45 p.m."): the sentence after it is a lede
_STAMP = re.compile(r"^\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\.?$", re.I)
# kin who mostly share a person's surname, a woman's father or brother not always
SPOUSES = frozenset({"wife", "husband"})
# the gender a description's head noun tells
HEAD_GENDER: dict[str, Gender] = {
    "wife": "f", "mother": "f", "daughter": "f", "sister": "f", "businesswoman": "f",
    "husband": "m", "father": "m", "son": "m", "brother": "m", "businessman": "m",
    "actress": "f",
}  # fmt: skip


def is_dateline(sent: Span) -> bool:
    """Whether a sentence is only a news dateline the parser split off its lede ("HARLAN,
    Ky. —", "KYIV, Ukraine (AP) —"): a few place names and punctuation ending in a dash."""
    words = [t for t in sent if not t.is_punct]
    return (
        len(sent) >= 2
        and sent[-1].text in words_of("dashes")
        and 0 < len(words) <= 5
        and all(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG") for t in words)
    )


_VERB_AUX = ids(("VERB", "AUX"))


def is_byline(sent: Span) -> bool:
    """Whether a sentence is only a byline ("By Tomas Brenner", "By TOMAS BRENNER and ILSE
    VOGT", "By Tomas Brenner, Associated Press", "Tomas Brenner | Staff writer"): "By" and
    then capitalised words, "and" or "&" and punctuation, no verb; or names, a bar or a
    comma and a byline's role (``names.BYLINE_ROLES``). Whom it names wrote the text: no
    pronoun after it is them."""
    # most sentences have a verb, found in the part-of-speech column (``spans.columns``):
    # a Token is built for a verb alone, not for every word of the sentence
    doc, pos = sent.doc, columns(sent.doc).pos
    for i in range(sent.start, sent.end):
        if pos[i] in _VERB_AUX and not (doc[i].is_punct or doc[i].text == "|"):
            return False
    words = [t for t in sent if not (t.is_punct or t.text == "|")]
    if len(words) < 3:
        return False
    if words[0].lower_ == "by":
        return all(t.text[:1].isupper() or t.lower_ in ("and", "&") for t in words[1:])
    return (
        words[0].text[:1].isupper()
        and any(t.text in ("|", ",") for t in sent)
        and any(t.lower_ in BYLINE_ROLES for t in words)
        and all(t.text[:1].isupper() or t.lower_ in BYLINE_ROLES for t in words)
    )


# a description that is only an age: "The 23-year-old", "the 51 - year - old"
_AGE_ONLY = re.compile(r"(?:the\s+)?(\d{1,3})\s*-\s*year\s*-\s*old", re.I)


_AGE_AFTER = re.compile(r",\s*(?:(\d{1,3})\s*[,.]|an?\s+(\d{1,3})-year-old\b)")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+$")


def age_given(ent: Span) -> int | None:
    """The age an article gives a named person beside the name: "Jo Roe, 23," (a number
    alone between commas after it), "Jo Roe, a 23-year-old from Dayton," or "23-year-old
    Jo Roe"; None when it gives none."""
    text = doc_text(ent.doc)
    m = _AGE_AFTER.match(text, ent.end_char) or _AGE_BEFORE.search(
        text, max(ent.start_char - 16, 0), ent.start_char
    )
    if m is None:
        return None
    age = int(next(g for g in m.groups() if g))
    return age if 0 < age < 120 else None


def is_stamp(text: str) -> bool:
    """Whether a paragraph is a running story's time stamp ("2:45 p.m.")."""
    return bool(_STAMP.match(text.strip()))


def lede_description(head: Token, text: str) -> str | None:
    """The role words of a description of one person as a lede writes it, before naming
    them: "A former party chairman" -> "former party chairman", "The state's tax
    commissioner", "Jo Roe's wife", "Former Navy Doctor"; None for a name, a pronoun,
    several people, an anonymous source, one a pronoun owns ("my father"), or a
    description that names a person other than as the one whose role it is."""
    if head.pos_ not in ("NOUN", "PROPN") or head.tag_ not in ("NN", "NNP"):
        return None
    if fold(head.text) not in LEDE_HEADS:
        return None
    phrase = cut_clauses(" ".join(text.split()))
    words = phrase.split()
    if not words or fold(words[-1]).strip(".,;:") != fold(head.text):
        return None
    if fold(words[0]) in ("a", "an", "the"):
        words = words[1:]
    elif is_indefinite(phrase):
        return None  # "one senator"
    toks = [t for t in head.subtree if t.i <= head.i]
    if any(t.dep_ == "poss" and t.pos_ == "PRON" for t in toks):
        return None  # "My father", "his lawyer": whose the pronoun says
    owned = any(t.dep_ == "case" for t in toks)
    if any(t.ent_type_ == "PERSON" for t in toks) and not owned:
        return None  # "the Jo Roe supporter"
    return " ".join(words) or None


def head_gender(head: Token) -> Gender | None:
    """The gender a description's head noun tells ("wife", "chairwoman"), else None."""
    return HEAD_GENDER.get(head.lower_) or title_gender(head.text)


# the words after a role's head ("wife of the senator", "congresswoman from Ohio")
_AFTER_HEAD = re.compile(r"\s(?:of|for|from|at|in|on|to|with|who|whose|that|and|,)\s.*$")


def role_gender(role: str | None) -> Gender | None:
    """The gender a person's role tells by its head, a kin word or a gendered title ("his
    wife", "Paul's wife", "congresswoman from Ohio"), else None ("the husband's lawyer",
    "Sen.")."""
    words = _AFTER_HEAD.sub("", f" {fold(role or '')} ".replace(",", " , ")).split()
    if not words:
        return None
    return HEAD_GENDER.get(words[-1]) or title_gender(words[-1])


def name_first_gender(first: str) -> Gender | None:
    """The gender the first word of a person's name tells: a common first name of clear
    gender ("Ted"), else a rarer one of gender clear beyond doubt ("Barack",
    ``rare_first_name_gender``) that is no title or job word ("Governor", "Pastor" are rare
    first names too)."""
    if (gender := first_name_gender(first)) is not None:
        return gender
    low = fold(first).strip(".")
    if low in TITLE_WORDS or low in PERSON_JOBS:
        return None
    return rare_first_name_gender(first)


def appositive_anchor(head: Token) -> Token | None:
    """The named person a description (or a noun within it) stands in apposition to, when
    that person is a subject: "Jo Roe, the party's treasurer, said" (the description's head
    an appositive of the name), "McCrory's opponent in the election" (a noun within one),
    or two subjects of one verb, a name, a comma and a description ("Jo Roe, the
    treasurer, vowed", parsed as two)."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    tok, steps = head, 0
    while tok.dep_ in ("pobj", "prep") and steps < 4:
        tok, steps = tok.head, steps + 1
    if tok.dep_ == "appos" and _person_subject(tok.head):
        return tok.head
    if head.dep_ not in SUBJECTS:
        return None
    left = head.left_edge.i
    doc = head.doc
    if left < 2 or doc[left - 1].text != ",":
        return None
    ent = next((e for e in doc.ents if e.end == left - 1 and e.label_ == "PERSON"), None)
    if ent is None or ent.root.head != head.head or not _person_subject(ent.root):
        return None
    return ent.root


def _person_subject(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON" and tok.dep_ in SUBJECTS


def name_after(head: Token, start: int, end: int) -> tuple[str, str] | None:
    """The person's name a description of one is followed by, after a comma, inside the
    mention, and the description: "His business partner, Jo B. Roe," -> ("Jo B. Roe", "His
    business partner"); "Her niece, state Del. Ann "Annie" Poe (D-Dover)," -> ("Ann Poe",
    "Her niece") (titles, a nickname and a tag left out). None
    unless the description is of one person (a singular noun, no organisation's) and the
    words after it are a name: two to four capitalised words, one of them a person's to
    the NER or a known first name."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or _not_person_noun(head):
        return None
    doc, text = head.doc, doc_text(head.doc)
    comma = text.find(",", head.idx + len(head.text), end)
    if comma < 0:
        return None
    after = re.split(r"[,(;]", text[comma + 1 : end], maxsplit=1)[0]
    words = _NICKNAME.sub("", " " + after).split()
    while words and (not words[0][:1].isupper() or _title_word(words[0])):
        words = words[1:]
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    span = doc.char_span(comma + 1, comma + 1 + len(after), alignment_mode="contract")
    person = span is not None and any(t.ent_type_ == "PERSON" for t in span)
    if not person and first_name_gender(words[0]) is None:
        return None
    return " ".join(words), _common_owner(_DET.sub("", _AGE.sub("", text[start:comma])))


# a common noun's possessive ("party’s"), which ``clean`` would drop with a name's
_COMMON_OWNER = re.compile(r"\b([a-z]+)’s\b")


def _common_owner(role: str) -> str:
    """ROLE with a common noun's possessive kept through ``clean`` ("party’s 2012 nominee"
    stays so; "Roe’s aide" is cleaned as before): a common noun names no body, the role is
    whole with it."""
    return clean(_COMMON_OWNER.sub("\\1\0s", role)).replace("\0", "’")


def org_in_apposition(head: Token) -> ResolvedActor | None:
    """The organisation a description of one stands for when the NER names it in apposition
    after it: "The warehouse's owner, Pacific Home Goods,", "Its parent company, Norwood
    Holdings," -> the organisation. None unless the appositive is one organisation's name
    whole, with no first name of a person's at its start unless a body's word ends it or the
    description is a firm's ("Its parent company, Norwood Holdings,": "Norwood" is a first
    name too)."""
    if head.pos_ != "NOUN" or head.tag_ != "NN":
        return None
    appos = next((c for c in head.children if c.dep_ == "appos" and c.i > head.i), None)
    if appos is None or appos.pos_ != "PROPN" or appos.ent_type_ != "ORG":
        return None
    doc = head.doc
    span = entity_at(doc, appos.i)  # the organisation the appositive ends
    if span is None or span[1] != appos.i + 1:
        return None
    if span[0] != head.i + 2 or doc[head.i + 1].text != ",":
        return None  # right after the description's comma, nothing between
    text = doc[span[0] : span[1]].text
    words = text.split()
    firm = head.lower_ in FIRM_NOUNS | words_of("company_nouns")  # no person is "the company"
    if not firm and first_name_gender(words[0]) is not None and fold(words[-1]) not in ORG_WORDS:
        return None  # "His partner, Jo Roe," the NER took for a firm
    name = _DET.sub("", text)
    return ResolvedActor(name, "organization", forms=[name])


def body_named_after(head: Token, start: int, end: int) -> ResolvedActor | None:
    """The body a description of a firm with its own words after the noun names after a
    comma, inside the mention: "The company that runs the fair, Fairco," -> the
    organisation Fairco (the parser often hangs the name on the clause's object). None
    unless the head is a firm's or a body's noun with words of its own after it and the
    mention ends in one to four capitalised words that are no title, all proper nouns."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not list(head.rights):
        return None
    low = head.lower_
    if low in MEDIA_WORDS or low in GOVERNMENT_WORDS:
        kind: ActorKind = "media" if low in MEDIA_WORDS else "government"
    elif low in words_of("company_nouns") or low in ORG_WORDS or low in ORG_HEADS:
        kind = "organization"
    else:
        return None
    doc, text = head.doc, doc_text(head.doc)
    said = text[start:end].rstrip().rstrip(",").rstrip()
    comma = said.rfind(",")
    if comma <= head.idx + len(head.text) - start or comma < 0:
        return None
    words = said[comma + 1 :].split()
    if not 1 <= len(words) <= 4 or any(_title_word(w) or not w[:1].isupper() for w in words):
        return None
    span = doc.char_span(start + comma + 1, start + len(said), alignment_mode="contract")
    if span is None or any(t.pos_ != "PROPN" for t in span):
        return None
    name = " ".join(words)
    return ResolvedActor(name, kind, forms=[name])


def person_joined_to_body(head: Token, start: int, end: int) -> ResolvedActor | None:
    """The person whose name ends a mention where a body's noun is joined by "and" to a
    description of someone ("The firm and its chief, Jo Roe,", "The company and Ruritania's
    minister for trade, Jo Roe,"): the name after the last comma is the second one's, a
    person (it was filed as the body's name). None unless the words after the comma are two
    to four proper nouns, a person's to the NER or starting with a known first name."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "conj" and c.i > head.i for c in head.children):
        return None
    text = doc_text(head.doc)
    said = text[start:end].rstrip().rstrip(",").rstrip()
    comma = said.rfind(",")
    if comma <= head.idx + len(head.text) - start:
        return None
    words = said[comma + 1 :].split()
    span = head.doc.char_span(start + comma + 1, start + len(said), alignment_mode="contract")
    if span is None or not 2 <= len(words) <= 4 or any(t.pos_ != "PROPN" for t in span):
        return None
    if span.root.ent_type_ != "PERSON" and first_name_gender(words[0]) is None:
        return None
    name = " ".join(words)
    return ResolvedActor(name, "person", forms=[name])


# an age in a description: "a 70-year-old farmer", "the 43 year old"
_AGE = re.compile(r"\b\d+(?:\s*-\s*|\s+)years?(?:\s*-\s*|\s+)old\b\s*", re.I)


def _title_word(word: str) -> bool:
    """A title before a name: "Sen.", "Del.", "Chief", "Dr."."""
    low = word.lower()
    return low in TITLE_WORDS or low in HONORIFICS or low in ("del.", "delegate")


# the last word of a title that is no one's surname ("Prime Minister", "Inspector General";
# not "Senator King", "Mr. Major", "Governor Justice")
_TITLE_HEADS = frozenset(
    """
    general minister president secretary director chairman chairwoman chair chairperson
    spokesman spokeswoman spokesperson commissioner ambassador envoy official attorney
    counsel treasurer auditor superintendent governor mayor senator representative adviser
    advisor chief leader whip officer
    """.split()
)


def title_only(words: list[str]) -> bool:
    """Whether WORDS (two or more) are a title alone, no name in them: "Prime Minister",
    "Vice President", "Inspector General"; a form of address ("Mr. King") or a last word
    that may be a surname ("Senator King") is a name's."""
    lows = [w.lower() for w in words]
    return (
        len(lows) >= 2
        and all(w in TITLE_WORDS for w in lows)
        and not any(w in HONORIFICS | COURTESY_TITLES for w in lows)
        and lows[-1] in _TITLE_HEADS
    )


def _not_person_noun(head: Token) -> bool:
    low, lemma = head.lower_, head.lemma_.lower()
    bodies = MEDIA_WORDS | GOVERNMENT_WORDS | ORG_WORDS | ORG_HEADS | POLLS | DOCUMENTS
    return low in bodies or lemma in bodies


def examples(head: Token, start: int, end: int) -> list[ResolvedActor] | None:
    """The named actors a plural description of people gives as its examples: "Critics,
    like Senators Jo Roe and Al Poe," -> Jo Roe and Al Poe; "Backers, including the Farmers
    Union," -> the Farmers Union. People only, or one organisation; else None (and for a
    description of bodies: "companies, including Acme," are the companies)."""
    if head.tag_ not in ("NNS", "NNPS") or head.pos_ != "NOUN" or _not_person_noun(head):
        return None  # "companies, including Acme": the companies spoke
    doc, text = head.doc, doc_text(head.doc)
    m = _EXAMPLES.search(text, head.idx + len(head.text), end)
    if m is None:
        return None
    ents = [e for e in doc.ents if m.end() <= e.start_char and e.end_char <= end]
    people = [e for e in ents if e.label_ == "PERSON"]
    orgs = [e for e in ents if e.label_ == "ORG"]
    if people and not orgs:
        found = [analyse_mention(e.root, e.start_char, e.end_char) for e in people]
        return found if all(f.kind == "person" and f.name for f in found) else None
    if len(orgs) == 1 and not people:
        org = orgs[0]
        found = analyse_mention(org.root, org.start_char, org.end_char)
        return [found] if found.name and found.kind in BODIES else None
    return None


def last_person(doc: Doc, start: int, end: int) -> ResolvedActor | None:
    """The person named last in a mention, if the mention ends with their name ("As Jo Roe
    said no, Democratic nominee Al Poe" -> Al Poe)."""
    tail = doc_text(doc)[start:end].rstrip(" ,;")
    ent = next(
        (e for e in doc.ents if e.label_ == "PERSON" and e.end_char == start + len(tail)), None
    )
    if ent is None or ent.start_char < start:
        return None
    left = ent.start
    while left > 0 and doc[left - 1].idx >= start and doc[left - 1].text[:1].isupper():
        left -= 1  # its titles: "Democratic nominee" stays with it
    found = analyse_mention(ent.root, doc[left].idx, ent.end_char)
    return found if found.kind == "person" and found.name else None


def cut_clauses(text: str) -> str:
    """A mention without what follows its noun phrase: an appositive, a relative clause or
    an aside ("Mr. Stone, 82, who ..." -> "Mr. Stone")."""
    return _CLAUSE.split(text, maxsplit=1)[0].strip()


def _phrase_words(toks: list[Token]) -> str:
    """Tokens as role text, a party's or an organisation's possessive kept as a word
    ("the GOP's presidential nominee" -> "the GOP presidential nominee"); a person's stays
    theirs ("Trump's running mate"); an age is no role ("a 70-year-old farmer")."""
    out = []
    for t in ageless(toks):
        if t.dep_ == "punct":
            continue
        if t.dep_ == "case" and (t.head.ent_type_ in ("ORG", "NORP") or t.head.lower_ == "gop"):
            continue
        out.append(t.text)
    return " ".join(out)


def _noun_phrase(noun: Token, skip: Token | None = None) -> list[Token]:
    """A description's words: NOUN's subtree without clauses or descriptions in apposition
    at any depth (a name in apposition within stays: "firm IDC"), a second description
    joined to it, or SKIP's subtree ("the former secretary of state,
    who ..." -> "the former secretary of state"; "a fellow at the Acme Institute that
    funds ..." -> "a fellow at the Acme Institute"; "a professor and co-author of the
    study" -> "a professor")."""
    cut = {
        t.i
        for c in noun.subtree
        if c == skip
        or c != noun
        and (
            c.dep_ in ("relcl", "acl")
            or (c.dep_ == "appos" and (c.head == noun or c.pos_ != "PROPN"))
            or (c.head == noun and c.dep_ in ("punct", "cc", "conj"))
        )
        for t in c.subtree
    }
    return [t for t in noun.subtree if t.i not in cut]


def _of_place_after(name_head: Token, end: int) -> str | None:
    """The country, state or body a titled name is "of", within the mention (before END):
    "Foreign Minister Jo Roe of Senegal" -> "Senegal"; None for anything else."""
    for prep in name_head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < name_head.i:
            continue
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN" or obj.ent_type_ in ("PERSON", "DATE"):
            return None
        words = [t for t in _body_words(obj) if t.dep_ != "punct"]
        if not words or words[-1].idx + len(words[-1].text) > end:
            return None
        return _DET.sub("", " ".join(t.text for t in words)) or None
    return None


def _of_body(name_head: Token) -> Token | None:
    """The head of the named body a person's name is "of" ("Jo Roe of the Acme Center"):
    an organisation to the NER or a body's word ("Institute"); None for a place or none."""
    for prep in name_head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of" or prep.i < name_head.i:
            continue
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "PROPN":
            return None
        if obj.ent_type_ == "ORG" or obj.ent_type_ == "" and obj.lower_ in ORG_WORDS:
            return obj
        return None
    return None


def _of_body_after(name_head: Token, end: int) -> str | None:
    """The named body a person's name is "of", within the mention (before END), whatever
    their title: "Jo Roe of the Northern Justice Center" -> "Northern Justice Center"; a
    body is an organisation to the NER or ends in a body's word ("Institute"); a place
    ("Jo Roe of Ohio") is where they are from, None."""
    return _of_place_after(name_head, end) if _of_body(name_head) is not None else None


def _clause_body(noun: Token) -> str | None:
    """The named body a relative clause on a person's role noun places them at: "an
    economist who studies trade at Northbridge University" -> "Northbridge University"
    (the clause's subject "who", "at", "for" or "with" on its verb); None for anything
    else."""
    for verb in noun.children:
        if verb.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children
        ):
            continue
        for prep in verb.children:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "for", "with") or obj is None:
                continue
            if obj.pos_ == "PROPN" and obj.ent_type_ in ("ORG", "FAC"):
                words = [t for t in _body_words(obj) if t.dep_ != "punct"]
                return _DET.sub("", " ".join(t.text for t in words)) or None
    return None


def _body_words(obj: Token) -> list[Token]:
    """A named body's words after "at": without a place it is in ("at Harrow Valley University
    in Lorania"), the words in lower case before its name ("firm Quantix") or a common
    noun joined to it, a second role the parser hung there ("at
    the Acme Institute and a former envoy")."""
    cut = {
        t.i
        for c in obj.subtree
        if c != obj
        and (
            (c.dep_ == "prep" and c.lower_ == "in" and c.head == obj)
            or (c.dep_ == "conj" and c.pos_ != "PROPN")
            or (
                c.dep_ == "cc"
                and any(k.dep_ == "conj" and k.pos_ != "PROPN" for k in c.head.children)
            )
        )
        for t in c.subtree
    }
    return [t for t in obj.subtree if t.i not in cut]


# prepositions that set a role in time or give its subject matter, not the role: "a spokesman
# for the mayor during the campaign", "an aide since 2019"
_WHEN_PREPS = frozenset(
    "during since amid after before until throughout following regarding concerning about".split()
)


def _role_tail(words: list[Token]) -> set[int]:
    """The words of a role's phrases that say no role ("a spokesman for the mayor during the
    campaign", "an aide to Gov. Jo Roe on the budget talks"): a phrase of time or subject
    matter (_WHEN_PREPS), and a phrase after the person a role serves, but "of" ("aide to
    Gov. Jo Roe of Ohio"). Where the role is held stays ("a nurse at the local clinic")."""
    kept = {t.i for t in words}
    cut: set[int] = set()
    person_end = None
    for t in words:
        if t.i in cut:
            continue
        if t.ent_type_ == "PERSON" and t.dep_ == "pobj":
            person_end = t.i
        if t.dep_ != "prep" or t.head.i not in kept:
            continue
        after_person = person_end is not None and t.i > person_end and t.lower_ != "of"
        if t.lower_ in _WHEN_PREPS or after_person:
            cut |= {k.i for k in t.subtree}
    return cut


def role_and_body(noun: Token) -> tuple[str | None, str | None]:
    """A role set in apposition to a name, and the body it is held at: the first named one
    after "at", "for" or "with" at any depth ("an associate professor of physics at Lakeside
    University and co-author of the study published on Tuesday" -> "associate professor of
    physics", "Lakeside University"; "an analyst for emerging markets at Harrow Stanley";
    "director of gaming at market research firm IDC"). The words as written, an age, adverbs and the phrases of
    _role_tail left out."""
    words = _noun_phrase(noun)
    tail = _role_tail(words)
    words = [t for t in words if t.i not in tail]
    kept = {t.i for t in words}
    body = None
    for prep in words:
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if prep.head.pos_ == "PROPN":  # "of the Center for American Progress": its name
            continue
        if prep.dep_ == "prep" and prep.lower_ in ("at", "for", "with") and obj is not None:
            if obj.pos_ == "NOUN" and obj.text.islower():  # "at market research firm IDC"
                obj = next((o for o in obj.children if o.dep_ == "appos"), obj)
            if obj.pos_ == "PROPN" and (
                obj.ent_type_ in ("ORG", "GPE", "FAC", "NORP") or obj.dep_ == "appos"
            ):
                inside = [t for t in _body_words(obj) if t.i in kept and t.dep_ != "punct"]
                while inside and inside[0].pos_ != "PROPN" and inside[0].text.islower():
                    inside = inside[1:]  # "market research firm Quantix": Quantix
                body = _DET.sub("", " ".join(t.text for t in inside)) or None
                gone = {t.i for t in prep.subtree}
                words = [t for t in words if t.i not in gone]
                break
    role = [t.text for t in ageless(words) if t.dep_ != "punct" and t.pos_ != "ADV"]
    if role and role[0].lower() in ("the", "a", "an"):
        role = role[1:]
    return " ".join(role) or None, body or _clause_body(noun)


def _role_edge(root: Token, start: int) -> int:
    """The first token the words before a name may take a role from: the name's own subtree,
    or the title's when the name stands in apposition to the title right before it ("the
    U.S. Vice President Jo Roe", the determiner making the title the head)."""
    head = root.head
    if root.dep_ == "appos" and head.i == start - 1 and head.lower_ in TITLE_WORDS:
        return head.left_edge.i
    return root.left_edge.i


def written_roles(ent: Span) -> list[str]:
    """The roles an article gives a named person: the words right before the name ("Indiana
    Gov. Mike Pence") with the party and state of a tag after it ("Sen. Jo Roe (R-S.C.)"
    is a Republican South Carolina senator), an appositive after it ("Mr. Trump, a New York businessman"), or the
    description the name stands in apposition to ("the nominee, Jo Roe")."""
    root, doc = ent.root, ent.doc
    out = []
    i, edge = ent.start - 1, _role_edge(root, ent.start)
    while (
        i >= edge
        and doc[i].dep_ not in _ROLE_STOP
        and doc[i].ent_type_ != "PERSON"
        and doc[i].pos_ in ("PROPN", "NOUN", "ADJ")
    ):
        i -= 1
    tag = state_tag(doc_text(doc)[ent.end_char : ent.end_char + 40])
    # "Spokesman Jo Roe" the NER took whole: the title words that lead it are a role too
    lead = ent.start
    while lead < ent.end - 2 and doc[lead].lower_ in TITLE_WORDS and doc[lead].pos_ == "NOUN":
        lead += 1
    if i + 1 < lead or tag:  # "Sen. Jo Roe (R-S.C.)": a South Carolina senator
        before = _phrase_words(list(doc[i + 1 : lead]))
        out.append(", ".join(r for r in (before, tag) if r))
    for c in root.children:
        if c.dep_ == "appos" and c.i > root.i and c.pos_ == "NOUN":
            out.append(_phrase_words(_noun_phrase(c)))
    if (
        root.dep_ == "appos"
        and (root.head.pos_ == "NOUN" or root.head.lower_ in TITLE_WORDS)
        and root.head.i < root.i
    ):  # "the nominee, Jo Roe"; "the U.S. Vice President, Jo Roe" (a Title Case head)
        out.append(_phrase_words(_noun_phrase(root.head, skip=root)))
    elif root.dep_ == "appos" and (noun := _of_whom(root.head)) is not None:
        # "An attorney for Roe, Al Poe," parsed as Roe's appositive: Poe is the attorney
        name = {t.i for t in root.subtree}
        out.append(_phrase_words([t for t in _noun_phrase(noun) if t.i not in name]))
    return [r for r in out if role_words(r)]


def _of_whom(tok: Token) -> Token | None:
    """The role noun a name after a preposition qualifies ("attorney" of "An attorney for
    Roe"), when a person's role is that noun; else None."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("for", "to", "of"):
        return None
    noun = prep.head
    return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in PERSON_JOBS else None


def is_indefinite(text: str) -> bool:
    """Whether TEXT names nobody in particular: "One Republican", "a senior aide"."""
    return bool(_INDEFINITE.match(" ".join(text.split()) + " "))


def _apart(t: Token) -> bool:
    """A word that sets a name apart from the one before it: a conjunction, an adverb, a
    punctuation mark other than a hyphen inside a word ("American-Islamic")."""
    inside = t.text == "-" and not t.whitespace_ and not t.doc[t.i - 1].whitespace_
    return t.pos_ in ("CCONJ", "ADV") or t.pos_ == "PUNCT" and not inside


def titled_name_after_body(head: Token, start: int, end: int) -> Token | None:
    """The last word of a person's name that ends a mention a body's name heads, after a
    title word ("Farmers Alliance of Corlan Executive Director Jo Roe" -> "Roe"): the
    person speaks, the body is their affiliation. None when the head is in the name."""
    doc = head.doc
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) < 4 or head.ent_type_ not in _BODY_ENTS:
        return None  # "the former aide to President Jo Roe" is no Roe
    last = span[-1]
    found = entity_at(doc, last.i) if last.ent_type_ == "PERSON" else None
    if found is None or found[1] != span.end or found[1] - found[0] < 2:
        return None
    first = found[0]
    title = doc[first - 1] if first - 1 > span.start else None
    if title is None or title.lower_ not in TITLE_WORDS or not title.text[:1].isupper():
        return None
    if any(_apart(t) for t in doc[span.start : first]):
        return None  # "Democratic leaders, and in particular Senator Jo Roe": the group's
    return last if head.i < first and last in head.subtree else None


def described_name(head: Token) -> Token | None:
    """The name a stack of descriptions joined by "and" ends with ("Author and former
    teacher Jo Roe": Roe), else None: a bare singular noun (no article, no possessive, no
    number) cannot be a subject of its own, it describes the person named after it;
    plural nouns ("Officials and experts") and nouns with an article ("The mayor and Jo
    Roe") are sources of their own."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_:
        return None
    if any(c.dep_ in ("det", "poss", "nummod", "conj") and c.i < head.i for c in head.children):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in head.children):
        return None
    name = next((c for c in head.children if c.dep_ == "conj"), None)
    if name is None or name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
        return None
    if any(c.dep_ in ("conj", "cc") for c in name.children):
        return None  # a list of three
    return name


def stacked_before(name: Token) -> Token | None:
    """The description the parser made a subject of its own right before a person's name
    it describes ("Early retiree and self-taught investor Jo Roe said": "retiree", ending
    with "and"), else None."""
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or name.dep_ not in SUBJECTS:
        return None
    edge = name.left_edge.i
    if edge == 0 or name.doc[edge - 1].lower_ != "and":
        return None
    lead = name.doc[edge - 1].head
    bare = not any(c.dep_ in ("det", "poss", "nummod") for c in lead.children)
    if lead.head != name.head or lead.dep_ != name.dep_ or lead.right_edge.i != edge - 1:
        return None
    return lead if bare and lead.pos_ == "NOUN" and lead.tag_ == "NN" else None


def _stacked(head: Token, name: Token, start: int, end: int) -> ResolvedActor:
    """The person NAME a stack of descriptions starting with HEAD describes (see
    ``described_name``), the stack before the name's own title their role."""
    inner = analyse_mention(name, name.left_edge.idx, end)
    if inner.kind != "person":
        return inner
    first = clean(
        " ".join(t.text for t in head.subtree if t.i < name.left_edge.i and t.dep_ != "cc")
    )
    role = " and ".join(r for r in (first, inner.role) if r) or None
    return ResolvedActor(inner.name, "person", role, inner.affiliation, inner.forms)


def _in_title_of(doc: Doc, i: int) -> bool:
    """Whether doc[i] ends the phrase after a title's "of", whatever its case ("Staff" of
    "Chief Of Staff", "Intelligence" of "Director Of National Intelligence")."""
    j = i - 1
    while j > 0 and doc[j].lower_ in TITLE_WORDS:
        j -= 1
    return j > 0 and doc[j].lower_ == "of" and doc[j - 1].lower_ in TITLE_WORDS


# the small words an agency's name may hold between its capitalised ones ("Office of
# Ports and Waterways", "the FBI")
_AGENCY_JOINS = frozenset({"and", "&", "of", "for", "the"})


def _after_title_of(doc: Doc, i: int) -> bool:
    """Whether doc[i] stands in a run of capitalised words (an "and", "of", "for" or "the"
    between them) right after a title's "of", whatever its case ("Human" of "Secretary Of
    Health And Human Services", "Waterways" of "Director of the Office of Ports and
    Budget")."""
    j = i - 1
    while j > 0:
        if doc[j].lower_ == "of" and doc[j - 1].lower_ in TITLE_WORDS:
            return True
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in _AGENCY_JOINS):
            return False
        j -= 1
    return False


def _of_the(t: Token) -> bool:
    """ "the" right after an "of" inside a title ("Director of the FBI"): the title's."""
    return t.lower_ == "the" and t.i > 0 and t.nbor(-1).lower_ == "of"


def _person_after_agency(name: list[Token]) -> list[Token]:
    """The person's name ending capitalised words after a title's "Of": from the first known
    first name that leaves a surname after it, else the last two words ("Dirk Valmont" of
    "National Intelligence Dirk Valmont"); never fewer than two words."""
    if len(name) <= 2:
        return name
    first = next(
        (k for k, t in enumerate(name[:-1]) if first_name_gender(t.text) is not None), None
    )
    return name[len(name) - 2 if first is None else first :]


def analyse_mention(head: Token, start: int, end: int) -> ResolvedActor:
    """Split a mention into name, role and affiliation; guess its kind."""
    doc = head.doc
    if (described := described_name(head)) is not None:
        return _stacked(head, described, start, end)
    if (lead := stacked_before(head)) is not None and lead.left_edge.idx >= start:
        return _stacked(lead, head, start, end)
    if (person := titled_name_after_body(head, start, end)) is not None:
        return analyse_mention(person, start, end)
    if is_member_group(head):
        text = group_name(clean(_DET.sub("", doc_text(doc)[start:end])))
        return ResolvedActor(text, "unnamed", role=text)
    if (owner := owned_by(head)) is not None:
        return owner
    if (nobody := _nobody_in_particular(head, doc_text(doc)[start:end])) is not None:
        return nobody
    if (envoy := _role_to_place_name(head)) is not None:
        return envoy
    if (refl := _reflexive(head)) is not None and start < refl.idx < end:
        end = len(doc_text(doc)[: refl.idx].rstrip())  # "Roe herself", "the firm itself"
    span = doc.char_span(start, end, alignment_mode="contract")
    toks = list(span) if span is not None else [head]
    lower = head.lower_
    words = {t.lower_ for t in toks}
    # the noun phrase proper: tokens left of and including the head, same subtree
    np_toks = [t for t in toks if t.i <= head.i and (t.head.i <= head.i + 1 or t == head)]
    # a named appositive ("the party chairman, Kelly Armstrong") carries the name
    appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    name_head = head
    if appos is not None and (
        head.pos_ != "PROPN" or head.lower_ in TITLE_WORDS or _spoken_of(head, appos)
    ):
        name_head = appos  # "both President, Barack Obama, ..." parsed as a title and a name
    name_toks: list[Token] = []
    if name_head.pos_ == "PROPN":
        i = name_head.i
        while i >= 0 and doc[i].idx >= start and (_is_name_tok(doc[i]) or _joins_name(doc, i)):
            if _place_before_person(doc[i], name_head):
                break  # "ambassador to Britain Wen Tao": Britain is no part of his name
            name_toks.insert(0, doc[i])
            i -= 1
    if (poll := poll_actor(head, np_toks)) is not None:
        return poll
    if (campaign := campaign_actor(head)) is not None:
        return campaign
    name_toks = _org_name_toks(doc, name_toks, start)
    while (
        len(name_toks) > 2
        and first_name_gender(name_toks[0].text) is None
        and _in_title_of(doc, name_toks[0].i)
    ):
        name_toks = name_toks[1:]  # "Chief Of Staff Jo Roe" in Title Case: Staff is the title's
    if len(name_toks) > 2 and _after_title_of(doc, name_toks[0].i):
        name_toks = _person_after_agency(name_toks)  # "Secretary Of Health And Human Services"
    if (group := named_group(head)) is not None:
        return group
    ent = name_head.ent_type_
    if len(name_toks) == 1 and ent == "" and name_head.lower_ in DOCUMENTS:
        # "after Report Reveals ...": a headline's capital, a document, nobody's name
        return ResolvedActor(name_head.lower_, "unnamed", role=name_head.lower_)
    if _plural_name(name_head, name_toks):  # "Politicos call it ...": a kind of people
        text = clean(" ".join(t.text if t.is_upper else t.lower_ for t in name_toks))
        return ResolvedActor(text, "unnamed", role=text)
    personish = is_personish(name_head, name_toks, np_toks, words) or _owned_person(
        name_head, name_toks
    )
    # only an outlet's own name makes media: "NBC News moderator Matt Lauer" and "Jo Roe, a
    # writer for The Atlantic" are people
    media = names_outlet(name_toks) and ent != "PERSON"
    if ent in ("", "PERSON") and _body_named(name_head, np_toks):  # "The Hollister Falls
        # Chamber of Commerce": a body the NER missed, whatever its first words look like
        text = group_name(clean(cut_clauses(_DET.sub("", doc_text(doc)[start:end]))))
        return ResolvedActor(_org_text(head, text), "organization")
    if name_toks and (ent == "" or personish) and not media:
        name = " ".join(
            doc_text(doc)[name_toks[0].idx : name_toks[-1].idx + len(name_toks[-1])].split()
        )
        title_toks = [
            t
            for t in np_toks
            if t.i < name_toks[0].i
            and (t.pos_ != "DET" or _of_the(t) and t.nbor(-1) in np_toks)
            and t.dep_ != "preconj"
        ]
        outlet, title_toks = outlet_before(title_toks)
        title_toks, owner, possessive = owned_title(ageless(title_toks))
        titles = [t.text for t in title_toks if t.dep_ != "punct"]
        aff, role_words_ = affiliation_of(titles)
        aff = aff or (outlet and clean(outlet)) or (None if possessive else owner)
        if possessive:  # "Bell's partner Ann Roe": the partner of a person, no affiliation
            role_words_ = [possessive, *role_words_]
        if (
            aff is None and not possessive
        ):  # "NBC News moderator Jo Roe": NBC News is the affiliation
            aff, role_words_ = _org_affiliation(title_toks)
        role = " ".join(w for w in role_words_ if w not in ("'s", "’s")) or None
        if aff is None and role is not None:
            aff = _of_place_after(name_head, end)  # "Foreign Minister Jo Roe of Senegal"
        role_appos = next((c for c in name_head.children if c.dep_ == "appos"), None)
        if role is not None and role.lower() in COURTESY_TITLES:
            role = None  # "Dr. Jo Roe, a surgeon at ...": the appositive says the role
        if role is None and role_appos is not None and role_appos.pos_ == "NOUN":
            role, body = role_and_body(role_appos)
            aff = aff or body
        if aff is None:
            aff = _of_body_after(name_head, end)  # "Jo Roe of the Northern Justice Center"
        if appos is not None and name_head == appos and head.pos_ == "NOUN":
            role = role or clean(" ".join(t.text for t in ageless(np_toks) if t.pos_ != "DET"))
        if ent == "PERSON" or len(name_toks) >= 1:
            kind = name_kind(name_toks, ent, personish)
            if kind == "person" and len(name_toks) == 1 and a_thing(name_head):
                kind = "organization"
                role = None
            if kind == "person" and _firm_before(title_toks, name_toks):
                kind, role, aff = "organization", None, None  # "investment bank Harrow Stanley"
            name = clean(person_name(name) if kind == "person" else name)
            if kind == "person" and title_only([t.text for t in name_toks]):
                return ResolvedActor(name, "unnamed", role=name)  # "the Inspector General"
            return ResolvedActor(name, kind, role, aff, [name])
    if (titled := _named_after_title(head, toks)) is not None:
        return titled
    text = group_name(clean(cut_clauses(_DET.sub("", doc_text(doc)[start:end]))))
    org = _org_text(head, text)
    if (
        (words - _apposed_words(head)) & MEDIA_WORDS
        or names_outlet(name_toks)
        or head.ent_type_ == "ORG"
        and lower in MEDIA_WORDS
    ):
        return ResolvedActor(org, "media")
    if lower in GOVERNMENT_WORDS or head.ent_type_ == "GPE" or words & {"kremlin", "pentagon"}:
        return ResolvedActor(org, "government", affiliation=affiliation_of(text.split())[0])
    if head.ent_type_ in ("ORG", "FAC") or lower in ORG_WORDS:
        return ResolvedActor(org, "organization")  # "The Vatican says": a place that speaks
    if head.lemma_.lower() in UNNAMED_HEADS or lower in UNNAMED_HEADS or head.pos_ == "NOUN":
        role_text = clean(" ".join(t.text for t in np_toks if t.pos_ not in ("DET",)))
        aff, _ = affiliation_of(role_text.split())
        return ResolvedActor(text, "unnamed", role=role_text or None, affiliation=aff)
    if text and title_only(text.split()):
        return ResolvedActor(text, "unnamed", role=text)  # "The Prime Minister": a title
    if head.pos_ == "PROPN" and (ranked := _RANKED.match(text)) is not None:
        name = text[ranked.end() :]  # "the 14th-ranked Marsh": the ranking is a role
        return ResolvedActor(name, "person", role=ranked.group(1), forms=[name])
    return ResolvedActor(text or None, "person" if head.pos_ == "PROPN" else "unnamed")


# a player's ranking before the name ("14th-ranked", "top-seeded", "world No. 3")
_RANKED = re.compile(
    r"((?:world\s+)?(?:No\.\s?\d+|(?:\d+(?:st|nd|rd|th)|top|second|third)\s?-\s?(?:ranked|seeded)"
    r"|(?:ranked|seeded)\s+No\.\s?\d+))\s+(?=[A-Z][a-z])"
)


def _named_after_title(head: Token, toks: list[Token]) -> ResolvedActor | None:
    """The person whose name ends a mention headed by a title or a person's job, with words
    of an outlet before it ("Harbor FM Vice President for news and sport Jo Roe", "Harbor
    Radio host Jo Roe"): a person, the outlet the affiliation (the outlet's words made it
    media). None unless the name after the head is two or three proper nouns, a person's to
    the NER or starting with a known first name."""
    if head.tag_ not in ("NN", "NNP") or (
        head.lower_ not in TITLE_WORDS and head.lemma_.lower() not in PERSON_JOBS
    ):
        return None  # "advisers to Mr. Roe": people of the one named
    if head.i > 0 and head.doc[head.i - 1].lower_ in COURTESY_TITLES:
        return None  # "Mr. King and Mr. Poe": "King" is a name
    name: list[Token] = []
    for t in reversed(toks):
        if t.pos_ != "PROPN" or t.i <= head.i:
            break
        name.insert(0, t)
    # "Director Of National Intelligence Dirk Valmont": the agency is the title's, the name
    # after it the person's; not a name's own title ("Aide Of President Jo Roe" is the aide)
    cut = _person_after_agency(name)
    agency = (
        len(cut) < len(name)
        and head.nbor().lower_ == "of"
        and (head.nbor().text == "Of" or _after_title_of(head.doc, cut[0].i))
        and (head.nbor().i == name[0].i - 1 or head.nbor().text == "of")
        and cut[0].nbor(-1).lower_ not in TITLE_WORDS | COURTESY_TITLES
    )
    if agency:
        name = cut
    if (
        not 2 <= len(name) <= 3
        or _title_word(name[0].text)
        or name[-1].dep_ == "pobj"
        and not agency
    ):
        return None  # "the adviser to Jo Roe": the one the adviser serves
    if name[-1].ent_type_ != "PERSON" and first_name_gender(name[0].text) is None:
        return None
    title_toks = [
        t
        for t in toks
        if t.i < name[0].i and (t.pos_ != "DET" or _of_the(t) and t.nbor(-1) in toks)
    ]
    outlet, rest = outlet_before(title_toks)
    aff, words = (clean(outlet), [t.text for t in rest]) if outlet else _org_affiliation(rest)
    role = clean(" ".join(words)) or None
    full = clean(person_name(_joined(name)))
    return ResolvedActor(full, "person", role, aff, [full])


def _apposed_words(head: Token) -> set[str]:
    """The words of a named head's appositives ("Roe, star of television's ..."): they
    describe the one named, they are no outlet's name (issue 14)."""
    if head.pos_ != "PROPN":
        return set()
    return {t.lower_ for c in head.children if c.dep_ == "appos" for t in c.subtree}


# a person's tie to another, after a possessive: "Bell's partner", "his lawyer"
PERSONAL_TIES = SURNAME_KIN | frozenset(
    "partner friend fiance fiancee girlfriend boyfriend spouse widow widower cousin niece "
    "nephew uncle aunt grandson granddaughter grandfather grandmother stepson stepdaughter "
    "lawyer attorney biographer".split()
)
_AGE_WORDS = frozenset({"year", "years", "old"})


def ageless(toks: list[Token]) -> list[Token]:
    """Title words before a name without an age ("43-year-old", "a 70 year old"): an age
    says no role."""
    for i, t in enumerate(toks):
        if t.lower_ not in ("year", "years"):
            continue
        before = [k for k in range(i) if toks[k].like_num]
        after = [k for k in range(i + 1, len(toks)) if toks[k].lower_ == "old"]
        if (
            before
            and after
            and all(
                toks[k].tag_ == "HYPH" or toks[k].lower_ in _AGE_WORDS
                for k in range(before[-1] + 1, after[0])
                if k != i
            )
        ):
            return toks[: before[-1]] + toks[after[0] + 1 :]
    return toks


def owned_title(toks: list[Token]) -> tuple[list[Token], str | None, str | None]:
    """Title words before a name that start with a possessive ("Acme Corp.'s director",
    "Bell's partner"): the words after it, the owner's name, and, when the title is a
    person's (kin, partner, lawyer, or the owner a person to the NER), the possessive that
    stays in the role ("Bell's"; the owner is then no affiliation); TOKS, None and None when
    no possessive leads them."""
    pos = next((i for i, t in enumerate(toks) if t.tag_ == "POS"), None)
    if pos is None or pos == 0:
        return toks, None, None
    owner = " ".join(t.text for t in toks[:pos] if t.dep_ != "punct")
    if pos == len(toks) - 1:  # "The Weekly Ledger's Jo Roe": the body's, no title
        body = not any(t.ent_type_ == "PERSON" for t in toks[:pos]) and not _a_place(toks[pos])
        return ([], clean(owner), None) if owner and body else (toks, None, None)
    rest = toks[pos + 1 :]
    tie = rest[0].lemma_.lower() in PERSONAL_TIES or rest[0].lower_ in PERSONAL_TIES
    person = any(t.ent_type_ == "PERSON" for t in toks[:pos])  # "Jo Roe's campaign manager"
    if not owner:
        return rest, None, None
    if owner.islower():  # "the party's 2012 nominee": a common noun names no body
        return rest, None, f"{owner}{toks[pos].text}"
    return rest, owner, f"{owner}{toks[pos].text}" if tie or person else None


def _a_place(possessive: Token) -> bool:
    """The possessive of a place's name that ends there ("Florida's Jo Roe": where she is
    from, no body she works for); a name the NER took whole with the person's is none."""
    owner = possessive.doc[possessive.i - 1]
    after = possessive.doc[possessive.i + 1] if possessive.i + 1 < len(possessive.doc) else None
    whole = after is not None and after.ent_iob_ == "I" and after.ent_type_ == owner.ent_type_
    return owner.ent_type_ in ("GPE", "LOC") and not whole


def _spoken_of(head: Token, appos: Token) -> bool:
    """A name spoken of, not speaking, with a titled person's name after it: "the real Jo
    Roe, Chief Justice Al Poe said" (an article and an adjective before a name)."""
    det = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    adj = any(c.dep_ == "amod" and c.i < head.i for c in head.children)
    titled = head.doc[appos.left_edge.i].lower_ in TITLE_WORDS
    return det and adj and titled and appos.ent_type_ == "PERSON"


def _org_affiliation(title_toks: list[Token]) -> tuple[str | None, list[str]]:
    """The organisation that leads a title, and the rest: "NBC News moderator" ->
    ("NBC News", ["moderator"]); none when no organisation leads it."""
    words = [t for t in title_toks if t.dep_ != "punct"]
    n, job = 0, press_job(words)
    while n < len(words) and words[n].ent_type_ == "ORG" and n != job:
        n += 1
    while 0 < n < len(words) and words[n - 1].lower_ in words_of("title_modifiers"):
        n -= 1  # "Farmers Union Executive Director": the union's executive director
    if n == 0 or n == len(words):
        return None, [t.text for t in words]
    n = _outlet_end(words, n)
    return " ".join(t.text for t in words[:n]), [t.text for t in words[n:]]


# an outlet's last word, after which a name the NER runs on is a desk of it
OUTLET_ENDS = PAPER_NAMES | frozenset(
    "news times post journal tribune herald gazette magazine radio tv television network "
    "channel daily online".split()
)


def _outlet_end(words: list[Token], n: int) -> int:
    """Where an outlet's name ends among the first N title WORDS the NER took as one body,
    before a desk or section of it that is part of the job after it ("Harbour News National
    Security editor": the outlet is "Harbour News", the role "National Security editor"):
    after its last outlet word (``OUTLET_ENDS``) when capitalised words follow it inside
    the body and the job after them is a person's; N otherwise."""
    job = words[n].lower_ if n < len(words) else ""
    if job not in PERSON_JOBS and job not in TITLE_WORDS:
        return n
    ends = [k for k in range(n - 1) if words[k].lower_ in OUTLET_ENDS]
    if not ends or not all(t.text[:1].isupper() for t in words[ends[-1] + 1 : n]):
        return n
    return ends[-1] + 1


def _nobody_in_particular(head: Token, text: str) -> ResolvedActor | None:
    """An indefinite or quantified phrase ("One Republican", "a senior aide"), or a lone
    party member ("the Republican"): an unnamed source, never a person; but a handle it
    gives is a name ("one Twitter user @jo_roe")."""
    if head.ent_type_ not in ("", "NORP", "CARDINAL"):
        return None
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
        return None  # "a spokesman, Jo Roe," is Jo Roe
    low = head.lower_
    if low in MEDIA_WORDS | ORG_WORDS | GOVERNMENT_WORDS or head.lemma_.lower() in DOCUMENTS:
        return None
    phrase = clean(cut_clauses(text))
    lone_member = (
        head.ent_type_ == "NORP" and head.tag_ == "NNP" and _DET.sub("", phrase) == head.text
    ) or _member_of_place(head)
    if not (is_indefinite(phrase) or lone_member):
        return None
    if (handle := _HANDLE.search(text)) is not None:
        return ResolvedActor(handle.group(), "person", forms=[handle.group()])
    phrase = _DET.sub("", phrase)
    return ResolvedActor(phrase, "unnamed", role=phrase)


def _member_of_place(head: Token) -> bool:
    """HEAD is one party member described by the place they stand for, after "the": "the
    Kentucky Republican", "The Oregon Democrat" (no name follows: that would head it)."""
    before = [t for t in head.lefts]
    return (
        head.ent_type_ == "NORP"
        and head.tag_ == "NNP"
        and len(before) >= 2
        and before[0].lower_ == "the"
        and all(t.ent_type_ in ("GPE", "LOC") and t.dep_ == "compound" for t in before[1:])
    )


_NOT_WORD = re.compile(r"[^\w ]")


def _of_place(hit: tuple[ResolvedActor, str], description: str) -> bool:
    """Whether the role HIT was found by, or its actor's, names the place of a party
    member's DESCRIPTION ("Oregon Democrat": "Sen., Democrat of Oregon"), not only the party
    ("the Wisconsin Republican" is no GOP candidate of another state)."""
    actor, role = hit
    place = description.split()[:-1]
    written = " ".join(f"{role} {actor.role or ''} {actor.affiliation or ''}".split())
    written = " " + _NOT_WORD.sub(" ", written).lower() + " "
    return all(f" {w.lower()} " in written for w in place)


def mention_gender(text: str, name: str | None) -> Gender | None:
    """The gender a mention tells: a title in it ("Mrs. Clinton"), else the name's first
    name when the name has one ("Michelle Obama"), else a "herself" or "himself" closing
    it ("Roe herself")."""
    for w in text.split():
        if (g := title_gender(w)) is not None:
            return g
    last = text.split()[-1].lower() if text.split() else ""
    if last in ("himself", "herself"):
        return PRONOUN_GENDER[last]
    parts = (name or "").split()
    return name_first_gender(parts[0]) if len(parts) >= 2 else None


def is_particle(word: str) -> bool:
    """A word that starts a surname ("de Blasio", "bin Laden"), in any case."""
    return fold(word) in PARTICLES


def _within(short: list[str], long: list[str]) -> bool:
    """SHORT's words at the start or the end of LONG's, LONG being longer."""
    n = len(short)
    return len(long) > n and (long[:n] == short or long[-n:] == short)


def _compound(dropped: list[str], tail: list[str]) -> bool:
    """Whether DROPPED + TAIL is one name with a compound surname TAIL ("Ildefonso" +
    "Guajardo Villarreal"): the tail starts with no first name, and nothing dropped is a
    title or a nationality ("South Korean President" + "Park Geun-hye" is a title)."""
    if first_name_gender(tail[0]) is not None:
        return False
    return not any(
        w.lower() in TITLE_WORDS or w.lower() in NATIONALITIES or not w[:1].isupper()
        for w in dropped
    )


# a description's own clause after its head: "the company that runs the fair", "the group
# which ..."; it says which one is meant, so the one named in the article may be another
_RESTRICTED = re.compile(r"^\S+\s+\w+\s+(?:that|which|who|whose)\s", re.I)
# heads of a description that may stand for a news outlet ("the paper"); "the company" or
# "the group" is not the outlet whose name holds the word ("... Media Group")
MEDIA_HEADS = frozenset({"newspaper", "paper"})
# the name a description gives what it describes: "The program, called EB-5, ..."
_CALLED = re.compile(r",\s*(?:called|named|known as)\s+([A-Z][^\s,;]*(?:\s+[A-Z][^\s,;]*)*)")
NEW = frozenset({"new", "latest", "newest"})  # a poll of them is the one just out
# a plural description of a pair of candidates: "both presidential candidates"
_PAIR = re.compile(
    r"(both|the two|the two major)\s+(?:(presidential|major)\s+)?(?:candidates|nominees)$"
)
# "the two men", "both Republican senators": a pair of people of a kind, just named
_TWO = re.compile(r"(?:both|the two)\s+(?:[a-z.-]+\s+){0,2}([a-z]+)$")
_NAME_JOINS = frozenset({"of", "on", "for", "to", "the", "and", "&"})


def singular_person(noun: str) -> bool:
    """NOUN is the plural of a person's job or of a word for a person ("presidents", "men")."""
    one = noun[:-3] + "man" if noun.endswith("men") else noun.removesuffix("s")
    return noun != one and one in PERSON_JOBS


def _of_name_end(head: Token) -> int | None:
    """Where a body's name that goes on after its head ends: "Commission on Coastal Safety",
    "Department of Health" (a preposition and capitalised words only); None if it does not."""
    if head.pos_ != "PROPN":
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "for") and c.i == head.i + 1:
            toks = sorted(c.subtree, key=lambda t: t.i)
            if len(toks) > 1 and all(t.text[:1].isupper() or t.lower_ in _NAME_JOINS for t in toks):
                return toks[-1].idx + len(toks[-1].text)
    return None


def _verb_in_name(tok: Token) -> bool:
    """Whether the NER's name TOK stands in holds a verb, as no name does ("Will Run Ads
    Demanding" of a title-cased headline)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and any(t.pos_ in ("VERB", "AUX") for t in ent)


def headline_word_on(ent: Span, headline: bool) -> bool:
    """A headline's word glued onto a surname, no person's full name: a two-word name
    opening the first sentence of the document's HEADLINE (its first line, with more
    after it) whose first word is no first name ("Derelict Obama and Clinton" is Obama;
    "Mary Roe Wins" is Mary Roe)."""
    words = ent.text.split()
    if not headline or len(words) != 2 or ent.start != ent.sent.start:
        return False
    first = words[0].strip(".,")
    return first_name_gender(first) is None and not first_name_variants(first)


# a court's name goes on with the circuit or district it sits for: "U.S. Court of Appeals"
# + " for the Ninth Circuit", "District Court" + " for the District of Alaska"
_FOR_THE = re.compile(r"\s+for\s+the\s+[A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*)*")


def _for_name_end(text: str, name: str, end: int) -> int:
    """Where a court's NAME ending at character END of TEXT ends with the circuit or
    district written after it ("... for the Sixth Circuit"); END for any other body."""
    if "court" not in WORDS.findall(fold(name)):
        return end
    m = _FOR_THE.match(text, end)
    return m.end() if m is not None else end


def org_heads(doc: Doc) -> dict[int, int]:
    """The heads of the bodies a paragraph may name, each with where its name ends: a word
    of ORG_HEADS ("campaign"), the NER's organisations, and a name the NER missed, a proper
    noun of _NAME_HEADS not inside a compound ("the Lakeside Gazette"). Read from
    ``spans.columns``: a Token is built only for a head."""
    cols = columns(doc)
    heads = {i: _end(doc[i]) for i, low in enumerate(cols.lower) if low in _ORG_HEAD_IDS}
    heads |= {e.root.i: e.end_char for e in doc.ents if e.label_ == "ORG"}
    heads |= {
        i: _end(doc[i])
        for i, (low, pos, dep) in enumerate(zip(cols.lower, cols.pos, cols.dep, strict=True))
        if pos == _PROPN and dep != _COMPOUND and low in _NAME_HEAD_IDS and i not in heads
    }
    return heads


def _end(tok: Token) -> int:
    """Where a token ends in its Doc's text."""
    return tok.idx + len(tok.text)


# how common in general English a capitalised word of a headline must be to be read as the
# word, not a name (wordfreq's Zipf scale: "anchor" 4.0, "ads" 4.3; most surnames lower)
HEADLINE_WORD_ZIPF = 4.0


def titled_surname(head: Token, text: str) -> ResolvedActor | None:
    """A title-cased headline's titles and one rare capitalised word after them, the parser
    reading the word as a common noun ("Former AG Marlowe" of "Former AG Marlowe at
    Convention: ..."): the person of that surname, the titles the role. None unless every
    word before it is a capitalised title word and the word is no title and no common word
    of English (Zipf frequency under 4: "Former Senator Warns" names no one)."""
    words = text.split()
    if (
        len(words) < 2
        or words[-1] != head.text
        or not head.is_alpha
        or not head.is_title
        or head.lower_ in TITLE_WORDS
        or not all(w[:1].isupper() and w.lower() in TITLE_WORDS for w in words[:-1])
        or not _title_cased(head.sent)
        or english_frequency(head.lower_) >= HEADLINE_WORD_ZIPF
    ):
        return None
    role = " ".join(SHORT_TITLES.get(w, w) for w in words[:-1])
    return ResolvedActor(head.text, "person", role=role, forms=[head.text])


def _title_cased(sent: Span) -> bool:
    """A headline written in title case: four words or more, all capitalised but the short
    ones ("Ferry Plan Up for Review Amid ...")."""
    short = _NAME_JOINS | {"a", "an", "in", "at", "by", "with", "as"}
    words = [t for t in sent if t.is_alpha and t.lower_ not in short]
    return len(words) >= 4 and all(t.text[:1].isupper() for t in words)


def is_labour_body(name: list[str]) -> bool:
    """Whether an organisation's folded name words name a labour union: "union", "workers",
    "teamsters" in it, or an association or federation of a trade in the plural or of labor
    ("association of flight attendants", "american federation of teachers"); not the
    "national rifle association"."""
    if LABOUR_WORDS & set(name):
        return True
    for i, word in enumerate(name[:-2]):
        if word in LABOUR_BODIES and name[i + 1] == "of":
            trade = name[i + 2 :]
            return trade[-1] == "labor" or trade[-1].endswith("s") and trade[-1] != "states"
    return False


def _initials(words: list[str]) -> str:
    """A name's words before a shared tail as their initials: "united nations" and "u n" (of
    "U.N.") are both "un"."""
    return "".join(w[0] for w in words)


# the small words a body's initials leave out: "Centers for Disease Control" is the CDC
_UNINITIALED = frozenset("of for and the on in at to de".split())
_INITIALS_NAME = re.compile(r"^(?:[Tt]he\s+)?([A-Z][a-z]+\s+)?([A-Z]{2,6})$")


def spelled_out(name: str, keys: list[str]) -> str | None:
    """Of organisations' folded names KEYS, the one whose initials NAME, a body's initials in
    capitals (a word before them counting its initial: "Chinese CDC"), stands for: "FAA" the
    "federal aviation administration", "CDC" a "(national) centre for disease control (and
    safety)"; the small words left out, a run of three
    letters or more inside the initials when the name has at most two words more ("and
    Prevention", a country's word before it). None when no body or two fit."""
    m = _INITIALS_NAME.match(name.strip())
    if m is None:
        return None
    short = ((m.group(1) or "")[:1] + m.group(2)).lower()  # "Chinese CDC": "ccdc"
    fits = []
    for key in keys:
        initials = _initials([w for w in WORDS.findall(key) if w not in _UNINITIALED])
        if initials == short or (
            len(short) >= 3 and short in initials and len(initials) - len(short) <= 2
        ):
            fits.append(key)
    return fits[0] if len(fits) == 1 else None


def longer_org(name: str, keys: list[str]) -> str | None:
    """Of organisations' folded names KEYS, the one that ends with NAME's two words or more
    and adds some before them ("security council" is the "united nations security council"
    when the article names no other), an abbreviated first part being the same body ("u.n.
    security council"); None when none or two bodies do, or when the words before it name a
    place ("supreme court" is no "ohio supreme court")."""
    short = WORDS.findall(fold(name))
    if len(short) < 2:
        return None
    n = len(short)
    longer = [k for k in keys if (w := WORDS.findall(k))[-n:] == short and len(w) > n]
    # a place's own body is another ("the Supreme Court" is not the "Ohio Supreme Court")
    longer = [k for k in longer if not set(WORDS.findall(k)[:-n]) <= PLACE_WORDS]
    bodies = {_initials(WORDS.findall(k)[:-n]) for k in longer}
    if len(bodies) != 1:
        return None
    return max(longer, key=len)  # "united nations ..." over "u.n. ..."


def _with_entourage(head: Token) -> Token | None:
    """The "and" that joins a person's own people to a mention's HEAD ("The nominee and his
    aides", "Jo Roe and her advisers"), else None."""
    for conj in head.conjuncts:
        own = any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in conj.children)
        if conj.i > head.i and conj.lower_ in ENTOURAGE and own:
            return next((c for c in head.children if c.dep_ == "cc" and c.i < conj.i), None)
    return None


# bodies every state has one of: named after a place, they are that place's, and the bare name
# is another ("the Supreme Court", "the Senate")
STATE_BODIES = frozenset("court senate house assembly legislature".split())


def _not_a_place_s(fit: Callable[[list[str]], bool], n: int) -> Callable[[list[str]], bool]:
    """FIT, but not for a name whose words before its last N are all a place's."""
    return lambda name: fit(name) and not set(WORDS.findall(" ".join(name[:-n]))) <= PLACE_WORDS


PARENTS: dict[str, Gender] = {"father": "m", "mother": "f"}


def couple(ent: Span) -> tuple[str, str] | None:
    """A first name alone joined by "and" to a full name, as a couple is named ("Tom and Rita
    Vance"): the first one's full name, with the surname they share, and the other's name;
    else None."""
    doc = ent.doc
    if len(ent) != 1 or ent.end + 2 >= len(doc) or doc[ent.end].lower_ != "and":
        return None
    # the other as the tagger reads it: a conjunct of the first, with its first name before it
    # (the NER may miss it: "Olive")
    last = next((c for c in ent.root.conjuncts if c.i > ent.root.i and c.pos_ == "PROPN"), None)
    if last is None or last.left_edge.i != ent.end + 1:
        return None
    other = doc[last.left_edge.i : last.i + 1]
    named = any(e.label_ == "PERSON" and e.start == other.start for e in doc.ents)
    if len(other) < 2 or not all(t.is_title for t in other):
        return None
    if not named and first_name_gender(other[0].text) is None:
        return None
    return f"{ent.text} {other[-1].text}", " ".join(other.text.split())


def team_campaign(name: str, orgs: Mapping[str, object]) -> str | None:
    """The folded name of the campaign a person's team is ("Clinton team" -> "clinton
    campaign") when the article names that campaign among ORGS, else None."""
    words = fold(name).replace("\u2019", "'").removesuffix(" team").split()
    if len(words) != 1 or not fold(name).endswith(" team"):
        return None
    owner = words[0].removesuffix("'s")
    keys = one_per_name([k for k in orgs if WORDS.findall(k)[-2:] == [owner, "campaign"]])
    return keys[0] if len(keys) == 1 else None


# kinds of body a description names that few names say ("Wells Fargo" is a bank): "the
# network" is only the one body the article calls a network in apposition
APPOSED_KINDS = frozenset("network website site bank outlet firm broadcaster".split())


def apposed_kind(name: Token) -> str | None:
    """The kind of body among APPOSED_KINDS that a noun in apposition to a NAME's head gives
    it ("Roe Radio, the satellite network funded by ..." or "the network, Roe Radio,"), else
    None."""
    nouns = [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        nouns.append(name.head)
    return next((n.lower_ for n in nouns if n.lower_ in APPOSED_KINDS), None)


def _fits_org_head(noun: str) -> Callable[[list[str]], bool]:
    """Whether an organisation's folded name words fit a description's head NOUN: "poll"
    fits "bloomberg poll", "commission" "commission on ...", "newspaper" "new york post"."""
    if noun in ("newspaper", "paper"):
        return lambda name: name[-1] in PAPER_WORDS and "poll" not in name
    if noun == "union":
        return lambda name: name[-1] not in POLLS | {"campaign"} and is_labour_body(name)
    if noun == "agency":
        return lambda name: name[-1] not in POLLS | {"campaign"} and bool(AGENCY_WORDS & set(name))
    return lambda name: noun in name and name[-1] not in POLLS | {"campaign"} or name[-1] == noun


WORDS = re.compile(r"[a-z0-9]+")
# the kinds of body a bare or indefinite description names ("a federal appeals court", "A
# House panel"), by the words of a name that make a body one of that kind
BODY_KINDS: dict[str, Callable[[list[str]], bool]] = {
    "court": lambda name: "court" in name,
    "panel": lambda name: bool({"committee", "subcommittee", "panel"} & set(name)),
    "union": lambda name: name[-1] not in POLLS | {"campaign"} and is_labour_body(name),
}
# words before a kind that name none of it: "a new poll", "a federal appeals court"
KIND_ADJECTIVES = frozenset({"new", "latest", "recent", "federal"})


def recent_one(
    places: list[tuple[int, int, int, str]], now: int, doc: int, at: int, determiner: str
) -> tuple[str, str] | None:
    """Of the things named at PLACES (sentence, paragraph's Doc id, token, name; in text
    order), the one a description at token AT of sentence NOW stands for, and where it was
    named: the only one named in the few sentences before it, or for "this" or "that" the
    last one; None when none is, or two are as likely."""
    before = [
        p
        for p in places
        if now - DOCUMENT_SENTENCES <= p[0] <= now and (p[0] < now or p[1] == doc and p[2] < at)
    ]
    if not before:
        return None
    last = before[-1]
    names = {p[3] for p in before}
    if len(names) > 1 and (
        fold(determiner) not in ("this", "that")
        or any(p[0] == last[0] and p[3] != last[3] for p in before)
    ):
        return None
    back = now - last[0]
    where = {0: "earlier in this sentence", 1: "in the previous sentence"}
    return last[3], where.get(back, f"{back} sentences before")


def police_force(tok: Token) -> str | None:
    """The police force a place's name before "police" makes ("the Dayton police chief" ->
    "Dayton Police Department"), else None."""
    if tok.lower_ != "police":
        return None
    doc, i = tok.doc, tok.i
    while i > 0 and (
        doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper() or _joins_name(doc, i - 1)
    ):
        i -= 1  # "Dayton-Kettering police"
    if i == tok.i or any(doc[k].ent_type_ == "PERSON" for k in range(i, tok.i)):
        return None
    return f"{doc_text(doc)[doc[i].idx : tok.idx].strip()} Police Department"


def one_per_name(keys: list[str]) -> list[str]:
    """Folded names, one of each written with other punctuation ("harwell times-metro news
    poll" and "harwell times/metro news poll" are one poll): the first of each."""
    out: dict[tuple[str, ...], str] = {}
    for key in keys:
        out.setdefault(tuple(WORDS.findall(key)), key)
    return list(out.values())


def _fits_short_form(short: list[str]) -> Callable[[list[str]], bool]:
    """Whether an organisation's folded name words are SHORT and more, SHORT at their end
    ("post" of "new york post") or before "of", "on" or "for" ("commission" of "commission
    on ..."); not "naacp" of "naacp board"."""
    n = len(short)
    return lambda name: (
        len(name) > n
        and (name[-n:] == short or name[:n] == short and name[n] in ("of", "on", "for"))
    )


class Resolver:
    """Walks a document's mentions in order and links surnames, pronouns and roles."""

    def __init__(
        self,
        quoted: Callable[[Token], bool] | None = None,
        sentence: Callable[[Token], int] | None = None,
    ) -> None:
        # whether a token stands inside a quotation (else "I" is the author's own voice)
        self.quoted = quoted or (lambda _: True)
        # a token's sentence, numbered through the document (a pronoun looks back by sentences)
        self.sentence = sentence or (lambda t: t.sent.start)
        self.full_names: dict[str, list[str]] = {}  # surname -> full names, in text order
        self._shortest: dict[str, str] = {}  # shortest_form's answers, while full_names stays
        self.people: set[str] = set()  # every name the parser read as a person's
        self.actors: dict[str, ResolvedActor] = {}  # canonical name -> actor
        self.last_person: ResolvedActor | None = None
        self.last_any: ResolvedActor | None = None
        self.recent: list[ResolvedActor] = []  # persons noted as subjects, latest last
        # names a firm's or a body's description stands in apposition to, and their kind
        self.apposed_bodies: dict[str, ActorKind] = {}
        self.seen: list[Seen] = []  # who was named where, for the pronouns after it
        # per mention (id of its paragraph's Doc, start, end): how it was resolved, and the
        # other named people it names ("Jon Doe and Ann Roe")
        self.how: dict[tuple[int, int, int], str] = {}
        self.others: dict[tuple[int, int, int], list[str]] = {}
        # the roles the article gives named people, anywhere in it: (name as written, role)
        self.written: list[tuple[str, str]] = []
        self.orgs: dict[str, ResolvedActor] = {}  # folded name -> each organisation named
        self.new_polls: set[str] = set()  # the polls of them it calls new or the latest
        # where each was named, in text order: (sentence, paragraph's Doc id, token, name)
        self.org_places: list[tuple[int, int, int, str]] = []
        # where the NER finds an organisation's name, of any length ("Volkswagen"): by_company
        self.org_ents: list[tuple[int, int, int, str]] = []
        self.cities: list[tuple[int, int, int, str]] = []  # and the cities named as such
        # the kinds the article gives organisations in apposition: "Roe Radio, the network"
        self.org_kinds: dict[str, set[str]] = {}
        # the documents named with their owner, in text order: (sentence, paragraph's Doc id,
        # token, kind of document, owner) -- "the ad" may stand for the last ad named so
        self.documents: list[tuple[int, int, int, str, ResolvedActor]] = []
        self.lower_words: set[str] = set()  # the words the article writes in lower case
        self.docs: list[Doc] = []  # its paragraphs, in text order
        self.mid_capitals: set[str] = set()  # and those it capitalises inside a sentence
        self.surname_for: dict[str, str] = {}  # a surname alone -> whom it stood for
        # the people whose gender a "he" or "she" taught, and no name, title or role yet
        self.taught_by_pronoun: set[str] = set()
        # the people a title or a role word ("Mr.", "his wife") gave a gender, anywhere
        self.titled_gender: set[str] = set()
        # a "they" resolved to a group of named people, by (id of its Doc, its token): that
        # group stays whom the next "they" may be
        self.grouped: dict[tuple[int, int], ResolvedActor] = {}
        # people a mention names together by their names, by (id of its Doc, its head token):
        # their group is whom a later "they" may be, as each of them is whom "he" may be
        self.listed: dict[tuple[int, int], ResolvedActor] = {}
        # (sentence, name) of each person named as a main clause's subject, and of each
        # person named at all, in text order; and the sentences after a time stamp
        self.subjects: list[tuple[int, str]] = []
        self.named_at: list[tuple[int, str]] = []
        # the ages the article gives people ("Jo Roe, 23,", "23-year-old Jo Roe"): age -> names
        self.ages: dict[int, set[str]] = {}
        self.stamped: set[int] = set()

    def see_documents(self, doc: Doc) -> None:
        """Note the documents a paragraph names with their owner ("a new ad from the Roe
        campaign", "the union said in a statement"), for a description of one later ("The
        ad", "the statement") that names nobody."""
        cols, strings = columns(doc), doc.vocab.strings
        for i, (pos, lemma) in enumerate(zip(cols.pos, cols.lemma, strict=True)):
            if pos != _NOUN:
                continue
            family = DOCUMENT_FAMILY.get(strings[lemma].lower())
            if family is None:
                continue
            tok = doc[i]
            owner = document_owner(tok) or document_issuer(tok)
            if owner is None:
                continue
            found = owner_of(tok, owner)
            if found is not None and found.name and found.kind != "unnamed":
                self.documents.append((self.sentence(tok), id(doc), tok.i, family, found))

    def by_document(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """Whom a document that names no owner speaks for: the one its possessive pronoun
        stands for ("Her submission"), the one its own sentence says issued it ("In a
        statement, the union said"), or, for a definite description ("The ad", "the spot,
        titled ..."), the owner of the last document of its kind named with one a few
        sentences before; None when none or two as recent fit."""
        family = DOCUMENT_FAMILY.get(head.lemma_.lower())
        if head.pos_ != "NOUN" or family is None or owned_by(head) is not None:
            return None
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ in ("his", "her"):
            hit, why = self.pronoun(poss.lower_, poss)
            if hit is None:
                return None
            return self._owner(head, hit), f"its author or owner, '{poss.text}' being {why}"
        now, key = self.sentence(head), id(head.doc)
        notes = [
            n
            for n in self.documents
            if n[3] == family
            and now - DOCUMENT_SENTENCES <= n[0] <= now
            and (n[0] < now or n[1] == key and n[2] <= head.i)
        ]
        own = [n for n in notes if n[1] == key and n[2] == head.i]
        if own:
            return self._owner(head, own[0][4]), "its author or owner, named in its sentence"
        words = cut_clauses(" ".join(text.split())).split()
        if len(words) > 4 or fold(words[0]) not in DOCUMENT_DETERMINERS:
            return None
        owners = {n[4].name or "": n[4] for n in notes}
        places = [(n[0], n[1], n[2], n[4].name or "") for n in notes]
        owned = any(c.dep_ == "poss" for c in head.children)  # "the agency's data": its
        if not notes and family in FINDINGS and fold(words[0]) == "the" and not owned:
            return self.last_body_speaker(head, family)
        if (hit := recent_one(places, now, key, head.i, words[0])) is None:
            return None
        return self._owner(head, owners[hit[0]]), f"the owner of the {family} named {hit[1]}"

    def by_possessor(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """Who says what a noun of speech owned by a pronoun says ("his only response was to
        say ..."): the one the pronoun stands for, as "he" would; None when the noun is
        none of SPEECH_NOUNS, its owner no pronoun of a person, or the pronoun unsure."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in SPEECH_NOUNS:
            return None
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in ("his", "her"):
            return None
        hit, why = self.pronoun(poss.lower_, poss)
        if hit is None:
            return None
        return hit, f"whose {head.lower_} it is, '{poss.text}' being {why}"

    def last_body_speaker(self, head: Token, family: str) -> tuple[ResolvedActor, str] | None:
        """Whose findings "the data" or "the study" are when no document of the kind was
        named with an owner: the speaker of the sentence before it, when that sentence
        credits its claims to exactly one speaker and that one is a named body ("The
        Refugee Center said ... According to the data, ..."); None for a person, for two
        speakers, or none."""
        before = self.sentence(head) - 1
        names = {
            s.actor.name or "": s.actor
            for s in self.seen
            if s.sent == before and s.weight == 3 and s.place == "the speaker in"
        }
        if len(names) != 1:
            return None
        body = next(iter(names.values()))
        if body.kind not in BODIES or not body.name:
            return None
        return self._owner(head, body), f"the owner of the {family}, the speaker just before it"

    def _owner(self, document: Token, owner: ResolvedActor) -> ResolvedActor:
        """The actor for a document's OWNER, under the one longer name the article gives a
        body named short ("the Times" of "The Harbor City Times")."""
        found = owner_actor(document, owner)
        name = found.name or ""
        if found.kind in BODIES:
            fit = _fits_short_form(WORDS.findall(fold(name)))
            longer = one_per_name([key for key in self.orgs if fit(key.split())])
            if len(longer) == 1:
                found = self.orgs[longer[0]]
        return self.canonical(ResolvedActor(found.name, found.kind, forms=[found.name or ""]))

    def see_words(self, doc: Doc) -> None:
        """Note the words a paragraph writes in lower case, and those it capitalises inside a
        sentence: a word the article capitalises there and never writes in lower case is a
        name, though the tagger calls it a common noun ("after the storm Pierfact did")."""
        cols, strings = columns(doc), doc.vocab.strings
        lower = {o for o, low in zip(cols.orth, cols.is_lower, strict=True) if low}
        self.lower_words.update(strings[o] for o in lower)
        self.docs.append(doc)
        title, start, alpha = cols.is_title, cols.sent_start, cols.is_alpha
        mid = {
            cols.orth[i]
            for i in range(1, len(title))
            if title[i] and start[i] != 1 and alpha[i - 1]
        }
        self.mid_capitals.update(strings[o] for o in mid)

    def see_subjects(self, doc: Doc, stamp: bool = False) -> None:
        """Note where a paragraph names people, and whom as a main clause's subject outside
        a quotation ("..., said Jo Roe"): a lede's description may be the next one so
        named. A STAMP paragraph ("2:45 p.m.") makes the next sentence a lede."""
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            root, name = ent.root, person_name(ent.text)
            self.named_at.append((self.sentence(root), name))
            if (age := age_given(ent)) is not None and len(name.split()) >= 2:
                self.ages.setdefault(age, set()).add(name)
            verb = root.head if root.head.dep_ != "conj" else root.head.head
            if root.dep_ in SUBJECTS and verb.dep_ == "ROOT" and not self.quoted(root):
                alone = not any(c.dep_ == "conj" for c in root.children)
                self.subjects.append((self.sentence(root), name if alone else ""))
        if stamp and len(doc):
            self.stamped.add(self.sentence(doc[-1]) + 1)
        first = next(doc.sents, None) if len(doc) else None
        if first is not None and is_dateline(first):  # "HARLAN, Ky. —" split off its lede
            self.stamped.add(self.sentence(first[-1]) + 1)

    def see_org_names(self, doc: Doc) -> None:
        """Note the organisations, outlets, campaigns and polls a paragraph names ("the Trump
        campaign", "The New York Post", "a Quinnipiac poll"), for a description of one that
        comes before or after its name ("the campaign", "The Post")."""
        heads = org_heads(doc)
        for ent in doc.ents:
            if ent.label_ == "ORG":
                self.org_ents.append((self.sentence(ent.root), id(doc), ent.root.i, fold(ent.text)))
        titled: dict[int, bool] = {}  # by sentence start: a sentence may hold several heads
        for i, end in sorted(heads.items()):
            tok = doc[i]
            sent = tok.sent
            if (title := titled.get(sent.start)) is None:
                title = titled[sent.start] = _title_cased(sent)
            if title:
                continue  # a headline's capitals make no name ("Ferry Plan Up for ...")
            left = min(t.idx for t in tok.subtree if t.i <= tok.i)
            found = analyse_mention(tok, left, end)
            stop = end
            if (found.name or "").endswith(tok.text) and (of_end := _of_name_end(tok)):
                rest = doc_text(doc)[tok.idx + len(tok.text) : of_end]  # "U.S. Court" + "of ..."
                found = ResolvedActor(clean(f"{found.name}{rest}"), found.kind)
                stop = of_end
            if (found.name or "") and doc_text(doc)[:stop].endswith((found.name or "").split()[-1]):
                more = doc_text(doc)[stop : _for_name_end(doc_text(doc), found.name or "", stop)]
                found = ResolvedActor(clean(f"{found.name}{more}"), found.kind) if more else found
            name = found.name or ""
            proper = any(t.pos_ == "PROPN" for t in tok.subtree if t.i <= tok.i)
            if found.kind in BODIES and len(name.split()) >= 2 and name[:1].isupper() and proper:
                self.orgs.setdefault(fold(name), found)
                self.org_places.append((self.sentence(tok), id(doc), tok.i, fold(name)))
                if tok.lower_ in POLLS and any(t.lower_ in NEW for t in tok.lefts):
                    self.new_polls.add(fold(name))  # "The latest Roe/Poe poll"
                if (kind := apposed_kind(tok)) is not None:
                    self.org_kinds.setdefault(fold(name), set()).add(kind)
        for tok in doc:
            if (force := police_force(tok)) is not None:
                self.orgs.setdefault(fold(force), ResolvedActor(force, "government"))
        for tok, name in cities_named(doc):
            self.cities.append((self.sentence(tok), id(doc), tok.i, name))

    def the_city(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The city "the city" stands for: the one named as a city ("the city of Tucson")
        earlier in its sentence or in the sentence before it; None when the mention is not
        "the city", or none or two such cities are named there."""
        if " ".join(text.split()).lower() != "the city" or head.tag_ != "NN":
            return None
        hit = recent_one(self.cities, self.sentence(head), id(head.doc), head.i, "the")
        if hit is None or not hit[1].startswith(("earlier", "in the previous")):
            return None
        city = ResolvedActor(hit[0], "government", forms=[hit[0]])
        return city, f"the one city named {hit[1]}"

    def by_kind(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The one organisation of a kind the article names that a bare mention of the kind
        stands for: "police" for the "Dayton police" named in it ("Dayton Police
        Department"), "Poll" (a headline's) or "a new poll" for its one named poll, "a
        federal appeals court" for its one Court of Appeals, "A House panel" for its one
        House committee. A headline's or a lead's bare or indefinite one ("New Poll", "A
        House panel voted ...") is the first of several the article names after it, as news
        names what its lead describes (not two named together there); None when none or,
        elsewhere, several are named."""
        words = [w.lower() for w in cut_clauses(" ".join(text.split())).split()]
        first = words[0] if words else ""
        if words[:1] in (["the"], ["a"], ["this"]):
            words = words[1:]
        new = words[:1] in (["new"], ["latest"])
        while words[:1] and words[0] in KIND_ADJECTIVES:
            words = words[1:]
        if words == ["police"]:
            keys = [k for k in self.orgs if k.endswith("police department")]
            kind = "police department"
        elif words in (["poll"], ["survey"]) and head.tag_ in ("NN", "NNP"):
            keys = [k for k in self.orgs if k.split()[-1] == words[0]]
            kind = words[0]
        elif (
            head.lower_ in BODY_KINDS
            and head.tag_ in ("NN", "NNP")
            and not head.ent_type_  # not a name ("the U.S. Court of Appeals")
            and self.sentence(head) <= 1
        ):
            # a headline's or lead's: "A House panel" is a committee with "House" in its name,
            # "A union representing flight attendants" a labour body
            said = WORDS.findall(fold(doc_text(head.doc)[head.left_edge.idx : head.idx]))
            said = [w for w in said if w not in KIND_ADJECTIVES | {"a", "an", "the"}]
            if head.lower_ in ("union", "guild") and words[-1:] != [head.lower_]:
                return None  # "a union representing pilots": by_trade reads its trade
            if not said and first == "the":
                return None  # "the union": the one named before it, as by_org finds
            fit = BODY_KINDS[head.lower_]
            keys = [k for k in self.orgs if fit(w := WORDS.findall(k)) and set(said) <= set(w)]
            kind = " ".join([*said, head.lower_])
        else:
            return None
        keys = one_per_name(keys)
        why = f"the one {kind} named in this article"
        if len(keys) > 1 and new and words[0] != "police":  # "a new poll" of several named
            called_new = [k for k in keys if k in self.new_polls]
            if len(called_new) == 1:
                keys, why = called_new, f"the one {kind} this article calls new or the latest"
        if len(keys) > 1 and self.sentence(head) <= 1 and first != "the":
            now = self.sentence(head)
            after = [
                p
                for p in self.org_places
                if p[3] in keys
                and now <= p[0] <= now + DOCUMENT_SENTENCES
                and (p[0] > now or p[1] == id(head.doc) and p[2] > head.i)
            ]
            # two named together in that sentence are as likely ("a Roe poll and a Poe poll")
            keys = list({p[3] for p in after if p[0] == after[0][0]}) if after else []
            why = f"the first {kind} this article names after its lead"
        if len(keys) != 1:
            return None
        return self.named_org(keys[0]), why

    def named_org(self, key: str) -> ResolvedActor:
        """The organisation the article names under folded name KEY (of ``self.orgs``), as
        the actor a description of it stands for."""
        org = self.orgs[key]
        return self.canonical(ResolvedActor(org.name, org.kind, forms=[org.name or ""]))

    def by_org(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The one organisation the article names that a definite description of one stands
        for: "the campaign" for "the Trump campaign", "the poll" for "a Bloomberg poll", "The
        Post" for "The New York Post"; None when none or several fit."""
        words = [clean(w) for w in cut_clauses(" ".join(text.split())).split()]
        if len(words) < 2 or words[0].lower() not in ("the", "this", "that"):
            return None
        if _RESTRICTED.search(" ".join(text.split())):
            return None  # "the company that runs the fair": which one, the clause tells
        called = _CALLED.search(text)
        if head.lower_ in ORG_HEADS and len(words) <= 3 and called is not None:
            return self.canonical(ResolvedActor(called.group(1), "organization")), "named so in it"
        rest = [w.lower() for w in words[1:]]
        if head.pos_ == "NOUN" and head.lower_ in NAME_WORD_HEADS and len(rest) <= 2:
            if rest[-1] != head.lower_ or not all(w.islower() for w in words[1:]):
                return None
            fit = _fits_org_head(head.lower_)
        elif (
            head.pos_ == "PROPN"
            and head.ent_type_ in ("", "ORG")
            and len(rest) <= 2
            and all(w[:1].isupper() for w in words[1:])
        ):
            fit = _fits_short_form(rest)
            if rest[-1] in STATE_BODIES:  # "the Supreme Court" is no "Ohio Supreme Court"
                fit = _not_a_place_s(fit, len(rest))
        else:
            return None
        found = one_per_name(
            [
                key
                for key in self.orgs
                if fit(key.split())
                and (
                    self.orgs[key].kind != "media"
                    or head.pos_ != "NOUN"
                    or head.lower_ in MEDIA_HEADS
                )
            ]
        )
        if len(found) > 1:  # "the appeals court" of a Court of Appeals and a Supreme Court
            found = [k for k in found if set(rest) <= set(WORDS.findall(k))] or found
        why = f"the one {' '.join(rest)} named in this article"
        if len(found) > 1:
            places = [(p[0], p[1], p[2], p[3]) for p in self.org_places if p[3] in found]
            key = recent_one(places, self.sentence(head), id(head.doc), head.i, words[0])
            own = self._own_campaign(found) if head.lower_ == "campaign" and not key else None
            found = [key[0]] if key else own[0] if own else []
            why = f"the {rest[-1]} named {key[1]}" if key else own[1] if own else why
        if len(found) != 1:
            return None
        return self.named_org(found[0]), why

    def by_company(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The firm a definite "the company" ("the firm", "the automaker", "the airline")
        stands for: the only firm named in the few sentences before it, when the NER finds no
        other organisation's name since; a firm being an organisation whose name is no
        party's, campaign's, union's, school's or public body's. None when none or two are as
        likely."""
        words = cut_clauses(" ".join(text.split())).lower().split()
        if head.pos_ != "NOUN" or words != ["the", head.lower_] or head.lower_ not in FIRM_NOUNS:
            return None
        if _RESTRICTED.search(" ".join(text.split())):
            return None  # "the company that runs the fair": which one, the clause tells
        firms = {
            key
            for key, org in self.orgs.items()
            if org.kind == "organization"
            and (w := WORDS.findall(key))
            and w[-1] not in NO_FIRM_LAST | POLLS
            and not is_labour_body(w)
        }
        places = [p for p in self.org_places if p[3] in firms]
        now, here = self.sentence(head), id(head.doc)
        near = recent_one(places, now, here, head.i, "the")
        if near is None:
            return None
        named = max(  # its last naming before the head, not one later in its sentence
            p for p in places if p[3] == near[0] and (p[0] < now or p[1] == here and p[2] < head.i)
        )
        if any(  # another organisation the NER finds since: as likely ("Volkswagen")
            named[0] <= e[0] <= now
            and (e[0] < now or e[1] == here and e[2] < head.i)
            and e[3] not in near[0]
            and near[0] not in e[3]
            for e in self.org_ents
        ):
            return None
        return self.named_org(near[0]), f"the firm named {near[1]}"

    def by_trade(self, head: Token, start: int, end: int) -> tuple[ResolvedActor, str] | None:
        """The one labour body the article names that a union described by its trade
        stands for ("a union representing flight attendants", "the flight attendants'
        union" for the "Association of Flight Attendants"); None when the words name no
        trade, or none or several named unions are of it."""
        if head.pos_ != "NOUN" or head.lower_ not in ("union", "guild"):
            return None
        said = [t for t in head.subtree if start <= t.idx < end and t != head]
        words = WORDS.findall(fold(" ".join(t.text for t in said if t.pos_ == "NOUN")))
        trade = set(words)
        if not trade:
            return None
        keys = [k for k in self.orgs if is_labour_body(w := WORDS.findall(k)) and trade <= set(w)]
        found = one_per_name(keys)
        if len(found) != 1:
            return None
        return self.named_org(
            found[0]
        ), f"the one union of {' '.join(dict.fromkeys(words))} named in this article"

    def by_named_kind(self, head: Token) -> tuple[ResolvedActor, str] | None:
        """The one named body a definite description spells out in lower case: "the top
        British medical journal" for the "British Medical Journal", its kind and two words
        or more of its name before it; words before it that are no adjective in lower case
        ("top") all in the name. None when none or two bodies fit."""
        det = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
        if head.pos_ != "NOUN" or not det:
            return None
        mods = [t for t in head.doc[head.left_edge.i : head.i] if t.dep_ not in ("det", "punct")]
        have = {w for t in mods for w in WORDS.findall(fold(t.text))}
        need = {
            w
            for t in mods
            if t.pos_ != "ADJ" or t.text[:1].isupper()
            for w in WORDS.findall(fold(t.text))
        }
        fit = BODY_KINDS.get(head.lower_) or (lambda name: head.lower_ in name)
        keys = one_per_name(
            [
                k
                for k in self.orgs
                if fit(w := WORDS.findall(k)) and need <= set(w) and len(have & set(w)) >= 2
            ]
        )
        if len(keys) != 1:
            return None
        return self.named_org(keys[0]), "the one body named in this article with its words"

    def by_apposed_kind(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The one organisation the article calls in apposition what a definite description
        of one says it is: "the network" for "Roe Radio, the satellite network ..."; None for
        another description, or when none or two are called so."""
        words = cut_clauses(" ".join(text.split())).lower().split()
        if head.pos_ != "NOUN" or head.lower_ not in APPOSED_KINDS or words[:1] != ["the"]:
            return None
        keys = one_per_name([k for k, kinds in self.org_kinds.items() if head.lower_ in kinds])
        if len(keys) != 1 or len(words) > 3:
            return None
        return self.named_org(keys[0]), f"the one body this article calls the {head.lower_}"

    def _own_campaign(self, keys: list[str]) -> tuple[list[str], str] | None:
        """Of the campaigns KEYS, the one of the person last noted as a subject ("Jo Roe
        will speak. The campaign says ..." is the Roe campaign), with why; else None."""
        person = self.latest()
        if person is None or not person.name:
            return None
        name = WORDS.findall(fold(person.name))
        mine = [  # "roe campaign" or "jo roe campaign" for Jo Roe
            k
            for k in keys
            if (w := WORDS.findall(k))[-1] == "campaign"
            and 0 < len(w) - 1 <= len(name)
            and name[-(len(w) - 1) :] == w[:-1]
        ]
        if len(mine) != 1:
            return None
        return mine, f"the campaign of {person.name}, the subject before it"

    def see_person_name(self, full: str) -> None:
        self.people.add(full)
        self._shortest.clear()  # full_names may change
        parts = full.split()
        if is_indefinite(full) or not parts or not parts[0][:1].isupper():
            return  # "One Republican" is nobody's name
        if len(parts) >= 2 and not is_particle(parts[0]):  # "bin Laden" is a surname
            names = self.full_names.setdefault(parts[-1].lower(), [])
            if full not in names:
                names.append(full)
            last = surname(full)  # "de Blasio", or "Ban" of "Ban Ki-moon"
            if last is not None and last.lower() != parts[-1].lower():
                more = self.full_names.setdefault(last.lower(), [])
                if full not in more:
                    more.append(full)

    def see_roles(self, ent: Span) -> None:
        """Note the roles the article gives the person ENT names (call after every
        ``see_person_name``, so that a surname finds its full name)."""
        name = person_name(ent.text)
        if is_indefinite(name):
            return
        roles = [_DET.sub("", role) for role in written_roles(ent)]
        if (pair := couple(ent)) is not None:  # "my parents, Tom and Rita Vance,"
            name, other = pair
            self.see_person_name(name)
            self.see_person_name(other)
            self.written.extend((other, role) for role in roles)
        self.written.extend((name, role) for role in roles)

    def written_roles_of(self, name: str) -> list[str]:
        """The roles the article writes for the person named NAME in full, wherever it names
        them ("led by microbiologist Jo Roe" for a later "Roe said"), in text order."""
        return [r for w, r in self.written if r and self._full(w) == name]

    def _full(self, name: str) -> str:
        """The article's full name for a written name: "Mr. Trump" -> "Donald Trump"."""
        parts = [w for w in name.split() if w.lower() not in HONORIFICS]
        name = " ".join(parts)
        if len(parts) == 1 or len(parts) == 2 and is_particle(parts[0]):
            return self.full_name(name, None) or name
        return self.longer_form(self.shortest_form(name))

    def note_subject(
        self, actor: ResolvedActor, tok: Token | None = None, speaker: bool = False
    ) -> None:
        """ACTOR is a sentence's subject, or a claim's SPEAKER, at TOK (its head)."""
        if tok is not None and (group := self.grouped.get((id(tok.doc), tok.i))) is not None:
            actor = group  # "they" for "Jo Roe and Al Poe": the pair, not the first of them
        elif tok is not None and (listed := self.listed.get((id(tok.doc), tok.i))) is not None:
            self.seen.append(Seen(listed, self.sentence(tok), *place(tok, speaker), plural=True))
        elif tok is not None and actor.kind == "person" and actor.name:
            self.note_group(actor, tok, speaker)
        if actor.kind == "person" and actor.name:
            self.last_person = actor
            if actor in self.recent:
                self.recent.remove(actor)
            self.recent.append(actor)
        self.last_any = actor
        if tok is not None and actor.name:
            plural = tok.tag_ in ("NNS", "NNPS") or actor.kind == "group"
            fresh = actor.kind == "unnamed" and _indefinite(tok)
            self.seen.append(Seen(actor, self.sentence(tok), *place(tok, speaker), plural, fresh))
            if (mates := companions(tok)) is not None:  # "Jo Roe and her colleagues": a
                # later "they" is all of them, unnamed, not Jo Roe alone
                group = ResolvedActor(f"{actor.name} and {mates}", "unnamed", role=mates)
                self.seen.append(Seen(group, self.sentence(tok), *place(tok, speaker), True))

    def note_group(self, first: ResolvedActor, tok: Token, speaker: bool = False) -> None:
        """People named together at TOK ("Jo Roe and Al Poe said"): the group of them, "Jo
        Roe & Al Poe", is whom a later "they" may be."""
        others = [self.canonical(o).name for o in co_speakers(tok, first.name)]
        names = list(dict.fromkeys([first.name or "", *(o for o in others if o)]))
        if len(names) < 2:
            return
        group = ResolvedActor(" & ".join(names), "group", forms=names)
        self.seen.append(Seen(group, self.sentence(tok), *place(tok, speaker), plural=True))

    def note_body(self, tok: Token) -> None:
        """A body described as a sentence's subject at TOK ("The campaign sent a letter"):
        the one organisation the article names that it stands for, else an unnamed one, so
        that the "it" after it is not one named before it. Nothing for another subject."""
        described = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children)
        if tok.pos_ != "NOUN" or tok.dep_ not in SUBJECTS or not described:
            return
        if tok.lower_ not in ORG_HEADS | ORG_WORDS | GOVERNMENT_WORDS | BODY_NOUNS:
            return
        start, end = tok.left_edge.idx, tok.idx + len(tok.text)
        said = doc_text(tok.doc)[start:end]
        hit = self.by_org(tok, said)
        if hit is None and (place := the_state(tok, said) or self.the_city(tok, said)):
            hit = self.canonical(place[0]), place[1]  # "The city sent a letter. It says ..."
        name = clean(_DET.sub("", said))
        self.note_subject(hit[0] if hit else ResolvedActor(name, "unnamed", role=name), tok)

    def note_owner(self, tok: Token) -> None:
        """A person described as a subject's owner at TOK ("The mayor's plan failed"): the
        one the article gives that role, noted as a subject's owner when there is one."""
        actor = self.resolve(tok, tok.left_edge.idx, tok.idx + len(tok.text))
        if actor.kind == "person" and actor.name:
            self.note_subject(actor, tok)

    def note_surname(self, tok: Token) -> None:
        """A surname alone at TOK, a subject the tagger read as a common noun ("Deane is
        expected to start"): the person the article names in full with it is that subject,
        whom a "he" after it may be (noted as a subject, no actor's role or kind touched)."""
        name = self.surname_person(tok)
        if name is None:
            return
        gender = name_first_gender(name.split()[0])
        actor = self.actors.get(name) or ResolvedActor(name, "person", gender=gender, forms=[name])
        if actor.kind == "person":
            self.note_subject(actor, tok)

    def kin_surname(self, tok: Token) -> str | None:
        """The surname a first name alone at TOK takes from the person whose kin it names
        ("his daughter, Ellen": the surname of whom "his" stands for, as "he" would be
        found); None when TOK stands in apposition to no kin word owned by "his" or "her",
        or the pronoun is unsure."""
        kin = tok.head
        if tok.dep_ != "appos" or kin.lower_ not in SURNAME_KIN:
            return None
        poss = next((c for c in kin.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in ("his", "her"):
            return None
        hit, _ = self.pronoun(poss.lower_, poss, learn=False)
        if hit is None or hit.kind != "person" or not hit.name:
            return None
        return (hit.name or "").split()[-1]

    def note_mention(self, tok: Token) -> None:
        """A person named at TOK in no subject's place ("the doctor of Gary Johnson"): a
        pronoun after it may be them, though less likely than a subject."""
        start, end = tok.left_edge.idx, tok.idx + len(tok.text)
        found = analyse_mention(tok, start, end)
        if found.kind != "person" or not found.name:
            return
        name = found.name
        if len(name.split()) == 1 and (full := self.full_name(name, None)) is not None:
            name = full
        elif len(name.split()) == 1 and (kin := self.kin_surname(tok)) is not None:
            name = f"{name} {kin}"
        written = doc_text(tok.doc)[start:end]
        gender = mention_gender(written, name)
        if gender is None and name.lower() not in self.full_names:  # "James", no surname
            gender = first_name_gender(name)
        actor = self.actors.get(name) or ResolvedActor(name, "person", gender=gender)
        if actor.kind == "person":
            said = mention_gender(written, None)
            self.tell_gender(actor, gender, said is not None)  # "Mr. Roe" anywhere: a man
            if said is not None and actor.gender == said:
                self.titled_gender.add(name)  # a title, not only a rare first name
        self.seen.append(Seen(actor, self.sentence(tok), *place(tok, False)))
        self.note_group(actor, tok)

    def read_as_person(self, name: str) -> bool:
        """Whether NAME is a person's by the article's own reading: the parser took it for a
        person somewhere, and it starts with a first name of clear gender ("Ava Roe")."""
        parts = name.split()
        return len(parts) >= 2 and name in self.people and first_name_gender(parts[0]) is not None

    def shortest_form(self, name: str) -> str:
        """A known full name that NAME only adds words to at an edge ("Rip Donald Trump",
        a headline's word glued on, is "Donald Trump" when the article names him so). A
        tail that starts with no first name is a compound surname, no shorter form of it
        ("Guajardo Villarreal" of "Ildefonso Guajardo Villarreal"). Kept for each NAME until
        ``see_person_name`` is called again: resolving asks it again and again."""
        found = self._shortest.get(name)
        if found is None:
            found = self._shortest[name] = self._shortest_form(name)
        return found

    def _shortest_form(self, name: str) -> str:
        words = name.split()
        for names in self.full_names.values():
            for full in names:
                short = full.split()
                if len(short) < 2 or not _within(short, words):
                    continue
                if words[: len(short)] == short or not _compound(words[: -len(short)], short):
                    return full
        return name

    def longer_form(self, name: str) -> str:
        """The one full name the article gives that ends with NAME's words, NAME having two
        or more ("Guajardo Villarreal" is "Ildefonso Guajardo Villarreal"), else NAME."""
        words = name.split()
        longer = {
            full
            for names in self.full_names.values()
            for full in names
            if len(full.split()) > len(words) >= 2 and full.split()[-len(words) :] == words
        }
        return longer.pop() if len(longer) == 1 else name

    def full_name(self, surname: str, gender: Gender | None) -> str | None:
        """The full name the article gives a surname, of a compatible gender: the one there
        is, else the one not named as another's kin, else the one the surname alone stood
        for before, else the one of the most recent subjects."""
        forms = [self.shortest_form(n) for n in self.full_names.get(surname.lower(), [])]
        names = [
            n
            for n in dict.fromkeys(forms)
            if compatible(gender, name_first_gender(n.split()[0]))
            and compatible(gender, self._gender_of(n))
        ]
        if not names:
            return self.by_first_name(surname, gender)
        if len(names) == 1:
            return names[0]
        if len(head := [n for n in names if not self.named_as_kin(n)]) == 1:
            # "Trump" of Jo Trump and "Ann Trump, the nominee's daughter", unless she is
            # the one just speaking ("Ann Trump said ... Trump added")
            return self.kin_speaking(names, head[0]) or head[0]
        key = fold(surname)
        if (before := self.surname_for.get(key)) in names:
            return before  # "Roe" stays whom it stood for when Ann Roe is named later
        if self.last_seen_together(names):
            return None  # "Dr. Reyes" of Dr. Alan and Dr. Maria Reyes: left as written
        found = next((a.name for a in reversed(self.recent) if a.name in names), names[0])
        self.surname_for[key] = found
        return found

    def last_seen_together(self, names: list[str]) -> bool:
        """Whether the last two of NAMES seen so far were last seen in one sentence ("Dr. Alan
        Reyes and Dr. Maria Reyes run the clinic"): none of them is likelier than another."""
        last: dict[str, int] = {}
        for seen in self.seen:
            if seen.actor.name in names:
                last[seen.actor.name] = seen.sent
        latest = sorted(last.values(), reverse=True)
        return len(latest) >= 2 and latest[0] == latest[1]

    def by_owned_surname(self, head: Token) -> tuple[ResolvedActor, str] | None:
        """A surname after a body's possessive that the NER read as one body's name with it
        ("Harbour Radio’s Roe" as one ORG): the person this article names in full with that
        surname, the body the affiliation; None for anything else."""
        if head.pos_ != "PROPN" or head.ent_type_ == "PERSON" or head.lower_ not in self.full_names:
            return None
        if any(c.dep_ == "compound" for c in head.children):
            return None
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None or owner.ent_type_ == "PERSON":
            return None
        body = " ".join(t.text for t in owner.subtree if t.tag_ != "POS" and t.pos_ != "DET")
        found = ResolvedActor(head.text, "person", affiliation=body, forms=[head.text])
        actor = self.canonical(found, head.text)
        if actor.name == head.text:
            return None
        return actor, "named in full in this article"

    def kin_speaking(self, names: list[str], head: str) -> str | None:
        """Of NAMES, people who share a surname, the one named as another's kin when she
        or he is far the likeliest (as a pronoun is found: a speaker or a main subject of
        the last sentences, KIN_SALIENT_BY times likelier than HEAD, the one not named as
        kin: named in a later sentence than HEAD's last; and no other named person since,
        speaker or main subject, likelier) and named in two sentences at least (not only
        where the tie is told), else None."""
        now = max((s.sent for s in self.seen), default=0) + 1
        everyone = self.candidates(now, lambda _: 1.0)
        people = [s for _, s in everyone if s.weight >= 3 and self._is_named_person(s.actor)]
        if people and people[0].actor.name not in names:
            return None  # another person spoke since the kin did ("Ann Roe, his wife, said
            # ... Al Poe said ... Roe added" is the one not named as kin again)
        ranked = [(score, seen) for score, seen in everyone if seen.actor.name in names]
        if not ranked or ranked[0][1].actor.name == head or ranked[0][1].weight < 3:
            return None
        if len(ranked) > 1 and ranked[1][0] * KIN_SALIENT_BY > ranked[0][0]:
            return None
        kin = ranked[0][1].actor.name
        # named again after the sentence that told the tie ("Kate Roe, the senator's
        # daughter, said ... Roe said" is still the senator)
        if len({s.sent for s in self.seen if s.actor.name == kin}) < 2:
            return None
        return kin

    def by_first_name(self, first: str, gender: Gender | None) -> str | None:
        """The one person the article names in full with the first name FIRST ("Tobias" of
        "Tobias Quell", "Hillary" of "Hillary Clinton"), of a compatible gender; None when
        FIRST is a surname here too, or when several or nobody have that first name."""
        key = fold(first)
        if first.lower() in self.full_names or not is_first_name(first):
            return None  # "Obama" of a misread "Obama Clinton" is no first name
        found = {
            self.shortest_form(full)
            for names in self.full_names.values()
            for full in names
            if fold(full.split()[0]) == key
        }
        fits = [
            n
            for n in found
            if compatible(gender, name_first_gender(n.split()[0]))
            and compatible(gender, self._gender_of(n))
        ]
        return fits[0] if len(fits) == 1 and len(found) == 1 else None

    def named_as_kin(self, name: str) -> bool:
        """Whether the article gives the person NAME names a kin's role ("Ann Roe, the
        nominee's eldest daughter", "his wife, Ann Roe"), anywhere in it or where a mention
        of them was resolved so far: a relative of the one a surname alone stands for, named
        in full to tell them apart."""
        known = self.actors.get(name)
        roles = [known.role or ""] if known is not None else []
        roles += [
            role
            for written, role in self.written
            if written == name or self.shortest_form(written) == name
        ]
        return any(role_words(role) & SURNAME_KIN for role in roles if role)

    def _is_named_person(self, actor: ResolvedActor) -> bool:
        known = self.actors.get(actor.name or "") or actor
        return known.kind == "person" and bool(known.name) and not members(known)

    def tell_gender(self, actor: ResolvedActor, told: Gender | None, titled: bool = False) -> None:
        """Give a person ACTOR the gender TOLD by their name, a title or a role word (issue
        14): it fills a gap, and it outranks a gender a "he" or "she" taught before ("she"
        misread for a man named "Ted Roe" leaves him a man); a title or a role word
        (TITLED) outranks a first name's, whichever came first ("Ted Roe ... Ms. Ted Roe");
        of two names' or two titles' genders, the first stays."""
        if told is None or actor.gender == told:
            return
        name = actor.name or ""
        over_name = titled and name not in self.titled_gender
        if actor.gender is None or name in self.taught_by_pronoun or over_name:
            actor.gender = told
            self.taught_by_pronoun.discard(name)

    def _gender_of(self, name: str) -> Gender | None:
        """The gender of the person NAME names, as a name, a title or a role told it: one a
        "he" or "she" taught does not keep a title from them ("Mr. Roe" is still Jo Roe)."""
        known = self.actors.get(name)
        if known is None or name in self.taught_by_pronoun:
            return None
        return known.gender

    def titled(self, surname: str) -> bool:
        """Whether the article gives a person of SURNAME a title or a role ("Judge Jo Roe",
        "Jo Roe, a nurse"): a place's name that is theirs is the person's."""
        return any(role and fold(w.split()[-1]) == fold(surname) for w, role in self.written)

    def headline_word(self, found: ResolvedActor, head: Token) -> bool:
        """Whether a person FOUND by one word at HEAD is a common word a title-cased
        headline capitalised ("Anchor Expressed Fear ...", "Ads Demanding ..."): a word of
        general English (Zipf frequency 4 or more) the NER names nothing there, no first
        name, no surname of a person the article names in full and none it gives a title or
        a role ("Obama on Climate Change" over "Mr. Obama said": "Obama" is frequent English
        too) (issue 14)."""
        return (
            found.kind == "person"
            and found.name == head.text
            and (head.ent_type_ == "" or _verb_in_name(head))
            and head.lower_ not in self.full_names
            and first_name_gender(head.text) is None
            and _title_cased(head.sent)
            and english_frequency(head.lower_) >= HEADLINE_WORD_ZIPF
            and not self.titled(head.text)
        )

    def titled_or_first_named(self, surname: str) -> bool:
        """Whether the article gives a person of SURNAME a title or a role, or names one
        with a known first name ("Ann Toledo"): a place's name that is theirs is the
        person's (issue 14: the NER takes some surnames for places)."""
        if self.titled(surname):
            return True
        names = self.full_names.get(surname.lower(), [])
        return any(first_name_gender(n.split()[0]) is not None for n in names)

    def canonical(self, actor: ResolvedActor, mention: str = "") -> ResolvedActor:
        if actor.name is None:
            return actor
        name = actor.name if actor.kind == "person" else undotted(actor.name)
        # "Security Council" in full; "Roe Center at the Poe Institute" as the "Poe-Roe Center"
        host = name.partition(" at the ")[0]
        if actor.kind in BODIES and (key := longer_org(host, list(self.orgs))) is not None:
            name = undotted(self.orgs[key].name or name)
        if actor.kind == "organization" and (key := team_campaign(name, self.orgs)) is not None:
            name = self.orgs[key].name or name  # "Clinton's team" of the "Clinton campaign"
        if actor.kind in BODIES and (key := spelled_out(name, list(self.orgs))) is not None:
            # "the FAA" of the "Federal Aviation Administration" ("The United Nations" written
            # at a sentence's start is the "United Nations")
            name = _DET.sub("", self.orgs[key].name or "") or name
            actor.kind = self.orgs[key].kind
        gender = mention_gender(mention, name) if mention else actor.gender
        surname_like = name[:1].isupper() and name.lower() in self.full_names
        if actor.kind in ("organization", "unnamed") and surname_like:
            actor.kind = "person"  # a surname the NER mistook: "Trump"; not "the network"
        elif actor.kind == "organization" and self.by_first_name(name, None) is not None:
            actor.kind = "person"  # "Dale" of "Dale Voss", which the NER took for a firm
        if actor.kind == "government" and surname_like and self.titled_or_first_named(name):
            actor.kind = "person"  # "Judge Jo Toledo" or "Ann Toledo" named, then "Toledo wrote"
        if actor.kind == "organization" and self.read_as_person(name):
            actor.kind = "person"  # "Ava Roe's 'Film'" read as a studio's name once
        if actor.kind == "person":
            parts = name.split()
            alone = len(parts) == 1 or len(parts) == 2 and is_particle(parts[0])
            if alone and (full := self.full_name(name, gender)) is not None:
                name = full
            elif len(parts) >= 3:
                name = self.shortest_form(name)
            else:
                name = self.longer_form(name)
        if (body := self.apposed_bodies.get(name)) is not None:
            actor.kind = body  # "The company that runs the fair, Dale Roe Productions,"
        known = self.actors.get(name)
        if known is None:
            known = ResolvedActor(name, actor.kind, actor.role, actor.affiliation, [])
            self.actors[name] = known
        elif body is not None:
            known.kind = body
        elif known.kind == "organization" and actor.kind == "person":
            known.kind = "person"
        else:
            known.role = known.role or actor.role
            known.affiliation = known.affiliation or actor.affiliation
        if known.kind == "person":
            # a title in the mention or the role given here tells it, else the first name
            # of the name as resolved ("Tom Reyes" of a headline read as one name, "Ann
            # Vale Endorses Tom Reyes": not "Ann")
            said = mention_gender(mention, None) or role_gender(actor.role)
            self.tell_gender(known, said or mention_gender("", name), said is not None)
            if said is not None and known.gender == said:
                self.titled_gender.add(name)
            known.gender = known.gender or gender
        for f in actor.forms or [actor.name]:
            if f and f not in known.forms:
                known.forms.append(f)
        return known

    def by_role(self, description: str, now: int | None = None) -> tuple[ResolvedActor, str] | None:
        """The one person the article gives a role DESCRIPTION fits ("the GOP nominee" is
        "Republican nominee Jo Roe", before or after it), and that role as written; None
        when nobody or several fit. Words an article often leaves out ("presidential") are
        dropped only when the description fits nobody with them; so is the place it starts
        with ("The Ohio state treasurer" is "Treasurer Jo Roe"), for a role written with
        no place."""
        # "the chairman" is no chairwoman
        found = self._of_gender(self._role_fits(description), mention_gender(description, None))
        if len(found) > 1 and now is not None and (one := self.salient_one(found, now)):
            found = {one: found[one]}
        return self._the_one(found)

    def _of_gender(self, found: dict[str, str], said: Gender | None) -> dict[str, str]:
        """FOUND (name -> role as written) without the people whose gender, known or told
        by their role, is not SAID, a role word's ("the chairman" is no chairwoman)."""
        if said is None:
            return found
        return {
            n: r
            for n, r in found.items()
            if compatible(said, self._gender_of(n) or mention_gender(r, n))
        }

    def _the_one(self, found: dict[str, str]) -> tuple[ResolvedActor, str] | None:
        """The one person of FOUND (name -> role as written), and that role; None when
        nobody or several are."""
        if len(found) != 1:
            return None
        name, role = next(iter(found.items()))
        return self.canonical(ResolvedActor(name, "person", forms=[name])), role

    def _role_fits(self, description: str) -> dict[str, str]:
        """Full name -> role of the people a role DESCRIPTION fits, as ``by_role`` finds
        them."""
        found = self._fitting(description)
        if not found:
            soft = " ".join(w for w in role_words(description) if w not in SOFT_ROLE_WORDS)
            found = self._fitting(soft) if soft else {}
        if not found and (rest := without_place(description)) is not None:
            found = self._fitting(rest, placeless=True)
        return found

    def by_age(self, text: str) -> tuple[ResolvedActor, str] | None:
        """The one person the article gives the age a description is all of ("The
        23-year-old added"); None for another description, or when none or several people
        are given that age."""
        m = _AGE_ONLY.fullmatch(" ".join(text.split()))
        if m is None:
            return None
        names = {self._full(n) for n in self.ages.get(int(m[1]), ())}
        if len(names) != 1:
            return None
        name = names.pop()
        actor = self.canonical(ResolvedActor(name, "person", forms=[name]))
        return actor, f"the one person this article gives the age {m[1]}"

    def lede(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The person a lede's description of one ("A former party chairman says ...",
        in the headline, the sentences after it or after a time stamp) stands for: the one
        the article gives that role; else, when it gives it nobody, the one person the lede
        named as a main clause's subject in the sentence right before it ("Jo Roe called
        ... The former strategist said"), or, when it named none, the person it names next
        so within LEDE_SENTENCES; the description the subject of its sentence's main clause
        (in a headline, anywhere) -- unless that person is named in it (or, for one named
        next, before it), by a surname alone, with another title, or is of another gender,
        or another holds that kind of role; else None."""
        n = self.sentence(head)
        if n > LEDE_FIRST and n not in self.stamped:
            return None
        description = lede_description(head, text)
        if description is None:
            return None
        if (hit := self.by_role(description)) is not None:
            return hit[0], f"named as {hit[1]} in this article"
        if self._role_fits(description):
            return None  # two or more fit
        verb = head.head if head.head.dep_ != "conj" else head.head.head
        if n > 0 and not (head.dep_ in SUBJECTS and verb.dep_ == "ROOT"):
            return None  # "... calls for Al Poe's ban after the candidate said": another's
        start = max([0, *(m for m in self.stamped if m <= n)])
        before = [(m, name) for m, name in self.subjects if start <= m < n]
        if before:  # "Jo Roe called ... The former strategist said"
            names = {self._full(name) if name else "" for _, name in before}
            m, name = before[-1]
            if len(names) != 1 or m != n - 1 or len(name.split()) < 2:
                return None  # several, not right before it, or a surname alone
            why = "the one person its lede named as the subject just before it"
            named = [name for m, name in self.named_at if m == n]
        else:
            later = [name for m, name in self.subjects if n < m <= n + LEDE_SENTENCES]
            if not later or len(later[0].split()) < 2:
                return None  # nobody, a surname, or several ("Jo Roe and Al Poe said")
            name = later[0]
            why = "the person the article names next, as the subject after its lede"
            named = [name for m, name in self.named_at if m <= n]
        full, last = self._full(name), fold(name.split()[-1])
        if any(fold(other.split()[-1]) == last for other in named):
            return None  # named in it ("Jo Roe's lawyer" is not Jo Roe), or before it
        if not self._may_be(head, description, full):
            return None
        return self.canonical(ResolvedActor(full, "person", forms=[full])), why

    def by_epithet(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The person a bare definite description of one by trade or standing (EPITHETS:
        "The forward", "the veteran striker") stands for as a sentence's subject: the one
        person the sentence right before it names, named in full as its main clause's
        subject or speaker ("..., said Jo Roe, the club's captain. The forward added");
        None when its own sentence names a person, the one before names another too, a
        role the article writes fits the description, or ``_may_be`` says another holds
        that kind of role, the person holds another title or is of another gender."""
        n = self.sentence(head)
        if n == 0 or head.dep_ not in SUBJECTS or head.tag_ in ("NNS", "NNPS"):
            return None
        words = " ".join(text.split()).split()
        if not 2 <= len(words) <= 4 or fold(words[0]) not in ("the", "this"):
            return None
        if fold(words[-1]) != fold(head.text) or fold(head.text) not in EPITHETS:
            return None  # a clause or an apposition after it, or no epithet
        if any(t.dep_ == "poss" or t.ent_type_ in NAME_LABELS for t in head.subtree):
            return None  # "Roe's striker", "the United forward": another's, or told apart
        description = " ".join(words[1:])
        if self._role_fits(description) or any(m == n for m, _ in self.named_at):
            return None  # a role written for one or more ("by_role"), or a name beside it
        named = {self._full(name) for m, name in self.named_at if m == n - 1}
        subjects = {self._full(name) if name else "" for m, name in self.subjects if m == n - 1}
        if len(named) != 1 or subjects != named or len(next(iter(named)).split()) < 2:
            return None
        full = named.pop()
        if not self._may_be(head, description, full):
            return None
        actor = self.canonical(ResolvedActor(full, "person", forms=[full]))
        return actor, "the one person named as the subject of the sentence before it"

    def by_job(self, head: Token, text: str) -> tuple[ResolvedActor, str] | None:
        """The one person named before it that a definite description by trade stands for
        ("The actress" of "actress Ann Roe", "the retired surgeon" of "neurosurgeon Al Poe",
        "The prominent actress"): "the", "this" or "that", words, and a singular trade noun
        (TRADES) that ends it; the person the only one the article writes a role for with
        that noun, or a word ending in it, and the same qualifiers ("former"). None for
        another's ("Roe's lawyer"), one told apart by a name ("the United forward"), a
        clause or a phrase after it, when an indefinite one ("a nurse who ...") was
        described before it (it may be that new person), or when nobody or several fit,
        the one is named only after it, or is of the other gender."""
        words = " ".join(text.split()).split()
        if len(words) < 2 or fold(words[0]) not in ("the", "this", "that"):
            return None
        if head.tag_ != "NN" or fold(words[-1]) != head.lower_ or head.lower_ not in TRADES:
            return None
        if any(t.dep_ == "poss" or t.ent_type_ in NAME_LABELS for t in head.subtree):
            return None
        said = role_words(" ".join(words[1:])) & QUALIFIERS
        found = {
            self._full(w): r
            for w, r in self.written
            if _holds_trade(r, head.lower_) and role_words(r) & QUALIFIERS == said
        }
        found = self._of_gender(found, mention_gender(head.text, None) or head_gender(head))
        n = self.sentence(head)
        before = {self._full(name) for m, name in self.named_at if m <= n}
        if len(found) != 1 or next(iter(found)) not in before or self._told_anew(head, n):
            return None
        hit = self._the_one(found)
        if hit is None:
            return None
        return hit[0], f"named as {hit[1]} in this article, the one named before it with that trade"

    def _told_anew(self, head: Token, n: int) -> bool:
        """Whether the article describes someone by HEAD's noun with "a", "an", "another"
        or "one" before sentence N or in it ("a nurse who had ... The nurse said")."""
        return any(
            t.lower_ == head.lower_
            and self.sentence(t) <= n
            and any(c.dep_ == "det" and c.lower_ in _TOLD_ANEW for c in t.children)
            for doc in self.docs
            for t in doc
        )

    def _may_be(self, head: Token, description: str, full: str) -> bool:
        """Whether the person FULL may be whom a description no role fits stands for: no
        one else holds that kind of role (its head, qualifiers and place), FULL holds no
        other title, and is of the gender its HEAD tells, if any."""
        # its head, qualifiers and place: "former chairman" of "A former party chairman"
        said = role_words(description) & (QUALIFIERS | PLACE_WORDS)
        kind = " ".join(role_words(head.text) | said)
        titled = {self._full(w) for w, r in self.written if fits(kind, [role_words(r)])}
        if titled - {full}:
            return False  # "Judge Al Poe" may be "a county judge" as well
        titles = [role_words(r) for w, r in self.written if self._full(w) == full]
        if any(t & PERSON_ROLES for t in titles) and full not in titled:
            return False  # "Mayor Jo Roe" is not "a county judge"
        gender = head_gender(head)
        first = name_first_gender(full.split()[0]) if len(full.split()) >= 2 else None
        return compatible(gender, first) and compatible(gender, self._gender_of(full))

    def salient_one(self, names: Mapping[str, str], now: int) -> str | None:
        """Of several people a description fits, the one far likelier by where they were
        named before sentence NOW (as a pronoun is found: "the president" of an article on
        President Jo Roe that names President Al Poe once), else None."""
        canonical = {self.canonical(ResolvedActor(n, "person")).name: n for n in names}
        ranked = [
            (score, canonical[s.actor.name])
            for score, s in self.candidates(now, lambda _: 1.0)
            if s.actor.name in canonical
        ]
        if not ranked or len(ranked) > 1 and ranked[1][0] * SALIENT_BY >= ranked[0][0]:
            return None
        one = ranked[0][1]
        # "President Roe", a surname alone, is only a guess at whose role it is
        return one if self.role_written_in_full(one, names[one]) else None

    def role_written_in_full(self, name: str, role: str) -> bool:
        """Whether the article writes ROLE beside NAME as it is ("President Jo Roe", or
        "President Roe" of a Roe named in full nowhere), not beside a surname only that a full
        name was guessed for (the article's one "Ann Roe")."""
        return any(
            r == role and self._full(w) == name and (len(w.split()) >= 2 or w == name)
            for w, r in self.written
        )

    def named_in_apposition(self, noun: Token) -> ResolvedActor | None:
        """The group of people a plural NOUN names in apposition ("two voters, Ann Roe and
        Bo Poe, who ..." is "Ann Roe & Bo Poe"); None for a singular noun or fewer than two
        named people."""
        while noun.pos_ == "PROPN" and noun.dep_ in ("conj", "appos") and noun.head.i < noun.i:
            noun = noun.head  # "voters, Ann Roe and Bo Poe, who": the clause on the last name
        doc = noun.doc
        if noun.tag_ != "NNS" or noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ",":
            return None
        # the parser makes the names an apposition or, as often, conjuncts of the noun
        tied = [c for c in noun.children if c.dep_ in ("appos", "conj") and c.i > noun.i]
        name = next((c for c in tied if c.pos_ == "PROPN"), None)
        if name is None:
            return None
        people = []
        for tok in [name, *(c for c in name.conjuncts if c.i > name.i)]:
            left = min(t.idx for t in tok.subtree if t.i <= tok.i)
            person = analyse_mention(tok, left, tok.idx + len(tok.text))
            if tok.pos_ != "PROPN" or person.kind != "person" or not person.name:
                return None
            people.append(person)
        names = list(dict.fromkeys(self.canonical(p).name or "" for p in people))
        if len(names) < 2 or "" in names:
            return None
        return ResolvedActor(" & ".join(names), "group", forms=names)

    def by_pair(self, text: str) -> tuple[ResolvedActor, str] | None:
        """The two people a plural description of a pair stands for ("both presidential
        candidates", "the two nominees"): the two the article gives that role, a candidate or
        a nominee alike; None unless exactly two fit."""
        m = _PAIR.match(" ".join(text.split()).lower())
        if m is None:
            return None
        kind = m.group(2) or ""
        found: dict[str, str] = {}
        for noun in ("candidate", "nominee"):
            found |= self._fitting(f"{kind} {noun}") or self._fitting(noun if kind else "")
        names = list(dict.fromkeys(self.canonical(ResolvedActor(n, "person")).name for n in found))
        if len(names) != 2 or None in names:
            return None
        group = ResolvedActor(" & ".join(n or "" for n in names), "group", forms=names)
        return group, "the two people named as candidates or nominees in this article"

    def just_named_pair(self, text: str, head: Token) -> tuple[ResolvedActor, str] | None:
        """The two people a plural description of a pair of people stands for ("the two
        men", "both Republican senators"): the two, and only two, people named in its
        sentence before it and in the sentence before that; None otherwise."""
        m = _TWO.match(" ".join(text.split()).lower())
        if m is None or not singular_person(m.group(1)):
            return None
        now = self.sentence(head)
        names = [
            s.actor.name
            for s in self.seen
            if now - 1 <= s.sent <= now and s.actor.kind == "person" and s.actor.name
        ]
        people = list(dict.fromkeys(self._full(n) for n in names))
        if len(people) != 2:
            return None
        group = ResolvedActor(" & ".join(people), "group", forms=people)
        return group, "the two people named just before it"

    def listed_people(self, text: str) -> ResolvedActor | None:
        """The group of people a mention lists by the names the article gives them in
        full ("Trump and Clinton", "Mr. King and Mr. Schultz", "both Roe and Poe"), read
        from its words when the parser made no list of them; None unless every part is
        such a name, a title before it aside."""
        words = " ".join(text.split())
        words = re.sub(r"^(?:both|the)\s+", "", words, flags=re.I)
        parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", words)
        if len(parts) < 2:
            return None
        names = []
        for part in parts:
            full = self._listed_name(part)
            if full is None:
                return None
            names.append(self.canonical(ResolvedActor(full, "person", forms=[full])).name or "")
        names = list(dict.fromkeys(names))
        if len(names) != len(parts):
            return None
        return ResolvedActor(" & ".join(names), "group", forms=names)

    def _listed_name(self, part: str) -> str | None:
        """The full name the article gives a part of a list ("Trump", "Mr. King"), or the
        one its last capitalised words give after a role ("Council member Beth Gruber",
        "former Arkansas Gov. Mike Huckabee (R)"); None when they give none."""
        words = _PARTY_TAG_END.sub("", part).split()
        run = 0
        while run < len(words) and words[len(words) - run - 1][:1].isupper():
            run += 1
        for size in range(run, 0, -1):
            name = [w for w in words[len(words) - size :] if w.lower() not in TITLE_WORDS]
            after_role = size < len(words)
            if not name or after_role and (name != words[len(words) - size :] or size < 2):
                continue  # after a role, a name in full alone: "Council member Beth Gruber"
            full = self._full(" ".join(name))
            known = full in self.people or full.lower() in (
                n.lower() for names_ in self.full_names.values() for n in names_
            )
            if len(full.split()) >= 2 and known:
                return full
            if size == len(words):
                return None  # every word a name's or a title's, and no known name
        return None

    def named_together(self, tok: Token, pronoun: Token) -> ResolvedActor | None:
        """The group of the people or bodies a name and the names joined to it by "and"
        stand for, when each is named and the clause of the relative PRONOUN is about them
        together ("China and the United States, the two biggest polluters, which",
        "Roe and Poe, who both say", "... who agree"); else None ("Roe and Poe, who said":
        either, or both)."""
        toks = [tok, *(c for c in tok.conjuncts if c.i > tok.i)]
        if len(toks) < 2 or any(t.pos_ != "PROPN" for t in toks):
            return None
        plural = any(c.dep_ == "appos" and c.tag_ == "NNS" for t in toks for c in t.children)
        verb = pronoun.head
        together = any(c.lower_ in ("together", "both", "jointly") for c in verb.children)
        if not (plural or together or verb.tag_ == "VBP"):
            return None
        found = [analyse_mention(t, mention_start(t), mention_end(t)) for t in toks]
        if any(not a.name or a.kind not in BODIES | {"person"} for a in found):
            return None
        names = list(dict.fromkeys(self.canonical(a).name or "" for a in found))
        if len(names) < 2:
            return None
        return ResolvedActor(" & ".join(names), "group", forms=names)

    def by_owner(self, text: str) -> tuple[ResolvedActor, str] | None:
        """The one person the article names in the role a named person's possessive
        describes: "Roe's lawyer" is "Al Poe, an attorney for Roe" or "Roe's lawyer, Al
        Poe"; None when nobody or several are."""
        m = _OWNED.match(cut_clauses(" ".join(text.split())))
        if m is None:
            return None
        want = _owned_words(m.group(2)) | {fold(m.group(1).split()[-1])}
        found: dict[str, str] = {}
        for written, role in self.written:
            words = _owned_words(role)
            if want <= words and want & QUALIFIERS == words & QUALIFIERS:
                found.setdefault(self._full(written), role)
        if not found and m.group(2).split()[-1] in SPOUSES:  # "Jo Roe's wife" is Ann Roe
            kin = self.same_surname(m.group(1), m.group(2).split()[-1])
            found = {name: f"the one other {m.group(1).split()[-1]}" for name in kin}
        return self._the_one(found)

    def by_owned_role(self, text: str) -> tuple[ResolvedActor, str] | None:
        """The one person the article names in the role a description of someone's staff
        gives ("The prime minister's official spokesman" is "Spokesman Jo Roe", "the
        spokesman, Jo Roe" or "a spokesman for the prime minister, Jo Roe"): a role written
        with no one's name, or with the same one's; None when nobody or several are, or
        the gender its word tells is not theirs."""
        m = _OWNED_ROLE.match(cut_clauses(" ".join(text.split())))
        if m is None:
            return None
        owner = role_words(m.group(1))
        want = _owned_words(m.group(2)) - SOFT_OWNED
        found: dict[str, str] = {}
        for written, role in self.written:
            words = _owned_words(role)
            if want <= words and want & QUALIFIERS == words & QUALIFIERS and words - want <= owner:
                found.setdefault(self._full(written), role)
        return self._the_one(self._of_gender(found, mention_gender(m.group(2), None)))

    def same_surname(self, owner: str, kin: str) -> list[str]:
        """The people the article names with the surname of OWNER (a name) and another
        first name, of the gender the KIN word tells ("wife": not "Al Roe"), and named as
        no other kin ("his daughter, Ava Roe")."""
        parts = owner.split()
        if len(parts) < 2:
            return []  # "Roe's wife": which Roe is unsure
        gender = HEAD_GENDER.get(kin)
        names = {self._full(n) for n in self.full_names.get(fold(parts[-1]), [])}
        other_kin = {  # "his daughter, Ava Roe" is not his wife
            self._full(w) for w, r in self.written if role_words(r) & SURNAME_KIN - {kin}
        }
        return [
            n
            for n in sorted(names - other_kin)
            if n.split()[0] != parts[0]
            and compatible(gender, name_first_gender(n.split()[0]))
            and compatible(gender, self._gender_of(n))
        ]

    def _fitting(self, description: str, placeless: bool = False) -> dict[str, str]:
        """Full name -> the first role written for them that DESCRIPTION fits (one that
        names no place, if PLACELESS)."""
        out: dict[str, str] = {}
        for written, role in self.written:
            words = role_words(role) | initials(role)  # "chairman of the Party Committee"
            if placeless and words & PLACE_WORDS:
                continue
            if fits(description, [words]):
                out.setdefault(self._full(written), role)
        return out

    def pronoun(
        self, low: str, tok: Token, learn: bool = True, unnamed: bool = False
    ) -> tuple[ResolvedActor | None, str]:
        """The actor a pronoun at TOK stands for: of the candidates it agrees with (a person
        of its gender for "he"/"she", a body for "it"/"they"), the likeliest, by how
        recently and in what place each was named; None when two are equally likely, or
        when the likeliest is unnamed ("a spokesman said ... He added") -- unless UNNAMED,
        when it is that unnamed source, as described ("spokesman for the ministry", "club"):
        a speaker's pronoun is the same source as the description before it, never one
        named behind it. LEARN: whether "he" or "she" tells the gender of whom it is (only
        a pronoun that is a mention does)."""
        gender = PRONOUN_GENDER.get(low)
        now = self.sentence(tok)
        own = self.own_subjects(low, tok)
        ranked = self.candidates(now, lambda s: self._agrees(low, gender, s), own)
        if gender is not None:
            ranked = self.known_first(ranked, now, gender)
        if learn and ranked and any(ranked[0][1] is s for s in own):  # the subject it
            self.seen.append(ranked[0][1])  # stands for stays named there, for those after
        if low in ("it", "they"):  # a subject of this or the last sentence; of named people
            # together, of the one before it too ("Jo Roe and Al Poe ... This ... They")
            ranked = [c for c in ranked if c[0] >= (0.75 if members(c[1].actor) else 1.0)]
        if not ranked and gender is not None:
            return self.softly_named(now, gender, own)
        if not ranked:
            return None, "no one named before it fits"
        if len(ranked) > 1 and ranked[1][0] >= ranked[0][0]:
            names = f"{ranked[0][1].actor.name} or {ranked[1][1].actor.name}"
            return None, f"left unresolved: {names}, as likely"
        seen = ranked[0][1]
        if seen.actor.kind == "unnamed" and (
            seen.plural or not self.is_name(seen.actor.name or "")
        ):
            where = f"{seen.place} {self.distance(seen, tok)}"
            if unnamed and same_source(low, seen):
                return seen.actor, f"the unnamed source described as {where}"
            return None, f"left unnamed: {seen.actor.name}, {where}"
        if members(seen.actor):
            return seen.actor, f"named together as {seen.place} {self.distance(seen, tok)}"
        actor = self.actors.get(seen.actor.name or "") or self.canonical(seen.actor)
        learns = learn and gender is not None and actor.kind == "person" and actor.gender is None
        if learns and gender is not None and not self.guess(ranked, gender):
            actor.gender = gender  # "she" tells the gender of whom it is, until a name does
            self.taught_by_pronoun.add(actor.name or "")
        return actor, f"{seen.place} {self.distance(seen, tok)}"

    def softly_named(
        self, now: int, gender: Gender, own: list[Seen]
    ) -> tuple[ResolvedActor | None, str]:
        """The person a "he" or "she" that fits nobody stands for when only a soft first name
        ("Lindsey", ``soft_first_name``) gave them the other gender, no title or role word:
        the one such person who is the speaker or main subject of the pronoun's sentence or
        the one before it (a score of SOFT_NAME_SCORE or more). None otherwise; the gender
        is not learnt from it."""
        ranked = [
            (score, seen)
            for score, seen in self.candidates(now, lambda s: self._soft_other(gender, s), own)
            if score >= SOFT_NAME_SCORE
        ]
        if len(ranked) != 1:
            return None, "no one named before it fits"
        seen = ranked[0][1]
        actor = self.actors.get(seen.actor.name or "") or self.canonical(seen.actor)
        return actor, f"{seen.place} (a first name of either gender)"

    def _soft_other(self, gender: Gender, seen: Seen) -> float:
        """1 for a person whom only a soft first name gave the gender other than GENDER."""
        actor = self.actors.get(seen.actor.name or "") or seen.actor
        parts = (actor.name or "").split()
        return float(
            actor.kind == "person"
            and len(parts) >= 2
            and actor.gender is not None
            and actor.gender != gender
            and actor.gender == first_name_gender(parts[0])
            and soft_first_name(parts[0])
            and actor.name not in self.titled_gender
            and self._is_person(actor)
        )

    def guess(self, ranked: list[tuple[float, Seen]], gender: Gender) -> bool:
        """Whether a "he" or "she" resolved to RANKED's first, a person, was a guess that
        tells nothing of their gender (issue 14: one misread "she" made a man a woman for
        the whole article): named far back (a score below GUESS_SCORE), or beating one
        known to be of its GENDER by little (that one scoring GUESS_MARGIN of its score)."""
        best = ranked[0][0]
        if best < GUESS_SCORE:
            return True
        return any(
            score >= GUESS_MARGIN * best
            and (self.actors.get(s.actor.name or "") or s.actor).gender == gender
            for score, s in ranked[1:]
        )

    def candidates(
        self, now: int, fit: Callable[[Seen], float], more: Iterable[Seen] = ()
    ) -> list[tuple[float, Seen]]:
        """Each actor named before sentence NOW (or in MORE) that FIT does not rule out,
        with its best score (its place's weight, halved for each sentence back, times FIT),
        best first. A person named in no subject's place counts only from the last two
        sentences."""
        best: dict[str, tuple[float, Seen]] = {}
        for seen in [*more, *self.seen]:  # one noted already wins a tie
            name = seen.actor.name or ""
            back = max(0, now - seen.sent)
            factor = fit(seen)
            if factor <= 0 or seen.weight == 1 and back > 2:
                continue
            score = factor * seen.weight * 0.5**back
            if name not in best or score >= best[name][0]:
                best[name] = (score, seen)
        return sorted(best.values(), key=lambda c: -c[0])

    def own_subjects(self, low: str, tok: Token) -> list[Seen]:
        """The people named as subjects of the clauses "he" or "she" at TOK stands in, before
        it, that the tagger left no subject noted before it: a name read as a common noun,
        a verb or a body ("Roe later walked back a hint that he would pay",
        "Roe at the time said he had once asked"), a person by the article's full names or the
        parser's reading. Each in its place (a main clause's subject most likely); none for
        another pronoun, a name inside a quotation, or one that is no person's."""
        if low not in ("he", "she"):
            return []
        path = list(tok.ancestors)
        out: list[Seen] = []
        for verb in path:
            for subj in verb.children:
                if (
                    subj.dep_ not in SUBJECTS
                    or subj.i >= tok.i
                    or subj in path
                    or subj.pos_ == "PRON"
                    or self.quoted(subj)
                ):
                    continue
                start, end = mention_start(subj), mention_end(subj)
                if (described := self.own_description(subj, start, end)) is not None:
                    out.append(Seen(described, self.sentence(subj), *place(subj, False)))
                    continue
                if not subj.text[:1].isupper():
                    continue
                found = analyse_mention(subj, start, end)
                name = found.name or ""
                if not name or found.kind != "person" and name.lower() not in self.full_names:
                    if (full := self.own_surname(subj, start, end)) is not None:
                        out.append(Seen(full, self.sentence(subj), *place(subj, False)))
                    continue  # "Aides", "The ad": no one's name
                actor = self.canonical(found, doc_text(subj.doc)[start:end])
                if actor.kind == "person" and actor.name and self._is_person(actor):
                    out.append(Seen(actor, self.sentence(subj), *place(subj, False)))
        return out

    def own_surname(self, subj: Token, start: int, end: int) -> ResolvedActor | None:
        """The person a pronoun's own subject names by a surname the NER read as no
        person's ("Vesk", an organisation, a place, a noun or nothing), when its document writes
        one full name with it, a first name before it ("Ivo Vesk"), and that first name
        tells the gender; None for a longer subject, or when no or several full names do (a
        capitalised word around it: "Ivo Vesk Holdings" is no person's name)."""
        if subj.pos_ not in ("PROPN", "NOUN") or subj.ent_type_ == "PERSON":
            return None
        if doc_text(subj.doc)[start:end].strip() != subj.text:
            return None
        full = self.surname_person(subj)
        gender = mention_gender("", full) if full is not None else None
        if full is None or gender is None:
            return None
        return self.canonical(ResolvedActor(full, "person", forms=[full], gender=gender))

    def surname_person(self, tok: Token) -> str | None:
        """The full name of the person a surname alone at TOK names: the one the article
        named in full with it so far (``full_name``), else the one its document writes with
        it after a first name, no capitalised word around the two ("Ivo Vesk", not "Ivo Vesk
        Holdings"); None when there is none or several."""
        if tok.lower_ in self.full_names:
            return self.full_name(tok.text, None)
        fulls = {
            f"{t.nbor(-1).text} {t.text}"
            for t in tok.doc
            if t.text == tok.text
            and t.i > 0
            and t.nbor(-1).pos_ == "PROPN"
            and is_first_name(t.nbor(-1).text)
            and (t.i < 2 or not t.nbor(-2).text[:1].isupper())
            and (t.i + 1 >= len(t.doc) or not t.nbor(1).text[:1].isupper())  # "Ivo Vesk Ltd"
        }
        return fulls.pop() if len(fulls) == 1 else None

    def own_description(self, subj: Token, start: int, end: int) -> ResolvedActor | None:
        """The one person a definite description that is a pronoun's own subject denotes,
        as the article names them in that role ("The actress arrived late, and she said":
        "actress Ann Roe"), found as a speaker's description is; None for another subject
        (a name, a plural, "a senator"), or when nobody or several fit."""
        if subj.pos_ != "NOUN" or subj.tag_ != "NN":
            return None
        words = doc_text(subj.doc)[start:end].split()
        if len(words) < 2 or fold(words[0]) not in ("the", "this"):
            return None
        actor, why = self._resolve(subj, start, end)
        if not (why or "").startswith("named as ") or actor.kind != "person" or not actor.name:
            return None
        return actor if self._is_person(actor) else None

    def known_first(
        self, ranked: list[tuple[float, Seen]], now: int, gender: Gender
    ) -> list[tuple[float, Seen]]:
        """RANKED without the people of unknown gender when the pronoun's own sentence (NOW)
        names a person known to be of its GENDER before it: "Chris Roe described Ann Poe as a
        disgrace after she ..." is Ann Poe's, however salient the speaker."""
        known = [self.actors.get(s.actor.name or "") or s.actor for _, s in ranked if s.sent == now]
        if not any(a.kind == "person" and a.gender == gender for a in known):
            return ranked
        return [
            (score, s)
            for score, s in ranked
            if (self.actors.get(s.actor.name or "") or s.actor).gender is not None
            or s.actor.kind != "person"
        ]

    def kin(self, head: Token) -> ResolvedActor | None:
        """The one person the article named with the same kin words ("his wife, Ana Roe"
        for a later "his wife"), else None."""
        owner = {fold(c.text) for c in head.children if c.dep_ == "poss"}
        want = owner | {head.lower_}
        people = [
            a
            for a in self.actors.values()
            if a.kind == "person" and a.name and want <= set(fold(a.role or "").split())
        ]
        if people or head.lower_ not in PARENTS:
            return people[0] if len(people) == 1 else None
        # "my father" of "my parents, Tom and Rita Vance": the one of their gender
        gender = PARENTS[head.lower_]
        names = {
            self._full(written)
            for written, role in self.written
            if owner | {"parents"} <= set(fold(role).split())
            and first_name_gender(written.split()[0]) == gender
        }
        if len(names) != 1:
            return None
        name = names.pop()
        return self.canonical(
            ResolvedActor(name, "person", role=f"{' '.join(owner)} {head.lower_}", gender=gender)
        )

    def _agrees(self, low: str, gender: Gender | None, seen: Seen) -> float:
        """How well a pronoun fits an actor seen before it: 1, UNKNOWN_GENDER_FIT (a person
        of unknown gender for "he"/"she") or 0 (not at all: another gender, a body for "he", a person
        for "it", one for "they"). An unnamed source fits to block a named one behind it."""
        actor = self.actors.get(seen.actor.name or "") or seen.actor
        if actor.kind == "unnamed" and not seen.plural and self.is_name(actor.name or ""):
            return 1.0 if low in ("it", "they") else 0.0
        if actor.kind == "unnamed":
            # a person by its last word ("an aide"), or by its head ("spokesman for the bank")
            head, last = role_head(actor.name or ""), (actor.name or "").split()[-1:]
            person = bool(last) and fold(last[0]) in PERSON_NOUNS | UNNAMED_HEADS - {"report"}
            person = person or fold(head) in PERSON_NOUNS | ONE_UNNAMED
            person = person or seen.fresh and fold(head) in UNNAMED_JOBS
            if low == "they":
                return 1.0 if seen.plural else 0.0
            told = HEAD_GENDER.get(fold(head)) or title_gender(head)  # "spokeswoman": not "he"
            if not compatible(gender, told):
                return 0.0
            return 1.0 if not seen.plural and (low == "it") != person else 0.0
        if low == "it":
            return 1.0 if actor.kind in BODIES else 0.0
        if low == "they":  # a body, people named together, or a bare name never read as a
            # person's ("Politifact")
            if actor.kind == "organization" and self.surname_of_person(actor.name or ""):
                return 0.0  # "Holt and her colleagues ... They": not Ann Holt alone
            body = actor.kind == "person" and not self._is_person(actor)
            return 1.0 if actor.kind in ("organization", "group") or body else 0.0
        if actor.kind != "person" or not self._is_person(actor):
            return 0.0
        if gender is None or actor.gender == gender and not self.rare_named(actor):
            return 1.0
        if actor.gender == gender:
            return UNKNOWN_GENDER_FIT  # see rare_named
        return UNKNOWN_GENDER_FIT if actor.gender is None else 0.0

    def rare_named(self, actor: ResolvedActor) -> bool:
        """Whether only a rare first name ("Barack", ``rare_first_name_gender``) tells the
        person ACTOR's gender, no title or role word: that gender rules out a pronoun of the
        other, but fits one of its own no better than an unknown gender (the salience
        weights were set with these names of unknown gender: a "he" fitting fully a man of
        a rare first name named in passing made him beat a speaker three sentences back)."""
        parts = (actor.name or "").split()
        return (
            len(parts) >= 2
            and first_name_gender(parts[0]) is None
            and actor.name not in self.titled_gender
            and rare_first_name_gender(parts[0]) == actor.gender
        )

    def surname_of_person(self, name: str) -> bool:
        """Whether NAME, one word, is the surname of a person the article names in full
        (the NER took "Holt" of "Holt and her colleagues" for a body)."""
        return " " not in name and any(
            len(full.split()) >= 2 and full.split()[-1] == name
            for full in self.full_names.get(name.lower(), [])
        )

    def is_name(self, text: str) -> bool:
        """Whether an unnamed mention's text is a name the tagger took for a common noun: one
        word the article capitalises inside a sentence and never writes in lower case."""
        words = text.split()
        return (
            len(words) == 1
            and words[0] in self.mid_capitals
            and words[0].lower() not in self.lower_words
            and fold(words[0]) not in UNNAMED_HEADS | PERSON_NOUNS
        )

    def _is_person(self, actor: ResolvedActor) -> bool:
        """A person by more than the mention's look: of a known gender, or named as a person
        where the parser saw one (not "Wall Street" or "the Assembly" as a subject)."""
        forms = {actor.name or "", *actor.forms}
        return actor.gender is not None or bool(forms & self.people)

    def distance(self, seen: Seen, tok: Token) -> str:
        back = self.sentence(tok) - seen.sent
        if back <= 0:
            return "this sentence"
        return "the previous sentence" if back == 1 else f"a sentence {back} before"

    def latest(self) -> ResolvedActor | None:
        """The latest person noted as a subject ("I" in a quotation: its speaker)."""
        return self.recent[-1] if self.recent else None

    def resolve(self, head: Token, start: int, end: int) -> ResolvedActor:
        """The actor a mention refers to; ``how`` and ``others`` keep how it was found and
        the other people it names."""
        key = (id(head.doc), start, end)
        text = " ".join(doc_text(head.doc)[start:end].split())
        named = self.named_within(head, start, end)
        listed = None
        if named is not None:
            found, why = named
            actor, others = self.canonical(found[0]), found[1:]
        else:
            actor, why = self._resolve(head, start, end)
            others = co_speakers(head, actor.name) if actor.kind == "person" else []
        if not others and not members(actor) and " and " in text:
            listed = self.listed_people(text)  # "Trump and Clinton" the parser made no list of
        if listed is not None:
            first, *rest = members(listed)
            actor, others = (
                self.canonical(ResolvedActor(first, "person", forms=[first])),
                [ResolvedActor(n, "person", forms=[n]) for n in rest],
            )
            why = "the people it names, as this article names them in full"
        if why and actor.name:
            self.how[key] = f"'{text}': {' and '.join(members(actor)) or actor.name}, {why}"
        if names := members(actor):  # "they": the first of the group, and the others
            self.grouped[id(head.doc), head.i] = actor
            self.others[key] = names[1:]
            return self.actors.get(names[0]) or self.canonical(ResolvedActor(names[0], "person"))
        if others:
            self.others[key] = [self.canonical(o).name or "" for o in others]
            names = list(dict.fromkeys([actor.name or "", *self.others[key]]))
            if (named or listed) is not None and len(names) >= 2 and "" not in names:
                # "Critics, like Jo Roe and Al Poe,": the pair is whom a later "they" may be,
                # as each of them is whom "he" or "she" may be
                group = ResolvedActor(" & ".join(names), "group", forms=names)
                self.listed[id(head.doc), head.i] = group
        return actor

    def named_within(
        self, head: Token, start: int, end: int
    ) -> tuple[list[ResolvedActor], str] | None:
        """The named actors a mention stands for when a description or a clause is its head
        but a name is what it says: the name a description stands in apposition to ("Jo
        Roe, the party's treasurer,"), the name after it ("Her business partner, Al Poe,"),
        the names it gives as examples ("Critics, like Senators Jo Roe and Al Poe,"), the
        name a clause ends with, and a name with a verb glued on ("Roe avoids"); None when
        the mention says no such thing."""
        text = doc_text(head.doc)[start:end]
        if text.strip().lower() in PRONOUNS_ANY and not acronym(head, text) or head.pos_ == "PRON":
            return None
        if (anchor := appositive_anchor(head)) is not None:
            found = analyse_mention(anchor, mention_start(anchor), mention_end(anchor))
            return [found], "the name it stands in apposition to"
        if (joined := person_joined_to_body(head, start, end)) is not None:
            return [joined], "named after a body it is joined to"
        if (body := body_named_after(head, start, end) or org_in_apposition(head)) is not None:
            self.apposed_bodies[body.name or ""] = body.kind
            return [body], "named in apposition to it"
        if (named := name_after(head, start, end)) is not None:
            name, role = named
            found = ResolvedActor(name, "person", role=role, forms=[name])
            # "Her manager, Jo Roe, and her finance director, Al Poe, said": both of them
            return [found, *co_speakers(head, name)], "named in apposition to it"
        if (named := examples(head, start, end)) is not None:
            return named, f"named in it as one of the {head.lower_}"
        if head.pos_ in ("VERB", "AUX") and (last := last_person(head.doc, start, end)):
            return [last], "the name that ends it (a clause is no one's name)"
        if (name := self.glued_verb(text)) is not None:
            return [ResolvedActor(name, "person", forms=[name])], "its name, a verb cut off"
        return None

    def glued_verb(self, text: str) -> str | None:
        """The name of a mention that is a person's surname the article knows and a verb
        glued on ("Roe avoids", "Roe demands answers"): lower-case words after it, the
        first ending as a verb's third person, not as a group of people does ("Roe
        supporters", "Roe allies")."""
        words = text.split()
        if len(words) < 2 or fold(words[0]) not in self.full_names:
            return None
        rest = words[1:]
        first = fold(rest[0]).strip(".,;:")
        if not all(w[:1].islower() for w in rest) or not first.endswith("s"):
            return None
        if first.endswith(GROUP_ENDINGS) or first[:-1] in UNNAMED_HEADS | PERSON_NOUNS:
            return None
        return words[0].strip(".,;:")

    def _resolve(self, head: Token, start: int, end: int) -> tuple[ResolvedActor, str | None]:
        text = doc_text(head.doc)[start:end].strip()
        low = text.lower()
        if low in ("each", "both"):  # "Jo Roe and Al Poe spoke, each touting ..."
            hit, why = self.pronoun("they", head)
            if hit is not None and members(hit):
                return hit, why
            return ResolvedActor(None, "unnamed"), None
        if (pair := self.by_pair(text) or self.just_named_pair(text, head)) is not None:
            return pair
        if (
            low in PRONOUNS_ANY
            and not acronym(head, text)
            or head.pos_ == "PRON"
            and end - start <= 5
        ):
            if low in FIRST_PERSON and not self.quoted(head):
                return ResolvedActor(None, "person"), None  # the author's voice, not a subject
            if low in FIRST_PERSON and (hit := self.latest()) is not None:
                return hit, "the speaker the quotation it stands in is credited to"
            if low in PRONOUNS_PERSON or low in ("it", "they"):
                hit, why = self.pronoun(low, head, unnamed=True)
                if hit is not None:
                    return hit, why
            if low == "who" and (ante := antecedent(head)) is not None:
                if (pair := self.named_in_apposition(ante)) is not None:
                    return pair, "the people named in apposition to the noun its clause is about"
            if low in ("who", "which", "that") and (ante := antecedent(head)) is not None:
                if (together := self.named_together(ante, head)) is not None:
                    return together, "the names its clause is about"
                actor, why = self._resolve(ante, mention_start(ante), mention_end(ante))
                return actor, why or "the noun its clause is about"
            return ResolvedActor(None, "person" if low in PRONOUNS_PERSON else "unnamed"), None
        if (cc := _with_entourage(head)) is not None and start < cc.idx < end:
            actor, why = self._resolve(head, start, cc.idx)  # "The nominee and his aides"
            if actor.kind == "person" and actor.name:
                return (
                    actor,
                    f"{why}, with their own people" if why else "named with their own people",
                )
            if actor.kind == "unnamed" and actor.role and head.tag_ in ("NN", "NNP"):
                return actor, None  # a role the database may tie to one person ("the nominee")
        if head.lower_ in SURNAME_KIN and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children
        ):
            if (hit := self.kin(head)) is not None:  # else unnamed, as any description
                return hit, f"named as {hit.role} in this article"
        if (desc := state_description(text)) is not None:
            if (hit := self.by_role(desc, self.sentence(head))) is not None:
                return hit[0], f"named as {hit[1]} in this article"
            said = clean(_DET.sub("", cut_clauses(text)))
            return ResolvedActor(said, "unnamed", role=said), None  # a title, no name
        if (hit := self.by_owner(text) or self.by_owned_role(text)) is not None:
            return hit[0], f"named as {hit[1]} in this article"
        if (hit := self.by_document(head, text)) is not None:
            return hit
        if (hit := self.by_possessor(head, text)) is not None:
            return hit
        if (hit := self.by_kind(head, text)) is not None:
            return hit
        if (hit := the_state(head, text) or self.the_city(head, text)) is not None:
            return self.canonical(hit[0]), hit[1]
        if (hit := self.by_owned_surname(head)) is not None:
            return hit
        if (hit := self.by_age(text)) is not None:
            return hit
        found = web_name(analyse_mention(head, start, end), text)
        if found.kind == "unnamed" and (titled := titled_surname(head, text)) is not None:
            found = titled  # "Former AG Marlowe: ...": Marlowe, the titles the role
        if self.headline_word(found, head):  # "Anchor Expressed Fear ...": no one's name
            found = ResolvedActor(head.lower_, "unnamed", role=head.lower_)
        if found.kind in BODIES or found.kind == "unnamed":
            if (hit := self.by_org(head, text) or self.by_trade(head, start, end)) is not None:
                return hit
            if (hit := self.by_company(head, text)) is not None:
                return hit
            if (hit := self.by_named_kind(head)) is not None:
                return hit
            if (hit := self.by_apposed_kind(head, text)) is not None:
                return hit
        description = description_of(head, text)
        if description is None and self.sentence(head) == 0:  # "Retired General Warns ..."
            if (headline := headline_description(text)) is not None:
                if (hit := self.by_role(headline, self.sentence(head))) is not None:
                    return hit[0], f"named as {hit[1]} in this article"
        if found.kind == "unnamed" and description is not None:
            hit = self.by_role(description, self.sentence(head))
            if hit is not None and (not _member_of_place(head) or _of_place(hit, description)):
                return hit[0], f"named as {hit[1]} in this article"
        bare = fold(found.name or "") in LEDE_HEADS  # "Former Navy Doctor Says": no name
        if (found.kind == "unnamed" or bare) and (hit := self.lede(head, text)) is not None:
            return hit
        if found.kind == "unnamed" and (hit := self.by_epithet(head, text)) is not None:
            return hit
        if found.kind == "unnamed" and (hit := self.by_job(head, text)) is not None:
            return hit
        written = found.name
        actor = self.canonical(found, text)
        if written and actor.name and undotted(written) != actor.name:
            if owned_by(head) is not None:
                return actor, "its named author or owner"
            if len(written.split()) == 1:
                return actor, "named in full in this article"
            return actor, "as this article names them elsewhere"
        if actor.name and owned_by(head) is not None:
            return actor, "its named author or owner"
        return actor, None
