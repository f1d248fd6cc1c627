"""A reader on a phone: arrives, picks a topic and a guide, switches language."""

import re

import pytest

from .navigation import choose_language, follow

pytestmark = pytest.mark.e2e


def test_reader_arrives_in_their_language_and_switches_on_the_same_page(live_site, phone):
    phone.goto(live_site + "/")
    assert phone.url == live_site + "/pl/"  # Accept-Language of a Polish phone
    follow(phone, phone.locator(".tile").first)
    follow(phone, phone.locator(".guide-list a").first)
    polish_url = phone.url
    polish_title = phone.locator("h1").inner_text()

    choose_language(phone, "Română")
    assert phone.url.startswith(live_site + "/ro/")
    assert phone.locator("html").get_attribute("lang") == "ro"
    romanian_title = phone.locator("h1").inner_text()
    assert romanian_title != polish_title
    # Same place in the tree: the breadcrumb has as many steps.
    assert phone.locator(".breadcrumb li").count() == 3

    choose_language(phone, "Polski")
    assert phone.url == polish_url
    # The choice is remembered: "/" now leads to Polish... after visiting Bulgarian, to Bulgarian.
    choose_language(phone, "Български")
    phone.goto(live_site + "/")
    assert phone.url == live_site + "/bg/"


@pytest.mark.parametrize("width", [320, 360])
def test_guide_fits_a_small_screen_without_javascript(live_site, browser, width):
    context = browser.new_context(
        viewport={"width": width, "height": 640}, java_script_enabled=False
    )
    page = context.new_page()
    page.goto(live_site + "/bg/")
    follow(page, page.locator(".tile").nth(3))
    follow(page, page.locator(".guide-list a").first)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # Folding answers open without JavaScript.
    question = page.locator("details.question").first
    question.locator(":scope > summary").click()
    assert question.get_attribute("open") is not None
    # Phone numbers can be tapped.
    assert page.locator('a[href^="tel:"]').count() >= 1
    context.close()


def test_not_found_page_in_the_readers_language(live_site, phone):
    response = phone.goto(live_site + "/pl/nie-ma-takiej-strony/")
    assert response.status == 404
    assert re.search("Nie znaleziono strony", phone.content())
