"""A request for a host the site does not serve gets a 400, in the right format (issue 16,
item 4): the page cache asks for the host first, and the 400 page used to fail in turn."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("host", ["evil.example", "testserver.evil.example", "a b", "[::1"])
@pytest.mark.parametrize("path", ["/pl/", "/nl/services/", "/ro/search/?q=zorg", "/"])
def test_readers_get_a_400_page(client, host, path):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "<h1>" in response.content.decode()
    assert host not in response.content.decode()


def test_the_400_page_speaks_the_language_of_the_address(client):
    response = client.get("/pl/", HTTP_HOST="evil.example")
    assert '<html lang="pl">' in response.content.decode()


@pytest.mark.parametrize(
    ("path", "key"), [("/api/hsds/services/", "error"), ("/api/v2/pages/", "message")]
)
def test_the_apis_answer_in_their_own_format(client, path, key):
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json()[key]
