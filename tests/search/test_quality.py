"""The search quality set: realistic queries per language (tests/search/cases.yaml), each with the
page it must find. At least 99% must have that page in the top 3, on every database (issue 20);
without the editors' promoted results the ranking alone must still place 90%."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

pytestmark = pytest.mark.django_db
CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
LANGUAGES = ["nl", "en", "pl", "ro", "bg"]


def test_the_set_has_at_least_ten_queries_per_language():
    assert sorted(CASES) == sorted(LANGUAGES)
    for language in LANGUAGES:
        assert len(CASES[language]) >= 10, language


# Answers on the loaded starting content, shared by the tests that ask the same queries of it
# (the set is 373 queries; asking each twice more took a minute). A test that changes the
# content asks afresh.
ANSWERS = {}


def remembered(ask, client, language, query):
    key = (ask.__name__, language, query)
    if key not in ANSWERS:
        ANSWERS[key] = ask(client, language, query)
    return ANSWERS[key]


def asked_afresh(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    # A result may point into the section that answers (…/#heading); the page is what counts.
    return [url.split("#")[0] for url in re.findall(r'<h2><a href="([^"]+)">', html)]


def asked_of_the_api(client, language, query):
    """The same query through the pages API (/api/v2/pages/?locale=…&search=…)."""
    answer = client.get("/api/v2/pages/", {"locale": language, "search": query, "limit": 3})
    assert answer.status_code == 200, answer.content
    return [urlsplit(item["meta"]["html_url"]).path for item in answer.json()["items"]]


def top_three(client, language, query):
    return remembered(asked_afresh, client, language, query)[:3]


def top_three_from_the_api(client, language, query):
    return remembered(asked_of_the_api, client, language, query)


@pytest.mark.parametrize("results", [top_three, top_three_from_the_api], ids=["page", "api"])
def test_expected_page_is_in_the_top_three_for_at_least_99_percent(client, site_pages, results):
    failures = []
    total = 0
    for language, cases in CASES.items():
        for case in cases:
            total += 1
            expected = site_pages[case["expect"]][language].url
            found = results(client, language, case["query"])
            if expected not in found:
                failures.append(f"{language} {case['query']!r}: expected {expected}, got {found}")
    share = 1 - len(failures) / total
    # Shown with -s: the misses the 1% allows are worth a look too.
    print(f"search quality: {total - len(failures)}/{total} = {share:.1%}", *failures, sep="\n")
    assert share >= 0.99, "\n".join(failures)


def test_the_set_works_without_promoted_results_too(client, site_pages):
    """Promotions answer exact words; the ranking itself must carry the rest."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    SearchPromotion.objects.all().delete()
    misses = []
    for language, cases in CASES.items():
        for case in cases:
            found = asked_afresh(client, language, case["query"])[:3]
            if site_pages[case["expect"]][language].url not in found:
                misses.append((language, case["query"]))
    total = sum(len(cases) for cases in CASES.values())
    assert 1 - len(misses) / total >= 0.9, misses


def pages_found(client, language, query):
    """The search page's results without the directory's services (the pages API has none)."""
    urls = remembered(asked_afresh, client, language, query)
    return [url for url in urls if f"/{language}/services/" not in url][:3]


def test_the_api_ranks_exactly_as_the_search_page(client, site_pages):
    """Not just as good: the same pages in the same order, for every query of the set."""
    different = [
        (language, case["query"])
        for language, cases in CASES.items()
        for case in cases
        if pages_found(client, language, case["query"])
        != top_three_from_the_api(client, language, case["query"])
    ]
    assert different == []
