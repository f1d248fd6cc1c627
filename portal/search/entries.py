"""Building the search entries of pages and services.

A page's entries are built per translation key: for each language the page in that language, or
else the page in the fallback language (English, then Dutch), which readers then get at their
own language's address (see portal.translations.addresses). Services have one entry per language
with modeltranslation's fallback texts.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page

from ..core.languages import language_codes
from ..core.page_translations import pick_for_reader, translations_of
from ..directory.models import Service
from ..facts.render import PLACEHOLDER
from ..translations.addresses import language_home_paths, page_url
from .models import SearchEntry

SEARCHABLE_DEPTH = 3  # pages below the language home pages


def stream_text(value):
    """All text in a StreamField's raw data, tags stripped. A fact placeholder becomes "…": the
    entry is built at publishing, and a figure copied then would be shown after it changed."""
    if isinstance(value, str):
        return PLACEHOLDER.sub("…", strip_tags(value))
    if isinstance(value, dict):
        return " ".join(stream_text(v) for key, v in value.items() if key not in ("id", "type"))
    if isinstance(value, list):
        return " ".join(stream_text(v) for v in value)
    return ""


def page_texts(page):
    page = page.specific
    body = getattr(page, "body", None)
    return {
        "title": page.title,
        "summary": getattr(page, "summary", "") or page.search_description,
        # raw_data is a view, not a list: list() gives the blocks' plain data.
        "body": " ".join(stream_text(list(body.raw_data)).split()) if body is not None else "",
    }


def update_page(page):
    """Rebuild the entries of all translations of `page`."""
    update_page_key(page.translation_key)


def update_page_key(key):
    translations = {
        code: page
        for code, page in translations_of(key, public=True).items()
        if page.depth >= SEARCHABLE_DEPTH
    }
    home_paths = language_home_paths()
    with transaction.atomic():
        SearchEntry.objects.filter(translation_key=key).delete()
        for code in language_codes():
            chosen, fallback = pick_for_reader(translations, code)
            if chosen is None:
                continue
            url = page_url(chosen, code, home_paths)
            if url is None:
                continue
            parent = chosen.get_parent()
            SearchEntry.objects.create(
                language=code,
                translation_key=key,
                page=chosen,
                fallback=fallback,
                url=url,
                topic=parent.title if parent.depth > 2 else "",
                **page_texts(chosen),
            )


def service_topic(service):
    topics = [term for term in service.categories.all() if term.vocabulary == "topic"]
    return topics[0].name if topics else ""


def update_service(service):
    with transaction.atomic():
        SearchEntry.objects.filter(service=service).delete()
        if service.status != Service.Status.ACTIVE:
            return
        for code in language_codes():
            with translation.override(code):
                SearchEntry.objects.create(
                    language=code,
                    service=service,
                    url=reverse("directory:service_detail", args=[service.pk]),
                    title=service.name,
                    summary=f"{service.organisation.name}. {service.description}",
                    body=" ".join([service.how_to_apply, service.eligibility, service.cost_note]),
                    topic=service_topic(service),
                )


def rebuild():
    """Every entry from scratch; returns the number of entries."""
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        keys = (
            Page.objects.filter(
                depth__gte=SEARCHABLE_DEPTH, locale__language_code=settings.LANGUAGE_CODE
            )
            .live()
            .order_by("path")
        )
        done = set()
        for page in keys:
            update_page(page)
            done.add(page.translation_key)
        # Pages that exist only in other languages.
        for page in (
            Page.objects.filter(depth__gte=SEARCHABLE_DEPTH)
            .live()
            .exclude(translation_key__in=done)
        ):
            if page.translation_key not in done:
                update_page(page)
                done.add(page.translation_key)
        for service in Service.objects.select_related("organisation").prefetch_related(
            "categories"
        ):
            update_service(service)
    return SearchEntry.objects.count()
