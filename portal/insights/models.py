"""What the statistics keep. Nothing here says anything about a reader: no IP address, user
agent, cookie, identifier or time of day; only a date, a language and a page.

- PageViewEvent: raw counts, written by the view beacon in batches (counter.py) with a single
  INSERT (cheap, never a read-then-write race). `aggregate_insights` (daily, cron) adds them into
  PageView and empties the table, so no raw row outlives a day.
- PageView: views per day, language and page.
- FeedbackVote: "Was this page helpful?" answers per day, language, page and answer.
- FeedbackComment: the optional short comment, for editors to read and mark handled.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..core.models import DailyCount


class PageViewEvent(models.Model):
    date = models.DateField()
    language = models.CharField(max_length=10)
    page_id = models.PositiveIntegerField()
    count = models.PositiveIntegerField(default=1)

    def __str__(self):
        return f"{self.date} {self.language} {self.page_id}: {self.count}"


class PageView(DailyCount):
    # Kept when the page is deleted: the year's totals must not shrink.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["date", "language", "page"], name="one_view_count")
        ]
        indexes = [models.Index(fields=["date"])]
        verbose_name = _("page view count")
        verbose_name_plural = _("page view counts")

    def __str__(self):
        return f"{self.date} {self.language} {self.page_id}: {self.count}"


class FeedbackVote(DailyCount):
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    helpful = models.BooleanField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["date", "language", "page", "helpful"], name="one_vote_count"
            )
        ]
        verbose_name = _("feedback count")
        verbose_name_plural = _("feedback counts")

    def __str__(self):
        return f"{self.date} {self.language} {self.page_id} {self.helpful}: {self.count}"


class FeedbackComment(models.Model):
    MAX_LENGTH = 500

    date = models.DateField(_("date"))
    language = models.CharField(_("language"), max_length=10)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=MAX_LENGTH)
    handled = models.BooleanField(_("handled"), default=False)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["language", "handled"])]
        verbose_name = _("reader comment")
        verbose_name_plural = _("reader comments")

    def __str__(self):
        # Never the reader's text: this name is what Wagtail keeps in its log (the site history
        # shows it to every editor) and shows in titles and messages. The text itself is shown
        # only by the views that check the comment's language.
        return _("Reader comment %(number)s") % {"number": self.pk}

    def save(self, *args, **kwargs):
        from django.utils import timezone

        if self.handled and self.handled_at is None:
            self.handled_at = timezone.now()
        elif not self.handled:
            self.handled_at = None
        super().save(*args, **kwargs)
