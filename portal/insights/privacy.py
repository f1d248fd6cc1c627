"""Telling readers apart from bots, and limiting how often one client may send feedback,
without keeping anything about the reader.

The rate limit needs to recognise a client for a little while. Its key is an HMAC of (client
address, today's date) under SECRET_KEY: it cannot be turned back into an address, changes every
day, and lives only in the Django cache (Redis when configured) with a short expiry. It is never
written to the database or a log. Without Redis each worker process keeps its own count, so
the limit is per worker; with Redis (production) it is shared.
"""

import hashlib
import hmac
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from ..core.security import client_ip

logger = logging.getLogger(__name__)

# A simple rule, as the issue asks: crawlers, link previews, monitors, scripts and headless
# browsers name themselves; real browsers all send "Mozilla/".
BOT_WORDS = re.compile(
    r"bot|crawl|spider|slurp|preview|monitor|uptime|check|scan|fetch|headless|lighthouse|"
    r"python|curl|wget|http|java/|go-http|okhttp|axios|node|facebookexternalhit|embedly",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return (
        not user_agent or "mozilla/" not in user_agent.lower() or bool(BOT_WORDS.search(user_agent))
    )


def client_key(request, purpose):
    """A daily-changing, one-way key for the client that sent `request`."""
    message = "|".join([purpose, client_ip(request), timezone.localdate().isoformat()])
    return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).hexdigest()[:32]


def over_limit(request, purpose, limit, seconds):
    """Count one use by this client; True when it has used `purpose` more than `limit` times
    in the last `seconds` (a fixed window that starts with its first use)."""
    key = f"insights:limit:{client_key(request, purpose)}"
    try:
        cache.add(key, 0, timeout=seconds)
        used = cache.incr(key)
    except ValueError:
        # The key expired between add and incr: this is the first use of a new window.
        cache.set(key, 1, timeout=seconds)
        used = 1
    except Exception:
        # Without a working cache there is no limit; feedback must still work.
        logger.warning("rate limit cache unavailable", exc_info=True)
        return False
    # django-redis with IGNORE_EXCEPTIONS (settings.py) answers None instead of raising when
    # Redis is down: no limit then either.
    return used is not None and used > limit
