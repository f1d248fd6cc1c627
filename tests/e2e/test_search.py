"""A reader searches on a 360 px phone without JavaScript, in each language: types the way
phones type (no diacritics, Latin letters for Bulgarian), gets results, opens one."""

import pytest

from .navigation import follow

pytestmark = pytest.mark.e2e

QUERIES = {
    "nl": ("zorgverzekering", "/nl/"),
    "en": ("payslip", "/en/"),
    "pl": ("zameldowanie", "/pl/"),
    "ro": ("asigurare sanatate", "/ro/"),
    "bg": ("zdravna zastrahovka", "/bg/"),
}


@pytest.mark.parametrize("language", list(QUERIES))
def test_search_from_the_home_page_on_a_small_phone(live_site, browser, language):
    query, prefix = QUERIES[language]
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site}/{language}/")
    page.locator("#search-q").fill(query)
    with page.expect_navigation():
        page.locator(".search-form button").click()
    assert f"/{language}/search/" in page.url
    results = page.locator(".search-result h2 a")
    assert results.count() >= 1
    assert page.locator(".search-result mark").count() >= 1
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    # The search box and button are big enough to tap.
    for element in (page.locator("#search-q"), page.locator(".search-form button")):
        assert element.bounding_box()["height"] >= 44
    first_title = results.first.inner_text()
    follow(page, results.first)
    assert page.url.startswith(live_site + prefix)
    assert page.locator("h1").inner_text().strip() == first_title.strip()
    context.close()


def test_nothing_found_leads_on(live_site, phone):
    phone.goto(f"{live_site}/pl/search/?q=qqxxzz")
    assert phone.locator(".no-results .topic-links a").count() == 6
    assert phone.locator('.no-results a[href="tel:14079"]').count() == 1
