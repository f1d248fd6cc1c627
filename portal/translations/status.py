"""Translation status of every Dutch source page in every other language.

- missing: there is no page in that language;
- outdated: the source changed (a publish that was not marked minor) after this language's
  editor last took in the Dutch text (update_loop), so its translators have not seen the change;
- in progress: translators have the current text but not every piece is translated (or a kept
  translation of a changed piece is still to be reviewed);
- up to date: everything is translated.

The whole site is computed with a fixed number of queries (one per language for the progress,
plus a handful), whatever the number of pages.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from .models import LanguageSync, SourceEdit

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUTDATED = "outdated"
UP_TO_DATE = "up_to_date"
STATUSES = [MISSING, OUTDATED, IN_PROGRESS, UP_TO_DATE]
# A filter, not a status: everything that still needs an editor (missing, outdated, in progress).
NOT_UP_TO_DATE = "not_up_to_date"
LABELS = {
    MISSING: _("Missing"),
    OUTDATED: _("Outdated"),
    IN_PROGRESS: _("In progress"),
    UP_TO_DATE: _("Up to date"),
}


@dataclass
class Cell:
    status: str
    translated: int = 0
    total: int = 0
    page_id: int | None = None
    # The translated page's title and tree path (for rights checks without a query each), and
    # when the Dutch page last changed in a way translations must follow.
    title: str = ""
    path: str = ""
    changed_at: object = None

    @property
    def percent(self):
        return 100 if not self.total else round(100 * self.translated / self.total)

    @property
    def label(self):
        return LABELS[self.status]


@dataclass
class Row:
    page: Page
    cells: dict  # language code -> Cell


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def source_pages():
    return Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gte=2)


def translated_counts(source_ids, locale):
    """{source id: number of translated string segments} for one language."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
        # A kept translation awaiting review ("fuzzy") is not done yet.
        review__isnull=True,
    )
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .filter(Exists(translated))
        .values("source_id")
        .annotate(n=Count("id"))
    )
    return {row["source_id"]: row["n"] for row in rows}


def status_matrix(pages=None, languages=None):
    """A Row with a Cell per language for each source page, in tree order."""
    pages = list((pages if pages is not None else source_pages()).order_by("path"))
    languages = languages or target_languages()
    keys = [page.translation_key for page in pages]
    changed = dict(
        SourceEdit.objects.filter(page__in=pages).values_list("page_id", "content_changed_at")
    )
    sources = {
        source["object_id"]: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE
        ).values("id", "object_id", "last_updated_at")
    }
    source_ids = [source["id"] for source in sources.values()]
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    done = {code: translated_counts(source_ids, locales[code]) for code in languages}
    # When each language last took in the Dutch; without a record, when localize last did.
    synced = {
        (source_id, code): at
        for source_id, code, at in LanguageSync.objects.filter(
            source_id__in=source_ids, locale__language_code__in=languages
        ).values_list("source_id", "locale__language_code", "synced_at")
    }
    translations = defaultdict(dict)
    fields = [
        "translation_key",
        "locale__language_code",
        "id",
        "last_published_at",
        "title",
        "path",
    ]
    for key, code, page_id, published, title, path in Page.objects.filter(
        translation_key__in=keys, locale__language_code__in=languages
    ).values_list(*fields):
        translations[key][code] = (page_id, published, title, path)

    rows = []
    for page in pages:
        source = sources.get(page.translation_key)
        cells = {}
        for code in languages:
            found = translations[page.translation_key].get(code)
            if found is None:
                cells[code] = Cell(MISSING)
                continue
            page_id, published, title, path = found
            change = changed.get(page.pk)
            about = {"page_id": page_id, "title": title, "path": path, "changed_at": change}
            if source is None:
                # Translated by hand, without localize: compare with its last publish.
                stale = change and published and change > published
                cells[code] = Cell(OUTDATED if stale else UP_TO_DATE, **about)
                continue
            total = totals.get(source["id"], 0)
            translated = done[code].get(source["id"], 0)
            taken_in = synced.get((source["id"], code), source["last_updated_at"])
            if change and change > taken_in:
                status = OUTDATED
            elif translated < total:
                status = IN_PROGRESS
            else:
                status = UP_TO_DATE
            cells[code] = Cell(status, translated, total, **about)
        rows.append(Row(page, cells))
    return rows


def counts_by_language(rows):
    """{language: {status: number of pages}}."""
    counts = {}
    for row in rows:
        for code, cell in row.cells.items():
            counts.setdefault(code, dict.fromkeys(STATUSES, 0))[cell.status] += 1
    return counts


def outdated_in(rows, code):
    """[(row, cell)] of the pages outdated in one language, the latest Dutch change first."""
    found = [(row, row.cells[code]) for row in rows if row.cells[code].status == OUTDATED]
    found.sort(key=lambda item: (item[1].changed_at is not None, item[1].changed_at), reverse=True)
    return found


def page_status(page):
    """(Dutch source page, Cell) of a translated page; (None, None) for a source page."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None, None
    source = page.get_translation_or_none(Locale.get_default())
    if source is None:
        return None, None
    rows = status_matrix(Page.objects.filter(pk=source.pk), [page.locale.language_code])
    return source, rows[0].cells[page.locale.language_code]


def page_statuses(page, languages):
    """(Dutch source page, {language: Cell}) of a translated page for several languages (the
    reader's, and English to offer instead); (None, {}) for a source page."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None, {}
    source = page.get_translation_or_none(Locale.get_default())
    if source is None:
        return None, {}
    wanted = [code for code in dict.fromkeys(languages) if code != settings.LANGUAGE_CODE]
    rows = status_matrix(Page.objects.filter(pk=source.pk), wanted)
    return source, rows[0].cells


def source_changed_at(source):
    """When the Dutch page last changed in a way translations must follow, or None."""
    if source is None:
        return None
    edit = SourceEdit.objects.filter(page=source).first()
    return edit.content_changed_at if edit else source.last_published_at
