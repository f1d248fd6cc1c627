"""Editing the directory in the Wagtail admin: one tab per language, clear validation messages,
revisions."""

import pytest

from portal.directory.models import Organisation, Service

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
