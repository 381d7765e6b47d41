"""A first name alone stands for the one person the article names in full with it (issue 14:
one actor per real speaker), and a name the NER took for a firm's is a person's when its
first name and the surname of a person named beside it say so. Every text here is written
for these tests."""

from __future__ import annotations

from claimtrack.extract import extract, nlp


def _speakers(text: str) -> dict[str, str | None]:
    """The speaker's name of each claim, by the first words of its content."""
    return {
        " ".join(c.content.text(text).strip('"').split()[:3]): c.speaker.name for c in extract(text)
    }


def _speaker_of(text: str, words: str) -> tuple[str | None, str]:
    """The speaker's name and kind of the shortest claim whose content holds WORDS."""
    holding = [c for c in extract(text) if words in c.content.text(text)]
    assert holding, f"no claim holds {words!r}: {_speakers(text)}"
    c = min(holding, key=lambda c: len(c.content.text(text)))
    return c.speaker.name, c.speaker.kind


FAMILY = (
    "Harriet Quell and her brother Tobias Quell ran the bakery for thirty years. "
    '"We never once closed on a holiday," Harriet said. '
    '"The ovens were older than both of us," Tobias told reporters.'
)


def test_a_first_name_alone_is_the_one_person_named_in_full_with_it() -> None:
    assert _speaker_of(FAMILY, "closed on a holiday")[0] == "Harriet Quell"
    assert _speaker_of(FAMILY, "ovens were older")[0] == "Tobias Quell"


def test_a_first_name_two_people_share_stays_as_written() -> None:
    text = (
        "Harriet Quell and Harriet Dunmore both spoke at the meeting. "
        '"The ovens were older than both of us," Harriet said.'
    )
    assert _speaker_of(text, "ovens were older")[0] == "Harriet"


def test_a_first_name_that_is_also_a_surname_here_is_the_surname() -> None:
    text = (
        "Tobias Quell met the mayor, Ellen Tobias, on Friday. "
        '"The budget will not cover the bakery," Tobias said.'
    )
    assert _speaker_of(text, "budget will not cover")[0] == "Ellen Tobias"


def test_a_first_name_of_another_gender_is_not_the_person() -> None:
    text = (
        "Tobias Quell opened the bakery in 1990. "
        '"We never closed on a holiday," said Harriet, a neighbour.'
    )
    assert _speaker_of(text, "never closed")[0] != "Tobias Quell"


def test_a_first_name_the_parser_calls_a_firm_is_the_person() -> None:
    text = (
        "Marla Voss and her cousin Dale Voss agreed to an interview by email. "
        '"I once visited the farm with our parents," Dale wrote.'
    )
    name, kind = _speaker_of(text, "visited the farm")
    assert (name, kind) == ("Dale Voss", "person")


def test_a_full_name_the_parser_calls_a_firm_is_a_person_beside_its_kin() -> None:
    text = (
        "Peter Holt and his sister Wendy Holt agreed to talk, but only by email. "
        '"We never doubted the plan," Wendy wrote.'
    )
    labels = {e.text: e.label_ for e in nlp.load()(text).ents}
    assert labels.get("Wendy Holt") == "ORG"  # what the rule is for: the parser's misreading
    assert _speaker_of(text, "never doubted") == ("Wendy Holt", "person")


def test_a_rare_first_word_is_no_first_name_to_resolve_to() -> None:
    from claimtrack.names import first_name_gender, is_first_name

    assert is_first_name("Dale") and first_name_gender("Dale") is None
    assert is_first_name("Wendy") and first_name_gender("Wendy") == "f"
    assert not is_first_name("Obama")


def test_a_cold_cache_keeps_every_first_name_list_from_one_reading(tmp_path, monkeypatch):
    """nomquamgender's table (22 MB) is read once for the common, soft and rare lists: the
    first list asked for on a cold cache writes the others' caches too, equal to what each
    list's own rule keeps of the table (it was read again for each)."""
    import importlib.util
    import json
    from pathlib import Path

    from claimtrack import names

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert not names._first_names_cache("rare").exists()
    assert not names._first_names_cache("soft").exists()
    common = names._cached_names("common")
    rare_cache = names._first_names_cache("rare")
    assert rare_cache.exists()
    assert names._first_names_cache("soft").exists()
    spec = importlib.util.find_spec("nomquamgender")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    table = json.loads((folder / "name_data.json").read_text(encoding="utf-8"))
    assert common == names.common_first_names(table)
    rare = names._cached_names("rare")  # from the cache written
    assert rare == names.rare_first_names(table) and len(rare) > 100
    assert set(rare.values()) == {"f", "m"}
    soft = names._cached_names("soft")  # from the cache written
    assert soft == names.soft_first_names(table) and "lindsey" in soft
