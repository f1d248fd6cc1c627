"""Opening hours: is a service open now, and the week as a reader wants to see it.

All times are Europe/Amsterdam wall-clock times. A block that closes at 00:00 runs until
midnight; hours past midnight are a second block on the next day starting at 00:00.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Weekday

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MIDNIGHT = datetime.time(0, 0)

OPEN = "open"
CLOSED = "closed"
APPOINTMENT = "appointment"
UNKNOWN = "unknown"

STATE_LABELS = {
    OPEN: _("Open now"),
    CLOSED: _("Closed now"),
    APPOINTMENT: _("By appointment only"),
    UNKNOWN: _("Opening hours not known"),
}


def amsterdam_now():
    return timezone.now().astimezone(AMSTERDAM)


def block_contains(block, moment):
    if block.weekday != moment.weekday():
        return False
    now = moment.time()
    if block.closes_at == MIDNIGHT:
        return now >= block.opens_at
    return block.opens_at <= now < block.closes_at


def opening_state(service, moment=None):
    """One of OPEN, CLOSED, APPOINTMENT, UNKNOWN for a service at a moment (default: now).

    Uses the prefetched `opening_hours` and `closed_days`, so a list costs no extra queries.
    """
    moment = (moment or amsterdam_now()).astimezone(AMSTERDAM)
    if any(day.date == moment.date() for day in service.closed_days.all()):
        return CLOSED
    if service.by_appointment_only:
        return APPOINTMENT
    blocks = list(service.opening_hours.all())
    if not blocks:
        return UNKNOWN
    return OPEN if any(block_contains(block, moment) for block in blocks) else CLOSED


@dataclass
class DayHours:
    weekday: int
    name: str
    times: list
    is_today: bool


def always_open(service):
    blocks = list(service.opening_hours.all())
    days = {b.weekday for b in blocks if b.opens_at == MIDNIGHT and b.closes_at == MIDNIGHT}
    return len(days) == 7


def week(service, moment=None):
    """The week from Monday to Sunday: each day with its time blocks ("09:00–17:00")."""
    moment = (moment or amsterdam_now()).astimezone(AMSTERDAM)
    by_day = {day: [] for day in Weekday.values}
    for block in sorted(service.opening_hours.all(), key=lambda b: (b.weekday, b.opens_at)):
        closes = "24:00" if block.closes_at == MIDNIGHT else f"{block.closes_at:%H:%M}"
        by_day[block.weekday].append(f"{block.opens_at:%H:%M}–{closes}")
    return [
        DayHours(day, Weekday(day).label, by_day[day], day == moment.weekday())
        for day in Weekday.values
    ]


def upcoming_closed_days(service, moment=None, limit=5):
    today = (moment or amsterdam_now()).astimezone(AMSTERDAM).date()
    days = sorted((d for d in service.closed_days.all() if d.date >= today), key=lambda d: d.date)
    return days[:limit]
