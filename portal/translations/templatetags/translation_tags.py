"""The notice readers see on a translation that is outdated, partly translated or a fallback."""

from django import template
from django.utils.translation import get_language_info
from wagtail.models import Page

from ...pagecache import version
from ...pagecache.fragments import fragment_cache
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
    key = f"notice:{version.current()}:{page.pk}"
    notice = fragment_cache().get(key)
    if notice is None:
        # Looked up once: the status needs the Dutch source, and so does the notice's link.
        source, cell = status.page_status(page)
        notice = {"kind": None}
        if cell is not None and cell.status not in (status.UP_TO_DATE, status.MISSING):
            notice = {
                "kind": cell.status,
                "percent": cell.percent,
                "source_url": source.get_url(request) if source and source.live else "",
            }
        fragment_cache().set(key, notice)
    return notice
