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
