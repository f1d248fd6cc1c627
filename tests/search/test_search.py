"""The public search page: matching, results, no dead ends, counting misses, bad input, and
keeping the entries current when editors publish."""

import html as html_lib
import re

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from portal.directory.models import Service
from portal.search import entries
from portal.search.models import SearchEntry, SynonymGroup, ZeroResultQuery
from tests.factories import starting_page_count

pytestmark = pytest.mark.django_db
INSURANCE = "healthcare/health-insurance"


def search(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def result_links(html):
    """The pages found; a result may point into the section that answers (…/#heading)."""
    return [url.split("#")[0] for url in re.findall(r'<h2><a href="([^"]+)">', html)]


def test_results_show_title_highlighted_snippet_and_topic(client, site_pages):
    html = search(client, "ro", "asigurare sanatate")
    guide = site_pages[INSURANCE]["ro"]
    assert guide.url in result_links(html)[:3]
    assert "<mark>" in html
    assert site_pages["healthcare"]["ro"].title in html  # the topic above the result


def test_accents_case_and_script_do_not_matter(client, site_pages):
    with_accents = result_links(search(client, "ro", "Asigurare de sănătate"))
    without = result_links(search(client, "ro", "ASIGURARE DE SANATATE"))
    assert with_accents[:3] == without[:3]
    cyrillic = result_links(search(client, "bg", "здравна застраховка"))
    latin = result_links(search(client, "bg", "zdravna zastrahovka"))
    assert site_pages[INSURANCE]["bg"].url in cyrillic[:3]
    assert site_pages[INSURANCE]["bg"].url in latin[:3]


def test_inflected_form_finds_the_guide(client, site_pages):
    assert (
        site_pages[INSURANCE]["pl"].url
        in result_links(search(client, "pl", "ubezpieczenia zdrowotnego"))[:3]
    )


def test_services_are_found_too(client):
    service = Service.objects.get(name_nl__icontains="Huurcommissie")
    assert reverse("directory:service_detail", args=[service.pk]).replace("/nl/", "/pl/") in (
        result_links(search(client, "pl", "huurcommissie"))
    )


def test_only_the_readers_language_is_searched(client, site_pages):
    links = result_links(search(client, "pl", "ubezpieczenie"))
    assert links and all(link.startswith("/pl/") for link in links)


def test_synonyms_added_by_editors_widen_the_search(admin_client, client, site_pages):
    word = "nfz"  # the Polish health fund, which readers know from home; on no page
    assert not result_links(search(client, "pl", word))
    response = admin_client.post(
        "/admin/snippets/portal_search/synonymgroup/add/",
        {"terms": f"{word}\nubezpieczenie zdrowotne"},
    )
    assert response.status_code == 302
    assert site_pages[INSURANCE]["pl"].url in result_links(search(client, "pl", word))[:3]


def test_a_promoted_page_comes_first_in_the_readers_language(client, site_pages):
    promoted = site_pages["registration/digid"]["nl"]
    search(client, "bg", "brief van de gemeente")  # the promotions are now in the cache
    query = Query.objects.create(query_string="brief van de gemeente")
    SearchPromotion.objects.create(query=query, page=promoted, sort_order=0)
    links = result_links(search(client, "bg", "Brief van de Gemeente!"))
    assert links[0] == site_pages["registration/digid"]["bg"].url
    assert 'class="search-result promoted"' in search(client, "bg", "brief van de gemeente")


def test_zero_results_offer_topics_urgent_help_and_the_win_point(client, site_pages):
    html = search(client, "pl", "xqzwv")
    for key in ("rights", "housing", "healthcare", "schooling", "registration", "duties"):
        assert site_pages[key]["pl"].url in html
    assert site_pages["pages/urgent-help"]["pl"].url in html
    assert site_pages["pages/about"]["pl"].url in html
    assert 'href="tel:14079"' in html
    assert "Nic nie znaleziono" in html


def test_zero_results_are_counted_per_day_and_language_without_personal_data(client):
    search(client, "pl", "xqzwv")
    search(client, "pl", "XQZWV ")
    search(client, "ro", "xqzwv")
    search(client, "pl", "mój bsn 123456782 jan.kowalski@example.com")
    rows = {(row.language, row.query): row.count for row in ZeroResultQuery.objects.all()}
    assert rows[("pl", "xqzwv")] == 2
    assert rows[("ro", "xqzwv")] == 1
    stored = " ".join(row.query for row in ZeroResultQuery.objects.all())
    assert "123456782" not in stored and "example.com" not in stored
    # A search that finds something is not counted.
    search(client, "pl", "BSN")
    assert not ZeroResultQuery.objects.filter(query="bsn").exists()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 5000,
        "?!.,;:'\"()[]{}",
        "' OR 1=1; DROP TABLE wagtailcore_page; --",
        '<script>alert("x")</script>',
        '"><img src=x onerror=alert(1)>',
        "zdrowie здраве sănătate ☃ 🙂",
        "\u202e\ufeff",  # (a NUL gets a 400: tests/core/test_null_characters.py)
        "%27%22",
        "a:* | b & !c",
    ],
)
def test_bad_queries_give_a_normal_page_and_are_never_echoed_unescaped(client, query):
    response = client.get("/pl/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    if query.strip():
        # The query is shown back in the search box, escaped.
        assert f'value="{html_lib.escape(query[:200], quote=True)}"' in html


def test_publishing_a_change_updates_the_entries(site_pages, django_capture_on_commit_callbacks):
    polish = site_pages[INSURANCE]["pl"]
    with django_capture_on_commit_callbacks(execute=True):
        polish.title = "Ubezpieczenie zdrowotne: kwiatuszek"
        polish.save_revision().publish()
    entry = SearchEntry.objects.get(language="pl", translation_key=polish.translation_key)
    assert "kwiatuszek" in entry.title

    with django_capture_on_commit_callbacks(execute=True):
        polish.unpublish()
    entry = SearchEntry.objects.get(language="pl", translation_key=polish.translation_key)
    # Unpublished in Polish: readers get the English page (the fallback) at a Polish address.
    assert entry.fallback and entry.page_id == site_pages[INSURANCE]["en"].pk
    assert entry.url.startswith("/pl/")


def test_a_fallback_result_says_it_is_not_translated(client, site_pages):
    site_pages[INSURANCE]["pl"].delete()
    entries.update_page(site_pages[INSURANCE]["nl"])
    html = search(client, "pl", "health insurance")
    assert "Jeszcze nie przetłumaczono" in html
    assert html.count('class="search-result') >= 1


def test_inactive_services_disappear(client, django_capture_on_commit_callbacks):
    service = Service.objects.get(name_nl__icontains="Huurcommissie")
    with django_capture_on_commit_callbacks(execute=True):
        service.status = Service.Status.INACTIVE
        service.save()
    assert not SearchEntry.objects.filter(service=service).exists()


def test_rebuild_command_makes_an_entry_per_page_and_service_per_language():
    from django.core.management import call_command

    SearchEntry.objects.all().delete()
    call_command("update_search_entries", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pages = SearchEntry.objects.filter(service__isnull=True).count()
    services = SearchEntry.objects.filter(service__isnull=False).count()
    # Every page of the starting content but the home page, in five languages.
    assert pages == (starting_page_count() - 1) * 5
    assert services == Service.objects.filter(status="active").count() * 5


def test_editors_see_searches_without_results(admin_client, client):
    search(client, "bg", "xqzwv")
    html = admin_client.get("/admin/search-misses/").content.decode()
    assert "xqzwv" in html
    response = admin_client.get("/admin/search-misses/?export=csv")
    csv = b"".join(response.streaming_content).decode()
    assert "xqzwv" in csv


def test_synonym_groups_come_from_the_content_file():
    terms = [group.term_list() for group in SynonymGroup.objects.all()]
    assert any("huisarts" in group for group in terms)


def test_pages_api_filters_by_locale_and_search(client, site_pages):
    data = client.get("/api/v2/pages/", {"locale": "pl", "search": "DigiD"}).json()
    ids = [item["id"] for item in data["items"]]
    assert site_pages["registration/digid"]["pl"].pk in ids
    assert all(item["meta"]["locale"] == "pl" for item in data["items"])
    # Wagtail answers an unknown locale with 404 and a message.
    unknown = client.get("/api/v2/pages/", {"locale": "xx"})
    assert unknown.status_code == 404 and "message" in unknown.json()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="typo tolerance is a PostgreSQL feature (pg_trgm)"
)
def test_small_typos_are_forgiven_on_postgresql(client, site_pages):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('portal_search', 'Sănătate')::text")
        assert cursor.fetchone()[0] == "'sanatate':1"
    assert site_pages[INSURANCE]["nl"].url in result_links(search(client, "nl", "zorgverzekring"))
    assert site_pages[INSURANCE]["ro"].url in result_links(search(client, "ro", "asigurarre"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- terms: [a, b]\n  promote: nowhere/nothing\n", "unknown page 'nowhere/nothing'"),
        ("- terms: huisarts\n", "'terms' must be a list"),
        ("- terms: [a\n", "not valid YAML"),
        ("- words: [a, b]\n", "expected 'terms'"),
        ("- terms: " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ],
)
def test_a_bad_terms_file_is_refused_with_its_place_and_nothing_is_loaded(
    tmp_path, content, message
):
    from django.core.management import CommandError, call_command

    path = tmp_path / "terms.yaml"
    path.write_text("- terms: [nieuwwoord, newword]\n" + content, encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("load_search_terms", str(path))
    assert not SynonymGroup.objects.filter(terms__contains="nieuwwoord").exists()


def test_a_result_points_into_the_section_that_answers(client, site_pages):
    """A question answered in one section of a long guide links to that section; a query that
    names the page itself links to its top."""
    html = search(client, "pl", "wynagrodzenie nie zgadza")
    guide = site_pages["rights/minimum-wage-and-payslip"]["pl"]
    [link] = [u for u in re.findall(r'<h2><a href="([^"]+)">', html) if u.startswith(guide.url)]
    anchor = link.split("#")[1]
    page = client.get(guide.url).content.decode()
    assert re.search(rf'<h2 id="{anchor}">[^<]*nie zgadza', page)
    assert f'<a href="#{anchor}">' in page  # the Contents list links it too

    html = search(client, "pl", "pasek wypłaty")
    assert f'<h2><a href="{guide.url}">' in html
