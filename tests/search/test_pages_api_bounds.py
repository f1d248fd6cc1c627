"""The pages API answers 400, not a server error, to an offset beyond any database's range
(found by tests/core/test_fuzzing.py)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("offset", ["99999999999999999999999999", "2147483648", "9" * 5000])
def test_an_offset_out_of_range_is_a_bad_request(client, offset):
    response = client.get("/api/v2/pages/", {"offset": offset})
    assert response.status_code == 400
    assert "offset" in response.json()["message"]


def test_a_large_offset_within_range_gives_an_empty_page(client):
    response = client.get("/api/v2/pages/", {"offset": "2147483647"})
    assert response.status_code == 200
    assert response.json()["items"] == []


# Issue 16, items 4 and 5: each of these was a server error, or the outage page.
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"search": "a", "search_operator": "xor"}, "search_operator"),
        ({"search": "a", "search_operator": ""}, "search_operator"),
        ({"search": " ", "locale": "pl"}, "search"),
        ({"search": " "}, "search"),
        ({"search": '"', "locale": "pl"}, "search"),
    ],
)
def test_a_search_the_engine_cannot_run_is_a_bad_request(client, params, message):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400, response.content[:300]
    assert message in response.json()["message"]


@pytest.mark.parametrize("search", ['"', 'zorg"', '"zorg', '" zorg "', '""""'])
def test_quotes_in_a_search_are_words_not_syntax(client, search):
    response = client.get("/api/v2/pages/", {"search": search + " zorg", "locale": "nl"})
    assert response.status_code == 200, response.content[:300]
    assert response.json()["items"]


@pytest.mark.parametrize("operator", ["and", "or"])
def test_the_known_operators_still_work(client, operator):
    response = client.get(
        "/api/v2/pages/", {"search": "zorg verzekering", "search_operator": operator}
    )
    assert response.status_code == 200
