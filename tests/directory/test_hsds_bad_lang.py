"""An unknown `lang` gets a JSON 400 and is never written into a response header (found by
tests/core/test_fuzzing.py: a newline in it was a server error)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["\r\nSet-Cookie: evil=1", "xx", "<script>"])
def test_an_unknown_lang_is_a_bad_request_without_echo(client, lang):
    response = client.get("/api/hsds/services/", {"lang": lang})
    assert response.status_code == 400
    assert "Unknown lang" in response.json()["error"]
    assert "Content-Language" not in response
    assert "evil" not in str(response.headers)


def test_a_known_lang_is_named_in_the_header(client):
    assert client.get("/api/hsds/services/", {"lang": "pl"})["Content-Language"] == "pl"
