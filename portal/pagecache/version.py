"""The content version: one number that goes up whenever anything readers see changes (a page
is published, unpublished, moved or deleted; a directory entry is saved or deleted).

Cached pages and the cached site navigation carry it in their cache keys, so after a change
every worker on every machine renders fresh pages at once, and nothing stale is ever served.
Every page shows the site's navigation, the language switcher and directory entries, so most
changes touch many pages anyway; one number keeps that simple and never wrong.

The number lives in the database (so it is right even without a shared cache) and, with Redis,
also in the cache, so reading it costs no query.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models import F

from .models import ContentVersion

CACHE_KEY = "content-version"
# Only a shared cache (Redis) can hold the number for every worker; a per-process cache would
# keep an old number after another worker's change.
SHARED = "redis" in settings.CACHES["default"]["BACKEND"].lower()


def from_database():
    return ContentVersion.objects.values_list("number", flat=True).filter(pk=1).first() or 0


# Within one request the number is read once, when first needed: PageCacheMiddleware marks
# each request UNREAD, so requests that never ask (admin, API, static files) cost no read.
request_version = ContextVar("request_version", default=None)
UNREAD = object()


def current():
    number = request_version.get()
    if number is None:
        return read()
    if number is UNREAD:
        number = read()
        request_version.set(number)
    return number


# The last number this process read: while the database is unreachable nothing can be
# published, so it still names the cached pages that are current, and they can be served.
last_seen = None


def read():
    global last_seen
    try:
        number = read_shared() if SHARED else from_database()
    except DatabaseError:
        if last_seen is None:
            raise
        return last_seen
    last_seen = number
    return number


def read_shared():
    number = cache.get(CACHE_KEY)
    if number is None:
        number = from_database()
        # add, not set: a change committed meanwhile has put the newer number there already.
        cache.add(CACHE_KEY, number, timeout=3600)
    return number


def bump():
    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    if SHARED:
        transaction.on_commit(lambda: cache.set(CACHE_KEY, from_database(), timeout=3600))
