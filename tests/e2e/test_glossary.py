"""Dutch words explain themselves in a guide, without JavaScript, on a 360 px phone."""

import re
import urllib.request

import pytest

pytestmark = pytest.mark.e2e
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def bsn_guide_url(live_site):
    html = urllib.request.urlopen(f"{live_site}/pl/glossary/").read().decode()
    entry = re.search(r'<dt id="bsn">.*?</dd>', html, re.S).group(0)
    return live_site + re.search(r'<dd>[^<]*<a href="([^"]+)"', entry).group(1)


def test_first_bsn_in_a_guide_explains_itself_without_javascript(live_site, browser):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="pl", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(bsn_guide_url(live_site))
    notes = page.locator("details.term-note", has=page.locator("summary", has_text="„BSN”"))
    assert notes.count() == 1
    note = notes.first
    explanation = note.get_by_text("Twój osobisty numer w urzędach w Holandii.")
    assert not explanation.is_visible()
    note.locator("summary").click()
    assert explanation.is_visible()
    box = note.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert note.locator("summary").bounding_box()["height"] >= 44
    # The link to the entry leads to its anchor on the glossary page.
    note.get_by_role("link").click()
    page.wait_for_load_state()
    assert page.url.endswith("/pl/glossary/#bsn")
    assert page.locator("dt#bsn").is_visible()

    context.close()

    # axe and the overflow measure are scripts: with JavaScript off Playwright's evaluate never
    # returns, so they run in a second context on the same page, the explanation opened.
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="pl")
    page = context.new_page()
    page.goto(bsn_guide_url(live_site))
    page.locator("details.term-note summary").first.click()
    violations = Axe().run(page, options=WCAG_AA).response["violations"]
    assert violations == [], [v["id"] for v in violations]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()
