"""The figures of the dashboard and the yearly report, for one calendar year.

Each figure is a Table (title, headings, rows) that can be shown, charted and downloaded as
CSV. Page views come from the daily counts plus the raw rows not folded in yet (today's), so
the figures are current before the nightly `aggregate_insights` runs.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count, Sum
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..core.languages import language_codes, language_name
from ..desk.models import Referral
from ..guides.models import TopicPage
from ..search.models import ZeroResultQuery
from ..translations import status
from .models import FeedbackComment, FeedbackVote, PageView, PageViewEvent

MONTHS = range(1, 13)
TOP = 10
# A topic page sits at depth 3 (root 1, language home 2); treebeard uses 4 characters a level.
TOPIC_PATH_LENGTH = 12


@dataclass
class Table:
    slug: str
    title: str
    headings: list
    rows: list = field(default_factory=list)
    chart: str = ""


def month_label(month):
    from django.utils.formats import date_format

    return date_format(date(2000, month, 1), "M")


def view_rows(year):
    """[(month, language, page id, views)] for the year."""
    counted = (
        PageView.objects.filter(date__year=year, page__isnull=False)
        .annotate(month=ExtractMonth("date"))
        .values_list("month", "language", "page_id")
        .annotate(n=Sum("count"))
    )
    waiting = (
        PageViewEvent.objects.filter(date__year=year)
        .annotate(month=ExtractMonth("date"))
        .values_list("month", "language", "page_id")
        .annotate(n=Sum("count"))
    )
    totals = defaultdict(int)
    for month, language, page_id, n in [*counted, *waiting]:
        totals[(month, language, page_id)] += n
    pages = set(Page.objects.filter(pk__in={key[2] for key in totals}).values_list("pk", flat=True))
    return [(*key, n) for key, n in totals.items() if key[2] in pages]


class Figures:
    """Everything about one year, computed once and shared by the tables."""

    def __init__(self, year):
        self.year = year
        self.languages = language_codes()
        self.views = view_rows(year)
        ids = {page_id for _m, _l, page_id, _n in self.views} | set(self.vote_page_ids())
        self.pages = {page.pk: page for page in Page.objects.filter(pk__in=ids)}
        self.topic_of = self.topics_of_pages()

    def vote_page_ids(self):
        return (
            FeedbackVote.objects.filter(date__year=self.year, page__isnull=False)
            .values_list("page_id", flat=True)
            .distinct()
        )

    def topics_of_pages(self):
        """{page id: topic name}, the Dutch title of the topic a page belongs to."""
        paths = {page.path[:TOPIC_PATH_LENGTH] for page in self.pages.values()}
        topics = {
            topic.path: topic.translation_key
            for topic in TopicPage.objects.filter(path__in=paths).only("path", "translation_key")
        }
        names = dict(
            TopicPage.objects.filter(
                translation_key__in=topics.values(), locale__language_code=settings.LANGUAGE_CODE
            ).values_list("translation_key", "title")
        )
        other = str(_("Other pages"))
        return {
            pk: names.get(topics.get(page.path[:TOPIC_PATH_LENGTH]), other)
            for pk, page in self.pages.items()
        }

    def total_views(self):
        return sum(n for *_key, n in self.views)

    def views_by_language(self):
        totals = dict.fromkeys(self.languages, 0)
        for _month, language, _page, n in self.views:
            totals[language] = totals.get(language, 0) + n
        return totals

    def monthly(self, key):
        """{name: [views per month]} grouped by `key(language, page id)`."""
        grid = defaultdict(lambda: [0] * 12)
        for month, language, page_id, n in self.views:
            grid[key(language, page_id)][month - 1] += n
        return grid

    def views_per_month_by_language(self):
        grid = self.monthly(lambda language, page_id: language)
        series = [(language_name(code), grid[code]) for code in self.languages]
        table = Table(
            "views-by-language",
            _("Page views per month, by language"),
            [_("Month"), *(name for name, _values in series), _("Total")],
        )
        for index, month in enumerate(MONTHS):
            values = [values[index] for _name, values in series]
            table.rows.append([month_label(month), *values, sum(values)])
        return table, series

    def views_per_month_by_topic(self):
        grid = self.monthly(lambda language, page_id: self.topic_of.get(page_id))
        names = sorted(grid, key=lambda name: -sum(grid[name]))
        series = [(name, grid[name]) for name in names]
        table = Table(
            "views-by-topic",
            _("Page views per month, by topic"),
            [_("Month"), *names, _("Total")],
        )
        for index, month in enumerate(MONTHS):
            values = [grid[name][index] for name in names]
            table.rows.append([month_label(month), *values, sum(values)])
        return table, series

    def top_pages(self, languages=None):
        per_page = defaultdict(int)
        for _month, language, page_id, n in self.views:
            per_page[(language, page_id)] += n
        table = Table(
            "top-pages",
            _("Most viewed pages, by language"),
            [_("Language"), _("Rank"), _("Page"), _("Address"), _("Views")],
        )
        for code in languages or self.languages:
            ranked = sorted(
                ((n, page_id) for (language, page_id), n in per_page.items() if language == code),
                key=lambda item: (-item[0], item[1]),
            )[:TOP]
            for rank, (n, page_id) in enumerate(ranked, start=1):
                page = self.pages[page_id]
                table.rows.append([language_name(code), rank, page.title, page.get_url(), n])
        return table

    def helpfulness(self):
        votes = defaultdict(lambda: [0, 0])
        for page_id, language, helpful, n in (
            FeedbackVote.objects.filter(date__year=self.year, page__isnull=False)
            .values_list("page_id", "language", "helpful")
            .annotate(n=Sum("count"))
        ):
            votes[(page_id, language)][0 if helpful else 1] += n
        open_comments = {
            (row["page_id"], row["language"]): row["n"]
            for row in FeedbackComment.objects.filter(date__year=self.year, handled=False)
            .values("page_id", "language")
            .annotate(n=Count("id"))
        }
        table = Table(
            "helpfulness",
            _("Was this page helpful?"),
            [_("Page"), _("Language"), _("Yes"), _("No"), _("Share yes"), _("Open comments")],
        )
        for (page_id, language), (yes, no) in sorted(
            votes.items(), key=lambda item: (-sum(item[1]), item[0])
        ):
            table.rows.append(
                [
                    self.pages[page_id].title,
                    language_name(language),
                    yes,
                    no,
                    f"{round(100 * yes / (yes + no))}%",
                    open_comments.get((page_id, language), 0),
                ]
            )
        return table

    def votes_by_language(self):
        """{language: (yes, no)}"""
        totals = {code: [0, 0] for code in self.languages}
        for language, helpful, n in (
            FeedbackVote.objects.filter(date__year=self.year)
            .values_list("language", "helpful")
            .annotate(n=Sum("count"))
        ):
            totals.setdefault(language, [0, 0])[0 if helpful else 1] += n
        return {code: tuple(values) for code, values in totals.items()}

    def zero_result_searches(self):
        table = Table(
            "searches-without-results",
            _("Searches without results"),
            [_("Language"), _("Search"), _("Times")],
        )
        for code in self.languages:
            for query, n in (
                ZeroResultQuery.objects.filter(date__year=self.year, language=code)
                .values_list("query")
                .annotate(n=Sum("count"))
                .order_by("-n", "query")[:TOP]
            ):
                table.rows.append([language_name(code), query, n])
        return table

    def zero_results_by_language(self):
        return dict(
            ZeroResultQuery.objects.filter(date__year=self.year)
            .values_list("language")
            .annotate(n=Sum("count"))
        )

    def referrals_by_channel(self):
        labels = dict(Referral.Channel.choices)
        table = Table(
            "referrals-by-channel", _("Desk referrals, by channel"), [_("Channel"), _("Times")]
        )
        for channel, n in (
            Referral.objects.filter(date__year=self.year)
            .values_list("channel")
            .annotate(n=Sum("count"))
            .order_by("-n", "channel")
        ):
            table.rows.append([labels.get(channel, channel), n])
        return table

    def referrals_by_subject(self):
        table = Table(
            "referrals-by-subject",
            _("Desk referrals, by topic or service category"),
            [_("Topic or service category"), _("Times")],
        )
        for subject, n in (
            Referral.objects.filter(date__year=self.year)
            .values_list("subject")
            .annotate(n=Sum("count"))
            .order_by("-n", "subject")
        ):
            table.rows.append([subject, n])
        return table

    def referrals_by_language(self):
        return dict(
            Referral.objects.filter(date__year=self.year)
            .values_list("language")
            .annotate(n=Sum("count"))
        )


def translation_coverage():
    """Today's translation status per language (not per year: it is a state, not a count)."""
    counts = status.counts_by_language(status.status_matrix())
    table = Table(
        "translation-coverage",
        _("Translation coverage (today)"),
        [_("Language"), *(status.LABELS[key] for key in status.STATUSES), _("Share up to date")],
    )
    shares = {}
    for code in status.target_languages():
        row = counts.get(code, dict.fromkeys(status.STATUSES, 0))
        total = sum(row.values())
        shares[code] = round(100 * row[status.UP_TO_DATE] / total) if total else 0
        table.rows.append(
            [language_name(code), *(row[key] for key in status.STATUSES), f"{shares[code]}%"]
        )
    return table, shares
