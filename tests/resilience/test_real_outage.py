"""A real outage: gunicorn with production settings, its database a PostgreSQL address nobody
answers at (on both test databases), and Redis either down too or up and holding cached pages."""

import random
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django_redis.cache import RedisCache

from portal.core import freshness
from portal.insights.feedback import TOKEN_FIELD
from portal.pagecache.middleware import cache_key, to_cache
from tests.bench.run import free_port, redis_answers

from .gunicorn import closed_port, gunicorn, production_env

# Starts gunicorn servers and waits out timeouts: left out of `make test-fast`.
pytestmark = pytest.mark.real_outage
GUIDE = "healthcare/health-insurance"


def fetch(url, **headers):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def without_token(html):
    return TOKEN_FIELD.sub(rb"\1\3", html.encode()).decode()


def unreachable_database():
    return f"postgres://postgres@127.0.0.1:{closed_port()}/portal"


def test_database_and_redis_down_every_page_answers_503_in_its_language():
    port = free_port()
    env = production_env(
        port,
        unreachable_database(),
        settings.STATIC_ROOT,
        redis_url=f"redis://127.0.0.1:{closed_port()}/0",
    )
    with gunicorn(env) as (base, _server):
        for code in ("nl", "en", "pl", "ro", "bg"):
            status, headers, html = fetch(f"{base}/{code}/")
            assert status == 503, html[:500]
            assert headers["Retry-After"] == "120"
            assert f'<html lang="{code}">' in html
            assert 'href="tel:112"' in html
        status, headers, html = fetch(f"{base}/", **{"Accept-Language": "bg"})
        assert (status, headers["Content-Language"]) == (503, "bg")
        status, _headers, html = fetch(f"{base}/pl/services/?free=on")
        assert status == 503 and "Chwilowo niedostępne" in html
        # Static files need no database.
        stylesheet = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        assert fetch(base + stylesheet)[0] == 200


@pytest.mark.django_db
def test_with_redis_up_cached_pages_are_still_served(client, site_pages):
    if not redis_answers():
        pytest.skip("needs Redis at 127.0.0.1:6379")
    # One Redis database per test database, so the two CI suites side by side never meet.
    redis_url = f"redis://127.0.0.1:6379/{14 if connection.vendor == 'sqlite' else 15}"
    shared = RedisCache(redis_url, {"KEY_PREFIX": "winportaal"})
    port = free_port()
    cached_path = urlsplit(site_pages[GUIDE]["pl"].url).path
    page = client.get(cached_path)
    assert page.status_code == 200
    # What a worker stored before the database went away.
    number = random.randrange(10**9, 10**10)
    # The version names the clock's period too (figures that change at midnight); a worker
    # shares it through Redis, as it shares the number.
    version = freshness.with_period(number)
    boundary = version.partition(".")[2]
    shared.set(freshness.period_key(number), int(boundary) if boundary else 0, timeout=300)
    token = freshness.request_version.set(version)
    try:
        page_key = cache_key(RequestFactory().get(cached_path, HTTP_HOST=f"127.0.0.1:{port}"))
    finally:
        freshness.request_version.reset(token)
    shared.set(freshness.CACHE_KEY, number, timeout=300)
    shared.set(page_key, to_cache(page), timeout=300)
    env = production_env(port, unreachable_database(), settings.STATIC_ROOT, redis_url=redis_url)
    try:
        with gunicorn(env) as (base, _server):
            status, headers, html = fetch(base + cached_path)
            assert status == 200
            assert headers["X-Page-Cache"] == "hit"
            # The same page, apart from the feedback token, which is issued anew each time it
            # is served (portal.insights.middleware).
            assert without_token(html) == without_token(page.content.decode())
            other = urlsplit(site_pages[GUIDE]["ro"].url).path
            status, headers, html = fetch(base + other)
            assert status == 503 and '<html lang="ro">' in html
    finally:
        shared.delete_many([freshness.CACHE_KEY, freshness.period_key(number), page_key])
