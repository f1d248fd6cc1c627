"""Public pages of the directory: the filtered list and one page per service."""

import json
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from wagtail.models import Page, ReferenceIndex

from . import hours
from .forms import ServiceFilterForm
from .models import Service

PREFETCH = ["categories", "languages", "opening_hours", "closed_days", "phones", "locations"]


# "Open now" changes with the clock: cached directory pages live one minute.
PAGE_CACHE_TIMEOUT = 60


def with_short_cache(response):
    response.page_cache_timeout = PAGE_CACHE_TIMEOUT
    return response


def public_services():
    return (
        Service.objects.filter(status=Service.Status.ACTIVE)
        .select_related("organisation")
        .prefetch_related(*PREFETCH)
    )


# When nothing matches, the filters are let go one at a time in this order to find the nearest
# wider result (GOV.UK's no-results pattern): the spoken language is known for few services.
WIDENING_ORDER = ["language", "open_now", "free", "topic"]


def matches(service, state, filters, skip=None):
    """Whether a service passes every filter except `skip`."""
    for name, value in filters.items():
        if name == skip or not value:
            continue
        if name == "topic" and f"topic:{value}" not in service.topic_codes:
            return False
        if name == "language" and value not in service.language_codes:
            return False
        if name == "free" and service.cost != Service.Cost.FREE:
            return False
        if name == "open_now" and state != hours.OPEN:
            return False
    return True


def option_counts(results, filters, name, values):
    """{option value: number of services} for one filter, with the other filters applied, so
    every option says where it leads; "" (any) counts them all."""
    counts = dict.fromkeys(values, 0)
    counts[""] = 0
    for service, state in results:
        if not matches(service, state, filters, skip=name):
            continue
        counts[""] += 1
        if name == "topic":
            for code in service.topic_codes:
                slug = code.split(":", 1)[-1]
                if slug in counts:
                    counts[slug] += 1
        else:
            for code in service.language_codes:
                if code in counts:
                    counts[code] += 1
    return counts


def wider_result(everything, form, filters):
    """The first filter whose removal finds services: its label ("Speaks: Polski"), the number
    of services without it, the address without it, and whether none of those services has
    language data."""
    for name in WIDENING_ORDER:
        if not filters.get(name):
            continue
        found = [s for s, state in everything if matches(s, state, filters, skip=name)]
        if not found:
            continue
        label = str(form.fields[name].label)
        if name in ("topic", "language"):
            label += ": " + str(dict(form.fields[name].choices).get(filters[name], ""))
        kept = {key: value for key, value in form.data.items() if key != name and value}
        return {
            "label": label,
            "count": len(found),
            "url": "?" + urlencode(kept) if kept else "?",
            "language_unknown": name == "language"
            and not any(service.language_codes for service in found),
        }
    return None


def filter_verdict(service, state, filters):
    """Whether a service passes the language and open-now filters: True, False, or None when
    its data is not known. Services with unknown languages or hours are not dropped silently:
    the list shows them apart, with "not known, call to ask"."""
    known = True
    if filters.get("language"):
        if not service.language_codes:
            known = None
        elif filters["language"] not in service.language_codes:
            return False
    if filters.get("open_now"):
        if state == hours.UNKNOWN:
            known = None
        elif state != hours.OPEN:
            return False
    return known


def service_list(request):
    form = ServiceFilterForm(request.GET or None)
    moment = hours.amsterdam_now()
    everything = []
    for service in sorted(public_services(), key=lambda service: service.name.lower()):
        service.topic_codes = {c.code for c in service.categories.all()}
        service.language_codes = {lang.code for lang in service.languages.all()}
        everything.append((service, hours.opening_state(service, moment)))
    filters = {}
    if form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value}
    results = [(s, state) for s, state in everything if matches(s, state, filters)]
    # Services that pass the other filters but whose languages or hours no source gives.
    others = {key: value for key, value in filters.items() if key not in ("language", "open_now")}
    unknown = [
        (s, state)
        for s, state in everything
        if matches(s, state, others) and filter_verdict(s, state, filters) is None
    ]
    wider = wider_result(everything, form, filters) if filters and not results else None
    form.show_counts(
        option_counts(everything, filters, "topic", form.option_values("topic")),
        option_counts(everything, filters, "language", form.option_values("language")),
    )
    context = {
        "form": form,
        "results": results,
        "filters": filters,
        "state_labels": hours.STATE_LABELS,
        "wider": wider,
        "unknown": unknown,
    }
    response = render(request, "directory/service_list.html", context)
    if form.is_bound and not form.is_valid():
        # A made-up topic or language shows every service; storing that page under each
        # made-up value would let anyone fill the page cache.
        patch_cache_control(response, no_store=True)
        return response
    return with_short_cache(response)


def guides_pointing_to(service):
    """Live guide pages in the reader's language whose "Where to get help" lists this service.

    Wagtail's reference index knows which pages point to a service. Editors choose services on
    the Dutch page (translations carry copies), so each page found is swapped for its
    translation in the reader's language, once per page.
    """
    translation_keys = {
        source.translation_key
        for source, _references in ReferenceIndex.get_grouped_references_to(service)
        if isinstance(source, Page)
    }
    pages = (
        Page.objects.filter(
            translation_key__in=translation_keys, locale__language_code=get_language()
        )
        .live()
        .specific()
    )
    return sorted(pages, key=lambda page: page.title)


def json_ld(request, service, phones, locations):
    """schema.org description of the service, for search engines and assistants."""
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        # The path alone: the page cache serves this page for any query string.
        "@id": request.build_absolute_uri(request.path),
        "name": service.name,
        "description": service.description,
        "provider": {"@type": "Organization", "name": service.organisation.name},
        "areaServed": {"@type": "City", "name": "Zoetermeer"},
        "availableLanguage": [lang.code for lang in service.languages.all()],
    }
    if service.url:
        data["url"] = service.url
    channels = [{"@type": "ContactPoint", "telephone": phone.number} for phone in phones]
    if channels:
        data["provider"]["contactPoint"] = channels
    if service.opening_hours.all():
        data["hoursAvailable"] = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{hours.Weekday(block.weekday).name.title()}",
                "opens": f"{block.opens_at:%H:%M}",
                "closes": "23:59"
                if block.closes_at == hours.MIDNIGHT
                else f"{block.closes_at:%H:%M}",
            }
            for block in service.opening_hours.all()
        ]
    if locations:
        location = locations[0]
        data["provider"]["address"] = {
            "@type": "PostalAddress",
            "streetAddress": location.address_1,
            "postalCode": location.postal_code,
            "addressLocality": location.city,
            "addressCountry": location.country,
        }
    # "</script>" inside a string must not end the script element.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def service_detail(request, pk):
    try:
        service = public_services().get(pk=pk)
    except (Service.DoesNotExist, ValidationError):
        raise Http404 from None
    phones = list(service.phones.all())
    locations = list(service.locations.all())
    moment = hours.amsterdam_now()
    state = hours.opening_state(service, moment)
    return with_short_cache(
        render(
            request,
            "directory/service_detail.html",
            {
                "service": service,
                "phones": phones,
                "locations": locations,
                "state": state,
                "state_label": hours.STATE_LABELS[state],
                "week": hours.week(service, moment),
                "always_open": hours.always_open(service),
                "closed_days": hours.upcoming_closed_days(service, moment),
                "guides": guides_pointing_to(service),
                "json_ld": json_ld(request, service, phones, locations),
                "list_url": reverse("directory:service_list"),
            },
        )
    )
