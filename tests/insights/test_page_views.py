"""Page views: counted once per view through the beacon, also for pages from the page cache;
never for bots, editors, or pages that are not Wagtail pages; folded into daily counts by
`aggregate_insights`, which is safe to run twice; and nothing about the reader is stored."""

import io
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from portal.insights import counter
from portal.insights.models import PageView, PageViewEvent

from .conftest import GUIDE, READER, READER_IP, beacon_url

pytestmark = pytest.mark.django_db


def aggregate():
    call_command("aggregate_insights", stdout=io.StringIO())


def raw_views():
    """Views counted so far and not folded into daily counts yet: this process's counter is
    written first, as a worker does every few seconds."""
    counter.views.flush()
    return sum(PageViewEvent.objects.values_list("count", flat=True))


def views_of(page, language):
    return sum(
        PageView.objects.filter(page=page, language=language).values_list("count", flat=True)
    )


def view(client, url):
    """What a browser does: load the page, then the images in it."""
    response = client.get(url)
    assert response.status_code == 200
    beacon = beacon_url(response.content.decode())
    if beacon:
        pixel = client.get(beacon)
        assert pixel.status_code == 200 and pixel["Content-Type"] == "image/gif"
        assert "no-store" in pixel["Cache-Control"]
    return response


def test_a_page_from_the_page_cache_is_counted_once(reader, site_pages):
    page = site_pages[GUIDE]["pl"]
    assert view(reader, page.url)["X-Page-Cache"] == "miss"
    aggregate()
    assert views_of(page, "pl") == 1
    assert view(reader, page.url)["X-Page-Cache"] == "hit"
    aggregate()
    assert views_of(page, "pl") == 2


def test_the_page_request_itself_counts_nothing(reader, site_pages):
    reader.get(site_pages[GUIDE]["ro"].url)
    reader.get(site_pages[GUIDE]["ro"].url)
    assert raw_views() == 0


def test_a_fallback_page_counts_for_the_readers_language(reader, site_pages):
    page = site_pages[GUIDE]["en"]
    html = reader.get(page.url).content.decode()
    assert beacon_url(html) == f"/insights/view/en/{page.pk}.gif"


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/124.0 Safari/537.36",
    ],
)
def test_bots_are_not_counted(client, site_pages, user_agent):
    client.defaults["HTTP_USER_AGENT"] = user_agent
    view(client, site_pages[GUIDE]["pl"].url)
    assert raw_views() == 0


def test_editors_and_prefetches_are_not_counted(reader, site_pages):
    beacon = f"/insights/view/pl/{site_pages[GUIDE]['pl'].pk}.gif"
    reader.get(beacon, HTTP_SEC_PURPOSE="prefetch")
    reader.cookies["sessionid"] = "an-editor"
    reader.get(beacon)
    assert raw_views() == 0


def test_pages_that_are_not_content_have_no_beacon(reader):
    for url in ["/pl/search/?q=bsn", "/pl/services/", "/pl/no-such-page/"]:
        assert beacon_url(reader.get(url).content.decode()) is None


def test_the_thank_you_view_of_a_guide_is_not_a_second_view(reader, site_pages):
    html = reader.get(site_pages[GUIDE]["nl"].url + "?feedback=thanks").content.decode()
    assert beacon_url(html) is None


def test_a_counting_failure_never_breaks_the_page(reader, site_pages, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(counter.views, "add", broken)
    response = reader.get(f"/insights/view/pl/{site_pages[GUIDE]['pl'].pk}.gif")
    assert response.status_code == 200


def test_views_are_written_in_batches_and_kept_when_a_write_fails(reader, site_pages, monkeypatch):
    beacon = f"/insights/view/pl/{site_pages[GUIDE]['pl'].pk}.gif"
    counter.views.flush()
    for _ in range(3):
        reader.get(beacon)
    assert PageViewEvent.objects.count() == 0 and counter.views.pending() == 3

    def broken(*args, **kwargs):
        raise RuntimeError("database locked")

    with monkeypatch.context() as patch:
        patch.setattr(PageViewEvent.objects, "bulk_create", broken)
        assert counter.views.flush() == 0
    assert counter.views.pending() == 3
    # Once the interval has passed, the next view writes them all in one row.
    monkeypatch.setattr(counter, "FLUSH_SECONDS", 0)
    reader.get(beacon)
    assert counter.views.pending() == 0
    assert list(PageViewEvent.objects.values_list("language", "count")) == [("pl", 4)]


def test_made_up_page_ids_cannot_fill_memory(reader, monkeypatch, site_pages):
    monkeypatch.setattr(counter, "MAX_KEYS", 3)
    for code in ["nl", "en", "pl", "ro", "bg"]:
        reader.get(f"/insights/view/pl/{site_pages[GUIDE][code].pk}.gif")
    assert counter.views.pending() == 3
    # Beyond any database integer: not even a URL.
    assert reader.get("/insights/view/pl/9999999999.gif").status_code == 404


def test_unknown_language_or_page_counts_nothing(reader):
    assert reader.get("/insights/view/xx/1.gif").status_code == 200
    reader.get("/insights/view/pl/999999.gif")
    assert raw_views() == 0
    aggregate()
    assert PageViewEvent.objects.count() == 0
    assert PageView.objects.count() == 0


def test_aggregation_empties_the_raw_table_and_is_safe_to_run_twice(reader, site_pages):
    pl, bg = site_pages[GUIDE]["pl"], site_pages[GUIDE]["bg"]
    for _ in range(3):
        view(reader, pl.url)
    view(reader, bg.url)
    PageViewEvent.objects.create(date=date(2026, 1, 5), language="pl", page_id=pl.pk)
    aggregate()
    assert raw_views() == 0
    aggregate()
    today = timezone.localdate()
    assert PageView.objects.get(page=pl, language="pl", date=today).count == 3
    assert PageView.objects.get(page=pl, language="pl", date=date(2026, 1, 5)).count == 1
    assert PageView.objects.get(page=bg, language="bg", date=today).count == 1
    view(reader, pl.url)
    aggregate()
    assert PageView.objects.get(page=pl, language="pl", date=today).count == 4


def test_aggregation_is_all_or_nothing(reader, site_pages, monkeypatch):
    from portal.insights import retention

    view(reader, site_pages[GUIDE]["pl"].url)

    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(retention.PageView.objects, "create", broken)
    with pytest.raises(RuntimeError):
        aggregate()
    assert raw_views() == 1
    assert PageView.objects.count() == 0


def test_nothing_about_the_reader_is_stored_anywhere(reader, site_pages):
    """Every column of every row of every statistics table, after views and feedback."""
    import time

    from portal.insights.feedback import make_token

    page = site_pages[GUIDE]["pl"]
    view(reader, page.url)
    token = make_token(page.pk, page.url, now=time.time() - 60)
    reader.post(
        "/pl/feedback/", {"token": token, "helpful": "no", "comment": "Brak informacji o NFZ."}
    )
    reader.post("/pl/feedback/", {"token": token, "helpful": "yes"})
    PageViewEvent.objects.create(date=timezone.localdate(), language="pl", page_id=page.pk)
    aggregate()
    view(reader, page.url)  # and one raw row waiting for tonight
    counter.views.flush()
    models = list(apps.get_app_config("insights").get_models())
    assert {model.__name__ for model in models} >= {
        "PageView",
        "PageViewEvent",
        "FeedbackVote",
        "FeedbackComment",
    }
    rows = 0
    for model in models:
        for row in model.objects.all():
            rows += 1
            for field in model._meta.concrete_fields:
                value = str(field.value_from_object(row))
                assert READER_IP not in value and "203.0.113" not in value
                assert READER not in value and "Android" not in value
                assert "sessionid" not in value
        names = {field.name for field in model._meta.concrete_fields}
        assert not names & {"ip", "ip_address", "user_agent", "session", "cookie", "visitor"}
    assert rows >= 4
