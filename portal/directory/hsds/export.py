"""Bulk exports of the whole directory, in the two HSDS forms.

- JSON (`export_json`): every service (active and inactive, so that a copy can be kept in step),
  fully nested, with the `translations` extension: the round-trip form `import_hsds` reads.
  Organisations, locations and categories travel inside the services that use them; ones that no
  service uses are not part of HSDS's service-centred exchange and are left out.
- Tabular (`export_zip`): the CSV files of the HSDS tabular form, named and with the columns of
  HSDS 3.0's datapackage.json, plus a datapackage.json describing them. One language per file
  set (texts with the site's fallback). Times are "HH:MM:SS", the tabular `time` type.
"""

import csv
import io
import json
import zipfile

from ..models import Location, Organisation, TaxonomyTerm
from . import serializers

# resource name: (file name, columns). "*" marks the columns HSDS requires.
TABLES = {
    "organization": (
        "organizations.csv",
        "id* name* alternate_name description* email website tax_status tax_id year_incorporated"
        " legal_status logo uri parent_organization_id",
    ),
    "service": (
        "services.csv",
        "id* organization_id* program_id name* alternate_name description url email status*"
        " interpretation_services application_process fees_description wait_time fees"
        " accreditations eligibility_description minimum_age maximum_age assured_date"
        " assurer_email licenses alert last_modified",
    ),
    "location": (
        "locations.csv",
        "id* location_type* url organization_id name alternate_name description transportation"
        " latitude longitude external_identifier external_identifier_type",
    ),
    "address": (
        "addresses.csv",
        "id* location_id attention address_1* address_2 city* region state_province*"
        " postal_code* country* address_type*",
    ),
    "accessibility": ("accessibility.csv", "id* location_id description details url"),
    "service_at_location": (
        "service_at_location.csv",
        "id* service_id* location_id* description",
    ),
    "phone": (
        "phones.csv",
        "id* location_id service_id organization_id contact_id service_at_location_id number*"
        " extension type description",
    ),
    "schedule": (
        "schedules.csv",
        "id* service_id location_id service_at_location_id valid_from valid_to dtstart timezone"
        " until count wkst freq interval byday byweekno bymonthday byyearday description"
        " opens_at closes_at schedule_link attending_type notes",
    ),
    "language": ("languages.csv", "id* service_id location_id phone_id name code note"),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        "id* code name* description* parent_id taxonomy language taxonomy_id term_uri",
    ),
    "attribute": (
        "attributes.csv",
        "id* link_id* taxonomy_term_id* link_type link_entity* value",
    ),
    "cost_option": (
        "cost_options.csv",
        "id* service_id* valid_from valid_to option currency amount amount_description",
    ),
}
TYPES = {
    **dict.fromkeys(
        [
            "year_incorporated",
            "minimum_age",
            "maximum_age",
            "latitude",
            "longitude",
            "extension",
            "timezone",
            "count",
            "interval",
            "amount",
        ],
        "number",
    ),
    **dict.fromkeys(["assured_date", "valid_from", "valid_to", "dtstart", "until"], "date"),
    "opens_at": "time",
    "closes_at": "time",
    "last_modified": "datetime",
}
FORMATS = {
    **dict.fromkeys(["email", "assurer_email"], "email"),
    **dict.fromkeys(["website", "uri", "url", "schedule_link", "term_uri"], "uri"),
}


def columns(resource):
    return [name.rstrip("*") for name in TABLES[resource][1].split()]


def field_schema(name):
    required = name.endswith("*")
    name = name.rstrip("*")
    field = {"name": name, "type": TYPES.get(name, "string")}
    if name == "id" or (name.endswith("_id") and name != "tax_id"):
        field["format"] = "uuid"
    elif name in FORMATS:
        field["format"] = FORMATS[name]
    field["constraints"] = {"required": required, "unique": name == "id"}
    return field


def datapackage(lang):
    return {
        "name": "win-portaal-zoetermeer-directory",
        "title": "WIN-portaal Zoetermeer: referral directory (Open Referral HSDS 3.0)",
        "profile": "tabular-data-package",
        "version": serializers.HSDS_VERSION,
        "language": lang,
        "resources": [
            {
                "name": resource,
                "path": path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {
                    "primaryKey": "id",
                    "fields": [field_schema(name) for name in spec.split()],
                },
            }
            for resource, (path, spec) in TABLES.items()
        ],
    }


def all_services():
    return serializers.services_queryset().order_by("id")


def export_json(lang="nl"):
    appointment = serializers.appointment_term()
    return [
        serializers.service(svc, lang, translations=True, appointment=appointment)
        for svc in all_services()
    ]


def csv_time(value):
    return f"{value}:00" if value and len(value) == 5 else value


def tabular_rows(lang="nl"):
    """{resource: [row dicts]} for every service, in `lang`."""
    rows = {resource: [] for resource in TABLES}
    appointment = serializers.appointment_term()
    org_ids, location_ids = set(), set()
    for svc in all_services():
        data = serializers.service(svc, lang, appointment=appointment)
        org_ids.add(svc.organisation_id)
        rows["service"].append(data)
        for phone in data["phones"]:
            rows["phone"].append({**phone, "service_id": data["id"]})
        for schedule in data["schedules"]:
            times = {key: csv_time(schedule.get(key)) for key in ("opens_at", "closes_at")}
            rows["schedule"].append({**schedule, **times, "service_id": data["id"]})
        for language in data["languages"]:
            rows["language"].append({**language, "service_id": data["id"]})
        for link in data["service_at_locations"]:
            rows["service_at_location"].append(link)
            location_ids.add(link["location"]["id"])
        rows["attribute"].extend(data["attributes"])
        for option in data["cost_options"]:
            rows["cost_option"].append({**option, "service_id": data["id"]})
    for org in Organisation.objects.filter(id__in=org_ids).order_by("id"):
        rows["organization"].append(serializers.organization(org, lang))
    for loc in Location.objects.filter(id__in=location_ids).order_by("id"):
        data = serializers.location(loc, lang)
        rows["location"].append(data)
        rows["address"].extend(data["addresses"])
        rows["accessibility"].extend(data["accessibility"])
    for term in TaxonomyTerm.objects.order_by("code"):
        rows["taxonomy_term"].append(serializers.taxonomy_term(term, lang))
    return rows


def csv_text(resource, rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(resource), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: ("" if value is None else value) for key, value in row.items()})
    return out.getvalue()


def export_zip(lang="nl"):
    """The tabular form as the bytes of a zip file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for resource, rows in tabular_rows(lang).items():
            archive.writestr(TABLES[resource][0], csv_text(resource, rows))
        package = json.dumps(datapackage(lang), indent=2, ensure_ascii=False)
        archive.writestr("datapackage.json", package)
    return buffer.getvalue()
