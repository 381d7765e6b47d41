"""Dates from context (issue 19): a scene-setting date phrase dates the claims after it that
have none of their own; ranges stored with their bounds; a day without a year kept in the
publication year when the verb is in the future; undated documents flagged. Every article
here is written for the project."""

from __future__ import annotations

import datetime as dt
import json

from claimtrack.extract import extract
from claimtrack.query.dating import said_label
from tests.conftest import rows

NOV1 = dt.date(2016, 11, 1)  # a Tuesday

HARBOUR = """Council votes on harbour plan

On Friday, the mayor toured the new harbour in Eastport. Sam Reyes, a pilot, said the channel was deep.

"The ferries will run all winter," Mayor Dana Whitfield said. She added that the budget was safe.

Residents were not convinced. "We have heard this before," said Omar Haddad, a fisherman.

Port workers gathered outside the hall. Their union leader, Bea Lund, said the plan ignored them.

In March, the treasurer, Ruth Okafor, said the harbour would cost more than planned.

Last week, the harbour master, Ian Cole, said the quay was ready.
"""


def by_speaker(claims) -> dict:
    return {c.speaker.name: c.date for c in claims}


def test_a_scene_dates_the_claims_after_it_in_its_paragraph_and_the_next():
    dates = by_speaker(extract(HARBOUR, NOV1))
    for name in ("Sam Reyes", "Dana Whitfield"):
        assert (dates[name].on, dates[name].relation) == (dt.date(2016, 10, 28), "on"), name
        assert dates[name].via == "context" and dates[name].text == "On Friday"
        assert HARBOUR[dates[name].phrase_start :].startswith("On Friday")
    # two paragraphs on, the scene has ended: no later than publication
    for name in ("Omar Haddad", "Bea Lund"):
        assert (dates[name].via, dates[name].relation) == ("publication", "by"), name


def test_an_old_date_dates_nothing_beyond_its_paragraph():
    text = (
        "In 1993, the mayor opened the old harbour. Sam Reyes, a pilot, said it was too small.\n\n"
        '"It is a good plan," Mayor Dana Whitfield said.\n'
    )
    dates = by_speaker(extract(text, NOV1))
    assert dates["Sam Reyes"].via == "context" and dates["Sam Reyes"].precision == "year"
    assert dates["Dana Whitfield"].via == "publication"


def test_a_claim_with_its_own_phrase_keeps_it_and_ranges_have_bounds():
    dates = by_speaker(extract(HARBOUR, NOV1))
    march, week = dates["Ruth Okafor"], dates["Ian Cole"]
    assert march.via == "phrase" and (march.earliest, march.latest) == (
        dt.date(2016, 3, 1),
        dt.date(2016, 3, 31),
    )
    assert (week.earliest, week.latest) == (dt.date(2016, 10, 24), dt.date(2016, 10, 30))


def test_a_future_scene_dates_nothing():
    text = (
        "The council will vote on the plan on Nov. 8.\n\n"
        '"It is a good plan," Mayor Dana Whitfield said.\n'
    )
    (claim,) = extract(text, NOV1)
    assert (claim.date.via, claim.date.relation) == ("publication", "by")


def test_future_verb_keeps_the_day_in_the_publication_year():
    (claim,) = extract("Mayor Dana Whitfield will announce the budget on Nov. 8.\n", NOV1)
    assert claim.date.on == dt.date(2016, 11, 8) and claim.date.relation == "on"


def test_without_a_publication_date_a_scene_keeps_its_text_and_invents_nothing():
    dates = by_speaker(extract(HARBOUR, None))
    whitfield = dates["Sam Reyes"]
    assert (whitfield.text, whitfield.via, whitfield.on) == ("On Friday", "context", None)
    assert (whitfield.earliest, whitfield.latest, whitfield.relation) == (None, None, "unknown")


def test_said_label_writes_each_precision():
    d = dt.date
    assert said_label(d(2016, 3, 8), d(2016, 3, 8)) == "2016-03-08"
    assert said_label(d(2016, 3, 1), d(2016, 3, 31)) == "2016-03"
    assert said_label(d(2016, 2, 1), d(2016, 2, 29)) == "2016-02"
    assert said_label(d(2016, 1, 1), d(2016, 12, 31)) == "2016"
    assert said_label(d(2016, 10, 24), d(2016, 10, 30)) == "2016-10-24/2016-10-30"
    assert said_label(None, d(2016, 11, 1)) == "../2016-11-01"
    assert said_label(None, None) is None


def test_export_dates_filters_and_show(cli, db_url, tmp_path):
    article = tmp_path / "harbour.txt"
    article.write_text(HARBOUR, encoding="utf-8")
    cli("ingest", str(article), "--published", "2016-11-01", "--quiet", db=db_url)
    got = json.loads(cli("export", "--dates", "--format", "json", db=db_url).stdout)
    by = {r["speaker"]: r for r in got}
    okafor = by["Ruth Okafor"]
    assert (okafor["said"], okafor["said_earliest"], okafor["said_latest"]) == (
        "2016-03",
        "2016-03-01",
        "2016-03-31",
    )
    # the contract's columns keep their meaning
    assert (okafor["said_on"], okafor["date_precision"]) == ("2016-03-01", "month")
    assert by["Ian Cole"]["said"] == "2016-10-24/2016-10-30"
    assert by["Sam Reyes"]["date_via"] == "context"
    assert by["Bea Lund"]["said"] == "../2016-11-01"
    # a month is in March, but not known to be after 15 March
    names = lambda *a: {r["speaker"] for r in rows(cli, db_url, "who-said", *a)}  # noqa: E731
    assert "Ruth Okafor" in names("--since", "2016-03-01", "--until", "2016-03-31")
    assert "Ruth Okafor" not in names("--since", "2016-03-15")
    assert "Ruth Okafor" not in names("--until", "2016-03-15")
    # last week lies inside October's last ten days; no later than publication does not
    late_october = names("--since", "2016-10-20", "--until", "2016-10-31")
    assert "Ian Cole" in late_october and "Bea Lund" not in late_october
    (whitfield,) = [r for r in got if r["speaker"] == "Dana Whitfield" and r["cue"] == "said"]
    assert whitfield["date_via"] == "context"
    shown = cli("show", str(whitfield["claim_id"]), db=db_url).stdout
    assert "sets the scene" in shown and "On Friday, the mayor toured" in " ".join(shown.split())


def test_an_undated_document_is_flagged_in_one_line(cli, db_url, tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text(HARBOUR, encoding="utf-8")
    result = cli("ingest", str(article), "--quiet", db=db_url)
    lines = [x for x in result.stderr.splitlines() if "publication date" in x]
    assert len(lines) == 1 and "--published" in lines[0]
    got = json.loads(cli("export", "--dates", "--format", "json", db=db_url).stdout)
    relative = [r for r in got if r["date_text"] in ("On Friday", "Last week")]
    assert relative and all(r["said_on"] is None and r["said"] is None for r in relative)


def test_a_claim_told_of_another_time_keeps_no_scene():
    text = (
        "On Friday, the mayor toured the new harbour in Eastport.\n\n"
        "Sam Reyes, a pilot, has long said the channel was too shallow.\n"
    )
    (claim,) = extract(text, NOV1)
    assert claim.date.via == "publication"


def test_a_scene_after_publication_dates_nothing():
    text = "The mayor faces a tough race in 2018, and Sam Reyes, a pilot, said she could lose.\n"
    (claim,) = extract(text, NOV1)
    assert claim.date.via == "publication" and claim.date.text is None


def test_a_named_scene_dates_only_the_claims_of_its_subject():
    text = (
        "On Friday, Senator Ann Holt toured the new harbour in Eastport. She said the channel "
        "was deep.\n\n"
        "Holt said the quay was ready. Omar Haddad, a fisherman, said the plan ignored them.\n"
    )
    claims = extract(text, NOV1)
    by_content = {c.content.text(text): c.date for c in claims}
    friday = dt.date(2016, 10, 28)
    assert by_content["the channel was deep"].on == friday  # a pronoun: hers
    assert by_content["the quay was ready"].on == friday  # her name again
    # another speaker's claim is not told in her scene
    assert by_content["the plan ignored them"].via == "publication"


def test_a_date_inside_the_content_is_the_contents_not_when_it_was_said():
    text = (
        "The harbour handled 200 ships in 1993 and has since doubled its traffic, according "
        "to the port authority.\n"
    )
    (claim,) = extract(text, NOV1)
    assert claim.date.via == "publication" and claim.date.text is None


def test_a_decade_or_a_bare_part_of_a_day_sets_no_scene():
    from claimtrack.extract.dates import resolve_date

    for phrase in ("in the 1990s", "In the ’80s", "in the early morning hours", "in the evening"):
        said = resolve_date(phrase, NOV1)
        assert (said.on, said.relation) == (None, "unknown"), phrase
    assert resolve_date("last night", NOV1).on == dt.date(2016, 10, 31)
    text = "In the 1990s, the mayor ran the harbour. Sam Reyes, a pilot, said it was too small.\n"
    (claim,) = extract(text, NOV1)
    assert claim.date.via == "publication"


def test_a_date_inside_a_quotation_sets_no_scene():
    text = (
        '"Yesterday, the council met in secret," said Omar Haddad, a fisherman.\n\n'
        "Haddad added that the plan ignored the night shift.\n"
    )
    claims = extract(text, NOV1)
    added = [c for c in claims if "night shift" in c.content.text(text)]
    assert added and added[0].date.via == "publication"


def test_a_day_the_parser_hangs_on_the_subject_right_before_the_verb_sets_the_scene():
    # "A judge on Monday blocked ...": the parser attaches "on Monday" to "judge"
    text = (
        "A state judge on Monday barred Harlow County from using its new map, ruling that it "
        "diluted the votes of residents.\n"
    )
    (claim,) = extract(text, NOV1)
    assert (claim.date.on, claim.date.via, claim.date.text) == (
        dt.date(2016, 10, 31),
        "context",
        "on Monday",
    )
    # a date inside the subject's own phrase, not right before the verb, sets none
    text = "The judge who ruled on Monday said the map diluted the votes of rural residents.\n"
    assert [c.date.via for c in extract(text, NOV1)] == ["publication"]
