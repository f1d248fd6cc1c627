"""Template tags for the public site: language switcher, hreflang alternates, home links."""

from urllib.parse import urlencode

from django import template
from django.urls import translate_url
from wagtail.models import Page

from ...core.freshness import remember
from ...core.languages import current_language, language_codes, language_name
from ...core.page_query import canonical_query
from ...core.page_translations import pick_for_reader
from ..chrome import live_translations, site_chrome

register = template.Library()


def path_below_home(page, request):
    """ "health/insurance/" for /en/health/insurance/: the part after the language prefix."""
    _site_id, _root, page_path = page.get_url_parts(request)
    return page_path.lstrip("/").split("/", 1)[1] if page_path.count("/") > 1 else ""


def with_query(url, request, page_query=None):
    """The address with the parameters the page reads: switching language keeps the
    directory's filters, and a search's words (`page_query`, from the search view's
    `switcher_query`). Only registered parameters (core.page_query) are taken from the
    address, because the page cache stores this link: ?utm_source=… from one visitor must not
    show up in the page every later visitor gets."""
    pairs = list(canonical_query(request.GET))
    pairs += [(name, value) for name, value in (page_query or {}).items() if value]
    query = urlencode(pairs)
    return f"{url}?{query}" if query and "?" not in url else url


def section_anchors(translations):
    """{language: "anchor anchor …"} of each translation's headings, in order. A translation
    keeps its source's headings in order, so the switcher (portal.js) can send a reader at
    #section 3 to section 3 of the other language."""

    def anchors():
        found = {}
        # One query per page type, not one per language.
        specific = Page.objects.filter(pk__in=[p.pk for p in translations.values()]).specific()
        by_pk = {page.pk: page for page in specific}
        for code, page in translations.items():
            sections = getattr(by_pk.get(page.pk), "sections", None)
            if sections:
                found[code] = " ".join(anchor for anchor, _h, _t in sections())
        return found

    first = next(iter(translations.values()), None)
    if first is None:
        return {}
    return remember(anchors, "section-anchors", first.translation_key)


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
    anchors = section_anchors(translations)
    links = []
    for code in language_codes():
        entry = {"code": code, "name": language_name(code), "current": code == current}
        if code in translations:
            entry["url"] = translations[code].get_url(request)
            entry["translated"] = True
            entry["sections"] = anchors.get(code, "")
        elif isinstance(page, Page):
            fallback, _is_fallback = pick_for_reader(translations, code)
            if fallback is not None:
                entry["url"] = f"/{code}/{path_below_home(fallback, request)}"
            else:
                entry["url"] = home_urls.get(code) or f"/{code}/"
            entry["translated"] = False
        else:
            entry["url"] = translate_url(request.path, code)
            entry["translated"] = True
        entry["address"] = entry["url"]
        entry["url"] = with_query(entry["url"], request, context.get("switcher_query"))
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
