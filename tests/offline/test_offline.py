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


def test_service_worker_keeps_urgent_help_and_the_win_point_page(client, site_pages):
    response = client.get("/sw.js", {"lang": "bg"})
    assert response["Content-Type"].startswith("text/javascript")
    script = response.content.decode()
    assert site_pages["pages/urgent-help"]["bg"].url in script
    assert site_pages["pages/about"]["bg"].url in script
    assert '"/bg/offline/"' in script
    assert client.get("/sw.js", {"lang": "xx"}).status_code == 404


def test_offline_page_speaks_the_readers_language(client):
    html = client.get("/ro/offline/").content.decode()
    assert "Sunteți offline" in html and 'href="tel:112"' in html
