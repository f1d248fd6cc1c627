"""Taking in the latest Dutch text, one language at a time, without losing a translation.

localize keeps one source text per page, shared by all languages. Taking in the latest Dutch
for one language updates it; to keep the other languages exactly as they were:
- each language remembers when it last took in the Dutch (LanguageSync), so their status stays
  "outdated" until their own editor acts;
- every changed piece keeps its previous translation in every language, marked for review
  (PieceReview, "fuzzy"), so no language ever publishes Dutch where it had its own text.
New pieces start empty. A piece is matched to its previous version by its place in the page
(localize's context: the field or block it belongs to) and its order there.
"""

import difflib

from django.db import transaction
from django.utils import timezone
from wagtail_localize.models import StringSegment, StringTranslation

from .models import LanguageSync, PieceReview


def segments_by_context(source):
    """{context id: [string, …] in page order} of the source's current pieces."""
    found = {}
    for segment in (
        StringSegment.objects.filter(source=source).select_related("string").order_by("order")
    ):
        found.setdefault(segment.context_id, []).append(segment.string)
    return found


def changed_pieces(before, after):
    """(previous string, new string) for each piece that changed within its context."""
    for context_id, new_strings in after.items():
        old_strings = before.get(context_id, [])
        matcher = difflib.SequenceMatcher(
            a=[s.pk for s in old_strings], b=[s.pk for s in new_strings], autojunk=False
        )
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "replace":
                for old, new in zip(old_strings[a0:a1], new_strings[b0:b1], strict=False):
                    yield context_id, old, new


def carry_over(before, after, locales):
    """Give each changed piece its previous translation in each language, marked for review."""
    for context_id, old, new in changed_pieces(before, after):
        previous = {
            translation.locale_id: translation
            for translation in StringTranslation.objects.filter(
                translation_of=old, context_id=context_id, locale__in=locales, has_error=False
            )
        }
        for locale_id, translation in previous.items():
            carried, created = StringTranslation.objects.get_or_create(
                translation_of=new,
                context_id=context_id,
                locale_id=locale_id,
                defaults={
                    "data": translation.data,
                    "translation_type": translation.translation_type,
                    "tool_name": translation.tool_name,
                    "last_translated_by": translation.last_translated_by,
                },
            )
            if created:
                earlier = PieceReview.objects.filter(translation=translation).first()
                PieceReview.objects.create(
                    translation=carried,
                    previous_source=earlier.previous_source if earlier else old.data,
                )


@transaction.atomic
def take_in_latest_source(source, locales, user=None):
    """Hand the current Dutch text to the translators of `locales` (and only them)."""
    enabled = list(source.translations.filter(enabled=True).values_list("target_locale", flat=True))
    chosen = {locale.pk for locale in locales}
    for locale_id in enabled:
        if locale_id not in chosen:
            # They keep the version they had; only their own editor moves it forward.
            LanguageSync.objects.get_or_create(
                source=source, locale_id=locale_id, defaults={"synced_at": source.last_updated_at}
            )
    before = segments_by_context(source)
    source.update_from_db()
    carry_over(before, segments_by_context(source), enabled)
    now = source.last_updated_at or timezone.now()
    for locale_id in chosen:
        LanguageSync.objects.update_or_create(
            source=source, locale_id=locale_id, defaults={"synced_at": now}
        )


def pieces_to_review(translation):
    """The pieces of one translation (localize Translation) with their review marks, in page
    order: [(segment, string translation)] for every marked piece."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )
    marked = {
        (item.translation_of_id, item.context_id): item
        for item in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id,
            locale=translation.target_locale,
            review__isnull=False,
        ).select_related("review")
    }
    return [
        (segment, marked[(segment.string_id, segment.context_id)])
        for segment in segments
        if (segment.string_id, segment.context_id) in marked
    ]


def empty_pieces(translation):
    """The pieces of one translation that have no text in its language."""
    return list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .order_by("order")
    )


def clear_review(string_translation):
    PieceReview.objects.filter(translation=string_translation).delete()
