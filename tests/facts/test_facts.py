"""Facts: one figure in one place, shown in every language's format, switching to its successor
at midnight (also through the page cache), with a visible notice once it has expired; the report
"Figures to check", `check_facts`, the loader's checks, and site notices."""

import datetime
import io
import re
import shutil
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page

from portal.core.clock import AMSTERDAM
from portal.facts.models import Fact, FactValue, SiteNotice
from portal.facts.render import format_value
from portal.translations.status import page_status

pytestmark = pytest.mark.django_db
CONTENT = Path(settings.BASE_DIR) / "content"
INSURANCE = "healthcare/health-insurance"
WAGE = "rights/minimum-wage-and-payslip"


def at(year, month, day, hour=12, minute=0):
    """A frozen clock at a moment in Dutch time."""
    moment = datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)
    return time_machine.travel(moment, tick=False)


def html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    # CLDR puts no-break spaces between amount and sign; compare with plain spaces.
    return response, plain(response.content.decode())


def plain(text):
    return text.replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("language", "amount", "day"),
    [
        ("nl", "€ 14,71", "1 januari 2026"),
        ("en", "€14.71", "1 January 2026"),
        ("pl", "14,71 €", "1 stycznia 2026"),
        ("ro", "14,71 EUR", "1 ianuarie 2026"),
        ("bg", "14,71 €", "1 януари 2026"),
    ],
)
def test_amounts_and_dates_in_each_languages_format(language, amount, day):
    assert plain(format_value("hourly", "14.71", language)) == amount
    assert format_value("date", "2026-01-01", language).startswith(day)


def test_whole_amounts_thousands_percentages_and_durations():
    assert plain(format_value("euro", "385", "nl")) == "€ 385"
    assert format_value("euro", "41000", "en") == "€41,000"
    assert plain(format_value("euro", "41000", "pl")) == "41 000 €"
    assert format_value("percentage", "25", "nl") == "25%"
    assert format_value("duration", "4 month", "pl") == "4 miesiące"


def test_one_change_shows_on_every_language_and_marks_no_translation_outdated(client, site_pages):
    pages = site_pages[INSURANCE]
    revisions = {code: page.latest_revision_id for code, page in pages.items()}
    deductible = FactValue.objects.get(fact__key="deductible", valid_from="2026-01-01")
    with at(2026, 12, 5):
        deductible.value = "390"
        deductible.save()
        assert "€ 390" in html(client, pages["nl"])[1]
        assert "390 €" in html(client, pages["pl"])[1]
        assert "€390" in html(client, pages["en"])[1]
    for code, page in pages.items():
        page.refresh_from_db()
        assert page.latest_revision_id == revisions[code]
        if code != "nl":
            assert page_status(page)[1].status != "outdated"


def test_successor_takes_over_at_midnight_also_from_the_page_cache(client, site_pages):
    page = site_pages[INSURANCE]["nl"]
    fact = Fact.objects.get(key="deductible")
    with at(2026, 12, 31, 23, 58):
        FactValue.objects.create(
            fact=fact,
            value="460",
            valid_from=datetime.date(2027, 1, 1),
            source_title="Test",
            source_url="https://example.org/",
        )
        response, body = html(client, page)
        assert "€ 385" in body and "€ 460" not in body
        assert client.get(page.url)["X-Page-Cache"] == "hit"
    with at(2027, 1, 1, 0, 0):
        response, body = html(client, page)
        assert response["X-Page-Cache"] == "miss"
        assert "€ 460" in body and "€ 385" not in body


def test_expired_value_without_successor_shows_a_notice_with_the_source(client, site_pages):
    with at(2026, 12, 5):
        _response, body = html(client, site_pages[WAGE]["pl"])
    # The minimum wage of the first half of 2026: FACTS.md has no later value.
    assert "14,71 €" in body
    assert 'class="fact fact-expired"' in body
    assert "ta kwota obowiązywała do 30 czerwca 2026 i mogła się zmienić" in body
    assert 'href="https://business.gov.nl/amendment/minimum-wage-increase-january"' in body
    with at(2026, 12, 5):
        _response, body = html(client, site_pages[INSURANCE]["nl"])
    # The eigen risico of 2026 is still current on 5 December 2026: no notice.
    assert "€ 385" in body
    assert 'data-fact="deductible"' in body
    assert 'fact-expired" data-fact="deductible"' not in body


def test_the_loader_writes_no_checked_date(site_pages):
    assert not FactValue.objects.filter(checked_on__isnull=False).exists()
    for pages in site_pages.values():
        page = pages["nl"]
        for block in getattr(page, "body", []):
            if block.block_type == "source":
                assert block.value["checked"] is None
        assert getattr(page, "last_reviewed", None) is None


def run_check_facts():
    out = io.StringIO()
    call_command("check_facts", stdout=out, stderr=out)
    return out.getvalue()


def test_check_facts_fails_on_expired_figures_and_lists_their_pages(site_pages):
    with at(2026, 12, 5), pytest.raises(CommandError) as failure:
        run_check_facts()
    assert failure.value.returncode == 1


def test_check_facts_passes_when_every_figure_is_current_and_checked(site_pages):
    Fact.objects.exclude(key="deductible").delete()
    FactValue.objects.filter(fact__key="deductible").update(
        checked_on=datetime.date(2026, 12, 1), checked_by="Anna"
    )
    with at(2026, 11, 1):
        out = run_check_facts()
    assert "nothing to check" in out
    with at(2026, 12, 5):
        # Expiring within 30 days (on 31 December) is reported, but is not a failure yet.
        out = run_check_facts()
    assert "deductible" in out and "Expires soon" in out
    with at(2027, 1, 2), pytest.raises(CommandError):
        run_check_facts()


def test_figures_to_check_report_lists_pages_and_records_checked_today(admin_client, site_pages):
    with at(2026, 12, 5):
        response = admin_client.get(reverse("facts_figures_to_check"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "minimum-wage-21" in body
    assert site_pages[WAGE]["pl"].title in body
    value = FactValue.objects.get(fact__key="minimum-wage-21", valid_from="2026-01-01")
    with at(2026, 12, 5):
        response = admin_client.post(reverse("facts_checked_today", args=[value.pk]))
    assert response.status_code == 302
    value.refresh_from_db()
    assert value.checked_on == datetime.date(2026, 12, 5)
    assert value.checked_by == "admin"


def test_checked_today_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x")
    client.force_login(user)
    value = FactValue.objects.first()
    response = client.post(reverse("facts_checked_today", args=[value.pk]))
    assert response.status_code in (302, 403)
    value.refresh_from_db()
    assert value.checked_on is None


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "home", root / "home")
    shutil.copy(CONTENT / "facts.yaml", root / "facts.yaml")
    topic = root / "healthcare"
    topic.mkdir()
    for path in (CONTENT / "healthcare").glob("*.md"):
        shutil.copy(path, topic / path.name)
    shutil.copytree(CONTENT / INSURANCE, root / INSURANCE)
    return root


def check(content):
    out = io.StringIO()
    call_command("load_content", "--check", "--path", str(content), stdout=out, stderr=out)
    return out.getvalue()


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_loader_refuses_a_translation_that_drops_a_fact(content):
    assert "valid" in check(content)
    replace_in(content / INSURANCE / "pl.md", "{{ fact:deductible }}", "385 euro")
    with pytest.raises(CommandError):
        check(content)


def test_loader_refuses_a_translation_that_adds_a_fact(content, capsys):
    replace_in(
        content / INSURANCE / "ro.md",
        "{{ fact:deductible }}",
        "{{ fact:deductible }}, {{ fact:uninsured-fine }}",
    )
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_content", "--check", "--path", str(content), stdout=out, stderr=out)
    assert "ro.md" in out.getvalue() and "facts differ from nl.md" in out.getvalue()


def test_loader_refuses_an_unknown_fact(content):
    replace_in(content / INSURANCE / "nl.md", "{{ fact:deductible }}", "{{ fact:no-such-fact }}")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_content", "--check", "--path", str(content), stdout=out, stderr=out)
    assert "unknown fact 'no-such-fact'" in out.getvalue()


def test_site_notice_starts_and_ends_on_time_through_the_page_cache(client, site_pages):
    nl, pl = site_pages[INSURANCE]["nl"], site_pages[INSURANCE]["pl"]
    topic = Page.objects.get(pk=nl.get_parent().pk)
    start = datetime.datetime(2026, 12, 24, 0, 0, tzinfo=AMSTERDAM)
    with at(2026, 12, 23, 23, 0):
        SiteNotice.objects.create(
            text_nl="Het WIN-punt is dicht op 24 december.",
            text_pl="Punkt WIN jest zamknięty 24 grudnia.",
            below_page=topic,
            starts_at=start,
            ends_at=start + datetime.timedelta(days=1),
        )
        assert "dicht op 24 december" not in html(client, nl)[1]
        assert client.get(nl.url)["X-Page-Cache"] == "hit"
    with at(2026, 12, 24, 0, 1):
        assert "dicht op 24 december" in html(client, nl)[1]
        assert "zamknięty 24 grudnia" in html(client, pl)[1]
        # Only below the chosen topic, in every language.
        assert "zamknięty" not in html(client, site_pages["rights/sick-pay"]["pl"])[1]
        # No English text: English readers see no notice.
        assert "site-notice" not in html(client, site_pages[INSURANCE]["en"])[1]
    with at(2026, 12, 25, 0, 1):
        assert "dicht op 24 december" not in html(client, nl)[1]


REVIEWED_STALE = {
    # The content review of 2026-12-05, "Figures out of date": (page, fact)
    (WAGE, "minimum-wage-21"),
    (WAGE, "minimum-wage-20"),
    ("schooling/child-benefit-and-childcare", "child-benefit-0-5"),
    ("duties/driving-licence-and-cycling", "cycling-phone-fine"),
}
EXPIRE_NEW_YEAR = {
    (INSURANCE, "deductible"),
    # Stale in the review; its 2026 amount has been found since.
    (INSURANCE, "uninsured-fine"),
    ("healthcare/healthcare-allowance", "healthcare-allowance-max"),
    ("healthcare/healthcare-allowance", "healthcare-allowance-income-limit"),
    ("schooling/child-benefit-and-childcare", "childcare-rate-daycare"),
    ("housing/housing-from-your-employer", "housing-deduction-max"),
}


@pytest.mark.parametrize("code", ["nl", "bg"])
def test_no_stale_figure_of_the_content_review_shows_as_current(client, site_pages, code):
    with at(2026, 12, 5):
        for key, fact in REVIEWED_STALE:
            body = html(client, site_pages[key][code])[1]
            assert f'class="fact fact-expired" data-fact="{fact}"' in body, (key, fact)
        for key, fact in EXPIRE_NEW_YEAR:
            body = html(client, site_pages[key][code])[1]
            assert f'class="fact" data-fact="{fact}"' in body, (key, fact)
    with at(2027, 1, 1, 0, 5):
        for key, fact in EXPIRE_NEW_YEAR:
            body = html(client, site_pages[key][code])[1]
            assert f'class="fact fact-expired" data-fact="{fact}"' in body, (key, fact)


def test_phone_facts_are_tap_to_call_links(client, site_pages):
    body = html(client, site_pages["registration/brp-and-bsn"]["ro"])[1]
    assert '<a href="tel:14079">14 079</a>' in body


def test_search_results_never_show_a_placeholder_or_a_copied_figure(client, site_pages):
    response = client.get("/nl/search/", {"q": "minimumloon"})
    body = response.content.decode()
    assert response.status_code == 200
    assert site_pages[WAGE]["nl"].url in body
    assert "fact:" not in body and "14,71" not in body


def test_a_translation_edited_to_drop_a_fact_is_reported(admin_client, site_pages):
    page = site_pages[INSURANCE]["pl"]
    body = page.body.raw_data
    for block in body:
        if block["type"] == "text" and "{{ fact:deductible }}" in block["value"]:
            block["value"] = block["value"].replace("{{ fact:deductible }}", "385 euro")
    page.body = body
    page.save_revision().publish()
    response = admin_client.get(reverse("facts_figures_to_check"))
    text = response.content.decode()
    assert 'lang="nl"' in text  # the admin speaks the editor's language
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in text
    assert "<code>deductible</code>" in text


def test_admin_forms_for_facts_and_notices_open(admin_client):
    fact = Fact.objects.get(key="minimum-wage-21")
    for url in (
        reverse("wagtailsnippets_facts_fact:add"),
        reverse("wagtailsnippets_facts_fact:edit", args=[fact.pk]),
        reverse("wagtailsnippets_facts_sitenotice:add"),
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
    body = admin_client.get(reverse("wagtailsnippets_facts_fact:edit", args=[fact.pk])).content
    assert b"14.71" in body and b"label_pl" in body


def test_a_value_that_does_not_fit_the_kind_is_refused():
    fact = Fact.objects.get(key="deductible")
    value = fact.values.get()
    value.value = "385 euro"
    with pytest.raises(ValidationError) as error:
        value.full_clean()
    assert list(error.value.message_dict) == ["value"]
    assert "14.71" in error.value.message_dict["value"][0]


def test_placeholder_with_from_and_a_fact_without_values():
    from portal.facts.render import substitute
    from portal.facts.timeline import fact_table

    Fact.objects.create(key="taalhuis-phone", label_nl="Taalhuis", kind="phone")
    table = fact_table()
    day = datetime.date(2026, 3, 1)
    text = "<p>{{ fact:minimum-wage-21 from }}; {{ fact:taalhuis-phone }}; {{ fact:nope }}</p>"
    shown = {code: plain(str(substitute(text, code, table, day))) for code in ("nl", "pl", "bg")}
    assert "€ 14,71 vanaf 1 januari 2026" in shown["nl"]
    assert "14,71 € od 1 stycznia 2026" in shown["pl"]
    assert "(getal nog niet bekend)" in shown["nl"]
    assert "(liczba jeszcze nieznana)" in shown["pl"]
    # An unknown key stays visible as written, so the mistake is seen.
    assert "{{ fact:nope }}" in shown["bg"]


def test_contact_cards_take_their_phone_from_a_fact(client, site_pages):
    page = site_pages["registration/brp-and-bsn"]["pl"]
    assert 'class="call" href="tel:14079"' in html(client, page)[1]
    FactValue.objects.filter(fact__key="municipality-phone").update(value="14 080")
    Fact.objects.get(key="municipality-phone").save()  # as the admin does: a change readers see
    body = html(client, page)[1]
    cards = "".join(re.findall(r'<div class="contact">.*?</div>', body, re.S))
    assert 'class="call" href="tel:14080"' in cards and "14 079" not in cards
    assert '<a href="tel:14080">14 080</a></p>' in body  # the footer too


@pytest.mark.parametrize(
    ("role", "may_check"),
    [("Editors: Nederlands", True), ("Moderators", True), ("Editors: Polski", False)],
)
def test_who_may_see_the_report_and_record_a_check(client, site_pages, role, may_check):
    from django.contrib.auth.models import Group

    user = django_user(role)
    client.force_login(user)
    assert client.get(reverse("facts_figures_to_check")).status_code == 200
    value = FactValue.objects.get(fact__key="deductible")
    client.post(reverse("facts_checked_today", args=[value.pk]))
    value.refresh_from_db()
    assert (value.checked_on is not None) == may_check
    assert (
        Group.objects.get(name=role).permissions.filter(codename="change_sitenotice").exists()
        == may_check
    )


def django_user(group_name):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username="someone", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_loader_refuses_a_label_written_twice(content):
    """Two `pl:` lines in one label (as a careless merge leaves them): plain YAML would keep
    the last one silently; the loader names the line instead and writes nothing."""
    facts = content / "facts.yaml"
    lines = facts.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("pl:"))
    lines.insert(index + 1, lines[index])
    facts.write_text("\n".join(lines), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_content", "--check", "--path", str(content), stdout=out, stderr=out)
    assert f"facts.yaml:{index + 2}" in out.getvalue()
    assert "the key 'pl' is written twice" in out.getvalue()


def test_front_matter_with_a_key_written_twice_is_refused(content):
    replace_in(content / INSURANCE / "ro.md", "\nslug:", "\ntitle: A doua\nslug:")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("load_content", "--check", "--path", str(content), stdout=out, stderr=out)
    assert "ro.md" in out.getvalue() and "the key 'title' is written twice" in out.getvalue()
