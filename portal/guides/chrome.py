"""What every public page shows around its content, per language: the home page's address,
the urgent-help and WIN-point pages, the footer pages, every language's home page, and the
page's own translations (for the language switcher).

Looked up once per language and kept in the cache under the content version (see
portal.core.freshness), so a page render asks the database for none of it; any publish
makes the next render look it up again.
"""

from wagtail.models import Site

from ..core.freshness import remember
from ..core.languages import current_language
from ..core.page_translations import translations_of
from ..core.wagtail_internals import raw_host, remember_site


def find_site(request):
    """Wagtail's Site for this request (Site.find_for_request), kept under the content version:
    Wagtail would ask the database on every page view."""
    return remember_site(
        request,
        lambda: remember(
            lambda: Site.find_for_request(request), "site", raw_host(request), request.get_port()
        ),
    )


def build(request, site, language):
    homes = translations_of(site.root_page)
    home = homes.get(language)
    root = site.root_page.specific

    def in_language(page):
        if page is None:
            return None
        return translations_of(page).get(language) or (page if page.live else None)

    urgent = in_language(getattr(root, "urgent_help_page", None))
    win_point = in_language(getattr(root, "win_point_page", None))
    footer = []
    if home is not None:
        from .models import StandardPage

        footer = [
            (page.title, page.get_url(request))
            for page in StandardPage.objects.child_of(home).live().order_by("path")
        ]
    return {
        "home_urls": {code: page.get_url(request) for code, page in homes.items()},
        "home_id": home.pk if home else None,
        "home_path": (home.path, home.url_path) if home else None,
        "urgent_url": urgent.get_url(request) if urgent else "",
        "win_point": (win_point.title, win_point.get_url(request)) if win_point else None,
        "footer": footer,
    }


def site_chrome(request, language=None):
    language = language or current_language()
    # Several template tags ask during one render; fetch it once per request.
    memo = request.__dict__.setdefault("_site_chrome", {})
    if language not in memo:
        memo[language] = cached_chrome(request, language)
    return memo[language]


NO_SITE = {
    "home_urls": {},
    "home_id": None,
    "home_path": None,
    "urgent_url": "",
    "win_point": None,
    "footer": [],
}


def cached_chrome(request, language):
    def build_for_site():
        site = find_site(request)
        return build(request, site, language) if site else NO_SITE

    # Keyed by host name, so a cached answer needs no query for the Site either.
    return remember(build_for_site, "chrome", request.get_host(), language)


def live_translations(page):
    """translations_of(page), looked up once per page object (the language switcher and "where
    to get help" both ask) and cached until the next published change (the content version)."""
    if not hasattr(page, "_live_translations"):
        page._live_translations = remember(
            lambda: translations_of(page), "translations", page.translation_key
        )
    return page._live_translations
