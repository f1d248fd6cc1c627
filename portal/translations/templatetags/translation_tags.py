"""The notice readers see on a translation that is outdated, partly translated or a fallback."""

from django import template
from django.utils.translation import get_language_info
from wagtail.models import Page

from ...pagecache.fragments import remember
from .. import status

register = template.Library()


@register.inclusion_tag("translations/notice.html", takes_context=True)
def translation_notice(context):
    page = context.get("page")
    request = context.get("request")
    fallback_from = getattr(request, "fallback_from", None)
    result = {"kind": None, "request": request}
    if not isinstance(page, Page) or not page.pk:
        return result
    if fallback_from:
        shown = get_language_info(fallback_from)["name_translated"]
        result.update(kind="fallback", shown_language=shown)
        return result
    result.update(notice_for(page, request))
    return result


def notice_for(page, request):
    """The notice's kind, percentage and link to the Dutch page; cached until the next publish
    (the content version), since computing a status takes several queries."""

    def notice():
        # Looked up once: the status needs the Dutch source, and so does the notice's link.
        source, cell = status.page_status(page)
        if cell is None or cell.status in (status.UP_TO_DATE, status.MISSING):
            return {"kind": None}
        return {
            "kind": cell.status,
            "percent": cell.percent,
            "source_url": source.get_url(request) if source and source.live else "",
        }

    return remember(notice, "notice", page.pk)
