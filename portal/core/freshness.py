"""Freshness: one content version for everything readers see, and the fragment cache under it.

The content version is one number that goes up whenever anything readers see changes (a page
is published, unpublished, moved or deleted; a directory entry, a synonym… is saved or
deleted). Cached pages and cached page pieces carry it in their keys, so after a change every
worker on every machine renders fresh pages at once, and nothing stale is ever served. Every
page shows the site's navigation, the language switcher and directory entries, so most
changes touch many pages anyway; one number keeps that simple and never wrong.

Public interface (everything else here is the machinery behind it):
- `register(*models)`: each app, in its AppConfig.ready(), names the models whose changes
  readers can see; saving or deleting one bumps the version. Pages (publish, unpublish, move,
  delete), sites and view restrictions are registered by core itself (`watch_pages`).
- `remember(build, name, *parts)`: what `build()` returns, built once per content version.
- `content_version()`: the current number (read once per request, see `request_scope`).
- `bump()`: make everything readers see fresh (registered models do this themselves).

The number lives in the database (so it is right even without a shared cache) and, with Redis,
also in the cache, so reading it costs no query.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from . import clock

CACHE_KEY = "content-version"
# Only a shared cache (Redis) can hold the number for every worker; a per-process cache would
# keep an old number after another worker's change.
SHARED = "redis" in settings.CACHES["default"]["BACKEND"].lower()
MISSING = object()

# Models registered with `register`, by label ("directory.service").
registered_labels = set()


def register(*models):
    """Saving or deleting any of `models` changes what readers see: bump the content version."""
    for model in models:
        label = model._meta.label_lower
        registered_labels.add(label)
        post_save.connect(changed, sender=model, dispatch_uid=f"freshness-save-{label}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"freshness-delete-{label}")


def is_registered(model):
    return model._meta.label_lower in registered_labels


def changed(sender, **kwargs):
    bump()


def watch_pages():
    """Pages change what readers see when they are published, unpublished, moved or deleted
    (not on a draft save); the Site and view restrictions decide which pages readers reach."""
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(changed, dispatch_uid="freshness-page-published")
    page_unpublished.connect(changed, dispatch_uid="freshness-page-unpublished")
    post_page_move.connect(changed, dispatch_uid="freshness-page-moved")
    post_delete.connect(changed, sender=Page, dispatch_uid="freshness-delete-page")
    register(Site, PageViewRestriction)


def from_database():
    from .models import ContentVersion

    return ContentVersion.objects.values_list("number", flat=True).filter(pk=1).first() or 0


# Within one request the number is read once, when first needed: the page cache middleware
# opens a `request_scope` for each request, so requests that never ask (admin, API, static
# files) cost no read.
request_version = ContextVar("request_version", default=None)
UNREAD = object()


@contextmanager
def request_scope():
    token = request_version.set(UNREAD)
    try:
        yield
    finally:
        request_version.reset(token)


def content_version():
    """The version as used in cache keys: the change number and the period of the clock it
    belongs to ("41.1767222400"), so pages showing clock-bound content (a figure's new value,
    a site notice; see portal.core.clock) get new keys at the moment that content changes."""
    version = request_version.get()
    if version is None:
        return with_period(read())
    if version is UNREAD:
        version = with_period(read())
        request_version.set(version)
    return version


# Per process: (number, moment computed, next boundary). Recomputed when the number changes
# (any change may add a boundary) or when the boundary has passed; otherwise no query.
period_memo = None


def period_key(number):
    return f"content-period:{number}"


def with_period(number):
    global period_memo
    moment = clock.now()
    memo = period_memo
    if memo is None or memo[0] != number or memo[1] > moment or (memo[2] and memo[2] <= moment):
        try:
            memo = (number, moment, clock.next_boundary(moment))
            # Shared like the number, so a worker that starts while the database is away
            # still names the cached pages the others stored (0: no boundary ahead).
            if SHARED:
                cache.set(period_key(number), memo[2].timestamp() if memo[2] else 0, 3600)
        except DatabaseError:
            shared = cache.get(period_key(number)) if SHARED else None
            if shared is not None:
                boundary = datetime.fromtimestamp(shared, tz=UTC) if shared else None
                memo = (number, moment, boundary)
            elif memo is None:
                raise
        period_memo = memo
    boundary = memo[2]
    return f"{number}.{int(boundary.timestamp())}" if boundary else str(number)


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
    from .models import ContentVersion

    if not ContentVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ContentVersion.objects.get_or_create(pk=1, defaults={"number": 1})
    if SHARED:
        transaction.on_commit(lambda: cache.set(CACHE_KEY, from_database(), timeout=3600))


def fragment_cache():
    """Page pieces under content-versioned keys (see portal.core.fragment_cache). Only ever
    store keys that carry the content version here."""
    return caches["fragments"]


def remember(build, name, *parts):
    """What `build()` returns, built once per content version and kept in the fragment cache.
    `parts` name whatever else the answer depends on (host, page, language…)."""
    key = ":".join([name, str(content_version()), *(str(part) for part in parts)])
    fragments = fragment_cache()
    value = fragments.get(key, MISSING)
    if value is MISSING:
        value = build()
        fragments.set(key, value)
    return value
