"""The site's clock: "today" in Zoetermeer, and the moments at which what readers see changes by
itself (a figure's new value starts at midnight, a site notice starts or ends).

Cached pages carry the content version in their keys. Apps that show something which changes
with the clock register a *boundary* function here; the content version includes the next
boundary, so at that moment every cached page and fragment gets a new key without anyone
publishing anything.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

boundary_functions = []


def now():
    return timezone.now()


def today():
    """The date in the Netherlands (the server may run in UTC)."""
    return now().astimezone(AMSTERDAM).date()


def midnight(day):
    """The moment `day` begins in the Netherlands, as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=AMSTERDAM)


def register_boundary(function):
    """`function(moment)` returns the first moment after `moment` at which what it shows
    changes, or None. Used as a decorator by apps in their ready()."""
    boundary_functions.append(function)
    return function


def next_boundary(moment=None):
    """The earliest registered boundary after `moment` (default now), or None."""
    moment = moment or now()
    found = [b for b in (function(moment) for function in boundary_functions) if b is not None]
    later = [b for b in found if b > moment]
    return min(later) if later else None


def add_months(day, months):
    """The same day `months` later (or earlier); the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
