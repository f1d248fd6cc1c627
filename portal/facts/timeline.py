"""Which value of a fact applies on a day, and when that changes by itself.

Everything here works on plain data (`fact_table()`), so callers can keep the table in a cache
keyed on the content version and resolve the day's value without a query.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Min

from ..core import clock
from .models import Fact, FactValue, SiteNotice


@dataclass(frozen=True)
class Value:
    value: str
    valid_from: datetime.date
    valid_until: datetime.date | None
    source_title: str
    source_url: str
    checked_on: datetime.date | None


@dataclass(frozen=True)
class FactData:
    key: str
    kind: str
    values: tuple  # of Value, oldest first


@dataclass(frozen=True)
class Resolved:
    """What to show for a fact on one day. `value` is None when no value has started; an
    `expired` value ended before the day and has no successor yet."""

    fact: FactData
    value: Value | None
    expired: bool


def fact_table():
    """{key: FactData} for every fact, in one query (facts without values included)."""
    rows = Fact.objects.order_by("key", "values__valid_from").values_list(
        "key",
        "kind",
        "values__value",
        "values__valid_from",
        "values__valid_until",
        "values__source_title",
        "values__source_url",
        "values__checked_on",
    )
    kinds, values = {}, {}
    for key, kind, *value in rows:
        kinds[key] = kind
        values.setdefault(key, [])
        if value[1] is not None:
            values[key].append(Value(*value))
    return {key: FactData(key, kinds[key], tuple(values[key])) for key in kinds}


def resolve(fact, day):
    started = [v for v in fact.values if v.valid_from <= day]
    if not started:
        return Resolved(fact, None, expired=False)
    latest = started[-1]
    expired = latest.valid_until is not None and latest.valid_until < day
    return Resolved(fact, latest, expired)


def next_fact_boundary(moment):
    """Midnight of the next day on which a value starts or the day after one ends."""
    day = moment.astimezone(clock.AMSTERDAM).date()
    found = FactValue.objects.aggregate(
        start=Min("valid_from", filter=_after("valid_from", day)),
        end=Min("valid_until", filter=_after("valid_until", day, inclusive=True)),
    )
    candidates = []
    if found["start"]:
        candidates.append(clock.midnight(found["start"]))
    if found["end"]:
        candidates.append(clock.midnight(found["end"] + datetime.timedelta(days=1)))
    return min(candidates) if candidates else None


def _after(field, day, inclusive=False):
    from django.db.models import Q

    return Q(**{f"{field}__gte" if inclusive else f"{field}__gt": day})


def next_notice_boundary(moment):
    found = SiteNotice.objects.aggregate(
        start=Min("starts_at", filter=_after("starts_at", moment)),
        end=Min("ends_at", filter=_after("ends_at", moment)),
    )
    candidates = [m for m in (found["start"], found["end"]) if m]
    return min(candidates) if candidates else None
