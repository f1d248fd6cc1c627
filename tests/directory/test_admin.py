"""Editing the directory in the Wagtail admin: one tab per language, clear validation messages,
revisions."""

import pytest

from portal.directory.models import Location, Organisation, Service

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/directory/service/add/"


def formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
    return data


def service_form(organisation, phone="14 079", opens="09:00", closes="17:00"):
    return {
        "organisation": str(organisation.pk),
        "status": "active",
        "cost": "free",
        "name_nl": "Informatiepunt",
        "description_nl": "Vragen over werk en wonen.",
        "name_pl": "Punkt informacyjny",
        **formset("phones", [{"number": phone, "description_nl": "Algemeen"}]),
        **formset("languages", [{"code": "pl"}]),
        **formset("opening_hours", [{"weekday": "0", "opens_at": opens, "closes_at": closes}]),
        **formset("closed_days", []),
    }


@pytest.fixture
def organisation():
    return Organisation.objects.create(name_nl="Gemeente Zoetermeer", description_nl="De gemeente.")


def test_edit_form_has_a_tab_per_language(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    for name in ("Nederlands", "English", "Polski", "Română", "Български"):
        assert name in html
    for field in ("name_nl", "name_bg", "how_to_apply_ro", "phones-__prefix__-description_pl"):
        assert f'name="{field}"' in html


def test_valid_service_is_saved_with_a_revision(admin_client, organisation):
    response = admin_client.post(ADD_URL, service_form(organisation))
    assert response.status_code == 302, response.content.decode()[:2000]
    service = Service.objects.get(name_nl="Informatiepunt")
    assert service.name_pl == "Punkt informacyjny"
    assert service.phones.get().number == "14 079"
    assert service.revisions.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # The admin speaks Dutch to editors unless they choose another language.
        ({"phone": "call us"}, "Vul een Nederlands of internationaal telefoonnummer in"),
        ({"phone": "12"}, "Een telefoonnummer heeft 3 tot 15 cijfers"),
        ({"opens": "17:00", "closes": "09:00"}, "De sluitingstijd moet na de openingstijd liggen"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_saved(
    admin_client, organisation, changes, message
):
    response = admin_client.post(ADD_URL, service_form(organisation, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Service.objects.exists()


def test_admin_messages_speak_the_editors_language(admin_client, admin_user, organisation):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "pl"
    profile.save()
    response = admin_client.post(ADD_URL, service_form(organisation, phone="call us"))
    assert "Wpisz holenderski lub międzynarodowy numer telefonu" in response.content.decode()


def test_listing_searches_and_filters(admin_client, organisation):
    admin_client.post(ADD_URL, service_form(organisation))
    listing = admin_client.get("/admin/snippets/directory/service/?cost=free")
    assert "Informatiepunt" in listing.content.decode()
    assert (
        "Informatiepunt"
        not in admin_client.get("/admin/snippets/directory/service/?cost=paid").content.decode()
    )
    assert (
        "Informatiepunt"
        in admin_client.get("/admin/snippets/directory/service/?q=Informatie").content.decode()
    )


def test_language_editor_edits_only_their_own_languages_directory_texts(client, organisation):
    """A Polish editor sees only the Polish tab of a service; whatever else they post (Romanian
    text, a new address, a different status) is ignored, and the Polish text is saved."""
    from tests.translations.test_permissions import user_in

    service = Service.objects.create(
        organisation=organisation,
        name_nl="Informatiepunt",
        description_nl="Vragen over werk en wonen.",
        name_ro="Punct de informare",
    )
    client.force_login(user_in("Editors: Polski"))
    url = f"/admin/snippets/directory/service/edit/{service.pk}/"
    html = client.get(url).content.decode()
    assert 'name="name_pl"' in html and 'name="how_to_apply_pl"' in html
    for hidden in ("name_nl", "name_ro", "status", "phones-TOTAL_FORMS", "organisation"):
        assert f'name="{hidden}"' not in html

    response = client.post(
        url,
        {
            "name_pl": "Punkt informacyjny",
            "description_pl": "Pytania o pracę i mieszkanie.",
            "name_ro": "Schimbat",
            "name_nl": "Gewijzigd",
            "status": "inactive",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    service.refresh_from_db()
    assert service.name_pl == "Punkt informacyjny"
    assert service.description_pl == "Pytania o pracę i mieszkanie."
    assert (service.name_nl, service.name_ro, service.status) == (
        "Informatiepunt",
        "Punct de informare",
        "active",
    )
    # Adding and deleting entries is for moderators.
    assert client.get(ADD_URL).status_code in (302, 403)
    assert client.get(f"/admin/snippets/directory/service/delete/{service.pk}/").status_code in (
        302,
        403,
    )


@pytest.mark.parametrize(
    ("role", "texts", "details"),
    [
        ("Editors: Nederlands", {"nl"}, False),
        ("Editors: English", {"en"}, False),
        ("Editors: Polski", {"pl"}, False),
        ("Editors: Română", {"ro"}, False),
        ("Editors: Български", {"bg"}, False),
        ("Moderators", {"nl", "en", "pl", "ro", "bg"}, True),
        ("WIN-point staff", set(), False),
    ],
)
def test_directory_permission_matrix(client, organisation, role, texts, details):
    from tests.translations.test_permissions import user_in

    client.force_login(user_in(role))
    location = Location.objects.create(name_nl="Stadhuis", address_1="Markt 10")
    for url in (
        f"/admin/snippets/directory/organisation/edit/{organisation.pk}/",
        f"/admin/snippets/directory/location/edit/{location.pk}/",
    ):
        response = client.get(url)
        if not texts:
            assert response.status_code in (302, 403), (role, url)
            continue
        html = response.content.decode()
        for code in ("nl", "en", "pl", "ro", "bg"):
            assert (f'name="name_{code}"' in html) == (code in texts), (role, url, code)
        assert ('name="website"' in html or 'name="address_1"' in html) == details, (role, url)
