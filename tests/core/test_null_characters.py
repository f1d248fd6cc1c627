"""A NUL character in an address gets a clear 400, never a server error (PostgreSQL refuses
NUL in text, so views that search with the raw value used to fail there)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/pl/search/?q=a%00b", "/pl/services/?topic=%00", "/pl/a%00b/", "/s/abc%00"]
)
def test_readers_get_a_400_in_their_language(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 400
    assert "niedozwolone znaki" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "key"),
    [("/api/hsds/services/?search=%00", "error"), ("/api/v2/pages/?search=x%00", "message")],
)
def test_the_apis_answer_400_in_their_own_json_format(client, path, key):
    response = client.get(path)
    assert response.status_code == 400
    assert response.json()[key]


def test_the_desk_too(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    staff = get_user_model().objects.create_user("nul-staff")
    staff.groups.add(Group.objects.get(name="WIN-point staff"))
    client.force_login(staff)
    assert client.get("/desk/?q=zorg%00").status_code == 400
    assert client.get("/desk/?q=zorg").status_code == 200
