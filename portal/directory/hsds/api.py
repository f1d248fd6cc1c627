"""The read-only HSDS 3.0 API (the shape of HSDA, Open Referral's API description).

Open data: anyone may read it, from any site (CORS *), and shared caches may keep it for five
minutes. Texts come in `?lang=` (default Dutch) with the site's fallback. Lists are paginated as
HSDS describes (`page`, `per_page`); only active services are listed. Every error is a JSON
object {"error": "…"} with status 400 or 404, never an HTML page or a 500.
"""

import math
import uuid
from datetime import UTC, datetime, time
from functools import wraps

from django.db.models import Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_safe
from modeltranslation.utils import resolution_order

from ..models import SPOKEN_LANGUAGES, Organisation, Service, TaxonomyTerm
from . import export, serializers

PROFILE_URL = "https://docs.openreferral.org/en/v3.0/"
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
# Far beyond any directory, and (page × per_page) stays inside the databases' 64-bit OFFSET.
MAX_PAGE = 1_000_000
CACHE_SECONDS = 300
SPOKEN_CODES = {code for code, _name in SPOKEN_LANGUAGES}


class BadRequest(Exception):
    status = 400


class NotFound(Exception):
    status = 404


def open_data(view):
    """GET/HEAD only; picks `lang`; turns our errors into JSON; adds the open-data headers."""

    @require_safe
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            lang = request.GET.get("lang", "nl")
            if lang not in serializers.language_codes():
                raise BadRequest(
                    f"Unknown lang {lang!r}; use one of "
                    + ", ".join(serializers.language_codes())
                    + "."
                )
            response = view(request, lang, *args, **kwargs)
        except (BadRequest, NotFound) as error:
            response = JsonResponse({"error": str(error)}, status=error.status)
        # LocaleMiddleware turns a 404 outside /nl/… into a redirect to /nl/… when the page
        # patterns would match there (Wagtail's catch-all always does). Our URLs carry no
        # language, so point it at our own, language-free patterns: a 404 stays a JSON 404.
        request.urlconf = __package__ + ".urls"
        if lang in serializers.language_codes():
            # Never echo an unknown value into a header (a newline in it was a server error).
            response["Content-Language"] = lang
        response["Access-Control-Allow-Origin"] = "*"
        response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
        return response

    return wrapper


def json(data):
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


def positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {raw!r}.") from None
    if value < 1 or (maximum is not None and value > maximum):
        limit = f"between 1 and {maximum}" if maximum else "1 or more"
        raise BadRequest(f"{name} must be {limit}, not {value}.")
    return value


def uuid_param(request, name):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a UUID, not {raw!r}.") from None


def datetime_param(request, name):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    try:
        value = parse_datetime(raw)
        if value is None and (day := parse_date(raw)):
            value = datetime.combine(day, time.min)
    except ValueError:
        value = None
    if value is None:
        raise BadRequest(f"{name} must be an ISO 8601 date or date-time, not {raw!r}.")
    try:
        if timezone.is_naive(value):
            value = timezone.make_aware(value)  # the site's time zone, Europe/Amsterdam
        # Databases compare in UTC; 0001-01-01 in Amsterdam or 9999-12-31 at -14:00 is outside
        # the years Python (and the databases) can hold once it is moved there.
        return value.astimezone(UTC)
    except OverflowError:
        raise BadRequest(
            f"{name} must be a date-time between the years 1 and 9999 in UTC, not {raw!r}."
        ) from None


def shown(field, lang):
    """The text a reader of `lang` sees, as an SQL expression (the fallback, in the database)."""
    text = TextField()
    columns = [
        NullIf(f"{field}_{code}", Value(""), output_field=text) for code in resolution_order(lang)
    ]
    return Coalesce(*columns, Value(""), output_field=text)


def paginate(request, queryset, serialize):
    page = positive_int(request, "page", 1, MAX_PAGE)
    per_page = positive_int(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    total = queryset.count()
    start = (page - 1) * per_page
    contents = [serialize(obj) for obj in queryset[start : start + per_page]] if total else []
    total_pages = math.ceil(total / per_page)
    return json(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def get_or_404(queryset, raw_id, kind):
    try:
        return queryset.get(id=uuid.UUID(str(raw_id)))
    except (ValueError, queryset.model.DoesNotExist):
        raise NotFound(f"No {kind} with id {raw_id!r}.") from None


@open_data
def index(request, lang):
    base = request.build_absolute_uri("/api/hsds/")
    return json(
        {
            "version": serializers.HSDS_VERSION,
            "profile": PROFILE_URL,
            "endpoints": [
                base + name
                for name in (
                    "services",
                    "services/{id}",
                    "organizations",
                    "organizations/{id}",
                    "taxonomy_terms",
                    "taxonomy_terms/{id}",
                    "export.json",
                    "export.zip",
                )
            ],
            "languages": serializers.language_codes(),
        }
    )


@open_data
def service_list(request, lang):
    services = serializers.services_queryset().filter(status=Service.Status.ACTIVE)
    if term_id := uuid_param(request, "taxonomy_term_id"):
        services = services.filter(categories__id=term_id)
    if org_id := uuid_param(request, "organization_id"):
        services = services.filter(organisation_id=org_id)
    if search := request.GET.get("search", "").strip():
        services = services.annotate(
            shown_name=shown("name", lang), shown_description=shown("description", lang)
        ).filter(Q(shown_name__icontains=search) | Q(shown_description__icontains=search))
    if code := request.GET.get("language"):
        if code not in SPOKEN_CODES:
            raise BadRequest(f"language must be an ISO 639-1 code such as pl, not {code!r}.")
        services = services.filter(languages__code=code)
    if since := datetime_param(request, "modified_after"):
        services = services.filter(last_modified__gte=since)
    services = (
        services.distinct().annotate(sort_name=shown("name", lang)).order_by("sort_name", "id")
    )
    appointment = serializers.appointment_term()
    return paginate(
        request, services, lambda svc: serializers.service(svc, lang, appointment=appointment)
    )


@open_data
def service_detail(request, lang, object_id):
    svc = get_or_404(serializers.services_queryset(), object_id, "service")
    return json(serializers.service(svc, lang))


@open_data
def organization_list(request, lang):
    orgs = Organisation.objects.all()
    if search := request.GET.get("search", "").strip():
        orgs = orgs.annotate(shown_name=shown("name", lang)).filter(shown_name__icontains=search)
    orgs = orgs.annotate(sort_name=shown("name", lang)).order_by("sort_name", "id")
    return paginate(request, orgs, lambda org: serializers.organization(org, lang))


@open_data
def organization_detail(request, lang, object_id):
    org = get_or_404(Organisation.objects.all(), object_id, "organization")
    data = serializers.organization(org, lang)
    services = org.services.filter(status=Service.Status.ACTIVE)
    data["services"] = [
        {"id": str(svc.id), "name": serializers.shown(svc, "name", lang)}
        for svc in services.order_by("id")
    ]
    return json(data)


@open_data
def taxonomy_term_list(request, lang):
    terms = TaxonomyTerm.objects.order_by("code")
    return paginate(request, terms, lambda term: serializers.taxonomy_term(term, lang))


@open_data
def taxonomy_term_detail(request, lang, object_id):
    term = get_or_404(TaxonomyTerm.objects.all(), object_id, "taxonomy_term")
    return json(serializers.taxonomy_term(term, lang))


@open_data
def export_json(request, lang):
    """Every service with every language: the round-trip form (plain fields in `lang`)."""
    response = json(export.export_json(lang))
    response["Content-Disposition"] = 'inline; filename="hsds-services.json"'
    return response


@open_data
def export_zip(request, lang):
    response = HttpResponse(export.export_zip(lang), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="hsds-{lang}.zip"'
    return response


@open_data
def not_found(request, lang, path):
    raise NotFound(f"No endpoint /api/hsds/{path}; see /api/hsds/ for the list.")
