from django.db import models


class ContentVersion(models.Model):
    """One row whose number goes up whenever published content changes (see version.py)."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.number)
