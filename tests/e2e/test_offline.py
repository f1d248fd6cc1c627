"""A reader with JavaScript: the service worker keeps visited pages, urgent help and the
WIN-point page, and shows the offline page in the reader's language for anything else."""

import pytest

pytestmark = pytest.mark.e2e


def test_pages_open_without_a_connection(live_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="pl-PL")
    page = context.new_page()
    page.goto(live_site + "/pl/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now under the service worker's control, the home page is kept
    topic = page.locator(".tile").first
    topic_url = live_site + topic.get_attribute("href")
    page.goto(topic_url)
    guide_url = live_site + page.locator(".guide-list a").nth(1).get_attribute("href")

    context.set_offline(True)
    page.goto(topic_url)
    assert page.locator(".guide-list a").count() >= 1  # visited: kept
    page.goto(live_site + page.locator(".urgent-strip a").nth(1).get_attribute("href"))
    assert "112" in page.content()  # urgent help: kept from the start
    page.goto(guide_url)  # never visited
    assert "Jesteś offline" in page.content()
    context.close()


def test_switching_language_keeps_both_languages_offline(live_site, browser):
    """A reader who reads in Polish and then in Bulgarian (or a WIN-point visitor handed pages
    in two languages) keeps the urgent help of both: one worker, and switching language never
    throws saved pages away."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="pl-PL")
    page = context.new_page()
    urgent = {}
    for language in ("pl", "bg", "pl", "ro", "bg"):
        page.goto(f"{live_site}/{language}/")
        urgent[language] = page.locator(".urgent-strip a").nth(1).get_attribute("href")
        # The worker has saved this language's pages once it answers this page's message.
        page.wait_for_function(
            """url => caches.open("win-pages-v2").then(cache => cache.match(url))
                .then(found => Boolean(found))""",
            arg=urgent[language],
        )
    scripts = page.evaluate(
        """navigator.serviceWorker.getRegistrations()
            .then(all => all.map(r => (r.active || r.waiting || r.installing).scriptURL))"""
    )
    assert scripts == [live_site + "/sw.js"]

    context.set_offline(True)
    for language, url in urgent.items():
        page.goto(live_site + url)
        assert page.locator("html").get_attribute("lang") == language
        assert "112" in page.content()
    context.close()
