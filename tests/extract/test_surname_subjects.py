"""A surname alone as a subject (issue 14, s14-misc): the person the article names in full
with it. Pins what ``Resolver.note_surname`` (a subject the tagger read as a common noun)
and ``Resolver.own_surname`` (a pronoun's own subject the NER read as no person's) did
before the two were made one lookup, ``Resolver.surname_person``. Sentences and names
written for these tests."""

from __future__ import annotations

import pytest

from claimtrack.extract.speakers import Resolver

pytest.importorskip("spacy")


def parse(text: str):
    from claimtrack.extract.nlp import load

    return load()(text)


def _last(doc, word: str):
    return [t for t in doc if t.text == word][-1]


def test_a_noted_surname_is_the_person_named_in_full_before() -> None:
    r = Resolver()
    r.see_person_name("Malik Dunmore")
    doc = parse("Dunmore is expected to make his debut on Saturday.")
    r.note_surname(doc[0])
    seen = r.seen[-1]
    assert (seen.actor.name, seen.actor.kind, seen.actor.gender) == ("Malik Dunmore", "person", "m")
    assert seen.weight == 3  # the main clause's subject


def test_a_noted_surname_nobody_is_named_with_is_noted_as_no_one() -> None:
    r = Resolver()
    r.see_person_name("Malik Dunmore")
    doc = parse("Okafor is expected to make his debut on Saturday.")
    r.note_surname(doc[0])
    assert r.seen == []


def test_a_noted_surname_of_two_people_is_the_one_not_named_as_kin() -> None:
    r = Resolver()
    r.see_person_name("Malik Dunmore")
    r.see_person_name("Ada Dunmore")
    doc = parse("Dunmore is expected to make his debut on Saturday.")
    r.note_surname(doc[0])
    # neither is named as kin: the one of the most recent subjects, else the first named
    assert [s.actor.name for s in r.seen] == ["Malik Dunmore"]


TEXT = (
    "The title match between Paul Sterling and Andy Moor starts at noon. "
    "Sterling arrived at the gala late, and he said the film was finished."
)


def _own(text: str, word: str = "Sterling"):
    doc = parse(text)
    subj = _last(doc, word)
    return subj, Resolver().own_surname(subj, subj.idx, subj.idx + len(subj.text))


def test_own_surname_is_the_one_full_name_written_with_it() -> None:
    subj, found = _own(TEXT)
    assert subj.ent_type_ != "PERSON"  # the case it is for: the NER names no one there
    assert found is not None
    assert (found.name, found.kind, found.gender) == ("Paul Sterling", "person", "m")


def test_own_surname_is_none_for_two_full_names_or_a_body() -> None:
    two = TEXT.replace("Andy Moor", "Anna Sterling")
    assert _own(two)[1] is None
    body = "Paul Sterling Holdings bought the pier. Sterling said the pier would open."
    assert _own(body)[1] is None


def test_own_surname_is_none_for_a_longer_subject() -> None:
    doc = parse(TEXT)
    subj = _last(doc, "Sterling")
    assert Resolver().own_surname(subj, subj.idx - 4, subj.idx + len(subj.text)) is None
