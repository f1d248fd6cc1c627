"""Whole-page cache for readers: anonymous GET requests of public pages (home, topics, guides,
standard pages, the directory), shared by every worker through Redis when it is configured.

- Keys carry the content version (portal.core.freshness), so any published change is visible
  at once.
- Keys carry the scheme, host, path and only the query parameters pages read
  (core.page_query, canonical and sorted): ?utm_source=… adds no page, and an https page (with
  https links) is never served on http.
- A cached page says `Vary: Cookie`: whoever has a session cookie is not served from it, and
  shared caches must not either.
- Never cached: logged-in users (anyone with a session cookie), anything but GET, the admin,
  desk, API and search, responses that set a cookie, and anything but 200.
- A view can shorten its lifetime with `response.page_cache_timeout` (the directory does: its
  "open now" badges change with the clock).
- It sits inside the language-cookie middleware, so a cached page still remembers the reader's
  language choice.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.encoding import escape_uri_path
from django.utils.http import urlencode

from ..core import freshness
from ..core.languages import language_codes
from ..core.page_query import canonical_query

DEFAULT_TIMEOUT = 600
BROWSER_MAX_AGE = 60
MAX_BODY = 300_000
NOT_CACHED_SECTIONS = ("search",)


def public_path(path):
    parts = path.split("/", 3)
    return len(parts) > 2 and parts[1] in language_codes() and parts[2] not in NOT_CACHED_SECTIONS


def cacheable_request(request):
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and public_path(request.path_info)
    )


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and len(response.content) <= MAX_BODY
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


MAX_KEY_PATH = 200


def cache_key(request):
    query = urlencode(canonical_query(request.GET))
    path = escape_uri_path(request.path) + (f"?{query}" if query else "")
    address = f"{request.scheme}://{request.get_host()}{path}"
    if len(address) > MAX_KEY_PATH:
        # A registered parameter's value can be long (up to the server's limit); it must not
        # become a key of that size. Short keys stay readable.
        address = "sha256:" + hashlib.sha256(address.encode()).hexdigest()
    return f"page:{freshness.content_version()}:{address}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with freshness.request_scope():
            return self.respond(request)

    def respond(self, request):
        if not cacheable_request(request):
            response = self.get_response(request)
            if request.method == "GET" and public_path(request.path_info):
                # Pages shown to a logged-in editor stay out of shared caches.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            return from_cache(cached)
        response = self.get_response(request)
        if cacheable_response(response):
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
            # The ETag is stored too, so a cached answer needs no hashing.
            set_response_etag(response)
            timeout = getattr(response, "page_cache_timeout", DEFAULT_TIMEOUT)
            cache.set(key, to_cache(response), timeout=timeout)
            response["X-Page-Cache"] = "miss"
        return response


def to_cache(response):
    """Only what is needed to answer again: plain values are quick to store and read."""
    return (response.status_code, list(response.headers.items()), response.content)


def from_cache(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response
