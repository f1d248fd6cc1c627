"""With Redis configured but unreachable the whole site keeps working, only slower: pages
(nothing can be cached), search, the directory, publishing, and editors' admin login (sessions
live in the database)."""

import os
import runpy
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.core.cache import cache

from portal.core import freshness

from .gunicorn import closed_port

GUIDE = "healthcare/health-insurance"
pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings, monkeypatch):
    """The production cache settings (settings.py with REDIS_URL set), pointed at a port
    nobody listens on."""
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port()}/0")
    production = runpy.run_path(str(Path(django_settings.BASE_DIR) / "portal" / "settings.py"))
    monkeypatch.delenv("REDIS_URL")
    settings.CACHES = production["CACHES"]
    settings.DJANGO_REDIS_IGNORE_EXCEPTIONS = production["DJANGO_REDIS_IGNORE_EXCEPTIONS"]
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    monkeypatch.setattr(freshness, "SHARED", True)
    assert "redis" in settings.CACHES["default"]["BACKEND"].lower()
    cache.set("probe", 1)
    assert cache.get("probe") is None  # really unreachable


def test_pages_search_and_directory_still_work(client, site_pages, redis_down):
    url = site_pages[GUIDE]["pl"].url
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert second["X-Page-Cache"] == "miss"  # nothing could be stored
    assert first.content == second.content
    for address in ("/pl/search/?q=lekarz", "/ro/services/?free=on", "/bg/"):
        assert client.get(address).status_code == 200, address


def test_a_published_change_shows_at_once(
    client, site_pages, redis_down, django_capture_on_commit_callbacks
):
    page = site_pages[GUIDE]["en"]
    client.get(page.url)
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Health insurance (changed while Redis is down)"
        page.save_revision().publish()
    assert "changed while Redis is down" in client.get(page.url).content.decode()


def test_editors_can_log_in(client, redis_down):
    User.objects.create_superuser("editor", "editor@example.org", "a long passphrase 2026")
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a long passphrase 2026"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get("/admin/").status_code == 200
    assert os.environ.get("REDIS_URL") is None


def test_feedback_is_still_taken_without_its_rate_limit(client, site_pages, redis_down):
    from portal.insights.feedback import make_token
    from portal.insights.models import FeedbackComment

    page = site_pages[GUIDE]["ro"]
    token = make_token(page.pk, page.url, now=time.time() - 60)
    for _ in range(12):  # more than the limit, which needs the cache
        response = client.post(
            "/ro/feedback/",
            {"token": token, "helpful": "yes", "comment": "Foarte util."},
            HTTP_SEC_FETCH_SITE="same-origin",
            HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 10)",
        )
        assert response.status_code == 302
    assert FeedbackComment.objects.filter(page=page).count() == 12
