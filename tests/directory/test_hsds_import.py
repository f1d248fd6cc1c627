"""`manage.py import_hsds`: round trips through both export forms, updates, and bad input."""

import io
import json
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import models

from portal.directory.models import (
    ClosedDay,
    Location,
    OpeningHours,
    Organisation,
    Service,
    ServiceLanguage,
    ServicePhone,
    TaxonomyTerm,
)

from .test_hsds_api import make_directory

STARTING_DATA = Path(settings.BASE_DIR) / "content" / "directory" / "services.json"

pytestmark = pytest.mark.django_db

LANGUAGES = ("nl", "en", "pl", "ro", "bg")
MODELS = [TaxonomyTerm, Organisation, Location, Service, ServicePhone, OpeningHours, ClosedDay,
          ServiceLanguage]  # fmt: skip
TRANSLATED = {"name", "description", "how_to_apply", "eligibility", "cost_note", "hours_note",
              "accessibility", "note"}  # fmt: skip
SKIPPED = {"id", "last_modified", "latest_revision", "sort_order"}
MUNICIPALITY = "4cb9df00-755a-50fc-a9f6-fb377456bf08"


def snapshot(languages=LANGUAGES):
    """Everything the directory stores, comparable across a delete and re-import.

    Child rows are keyed by their uuid (their database id changes). Texts are compared per
    language column; "" and NULL mean the same (not written in that language).
    """
    state = {}
    for model in MODELS:
        rows = {}
        key = "uuid" if any(f.name == "uuid" for f in model._meta.fields) else "id"
        for obj in model.objects.all():
            row = {}
            for f in model._meta.concrete_fields:
                if f.name in TRANSLATED:
                    continue  # the untranslated base column; the language columns count
                base, _sep, code = f.name.rpartition("_")
                if base in TRANSLATED:
                    if code in languages:
                        row[f.name] = getattr(obj, f.attname) or ""
                elif f.name not in SKIPPED or (f.name == "id" and key == "id"):
                    value = getattr(obj, f.attname)
                    if isinstance(f, models.ForeignKey) and model is not Service:
                        value = str(getattr(obj, f.name).pk if value else None)
                    row[f.name] = str(value)
            for f in model._meta.many_to_many:
                row[f.name] = sorted(str(o.pk) for o in getattr(obj, f.name).all())
            if model in (ServicePhone, OpeningHours, ClosedDay, ServiceLanguage):
                row["service"] = str(obj.service_id)
                row["position"] = list(
                    model.objects.filter(service=obj.service).values_list("uuid", flat=True)
                ).index(obj.uuid)
            rows[str(getattr(obj, key))] = row
        state[model.__name__] = rows
    return state


def wipe_directory():
    """Delete all directory data, and the categories the services use (the import must bring
    those back; categories no service uses are not part of a services export)."""
    used = TaxonomyTerm.objects.filter(services__isnull=False).values_list("id", flat=True)
    used = [*used, TaxonomyTerm.objects.get(code="access:by-appointment").id]
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    Location.objects.all().delete()
    TaxonomyTerm.objects.filter(id__in=used).delete()
    assert not ServicePhone.objects.exists()


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_hsds", str(path), *args, stdout=out, stderr=err)
    except CommandError:
        pytest.fail(err.getvalue())
    return out.getvalue()


def failing(path, *args):
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(path), *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue().splitlines()


def test_json_round_trip_keeps_every_language(client, tmp_path):
    make_directory()
    before = snapshot()
    export = tmp_path / "export.json"
    export.write_bytes(client.get("/api/hsds/export.json").content)
    wipe_directory()
    output = run(export)
    assert "services" in output and "created" in output
    assert snapshot() == before
    # and once more over the imported data: an update that changes nothing
    run(export)
    assert snapshot() == before


def test_tabular_round_trip_for_one_language(client, tmp_path):
    make_directory()
    before = snapshot(languages=("nl",))
    export = tmp_path / "export.zip"
    export.write_bytes(client.get("/api/hsds/export.zip", {"lang": "nl"}).content)
    wipe_directory()
    run(export, "--language", "nl")
    assert snapshot(languages=("nl",)) == before


def test_tabular_folder_in_another_language_updates_only_that_language(client, tmp_path):
    import zipfile

    objects = make_directory()
    export = tmp_path / "pl.zip"
    export.write_bytes(client.get("/api/hsds/export.zip", {"lang": "pl"}).content)
    folder = tmp_path / "pl"
    zipfile.ZipFile(export).extractall(folder)
    (folder / "phones.csv").write_text(
        (folder / "phones.csv").read_text().replace("Leden", "Członkowie")
    )
    run(folder, "--language", "pl")
    phone = ServicePhone.objects.get(number="088 368 0368")
    assert (phone.description_nl, phone.description_pl) == ("Leden", "Członkowie")
    registration = Service.objects.get(pk=objects["registration"].pk)
    assert registration.name_nl == "Inschrijven in de BRP"
    assert registration.name_ro == "Înregistrare în BRP"


def service_json(**changes):
    """One valid service, the way content/directory/services.json writes them."""
    data = {
        "id": "11111111-1111-4111-8111-111111111111",
        "name": "Loket Werk",
        "description": "Hulp bij werk.",
        "status": "active",
        "application_process": "Loop binnen.",
        "organization": {
            "id": "22222222-2222-4222-8222-222222222222",
            "name": "Werkplein",
            "description": "Het werkplein.",
            "translations": {"en": {"name": "Work square"}},
        },
        "phones": [
            {"id": "33333333-3333-4333-8333-333333333333", "number": "079 123 4567",
             "description": "Balie", "translations": {"pl": {"description": "Okienko"}}},
        ],
        "schedules": [
            {"id": "44444444-4444-4444-8444-444444444444", "freq": "WEEKLY",
             "byday": "MO,TU,WE", "opens_at": "09:00", "closes_at": "12:30"},
            {"id": "55555555-5555-4555-8555-555555555555", "valid_from": "2026-12-25",
             "valid_to": "2026-12-26", "description": "Kerst"},
        ],
        "languages": [{"id": "66666666-6666-4666-8666-666666666666", "code": "pl",
                       "name": "polski"}],
        "service_at_locations": [
            {"id": "77777777-7777-4777-8777-777777777777", "location": {
                "id": "88888888-8888-4888-8888-888888888888", "location_type": "physical",
                "name": "Werkplein", "latitude": 52.06, "longitude": 4.49,
                "addresses": [{"id": "99999999-9999-4999-8999-999999999999",
                               "address_1": "Markt 1", "city": "Zoetermeer",
                               "state_province": "Zuid-Holland", "postal_code": "2711 AA",
                               "country": "NL", "address_type": "physical"}]}},
        ],
        "attributes": [
            {"id": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
             "taxonomy_term": {"id": MUNICIPALITY, "code": "type:municipality",
                               "name": "Gemeente", "description": ""}},
        ],
        "cost_options": [{"id": "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "option": "free"}],
        "translations": {"en": {"name": "Work desk"}, "pl": {"name": "Okienko pracy"}},
    }  # fmt: skip
    data.update(changes)
    return data


def write_json(tmp_path, data, name="services.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_reads_the_starting_data_format(tmp_path):
    run(write_json(tmp_path, [service_json()]))
    service = Service.objects.get(name_nl="Loket Werk")
    assert (service.name_en, service.name_pl, service.name_ro) == (
        "Work desk",
        "Okienko pracy",
        None,
    )
    assert service.how_to_apply_nl == "Loop binnen."
    assert service.cost == Service.Cost.FREE
    assert service.organisation.name_en == "Work square"
    assert [(h.weekday, f"{h.opens_at:%H:%M}") for h in service.opening_hours.all()] == [
        (0, "09:00"),
        (1, "09:00"),
        (2, "09:00"),
    ]
    assert [str(d.date) for d in service.closed_days.all()] == ["2026-12-25", "2026-12-26"]
    assert service.phones.get().description_pl == "Okienko"
    assert [c.code for c in service.categories.all()] == ["type:municipality"]
    location = service.locations.get()
    assert (location.address_1, location.postal_code, location.region) == (
        "Markt 1",
        "2711 AA",
        "Zuid-Holland",
    )


def test_one_service_or_a_paginated_list_or_another_language(tmp_path):
    run(write_json(tmp_path, service_json(), "one.json"))
    assert Service.objects.filter(name_nl="Loket Werk").exists()
    page = {"total_items": 1, "contents": [service_json(name="Loket Werk en Inkomen")]}
    run(write_json(tmp_path, page, "page.json"))
    assert Service.objects.get().name_nl == "Loket Werk en Inkomen"
    english = service_json(name="Job desk")
    for node in (english, english["organization"], english["phones"][0]):
        del node["translations"]  # plain texts only: the other languages stay as they are
    run(write_json(tmp_path, english, "en.json"), "--language", "en")
    service = Service.objects.get()
    assert (service.name_nl, service.name_en, service.name_pl) == (
        "Loket Werk en Inkomen",
        "Job desk",
        "Okienko pracy",  # no translations in the file: other languages left alone
    )


def test_update_removes_child_rows_that_are_not_in_the_input(tmp_path):
    run(write_json(tmp_path, [service_json()]))
    data = service_json(phones=[], languages=[], cost_options=[])
    data["schedules"] = data["schedules"][:1]
    data["schedules"][0]["byday"] = "FR"
    output = run(write_json(tmp_path, [data]))
    service = Service.objects.get()
    assert not service.phones.exists() and not service.languages.exists()
    assert not service.closed_days.exists()
    assert [h.weekday for h in service.opening_hours.all()] == [4]
    assert service.cost == Service.Cost.UNKNOWN
    assert "removed" in output


def problems_for(tmp_path, data, *args):
    before = snapshot()
    lines = failing(write_json(tmp_path, data), *args)
    assert snapshot() == before, "a failed import must write nothing"
    return lines


def test_missing_required_field(tmp_path):
    good = service_json(id="12121212-1212-4121-8121-121212121212", organization=None,
                        organization_id="22222222-2222-4222-8222-222222222222")  # fmt: skip
    bad = service_json()
    del bad["name"]
    lines = problems_for(tmp_path, [bad, good])
    assert lines == ["services.json: services[0]: name: required field is missing"]
    assert not Service.objects.exists() and not Organisation.objects.exists()


def test_missing_phone_number(tmp_path):
    data = service_json()
    del data["phones"][0]["number"]
    assert problems_for(tmp_path, [data]) == [
        "services.json: services[0].phones[0]: number: required field is missing"
    ]


def test_unknown_references(tmp_path):
    data = service_json(organization=None, organization_id="0badc0de-0000-4000-8000-000000000000")
    data["attributes"] = [{"id": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
                           "taxonomy_term_id": "0badc0de-0000-4000-8000-000000000001"}]  # fmt: skip
    lines = problems_for(tmp_path, [data])
    assert lines == [
        "services.json: services[0]: organization_id: unknown reference "
        "'0badc0de-0000-4000-8000-000000000000'",
        "services.json: services[0].attributes[0]: taxonomy_term_id: unknown reference "
        "'0badc0de-0000-4000-8000-000000000001'",
    ]


def test_organisation_and_category_from_the_database_are_found(tmp_path):
    make_directory()
    town = Organisation.objects.get(name_nl="Gemeente Zoetermeer")
    data = service_json(organization=None, organization_id=str(town.id))
    data["attributes"] = [{"id": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
                           "taxonomy_term_id": MUNICIPALITY}]  # fmt: skip
    run(write_json(tmp_path, [data]))
    assert Service.objects.get(name_nl="Loket Werk").organisation == town


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"opens_at": "25:00"}, "opens_at", "not a valid time"),
        ({"closes_at": "9.30"}, "closes_at", "not a valid time"),
        ({"closes_at": "08:00"}, "closes_at", "closing time must be after the opening time"),
        ({"byday": "MO,XX"}, "byday", "unknown day"),
        ({"freq": "MONTHLY"}, "freq", "only WEEKLY"),
    ],
)
def test_bad_opening_hours(tmp_path, change, field, message):
    data = service_json()
    data["schedules"][0].update(change)
    lines = problems_for(tmp_path, [data])
    assert len(lines) >= 1
    assert all(line.startswith(f"services.json: services[0].schedules[0]: {field}: ")
               for line in lines)  # fmt: skip
    assert message in lines[0]


def test_bad_phone_number(tmp_path):
    data = service_json()
    data["phones"][0]["number"] = "call us"
    assert problems_for(tmp_path, [data]) == [
        "services.json: services[0].phones[0]: number: Enter a Dutch or international phone "
        "number, for example 14 079."
    ]


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("id",), "not-a-uuid", "services[0]: id"),
        (("languages", 0, "code"), "xx", "services[0].languages[0]: code"),
        (("translations",), {"fr": {"name": "Bureau"}}, "services[0]: translations.fr"),
        (("translations",), {"nl": {"name": "Dubbel"}}, "services[0]: translations.nl"),
        (("email",), "not an address", "services[0]: email"),
        (("status",), "maybe", "services[0]: status"),
    ],
)
def test_other_bad_values(tmp_path, path, value, where):
    data = service_json()
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    lines = problems_for(tmp_path, [data])
    assert [line.split(": ", 3)[1:3] for line in lines] == [where.split(": ")]


def test_every_problem_is_reported_at_once(tmp_path):
    first = service_json()
    first["phones"][0]["number"] = "x"
    second = service_json(id="12121212-1212-4121-8121-121212121212", name="")
    second["schedules"] = [{"id": "13131313-1313-4131-8131-131313131313", "byday": "SU",
                            "opens_at": "10:00", "closes_at": "24:30"}]  # fmt: skip
    lines = problems_for(tmp_path, [first, second])
    assert [line.rsplit(": ", 1)[0].split(": ", 1)[1] for line in lines] == [
        "services[0].phones[0]: number",
        "services[1]: name",
    ]


def test_csv_problems_name_file_row_and_field(client, tmp_path):
    import zipfile

    make_directory()
    export = tmp_path / "export.zip"
    export.write_bytes(client.get("/api/hsds/export.zip").content)
    folder = tmp_path / "tables"
    zipfile.ZipFile(export).extractall(folder)
    phones = (folder / "phones.csv").read_text().splitlines()
    index = next(i for i, line in enumerate(phones) if "+31 79 346 8900" in line)
    phones[index] = phones[index].replace("+31 79 346 8900", "call us")  # header is row 1
    (folder / "phones.csv").write_text("\n".join(phones) + "\n")
    org_id = str(Organisation.objects.get(name_nl="FNV").id)
    services = (folder / "services.csv").read_text()
    (folder / "services.csv").write_text(services.replace(org_id, str(uuid.uuid4())))
    (folder / "organizations.csv").write_text(
        "\n".join(
            line
            for line in (folder / "organizations.csv").read_text().splitlines()
            if org_id not in line
        )
    )
    schedules = (folder / "schedules.csv").read_text().replace("17:00:00", "25:00:00", 1)
    (folder / "schedules.csv").write_text(schedules)
    before = snapshot()
    lines = failing(folder)
    assert snapshot() == before
    assert f"phones.csv: row {index + 1}: number: Enter a Dutch" in "\n".join(lines)
    assert any(
        line.startswith("services.csv: row ") and ": organization_id: unknown reference" in line
        for line in lines
    ), lines
    assert any(
        line.startswith("schedules.csv: row ") and ": closes_at: not a valid time" in line
        for line in lines
    ), lines


def test_not_json_and_missing_path(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("[{")
    assert failing(path)[0].startswith("broken.json: -: -: not valid JSON")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("import_hsds", str(tmp_path / "nothing.json"))


def test_if_empty_leaves_an_existing_directory_alone():
    organisation = Organisation.objects.create(name_nl="Redactie", description_nl="Door editors.")
    Service.objects.create(organisation=organisation, name_nl="Aangepast", description_nl="x")
    out = io.StringIO()
    call_command("import_hsds", "--if-empty", str(STARTING_DATA), stdout=out)
    assert "nothing was imported" in out.getvalue()
    assert list(Service.objects.values_list("name_nl", flat=True)) == ["Aangepast"]


def test_deeply_nested_json_is_a_clear_problem(tmp_path):
    """Issue 16, item 12: a RecursionError never reaches the editor as a traceback."""
    path = tmp_path / "services.json"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    before = snapshot()
    assert failing(path) == ["services.json: -: -: not valid JSON: nested too deeply"]
    assert snapshot() == before
