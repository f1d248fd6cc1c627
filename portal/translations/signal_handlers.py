from django.conf import settings
from django.utils import timezone
from wagtail.signals import page_published
from wagtail_localize.models import StringSegment, Translation
from wagtail_localize.strings import StringValue

from ..core.source_pieces import normal
from .models import SourceEdit, UntranslatedPiece


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


def record_untranslated_pieces(sender, instance, revision=None, **kwargs):
    """A translation was published: remember which of its pieces went out in Dutch (those
    without a translation now, as localize publishes them), for their lang attribute."""
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        return
    UntranslatedPiece.objects.filter(page_id=instance.pk).delete()
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return  # translated by hand: every piece is the editor's own
    untranslated = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(instance.locale)
        .filter(translation__isnull=True)
        .values_list("string__data", flat=True)
    )
    texts = {normal(StringValue(data).render_text()) for data in untranslated}
    UntranslatedPiece.objects.bulk_create(
        UntranslatedPiece(page_id=instance.pk, text=text) for text in sorted(texts) if text
    )


def connect():
    page_published.connect(record_source_change, dispatch_uid="translations.record_source_change")
    page_published.connect(
        record_untranslated_pieces, dispatch_uid="translations.record_untranslated_pieces"
    )
