"""Wagtail's log (the admin's site history, shown to every editor) kept the first 60 characters
of a reader comment as the entry's name. Comments are now named by number only; this renames the
entries written before, so no reader's text is left in the log."""

from django.conf import settings
from django.db import migrations
from django.utils import translation


def rename_log_entries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    content_type = ContentType.objects.filter(app_label="insights", model="feedbackcomment").first()
    if content_type is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        name = translation.gettext("Reader comment %(number)s")
        for entry in ModelLogEntry.objects.filter(content_type=content_type).only("object_id"):
            entry.label = name % {"number": entry.object_id}
            entry.save(update_fields=["label"])


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0002_pageviewevent_count"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename_log_entries, migrations.RunPython.noop)]
