"""Search in the admin: synonyms (Settings › Search synonyms, next to Wagtail's own
Settings › Promoted search results) and Reports › Searches without results."""

import django_filters
from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..core.spreadsheets import SafeSpreadsheetExportMixin
from .models import SynonymGroup, ZeroResultQuery


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_settings_menu = True
    search_fields = ["terms"]
    panels = [FieldPanel("terms")]


register_snippet(SynonymGroupViewSet)


class ZeroResultFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ZeroResultQuery
        fields = ["language", "date"]


class ZeroResultReport(SafeSpreadsheetExportMixin, ReportView):
    """What readers searched for and did not find, per day and language, most asked first."""

    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "search_misses"
    index_results_url_name = "search_misses_results"
    filterset_class = ZeroResultFilterSet
    columns = [
        Column("date", label=_("Date")),
        Column("language", label=_("Language")),
        Column("query", label=_("Search")),
        Column("count", label=_("Times")),
    ]
    list_export = ["date", "language", "query", "count"]
    export_headings = {
        "date": _("Date"),
        "language": _("Language"),
        "query": _("Search"),
        "count": _("Times"),
    }

    def get_queryset(self):
        return ZeroResultQuery.objects.order_by("-date", "-count", "query")

    def get_filename(self):
        return "searches-without-results"


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("search-misses/", ZeroResultReport.as_view(), name="search_misses"),
        path(
            "search-misses/results/",
            ZeroResultReport.as_view(results_only=True),
            name="search_misses_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_zero_result_report():
    return MenuItem(
        _("Searches without results"), reverse("search_misses"), icon_name="search", order=60
    )
