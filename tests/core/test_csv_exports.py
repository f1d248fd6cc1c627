"""No export hands a spreadsheet a formula (issue 16, item 6): a cell that starts with = + - @,
a tab or a carriage return is written with a leading apostrophe, in every CSV the admin offers.
Reader input (searches, comments) and editors' page titles both reach these files."""

import csv
import io
from datetime import date

import pytest

from portal.insights.models import FeedbackComment
from portal.search.models import ZeroResultQuery

pytestmark = pytest.mark.django_db
ATTACKS = ["=cmd|' /C calc'!A0", "+1+cmd", "-2+3", "@SUM(1)", "\t=1+1", "\r=1+1"]
HARMLESS = ["gp 24/7", "a-b", "e-mail"]


def rows_of(response):
    if response.streaming:
        text = b"".join(response.streaming_content).decode()
    else:
        text = response.content.decode()
    return list(csv.reader(io.StringIO(text)))


def cells(rows):
    return {cell for row in rows for cell in row}


def assert_escaped(found):
    for attack in ATTACKS:
        assert attack not in found, attack
        assert "'" + attack in found, attack
    for text in HARMLESS:
        assert text in found, text


def test_searches_without_results_export(admin_client):
    for text in ATTACKS + HARMLESS:
        # Stored as counted; the masking of numbers does not touch these.
        ZeroResultQuery.objects.create(date=date(2025, 4, 1), language="pl", query=text, count=1)
    response = admin_client.get("/admin/search-misses/?export=csv")
    assert response.status_code == 200
    assert_escaped(cells(rows_of(response)))


def test_reader_comments_export(admin_client, site_pages):
    page = site_pages["healthcare/health-insurance"]["pl"]
    for text in ATTACKS + HARMLESS:
        FeedbackComment.objects.create(
            date=date(2025, 4, 1), language="pl", page=page, helpful=True, comment=text
        )
    response = admin_client.get("/admin/snippets/insights/feedbackcomment/?export=csv")
    assert response.status_code == 200
    assert_escaped(cells(rows_of(response)))


def test_statistics_export(admin_client):
    for text in ATTACKS + HARMLESS:
        ZeroResultQuery.objects.create(date=date(2025, 4, 1), language="pl", query=text, count=1)
    response = admin_client.get("/admin/insights/?year=2025&csv=searches-without-results")
    assert_escaped(cells(rows_of(response)))


def test_translation_status_export(admin_client, site_pages):
    page = site_pages["healthcare/health-insurance"]["nl"]
    page.title = ATTACKS[0]
    page.save_revision().publish()
    response = admin_client.get("/admin/translation-status/?format=csv")
    found = cells(rows_of(response))
    assert ATTACKS[0] not in found and "'" + ATTACKS[0] in found
