"""Every URL carries its language; `/` sends visitors to theirs; the switcher and hreflang point
to the real translations of the page."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

LANGUAGES = ["nl", "en", "pl", "ro", "bg"]
NAMES = {"nl": "Nederlands", "en": "English", "pl": "Polski", "ro": "Română", "bg": "Български"}

pytestmark = pytest.mark.django_db


def test_languages_are_named_in_their_own_language():
    assert dict(settings.LANGUAGES) == NAMES
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == sorted(LANGUAGES)


def test_root_redirects_to_dutch_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("pl-PL,pl;q=0.9,en;q=0.5", "/pl/"),
        ("ro", "/ro/"),
        ("bg-BG,bg;q=0.8", "/bg/"),
        ("de-DE,de;q=0.9,en;q=0.3", "/en/"),
        ("fr-FR", "/nl/"),
    ],
)
def test_root_redirects_by_accept_language(client, header, expected):
    response = client.get("/", headers={"accept-language": header})
    assert response["Location"] == expected


def test_language_cookie_wins_over_accept_language(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ro"
    response = client.get("/", headers={"accept-language": "pl"})
    assert response["Location"] == "/ro/"


def test_reading_a_language_remembers_it_for_next_time(client):
    response = client.get("/bg/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "bg"
    assert client.get("/", headers={"accept-language": "pl"})["Location"] == "/bg/"
    # Once remembered, pages are served without Set-Cookie (so they stay cacheable).
    assert settings.LANGUAGE_COOKIE_NAME not in client.get("/bg/").cookies


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_prefix_serves_its_home_page(client, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert f'<span aria-current="true" lang="{code}">{NAMES[code]}</span>' in html


def test_unknown_language_prefix_ends_on_a_not_found_page(client):
    response = client.get("/de/", follow=True)
    assert response.redirect_chain == [("/nl/de/", 302)]
    assert response.status_code == 404


def links(html, pattern):
    return dict(re.findall(pattern, html))


@pytest.mark.parametrize("code", LANGUAGES)
def test_switcher_and_hreflang_point_to_the_translations_of_this_page(client, site_pages, code):
    guide = site_pages["healthcare/health-insurance"][code]
    html = client.get(guide.url).content.decode()
    hreflang = links(
        html, r'<link rel="alternate" hreflang="(\w+)" href="http://testserver([^"]+)"'
    )
    switcher = links(html, r'<a href="([^"]+)" lang="(\w+)" hreflang')
    expected = {c: p.url for c, p in site_pages["healthcare/health-insurance"].items()}
    assert hreflang == expected
    assert {lang: url for url, lang in switcher.items()} == {
        c: u for c, u in expected.items() if c != code
    }
    for url in expected.values():
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("code", LANGUAGES)
def test_not_found_page_speaks_the_visitors_language(client, code):
    response = client.get(f"/{code}/this-page-does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    expected = {
        "nl": "Pagina niet gevonden",
        "en": "Page not found",
        "pl": "Nie znaleziono strony",
        "ro": "Pagina nu a fost găsită",
        "bg": "Страницата не е намерена",
    }[code]
    assert expected in html


def test_unprefixed_unknown_url_goes_to_the_visitors_language_first(client):
    response = client.get("/some/old/link/", headers={"accept-language": "pl"})
    assert response.status_code == 302
    assert response["Location"] == "/pl/some/old/link/"
    assert client.get(response["Location"]).status_code == 404


def test_server_error_page_renders_without_the_database(rf, django_assert_num_queries):
    from django.utils import translation

    from portal.core.views import server_error

    with translation.override("pl"), django_assert_num_queries(0):
        response = server_error(rf.get("/pl/"))
    assert response.status_code == 500
    assert "Coś poszło nie tak" in response.content.decode()


def test_unknown_admin_and_api_urls_are_not_sent_into_the_public_site(admin_client):
    assert admin_client.get("/admin/no-such-thing/").status_code == 404
    assert admin_client.get("/api/hsds/no-such-thing").status_code == 404
