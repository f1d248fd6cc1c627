"""The page cache and HTTP caching: what is cached, when it is refreshed, 304s and gzip, and the
query budget of a page that is not in the cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.directory.models import Service

pytestmark = pytest.mark.django_db
GUIDE = "healthcare/health-insurance"


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response


def test_second_visit_comes_from_the_cache_without_queries(client, site_pages):
    url = site_pages[GUIDE]["pl"].url
    assert get(client, url)["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        response = get(client, url)
    assert response["X-Page-Cache"] == "hit"
    # Only the content version (read from the database without a shared cache).
    assert len(queries.captured_queries) <= 1
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]


def test_a_published_change_is_visible_at_once(
    client, site_pages, django_capture_on_commit_callbacks
):
    page = site_pages[GUIDE]["pl"]
    get(client, page.url)
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Ubezpieczenie zdrowotne (nowe)"
        page.save_revision().publish()
    response = get(client, page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Ubezpieczenie zdrowotne (nowe)" in response.content.decode()
    # Its translations show the new title in their language switcher and are refreshed too.
    assert get(client, site_pages[GUIDE]["ro"].url)["X-Page-Cache"] == "miss"


def test_a_directory_change_refreshes_the_guides_that_show_it(client, site_pages):
    page = site_pages[GUIDE]["en"]
    service = page.where_to_get_help()[0]
    get(client, page.url)
    service.name_en = "A renamed helpful service"
    service.save()
    assert "A renamed helpful service" in get(client, page.url).content.decode()


def test_logged_in_editors_are_never_served_or_stored_in_the_cache(
    admin_client, client, site_pages
):
    url = site_pages[GUIDE]["nl"].url
    response = get(admin_client, url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert get(client, url)["X-Page-Cache"] == "miss"


def test_the_language_cookie_is_still_set_on_cached_pages(client, site_pages):
    from django.test import Client

    url = site_pages[GUIDE]["bg"].url
    first = get(client, url)
    assert "language" in first.cookies
    newcomer = Client()
    response = get(newcomer, url)
    assert response["X-Page-Cache"] == "hit"
    assert response.cookies["language"].value == "bg"


def test_search_is_not_cached(client):
    get(client, "/pl/search/?q=bsn")
    assert "X-Page-Cache" not in get(client, "/pl/search/?q=bsn")


def test_etag_gives_304_and_html_is_compressed(client, site_pages):
    url = site_pages[GUIDE]["ro"].url
    etag = get(client, url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    compressed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]


def uncached_guide_queries(client, url):
    client.cookies["sessionid"] = "not-a-session"  # a cookie the page cache steps aside for
    client.get(url)  # the site navigation and notices are cached under the content version
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    return len(queries.captured_queries)


def test_an_uncached_guide_page_takes_at_most_10_queries_however_big_the_site(client, site_pages):
    from tests.pagegen import generate_guides

    url = site_pages[GUIDE]["pl"].url
    small = uncached_guide_queries(client, url)
    generate_guides(300)
    organisation = Service.objects.first().organisation
    Service.objects.bulk_create(
        Service(organisation=organisation, name_nl=f"Dienst {n}", description_nl="Extra.")
        for n in range(100)
    )
    large = uncached_guide_queries(client, url)
    assert small <= 10
    assert large == small


def cold_guide_queries(client, url):
    """Queries of a page rendered with empty caches (the first view after a publish)."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    client.cookies["sessionid"] = "not-a-session"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    return len(queries.captured_queries)


def test_a_cold_guide_page_takes_a_fixed_number_of_queries_however_big_the_site(client, site_pages):
    """With every cache empty (the first view after a publish) a page also builds the site
    navigation, its translation notice and breadcrumb: more queries, but never more as the
    site grows."""
    from tests.pagegen import generate_guides

    url = site_pages[GUIDE]["pl"].url
    small = cold_guide_queries(client, url)
    generate_guides(300)
    large = cold_guide_queries(client, url)
    # 29 for the page itself, + 1 for the facts in its text, + 1 for the site notices,
    # + 1 for the glossary words explained in its text, + 2 for when the next fact value and
    # site notice take effect (core.freshness keys the cache on that), + 2 locale lookups for
    # the translation notice, + 1 for the pieces published untranslated (their lang="nl"; one
    # query for the whole site). None of them grows with the site: the second assert.
    assert small <= 37
    assert large == small


def test_a_warm_guide_page_needs_only_the_content_version(client, site_pages):
    """Route, site, translations, navigation and body are kept under the content version."""
    assert uncached_guide_queries(client, site_pages[GUIDE]["pl"].url) <= 1


def test_a_new_slug_moves_the_page_at_once(client, site_pages, django_capture_on_commit_callbacks):
    page = site_pages[GUIDE]["en"]
    old_url = page.url
    get(client, old_url)
    with django_capture_on_commit_callbacks(execute=True):
        page.slug = "health-insurance-new"
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.url != old_url
    assert "Cache-Control" in get(client, page.url)
    # The old address no longer finds the English page (a Dutch fallback or 404 is fine,
    # as long as it is not the stale English page).
    response = client.get(old_url)
    assert response.status_code == 404 or page.title not in response.content.decode()


def test_a_view_restriction_applies_at_once(client, site_pages):
    from wagtail.models import PageViewRestriction

    page = site_pages[GUIDE]["ro"]
    get(client, page.url)
    client.cookies["sessionid"] = "not-a-session"
    get(client, page.url)  # route and restriction check now come from the fragment cache
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-words"
    )
    response = client.get(page.url)
    assert page.title not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_requests_outside_the_public_pages_do_not_read_the_content_version(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/admin/login/")
    assert not [q for q in queries.captured_queries if "contentversion" in q["sql"]]


def test_a_long_address_is_cached_under_a_short_key(client, site_pages):
    """Found by tests/core/test_fuzzing.py: any query string became part of the cache key."""
    import warnings

    url = site_pages["healthcare/health-insurance"]["pl"].url + "?q=" + "x" * 5000
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Django warns about keys over 250 characters
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"


def cached_page_keys():
    from django.core.cache import cache

    return [key for key in cache._cache if ":page:" in key]


# Issue 16, item 7: 300 requests with ?utm=N added 300 whole pages to the cache.
def test_parameters_no_page_reads_add_no_pages(client, site_pages):
    url = site_pages[GUIDE]["pl"].url
    assert get(client, url)["X-Page-Cache"] == "miss"
    for number in range(30):
        response = get(client, f"{url}?utm_source={number}&fbclid=x{number}")
        assert response["X-Page-Cache"] == "hit"
    assert len(cached_page_keys()) == 1


def test_the_same_filters_in_any_order_or_spelling_are_one_page(client):
    first = get(client, "/pl/services/?topic=healthcare&language=&open_now=on&free=")
    assert first["X-Page-Cache"] == "miss"
    for spelling in (
        "/pl/services/?open_now=1&topic=healthcare",
        "/pl/services/?free=false&topic=healthcare&open_now=yes&utm_medium=mail",
        "/pl/services/?topic=housing&topic=healthcare&open_now=on",
    ):
        assert get(client, spelling)["X-Page-Cache"] == "hit", spelling
    assert get(client, "/pl/services/?topic=healthcare")["X-Page-Cache"] == "miss"


def test_made_up_filter_values_are_shown_but_never_stored(client):
    for number in range(20):
        response = get(client, f"/pl/services/?topic=nothing-{number}&language=x{number}")
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
    assert cached_page_keys() == []


def test_the_thank_you_note_is_its_own_page(client, site_pages):
    url = site_pages[GUIDE]["pl"].url
    get(client, url)
    assert get(client, url + "?feedback=thanks")["X-Page-Cache"] == "miss"
    assert get(client, url + "?feedback=whatever")["X-Page-Cache"] == "hit"


def test_cached_pages_vary_on_cookie(client, site_pages):
    """The cache skips readers with a session cookie; shared caches must know that too."""
    url = site_pages[GUIDE]["pl"].url
    for expected in ("miss", "hit"):
        response = get(client, url)
        assert response["X-Page-Cache"] == expected
        assert "Cookie" in response["Vary"]


# Issue 16, item 15: the first request's scheme was stored, and https links served on http.
def service_url():
    return f"/pl/services/{Service.objects.filter(status=Service.Status.ACTIVE).first().pk}/"


def test_https_and_http_pages_are_cached_apart(client):
    url = service_url()
    secure = get(client, url, secure=True)
    assert f'"https://testserver{url}"' in secure.content.decode()
    plain = get(client, url)
    assert plain["X-Page-Cache"] == "miss"
    assert "https://testserver" not in plain.content.decode()
    assert f'"http://testserver{url}"' in plain.content.decode()
    assert get(client, url, secure=True)["X-Page-Cache"] == "hit"


def test_a_query_string_never_reaches_a_cached_page(client):
    url = service_url()
    first = get(client, url + "?utm_source=%3Cplanted%3E")
    assert first["X-Page-Cache"] == "miss"
    assert "planted" not in first.content.decode()
    assert get(client, url)["X-Page-Cache"] == "hit"
