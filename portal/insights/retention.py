"""Retention: raw page-view rows are folded into daily counts and deleted; handled reader
comments are deleted a while after they were handled. Run daily (`aggregate_insights`)."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, F, Max, Sum
from django.utils import timezone
from wagtail.models import Page

from .models import FeedbackComment, PageView, PageViewEvent

KEEP_HANDLED_DAYS = 365


class Raced(Exception):
    """Rows appeared under the batch between counting and deleting; try again."""


def aggregate_page_views():
    """Fold every PageViewEvent into PageView and delete it, in one transaction: either all of
    a batch is counted and gone, or nothing changed. Running it again finds nothing to do.
    Returns the number of views folded in."""
    from .counter import views

    # This process's own counts (in production the workers write theirs every few seconds).
    views.flush()
    for _attempt in range(5):
        try:
            return fold_batch()
        except Raced:
            continue
    raise RuntimeError("page views kept arriving under the batch; try again later")


def fold_batch():
    with transaction.atomic():
        last = PageViewEvent.objects.aggregate(last=Max("id"))["last"]
        if last is None:
            return 0
        batch = PageViewEvent.objects.filter(id__lte=last)
        groups = list(
            batch.values("date", "language", "page_id").annotate(rows=Count("id"), n=Sum("count"))
        )
        existing = set(
            Page.objects.filter(pk__in={g["page_id"] for g in groups}).values_list("pk", flat=True)
        )
        for group in groups:
            # A view of a page that is gone (or of an id nobody published) counts for nothing.
            if group["page_id"] not in existing:
                continue
            key = {
                "date": group["date"],
                "language": group["language"],
                "page_id": group["page_id"],
            }
            updated = PageView.objects.filter(**key).update(count=F("count") + group["n"])
            if not updated:
                PageView.objects.create(count=group["n"], **key)
        deleted, _per_model = batch.delete()
        if deleted != sum(group["rows"] for group in groups):
            raise Raced
        return sum(group["n"] for group in groups if group["page_id"] in existing)


def delete_old_comments(days=KEEP_HANDLED_DAYS):
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _per_model = FeedbackComment.objects.filter(
        handled=True, handled_at__lt=cutoff
    ).delete()
    return deleted
