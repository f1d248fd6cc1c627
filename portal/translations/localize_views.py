"""wagtail-localize's admin views, held to the page tree's rights (see rights.py).

Served at localize's own addresses (registered ahead of localize's URLs in wagtail_hooks), so
every link localize draws leads here:
- "Translate this page" offers, and accepts, only the languages the user may publish in;
- "Sync translated pages" lists, updates and publishes only those languages' translations;
- "Convert to alias" (which makes the page show the source text live) needs publish rights.
The translation editor's own views already check the target page's rights.
"""

import contextlib

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from . import loop_views, markup, po_files, rights, update_loop
from .roles import languages_of_user


class GuardedSubmitMixin:
    """Only the languages the user may publish in are offered and accepted."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        instance = self.get_object()
        self.allowed = rights.allowed_locales(request.user, instance, Locale.objects.all())
        if not self.allowed.exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=self.allowed)
        if not form.is_bound and not form.initial.get("locales"):
            # Pre-select the editor's own language(s) among those still to translate.
            own = languages_of_user(self.request.user)
            if len(own) < len(Locale.objects.all()):
                form.initial["locales"] = list(field.queryset.filter(language_code__in=own))
        return form

    def form_valid(self, form):
        if isinstance(self.object, Page) and form.cleaned_data.get("include_subtree"):
            refused = [
                locale
                for locale in form.cleaned_data["locales"]
                if not rights.may_publish_subtree_in(self.request.user, self.object, locale)
            ]
            if refused:
                form.add_error(
                    "include_subtree",
                    _("You may not publish every page below this one in %(languages)s.")
                    % {"languages": ", ".join(locale.get_display_name() for locale in refused)},
                )
                return self.render_to_response(self.get_context_data(form=form))
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None)
        context = super().get_context_data(**kwargs)
        if form is not None:
            context["form"] = form
        return context

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and self.components.is_valid():
            return self.form_valid(form)
        return self.render_to_response(self.get_context_data(form=form))


class SubmitPageTranslationView(GuardedSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(
    GuardedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync (and optionally publish) only the translations the user may publish."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        source = self.get_object()
        instance = source.get_source_instance()
        self.allowed_translations = [
            translation
            for translation in source.translations.filter(enabled=True).select_related(
                "target_locale"
            )
            if rights.may_publish_in(request.user, instance, translation.target_locale)
        ]
        if not self.allowed_translations:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        allowed = {translation.target_locale_id for translation in self.allowed_translations}
        context["translations"] = [
            item for item in context["translations"] if item["locale"].pk in allowed
        ]
        return context

    @transaction.atomic
    def form_valid(self, form):
        update_loop.take_in_latest_source(
            self.object,
            [translation.target_locale for translation in self.allowed_translations],
            user=self.request.user,
        )
        if form.cleaned_data["publish_translations"]:
            for translation in self.allowed_translations:
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=self.request.user, publish=True)
        else:
            for translation in self.allowed_translations:
                with contextlib.suppress(ValidationError):
                    self.object.update_target_view_restrictions(translation.target_locale)
        self.components.save(
            self.object, sources_and_translations={self.object: self.allowed_translations}
        )
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.get_default_success_url())


def convert_to_alias(request, page_id):
    """An alias shows the source text live, so converting needs the right to publish."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def download_pofile(request, translation_id):
    """localize's per-page PO download, with placeholders and fuzzy marks (po_files)."""

    translation = get_object_or_404(Translation, id=translation_id)
    if not edit_translation.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    response = HttpResponse(
        str(po_files.export_po(translation)), content_type="text/x-gettext-translation"
    )
    name = f"{slugify(translation.source.object_repr)}-{translation.target_locale.language_code}"
    response["Content-Disposition"] = f"attachment; filename={name}.po"
    return response


@require_POST
def upload_pofile(request, translation_id):
    """localize's per-page PO upload, refusing files it cannot read or whose tags do not
    match, with the reason in the editor's language."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not edit_translation.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    try:
        po = polib.pofile(upload.read().decode("utf-8")) if upload else None
    except (OSError, UnicodeDecodeError, ValueError):
        po = None
    if po is None:
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(next_url)
    if po.metadata.get(po_files.TRANSLATION_ID) != str(translation.uuid):
        messages.error(request, _("This file belongs to another page or language."))
        return redirect(next_url)
    try:
        po_files.import_po(translation, po, user=request.user, tool_name="PO File")
    except po_files.PoFileRefused as refused:
        for problem in refused.problems:
            messages.error(request, problem)
        return redirect(next_url)
    messages.success(request, _("The translations in the PO file are saved."))
    return redirect(next_url)


@api_view(["PUT", "DELETE"])
@permission_classes([IsAuthenticated])
@authentication_classes([SessionAuthentication])
def edit_piece(request, translation_id, string_segment_id):
    """Saving one piece in localize's editor: refused when its tags do not match the Dutch
    piece; saving (or confirming) a piece clears its review mark."""
    original = edit_translation.edit_string_translation.cls
    if request.method != "PUT":
        return original.delete(None, request, translation_id, string_segment_id)
    translation = get_object_or_404(Translation, id=translation_id)
    segment = get_object_or_404(
        StringSegment.objects.select_related("string", "context"), id=string_segment_id
    )
    if segment.context.object_id != translation.source.object_id:
        raise Http404
    page = translation.get_target_instance()
    if not edit_translation.user_can_edit_instance(request.user, page):
        raise PermissionDenied
    try:
        value = markup.to_html(request.POST.get("value", ""), segment.string.data)
    except markup.TagMismatch as mismatch:
        return Response({"error": loop_views.tag_error(page, segment, mismatch)}, status=400)
    string_translation, created = StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        locale_id=translation.target_locale_id,
        context_id=segment.context_id,
        defaults={
            "data": value,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "tool_name": "",
            "last_translated_by": request.user,
            "has_error": False,
            "field_error": "",
        },
    )
    update_loop.clear_review(string_translation)
    data = edit_translation.StringTranslationSerializer(
        string_translation, context={"translation_source": translation.source}
    ).data
    # The editor keeps showing what the translator typed: placeholders, not the tags.
    data["data"] = markup.shown(data["data"], segment.string.data)
    return Response(data, status=201 if created else 200)
