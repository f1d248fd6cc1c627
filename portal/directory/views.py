"""Public pages of the directory: the filtered list and one page per service."""

import json

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
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


def service_list(request):
    form = ServiceFilterForm(request.GET or None)
    services = public_services()
    filters = {}
    if form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value}
        if filters.get("topic"):
            services = services.filter(categories__code=f"topic:{filters['topic']}")
        if filters.get("language"):
            services = services.filter(languages__code=filters["language"])
        if filters.get("free"):
            services = services.filter(cost=Service.Cost.FREE)
    services = sorted(services.distinct(), key=lambda service: service.name.lower())
    moment = hours.amsterdam_now()
    results = [(service, hours.opening_state(service, moment)) for service in services]
    if filters.get("open_now"):
        results = [(service, state) for service, state in results if state == hours.OPEN]
    return with_short_cache(
        render(
            request,
            "directory/service_list.html",
            {
                "form": form,
                "results": results,
                "filters": filters,
                "state_labels": hours.STATE_LABELS,
            },
        )
    )


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
        "@id": request.build_absolute_uri(),
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
