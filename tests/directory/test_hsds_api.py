"""The HSDS 3.0 open-data API under /api/hsds/: shape, schema, filters, languages, errors."""

import csv
import io
import json
import zipfile
from datetime import date, time, timedelta
from pathlib import Path

import jsonschema
import pytest
from django.utils import timezone

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

# The HSDS 3.0 schemas, vendored with their licence and source (see hsds_3_0/README.md).
HSDS = Path(__file__).parent / "hsds_3_0"
API = "/api/hsds"

pytestmark = pytest.mark.django_db


def term(code):
    return TaxonomyTerm.objects.get(code=code)


def make_directory():
    """A small directory as an editor builds it: Dutch first, some texts translated.

    Dutch is complete everywhere (it is the source); the other languages are partly missing so
    that fallback shows. Returns the objects by a short name.
    """
    town = Organisation.objects.create(
        name_nl="Gemeente Zoetermeer",
        name_en="Municipality of Zoetermeer",
        name_pl="Gmina Zoetermeer",
        description_nl="De gemeente.",
        description_en="The municipality.",
        website="https://www.zoetermeer.nl",
        email="info@zoetermeer.nl",
    )
    union = Organisation.objects.create(
        name_nl="FNV", description_nl="Vakbond.", description_bg="Синдикат."
    )
    town_hall = Location.objects.create(
        name_nl="Stadhuis",
        name_en="Town hall",
        address_1="Markt 10",
        postal_code="2711 CV",
        city="Zoetermeer",
        latitude="52.060000",
        longitude="4.494000",
        accessibility_nl="Toegankelijk met rolstoel.",
        accessibility_pl="Dostępne dla wózków.",
    )
    office = Location.objects.create(
        name_nl="Kantoor FNV", address_1="Dorpsstraat 1", city="Zoetermeer"
    )
    registration = Service.objects.create(
        organisation=town,
        name_nl="Inschrijven in de BRP",
        name_en="Registering in the BRP",
        name_ro="Înregistrare în BRP",
        description_nl="Schrijf je in bij de gemeente.",
        description_en="Register with the municipality.",
        how_to_apply_nl="Maak een afspraak.",
        how_to_apply_en="Make an appointment.",
        eligibility_nl="Iedereen die in Zoetermeer woont.",
        cost=Service.Cost.FREE,
        cost_note_nl="Gratis.",
        by_appointment_only=True,
        hours_note_nl="Donderdag ook 's avonds.",
        hours_note_pl="W czwartki także wieczorem.",
        url="https://www.zoetermeer.nl/inschrijven",
    )
    registration.categories.set([term("topic:registration"), term("type:municipality")])
    registration.locations.set([town_hall])
    registration.save()
    ServicePhone.objects.create(
        service=registration, number="14 079", description_nl="Algemeen", description_en="General"
    )
    ServicePhone.objects.create(service=registration, number="+31 79 346 8900")
    for weekday in range(5):
        OpeningHours.objects.create(
            service=registration, weekday=weekday, opens_at=time(9), closes_at=time(17)
        )
    OpeningHours.objects.create(
        service=registration, weekday=3, opens_at=time(17, 30), closes_at=time(20)
    )
    ClosedDay.objects.create(
        service=registration, date=date(2026, 12, 25), note_nl="Kerst", note_en="Christmas"
    )
    for code in ("nl", "en", "pl"):
        ServiceLanguage.objects.create(service=registration, code=code)

    advice = Service.objects.create(
        organisation=union,
        name_nl="Juridisch advies over werk",
        name_pl="Porady prawne dotyczące pracy",
        description_nl="Hulp bij problemen met je werkgever.",
        cost=Service.Cost.PAID,
        cost_note_nl="Gratis voor leden.",
        hours_note_nl="Bel voor een afspraak.",
    )
    advice.categories.set([term("topic:rights"), term("type:union")])
    advice.locations.set([office])
    advice.save()
    ServicePhone.objects.create(service=advice, number="088 368 0368", description_nl="Leden")
    for code in ("nl", "bg", "ro"):
        ServiceLanguage.objects.create(service=advice, code=code)

    night = Service.objects.create(
        organisation=town,
        name_nl="Spoedlijn",
        description_nl="Dag en nacht bereikbaar.",
        description_en="Open day and night.",
    )
    night.categories.set([term("type:emergency")])
    night.save()
    for weekday in range(7):
        OpeningHours.objects.create(
            service=night, weekday=weekday, opens_at=time(0), closes_at=time(0)
        )

    closed = Service.objects.create(
        organisation=union,
        name_nl="Oud spreekuur",
        description_nl="Bestaat niet meer.",
        status=Service.Status.INACTIVE,
    )
    return {
        "town": town,
        "union": union,
        "town_hall": town_hall,
        "office": office,
        "registration": registration,
        "advice": advice,
        "night": night,
        "closed": closed,
    }


@pytest.fixture
def directory():
    return make_directory()


@pytest.fixture(scope="module")
def service_schema():
    return json.loads((HSDS / "compiled" / "service_with_definitions.json").read_text())


def get(client, path, **params):
    response = client.get(API + path, params)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, response.json()


def names(page):
    return [service["name"] for service in page["contents"]]


def test_index_describes_the_api(client):
    response, data = get(client, "/")
    assert response.status_code == 200
    assert data["version"] == "3.0.0"
    assert data["profile"].startswith("https://")
    assert "http://testserver/api/hsds/services" in data["endpoints"]


@pytest.mark.parametrize("lang", ["nl", "en", "pl", "ro", "bg"])
def test_every_service_validates_against_the_hsds_schema(client, directory, service_schema, lang):
    validator = jsonschema.Draft202012Validator(
        service_schema, format_checker=jsonschema.FormatChecker()
    )
    _response, page = get(client, "/services", lang=lang)
    exported = client.get(f"{API}/export.json", {"lang": lang}).json()
    details = [
        get(client, f"/services/{s.id}", lang=lang)[1]
        for s in directory.values()
        if isinstance(s, Service)
    ]
    assert len(page["contents"]) == 3
    assert len(exported) == len(details) == 4
    for service in page["contents"] + exported + details:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(service)]
        assert errors == [], service["name"]


def test_service_maps_our_model_to_hsds(client, directory):
    service = get(client, f"/services/{directory['registration'].id}")[1]
    assert service["name"] == "Inschrijven in de BRP"
    assert service["application_process"] == "Maak een afspraak."
    assert service["eligibility_description"] == "Iedereen die in Zoetermeer woont."
    assert service["fees_description"] == "Gratis."
    assert service["cost_options"] == [
        {"id": service["cost_options"][0]["id"], "option": "free", "currency": "EUR", "amount": 0}
    ]
    assert service["organization"]["name"] == "Gemeente Zoetermeer"
    assert [p["number"] for p in service["phones"]] == ["14 079", "+31 79 346 8900"]
    weekly = [s for s in service["schedules"] if s.get("freq") == "WEEKLY"]
    assert [(s["byday"], s["opens_at"], s["closes_at"]) for s in weekly][:2] == [
        ("MO", "09:00", "17:00"),
        ("TU", "09:00", "17:00"),
    ]
    assert {s["notes"] for s in weekly} == {"Donderdag ook 's avonds."}
    closed = [s for s in service["schedules"] if "valid_from" in s]
    assert closed == [
        {
            "id": str(directory["registration"].closed_days.get().uuid),
            "valid_from": "2026-12-25",
            "valid_to": "2026-12-25",
            "description": "Kerst",
        }
    ]
    assert service["languages"][1] == {
        "id": str(directory["registration"].languages.get(code="en").uuid),
        "code": "en",
        "name": "English",
    }
    codes = [a["taxonomy_term"]["code"] for a in service["attributes"]]
    assert codes == ["topic:registration", "type:municipality", "access:by-appointment"]
    location = service["service_at_locations"][0]["location"]
    assert location["addresses"][0]["address_1"] == "Markt 10"
    assert location["addresses"][0]["id"] == str(directory["town_hall"].address_uuid)
    assert location["accessibility"][0]["id"] == str(directory["town_hall"].accessibility_uuid)
    assert (location["latitude"], location["longitude"]) == (52.06, 4.494)

    advice = get(client, f"/services/{directory['advice'].id}")[1]
    assert [c["option"] for c in advice["cost_options"]] == ["paid"]
    assert advice["schedules"] == [
        {"id": advice["schedules"][0]["id"], "notes": "Bel voor een afspraak."}
    ]
    night = get(client, f"/services/{directory['night'].id}")[1]
    assert night["cost_options"] == []
    assert {(s["opens_at"], s["closes_at"]) for s in night["schedules"]} == {("00:00", "00:00")}


def test_texts_come_in_the_chosen_language_with_fallback(client, directory):
    url = f"/services/{directory['registration'].id}"
    pl = get(client, url, lang="pl")[1]
    assert pl["name"] == "Registering in the BRP"  # no Polish name: English
    assert pl["eligibility_description"] == "Iedereen die in Zoetermeer woont."  # then Dutch
    assert pl["organization"]["name"] == "Gmina Zoetermeer"
    assert pl["schedules"][0]["notes"] == "W czwartki także wieczorem."
    assert pl["service_at_locations"][0]["location"]["name"] == "Town hall"
    topic = pl["attributes"][0]["taxonomy_term"]
    assert (topic["name"], topic["language"]) == ("Rejestracja i BSN", "pl")
    ro = get(client, url, lang="ro")[1]
    assert ro["name"] == "Înregistrare în BRP"
    assert ro["description"] == "Register with the municipality."
    nl = get(client, url)[1]
    assert nl["name"] == "Inschrijven in de BRP"
    assert "translations" not in nl
    bg = get(client, f"/organizations/{directory['union'].id}", lang="bg")[1]
    assert (bg["name"], bg["description"]) == ("FNV", "Синдикат.")


def test_only_active_services_are_listed(client, directory):
    page = get(client, "/services")[1]
    assert names(page) == ["Inschrijven in de BRP", "Juridisch advies over werk", "Spoedlijn"]
    # Known by id, an inactive service still answers, marked inactive (so copies can follow).
    closed = get(client, f"/services/{directory['closed'].id}")[1]
    assert closed["status"] == "inactive"


def test_list_is_sorted_by_the_name_readers_see(client, directory):
    assert names(get(client, "/services", lang="pl")[1]) == [
        "Porady prawne dotyczące pracy",
        "Registering in the BRP",
        "Spoedlijn",
    ]


def test_pagination(client, directory):
    first = get(client, "/services", per_page=2)[1]
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    second = get(client, "/services", per_page=2, page=2)[1]
    assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)
    assert names(first) + names(second) == names(get(client, "/services")[1])
    beyond = get(client, "/services", per_page=2, page=3)[1]
    assert (beyond["size"], beyond["empty"], beyond["contents"]) == (0, True, [])
    nothing = get(client, "/services", search="no such thing")[1]
    assert (nothing["total_items"], nothing["total_pages"], nothing["empty"]) == (0, 0, True)


def test_filters_and_their_combinations(client, directory):
    def listed(**params):
        return names(get(client, "/services", **params)[1])

    municipality = str(term("type:municipality").id)
    emergency = str(term("type:emergency").id)
    town = str(directory["town"].id)
    union = str(directory["union"].id)
    assert listed(taxonomy_term_id=municipality) == ["Inschrijven in de BRP"]
    assert listed(organization_id=town) == ["Inschrijven in de BRP", "Spoedlijn"]
    assert listed(organization_id=union) == ["Juridisch advies over werk"]  # not the inactive one
    assert listed(organization_id=town, taxonomy_term_id=emergency) == ["Spoedlijn"]
    assert listed(organization_id=union, taxonomy_term_id=emergency) == []
    assert listed(language="pl") == ["Inschrijven in de BRP"]
    assert listed(language="nl") == ["Inschrijven in de BRP", "Juridisch advies over werk"]
    assert listed(language="nl", organization_id=union) == ["Juridisch advies over werk"]
    assert listed(language="de") == []
    # search looks at name and description as shown in the chosen language
    assert listed(search="werkgever") == ["Juridisch advies over werk"]
    assert listed(search="porady") == []
    assert listed(search="porady", lang="pl") == ["Porady prawne dotyczące pracy"]
    assert listed(search="registering", lang="pl") == ["Registering in the BRP"]  # fallback
    assert listed(search="registering") == []
    assert listed(search="nacht", organization_id=town) == ["Spoedlijn"]
    assert listed(search="nacht", language="pl") == []
    # modified_after: on or after
    Service.objects.filter(pk=directory["night"].pk).update(
        last_modified=timezone.now() - timedelta(days=30)
    )
    week_ago = (timezone.now() - timedelta(days=7)).isoformat()
    assert listed(modified_after=week_ago) == [
        "Inschrijven in de BRP",
        "Juridisch advies over werk",
    ]
    assert listed(modified_after=(date.today() - timedelta(days=60)).isoformat()) == [
        "Inschrijven in de BRP",
        "Juridisch advies over werk",
        "Spoedlijn",
    ]
    assert listed(modified_after=week_ago, organization_id=town) == ["Inschrijven in de BRP"]


def test_organizations_and_taxonomy_terms(client, directory):
    page = get(client, "/organizations", lang="en")[1]
    assert [o["name"] for o in page["contents"]] == ["FNV", "Municipality of Zoetermeer"]
    town = get(client, f"/organizations/{directory['town'].id}/")[1]
    assert town["website"] == "https://www.zoetermeer.nl"
    assert {s["name"] for s in town["services"]} == {"Inschrijven in de BRP", "Spoedlijn"}
    terms = get(client, "/taxonomy_terms", per_page=100, lang="bg")[1]
    assert terms["total_items"] == TaxonomyTerm.objects.count()
    housing = next(t for t in terms["contents"] if t["code"] == "topic:housing")
    assert housing["name"] == "Жилище"
    one = get(client, f"/taxonomy_terms/{housing['id']}")[1]
    assert one["name"] == "Wonen"


@pytest.mark.parametrize(
    "path", ["/services", "/services/", "/organizations", "/organizations/", "/taxonomy_terms/"]
)
def test_paths_work_with_and_without_slash(client, path):
    response, data = get(client, path)
    assert response.status_code == 200
    assert "contents" in data


def test_open_data_headers(client, directory):
    for path in ("/services", f"/services/{directory['night'].id}", "/services?page=0", "/x"):
        response = client.get(API + path)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Cache-Control"] == "public, max-age=300"


@pytest.mark.parametrize(
    "path",
    [
        "/services/00000000-0000-4000-8000-000000000000",
        "/services/not-a-uuid",
        "/services/not-a-uuid/",
        "/organizations/00000000-0000-4000-8000-000000000000",
        "/organizations/123",
        "/taxonomy_terms/nope",
        "/no-such-endpoint",
    ],
)
def test_unknown_ids_and_paths_give_a_json_404(client, directory, path):
    response, data = get(client, path)
    assert response.status_code == 404
    assert data["error"]


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "x"},
        {"page": "-1"},
        {"per_page": "0"},
        {"per_page": "101"},
        {"per_page": "ten"},
        {"lang": "de"},
        {"lang": ""},
        {"taxonomy_term_id": "topic:housing"},
        {"organization_id": "42"},
        {"language": "polish"},
        {"modified_after": "yesterday"},
        {"modified_after": "2026-13-45"},
    ],
)
def test_bad_parameters_give_a_json_400(client, directory, params):
    response, data = get(client, "/services", **params)
    assert response.status_code == 400
    assert data["error"]


def test_bad_lang_on_a_detail_page(client, directory):
    response, data = get(client, f"/services/{directory['night'].id}", lang="xx")
    assert response.status_code == 400


def test_a_list_page_takes_a_bounded_number_of_queries(
    client, directory, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        assert get(client, "/services", per_page=100)[1]["size"] == 3
    for index in range(20):
        service = Service.objects.create(
            organisation=directory["town"], name_nl=f"Dienst {index}", description_nl="Test."
        )
        service.categories.set([term("topic:housing")])
        service.locations.set([directory["town_hall"]])
        service.save()
        ServicePhone.objects.create(service=service, number="14 079")
        OpeningHours.objects.create(
            service=service, weekday=1, opens_at=time(9), closes_at=time(12)
        )
    with django_assert_max_num_queries(12):
        assert get(client, "/services", per_page=100)[1]["size"] == 23


def test_export_json_holds_every_language(client, directory):
    response = client.get(f"{API}/export.json")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    services = {s["name"]: s for s in response.json()}
    assert len(services) == 4  # inactive ones too: the export is for keeping copies in step
    registration = services["Inschrijven in de BRP"]
    assert registration["translations"]["ro"] == {"name": "Înregistrare în BRP"}
    assert registration["translations"]["en"]["application_process"] == "Make an appointment."
    assert registration["organization"]["translations"]["pl"] == {"name": "Gmina Zoetermeer"}
    location = registration["service_at_locations"][0]["location"]
    assert location["accessibility"][0]["translations"] == {
        "pl": {"description": "Dostępne dla wózków."}
    }
    assert registration["schedules"][0]["translations"] == {
        "pl": {"notes": "W czwartki także wieczorem."}
    }


def read_zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    tables = {}
    for name in archive.namelist():
        if name.endswith(".csv"):
            text = archive.read(name).decode("utf-8")
            tables[name] = list(csv.DictReader(io.StringIO(text)))
            tables[name + ":header"] = next(csv.reader(io.StringIO(text)))
    return archive, tables


def test_export_zip_has_the_hsds_tabular_files_and_columns(client, directory):
    response = client.get(f"{API}/export.zip", {"lang": "en"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive, tables = read_zip(response.content)
    reference = json.loads((HSDS / "datapackage.json").read_text())
    reference = {r["path"]: r for r in reference["resources"]}
    package = json.loads(archive.read("datapackage.json"))
    expected = {
        "services.csv", "organizations.csv", "locations.csv", "addresses.csv", "phones.csv",
        "schedules.csv", "languages.csv", "service_at_location.csv", "taxonomy_terms.csv",
        "attributes.csv", "cost_options.csv", "accessibility.csv",
    }  # fmt: skip
    assert {r["path"] for r in package["resources"]} == expected
    assert {name for name in archive.namelist() if name.endswith(".csv")} == expected
    for resource in package["resources"]:
        spec = reference[resource["path"]]
        assert resource["name"] == spec["name"]
        fields = [
            (f["name"], f["type"], f.get("format"), f["constraints"]["required"])
            for f in spec["schema"]["fields"]
        ]
        ours = [
            (f["name"], f["type"], f.get("format"), f["constraints"]["required"])
            for f in resource["schema"]["fields"]
        ]
        assert ours == fields, resource["path"]
        assert tables[resource["path"] + ":header"] == [f[0] for f in fields]
    services = {row["name"]: row for row in tables["services.csv"]}
    assert services["Registering in the BRP"]["organization_id"] == str(directory["town"].id)
    assert services["Juridisch advies over werk"]["fees_description"] == "Gratis voor leden."
    assert len(tables["phones.csv"]) == 3
    assert {row["opens_at"] for row in tables["schedules.csv"] if row["opens_at"]} == {
        "09:00:00", "17:30:00", "00:00:00"
    }  # fmt: skip
    assert {row["code"] for row in tables["taxonomy_terms.csv"]} >= {"access:by-appointment"}
    assert len(tables["service_at_location.csv"]) == 2
    assert tables["accessibility.csv"][0]["description"] == "Toegankelijk met rolstoel."


def test_export_zip_rejects_an_unknown_language(client):
    response, data = get(client, "/export.zip", lang="fr")
    assert response.status_code == 400


# Issue 16, item 4: each of these was a server error (an OFFSET beyond 64 bits, a date that
# leaves the years Python can hold once moved to UTC).
@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"page": "99999999999999999999999"}, "page"),
        ({"page": str(2**63)}, "page"),
        ({"page": "1000001"}, "page"),
        ({"modified_after": "0001-01-01"}, "modified_after"),
        ({"modified_after": "9999-12-31T23:59:59-14:00"}, "modified_after"),
        ({"modified_after": "0001-01-01T00:00:00+14:00"}, "modified_after"),
    ],
)
def test_values_beyond_the_databases_range_are_a_json_400(client, params, name):
    for path in ("services/", "organizations/", "taxonomy_terms/"):
        response = client.get(f"{API}/{path}", params)
        if name == "modified_after" and path != "services/":
            continue  # only services filter on it
        assert response.status_code == 400, (path, response.content[:300])
        assert name in response.json()["error"]


def test_the_widest_dates_that_fit_still_filter(client):
    assert client.get(f"{API}/services/", {"modified_after": "0001-01-02"}).status_code == 200
    far = client.get(f"{API}/services/", {"modified_after": "9999-12-30T00:00:00Z"})
    assert far.status_code == 200
    assert far.json()["total_items"] == 0
