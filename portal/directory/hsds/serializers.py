"""The directory as Open Referral HSDS 3.0 objects (plain dicts, ready for JSON).

Every function takes `lang`: the language of the texts. By default a text that is missing in
`lang` falls back as on the site (English, then Dutch). With `translations=True` the plain fields
hold exactly what is stored for `lang` (no fallback) and an extra property `translations` holds
the other languages ({"en": {"name": …}, …}, empty texts left out): the round-trip form that
`import_hsds` reads back (see content/directory/README.md).

Mapping decisions (our model → HSDS):
- Ids: objects with their own row use their id; child rows (phones, opening hours, closed days,
  languages) their `uuid`. A location's address and accessibility use `address_uuid` and
  `accessibility_uuid`. Objects we do not store as rows (service_at_location, attribute,
  cost_option, the hours note schedule) get a uuid5 derived from what they link, so they keep
  their id from one export to the next.
- OpeningHours: one schedule per row (freq WEEKLY, byday MO…SU, opens_at/closes_at "HH:MM").
  One row per schedule keeps every row's uuid through a round trip; the importer also accepts
  schedules with several days.
- ClosedDay: a schedule with valid_from = valid_to = the date, no times, description = note.
- hours_note ("evenings and weekends"): the `notes` of every weekly schedule, since HSDS keeps
  notes on opening hours there. A service with a note but no hours gets one schedule with only
  `notes`, so the note is never lost and no hours are invented. (`alert` is for short-term
  news, so we do not use it.)
- by_appointment_only: an attribute with the taxonomy term "access:by-appointment"; categories are
  attributes with their taxonomy term.
- cost: free → cost_option "free" (amount 0, EUR), paid → "paid" (EUR), unknown → none;
  cost_note → fees_description, how_to_apply → application_process, eligibility →
  eligibility_description.
- languages: ISO 639-1 code and the language's own name (Django's LANG_INFO name_local).
- Empty url/email/website are left out: HSDS gives them the uri/email formats.
"""

import uuid

from django.conf import settings
from django.conf.locale import LANG_INFO
from modeltranslation.utils import resolution_order

from ..models import Service, TaxonomyTerm

HSDS_VERSION = "3.0.0"
BY_APPOINTMENT = "access:by-appointment"
DERIVED_IDS = uuid.UUID("b0c1d8c2-7a55-4a8e-9a6e-2f0f1d4c9e31")
BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# HSDS field → model field, for the texts that are translated.
ORGANIZATION_TEXTS = {"name": "name", "description": "description"}
SERVICE_TEXTS = {
    "name": "name",
    "description": "description",
    "application_process": "how_to_apply",
    "eligibility_description": "eligibility",
    "fees_description": "cost_note",
}
TERM_TEXTS = {"name": "name", "description": "description"}
PHONE_TEXTS = {"description": "description"}
CLOSED_DAY_TEXTS = {"description": "note"}
HOURS_NOTE_TEXTS = {"notes": "hours_note"}
LOCATION_TEXTS = {"name": "name"}
ACCESSIBILITY_TEXTS = {"description": "accessibility"}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def derived_id(*parts):
    return str(uuid.uuid5(DERIVED_IDS, "/".join(str(part) for part in parts)))


def stored(obj, field, lang):
    return getattr(obj, f"{field}_{lang}") or ""


def shown(obj, field, lang):
    """The text as a reader of `lang` sees it: the first language in the fallback order that
    has it (the same order as reading `obj.field` with `lang` active)."""
    for code in resolution_order(lang):
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value
    return ""


def add_texts(data, obj, fields, lang, translations):
    """Put the texts of `obj` into `data`: in `lang`, and the others under `translations`."""
    if not translations:
        data.update({key: shown(obj, field, lang) for key, field in fields.items()})
        return data
    data.update({key: stored(obj, field, lang) for key, field in fields.items()})
    others = {}
    for code in language_codes():
        if code == lang:
            continue
        texts = {key: stored(obj, field, code) for key, field in fields.items()}
        texts = {key: value for key, value in texts.items() if value}
        if texts:
            others[code] = texts
    if others:
        data["translations"] = others
    return data


def has_text(obj, field, lang, translations):
    if translations:
        return any(stored(obj, field, code) for code in language_codes())
    return bool(shown(obj, field, lang))


def put(data, key, value):
    """Leave out empty optional values (HSDS gives url and email a format "" does not meet)."""
    if value not in ("", None):
        data[key] = value


def taxonomy_term(term, lang="nl", translations=False):
    data = {"id": str(term.id), "code": term.code}
    add_texts(data, term, TERM_TEXTS, lang, translations)
    data["taxonomy"] = term.vocabulary
    data["language"] = lang
    return data


def organization(org, lang="nl", translations=False):
    data = {"id": str(org.id)}
    add_texts(data, org, ORGANIZATION_TEXTS, lang, translations)
    put(data, "website", org.website)
    put(data, "email", org.email)
    return data


def phone(row, lang="nl", translations=False):
    data = {"id": str(row.uuid), "number": row.number}
    return add_texts(data, row, PHONE_TEXTS, lang, translations)


def spoken_language(row):
    name = LANG_INFO.get(row.code, {}).get("name_local", row.code)
    return {"id": str(row.uuid), "code": row.code, "name": name}


def schedules(service, lang="nl", translations=False):
    rows = []
    note = add_texts({}, service, HOURS_NOTE_TEXTS, lang, translations)
    if not note["notes"] and "translations" not in note:
        note = {}
    for hours in service.opening_hours.all():
        rows.append(
            {
                "id": str(hours.uuid),
                "freq": "WEEKLY",
                "byday": BYDAY[hours.weekday],
                "opens_at": f"{hours.opens_at:%H:%M}",
                "closes_at": f"{hours.closes_at:%H:%M}",
                **note,
            }
        )
    if note and not rows:
        rows.append({"id": derived_id(service.id, "hours-note"), **note})
    for day in service.closed_days.all():
        data = {
            "id": str(day.uuid),
            "valid_from": day.date.isoformat(),
            "valid_to": day.date.isoformat(),
        }
        rows.append(add_texts(data, day, CLOSED_DAY_TEXTS, lang, translations))
    return rows


def location(loc, lang="nl", translations=False):
    data = {"id": str(loc.id), "location_type": "physical"}
    add_texts(data, loc, LOCATION_TEXTS, lang, translations)
    if loc.latitude is not None:
        data["latitude"] = float(loc.latitude)
        data["longitude"] = float(loc.longitude)
    data["addresses"] = []
    if loc.address_1 or loc.city or loc.postal_code:
        data["addresses"].append(
            {
                "id": str(loc.address_uuid),
                "location_id": str(loc.id),
                "address_1": loc.address_1,
                "city": loc.city,
                "state_province": loc.region,
                "postal_code": loc.postal_code,
                "country": loc.country,
                "address_type": "physical",
            }
        )
    data["accessibility"] = []
    if has_text(loc, "accessibility", lang, translations):
        access = {"id": str(loc.accessibility_uuid), "location_id": str(loc.id)}
        data["accessibility"].append(
            add_texts(access, loc, ACCESSIBILITY_TEXTS, lang, translations)
        )
    return data


def attribute(service, term, lang="nl", translations=False):
    return {
        "id": derived_id(service.id, "attribute", term.id),
        "link_id": str(service.id),
        "link_entity": "service",
        "taxonomy_term_id": str(term.id),
        "taxonomy_term": taxonomy_term(term, lang, translations),
    }


def cost_options(service):
    if service.cost == Service.Cost.UNKNOWN:
        return []
    data = {"id": derived_id(service.id, "cost"), "option": service.cost, "currency": "EUR"}
    if service.cost == Service.Cost.FREE:
        data["amount"] = 0
    return [data]


def appointment_term():
    """The term for "by appointment only" (made by migration 0002; None if an editor removed
    it, in which case the flag cannot be expressed)."""
    return TaxonomyTerm.objects.filter(code=BY_APPOINTMENT).first()


def service(svc, lang="nl", translations=False, appointment=None):
    """One service, fully nested. Pass `appointment` (see appointment_term) when serializing
    many services, to look the term up once."""
    if appointment is None and svc.by_appointment_only:
        appointment = appointment_term()
    data = {"id": str(svc.id), "organization_id": str(svc.organisation_id)}
    add_texts(data, svc, SERVICE_TEXTS, lang, translations)
    put(data, "url", svc.url)
    put(data, "email", svc.email)
    data["status"] = svc.status
    data["last_modified"] = svc.last_modified.isoformat()
    data["organization"] = organization(svc.organisation, lang, translations)
    data["phones"] = [phone(row, lang, translations) for row in svc.phones.all()]
    data["schedules"] = schedules(svc, lang, translations)
    data["languages"] = [spoken_language(row) for row in svc.languages.all()]
    data["service_at_locations"] = [
        {
            "id": derived_id(svc.id, "location", loc.id),
            "service_id": str(svc.id),
            "location_id": str(loc.id),
            "location": location(loc, lang, translations),
        }
        for loc in svc.locations.all()
    ]
    terms = sorted(svc.categories.all(), key=lambda term: term.code)
    if svc.by_appointment_only and appointment is not None:
        terms = [term for term in terms if term.code != BY_APPOINTMENT] + [appointment]
    data["attributes"] = [attribute(svc, term, lang, translations) for term in terms]
    data["cost_options"] = cost_options(svc)
    if "translations" in data:
        data["translations"] = data.pop("translations")  # last, after the nested objects
    return data


def services_queryset():
    """Services with everything `service()` reads, in a fixed number of queries."""
    return Service.objects.select_related("organisation").prefetch_related(
        "phones", "languages", "opening_hours", "closed_days", "locations", "categories"
    )
