"""Figures a script cannot inflate (issue 16, item 13): the beacon counts only live pages and at
most a day's worth of views per address; searches without results add a bounded number of rows
per day."""

import pytest

from portal.insights import counter, views
from portal.search.models import ZeroResultQuery

from .conftest import GUIDE

pytestmark = pytest.mark.django_db


def test_one_address_cannot_count_hundreds_of_views(reader, client, site_pages):
    beacon = f"/insights/view/pl/{site_pages[GUIDE]['pl'].pk}.gif"
    for _ in range(300):
        assert reader.get(beacon).status_code == 200
    assert counter.views.pending() == views.VIEWS_PER_ADDRESS_PER_DAY
    # Another reader still counts.
    other = client.get(
        beacon, HTTP_USER_AGENT=reader.defaults["HTTP_USER_AGENT"], REMOTE_ADDR="198.51.100.3"
    )
    assert other.status_code == 200
    assert counter.views.pending() == views.VIEWS_PER_ADDRESS_PER_DAY + 1


def test_made_up_draft_and_deleted_pages_count_nothing(reader, site_pages):
    page = site_pages[GUIDE]["ro"]
    page.unpublish()
    for page_id in [page.pk, 999_999, 123_456]:
        reader.get(f"/insights/view/pl/{page_id}.gif")
    assert counter.views.pending() == 0


def test_searches_without_results_add_a_bounded_number_of_rows(client, monkeypatch):
    monkeypatch.setattr(ZeroResultQuery, "MAX_ROWS_PER_DAY", 5)
    for n in range(12):
        ZeroResultQuery.record("pl", f"made up word {chr(97 + n)}")
    assert ZeroResultQuery.objects.count() == 5
    # A search already listed is still counted.
    ZeroResultQuery.record("pl", "made up word a")
    assert ZeroResultQuery.objects.get(query="made up word a").count == 2
