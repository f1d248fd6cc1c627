"""Facts and site notices in the Wagtail admin: two snippets under "Facts", and the report
"Figures to check" under Reports."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Fact, SiteNotice


def each_language(field):
    return [FieldPanel(f"{field}_{code}", heading=name) for code, name in settings.LANGUAGES]


class FactViewSet(SnippetViewSet):
    model = Fact
    icon = "table"
    menu_label = _("Facts")
    list_display = ["label", "key", "kind"]
    list_filter = ["kind"]
    search_fields = ["key", *[f"label_{code}" for code, _name in settings.LANGUAGES]]
    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("kind")]),
        MultiFieldPanel(each_language("label"), heading=_("label")),
        InlinePanel(
            "values",
            heading=_("Values over time"),
            label=_("Value"),
            help_text=_(
                "Enter a new value with the day it starts; the site switches to it at midnight "
                "by itself. Fill in “source checked on” only when you opened the source."
            ),
            panels=[
                FieldPanel("value"),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldRowPanel([FieldPanel("source_title"), FieldPanel("source_url")]),
                FieldRowPanel([FieldPanel("checked_on"), FieldPanel("checked_by")]),
            ],
        ),
    ]


class SiteNoticeViewSet(SnippetViewSet):
    model = SiteNotice
    icon = "warning"
    menu_label = _("Site notices")
    list_display = ["__str__", "starts_at", "ends_at", "below_page"]
    panels = [
        MultiFieldPanel(each_language("text"), heading=_("text")),
        FieldPanel("link"),
        PageChooserPanel("below_page"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]


class FactsGroup(SnippetViewSetGroup):
    items = (FactViewSet, SiteNoticeViewSet)
    menu_icon = "table"
    menu_label = _("Facts")
    menu_name = "facts"
    menu_order = 250


register_snippet(FactsGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("facts/check/", admin_views.figures_report, name="facts_figures_to_check"),
        path(
            "facts/check/<int:value_id>/checked-today/",
            admin_views.checked_today,
            name="facts_checked_today",
        ),
    ]


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("facts.view_fact") or admin_views.may_check(request.user)


@hooks.register("register_reports_menu_item")
def register_figures_report():
    return FiguresMenuItem(
        _("Figures to check"), reverse("facts_figures_to_check"), icon_name="table", order=700
    )
