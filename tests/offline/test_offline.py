"""The web app manifest per language, the service worker script and the offline page."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_manifest_in_the_readers_language(client):
    response = client.get("/pl/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["lang"] == "pl" and data["start_url"] == "/pl/"
    assert data["name"] == "Punkt WIN Zoetermeer"
    assert {icon["sizes"] for icon in data["icons"]} == {"any", "192x192", "512x512"}


def test_every_page_links_its_manifest_and_the_optional_script(client, site_pages):
    html = client.get(site_pages["healthcare/health-insurance"]["ro"].url).content.decode()
    assert '<link rel="manifest" href="/ro/manifest.webmanifest">' in html
    assert "js/portal" in html and "defer" in html


def test_one_service_worker_keeps_urgent_help_and_the_win_point_page_of_every_language(
    client, site_pages
):
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    script = response.content.decode()
    for language in ("nl", "en", "pl", "ro", "bg"):
        assert site_pages["pages/urgent-help"][language].url in script, language
        assert site_pages["pages/about"][language].url in script, language
        assert f'"/{language}/offline/"' in script, language
    # Registered at one address: the worker of an older address gets the same script.
    assert client.get("/sw.js", {"lang": "bg"}).content.decode() == script


def test_offline_page_speaks_the_readers_language(client):
    html = client.get("/ro/offline/").content.decode()
    assert "Sunteți offline" in html and 'href="tel:112"' in html
