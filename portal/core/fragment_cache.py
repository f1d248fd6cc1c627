"""The fragment cache backend: pieces of a page (navigation, translations, breadcrumb, rendered
body…) kept under keys that carry the content version (see freshness.py).

Such a key never goes stale: any published change gives every key a new version. So a copy
kept in the worker's own memory is as good as the copy in Redis, and reading it costs no
network round trip. `LocalFirstCache` is a Django cache backend that looks in the worker's
memory first and in the shared cache (Redis) second; an uncached guide page asks it about
ten times, so this saves most of the server time Redis round trips used to take.

Only ever store keys that carry the content version here: a delete or an overwrite in one
worker does not reach the memory of the others.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache

MISSING = object()


class LocalFirstCache(BaseCache):
    """OPTIONS: SHARED (the alias of the shared cache, default "default"), MAX_ENTRIES (of
    the worker's own copy)."""

    def __init__(self, location, params):
        options = params.get("OPTIONS", {})
        super().__init__(params)
        self.shared_alias = options.get("SHARED", "default")
        self.local = LocMemCache(
            f"fragments-{location}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "OPTIONS": {"MAX_ENTRIES": options.get("MAX_ENTRIES", 2000)},
            },
        )

    @property
    def shared(self):
        return caches[self.shared_alias]

    def get(self, key, default=None, version=None):
        value = self.local.get(key, MISSING, version=version)
        if value is MISSING:
            value = self.shared.get(key, MISSING, version=version)
            if value is MISSING:
                return default
            self.local.set(key, value, version=version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.local.set(key, value, timeout=timeout, version=version)
        self.shared.set(key, value, timeout=timeout, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout=timeout, version=version)
        if added:
            self.local.set(key, value, timeout=timeout, version=version)
        return added

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        self.local.touch(key, timeout=timeout, version=version)
        return self.shared.touch(key, timeout=timeout, version=version)

    def delete(self, key, version=None):
        self.local.delete(key, version=version)
        return self.shared.delete(key, version=version)

    def has_key(self, key, version=None):
        return self.local.has_key(key, version=version) or self.shared.has_key(key, version=version)

    def clear(self):
        self.local.clear()
        self.shared.clear()
