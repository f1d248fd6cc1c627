"""Rate limits kept only in the cache: how often one client (or one account) did something.

The key is an HMAC of (purpose, who, today's date) under SECRET_KEY: it cannot be turned back
into an address or e-mail address, changes every day, and lives only in the Django cache (Redis
when configured) with an expiry. It is never written to the database or a log. Without Redis
each worker process keeps its own count, so a limit is per worker; with Redis (production) it
is shared.
"""

import hashlib
import hmac
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .security import client_ip

logger = logging.getLogger(__name__)
DAY = 24 * 60 * 60


def one_way_key(purpose, who):
    message = "|".join([purpose, who, timezone.localdate().isoformat()])
    return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()[:32]


def over_limit_for(purpose, who, limit, seconds):
    """Count one use of `purpose` by `who`; True when that is more than `limit` uses in the
    last `seconds` (a fixed window that starts with the first use)."""
    key = f"ratelimit:{one_way_key(purpose, who)}"
    try:
        cache.add(key, 0, timeout=seconds)
        used = cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this is the first use of a new window.
        cache.set(key, 1, timeout=seconds)
        used = 1
    except Exception:
        # Without a working cache there is no limit; the site must still work.
        logger.warning("rate limit cache unavailable", exc_info=True)
        return False
    # django-redis with IGNORE_EXCEPTIONS (settings.py) answers None instead of raising when
    # Redis is down: no limit then either.
    return used is not None and used > limit


def over_limit(request, purpose, limit, seconds):
    """As over_limit_for, for the client that sent `request` (see security.client_ip)."""
    return over_limit_for(purpose, client_ip(request), limit, seconds)
