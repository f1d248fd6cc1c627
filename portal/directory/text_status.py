"""Which translated directory texts must be checked because their Dutch changed.

The directory's texts are translated per field (django-modeltranslation: name_nl, name_pl, …).
When the Dutch text of a field of a service or organisation changes (in the admin or by
`import_hsds`), each other language's text of that field is flagged (OutdatedText), unless:
- that language has no text (readers get the fallback; there is nothing to check), or
- that language's text changed in the same save: it was written for the new Dutch (a moderator
  changing both, or an import bringing both).
A flag goes when that language's text is changed or emptied, when its editor confirms the text
as checked in the edit form (text_checks.py), or when the Dutch goes back to the text the
translation was checked against. Changes in whitespace only are no change.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from modeltranslation.translator import translator

from .models import Organisation, OutdatedText, Service

SOURCE = settings.LANGUAGE_CODE
TRACKED_MODELS = (Service, Organisation)


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != SOURCE]


def translated_fields(model):
    """The translated fields of `model`, in the order translation.py gives them."""
    return list(translator.get_options_for_model(model).fields)


def same(a, b):
    """Equal but for whitespace (a re-wrapped line or a trailing space is not a change)."""
    return " ".join((a or "").split()) == " ".join((b or "").split())


def text_changes(model, before, instance):
    """[(field, language, "flag" | "clear", previous Dutch)] of one save, from the stored values
    `before` and the values on `instance`."""
    changes = []
    for field in translated_fields(model):
        old_dutch = before[f"{field}_{SOURCE}"] or ""
        dutch_changed = not same(old_dutch, getattr(instance, f"{field}_{SOURCE}"))
        for code in target_languages():
            column = f"{field}_{code}"
            new = getattr(instance, column)
            if not (new or "").strip() or not same(before[column], new):
                # No text (the reader gets the fallback) or a new one, written for this Dutch.
                changes.append((field, code, "clear", old_dutch))
            elif dutch_changed:
                changes.append((field, code, "flag", old_dutch))
    return changes


def apply_changes(instance, changes):
    """Write the flags of one save: create, keep or drop them. Few queries: one to read the
    object's flags, then only what changes."""
    content_type = ContentType.objects.get_for_model(type(instance))
    flags = {
        (flag.field, flag.language): flag
        for flag in OutdatedText.objects.filter(content_type=content_type, object_id=instance.pk)
    }
    now = timezone.now()
    drop = []
    for field, code, action, old_dutch in changes:
        flag = flags.get((field, code))
        if action == "clear":
            if flag is not None:
                drop.append(flag.pk)
        elif flag is None:
            OutdatedText.objects.create(
                content_type=content_type,
                object_id=instance.pk,
                field=field,
                language=code,
                reviewed_source=old_dutch,
                flagged_at=now,
                changed_at=now,
            )
        elif same(flag.reviewed_source, getattr(instance, f"{field}_{SOURCE}")):
            # The Dutch is back to what the translation was checked against.
            drop.append(flag.pk)
        else:
            # Changed again: the translation was still checked against the older Dutch.
            flag.changed_at = now
            flag.save(update_fields=["changed_at"])
    if drop:
        OutdatedText.objects.filter(pk__in=drop).delete()


def remember_text_changes(sender, instance, raw=False, **kwargs):
    """pre_save: compare the texts about to be saved with the stored ones."""
    instance._text_changes = None
    if raw or instance._state.adding:
        return
    columns = [
        f"{field}_{code}" for field in translated_fields(sender) for code, _n in settings.LANGUAGES
    ]
    before = sender._base_manager.filter(pk=instance.pk).values(*columns).first()
    if before is not None:
        instance._text_changes = text_changes(sender, before, instance)


def record_text_changes(sender, instance, raw=False, **kwargs):
    """post_save: write the flags once the object itself is saved (same transaction)."""
    changes = getattr(instance, "_text_changes", None)
    instance._text_changes = None
    if changes and not raw:
        apply_changes(instance, changes)


def connect():
    for model in TRACKED_MODELS:
        uid = f"directory.text_status.{model.__name__}"
        pre_save.connect(remember_text_changes, sender=model, dispatch_uid=f"{uid}.pre")
        post_save.connect(record_text_changes, sender=model, dispatch_uid=f"{uid}.post")


# --- reading the flags ----------------------------------------------------------------------


def flags_for(instance):
    """{(field, language): OutdatedText} of one service or organisation."""
    if instance.pk is None or type(instance) not in TRACKED_MODELS:
        return {}
    return {
        (flag.field, flag.language): flag
        for flag in OutdatedText.objects.filter(
            content_type=ContentType.objects.get_for_model(type(instance)),
            object_id=instance.pk,
        )
    }


def mark_checked(instance, field, code):
    """The editor of `code` checked this text against the current Dutch."""
    OutdatedText.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)),
        object_id=instance.pk,
        field=field,
        language=code,
    ).delete()


def entries_to_check(languages):
    """[(service or organisation, {language: [field, …]})] with flags in `languages`, services
    first, each kind by Dutch name. Three queries whatever the number of flags."""
    found = {}
    for flag in OutdatedText.objects.filter(language__in=languages).order_by("id"):
        fields = found.setdefault((flag.content_type_id, flag.object_id), {})
        fields.setdefault(flag.language, []).append(flag.field)
    entries = []
    for model in TRACKED_MODELS:
        content_type = ContentType.objects.get_for_model(model)
        ids = [object_id for type_id, object_id in found if type_id == content_type.pk]
        for instance in model.objects.filter(pk__in=ids).order_by(f"name_{SOURCE}"):
            fields = found[(content_type.pk, instance.pk)]
            order = translated_fields(model)
            entries.append(
                (instance, {code: sorted(names, key=order.index) for code, names in fields.items()})
            )
    return entries


def counts_by_language(languages):
    """{language: number of flagged texts}."""
    counts = dict.fromkeys(languages, 0)
    rows = (
        OutdatedText.objects.filter(language__in=languages)
        .values("language")
        .annotate(n=Count("id"))
        .values_list("language", "n")
    )
    counts.update(rows)
    return counts
