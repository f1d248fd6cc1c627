"""Reports › Pages to review: a page is due PAGE_REVIEW_MONTHS after `last_reviewed`; pages no
person has reviewed are due now; readers see "last checked" only after a person reviewed."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
GUIDE = "healthcare/health-insurance"


def report(admin_client):
    with time_machine.travel(datetime.datetime(2026, 12, 5, 12, tzinfo=datetime.UTC), tick=False):
        response = admin_client.get(reverse("guides_pages_to_review"))
    assert response.status_code == 200
    return response.content.decode()


def listed(page, body):
    return reverse("wagtailadmin_pages:edit", args=[page.pk]) in body


def set_reviewed(page, day):
    page.last_reviewed = day
    page.save_revision().publish()


def test_never_reviewed_pages_are_due_and_readers_see_no_checked_date(
    admin_client, client, site_pages
):
    page = site_pages[GUIDE]["nl"]
    assert listed(page, report(admin_client))
    assert "Laatst gecontroleerd" not in client.get(page.url).content.decode()


def test_due_six_months_after_review_and_configurable(admin_client, client, site_pages):
    page = site_pages[GUIDE]["nl"]
    set_reviewed(page, datetime.date(2026, 9, 1))
    assert not listed(page, report(admin_client))  # due 2027-03-01
    with override_settings(PAGE_REVIEW_MONTHS=3):
        assert listed(page, report(admin_client))  # due 2026-12-01
    set_reviewed(page, datetime.date(2026, 5, 1))
    assert listed(page, report(admin_client))  # due 2026-11-01: overdue
