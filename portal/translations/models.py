from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceEdit(models.Model):
    """When a Dutch source page last changed in a way its translations must follow.

    Every publish of a source page moves `content_changed_at` forward, unless the editor chose
    "Publish as minor change" (a typo, layout): then it goes back to the previous value, so
    translations do not become "outdated" for nothing.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    content_changed_at = models.DateTimeField(_("content changed at"))
    previous_content_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("source page change")

    def __str__(self):
        return f"{self.page_id}: {self.content_changed_at:%Y-%m-%d %H:%M}"
