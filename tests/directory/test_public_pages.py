"""The public directory: filters in the URL, opening hours in Amsterdam time, translated texts
with fallback, tap-to-call, OpenStreetMap links, JSON-LD, and "Where to get help" on guides."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import translation

from portal.directory import hours
from portal.directory.models import (
    ClosedDay,
    Location,
    Service,
)
from portal.guides.models import GuideService
from tests.factories import ServiceFactory, ServicePhoneFactory

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def make_service(name, topics=(), languages=(), cost="unknown", blocks=(), **fields):
    """A service as an editor would enter it: Dutch texts, some translations, hours, phone."""
    service = ServiceFactory(
        organisation__name_nl=f"{name} organisatie",
        name_nl=name,
        cost=cost,
        topics=topics,
        languages=languages,
        hours=blocks,
        **fields,
    )
    ServicePhoneFactory(service=service, number="(079) 343 1600", description_nl="Bellen")
    return service


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=AMS)


WEEKDAYS_9_TO_5 = [(day, "09:00", "17:00") for day in range(5)]


@pytest.fixture
def services():
    return {
        "gp": make_service(
            "Huisartsenpost",
            ["healthcare"],
            ["nl", "en"],
            "free",
            # Monday 17:00 until Tuesday 08:00, written as two blocks.
            [(0, "17:00", "00:00"), (1, "00:00", "08:00")],
        ),
        "legal": make_service(
            "Juridisch Loket", ["rights", "housing"], ["nl", "pl"], "paid", WEEKDAYS_9_TO_5
        ),
        "union": make_service("Vakbond", ["rights"], ["nl", "pl", "ro"], "free", WEEKDAYS_9_TO_5),
        "consulate": make_service(
            "Consulaat",
            ["registration"],
            ["bg"],
            "unknown",
            WEEKDAYS_9_TO_5,
            by_appointment_only=True,
        ),
    }


def names(response):
    # A name falling back to English or Dutch carries its lang attribute.
    return re.findall(
        r'<h2(?: lang="\w\w")?><a href="/\w\w/services/[^"]+">([^<]+)</a>',
        response.content.decode(),
    )


def test_list_shows_active_services_in_the_readers_language(client, services):
    services["union"].name_pl = "Związek zawodowy"
    services["union"].save()
    Service.objects.filter(pk=services["consulate"].pk).update(status="inactive")
    response = client.get("/pl/services/")
    assert response.status_code == 200
    assert names(response) == ["Huisartsenpost", "Juridisch Loket", "Związek zawodowy"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=rights", ["Juridisch Loket", "Vakbond"]),
        ("language=pl", ["Juridisch Loket", "Vakbond"]),
        ("topic=rights&language=ro", ["Vakbond"]),
        ("free=on", ["Huisartsenpost", "Vakbond"]),
        ("topic=rights&free=on", ["Vakbond"]),
        ("topic=healthcare&language=pl", []),
        ("topic=nonsense", ["Consulaat", "Huisartsenpost", "Juridisch Loket", "Vakbond"]),
    ],
)
def test_filters_and_their_combinations(client, services, query, expected):
    response = client.get(f"/en/services/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


def test_open_now_filter_uses_amsterdam_time(client, services, monkeypatch):
    # Monday 23:30 in Amsterdam is 22:30 UTC in winter.
    monkeypatch.setattr(hours, "amsterdam_now", lambda: at("2026-11-30T23:30"))
    assert names(client.get("/nl/services/?open_now=on")) == ["Huisartsenpost"]
    # Directory pages stay one minute in the page cache; this test jumps hours ahead.
    cache.clear()
    monkeypatch.setattr(hours, "amsterdam_now", lambda: at("2026-11-30T10:00"))
    assert names(client.get("/nl/services/?open_now=on")) == ["Juridisch Loket", "Vakbond"]
    # Filters stay visible in the form, so the URL and the page agree.
    html = client.get("/nl/services/?open_now=on&topic=rights").content.decode()
    assert re.search(r'name="open_now"[^>]*checked', html)
    assert re.search(r'<option value="rights" selected>', html)


@pytest.mark.parametrize(
    ("moment", "state"),
    [
        ("2026-11-30T16:59", hours.CLOSED),  # Monday before the evening block
        ("2026-11-30T17:00", hours.OPEN),
        ("2026-11-30T23:59", hours.OPEN),  # just before midnight
        ("2026-12-01T00:00", hours.OPEN),  # midnight: Tuesday's block starts
        ("2026-12-01T07:59", hours.OPEN),
        ("2026-12-01T08:00", hours.CLOSED),
        ("2026-12-06T12:00", hours.CLOSED),  # Sunday
    ],
)
def test_open_now_around_midnight(services, moment, state):
    assert hours.opening_state(services["gp"], at(moment)) == state


def test_closed_day_and_by_appointment(services):
    monday_noon = at("2026-12-07T12:00")
    assert hours.opening_state(services["legal"], monday_noon) == hours.OPEN
    ClosedDay.objects.create(service=services["legal"], date=monday_noon.date(), note_nl="Feestdag")
    assert hours.opening_state(services["legal"], monday_noon) == hours.CLOSED
    assert hours.opening_state(services["consulate"], monday_noon) == hours.APPOINTMENT
    nothing_known = make_service("Onbekend")
    assert hours.opening_state(nothing_known, monday_noon) == hours.UNKNOWN


def test_untranslated_texts_fall_back_to_english_then_dutch(client, services):
    service = services["legal"]
    service.description_en = "Free legal advice in English."
    service.how_to_apply_nl = "Bel ons."
    service.save()
    html = client.get(f"/pl/services/{service.pk}/").content.decode()
    assert "Free legal advice in English." in html
    assert "Bel ons." in html
    service.description_pl = "Porady prawne."
    service.save()
    html = client.get(f"/pl/services/{service.pk}/").content.decode()
    assert "Porady prawne." in html and "Free legal advice" not in html


def test_service_page_has_tap_to_call_map_link_hours_and_json_ld(client, services):
    service = services["gp"]
    location = Location.objects.create(
        name_nl="HagaZiekenhuis Zoetermeer",
        address_1="Toneellaan 1",
        city="Zoetermeer",
        latitude="52.046700",
        longitude="4.488900",
    )
    service.locations.add(location)
    service.save()
    with translation.override("ro"):
        html = client.get(f"/ro/services/{service.pk}/").content.decode()
    assert 'href="tel:0793431600"' in html
    assert "https://www.openstreetmap.org/?mlat=52.046700&amp;mlon=4.488900" in html
    assert "<iframe" not in html
    assert "Luni" in html  # Monday, in Romanian
    assert "17:00–24:00" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Service"
    assert data["provider"]["contactPoint"][0]["telephone"] == "(079) 343 1600"
    assert data["provider"]["address"]["streetAddress"] == "Toneellaan 1"


def test_unknown_or_malformed_service_id_is_a_friendly_404(client):
    for pk in ("00000000-0000-0000-0000-000000000000", "not-a-uuid"):
        response = client.get(f"/bg/services/{pk}/")
        assert response.status_code == 404
        assert "Страницата не е намерена" in response.content.decode()


def test_where_to_get_help_links_guides_and_services_both_ways(
    client, services, site_pages, django_capture_on_commit_callbacks
):
    service = services["legal"]
    dutch = site_pages["rights/minimum-wage-and-payslip"]["nl"]
    with django_capture_on_commit_callbacks(execute=True):
        GuideService.objects.create(page=dutch, service=service)
        dutch.save_revision().publish()
    polish = site_pages["rights/minimum-wage-and-payslip"]["pl"]
    html = client.get(polish.url).content.decode()
    assert f'href="/pl/services/{service.pk}/"' in html
    service_html = client.get(f"/pl/services/{service.pk}/").content.decode()
    assert f'href="{polish.url}"' in service_html


def test_filter_options_show_counts_and_zero_results_offer_a_wider_result(client, services):
    html = client.get("/en/services/?topic=rights").content.decode()
    # Counts follow the other filters: with topic=rights, Polish leads to 2, Bulgarian to 0.
    assert re.search(r'<option value="pl"[^>]*>Polish \(2\)</option>', html)
    assert re.search(r'<option value="bg"[^>]*>Bulgarian \(0\)</option>', html)
    assert re.search(r'<option value="housing"[^>]*>[^<]+ \(1\)</option>', html)

    response = client.get("/pl/services/?topic=healthcare&language=pl")
    html = response.content.decode()
    assert names(response) == []
    # The nearest wider result: without the language filter, one healthcare service.
    wider = re.search(r'<a href="(\?[^"]+)">1 usługa bez filtra „([^”]+)”</a>', html)
    assert wider, html
    assert wider[1] == "?topic=healthcare"
    assert "Polski" in wider[2] or "polski" in wider[2]
    assert 'href="tel:14079"' in html
    assert names(client.get("/pl/services/" + wider[1])) == ["Huisartsenpost"]


def test_zero_results_say_when_the_language_is_not_known(client, services):
    services["gp"].languages.all().delete()
    html = client.get("/en/services/?topic=healthcare&language=pl").content.decode()
    assert "we do not know which languages they speak" in html


def unknown_names(response):
    html = response.content.decode()
    return re.findall(r'<h3(?: lang="\w\w")?><a href="/\w\w/services/[^"]+">([^<]+)</a>', html)


def test_services_with_unknown_languages_or_hours_are_shown_apart(client, services, monkeypatch):
    make_service("Veilig Thuis", ["healthcare"])  # no languages, no hours known
    monkeypatch.setattr(hours, "amsterdam_now", lambda: at("2026-11-30T10:00"))
    response = client.get("/pl/services/?language=pl")
    assert names(response) == ["Juridisch Loket", "Vakbond"]
    assert unknown_names(response) == ["Veilig Thuis"]
    cache.clear()
    response = client.get("/en/services/?open_now=on")
    assert names(response) == ["Juridisch Loket", "Vakbond"]
    assert unknown_names(response) == ["Veilig Thuis"]
    assert "We do not know when they are open. Call to ask." in response.content.decode()
    # A known mismatch is still left out: Vakbond speaks no Bulgarian.
    cache.clear()
    response = client.get("/en/services/?language=bg")
    assert "Vakbond" not in unknown_names(response)
    # Without these filters nothing is set apart.
    assert unknown_names(client.get("/en/services/")) == []


def test_detail_says_when_languages_are_not_known(client, services):
    service = make_service("Veilig Thuis", ["healthcare"])
    html = client.get(f"/en/services/{service.pk}/").content.decode()
    assert "Not known. Call to ask which languages they speak." in html
    assert "Opening hours not known. Call before you go." in html
    html = client.get(f"/en/services/{services['union'].pk}/").content.decode()
    assert "Not known. Call to ask which languages they speak." not in html
