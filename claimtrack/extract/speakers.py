"""Heuristic speaker resolution: names, titles, affiliations, surnames, pronouns, kinds."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimtrack.extract.spans import doc_text
from claimtrack.extract.types import ActorKind
from claimtrack.extract.wordlists import words as words_of
from claimtrack.names import (
    PARTICLES,
    PRONOUN_GENDER,
    Gender,
    compatible,
    first_name_gender,
    fold,
    surname,
    title_gender,
)

FIRST_PERSON = frozenset({"i", "me"})
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "i", "me"})
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
    head deputy-chief cmdr. capt. sgt. lt. maj. prof. prof
    """.split()
)

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

HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "mr", "mrs", "ms"})
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
    """.split()
)
ORG_WORDS = frozenset(
    """
    campaign party committee company corporation inc. inc corp group organization
    organisation association union foundation institute university bank fund coalition
    team network court board center centre
    """.split()
)
# the words that end a newspaper's name ("The Charlotte Observer"), only in a name
PAPER_NAMES = frozenset(
    "observer enquirer inquirer chronicle courier dispatch examiner sentinel globe "
    "politico politifact breitbart".split()
)
# a group of people a name is given to: "the Koch brothers", "Scott's family"
KIN_GROUPS = frozenset("brothers sisters siblings family families couple".split())
# a named person's kin, who takes their surname when named by a first name alone
KIN = frozenset("wife husband son daughter brother sister father mother".split())
POLLS = frozenset({"poll", "polls", "survey", "surveys"})
# words before a poll's name that are none of it ("a new Quinnipiac poll")
NOT_POLL_NAME = frozenset({"new", "latest", "recent", "national", "opinion", "tracking"})
UNNAMED_HEADS = frozenset(
    """
    source sources official officials party parties people person analyst analysts expert
    experts observer observers critic critics diplomat diplomats insider insiders some many
    others other aide aides spokesman spokeswoman spokesperson someone one resident residents
    voter voters supporter supporters witness witnesses member members reports report
    """.split()
)

DOCUMENTS = words_of("source_documents") | {"ad", "video", "return", "transcript", "spot", "clip"}
_CLAUSE = re.compile(r",|\(|\s[-–—]\s|\s(?:who|which|that|whose)\s")
_DET = re.compile(r"^(the|a|an)\s+", re.I)
# "multiple Russian media outlets" and "several Russian media outlets" are one speaker
_QUANTIFIER = re.compile(
    r"^(?:multiple|several|many|numerous|various|some|other|a number of|a few|a handful of"
    r"|two|three|four|five|six|seven|eight|nine|ten|a couple of|a dozen)\s+",
    re.I,
)


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


def clean(s: str) -> str:
    return " ".join(s.replace("’s", "").split()).strip(" ,.;:\"“”'")


def affiliation_of(words: list[str]) -> tuple[str | None, list[str]]:
    """Peel a leading nationality / country off title words."""
    if not words:
        return None, words
    for n in (2, 1):
        key = " ".join(words[:n]).lower()
        if len(words) >= n and key in NATIONALITIES:
            return NATIONALITIES[key], words[n:]
    return None, words


def _is_name_tok(t: Token) -> bool:
    return (
        t.pos_ == "PROPN"
        and t.text[:1].isupper()
        and t.lower_ not in TITLE_WORDS
        and t.lower_ not in NATIONALITIES
    )


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


def co_speakers(head: Token, first: str | None) -> list[ResolvedActor]:
    """The other named people of a mention that names several ("Sen. Jon Doe and Sen. Ann
    Roe", "Doe, Roe and Poe"): persons joined to its head by "and"."""
    out = []
    named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    for conj in [c for h in [head, *named] for c in h.conjuncts if c.i > h.i]:
        end = conj.idx + len(conj.text)
        if conj.pos_ != "PROPN":  # "and his wife Michelle": a kin word and a name
            name = next((c for c in conj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if conj.lower_ not in KIN or name is None:
                continue
            end = name.idx + len(name.text)
        left = min(t.idx for t in conj.subtree if t.i <= conj.i)
        other = analyse_mention(conj, left, end)
        if other.name and " " not in other.name and conj.lower_ in KIN and first:
            other.name = f"{other.name} {first.split()[-1]}"  # their kin's surname
            other.forms = [other.name]
        if other.kind == "person" and other.name and other.name != first:
            out.append(other)
    return out


def document_owner(head: Token) -> Token | None:
    """The named author or owner a document speaks for: "a study by Professor Jane Roe",
    "the IMF report", "Smith's tax return" (a proper noun by, from or of it, or before it)."""
    if head.pos_ != "NOUN" or head.lower_ in ("poll", "polls", "post"):
        return None  # a poll is named as such ("the Quinnipiac poll"); "Post" is an outlet
    if head.lemma_.lower() not in DOCUMENTS and head.lower_ not in DOCUMENTS:
        return None
    for child in head.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN" and child.i < head.i:
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj
    return None


def is_personish(name_head: Token, name_toks: list[Token], np_toks: list[Token], words) -> bool:
    """Whether a named mention reads as a person's: named so by the NER, titled ("Mr."), the
    subject of a "who" clause, a title before it and no organisation's word in its noun
    phrase, or a known first name before a surname ("Ava Roe") the NER calls no place or
    organisation ("Wells Fargo"). An appositive's words ("Jo Roe, the head of the Center for ...") tell nothing of the kind."""
    np_words = {t.lower_ for t in np_toks} | {t.lower_ for t in name_toks}
    if name_toks and name_toks[-1].lower_ in ORG_WORDS | GOVERNMENT_WORDS:
        return False  # "the Central and East European Coalition"
    first = name_toks[0].text if len(name_toks) in (2, 3) else ""
    return (
        name_head.ent_type_ == "PERSON"
        or bool(words & HONORIFICS)
        or any(
            c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children)
            for c in name_head.children
        )
        or not (np_words & (GOVERNMENT_WORDS | ORG_WORDS))
        and any(t.lower_ in TITLE_WORDS for t in np_toks if name_toks and t.i < name_toks[0].i)
        or outlet_before([t for t in np_toks if name_toks and t.i < name_toks[0].i])[0] is not None
        or name_head.ent_type_ not in ("GPE", "NORP", "ORG", "FAC", "LOC")
        and not names_outlet(name_toks)
        and first_name_gender(first) is not None
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
        return "organization"
    if personish:
        return "person"
    if ent == "GPE":
        return "government"
    return "organization" if ent in ("ORG", "NORP") else "person"


def outlet_before(title_toks: list[Token]) -> tuple[str | None, list[Token]]:
    """An outlet named before a person's title, and the title left: "NBC News moderator"
    -> ("NBC News", [moderator]); "Fox News' " -> ("Fox News", [])."""
    run = []
    for t in title_toks:
        if t.pos_ != "PROPN" and t.tag_ != "POS":
            break
        run.append(t)
    names = [t for t in run if t.tag_ != "POS"]
    if not names or not names_outlet(names):
        return None, title_toks
    outlet = " ".join(t.text for t in names)
    return outlet, title_toks[len(run) :]


def poll_actor(head: Token, np_toks: list[Token]) -> ResolvedActor | None:
    """A poll or survey: an organisation under its name when proper nouns name it ("a new
    Quinnipiac University poll" -> "Quinnipiac University poll"), else unnamed ("a poll")."""
    if head.lower_ not in POLLS:
        return None
    before = [t for t in np_toks if t.i < head.i]
    named = [t for t in before if t.pos_ == "PROPN" and t.lower_ not in NOT_POLL_NAME]
    if not named:
        role = clean(" ".join(t.text for t in before + [head] if t.pos_ != "DET"))
        return ResolvedActor(role, "unnamed", role=role)
    doc = head.doc
    name = doc_text(doc)[named[0].idx : named[-1].idx + len(named[-1].text)]
    return ResolvedActor(clean(f"{name} {head.lower_}"), "organization")


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


def cut_clauses(text: str) -> str:
    """A mention without what follows its noun phrase: an appositive, a relative clause or
    an aside ("Mr. Stone, 82, who ..." -> "Mr. Stone")."""
    return _CLAUSE.split(text, maxsplit=1)[0].strip()


def analyse_mention(head: Token, start: int, end: int) -> ResolvedActor:
    """Split a mention into name, role and affiliation; guess its kind."""
    doc = head.doc
    if is_member_group(head):
        text = group_name(clean(_DET.sub("", doc_text(doc)[start:end])))
        return ResolvedActor(text, "unnamed", role=text)
    owner = document_owner(head)
    if owner is not None:
        left = min(t.idx for t in owner.subtree if t.i <= owner.i)
        return analyse_mention(owner, left, owner.idx + len(owner.text))
    span = doc.char_span(start, end, alignment_mode="contract")
    toks = list(span) if span is not None else [head]
    lower = head.lower_
    words = {t.lower_ for t in toks}
    # the noun phrase proper: tokens left of and including the head, same subtree
    np_toks = [t for t in toks if t.i <= head.i and (t.head.i <= head.i + 1 or t == head)]
    # a named appositive ("the party chairman, Kelly Armstrong") carries the name
    appos = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    name_head = head
    if appos is not None and (head.pos_ != "PROPN" or head.lower_ in TITLE_WORDS):
        name_head = appos  # "both President, Barack Obama, ..." parsed as a title and a name
    name_toks: list[Token] = []
    if name_head.pos_ == "PROPN":
        i = name_head.i
        while i >= 0 and doc[i].idx >= start and (_is_name_tok(doc[i]) or _joins_name(doc, i)):
            name_toks.insert(0, doc[i])
            i -= 1
    if (poll := poll_actor(head, np_toks)) is not None:
        return poll
    if (group := named_group(head)) is not None:
        return group
    ent = name_head.ent_type_
    personish = is_personish(name_head, name_toks, np_toks, words)
    # only an outlet's own name makes media: "NBC News moderator Matt Lauer" and "Jo Roe, a
    # writer for The Atlantic" are people
    media = names_outlet(name_toks) and ent != "PERSON"
    if name_toks and (ent == "" or personish) and not media:
        name = " ".join(
            doc_text(doc)[name_toks[0].idx : name_toks[-1].idx + len(name_toks[-1])].split()
        )
        title_toks = [
            t for t in np_toks if t.i < name_toks[0].i and t.pos_ != "DET" and t.dep_ != "preconj"
        ]
        outlet, title_toks = outlet_before(title_toks)
        titles = [t.text for t in title_toks if t.dep_ != "punct"]
        aff, role_words = affiliation_of(titles)
        aff = aff or outlet
        if aff is None and titles:
            # "Sen. Bernie Sanders of Vermont": keep it simple, no affiliation
            pass
        role = " ".join(role_words) or None
        role_appos = next((c for c in name_head.children if c.dep_ == "appos"), None)
        if role is None and role_appos is not None and role_appos.pos_ == "NOUN":
            words_ = [t.text for t in role_appos.subtree if t.dep_ != "punct"]
            if words_ and words_[0].lower() in ("the", "a", "an"):
                words_ = words_[1:]
            role = " ".join(words_) or None
        if appos is not None and name_head == appos and head.pos_ == "NOUN":
            role = role or clean(" ".join(t.text for t in np_toks if t.pos_ != "DET"))
        if ent == "PERSON" or len(name_toks) >= 1:
            kind = name_kind(name_toks, ent, personish)
            return ResolvedActor(clean(name), kind, role, aff, [clean(name)])
    text = group_name(clean(cut_clauses(_DET.sub("", doc_text(doc)[start:end]))))
    if (
        words & MEDIA_WORDS
        or names_outlet(name_toks)
        or head.ent_type_ == "ORG"
        and lower in MEDIA_WORDS
    ):
        return ResolvedActor(text, "media")
    if lower in GOVERNMENT_WORDS or head.ent_type_ == "GPE" or words & {"kremlin", "pentagon"}:
        return ResolvedActor(text, "government", affiliation=affiliation_of(text.split())[0])
    if head.ent_type_ == "ORG" or lower in ORG_WORDS:
        return ResolvedActor(text, "organization")
    if head.lemma_.lower() in UNNAMED_HEADS or lower in UNNAMED_HEADS or head.pos_ == "NOUN":
        role_text = clean(" ".join(t.text for t in np_toks if t.pos_ not in ("DET",)))
        aff, _ = affiliation_of(role_text.split())
        return ResolvedActor(text, "unnamed", role=role_text or None, affiliation=aff)
    return ResolvedActor(text or None, "person" if head.pos_ == "PROPN" else "unnamed")


def mention_gender(text: str, name: str | None) -> Gender | None:
    """The gender a mention tells: a title in it ("Mrs. Clinton"), else the name's first
    name when the name has one ("Michelle Obama")."""
    for w in text.split():
        if (g := title_gender(w)) is not None:
            return g
    parts = (name or "").split()
    return first_name_gender(parts[0]) if len(parts) >= 2 else None


def is_particle(word: str) -> bool:
    """A word that starts a surname ("de Blasio", "bin Laden"), in any case."""
    return fold(word) in PARTICLES


def _within(short: list[str], long: list[str]) -> bool:
    """SHORT's words at the start or the end of LONG's, LONG being longer."""
    n = len(short)
    return len(long) > n and (long[:n] == short or long[-n:] == short)


class Resolver:
    """Walks a document's mentions in order and links surnames, pronouns and roles."""

    def __init__(self, quoted: Callable[[Token], bool] | None = None) -> None:
        # whether a token stands inside a quotation (else "I" is the author's own voice)
        self.quoted = quoted or (lambda _: True)
        self.full_names: dict[str, list[str]] = {}  # surname -> full names, in text order
        self.actors: dict[str, ResolvedActor] = {}  # canonical name -> actor
        self.last_person: ResolvedActor | None = None
        self.last_any: ResolvedActor | None = None
        self.recent: list[ResolvedActor] = []  # persons noted as subjects, latest last
        # per mention (id of its paragraph's Doc, start, end): how it was resolved, and the
        # other named people it names ("Jon Doe and Ann Roe")
        self.how: dict[tuple[int, int, int], str] = {}
        self.others: dict[tuple[int, int, int], list[str]] = {}

    def see_person_name(self, full: str) -> None:
        parts = full.split()
        if len(parts) >= 2 and not is_particle(parts[0]):  # "bin Laden" is a surname
            names = self.full_names.setdefault(parts[-1].lower(), [])
            if full not in names:
                names.append(full)
            if (last := surname(full)) is not None and " " in last:  # "de Blasio"
                more = self.full_names.setdefault(last.lower(), [])
                if full not in more:
                    more.append(full)

    def note_subject(self, actor: ResolvedActor) -> None:
        if actor.kind == "person" and actor.name:
            self.last_person = actor
            if actor in self.recent:
                self.recent.remove(actor)
            self.recent.append(actor)
        self.last_any = actor

    def shortest_form(self, name: str) -> str:
        """A known full name that NAME only adds words to at an edge ("Rip Donald Trump",
        a headline's word glued on, is "Donald Trump" when the article names him so)."""
        words = name.split()
        for names in self.full_names.values():
            for full in names:
                if len(full.split()) >= 2 and _within(full.split(), words):
                    return full
        return name

    def full_name(self, surname: str, gender: Gender | None) -> str | None:
        """The full name the article gives a surname, of a compatible gender: the one there
        is, else the one of the most recent subjects."""
        forms = [self.shortest_form(n) for n in self.full_names.get(surname.lower(), [])]
        names = [
            n
            for n in dict.fromkeys(forms)
            if compatible(gender, first_name_gender(n.split()[0]))
            and compatible(gender, self._gender_of(n))
        ]
        if len(names) <= 1:
            return names[0] if names else None
        for actor in reversed(self.recent):
            if actor.name in names:
                return actor.name
        return names[0]

    def _gender_of(self, name: str) -> Gender | None:
        known = self.actors.get(name)
        return known.gender if known is not None else None

    def canonical(self, actor: ResolvedActor, mention: str = "") -> ResolvedActor:
        if actor.name is None:
            return actor
        name = actor.name
        gender = mention_gender(mention, name) if mention else actor.gender
        if actor.kind in ("organization", "unnamed") and name.lower() in self.full_names:
            actor.kind = "person"  # a surname the NER mistook: "Trump"
        if actor.kind == "person":
            parts = name.split()
            alone = len(parts) == 1 or len(parts) == 2 and is_particle(parts[0])
            if alone and (full := self.full_name(name, gender)) is not None:
                name = full
            elif len(parts) >= 3:
                name = self.shortest_form(name)
        known = self.actors.get(name)
        if known is None:
            known = ResolvedActor(name, actor.kind, actor.role, actor.affiliation, [])
            self.actors[name] = known
        else:
            known.role = known.role or actor.role
            known.affiliation = known.affiliation or actor.affiliation
        if known.kind == "person":
            known.gender = known.gender or gender or mention_gender("", name)
        for f in actor.forms or [actor.name]:
            if f and f not in known.forms:
                known.forms.append(f)
        return known

    def by_role(self, words: list[str]) -> ResolvedActor | None:
        """The person the article gave a role that the description's words fit: every word
        of "the Republican nominee" in the role, else its head word in one person's role."""
        people = [a for a in reversed(list(self.actors.values())) if a.role and a.kind == "person"]
        role_words = {id(a): set(fold(a.role or "").split()) for a in people}
        want = [fold(w) for w in words]
        for actor in people:
            if set(want) <= role_words[id(actor)]:
                return actor
        heads = [a for a in people if want[-1] in role_words[id(a)]]
        return heads[0] if len(heads) == 1 else None

    def pronoun(self, low: str) -> ResolvedActor | None:
        """The most recent person a personal pronoun can be: of its gender."""
        gender = PRONOUN_GENDER.get(low)
        for actor in reversed(self.recent):
            if compatible(gender, actor.gender):
                if gender is not None:
                    actor.gender = gender
                return actor
        return None

    def resolve(self, head: Token, start: int, end: int) -> ResolvedActor:
        """The actor a mention refers to; ``how`` and ``others`` keep how it was found and
        the other people it names."""
        key = (id(head.doc), start, end)
        actor, why = self._resolve(head, start, end)
        text = " ".join(doc_text(head.doc)[start:end].split())
        if why and actor.name:
            self.how[key] = f"'{text}': {actor.name}, {why}"
        if actor.kind == "person" and (others := co_speakers(head, actor.name)):
            self.others[key] = [self.canonical(o).name or "" for o in others]
        return actor

    def _resolve(self, head: Token, start: int, end: int) -> tuple[ResolvedActor, str | None]:
        text = doc_text(head.doc)[start:end].strip()
        low = text.lower()
        if low in PRONOUNS_ANY or head.pos_ == "PRON" and end - start <= 5:
            if low in FIRST_PERSON and not self.quoted(head):
                return ResolvedActor(None, "person"), None  # the author's voice, not a subject
            if low in PRONOUNS_PERSON and (hit := self.pronoun(low)) is not None:
                return hit, "the latest person named before it whom it fits"
            if low in ("who", "which", "that") and head.dep_ in ("nsubj", "nsubjpass"):
                ante = head.head.head if head.head.dep_ == "relcl" else None
                if ante is not None:
                    a_start = ante.left_edge.idx
                    a_text = doc_text(head.doc)[a_start : ante.idx + len(ante.text)]
                    hit = self.canonical(
                        analyse_mention(ante, a_start, ante.idx + len(ante.text)), a_text
                    )
                    return hit, "the noun its clause is about"
            if low in ("it", "they") and self.last_any is not None and low == "it":
                return self.last_any, "the latest subject before it"
            return ResolvedActor(None, "person" if low in PRONOUNS_PERSON else "unnamed"), None
        m = re.match(r"^(?:the|this|that)\s+([\w\s.-]+)$", low)
        if m and head.pos_ == "NOUN":
            hit = self.by_role(m.group(1).split())
            if hit is not None:
                return hit, f"named as {hit.role} in this article"
        found = analyse_mention(head, start, end)
        written = found.name
        actor = self.canonical(found, text)
        if written and actor.name and written != actor.name:
            if document_owner(head) is not None:
                return actor, "its named author or owner"
            if len(written.split()) == 1:
                return actor, "named in full in this article"
            return actor, "as this article names them elsewhere"
        if document_owner(head) is not None and actor.name:
            return actor, "its named author or owner"
        return actor, None
