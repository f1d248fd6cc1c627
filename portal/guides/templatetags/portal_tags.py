"""Template tags for the public site: language switcher, hreflang alternates, home links."""

from django import template
from django.urls import translate_url
from wagtail.models import Page

from ...core.languages import (
    current_language,
    fallback_languages,
    language_codes,
    language_name,
)
from ..chrome import live_translations, site_chrome

register = template.Library()


def path_below_home(page, request):
    """ "health/insurance/" for /en/health/insurance/: the part after the language prefix."""
    _site_id, _root, page_path = page.get_url_parts(request)
    return page_path.lstrip("/").split("/", 1)[1] if page_path.count("/") > 1 else ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: where this page lives in that language.

    `translated` is True when the link goes to a real translation of the page the visitor is
    on. A language the page lacks links to the page's address in that language, where the
    reader gets the fallback (English, then Dutch) with a notice; hreflang lists only real
    translations.
    """
    request = context["request"]
    page = context.get("page")
    current = current_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = live_translations(page)
    home_urls = site_chrome(request)["home_urls"]
    links = []
    for code in language_codes():
        entry = {"code": code, "name": language_name(code), "current": code == current}
        if code in translations:
            entry["url"] = translations[code].get_url(request)
            entry["translated"] = True
        elif isinstance(page, Page):
            fallback = next(
                (translations[c] for c in fallback_languages(code) if c in translations), None
            )
            if fallback is not None:
                entry["url"] = f"/{code}/{path_below_home(fallback, request)}"
            else:
                entry["url"] = home_urls.get(code) or f"/{code}/"
            entry["translated"] = False
        else:
            entry["url"] = translate_url(request.path, code)
            entry["translated"] = True
        links.append(entry)
    return links


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page of the language the visitor reads in."""
    url = site_chrome(context["request"])["home_urls"].get(current_language())
    return url or f"/{current_language()}/"


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return context["request"].build_absolute_uri(url)
