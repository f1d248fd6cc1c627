"""The statistics dashboard (Reports › Statistics) and the yearly report for the council."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.admin.auth import user_passes_test

from ..core.languages import language_name
from ..core.spreadsheets import csv_download
from . import charts, figures
from .access import may_see_statistics

FIRST_YEAR = 2024


def chosen_year(request):
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    return min(max(year, FIRST_YEAR), this_year)


def dashboard_tables(year):
    data = figures.Figures(year)
    by_language, language_series = data.views_per_month_by_language()
    months = [figures.month_label(month) for month in figures.MONTHS]
    by_language.chart = charts.column_chart(
        "chart-language",
        by_language.title,
        _("Stacked columns: page views in each month of %(year)s, one colour per language.")
        % {"year": year},
        months,
        language_series,
    )
    by_topic, topic_series = data.views_per_month_by_topic()
    by_topic.chart = charts.column_chart(
        "chart-topic",
        by_topic.title,
        _("Stacked columns: page views in each month of %(year)s, one colour per topic.")
        % {"year": year},
        months,
        topic_series,
    )
    coverage, shares = figures.translation_coverage()
    coverage.chart = charts.bar_chart(
        "chart-coverage",
        coverage.title,
        _("Bars: the share of pages that is translated and up to date, per language."),
        [(language_name(code), share) for code, share in shares.items()],
        unit="%",
    )
    channels = data.referrals_by_channel()
    channels.chart = charts.bar_chart(
        "chart-channels",
        channels.title,
        _("Bars: desk referrals in %(year)s per channel.") % {"year": year},
        channels.rows,
    )
    return data, [
        by_language,
        by_topic,
        data.top_pages(),
        data.helpfulness(),
        data.zero_result_searches(),
        channels,
        data.referrals_by_subject(),
        coverage,
    ]


def csv_response(table, year):
    return csv_download(f"{table.slug}-{year}.csv", table.headings, table.rows)


@user_passes_test(may_see_statistics)
def dashboard(request):
    year = chosen_year(request)
    _data, tables = dashboard_tables(year)
    wanted = request.GET.get("csv")
    if wanted:
        for table in tables:
            if table.slug == wanted:
                return csv_response(table, year)
        raise Http404
    this_year = timezone.localdate().year
    return render(
        request,
        "insights/dashboard.html",
        {
            "year": year,
            "years": range(this_year, FIRST_YEAR - 1, -1),
            "tables": tables,
        },
    )


@user_passes_test(may_see_statistics)
def yearly_report(request, year):
    """In Dutch whatever the editor's admin language: it is written for the council."""
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404
    with translation.override("nl"):
        from .report import report_context

        response = render(request, "insights/report.html", report_context(year))
    return response
