""" "Add to home screen" and offline reading.

- /<lang>/manifest.webmanifest: the web app manifest in the reader's language.
- /sw.js: a small service worker for the whole site. It keeps the pages a reader has
  visited, and from the start the urgent-help page, the WIN-point page and an offline page in
  each language the reader reads, so they open without a connection. Registered by
  static/js/portal.js (an optional enhancement: without JavaScript or service workers the site
  works the same).
- /<lang>/offline/: what the service worker shows for a page it does not have.
"""

import hashlib
import json

from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from ..core.languages import current_language, language_codes
from ..guides.chrome import site_chrome

THEME_COLOUR = "#004b87"


def manifest(request):
    language = current_language()
    data = {
        "name": _("WIN-point Zoetermeer"),
        "short_name": _("WIN-point"),
        "description": _("Information for labour migrants in Zoetermeer, in your language."),
        "lang": language,
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )
    response.page_cache_timeout = 3600
    return response


@cache_control(no_cache=True)
def service_worker(request):
    """One script for every language, at one address. A script per language (the address with
    ?lang=) made each language switch install a new service worker that threw away the other
    language's saved pages, and in Chromium a page loading during that switch could hang. Now
    a page tells the service worker its language (static/js/portal.js) and the worker saves
    that language's pages beside the others'."""
    keep = {}
    for language in language_codes():
        with translation.override(language):
            chrome = site_chrome(request, language)
            urls = [
                reverse("offline:offline_page"),
                chrome["urgent_url"],
                chrome["win_point"][1] if chrome["win_point"] else "",
                chrome["home_urls"].get(language, ""),
            ]
        keep[language] = [url for url in urls if url]
    static_files = [static("css/portal.css")]
    # The static files' names change with their content: a new name, a new cache for them.
    static_version = hashlib.sha256(json.dumps(static_files).encode()).hexdigest()[:12]
    context = {
        "keep": json.dumps(keep),
        "static_files": json.dumps(static_files),
        "static_cache": json.dumps(f"win-static-{static_version}"),
    }
    return render(request, "offline/sw.js", context, content_type="text/javascript")


def offline_page(request):
    return render(request, "offline/offline.html")
