"""The language editor's update loop in the admin: take in the latest Dutch text for one
language, review the changed pieces (kept translation, new Dutch, what changed), and confirm
before publishing a translation with pieces still to review or empty."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from ..core.text_diff import word_diff
from . import markup, rights, status, update_loop


def translation_of(page):
    """The enabled localize translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def take_in(request, page_id):
    """POST: take in the latest Dutch text for this translated page's language only."""
    page = get_object_or_404(Page, pk=page_id).specific
    translation = translation_of(page)
    if translation is None:
        raise PermissionDenied
    source_page = translation.source.get_source_instance()
    if not rights.may_publish_in(request.user, source_page, translation.target_locale):
        raise PermissionDenied
    if request.method == "POST":
        update_loop.take_in_latest_source(translation.source, [translation.target_locale])
        reviews = update_loop.pieces_to_review(translation)
        messages.success(
            request,
            _("The latest Dutch text is taken in for %(language)s.")
            % {"language": translation.target_locale.get_display_name()},
        )
        if reviews:
            return redirect("translation_review", translation.pk)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return render(
        request,
        "translations/take_in.html",
        {"page": page, "source_page": source_page, "translation": translation},
    )


def review(request, translation_id):
    """The changed pieces of one translation: the kept translation to confirm or edit, beside
    the new Dutch text and a word diff of the change."""
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    page = translation.get_target_instance()
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    pieces = update_loop.pieces_to_review(translation)
    errors = {}
    if request.method == "POST":
        updates = []
        for segment, string_translation in pieces:
            key = f"piece-{string_translation.pk}"
            if key not in request.POST:
                continue
            text = request.POST[key].strip()
            if not text:
                errors[string_translation.pk] = _("Type the translation of this piece.")
                continue
            try:
                updates.append((string_translation, markup.to_html(text, segment.string.data)))
            except markup.TagMismatch as mismatch:
                errors[string_translation.pk] = tag_error(page, segment, mismatch)
        if not errors:
            with transaction.atomic():
                for string_translation, value in updates:
                    string_translation.data = value
                    string_translation.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
                    string_translation.last_translated_by = request.user
                    string_translation.save()
                    update_loop.clear_review(string_translation)
            messages.success(
                request,
                ngettext("%(count)s piece confirmed.", "%(count)s pieces confirmed.", len(updates))
                % {"count": len(updates)},
            )
            if update_loop.pieces_to_review(translation):
                return redirect("translation_review", translation.pk)
            return redirect("wagtailadmin_pages:edit", page.pk)
    rows = [
        {
            "id": string_translation.pk,
            "dutch": markup.to_placeholders(segment.string.data, segment.string.data),
            "diff": word_diff(
                markup.to_placeholders(
                    string_translation.review.previous_source,
                    string_translation.review.previous_source,
                ),
                markup.to_placeholders(segment.string.data, segment.string.data),
            ),
            "text": request.POST.get(f"piece-{string_translation.pk}")
            or markup.to_placeholders(string_translation.data, segment.string.data),
            "error": errors.get(string_translation.pk),
            "place": segment.context.path,
        }
        for segment, string_translation in pieces
    ]
    return render(
        request,
        "translations/review.html",
        {
            "page": page,
            "translation": translation,
            "language": translation.target_locale.get_display_name(),
            "rows": rows,
        },
    )


def tag_error(page, segment, mismatch):
    return _(
        "“%(page)s”, piece “%(place)s”: the tags do not match the Dutch text. Use %(tags)s "
        "in the same order as in the Dutch text."
    ) % {"page": page.title, "place": segment.context.path, "tags": str(mismatch)}


def publish_confirmation(request, page, translation):
    """Shown instead of publishing when pieces are unreviewed or empty; its form publishes."""
    reviews = update_loop.pieces_to_review(translation)
    empty = update_loop.empty_pieces(translation)
    if not reviews and not empty:
        return None
    return render(
        request,
        "translations/confirm_publish.html",
        {
            "page": page,
            "translation": translation,
            "language": translation.target_locale.get_display_name(),
            "reviews": [
                markup.to_placeholders(segment.string.data, segment.string.data)
                for segment, _t in reviews
            ],
            "empty": [
                markup.to_placeholders(segment.string.data, segment.string.data)
                for segment in empty
            ],
            "review_url": reverse("translation_review", args=[translation.pk]),
        },
    )


def announce_work(request, page, translation):
    """Messages above the translation editor: take in the changed Dutch, review pieces."""
    _source, cell = status.page_status(page)
    if cell is not None and cell.status == status.OUTDATED:
        messages.warning(
            request,
            _("The Dutch text of this page changed after your last update."),
            buttons=[
                messages.button(
                    reverse("translation_take_in", args=[page.pk]),
                    _("Take in the latest Dutch text"),
                )
            ],
        )
    if update_loop.pieces_to_review(translation):
        messages.warning(
            request,
            _("Some pieces changed in Dutch: your previous translation is kept for review."),
            buttons=[
                messages.button(
                    reverse("translation_review", args=[translation.pk]),
                    _("Review changed pieces"),
                )
            ],
        )
