"""Starting guides point to directory services, and those services point back, once each."""

import pytest

pytestmark = pytest.mark.django_db

HUISARTSENPOST = "ba522e2b-8ed5-44bb-88d0-ee8eee163ded"


@pytest.mark.parametrize("code", ["nl", "pl", "bg"])
def test_guide_and_service_link_each_other_in_the_readers_language(client, site_pages, code):
    guide = site_pages["healthcare/family-doctor-and-emergencies"][code]
    html = client.get(guide.url).content.decode()
    assert f'href="/{code}/services/{HUISARTSENPOST}/"' in html
    assert 'href="tel:0793431600"' in html

    service_html = client.get(f"/{code}/services/{HUISARTSENPOST}/").content.decode()
    assert service_html.count(f'href="{guide.url}"') == 1


def test_every_starting_service_chosen_on_a_guide_exists_and_is_shown(client, site_pages):
    for key, pages in site_pages.items():
        if "/" not in key or key.startswith("pages/"):
            continue
        services = pages["en"].where_to_get_help()
        assert services, f"{key} has no 'Where to get help'"
        html = client.get(pages["en"].url).content.decode()
        for service in services:
            assert f'href="/en/services/{service.pk}/"' in html
