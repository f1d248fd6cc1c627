from django.conf import settings
from django.utils import timezone
from wagtail.signals import page_published

from .models import SourceEdit


def record_source_change(sender, instance, revision=None, **kwargs):
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    now = timezone.now()
    edit, created = SourceEdit.objects.get_or_create(
        page_id=instance.pk, defaults={"content_changed_at": now}
    )
    if not created:
        edit.previous_content_changed_at = edit.content_changed_at
        edit.content_changed_at = now
        edit.save()


def mark_last_publish_minor(page):
    """Undo the change mark of the publish that just happened: it was a minor change."""
    edit = SourceEdit.objects.filter(page_id=page.pk).first()
    if edit is None:
        return
    if edit.previous_content_changed_at is None:
        # The very first publish is never minor for a page that had no translations yet.
        return
    edit.content_changed_at = edit.previous_content_changed_at
    edit.save(update_fields=["content_changed_at"])


def connect():
    page_published.connect(record_source_change, dispatch_uid="translations.record_source_change")
