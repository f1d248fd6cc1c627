"""Admin pieces for translators and editors.

- "Publish as minor change" in the action menu of Dutch pages: the change does not make
  translations outdated (a typo, layout).
- Reports › Translation status: pages × languages with filters and a CSV download.
- The admin home shows each editor the work waiting in their languages.
- After publishing a Dutch page, the publisher is told which languages are now outdated.
- Account › Notifications: language editors may switch off the daily e-mail (digest.py).
"""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.models import Page

from ..core import source_pieces
from ..core.freshness import remember
from ..directory import text_status as directory_texts
from . import digest, localize_views, loop_views, status, views
from .forms import DigestSettingForm
from .links import cell_link
from .models import DigestSetting, UntranslatedPiece
from .rights import TreeRights
from .signal_handlers import mark_last_publish_minor

MINOR_ACTION = "action-publish-minor"


class MinorPublishMenuItem(PublishMenuItem):
    label = gettext_lazy("Publish as minor change")
    name = MINOR_ACTION
    template_name = "wagtailadmin/pages/action_menu/menu_item.html"
    icon_name = "upload"

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and page.locale.language_code == settings.LANGUAGE_CODE
            and super().is_shown(context)
        )


@hooks.register("register_page_action_menu_item")
def register_minor_publish():
    return MinorPublishMenuItem(order=15)


@hooks.register("before_edit_page")
def publish_minor_change_as_publish(request, page):
    if request.method == "POST" and MINOR_ACTION in request.POST:
        request.POST = request.POST.copy()
        request.POST["action-publish"] = "action-publish"
        request.minor_change = True


@hooks.register("after_edit_page")
def remember_minor_change(request, page):
    if getattr(request, "minor_change", False) and page.live:
        mark_last_publish_minor(page)
        return
    if "action-publish" in request.POST and page.locale.language_code == settings.LANGUAGE_CODE:
        announce_outdated(request, page)


def announce_outdated(request, page):
    """Tell whoever just published a Dutch page which languages must now follow it, and that
    their editors are told (admin home, daily e-mail)."""
    cells = status.status_matrix(Page.objects.filter(pk=page.pk))[0].cells
    outdated = [code for code, cell in cells.items() if cell.status == status.OUTDATED]
    if not outdated:
        return
    names = dict(settings.LANGUAGES)
    messages.success(
        request,
        _(
            "The translations of “%(page)s” are now outdated in: %(languages)s. Their editors "
            "see it on their admin home and in their daily e-mail."
        )
        % {"page": page.title, "languages": ", ".join(names[code] for code in outdated)},
        buttons=[
            messages.button(
                reverse("translation_status") + "?language=&status=outdated",
                _("Translation status"),
            )
        ],
    )


@hooks.register("register_admin_urls", order=-1)
def guard_localize_urls():
    """Our rights-checked versions of localize's views, at localize's own addresses: these
    patterns come before localize's, so they answer every link localize draws."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            localize_views.SubmitPageTranslationView.as_view(),
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            localize_views.SubmitSnippetTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            localize_views.UpdateTranslationsView.as_view(),
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", localize_views.convert_to_alias),
        path(
            "localize/translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            localize_views.edit_piece,
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/download/",
            localize_views.download_pofile,
        ),
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            localize_views.upload_pofile,
        ),
    ]


@hooks.register("before_edit_page", order=-1)
def guard_translation_publish(request, page):
    """Before localize's translation editor: publishing with pieces still to review or empty
    asks for confirmation first; opening it says what waits (changed Dutch, pieces to review)."""
    translation = loop_views.translation_of(page)
    if translation is None:
        return None
    if request.method == "POST":
        if (
            request.POST.get("action") == "publish"
            and not request.POST.get("confirm_incomplete")
            and page.permissions_for_user(request.user).can_publish()
        ):
            return loop_views.publish_confirmation(request, page, translation)
        return None
    loop_views.announce_work(request, page, translation)
    return None


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("translation-status/", views.status_dashboard, name="translation_status"),
        path(
            "translation-status/<str:code>/po.zip",
            views.po_download,
            name="translation_po_download",
        ),
        path(
            "translation-status/<str:code>/upload/", views.po_upload, name="translation_po_upload"
        ),
        path(
            "translation-status/take-in/<int:page_id>/",
            loop_views.take_in,
            name="translation_take_in",
        ),
        path(
            "translation-status/review/<int:translation_id>/",
            loop_views.review,
            name="translation_review",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_status_report():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("translation_status"),
        icon_name="globe",
        order=50,
    )


class TranslationWorkPanel(Component):
    """Each editor's languages: the counts, and the pages that are outdated, newest first,
    each linking to where the editor takes in the new Dutch (or edits)."""

    name = "translation_work"
    order = 50
    template_name = "translations/home_panel.html"
    PAGES_SHOWN = 10

    def __init__(self, request, languages):
        self.request = request
        self.languages = languages

    def get_context_data(self, parent_context):
        rows = status.status_matrix(languages=self.languages)
        counts = status.counts_by_language(rows)
        rights = TreeRights(self.request.user)
        directory = directory_texts.counts_by_language(self.languages)
        work = []
        for code in self.languages:
            outdated = status.outdated_in(rows, code)
            pages = [
                (row, cell, cell_link(rights, False, row, code, cell, {}))
                for row, cell in outdated[: self.PAGES_SHOWN]
            ]
            work.append(
                {
                    "code": code,
                    "name": dict(settings.LANGUAGES)[code],
                    "totals": counts.get(code, {}),
                    "pages": pages,
                    "more": len(outdated) - len(pages),
                    "directory": directory[code],
                }
            )
        return {"work": work, "status_url": reverse("translation_status")}


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    languages = views.languages_of(request.user)
    if languages:
        panels.append(TranslationWorkPanel(request, languages))


class DigestSettingsPanel(BaseSettingsPanel):
    """The daily e-mail about outdated translations, on Wagtail's Notifications tab, for the
    people who get it: language editors."""

    name = "translation_digest"
    title = gettext_lazy("Translations")
    tab = notifications_tab
    order = 150
    form_class = DigestSettingForm

    def is_active(self):
        return bool(digest.languages_for(self.user))

    def get_form(self):
        instance = DigestSetting.objects.filter(user=self.user).first() or DigestSetting(
            user=self.user
        )
        if self.request.method == "POST":
            return self.form_class(self.request.POST, instance=instance, prefix=self.name)
        return self.form_class(instance=instance, prefix=self.name)


@hooks.register("register_account_settings_panel")
def register_digest_settings_panel(request, user, profile):
    return DigestSettingsPanel(request, user, profile)


def untranslated_by_page():
    """{page id: texts of its pieces published in Dutch} for the whole site: one query per
    content version (which every publish moves on), none per page."""

    def build():
        found = {}
        for page_id, text in UntranslatedPiece.objects.values_list("page_id", "text"):
            found.setdefault(page_id, set()).add(text)
        return {page_id: frozenset(texts) for page_id, texts in found.items()}

    return remember(build, "untranslated-pieces")


@hooks.register(source_pieces.HOOK)
def untranslated_pieces(page):
    """Readers' pages mark these lang="nl" (core.source_pieces)."""
    return untranslated_by_page().get(page.pk, frozenset())
