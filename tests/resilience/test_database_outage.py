"""With the database unreachable readers get a 503 page in their language, and pages already in
the page cache are still served. (test_real_outage.py does the same against gunicorn.)"""

import pytest
from django.db import ProgrammingError, connections
from django.test import Client
from django.utils import translation

from portal.core import freshness

GUIDE = "healthcare/health-insurance"
LANGUAGES = ("nl", "en", "pl", "ro", "bg")


def unavailable_text(code):
    with translation.override(code):
        return translation.gettext(
            "This website is temporarily unavailable. Please try again in a few minutes."
        )


def assert_unavailable(response, code):
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Language"] == code
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert unavailable_text(code) in html
    assert 'href="tel:112"' in html


def test_the_unavailable_text_is_translated():
    assert len({unavailable_text(code) for code in LANGUAGES}) == len(LANGUAGES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_answer_503_in_the_language_of_the_address(client, site_pages, database_down, code):
    guide_url = site_pages[GUIDE][code].url
    database_down()
    for url in (guide_url, f"/{code}/services/?free=on", f"/{code}/search/?q=bsn"):
        assert_unavailable(client.get(url), code)


@pytest.mark.parametrize(
    ("accept", "code"), [("ro,en;q=0.5", "ro"), ("bg", "bg"), ("fr", "nl"), ("", "nl")]
)
def test_without_a_language_in_the_address_accept_language_decides(database_down, accept, code):
    database_down()
    # The failure happens outside any view here (looking up a redirect for the 404), so the
    # 500 handler gives the 503 page.
    response = Client(raise_request_exception=False).get(
        "/no-such-page/", HTTP_ACCEPT_LANGUAGE=accept
    )
    assert_unavailable(response, code)


def test_cached_pages_are_still_served(client, site_pages, database_down):
    cached = site_pages[GUIDE]["pl"].url
    first = client.get(cached)
    assert first["X-Page-Cache"] == "miss"
    database_down()
    again = client.get(cached)
    assert again.status_code == 200
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert_unavailable(client.get(site_pages[GUIDE]["en"].url), "en")


def test_with_no_version_known_nothing_can_be_served(
    client, site_pages, database_down, monkeypatch
):
    url = site_pages[GUIDE]["pl"].url
    client.get(url)
    database_down()
    # A fresh worker that has never read the content version (and no shared cache to ask).
    monkeypatch.setattr(freshness, "last_seen", None)
    assert_unavailable(Client(raise_request_exception=False).get(url), "pl")


def test_a_broken_query_is_still_an_error_not_an_outage(site_pages, database_down):
    def broken(*args, **kwargs):
        raise ProgrammingError("no such column")

    url = site_pages[GUIDE]["en"].url
    database_down()
    connections["default"]._cursor = broken
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_a_failing_query_on_a_reachable_database_is_not_an_outage(client, monkeypatch):
    """Issue 16, item 5: SQLite reports a full-text syntax error as an OperationalError, like a
    database that is down; the site must not claim an outage for a reader's input."""
    from django.db import OperationalError

    from portal.search import api

    def syntax_error(*args, **kwargs):
        raise OperationalError('fts5: syntax error near """')

    monkeypatch.setattr(api.PortalSearchFilter, "filter_queryset", syntax_error)
    response = Client(raise_request_exception=False).get("/api/v2/pages/?search=zorg")
    assert response.status_code == 500
