"""wagtail-localize trap (upstream issue #773): translating a page *with its subpages* in the
admin must leave every new child page reachable."""

import pytest
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.signals import page_published

from portal.guides import signal_handlers
from portal.guides.models import GuidePage
from tests.factories import GuidePageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db


def make_topic_with_guides(site_pages):
    """A new Dutch topic with two guides, built as an editor would: child pages, published."""
    home = site_pages["home"]["nl"]
    topic = TopicPageFactory(
        parent=home, title="Vrije tijd", slug="vrije-tijd", summary="Sport en cultuur."
    )
    for title in ("Sportclubs", "Musea"):
        GuidePageFactory(parent=topic, title=title)
    return topic


def translate_with_subtree(admin_client, topic, capture):
    polish = Locale.objects.get(language_code="pl")
    with capture(execute=True):
        response = admin_client.post(
            f"/admin/localize/submit/page/{topic.pk}/",
            {"locales": [polish.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    return topic.get_translation(polish)


def wagtail_route(rf, page):
    """Wagtail's own routing (without our fallback serving) for a Polish page's URL."""
    with translation.override("pl"):
        return Page.route_for_request(rf.get(page.url), page.url.removeprefix("/pl"))


def route_level_by_level(rf, page):
    """Wagtail's default routing, one level at a time through get_children(), which trusts
    numchild. (Our HomePage.route finds pages by address in one query, so the site itself no
    longer depends on numchild; the Wagtail admin's page explorer still does.)"""
    parent = page.get_parent().specific
    try:
        return Page.route(parent, rf.get(page.url), [page.slug])
    except Http404:
        return None


def test_translated_subpages_are_reachable(
    admin_client, client, rf, site_pages, django_capture_on_commit_callbacks
):
    topic = make_topic_with_guides(site_pages)
    translated = translate_with_subtree(admin_client, topic, django_capture_on_commit_callbacks)
    translated.refresh_from_db()
    assert translated.numchild == 2
    children = translated.get_children()
    assert children.count() == 2
    for child in children:
        assert child.live
        assert client.get(child.url).status_code == 200, child.url
        assert wagtail_route(rf, child).page.pk == child.pk
        assert route_level_by_level(rf, child).page.pk == child.pk


def test_without_the_repair_the_upstream_bug_shows(
    admin_client, rf, site_pages, django_capture_on_commit_callbacks
):
    """Proves the test above can fail: with our repair switched off, the children vanish."""
    page_published.disconnect(dispatch_uid="guides.repair_child_count")
    try:
        topic = make_topic_with_guides(site_pages)
        translated = translate_with_subtree(admin_client, topic, django_capture_on_commit_callbacks)
        translated.refresh_from_db()
        assert translated.numchild == 0
        child = GuidePage.objects.get(locale__language_code="pl", slug="sportclubs")
        assert route_level_by_level(rf, child) is None
        assert not translated.get_children().exists()  # the admin's explorer shows none
    finally:
        signal_handlers.connect()
