"""Security headers on every page type, fresh and from the page cache; no cookie for readers
(except the language choice); no inline script or style in what the public site renders."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from portal.desk.models import ShortLink
from portal.directory.models import Service
from portal.guides.models import GuidePage, HomePage, StandardPage, TopicPage

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
INLINE_CODE = [
    re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I),
    re.compile(r"<style", re.I),
    re.compile(r"\sstyle=", re.I),
    re.compile(r"\son[a-z]+\s*=", re.I),
]


def directives(response):
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def first_url(model):
    return model.objects.live().filter(locale__language_code="pl").first().url


@pytest.fixture
def public_urls(db):
    """One URL per public page type; True where the page cache may store it."""
    service = Service.objects.filter(status=Service.Status.ACTIVE).first()
    with translation.override("pl"):
        services = reverse("directory:service_list")
        service_page = reverse("directory:service_detail", args=[service.pk])
        offline = reverse("offline:offline_page")
        manifest = reverse("offline:manifest")
    link = ShortLink.for_target("pl", service=service)
    return {
        first_url(HomePage): True,
        first_url(TopicPage): True,
        first_url(GuidePage): True,
        first_url(StandardPage): True,
        services: True,
        services + "?topic=rights": True,
        service_page: True,
        offline: True,
        manifest: True,
        "/pl/search/?q=praca": False,
        "/pl/no-such-page/": False,
        "/sw.js": False,
        f"/s/{link.code}": False,
        "/api/hsds/services/": False,
        "/api/v2/pages/?locale=pl": False,
        "/": False,
    }


def assert_secure_headers(response, url):
    assert response.status_code < 500, url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "same-origin", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    assert response["Strict-Transport-Security"].startswith("max-age=31536000"), url
    assert "camera=()" in response["Permissions-Policy"], url
    assert "geolocation=()" in response["Permissions-Policy"], url
    assert "microphone=()" in response["Permissions-Policy"], url


def assert_strict_policy(response, url):
    found = directives(response)
    for name, value in STRICT.items():
        assert found[name] == value, (url, name, found.get(name))
    assert "unsafe" not in response["Content-Security-Policy"], url
    assert "http" not in response["Content-Security-Policy"], url  # no other origin


def assert_no_reader_cookies(response, url):
    assert set(response.cookies) <= {"language"}, (url, list(response.cookies))


def test_every_public_page_type_has_the_headers_on_a_miss_and_on_a_hit(client, public_urls):
    for url, cacheable in public_urls.items():
        first = client.get(url, secure=True)
        second = client.get(url, secure=True)
        for response in (first, second):
            assert_secure_headers(response, url)
            assert_strict_policy(response, url)
            assert_no_reader_cookies(response, url)
        if cacheable:
            assert first.get("X-Page-Cache") == "miss", url
            assert second.get("X-Page-Cache") == "hit", url
            for name in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
                assert first[name] == second[name], (url, name)


def test_readers_never_get_a_session_or_csrf_cookie(client, public_urls):
    for url in public_urls:
        client.get(url, secure=True, HTTP_ACCEPT_LANGUAGE="pl")
    assert set(client.cookies) <= {"language"}
    assert client.cookies["language"]["httponly"]
    assert client.cookies["language"]["secure"]


def test_public_html_has_no_inline_script_style_or_event_handler(client, public_urls):
    for url in public_urls:
        response = client.get(url, secure=True, follow=True)
        if "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        for pattern in INLINE_CODE:
            assert not pattern.search(html), (url, pattern.pattern, pattern.search(html))


def test_the_500_page_allows_only_its_own_inline_style(rf):
    from portal.core.views import server_error

    response = server_error(rf.get("/pl/"))
    from portal.core.security import policy_for

    style = dict(
        part.strip().split(" ", 1) for part in policy_for(rf.get("/pl/"), response).split(";")
    )
    assert style["style-src"].startswith("'self' 'sha256-")
    assert "unsafe" not in style["style-src"]


def test_admin_login_and_desk_headers(client):
    login = client.get("/admin/login/", secure=True)
    assert_secure_headers(login, "/admin/login/")
    admin = directives(login)
    # The admin's own, documented policy: inline code allowed, still no other origin.
    assert admin["object-src"] == "'none'"
    assert admin["form-action"] == "'self'"
    assert admin["frame-ancestors"] == "'self'"
    assert "http" not in login["Content-Security-Policy"]
    assert login["X-Frame-Options"] == "DENY"

    staff = get_user_model().objects.create_user("desk-headers")
    staff.groups.add(Group.objects.get(name="WIN-point staff"))
    client.force_login(staff)
    desk = client.get("/desk/", {"q": "praca"}, secure=True)
    assert desk.status_code == 200
    assert_secure_headers(desk, "/desk/")
    assert_strict_policy(desk, "/desk/")
    assert "no-store" in desk["Cache-Control"] or "private" in desk["Cache-Control"]


def test_editors_cookies_are_secure_and_http_only(client):
    get_user_model().objects.create_user("cookie-editor", password="a-long-password-for-tests-1")
    client.get("/admin/login/", secure=True)
    response = client.post(
        "/admin/login/",
        {"username": "cookie-editor", "password": "a-long-password-for-tests-1"},
        secure=True,
    )
    assert response.status_code == 302
    for name in ("sessionid", "csrftoken"):
        cookie = client.cookies[name]
        assert cookie["secure"], name
        assert cookie["httponly"], name
        assert cookie["samesite"] == "Lax", name
