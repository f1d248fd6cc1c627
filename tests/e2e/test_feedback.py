"""A reader answers "Was this page helpful?" in Chromium: without JavaScript (the form posts
and the guide comes back with a thank-you note) and with it (answered in place)."""

import sqlite3
from urllib.parse import urlsplit

import pytest

from tests.serving import first_page_url as api_url

pytestmark = pytest.mark.e2e


def stored_votes(server_env):
    env, _port = server_env
    database = urlsplit(env["DATABASE_URL"]).path
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT language, helpful, count FROM insights_feedbackvote ORDER BY language"
        ).fetchall(), connection.execute(
            "SELECT language, comment FROM insights_feedbackcomment"
        ).fetchall()


def test_feedback_without_and_with_javascript(live_site, browser, phone, server_env):
    guide = api_url(live_site, "guides.GuidePage", "pl")
    phone.goto(guide)
    phone.wait_for_timeout(2500)  # a reader reads before answering; scripts do not
    phone.get_by_text("Dodaj komentarz (nieobowiązkowo)").click()
    phone.get_by_label("Twój komentarz").fill("Brakuje informacji o NFZ.")
    phone.get_by_role("button", name="Tak").click()
    assert phone.url.endswith("?feedback=thanks#feedback")
    assert phone.get_by_role("status").inner_text() == "Dziękujemy za odpowiedź."
    assert phone.locator("form.feedback-form").count() == 0

    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="ro")
    page = context.new_page()
    guide_ro = api_url(live_site, "guides.GuidePage", "ro")
    page.goto(guide_ro)
    page.wait_for_timeout(2500)
    page.get_by_role("button", name="Nu").click()
    status = page.locator(".feedback-status")
    status.filter(has_text="Vă mulțumim pentru răspuns.").wait_for()
    assert page.url == guide_ro  # answered in place
    assert page.get_by_role("button", name="Nu").is_hidden()
    context.close()

    votes, comments = stored_votes(server_env)
    assert votes == [("pl", 1, 1), ("ro", 0, 1)]
    assert comments == [("pl", "Brakuje informacji o NFZ.")]
