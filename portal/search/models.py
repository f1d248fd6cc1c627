"""What search needs besides the pages and services themselves.

- SearchEntry: one row per page or service per language, with its texts folded for matching
  (see text.py). Kept up to date by signal handlers; rebuilt by `update_search_entries`.
- SynonymGroup: words that mean the same, managed by editors ("huisarts", "GP", "lekarz
  rodzinny"): a query with one of them also finds pages with the others.
- ZeroResultQuery: what readers looked for and did not find, counted per day and language.
"""

import re

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..core.models import DailyCount
from .text import fold


class SearchEntry(models.Model):
    language = models.CharField(max_length=10)
    # A page entry stands for all translations of a page (one translation key); in a language
    # without a translation it holds the fallback language's page, at the reader's address.
    translation_key = models.UUIDField(null=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.CASCADE, related_name="+"
    )
    service = models.ForeignKey(
        "directory.Service", null=True, on_delete=models.CASCADE, related_name="+"
    )
    fallback = models.BooleanField(default=False)
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    topic = models.CharField(max_length=255, blank=True)
    folded_title = models.TextField(blank=True)
    folded_summary = models.TextField(blank=True)
    folded_body = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["language", "translation_key"], name="one_entry_per_page"
            ),
            models.UniqueConstraint(fields=["language", "service"], name="one_entry_per_service"),
        ]
        indexes = [models.Index(fields=["language"])]

    def __str__(self):
        return f"{self.language}: {self.title}"

    def save(self, *args, **kwargs):
        self.folded_title = fold(self.title)
        self.folded_summary = fold(self.summary)
        self.folded_body = fold(self.body)
        super().save(*args, **kwargs)


class SynonymGroup(models.Model):
    terms = models.TextField(
        _("words that mean the same"),
        help_text=_(
            "One word or phrase per line, in any language, for example: huisarts, family doctor, "
            "lekarz rodzinny. A search for one of them also finds pages with the others."
        ),
    )

    class Meta:
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms")

    def __str__(self):
        return ", ".join(self.term_list()[:4])

    def term_list(self):
        return [line.strip() for line in self.terms.splitlines() if line.strip()]


class ZeroResultQuery(DailyCount):
    """Counted without anything about the reader; numbers in the query are masked (a reader
    may type a BSN or a phone number)."""

    query = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["date", "language", "query"], name="one_count_per_day")
        ]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")

    def __str__(self):
        return f"{self.date} {self.language}: {self.query} ({self.count})"

    # New rows per day: far more different searches than readers make; a script that sends
    # endless made-up searches fills no table. Searches already listed are still counted.
    MAX_ROWS_PER_DAY = 1000

    @classmethod
    def record(cls, language, query):
        """Count one search without results (masked, see mask_query)."""
        masked = mask_query(query)
        if not masked:
            return
        today = timezone.localdate()
        listed = cls.objects.filter(date=today, language=language, query=masked).exists()
        if not listed and cls.objects.filter(date=today).count() >= cls.MAX_ROWS_PER_DAY:
            return
        cls.count_today(language, query=masked)


def mask_query(query):
    """The query as counted: lower case, spaces collapsed, at most 100 characters, and every
    run of 3 or more digits and every e-mail address replaced, so no BSN, phone number or
    address is stored."""
    query = re.sub(r"\S+@\S+", "@", query or "")
    query = re.sub(r"\d[\d\s.-]{1,}\d", "#", query)
    return " ".join(query.lower().split())[:100]
