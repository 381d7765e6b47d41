"""claimtrack serve in a real browser: Debian's chromium driven by Playwright, against the
command started as a user starts it, on a free port of 127.0.0.1.

With CLAIMTRACK_SCREENSHOTS=DIR the test also saves the main pages there as PNG
(`make screenshots` writes docs/img/ this way).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="no /usr/bin/chromium (apt-get install chromium; .ci/run installs it)",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(db_url, cli) -> Iterator[str]:
    """`claimtrack serve` on the ingested seed, in its own process; its base URL."""
    cli("ingest", str(SEEDS), "--quiet", db=db_url)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimtrack", "serve", "--db", db_url, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # readiness, not timing: the server answers once started
            if proc.poll() is not None:
                pytest.fail(f"claimtrack serve stopped: {proc.stdout.read()}")
            try:
                with urllib.request.urlopen(f"{base}/claims") as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("claimtrack serve did not answer on its port")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stdout.close()


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(viewport={"width": 1200, "height": 900})
        finally:
            browser.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("CLAIMTRACK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def test_read_review_and_chart_in_a_browser(server, page):
    from playwright.sync_api import expect

    page.goto(f"{server}/claims")
    expect(page.locator("table.claims tbody tr")).to_have_count(11)
    page.fill("input[name=topic]", "ceasefire")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"/claims\?topic=ceasefire"))
    speakers = page.locator("table.claims td.speaker").all_inner_texts()
    assert speakers[:2] == ["Donald Trump", "Yuri Ushakov"]
    dates = page.locator("table.claims td.date").all_inner_texts()
    assert dates[:2] == ["2025-08-13", "2025-08-14"]
    shot(page, "claims")

    row = page.locator("table.claims tbody tr", has_text="Yuri Ushakov")
    content = row.locator("td:nth-child(4) a").inner_text()
    row.locator("td:nth-child(4) a").click()
    page.wait_for_url(re.compile(r"/claims/\d+$"))
    evidence = page.locator("blockquote.paragraph")
    expect(evidence.locator("mark.content")).to_have_text(content)
    expect(evidence.locator("mark.speaker")).to_contain_text("Ushakov")
    expect(evidence.locator("mark.cue")).to_have_count(1)
    claim_url = page.url
    shot(page, "claim")

    page.goto(f"{server}/review")
    expect(page.locator("section.queue-item").first).to_be_visible()
    shot(page, "review")

    page.goto(claim_url)
    form = page.locator("form.review")
    form.locator("select[name=status]").select_option("verified")
    form.locator("input[name=note]").fill("matches the Kremlin readout")
    form.locator("input[name=by]").fill("desk")
    form.locator("button[type=submit]").click()
    page.wait_for_url(claim_url)
    expect(page.locator("dl.facts .status")).to_have_text("verified")
    expect(page.locator("ol.history li")).to_have_count(1)
    expect(page.locator("ol.history li")).to_contain_text("matches the Kremlin readout")

    page.locator("dl.facts dd a", has_text="Yuri Ushakov").click()
    page.wait_for_url(re.compile(r"/actors/\d+$"))
    chart = page.locator("svg.timeline")
    expect(chart).to_be_visible()
    assert chart.locator("circle").count() >= 1
    expect(chart.locator("text.lane", has_text="ceasefire")).to_have_count(1)
    shot(page, "actor")

    page.goto(claim_url)
    page.locator("dl.facts dd a[href^='/sources/']").click()
    page.wait_for_url(re.compile(r"/sources/\d+$"))
    expect(page.locator("article.source-text mark.content")).to_have_count(11)
    shot(page, "source")


def test_correct_a_claim_in_a_browser(server, page):
    """From the review queue a reviewer rejects a claim and reassigns a speaker; from the
    claim's page sets its date and undoes it: each shows at once and lands in the log."""
    from playwright.sync_api import expect

    page.goto(f"{server}/review")
    items = page.locator("section.queue-item")
    before = items.count()
    first = items.first
    rejected_id = first.get_attribute("id")
    first.locator("form[data-action=reject] select[name=reason]").select_option("not-a-claim")
    first.locator("form[data-action=reject] input[name=why]").fill("a headline")
    first.locator("form[data-action=reject] button[type=submit]").click()
    page.wait_for_url(f"{server}/review")
    expect(page.locator("section.queue-item")).to_have_count(before - 1)
    expect(page.locator(f"section#{rejected_id}")).to_have_count(0)

    item = page.locator("section.queue-item").first
    claim_link = item.locator("h2 a").first.get_attribute("href")
    item.locator("form[data-action=speaker] input[name=speaker]").fill("Marta Quill")
    item.locator("form[data-action=speaker] input[name=by]").fill("desk")
    item.locator("form[data-action=speaker] button[type=submit]").click()
    page.wait_for_url(f"{server}/review")
    expect(page.locator(f"section.queue-item h2 a[href='{claim_link}']").first).to_be_visible()
    expect(page.locator("section.queue-item", has_text="Marta Quill")).to_have_count(1)

    page.goto(f"{server}{claim_link}")
    expect(page.locator("dl.facts dd").first).to_contain_text("Marta Quill")
    log = page.locator("table.corrections-log tbody tr")
    expect(log).to_have_count(1)
    expect(log.first).to_contain_text("speaker")
    expect(log.first).to_contain_text("desk")
    form = page.locator("form[data-action=said]")
    form.locator("input[name=said]").fill("before 2025-08-10")
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"{server}{claim_link}")
    expect(log).to_have_count(2)
    expect(page.locator("dl.facts")).to_contain_text("before 2025-08-10")
    shot(page, "correction")
    page.locator("form[data-action=undo] button[type=submit]").click()
    page.wait_for_url(f"{server}{claim_link}")
    expect(page.locator("table.corrections-log tr.undone")).to_have_count(1)
    expect(page.locator("dl.facts")).not_to_contain_text("before 2025-08-10")

    page.goto(f"{server}/claims?include-rejected=1")
    expect(page.locator("table.claims tbody tr")).to_have_count(11)
    page.goto(f"{server}/claims")
    expect(page.locator("table.claims tbody tr")).to_have_count(10)


# Written for this test: short council reports, three claims each, enough for two pages.
SPEAKERS = ("Ana Lindqvist", "Tomas Berger", "Rosa Maldini", "Pieter Okafor", "Lena Havel")
PLACES = ("the harbour bridge", "the north library", "the tram depot", "the market hall")


def council_reports(folder: Path, count: int) -> Path:
    """COUNT made-up articles, each of three attributed sentences on its own line."""
    folder.mkdir()
    for n in range(count):
        who = [SPEAKERS[(n + k) % len(SPEAKERS)] for k in range(3)]
        where = PLACES[n % len(PLACES)]
        text = (
            f"Council report {n + 1}\n\n"
            f"Councillor {who[0]} said on Monday that {where} would reopen in {n % 12 + 1} weeks.\n\n"
            f"Engineer {who[1]} said the repairs to {where} had cost less than planned.\n\n"
            f"Mayor {who[2]} told reporters that the city would pay for {where} from its reserve.\n"
        )
        (folder / f"report_{n:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_page_forward_and_back_in_a_browser(server, page, db_url, cli, tmp_path):
    """Next and previous links in a real browser: back from the second page is the first
    page again (read back from a cursor, ?before=), with no previous link of its own."""
    from playwright.sync_api import expect

    cli("ingest", str(council_reports(tmp_path / "reports", 20)), "--quiet", db=db_url)
    page.goto(f"{server}/claims")
    ids = lambda: page.locator("table.claims td.num a").all_inner_texts()  # noqa: E731
    first = ids()
    assert len(first) == 50
    expect(page.locator("a[rel=prev]")).to_have_count(0)
    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r"after="))
    second = ids()
    assert second and not set(second) & set(first)
    expect(page.locator("p.pager")).to_contain_text("claims 51–")
    page.click("a[rel=prev]")
    page.wait_for_url(re.compile(r"before="))
    assert ids() == first
    expect(page.locator("p.pager")).to_contain_text("claims 1–50")
    expect(page.locator("a[rel=prev]")).to_have_count(0)
    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r"after="))
    assert ids() == second
