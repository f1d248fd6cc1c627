"""The "Figures to check" list, shared by the admin report and `manage.py check_facts`."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..core.clock import add_months
from .models import Fact, FactUsage

EXPIRED = "expired"
NO_VALUE = "no-value"
EXPIRING = "expiring"
NOT_CHECKED = "not-checked"

REASONS = {
    EXPIRED: _("Expired"),
    NO_VALUE: _("No value"),
    EXPIRING: _("Expires soon"),
    NOT_CHECKED: _("Source not checked for 12 months"),
}
# Readers see a notice for these; cron should wake someone up.
URGENT = {EXPIRED, NO_VALUE}


def soon_days():
    return getattr(settings, "FACTS_EXPIRING_DAYS", 30)


def stale_months():
    return getattr(settings, "FACTS_CHECK_EVERY_MONTHS", 12)


@dataclass
class Row:
    fact: Fact
    value: object  # the FactValue shown today (current or expired), or None
    reasons: list
    pages: list = field(default_factory=list)

    @property
    def urgent(self):
        return any(reason in URGENT for reason in self.reasons)

    @property
    def reason_labels(self):
        return [REASONS[reason] for reason in self.reasons]


def figures_to_check(day):
    """Facts that need a person, most urgent first, each with the live pages that use it."""
    soon = day + datetime.timedelta(days=soon_days())
    stale = add_months(day, -stale_months())
    rows = []
    for fact in Fact.objects.prefetch_related("values"):
        values = sorted(fact.values.all(), key=lambda v: v.valid_from)
        started = [v for v in values if v.valid_from <= day]
        later = [v for v in values if v.valid_from > day]
        value = started[-1] if started else None
        reasons = []
        if value is None:
            reasons.append(NO_VALUE)
        elif value.valid_until and value.valid_until < day:
            reasons.append(EXPIRED)
        elif value.valid_until and value.valid_until <= soon and not later:
            reasons.append(EXPIRING)
        if value is not None and (value.checked_on is None or value.checked_on < stale):
            reasons.append(NOT_CHECKED)
        if reasons:
            rows.append(Row(fact, value, reasons))
    pages_by_key = pages_using([row.fact.key for row in rows])
    for row in rows:
        row.pages = pages_by_key.get(row.fact.key, [])
    order = [EXPIRED, NO_VALUE, EXPIRING, NOT_CHECKED]
    rows.sort(key=lambda row: (order.index(row.reasons[0]), row.fact.key))
    return rows


def pages_using(keys):
    """{fact key: [live pages, Dutch first]} from the usage recorded at publishing."""
    usage = FactUsage.objects.filter(fact_key__in=keys, page__live=True).values_list(
        "fact_key", "page_id"
    )
    page_ids = {page_id for _key, page_id in usage}
    pages = Page.objects.filter(pk__in=page_ids).select_related("locale").in_bulk()
    found = {}
    for key, page_id in usage:
        found.setdefault(key, []).append(pages[page_id])
    source = settings.LANGUAGE_CODE
    for key in found:
        found[key].sort(key=lambda p: (p.locale.language_code != source, p.url_path))
    return found


@dataclass
class Mismatch:
    """A live translation that uses other facts than its Dutch source page, for example
    because a translator changed a placeholder in the translation editor."""

    page: Page
    missing: list
    extra: list


def translations_with_other_facts():
    usage = {}
    for page_id, key in FactUsage.objects.filter(page__live=True).values_list(
        "page_id", "fact_key"
    ):
        usage.setdefault(page_id, set()).add(key)
    keys = Page.objects.filter(pk__in=usage).values_list("translation_key", flat=True)
    pages = Page.objects.filter(translation_key__in=set(keys), live=True).select_related("locale")
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, []).append(page)
    found = []
    for group in by_key.values():
        source = next((p for p in group if p.locale.language_code == settings.LANGUAGE_CODE), None)
        if source is None:
            continue
        wanted = usage.get(source.pk, set())
        for page in group:
            used = usage.get(page.pk, set())
            if page is not source and used != wanted:
                found.append(Mismatch(page, sorted(wanted - used), sorted(used - wanted)))
    found.sort(key=lambda m: m.page.url_path)
    return found
