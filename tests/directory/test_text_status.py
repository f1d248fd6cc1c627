"""Directory texts follow their Dutch: when a service's or organisation's Dutch text changes,
the other languages' texts of that field are flagged for their editors, and each flag goes when
that language's editor saves the checked (or rewritten) text."""

import io
import json

import pytest
from django.core.management import call_command

from portal.directory.models import Organisation, OutdatedText, Service
from portal.directory.text_status import translated_fields
from tests.conftest import DIRECTORY_DATA
from tests.translations.test_permissions import user_in

pytestmark = pytest.mark.django_db

TARGETS = ["en", "pl", "ro", "bg"]
EDITORS = {
    "nl": "Editors: Nederlands",
    "en": "Editors: English",
    "pl": "Editors: Polski",
    "ro": "Editors: Română",
    "bg": "Editors: Български",
}
NEW_DUTCH = "Vragen over werk, wonen en zorg. Bel eerst voor een afspraak."


@pytest.fixture
def service():
    organisation = Organisation.objects.create(
        name_nl="Gemeente Zoetermeer", description_nl="De gemeente."
    )
    return Service.objects.create(
        organisation=organisation,
        name_nl="Informatiepunt",
        description_nl="Vragen over werk en wonen.",
        name_en="Information point",
        description_en="Questions about work and housing.",
        name_pl="Punkt informacyjny",
        description_pl="Pytania o pracę i mieszkanie.",
        name_ro="Punct de informare",
        description_ro="Întrebări despre muncă și locuință.",
        name_bg="Информационен пункт",
        description_bg="Въпроси за работа и жилище.",
    )


def edit_url(instance):
    return f"/admin/snippets/directory/{type(instance).__name__.lower()}/edit/{instance.pk}/"


def texts(instance, code, **changes):
    """What the texts-only edit form of a language editor posts: every text of `code`."""
    data = {
        f"{field}_{code}": getattr(instance, f"{field}_{code}") or ""
        for field in translated_fields(type(instance))
    }
    data.update(changes)
    return data


def save_as(client, role, instance, data):
    client.force_login(user_in(role))
    response = client.post(edit_url(instance), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    instance.refresh_from_db()
    return response


def flags(instance=None):
    found = OutdatedText.objects.all()
    if instance is not None:
        found = found.filter(object_id=instance.pk)
    return set(found.values_list("field", "language"))


def test_changing_dutch_flags_that_field_in_every_other_language(client, service):
    service.eligibility_pl = "Każdy."  # the only translation of this field
    service.save()
    save_as(
        client,
        EDITORS["nl"],
        service,
        texts(service, "nl", description_nl=NEW_DUTCH, eligibility_nl="Iedereen."),
    )
    assert service.description_nl == NEW_DUTCH
    assert flags(service) == {("description", code) for code in TARGETS} | {("eligibility", "pl")}
    flag = OutdatedText.objects.get(object_id=service.pk, field="description", language="pl")
    assert flag.reviewed_source == "Vragen over werk en wonen."


def test_changing_a_translation_flags_nothing(client, service):
    save_as(
        client, EDITORS["pl"], service, texts(service, "pl", description_pl="Praca i mieszkanie.")
    )
    assert service.description_pl == "Praca i mieszkanie."
    assert flags() == set()


def test_whitespace_only_change_flags_nothing_and_going_back_clears(service):
    service.description_nl = "  Vragen over werk\nen wonen. "
    service.save()
    assert flags() == set()
    service.description_nl = NEW_DUTCH
    service.save()
    assert len(flags(service)) == 4
    service.description_nl = "Vragen over werk en wonen."
    service.save()
    assert flags() == set()


def test_a_second_change_keeps_the_text_last_checked_against(service):
    service.description_nl = NEW_DUTCH
    service.save()
    service.description_nl = "Nog eens anders."
    service.save()
    flag = OutdatedText.objects.get(object_id=service.pk, field="description", language="ro")
    assert flag.reviewed_source == "Vragen over werk en wonen."
    assert flag.changed_at >= flag.flagged_at


def test_translation_changed_with_the_dutch_is_not_flagged(service):
    """A moderator (or an import) changing the Dutch and the Polish together wrote the Polish
    for the new Dutch."""
    service.description_nl = NEW_DUTCH
    service.description_pl = "Praca, mieszkanie i zdrowie. Najpierw zadzwoń."
    service.save()
    assert flags(service) == {("description", code) for code in ("en", "ro", "bg")}


def test_editor_sees_what_changed_and_checks_only_their_language(client, service):
    service.description_nl = NEW_DUTCH
    service.save()
    client.force_login(user_in(EDITORS["pl"]))
    html = client.get(edit_url(service)).content.decode()
    # The notice on the field, the change in Dutch (marked as Dutch) and the box.
    assert "De Nederlandse tekst is gewijzigd op" in html or "The Dutch text changed on" in html
    assert '<p class="review-diff" lang="nl">' in html
    assert "<del>wonen.</del>" in html and "<ins>" in html
    assert 'name="checked_description_pl"' in html
    for other in ("checked_description_ro", "checked_name_pl", "description_ro"):
        assert f'name="{other}"' not in html

    # Ticking another language's box too changes nothing there.
    client.post(
        edit_url(service),
        texts(service, "pl", checked_description_pl="on", checked_description_ro="on"),
    )
    assert flags(service) == {("description", code) for code in ("en", "ro", "bg")}
    service.refresh_from_db()
    assert service.description_pl == "Pytania o pracę i mieszkanie."  # saved unchanged
    assert 'name="checked_description_pl"' not in client.get(edit_url(service)).content.decode()


def test_saving_without_the_box_keeps_the_flag(client, service):
    service.description_nl = NEW_DUTCH
    service.save()
    save_as(client, EDITORS["ro"], service, texts(service, "ro"))
    assert ("description", "ro") in flags(service)


def test_rewriting_the_translation_clears_its_flag(client, service):
    service.description_nl = NEW_DUTCH
    service.save()
    save_as(
        client,
        EDITORS["bg"],
        service,
        texts(service, "bg", description_bg="Работа, жилище и здраве. Първо се обадете."),
    )
    assert flags(service) == {("description", code) for code in ("en", "pl", "ro")}


def test_emptied_translation_is_not_flagged(service):
    service.description_nl = NEW_DUTCH
    service.save()
    service.description_en = ""
    service.save()
    assert ("description", "en") not in flags(service)


def moderator_form(service):
    """The moderator's whole edit form: details, formsets and every language's texts."""
    data = {
        "organisation": str(service.organisation_id),
        "status": service.status,
        "cost": service.cost,
        "url": "",
        "email": "",
    }
    for prefix in ("phones", "languages", "opening_hours", "closed_days"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    for code in ["nl", *TARGETS]:
        data.update(texts(service, code))
    return data


ROLES = {
    "Editors: Nederlands": set(),
    "Editors: English": {"en"},
    "Editors: Polski": {"pl"},
    "Editors: Română": {"ro"},
    "Editors: Български": {"bg"},
    "Moderators": set(TARGETS),
}


@pytest.mark.parametrize("role", list(ROLES))
def test_who_may_check_which_language(client, service, role):
    """Every role posts "checked" for every language: only their own languages' flags go."""
    service.description_nl = NEW_DUTCH
    service.save()
    boxes = {f"checked_description_{code}": "on" for code in TARGETS}
    if role == "Moderators":
        data = {**moderator_form(service), **boxes}
    else:
        own = [code for code, group in EDITORS.items() if group == role][0]
        data = {**texts(service, own), **boxes}
    save_as(client, role, service, data)
    left = {code for field, code in flags(service)}
    assert left == set(TARGETS) - ROLES[role]


def test_organisation_texts_are_flagged_and_checked_too(client, service):
    organisation = service.organisation
    organisation.description_en = "The municipality."
    organisation.description_pl = "Gmina."
    organisation.save()
    save_as(
        client,
        EDITORS["nl"],
        organisation,
        texts(organisation, "nl", description_nl="De gemeente Zoetermeer."),
    )
    assert flags(organisation) == {("description", "en"), ("description", "pl")}
    save_as(
        client,
        EDITORS["en"],
        organisation,
        {**texts(organisation, "en"), "checked_description_en": "on"},
    )
    assert flags(organisation) == {("description", "pl")}


def test_import_changing_dutch_flags_the_other_languages(tmp_path):
    call_command("import_hsds", str(DIRECTORY_DATA), stdout=io.StringIO())
    assert flags() == set()  # new entries have nothing to check
    data = json.loads(DIRECTORY_DATA.read_text())
    first, second = data[0], data[1]
    first["description"] = NEW_DUTCH
    second["description"] = "Een nieuwe beschrijving."
    second["translations"]["pl"]["description"] = "Nowy opis."
    changed = tmp_path / "services.json"
    changed.write_text(json.dumps(data))

    call_command("import_hsds", str(changed), stdout=io.StringIO())

    assert flags(Service.objects.get(pk=first["id"])) == {
        ("description", code) for code in TARGETS if first["translations"][code].get("description")
    }
    assert flags(Service.objects.get(pk=second["id"])) == {
        ("description", code) for code in ("en", "ro", "bg")
    }
    # Importing the same data again changes nothing.
    before = set(OutdatedText.objects.values_list("pk", "changed_at"))
    call_command("import_hsds", str(changed), stdout=io.StringIO())
    assert set(OutdatedText.objects.values_list("pk", "changed_at")) == before


def test_deleting_an_entry_deletes_its_flags(service):
    service.description_nl = NEW_DUTCH
    service.save()
    service.delete()
    assert not OutdatedText.objects.exists()


LISTING = "/admin/snippets/directory/service/"


def test_listing_shows_and_filters_texts_to_check_in_the_users_languages(client, service):
    calm = Service.objects.create(
        organisation=service.organisation, name_nl="Rustig loket", description_nl="Niets."
    )
    service.description_nl = NEW_DUTCH
    service.description_en = ""  # nothing to check in English
    service.save()

    client.force_login(user_in(EDITORS["pl"]))
    html = client.get(LISTING).content.decode()
    assert "Texts to check" in html or "Te controleren teksten" in html
    assert "Polski" in html and "Română" not in html  # only the editor's own language
    filtered = client.get(LISTING, {"texts_to_check": "pl"}).content.decode()
    assert service.name_nl in filtered and calm.name_nl not in filtered
    # Filters of the model itself still work beside it.
    assert (
        service.name_nl
        in client.get(LISTING, {"texts_to_check": "pl", "status": "active"}).content.decode()
    )

    client.force_login(user_in("Moderators"))
    html = client.get(LISTING).content.decode()
    assert "Polski, Română, Български" in html
    assert service.name_nl not in client.get(LISTING, {"texts_to_check": "en"}).content.decode()
