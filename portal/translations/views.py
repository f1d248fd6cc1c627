from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.auth import user_passes_test
from wagtail.admin.paginator import WagtailPaginator

from ..core.spreadsheets import csv_download
from ..directory import text_status as directory_texts
from ..guides.models import TopicPage
from . import po_files, status
from .links import cell_link, dutch_link, parents_in_languages
from .rights import TreeRights
from .roles import languages_of_user

ROWS_PER_PAGE = 100
# The language filter's value for "all the languages I work in" (an editor of several).
MINE = "mine"


def languages_of(user):
    """The target languages an editor works on (see roles.languages_of_user)."""
    codes = languages_of_user(user)
    return [code for code in status.target_languages() if code in codes]


def chosen_filters(request, own):
    """The language and status filters, with an editor's defaults when the URL has none: their
    own language(s) and everything not up to date. Choosing "All" in a filter keeps it."""
    every = status.target_languages()
    default_language = ""
    if own and set(own) != set(every):
        default_language = own[0] if len(own) == 1 else MINE
    language = request.GET.get("language", default_language)
    if language == MINE and not own:
        language = ""
    chosen_status = request.GET.get("status", status.NOT_UP_TO_DATE)
    return language, chosen_status


def matches_status(row, languages, chosen_status):
    cells = [row.cells[code] for code in languages]
    if chosen_status == status.NOT_UP_TO_DATE:
        return any(cell.status != status.UP_TO_DATE for cell in cells)
    if chosen_status in status.STATUSES:
        return any(cell.status == chosen_status for cell in cells)
    return True


def directory_rows(user, languages):
    """The directory's services and organisations with texts to check in `languages`: (entry,
    edit link or None, [(language, [field labels])]); the link only where the user may edit."""
    finder = AdminURLFinder(user)
    rows = []
    for entry, fields in directory_texts.entries_to_check(languages):
        meta = type(entry)._meta
        cells = [
            (code, [capfirst(meta.get_field(name).verbose_name) for name in fields.get(code, [])])
            for code in languages
        ]
        rows.append((entry, finder.get_edit_url(entry), cells))
    return rows


@user_passes_test(lambda user: user.has_perm("wagtailadmin.access_admin"))
def status_dashboard(request):
    languages = status.target_languages()
    own = languages_of(request.user)
    chosen_language, chosen_status = chosen_filters(request, own)
    if chosen_language == MINE:
        languages = own
    elif chosen_language in languages:
        languages = [chosen_language]
    topics = TopicPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")
    pages = status.source_pages()
    chosen_topic = request.GET.get("topic", "")
    # Matched as text among the few topics, so any value (a 30-digit number too) is just
    # "no such topic" and never reaches the database as an integer.
    topic = next((each for each in topics if str(each.pk) == chosen_topic), None)
    if topic is not None:
        pages = pages.filter(path__startswith=topic.path)
    rows = status.status_matrix(pages, languages)
    rows = [row for row in rows if matches_status(row, languages, chosen_status)]

    if request.GET.get("format") == "csv":
        return csv_download(
            "translation-status.csv",
            ["page_id", "title", "url_path", *languages],
            (
                [
                    row.page.pk,
                    row.page.title,
                    row.page.url_path,
                    *(
                        f"{row.cells[c].status} {row.cells[c].percent}%"
                        if row.cells[c].status == status.IN_PROGRESS
                        else row.cells[c].status
                        for c in languages
                    ),
                ]
                for row in rows
            ),
        )

    counts = status.counts_by_language(rows)
    # Totals and filters cover every page; the table shows one screenful at a time.
    shown = WagtailPaginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    rights = TreeRights(request.user)
    may_translate = request.user.has_perm("wagtail_localize.submit_translation")
    parents = parents_in_languages(shown, languages)
    names = dict(settings.LANGUAGES)
    table = [
        (
            row,
            dutch_link(request, rights, row.page),
            [
                (
                    code,
                    row.cells[code],
                    cell_link(rights, may_translate, row, code, row.cells[code], parents),
                )
                for code in languages
            ],
        )
        for row in shown
    ]
    language_options = [(code, names[code]) for code in status.target_languages()]
    if len(own) > 1 and set(own) != set(status.target_languages()):
        language_options.insert(
            0,
            (
                MINE,
                _("My languages (%(languages)s)")
                % {"languages": ", ".join(names[code] for code in own)},
            ),
        )
    return render(
        request,
        "translations/status_dashboard.html",
        {
            "table": table,
            "items": shown,
            "elided_page_range": shown.paginator.get_elided_page_range(shown.number),
            "languages": [(code, names[code], counts.get(code, {})) for code in languages],
            "all_languages": language_options,
            "topics": topics,
            "statuses": [(status.NOT_UP_TO_DATE, _("Not up to date"))]
            + [(key, status.LABELS[key]) for key in status.STATUSES],
            "chosen": {"language": chosen_language, "topic": chosen_topic, "status": chosen_status},
            # PO files only for a language the editor works in (the views refuse the others).
            "po_language": chosen_language if chosen_language in own else "",
            "csv_query": request.GET.urlencode(),
            # Directory texts are all "outdated" and belong to no topic.
            "directory": directory_rows(request.user, languages)
            if chosen_status in ("", status.NOT_UP_TO_DATE, status.OUTDATED) and topic is None
            else None,
        },
    )


@user_passes_test(lambda user: user.has_perm("wagtailadmin.access_admin"))
def po_download(request, code):
    if code not in languages_of(request.user):
        raise PermissionDenied
    response = HttpResponse(po_files.export_archive(code), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="translations-{code}.zip"'
    return response


@user_passes_test(lambda user: user.has_perm("wagtailadmin.access_admin"))
def po_upload(request, code):
    if code not in languages_of(request.user):
        raise PermissionDenied
    results = None
    if request.method == "POST" and request.FILES.get("file"):
        results = po_files.import_upload(request.FILES["file"], code, request.user)
    return render(
        request,
        "translations/po_upload.html",
        {"code": code, "language": dict(settings.LANGUAGES)[code], "results": results},
    )
