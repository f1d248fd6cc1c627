"""Aggregated counters: one row per key (for example date + language), counted up."""

from django.db import IntegrityError, transaction
from django.db.models import F


def count_one(model, **key):
    """Add 1 to the `count` of the row with `key`, creating it at 0 first. Safe when several
    workers count the same key at once."""
    try:
        with transaction.atomic():
            row, _created = model.objects.get_or_create(**key)
            model.objects.filter(pk=row.pk).update(count=F("count") + 1)
    except IntegrityError:
        # Another worker created the row at the same moment.
        model.objects.filter(**key).update(count=F("count") + 1)
