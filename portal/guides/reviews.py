"""When each page is due for review: `last_reviewed` + PAGE_REVIEW_MONTHS (6 by default).

A page nobody has reviewed (no `last_reviewed`) is due now. Only Dutch source pages are listed:
translations follow their source through the translation status.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Locale

from ..core.clock import add_months
from .models import GuidePage, StandardPage


@dataclass
class ReviewRow:
    page: object
    due: datetime.date | None  # None: never reviewed
    today: datetime.date

    @property
    def overdue(self):
        return self.due is None or self.due <= self.today


def review_months():
    return settings.PAGE_REVIEW_MONTHS


def pages_to_review(day, within_days=30):
    """Source pages whose review is due by `day` + `within_days`, never-reviewed first."""
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    horizon = day + datetime.timedelta(days=within_days)
    rows = []
    for model in (GuidePage, StandardPage):
        for page in model.objects.live().filter(locale=source):
            due = add_months(page.last_reviewed, review_months()) if page.last_reviewed else None
            if due is None or due <= horizon:
                rows.append(ReviewRow(page=page, due=due, today=day))
    rows.sort(key=lambda row: (row.due is not None, row.due or day, row.page.url_path))
    return rows
