"""Tables of the ground: the content version (freshness.py) and the shape of daily counters.

This module also makes Django send core its post_migrate signal, which creates a Wagtail
Locale for every language in settings (see apps.py)."""

from django.db import models
from django.utils import timezone

from .counting import count_one


class ContentVersion(models.Model):
    """One row whose number goes up whenever published content changes (see freshness.py)."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)


class DailyCount(models.Model):
    """An aggregated counter: one row per day, language and whatever else the subclass adds
    (with a unique constraint over all of them), counted up. Nothing about a reader is kept."""

    date = models.DateField()
    language = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    @classmethod
    def count_today(cls, language, **key):
        """Add 1 to today's row for `language` and `key`; safe when workers count at once."""
        count_one(cls, date=timezone.localdate(), language=language, **key)
