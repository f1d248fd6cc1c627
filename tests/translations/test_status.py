"""Translation status: each transition, minor edits, the dashboard and its query count."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from portal.guides.models import GuidePage
from portal.translations import status
from tests.factories import publish_change, starting_page_count

pytestmark = pytest.mark.django_db
GUIDE = "housing/renting-your-rights"


def cell(page, code):
    return status.status_matrix(type(page).objects.filter(pk=page.pk), [code])[0].cells[code]


def sync(page):
    """What "Sync translated pages" does: hand the current Dutch text to translators."""
    TranslationSource.update_or_create_from_instance(page)


def test_loaded_content_is_up_to_date_everywhere():
    rows = status.status_matrix()
    assert len(rows) == starting_page_count()
    assert {c.status for row in rows for c in row.cells.values()} == {status.UP_TO_DATE}


def test_major_change_outdated_then_sync_in_progress_then_translated_up_to_date(site_pages):
    dutch = site_pages[GUIDE]["nl"]
    publish_change(dutch)
    assert cell(dutch, "pl").status == status.OUTDATED
    assert cell(dutch, "bg").status == status.OUTDATED

    sync(dutch)
    progress = cell(dutch, "pl")
    assert progress.status == status.IN_PROGRESS
    assert progress.translated == progress.total - 1

    source = TranslationSource.objects.get_for_instance(dutch)
    polish = Locale.objects.get(language_code="pl")
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=polish,
            context=segment.context,
            defaults={"data": "Nowe zdanie.", "translation_type": "manual"},
        )
    assert cell(dutch, "pl").status == status.UP_TO_DATE
    assert cell(dutch, "ro").status == status.IN_PROGRESS


def test_missing_translation(site_pages):
    dutch = site_pages[GUIDE]["nl"]
    site_pages[GUIDE]["ro"].delete()
    assert cell(dutch, "ro").status == status.MISSING
    assert cell(dutch, "pl").status == status.UP_TO_DATE


def post_publish(admin_client, page, minor):
    """Publish a Dutch page through the admin's edit form, as an editor does."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary + " Bewerkt.",
            "body": streamfield([]),
            "last_reviewed": "2026-11-28",
            "help_services": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data["action-publish-minor" if minor else "action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


def test_dutch_editor_minor_change_keeps_translations_up_to_date(admin_client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    html = admin_client.get(f"/admin/pages/{dutch.pk}/edit/").content.decode()
    assert 'name="action-publish-minor"' in html
    revisions = dutch.revisions.count()

    post_publish(admin_client, dutch, minor=True)
    assert dutch.revisions.count() == revisions + 1
    dutch.refresh_from_db()
    assert dutch.live and dutch.specific.summary.endswith("Bewerkt.")
    assert cell(dutch, "pl").status == status.UP_TO_DATE

    post_publish(admin_client, dutch, minor=False)
    assert cell(dutch, "pl").status == status.OUTDATED


def test_translations_have_no_minor_publish_button(admin_client, site_pages):
    polish = site_pages[GUIDE]["pl"]
    html = admin_client.get(f"/admin/pages/{polish.pk}/edit/").content.decode()
    assert 'name="action-publish-minor"' not in html


def test_status_takes_the_same_number_of_queries_for_more_pages(site_pages):
    with CaptureQueriesContext(connection) as small:
        status.status_matrix()
    topic = site_pages["housing"]["nl"]
    for number in range(40):
        guide = GuidePage(title=f"Extra {number}", slug=f"extra-{number}", summary="Extra.")
        topic.add_child(instance=guide)
    with CaptureQueriesContext(connection) as large:
        rows = status.status_matrix()
    assert len(rows) == starting_page_count() + 40
    assert len(large.captured_queries) == len(small.captured_queries)


def test_dashboard_and_csv(admin_client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    publish_change(dutch)
    html = admin_client.get(
        "/admin/translation-status/?language=pl&status=outdated"
    ).content.decode()
    rows = re.findall(r'<tr><td lang="nl"><a href="/admin/pages/\d+/edit/">([^<]+)</a></td>', html)
    assert rows == [dutch.title]
    csv = admin_client.get("/admin/translation-status/?format=csv").content.decode()
    assert csv.splitlines()[0] == "page_id,title,url_path,en,pl,ro,bg"
    assert any(line.startswith(f"{dutch.pk},") and "outdated" in line for line in csv.splitlines())


def test_dashboard_for_500_pages_in_5_languages_takes_a_constant_number_of_queries(
    admin_client, site_pages
):
    from tests.pagegen import generate_guides

    def dashboard(query=""):
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(f"/admin/translation-status/{query}")
        assert response.status_code == 200
        return response.content.decode(), len(queries.captured_queries)

    # Every status: the report opens on "not up to date", and these pages are all up to date.
    _html, small = dashboard("?status=")
    generate_guides(500 - len(status.status_matrix()))
    html, large = dashboard("?status=")
    rows = status.status_matrix()
    assert len(rows) == 500
    for code, counts in status.counts_by_language(rows).items():
        assert counts[status.UP_TO_DATE] == 500, (code, counts)
    # 100 rows a screen, with the totals of all 500 above them.
    row = '<tr><td lang="nl"><a href="/admin/pages/'
    assert html.count(row) == 100
    assert "p=5" in html and "p=6" not in html
    last, _queries = dashboard("?status=&p=5")
    assert last.count(row) == 100
    shown = set(re.findall(r'<tr><td lang="nl"><a href="/admin/pages/(\d+)/', html))
    assert shown.isdisjoint(re.findall(r'<tr><td lang="nl"><a href="/admin/pages/(\d+)/', last))
    assert large == small
