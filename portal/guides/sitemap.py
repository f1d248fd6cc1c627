"""/sitemap.xml: every live page in every language, at BASE_URL (the public address, not the
host a request came in on), each with its translations as hreflang alternates.

Wagtail's own sitemap lists one Site's tree, which is the Dutch one only.
"""

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Page, Site

from ..core.freshness import remember


def sitemap_entries():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return []
    homes = Page.objects.filter(translation_key=site.root_page.translation_key).live()
    below_a_home = Q()
    for home in homes:
        below_a_home |= Q(path__startswith=home.path)
    if not below_a_home:
        return []
    pages = Page.objects.live().public().filter(below_a_home).select_related("locale")
    base = settings.BASE_URL.rstrip("/")
    by_key = {}
    for page in pages.order_by("path"):
        url = page.get_url_parts()
        if url is None:
            continue
        by_key.setdefault(page.translation_key, []).append(
            (page.locale.language_code, base + url[2], page.last_published_at)
        )
    entries = []
    for translations in by_key.values():
        alternates = [(code, location) for code, location, _when in translations]
        for _code, location, when in translations:
            entries.append({"location": location, "lastmod": when, "alternates": alternates})
    return entries


def sitemap(request):
    xml = remember(
        lambda: render_to_string("guides/sitemap.xml", {"entries": sitemap_entries()}),
        "sitemap",
        settings.BASE_URL,
    )
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
