"""Import Open Referral HSDS 3.0 data into the directory (`manage.py import_hsds`).

Reads HSDS JSON (a list of services, one service, or a paginated list with `contents`), with the
optional `translations` extension, or the tabular form (a folder of CSV files or a .zip). The
mapping is the one of serializers.py, read backwards; see its docstring.

Three steps, so that bad input never leaves half an import behind:
1. read: every object becomes a dict that remembers where it came from (`_at`: file and row),
2. plan: check everything and build the model instances, collecting one Problem per mistake,
3. write: only when there are no problems, all in one transaction.

Ids decide: an object whose id exists is updated, otherwise created. A service's phones, hours,
closed days and languages are replaced by the input (rows not in it are removed). Texts in the
plain fields go to the import language; when an object carries `translations`, the other languages
are set from it (a text left out becomes empty, so it falls back); without `translations` they are
left as they are. Categories in the input that the database lacks are created; existing ones are
not changed (the vocabulary is maintained in the admin).
"""

import csv
import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import (
    SPOKEN_LANGUAGES,
    ClosedDay,
    Location,
    OpeningHours,
    Organisation,
    Service,
    ServiceLanguage,
    ServicePhone,
    TaxonomyTerm,
)
from . import export, serializers
from .serializers import (
    ACCESSIBILITY_TEXTS,
    BY_APPOINTMENT,
    BYDAY,
    CLOSED_DAY_TEXTS,
    HOURS_NOTE_TEXTS,
    LOCATION_TEXTS,
    ORGANIZATION_TEXTS,
    PHONE_TEXTS,
    SERVICE_TEXTS,
    TERM_TEXTS,
)

SPOKEN_CODES = {code for code, _name in SPOKEN_LANGUAGES}
TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
INACTIVE_STATUSES = {"inactive", "defunct", "temporarily closed"}
MAX_CLOSED_DAYS = 366
CHILD_MODELS = {
    "phones": ServicePhone,
    "opening hours": OpeningHours,
    "closed days": ClosedDay,
    "languages": ServiceLanguage,
}


@dataclass
class Problem:
    file: str
    row: str
    field: str
    message: str

    def __str__(self):
        return f"{self.file}: {self.row}: {self.field}: {self.message}"


class Invalid(Exception):
    """A value that cannot be used; raised by the small parsers below, caught per field."""


@dataclass
class Dataset:
    """What was read: services (with their child rows) and the objects they refer to by id."""

    services: list = field(default_factory=list)
    organizations: dict = field(default_factory=dict)
    locations: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)


# --- 1. reading ---------------------------------------------------------------------------


def read(path):
    path = Path(path)
    if path.is_dir():
        files = {p.name: p.read_bytes() for p in path.iterdir() if p.suffix == ".csv"}
        return read_tabular(files)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            files = {
                Path(name).name: archive.read(name)
                for name in archive.namelist()
                if name.endswith(".csv")
            }
        return read_tabular(files)
    return read_json(path.name, path.read_bytes())


def mark(value, file, row):
    """Give every dict inside `value` its place (`_at`), as a JSON index path."""
    if isinstance(value, dict):
        value["_at"] = (file, row)
        for key, child in value.items():
            if key not in ("_at", "translations"):
                mark(child, file, f"{row}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            mark(child, file, f"{row}[{index}]")


def read_json(name, content):
    data = Dataset()
    try:
        document = json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        data.problems.append(Problem(name, "-", "-", f"not valid JSON: {error}"))
        return data
    except RecursionError:
        data.problems.append(Problem(name, "-", "-", "not valid JSON: nested too deeply"))
        return data
    if isinstance(document, list):
        root, services = "services", document
    elif isinstance(document, dict) and isinstance(document.get("contents"), list):
        root, services = "contents", document["contents"]
    elif isinstance(document, dict):
        root, services = "service", document
    else:
        data.problems.append(Problem(name, "-", "-", "expected a service or a list of them"))
        return data
    mark(services, name, root)
    for index, service in enumerate(services if isinstance(services, list) else [services]):
        if not isinstance(service, dict):
            data.problems.append(Problem(name, f"{root}[{index}]", "-", "not an object"))
            continue
        data.services.append(service)
        collect_nested(service, data)
    return data


def collect_nested(service, data):
    """Register the organisation, locations and terms nested in a JSON service by their id."""
    org = service.get("organization")
    if isinstance(org, dict):
        data.organizations[str(org.get("id"))] = org
        service.setdefault("organization_id", org.get("id"))
    for link in as_list(service.get("service_at_locations")):
        location = link.get("location")
        if isinstance(location, dict):
            data.locations[str(location.get("id"))] = location
            link.setdefault("location_id", location.get("id"))
    for attribute in as_list(service.get("attributes")):
        term = attribute.get("taxonomy_term")
        if isinstance(term, dict):
            data.terms[str(term.get("id"))] = term
            attribute.setdefault("taxonomy_term_id", term.get("id"))


def as_list(value):
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def read_csv(name, content, data):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        data.problems.append(Problem(name, "-", "-", "not UTF-8 text"))
        return []
    rows = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        row = {key: value for key, value in row.items() if key and value not in ("", None)}
        row["_at"] = (name, f"row {number}")
        rows.append(row)
    return rows


def read_tabular(files):
    """Turn the CSV tables into the nested shape the JSON form has."""
    data = Dataset()
    names = {resource: path for resource, (path, _columns) in export.TABLES.items()}
    if "service_at_location.csv" not in files and "service_at_locations.csv" in files:
        names["service_at_location"] = "service_at_locations.csv"
    if names["service"] not in files:
        data.problems.append(Problem(names["service"], "-", "-", "file missing"))
        return data

    def table(resource):
        name = names[resource]
        return read_csv(name, files[name], data) if name in files else []

    services = {}
    for row in table("service"):
        services.setdefault(row.get("id"), row)
        data.services.append(row)
    for row in table("organization"):
        data.organizations[row.get("id")] = row
    for row in table("taxonomy_term"):
        data.terms[row.get("id")] = row
    for row in table("location"):
        row["addresses"], row["accessibility"] = [], []
        data.locations[row.get("id")] = row
    for resource, key in (("address", "addresses"), ("accessibility", "accessibility")):
        for row in table(resource):
            attach(row, "location_id", data.locations, key, data)
    children = [
        ("phone", "service_id", "phones"),
        ("schedule", "service_id", "schedules"),
        ("language", "service_id", "languages"),
        ("cost_option", "service_id", "cost_options"),
        ("service_at_location", "service_id", "service_at_locations"),
        ("attribute", "link_id", "attributes"),
    ]
    for resource, link, key in children:
        for row in table(resource):
            if resource == "attribute" and row.get("link_entity", "service") != "service":
                continue  # attributes of organisations or locations: we keep none
            attach(row, link, services, key, data)
    return data


def attach(row, link, parents, key, data):
    """Add a child row to its parent's list; rows linked to nothing we store are skipped."""
    parent_id = row.get(link)
    if parent_id is None:
        return
    parent = parents.get(parent_id)
    if parent is None:
        file, where = row["_at"]
        data.problems.append(Problem(file, where, link, f"unknown reference {parent_id!r}"))
        return
    parent.setdefault(key, []).append(row)


# --- 2. checking and planning -------------------------------------------------------------


def parse_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Invalid(f"not a valid UUID: {value!r}") from None


def parse_time(value):
    match = TIME.match(str(value).strip())
    try:
        if not match:
            raise ValueError
        return time(*(int(part or 0) for part in match.groups()))
    except ValueError:
        raise Invalid(f"not a valid time (HH:MM): {value!r}") from None


def parse_date(value):
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise Invalid(f"not a valid date (YYYY-MM-DD): {value!r}") from None


def parse_coordinate(value):
    try:
        return Decimal(str(value)).quantize(Decimal("0.000001"))
    except InvalidOperation:
        raise Invalid(f"not a number: {value!r}") from None


def existing_or_new(model, row_uuid):
    """The stored row (so languages not in the input keep their texts) or a new one."""
    return model.objects.filter(uuid=row_uuid).first() or model(uuid=row_uuid)


class Planner:
    """Checks a Dataset and builds unsaved model instances, collecting every problem."""

    def __init__(self, data, lang):
        self.data = data
        self.lang = lang
        self.others = [code for code in serializers.language_codes() if code != lang]
        self.problems = list(data.problems)
        self.child_ids = {}
        self.terms = {}  # id → TaxonomyTerm (existing or new)
        self.new_terms = []
        self.organisations = {}
        self.locations = {}
        self.services = []  # (Service, categories, locations, {kind: [rows]})

    def problem(self, node, field_name, message):
        file, row = node.get("_at", ("-", "-")) if isinstance(node, dict) else ("-", "-")
        self.problems.append(Problem(file, row, field_name, str(message)))

    def required(self, node, *keys):
        missing = [key for key in keys if node.get(key) in (None, "", [], {})]
        for key in missing:
            self.problem(node, key, "required field is missing")
        return not missing

    def text(self, node, key):
        value = node.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(node, key, "must be text")
            return ""
        return value

    def get_uuid(self, node, key="id"):
        try:
            return parse_uuid(node[key])
        except Invalid as error:
            self.problem(node, key, error)
            return None

    # texts ---------------------------------------------------------------------------------

    def translations(self, node, keys, report=True):
        """{code: {hsds key: text}} of `node`'s translations, checked; None when it has none.
        `report=False` when the same translations were checked already."""
        given = node.get("translations")
        if given is None:
            return None
        problems = []
        result = {}
        if not isinstance(given, dict):
            problems.append(("translations", "must be an object of languages"))
            given = {}
        for code, texts in given.items():
            where = f"translations.{code}"
            if code == self.lang:
                problems.append((where, f"the plain fields already hold {self.lang}"))
            elif code not in self.others:
                problems.append((where, "unknown language code"))
            elif not isinstance(texts, dict):
                problems.append((where, "must be an object of texts"))
            else:
                result[code] = {}
                for key, value in texts.items():
                    if key not in keys:
                        problems.append((f"{where}.{key}", "not a translated field here"))
                    elif value is not None and not isinstance(value, str):
                        problems.append((f"{where}.{key}", "must be text"))
                    else:
                        result[code][key] = value or None
        for where, message in problems if report else []:
            self.problem(node, where, message)
        return result

    def set_texts(self, instance, node, fields, places, report=True):
        """Put the texts of `node` (HSDS key → model field in `fields`) on `instance`."""
        for key, model_field in fields.items():
            setattr(instance, f"{model_field}_{self.lang}", self.text(node, key))
            places[f"{model_field}_{self.lang}"] = (node, key)
            places[model_field] = (node, key)
        given = self.translations(node, fields, report)
        if given is None:
            return
        for code in self.others:
            for key, model_field in fields.items():
                setattr(instance, f"{model_field}_{code}", given.get(code, {}).get(key))
                places[f"{model_field}_{code}"] = (node, f"translations.{code}.{key}")

    def validate(self, instance, node, places, exclude=()):
        """Run the model's own validation (field validators, clean()) and report per field."""
        try:
            instance.full_clean(exclude=list(exclude), validate_unique=False)
        except ValidationError as error:
            seen = set()
            for model_field, messages in error.message_dict.items():
                where, key = places.get(model_field, (node, model_field))
                if key == "__all__":
                    key = "-"
                for message in messages:
                    if (id(where), key, message) not in seen:
                        seen.add((id(where), key, message))
                        self.problem(where, key, message)

    # the referred objects ------------------------------------------------------------------

    def plan(self):
        data = self.data
        existing_terms = TaxonomyTerm.objects.in_bulk()
        self.terms = {str(term_id): term for term_id, term in existing_terms.items()}
        codes = {term.code: term for term in existing_terms.values()}
        for node in data.terms.values():
            self.plan_term(node, codes)
        for node in data.organizations.values():
            self.plan_organisation(node)
        for node in data.locations.values():
            self.plan_location(node)
        seen = {}
        for node in data.services:
            service_id = node.get("id")
            if service_id in seen:
                self.problem(node, "id", f"used twice (also at {seen[service_id]})")
                continue
            seen[service_id] = node["_at"][1]
            self.plan_service(node)
        return not self.problems

    def plan_term(self, node, codes):
        if not self.required(node, "id") or not (term_id := self.get_uuid(node)):
            return
        if str(term_id) in self.terms:
            return  # existing categories are kept as they are
        if not self.required(node, "code", "name"):
            return
        code = self.text(node, "code")
        if code in codes:
            self.problem(node, "code", f"{code!r} already belongs to category {codes[code].id}")
            return
        term = TaxonomyTerm(id=term_id, code=code)
        places = {}
        self.set_texts(term, node, TERM_TEXTS, places)
        self.validate(term, node, places)
        self.terms[str(term_id)] = term
        codes[code] = term
        self.new_terms.append(term)

    def plan_organisation(self, node):
        if not self.required(node, "id", "name", "description"):
            return
        if not (org_id := self.get_uuid(node)):
            return
        org = Organisation.objects.filter(id=org_id).first() or Organisation(id=org_id)
        org.website = self.text(node, "website")
        org.email = self.text(node, "email")
        places = {}
        self.set_texts(org, node, ORGANIZATION_TEXTS, places)
        self.validate(org, node, places)
        self.organisations[str(org_id)] = org

    def plan_location(self, node):
        if not self.required(node, "id") or not (location_id := self.get_uuid(node)):
            return
        location = Location.objects.filter(id=location_id).first() or Location(id=location_id)
        places = {}
        self.set_texts(location, node, LOCATION_TEXTS, places)
        location.latitude = location.longitude = None
        for key in ("latitude", "longitude"):
            if node.get(key) not in (None, ""):
                try:
                    setattr(location, key, parse_coordinate(node[key]))
                except Invalid as error:
                    self.problem(node, key, error)
            places[key] = (node, key)
        places["__all__"] = (node, "latitude")
        addresses = as_list(node.get("addresses"))
        physical = [a for a in addresses if a.get("address_type", "physical") == "physical"]
        address = (physical or addresses or [None])[0]
        if address:
            if address.get("id") and (uid := self.get_uuid(address)):
                location.address_uuid = uid
            location.address_1 = self.text(address, "address_1")
            location.postal_code = self.text(address, "postal_code")
            location.city = self.text(address, "city")
            location.region = self.text(address, "state_province") or self.text(address, "region")
            location.country = self.text(address, "country") or "NL"
            for key, model_field in (
                ("address_1", "address_1"),
                ("postal_code", "postal_code"),
                ("city", "city"),
                ("state_province", "region"),
                ("country", "country"),
            ):
                places[model_field] = (address, key)
        accessibility = (as_list(node.get("accessibility")) or [None])[0]
        if accessibility:
            if accessibility.get("id") and (uid := self.get_uuid(accessibility)):
                location.accessibility_uuid = uid
            self.set_texts(location, accessibility, ACCESSIBILITY_TEXTS, places)
        else:  # no accessibility: none in this language (and none in any, with translations)
            codes = serializers.language_codes() if "translations" in node else [self.lang]
            for code in codes:
                setattr(location, f"accessibility_{code}", None)
        self.validate(location, node, places)
        self.locations[str(location_id)] = location

    # services ------------------------------------------------------------------------------

    def plan_service(self, node):
        if not self.required(node, "id", "name", "description"):
            return
        if not self.required(node, "organization_id"):
            return
        service_id = self.get_uuid(node)
        org_id = self.get_uuid(node, "organization_id")
        if not service_id or not org_id:
            return
        service = Service.objects.filter(id=service_id).first() or Service(id=service_id)
        if str(org_id) in self.organisations:
            service.organisation = self.organisations[str(org_id)]
        elif Organisation.objects.filter(id=org_id).exists():
            service.organisation_id = org_id
        elif str(org_id) not in self.data.organizations:  # else: already reported there
            self.problem(node, "organization_id", f"unknown reference {str(org_id)!r}")
        places = {"organisation": (node, "organization_id")}
        self.set_texts(service, node, SERVICE_TEXTS, places)
        service.url = self.text(node, "url")
        service.email = self.text(node, "email")
        status = self.text(node, "status") or "active"
        if status not in INACTIVE_STATUSES | {"active"}:
            self.problem(node, "status", f"unknown status {status!r}")
        service.status = "active" if status == "active" else "inactive"
        service.cost = self.cost(node)
        categories, service.by_appointment_only = self.categories(node)
        locations = self.service_locations(node)
        rows = {
            "phones": self.phones(node),
            "languages": self.languages(node),
            **self.schedules(node, service, places),
        }
        self.validate(service, node, places, exclude=["organisation"])
        self.services.append((service, categories, locations, rows))

    def cost(self, node):
        options = as_list(node.get("cost_options"))
        if not options:
            return Service.Cost.UNKNOWN
        for option in options:
            amount = option.get("amount")
            free = str(option.get("option", "")).strip().lower() == "free"
            if not free and str(amount) not in ("0", "0.0", "0.00"):
                return Service.Cost.PAID
        return Service.Cost.FREE

    def categories(self, node):
        terms, by_appointment = [], False
        for attribute in as_list(node.get("attributes")):
            if not self.required(attribute, "taxonomy_term_id"):
                continue
            term_id = self.get_uuid(attribute, "taxonomy_term_id")
            term = self.terms.get(str(term_id)) if term_id else None
            if term_id and term is None and str(term_id) not in self.data.terms:
                self.problem(attribute, "taxonomy_term_id", f"unknown reference {str(term_id)!r}")
            if term is None:
                continue
            if term.code == BY_APPOINTMENT:
                by_appointment = True
            elif term not in terms:
                terms.append(term)
        return terms, by_appointment

    def service_locations(self, node):
        locations = []
        for link in as_list(node.get("service_at_locations")):
            if not self.required(link, "location_id"):
                continue
            if not (location_id := self.get_uuid(link, "location_id")):
                continue
            location = self.locations.get(str(location_id))
            if location is None:
                location = Location.objects.filter(id=location_id).first()
            if location is None and str(location_id) not in self.data.locations:
                self.problem(link, "location_id", f"unknown reference {str(location_id)!r}")
            if location is not None and location not in locations:
                locations.append(location)
        return locations

    def child_id(self, node, kind):
        if not self.required(node, "id") or not (child_id := self.get_uuid(node)):
            return None
        where = self.child_ids.setdefault((kind, child_id), node["_at"])
        if where != node["_at"]:
            self.problem(node, "id", f"used twice (also at {where[0]}: {where[1]})")
            return None
        return child_id

    def phones(self, node):
        rows = []
        for phone in as_list(node.get("phones")):
            child_id = self.child_id(phone, "phone")
            if not self.required(phone, "number") or not child_id:
                continue
            row = existing_or_new(ServicePhone, child_id)
            row.number = self.text(phone, "number")
            places = {"number": (phone, "number")}
            self.set_texts(row, phone, PHONE_TEXTS, places)
            self.validate(row, phone, places, exclude=["service"])
            rows.append(row)
        return rows

    def languages(self, node):
        rows, codes = [], set()
        for language in as_list(node.get("languages")):
            child_id = self.child_id(language, "language")
            if not self.required(language, "code") or not child_id:
                continue
            code = self.text(language, "code").strip().lower()
            if code not in SPOKEN_CODES:
                self.problem(language, "code", f"unknown language code {code!r} (ISO 639-1)")
            elif code in codes:
                self.problem(language, "code", f"language {code!r} listed twice")
            else:
                codes.add(code)
                rows.append(ServiceLanguage(uuid=child_id, code=code))
        return rows

    def schedules(self, node, service, places):
        """Weekly hours, closed days and the hours note, from the service's schedules."""
        hours, closed = [], []
        notes = {}  # language → the first note found
        translated = "translations" in node
        for schedule in as_list(node.get("schedules")):
            schedule_id = self.child_id(schedule, "schedule")
            if not schedule_id:
                continue
            note_texts = {self.lang: self.text(schedule, "notes") or None}
            given = self.translations(schedule, {**HOURS_NOTE_TEXTS, **CLOSED_DAY_TEXTS})
            if given is not None:
                translated = True
                for code, texts in given.items():
                    note_texts[code] = texts.get("notes")
            for code, text in note_texts.items():
                if text and code not in notes:
                    notes[code] = text
                    places[f"hours_note_{code}"] = (schedule, "notes")
            if any(schedule.get(key) for key in ("byday", "opens_at", "closes_at", "freq")):
                hours += self.weekly_hours(schedule, schedule_id)
            elif schedule.get("valid_from") or schedule.get("valid_to"):
                closed += self.closed_days(schedule, schedule_id)
        setattr(service, f"hours_note_{self.lang}", notes.get(self.lang, ""))
        if translated:
            for code in self.others:
                setattr(service, f"hours_note_{code}", notes.get(code))
        return {"opening hours": hours, "closed days": closed}

    def weekly_hours(self, schedule, schedule_id):
        freq = self.text(schedule, "freq") or "WEEKLY"
        if freq != "WEEKLY":
            self.problem(schedule, "freq", f"only WEEKLY opening hours are supported, not {freq}")
            return []
        if not self.required(schedule, "byday", "opens_at", "closes_at"):
            return []
        days = [day.strip().upper() for day in self.text(schedule, "byday").split(",")]
        unknown = [day for day in days if day not in BYDAY]
        if unknown:
            self.problem(schedule, "byday", f"unknown day(s) {', '.join(unknown)}; use MO…SU")
            return []
        times = {}
        for key in ("opens_at", "closes_at"):
            try:
                times[key] = parse_time(schedule[key])
            except Invalid as error:
                self.problem(schedule, key, error)
        if len(times) < 2:
            return []
        rows = []
        for index, day in enumerate(dict.fromkeys(days)):
            row_id = schedule_id if index == 0 else uuid.uuid5(schedule_id, day)
            row = OpeningHours(uuid=row_id, weekday=BYDAY.index(day), **times)
            places = {key: (schedule, key) for key in ("opens_at", "closes_at")}
            self.validate(row, schedule, places, exclude=["service"])
            rows.append(row)
        return rows

    def closed_days(self, schedule, schedule_id):
        try:
            first = parse_date(schedule.get("valid_from") or schedule["valid_to"])
            last = parse_date(schedule.get("valid_to") or schedule["valid_from"])
        except Invalid as error:
            self.problem(schedule, "valid_from", error)
            return []
        if not 0 <= (last - first).days < MAX_CLOSED_DAYS:
            self.problem(schedule, "valid_to", "must be on or after valid_from, within a year")
            return []
        rows = []
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            row_id = schedule_id if offset == 0 else uuid.uuid5(schedule_id, day.isoformat())
            row = existing_or_new(ClosedDay, row_id)
            row.date = day
            places = {}
            self.set_texts(row, schedule, CLOSED_DAY_TEXTS, places, report=False)
            self.validate(row, schedule, places, exclude=["service"])
            rows.append(row)
        return rows


# --- 3. writing ---------------------------------------------------------------------------


@dataclass
class Summary:
    counts: dict = field(default_factory=dict)

    def add(self, kind, outcome, number=1):
        self.counts.setdefault(kind, {"created": 0, "updated": 0, "removed": 0})
        self.counts[kind][outcome] += number


def save(instance, kind, summary):
    created = instance._state.adding
    instance.save()
    summary.add(kind, "created" if created else "updated")


def write(planner, progress=None):
    summary = Summary()
    with transaction.atomic():
        for term in planner.new_terms:
            save(term, "categories", summary)
        for org in planner.organisations.values():
            save(org, "organisations", summary)
        for location in planner.locations.values():
            save(location, "locations", summary)
        total = len(planner.services)
        for done, (service, categories, locations, rows) in enumerate(planner.services, 1):
            write_service(service, categories, locations, rows, summary)
            if progress:
                progress(done, total, service.id)
    return summary


def write_service(service, categories, locations, rows, summary):
    if service.organisation_id is None:
        service.organisation_id = service.organisation.id
    service.categories.set(categories)
    service.locations.set(locations)
    save(service, "services", summary)
    for kind, model in CHILD_MODELS.items():
        keep = [row.uuid for row in rows[kind]]
        removed, _by_model = model.objects.filter(service=service).exclude(uuid__in=keep).delete()
        if removed:
            summary.add(kind, "removed", removed)
        existing = dict(model.objects.filter(uuid__in=keep).values_list("uuid", "pk"))
        for order, row in enumerate(rows[kind]):
            row.service = service
            row.sort_order = order
            if row.uuid in existing:  # update that row (it may even move from another service)
                row.pk = existing[row.uuid]
                row._state.adding = False
            save(row, kind, summary)


def import_path(path, lang="nl", progress=None):
    """Read, check and (when all is well) write. Returns (problems, summary or None)."""
    planner = Planner(read(path), lang)
    if not planner.plan():
        return planner.problems, None
    return [], write(planner, progress)
