"""Feedback on guides: the form is on every guide page (and cacheable: no cookie), works
without JavaScript (post, redirect back with a thank-you note) and with it (JSON); same-origin
and a signed token instead of a CSRF cookie; validation, spam rules and a rate limit, with the
reason in the reader's language."""

import time

import pytest
from django.test import Client

from portal.insights.feedback import make_token
from portal.insights.models import FeedbackComment, FeedbackVote

from .conftest import GUIDE, READER, form_token

pytestmark = pytest.mark.django_db


def old_token(page, url=None):
    """A token from a page rendered a minute ago (a reader takes a while to read)."""
    return make_token(page.pk, url or page.url, now=time.time() - 60)


def votes(page, language, helpful):
    return sum(
        FeedbackVote.objects.filter(page=page, language=language, helpful=helpful).values_list(
            "count", flat=True
        )
    )


def test_every_guide_has_the_form_and_stays_cacheable_without_cookies(reader, site_pages):
    for language in ["nl", "en", "pl", "ro", "bg"]:
        url = site_pages[GUIDE][language].url
        html = reader.get(url).content.decode()
        assert 'class="feedback-form"' in html and f'action="/{language}/feedback/"' in html
        assert 'name="helpful" value="yes"' in html and 'name="comment"' in html
        assert "csrfmiddlewaretoken" not in html
    newcomer = Client(HTTP_USER_AGENT=READER)
    newcomer.cookies["language"] = "pl"
    response = newcomer.get(site_pages[GUIDE]["pl"].url)
    assert response["X-Page-Cache"] == "hit" and not response.cookies


def test_an_answer_without_javascript_comes_back_with_thanks(reader, site_pages):
    page = site_pages[GUIDE]["pl"]
    response = reader.post(
        "/pl/feedback/",
        {"token": old_token(page), "helpful": "yes", "comment": "Bardzo pomocne, dziękuję!"},
    )
    assert response.status_code == 302
    assert response["Location"] == page.url + "?feedback=thanks#feedback"
    assert not response.cookies
    thanks = reader.get(response["Location"]).content.decode()
    assert "Dziękujemy" in thanks and 'class="feedback-form"' not in thanks
    assert votes(page, "pl", True) == 1
    comment = FeedbackComment.objects.get()
    assert (comment.page_id, comment.language, comment.helpful) == (page.pk, "pl", True)
    assert comment.comment == "Bardzo pomocne, dziękuję!" and not comment.handled


def test_an_answer_with_javascript_gets_json(reader, site_pages):
    page = site_pages[GUIDE]["ro"]
    response = reader.post(
        "/ro/feedback/",
        {"token": old_token(page), "helpful": "no"},
        HTTP_ACCEPT="application/json",
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 200
    assert response.json()["ok"] is True and response.json()["message"]
    assert votes(page, "ro", False) == 1
    assert FeedbackComment.objects.count() == 0


def test_the_token_on_the_page_is_accepted_after_a_moment(reader, site_pages, monkeypatch):
    page = site_pages[GUIDE]["bg"]
    token = form_token(reader.get(page.url).content.decode())
    response = reader.post("/bg/feedback/", {"token": token, "helpful": "yes"})
    assert response.status_code == 400  # at once: a script, not a reader
    assert "бързо" in response.content.decode()
    later = time.time() + 30
    monkeypatch.setattr(time, "time", lambda: later)
    assert reader.post("/bg/feedback/", {"token": token, "helpful": "yes"}).status_code == 302
    assert votes(page, "bg", True) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://testserver"},
    ],
)
def test_a_form_on_another_site_is_refused(reader, site_pages, headers):
    page = site_pages[GUIDE]["pl"]
    response = reader.post("/pl/feedback/", {"token": old_token(page), "helpful": "no"}, **headers)
    assert response.status_code == 403
    assert FeedbackVote.objects.count() == 0


def test_forged_or_expired_tokens_are_refused(reader, site_pages):
    page = site_pages[GUIDE]["pl"]
    forged = old_token(page)[:-3] + "abc"
    expired = make_token(page.pk, page.url, now=time.time() - 3 * 24 * 3600)
    for token in ["", "nonsense", forged, expired]:
        response = reader.post("/pl/feedback/", {"token": token, "helpful": "yes"})
        assert response.status_code == 400
    assert "wygasł" in response.content.decode()  # in Polish, and with a fresh form
    assert form_token(response.content.decode()) != expired
    assert FeedbackVote.objects.count() == 0


def test_a_token_cannot_redirect_elsewhere(reader, site_pages):
    page = site_pages[GUIDE]["pl"]
    for target in ["https://evil.example/", "//evil.example/"]:
        token = make_token(page.pk, target, now=time.time() - 60)
        response = reader.post("/pl/feedback/", {"token": token, "helpful": "yes"})
        assert response.status_code == 400
    assert FeedbackVote.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"helpful": ""}, "Tak lub Nie"),
        ({"helpful": "maybe"}, "Tak lub Nie"),
        ({"helpful": "yes", "comment": "x" * 501}, "500"),
        (
            {"helpful": "no", "comment": "Zobacz https://spam.example i www.spam.example"},
            "link",
        ),
    ],
)
def test_bad_answers_are_refused_in_the_readers_language(reader, site_pages, data, message):
    page = site_pages[GUIDE]["pl"]
    response = reader.post("/pl/feedback/", {"token": old_token(page), **data})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    if data.get("comment"):
        assert data["comment"][:40] in html  # nothing the reader wrote is lost
    assert FeedbackVote.objects.count() == 0 and FeedbackComment.objects.count() == 0


def test_the_honeypot_pretends_success_and_stores_nothing(reader, site_pages):
    page = site_pages[GUIDE]["pl"]
    response = reader.post(
        "/pl/feedback/",
        {"token": old_token(page), "helpful": "yes", "comment": "Buy", "website": "spam.example"},
    )
    assert response.status_code == 302
    assert FeedbackVote.objects.count() == 0 and FeedbackComment.objects.count() == 0


def test_one_client_is_rate_limited_others_are_not(reader, site_pages):
    page = site_pages[GUIDE]["en"]
    token = old_token(page)
    for _ in range(10):
        assert reader.post("/en/feedback/", {"token": token, "helpful": "yes"}).status_code == 302
    limited = reader.post("/en/feedback/", {"token": token, "helpful": "yes"})
    assert limited.status_code == 429 and "hour" in limited.content.decode()
    other = Client(HTTP_USER_AGENT=READER, REMOTE_ADDR="198.51.100.9")
    assert other.post("/en/feedback/", {"token": token, "helpful": "no"}).status_code == 302
    assert votes(page, "en", True) == 10 and votes(page, "en", False) == 1


def test_behind_the_load_balancer_the_forwarded_address_is_the_client(reader, site_pages, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # the address the lock-out uses too (core.security)
    token = old_token(site_pages[GUIDE]["en"])
    for n in range(12):
        # Everyone arrives from the balancer's address; only the last entry is trusted.
        response = reader.post(
            "/en/feedback/",
            {"token": token, "helpful": "yes"},
            HTTP_X_FORWARDED_FOR=f"10.0.0.1, 198.51.100.{n}",
        )
        assert response.status_code == 302


def test_the_rate_limit_keeps_no_address(reader, site_pages):
    """The limit's cache key is a one-way HMAC: the address is nowhere in it."""
    from django.core.cache import cache

    reader.post("/en/feedback/", {"token": old_token(site_pages[GUIDE]["en"]), "helpful": "no"})
    keys = [key for key in cache._cache if "ratelimit" in key]  # locmem in tests
    assert keys and not any("203.0.113" in key for key in keys)


def test_only_post_is_accepted(reader):
    assert reader.get("/pl/feedback/").status_code == 405


# Issue 16, item 8.
def test_a_token_works_only_in_the_language_of_its_page(reader, site_pages):
    polish = site_pages[GUIDE]["pl"]
    response = reader.post("/ro/feedback/", {"token": old_token(polish), "helpful": "no"})
    assert response.status_code == 400
    assert "altă limbă" in response.content.decode()
    assert FeedbackVote.objects.count() == 0
    assert (
        reader.post("/pl/feedback/", {"token": old_token(polish), "helpful": "no"}).status_code
        == 302
    )


def test_a_cached_page_hands_out_a_token_issued_when_it_is_served(reader, site_pages, monkeypatch):
    page = site_pages[GUIDE]["pl"]
    first = reader.get(page.url)
    assert first["X-Page-Cache"] == "miss"
    later = time.time() + 60  # within the page cache's ten minutes
    monkeypatch.setattr(time, "time", lambda: later)
    again = reader.get(page.url)
    assert again["X-Page-Cache"] == "hit"
    token = form_token(again.content.decode())
    assert token != form_token(first.content.decode())
    assert int(again["Content-Length"]) == len(again.content)
    # Posted at once, it is a script's post, even though the page was rendered long ago.
    response = reader.post("/pl/feedback/", {"token": token, "helpful": "yes"})
    assert response.status_code == 400
    assert FeedbackVote.objects.count() == 0


def test_a_token_expires_after_three_hours(reader, site_pages):
    page = site_pages[GUIDE]["pl"]
    fine = make_token(page.pk, page.url, now=time.time() - 2 * 3600)
    stale = make_token(page.pk, page.url, now=time.time() - 3 * 3600 - 60)
    assert reader.post("/pl/feedback/", {"token": stale, "helpful": "no"}).status_code == 400
    assert reader.post("/pl/feedback/", {"token": fine, "helpful": "no"}).status_code == 302
