"""Serve a page in a fallback language when it has no translation in the reader's language.

/pl/healthcare/health-insurance/ with no Polish translation: Wagtail finds nothing in the
Polish tree, so we look the same path up in the English tree, then the Dutch one (the order
is LANGUAGE_FALLBACKS in settings), and show that page with Polish navigation and a notice in
Polish. The URL keeps /pl/. If the page does have a Polish translation (at its own Polish
address), the reader is sent there instead. Never a 404 for a page that exists.
"""

import hashlib

from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from wagtail import views as wagtail_views

from ..core.freshness import content_version, fragment_cache
from ..core.languages import fallback_languages
from ..core.wagtail_internals import use_route
from ..guides.chrome import find_site, site_chrome
from ..guides.models import HomePage, route_below


def find_in_language(request, path, code):
    """Wagtail's route for `path` in the `code` tree: (page, args, kwargs), or None. Kept under
    the content version, so serving a known page asks the database nothing."""
    digest = hashlib.md5(path.encode(), usedforsecurity=False).hexdigest()
    key = f"route:{content_version()}:{request.get_host()}:{code}:{digest}"
    found = fragment_cache().get(key)
    if found is None:
        found = route_in_language(request, path, code)
        if found is not None:
            # Only pages that exist: unknown addresses must not fill the cache.
            fragment_cache().set(key, found)
    return found


def route_in_language(request, path, code):
    """The home page's place comes from the cached site navigation and the page is found by
    its address, so routing takes two queries whatever the depth."""
    home = site_chrome(request, code)["home_path"]
    if home is None:
        return None
    components = [part for part in path.split("/") if part]
    try:
        if not components:
            return HomePage.objects.get(path=home[0]).route(request, [])
        return route_below(*home, components, request)
    except (Http404, HomePage.DoesNotExist):
        return None


def serve(request, path):
    find_site(request)
    # Wagtail's serve view (with its hooks: view restrictions, …) uses a route it finds on the
    # request; ours is the same route, found in fewer queries.
    use_route(request, find_in_language(request, path, translation.get_language()))
    try:
        return wagtail_views.serve(request, path)
    except Http404:
        language = translation.get_language()
        for code in fallback_languages(language):
            found = find_in_language(request, path, code)
            if found is None:
                continue
            page, args, kwargs = found
            own = page.get_translations().filter(locale__language_code=language).live().first()
            if own is not None:
                own_url = own.get_url(request)
                if own_url != request.path:
                    return redirect(own_url)
                # The translation lives at this very address but Wagtail's routing missed it
                # (a damaged tree): show it rather than send the reader round in circles.
                return own.specific.serve(request)
            # The page's templates learn it is shown in place of a translation through
            # PortalPage.get_context's `fallback_from` (the notice, the lang attribute).
            return page.serve(request, *args, fallback_from=code, **kwargs)
        raise
