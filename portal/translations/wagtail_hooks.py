"""Admin pieces for translators and editors.

- "Publish as minor change" in the action menu of Dutch pages: the change does not make
  translations outdated (a typo, layout).
- Reports › Translation status: pages × languages with filters and a CSV download.
- The admin home shows each editor the work waiting in their languages.
"""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import status, views
from .signal_handlers import mark_last_publish_minor

MINOR_ACTION = "action-publish-minor"


class MinorPublishMenuItem(PublishMenuItem):
    label = _("Publish as minor change")
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
    ]


@hooks.register("register_reports_menu_item")
def register_status_report():
    return MenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="globe",
        order=50,
    )


class TranslationWorkPanel(Component):
    name = "translation_work"
    order = 50
    template_name = "translations/home_panel.html"

    def __init__(self, languages):
        self.languages = languages

    def get_context_data(self, parent_context):
        counts = status.counts_by_language(status.status_matrix(languages=self.languages))
        return {
            "work": [
                (code, dict(settings.LANGUAGES)[code], counts.get(code, {}))
                for code in self.languages
            ],
            "status_url": reverse("translation_status"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_work_panel(request, panels):
    languages = views.languages_of(request.user)
    if languages:
        panels.append(TranslationWorkPanel(languages))
