import csv

from django.conf import settings
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from wagtail.admin.paginator import WagtailPaginator

from ..guides.models import TopicPage
from . import po_files, status

GROUP_PREFIX = "Editors: "
ROWS_PER_PAGE = 100


def languages_of(user):
    """The target languages an editor works on: from their "Editors: <language>" groups;
    superusers and moderators see all."""
    names = {name: code for code, name in settings.LANGUAGES}
    targets = status.target_languages()
    if user.is_superuser or user.groups.filter(name="Moderators").exists():
        return targets
    groups = user.groups.filter(name__startswith=GROUP_PREFIX).values_list("name", flat=True)
    codes = [names.get(name[len(GROUP_PREFIX) :]) for name in groups]
    return [code for code in targets if code in codes]


def edit_link(row, cell):
    if cell.page_id is None:
        return reverse("wagtail_localize:submit_page_translation", args=[row.page.pk])
    return reverse("wagtailadmin_pages:edit", args=[cell.page_id])


@user_passes_test(lambda user: user.has_perm("wagtailadmin.access_admin"))
def status_dashboard(request):
    languages = status.target_languages()
    chosen_language = request.GET.get("language", "")
    if chosen_language in languages:
        languages = [chosen_language]
    topics = TopicPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")
    pages = status.source_pages()
    chosen_topic = request.GET.get("topic", "")
    topic = topics.filter(pk=chosen_topic).first() if chosen_topic.isdigit() else None
    if topic is not None:
        pages = pages.filter(path__startswith=topic.path)
    rows = status.status_matrix(pages, languages)
    chosen_status = request.GET.get("status", "")
    if chosen_status in status.STATUSES:
        rows = [row for row in rows if any(c.status == chosen_status for c in row.cells.values())]

    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
        writer = csv.writer(response)
        writer.writerow(["page_id", "title", "url_path", *languages])
        for row in rows:
            writer.writerow(
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
            )
        return response

    counts = status.counts_by_language(rows)
    # Totals and filters cover every page; the table shows one screenful at a time.
    shown = WagtailPaginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    table = [
        (
            row,
            [(code, row.cells[code], edit_link(row, row.cells[code])) for code in languages],
        )
        for row in shown
    ]
    return render(
        request,
        "translations/status_dashboard.html",
        {
            "table": table,
            "items": shown,
            "elided_page_range": shown.paginator.get_elided_page_range(shown.number),
            "languages": [
                (code, dict(settings.LANGUAGES)[code], counts.get(code, {})) for code in languages
            ],
            "all_languages": [(c, dict(settings.LANGUAGES)[c]) for c in status.target_languages()],
            "topics": topics,
            "statuses": [(key, status.LABELS[key]) for key in status.STATUSES],
            "chosen": {"language": chosen_language, "topic": chosen_topic, "status": chosen_status},
            "csv_query": request.GET.urlencode(),
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
