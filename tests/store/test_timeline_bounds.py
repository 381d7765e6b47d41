"""The timeline orders claims by the bounds of their date and every view shows the date at
its precision (issue 19). The article is written for the project."""

from __future__ import annotations

import html

from starlette.testclient import TestClient

from claimtrack.web import app as web_app
from tests.conftest import rows

# published Tuesday 1 November 2016: "last week" is 24-30 October, "In March" is 2016-03
QUAYS = """Quay works

On Oct. 20, the harbour master, Ian Cole, said the north quay was cracked.

Last week, the treasurer, Ruth Okafor, said the repairs would cost more than planned.

In March, the engineer, Sam Reyes, said the south quay was sound.

On Oct. 27, the pilot, Bea Lund, said the channel was deep enough.
"""


def _ingest(cli, db_url, tmp_path) -> None:
    article = tmp_path / "quays.txt"
    article.write_text(QUAYS, encoding="utf-8")
    cli("ingest", str(article), "--published", "2016-11-01", "--quiet", db=db_url)


def test_timeline_orders_by_the_first_day_of_the_bounds(cli, db_url, tmp_path):
    _ingest(cli, db_url, tmp_path)
    got = rows(cli, db_url, "timeline")
    order = [r["speaker"] for r in got]
    # March (from 1 March), 20 October, last week (from Monday 24 October), 27 October
    assert order == ["Sam Reyes", "Ian Cole", "Ruth Okafor", "Bea Lund"], order
    said = {r["speaker"]: r["said"] for r in rows(cli, db_url, "timeline", "--dates")}
    assert said["Sam Reyes"] == "2016-03" and said["Ruth Okafor"] == "2016-10-24/2016-10-30"


def test_the_table_and_show_give_the_date_at_its_precision(cli, db_url, tmp_path):
    _ingest(cli, db_url, tmp_path)
    table = cli("timeline", db=db_url).stdout
    assert "2016-03" in table and "2016-03-01" not in table
    assert "2016-10-24/" in table  # the range may wrap in a narrow column
    (reyes,) = [r for r in rows(cli, db_url, "timeline") if r["speaker"] == "Sam Reyes"]
    shown = cli("show", str(reyes["claim_id"]), db=db_url).stdout
    assert "said in 2016-03 (month)" in " ".join(shown.split())


def test_the_web_view_shows_the_date_at_its_precision(cli, db_url, tmp_path):
    _ingest(cli, db_url, tmp_path)
    client = TestClient(web_app.create_app(db_url))
    try:
        listing = html.unescape(client.get("/claims").text)
        assert ">2016-03<" in listing and ">2016-10-24/2016-10-30<" in listing
        assert "2016-03-01" not in listing.split("<tbody>")[1].split("title=")[0]
        (okafor,) = [r for r in rows(cli, db_url, "timeline") if r["speaker"] == "Ruth Okafor"]
        page = html.unescape(client.get(f"/claims/{okafor['claim_id']}").text)
        assert '<strong class="said">2016-10-24/2016-10-30</strong>' in page
        assert "said between 2016-10-24 and 2016-10-30" in page
        assert "dated by its own date phrase" in page
    finally:
        client.app.state.web.engine.dispose()
