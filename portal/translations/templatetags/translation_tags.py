"""The notice readers see on a translation that is outdated, partly translated or a fallback."""

from django import template
from wagtail.models import Page

from ...core.freshness import remember
from ...core.languages import in_language
from .. import status

register = template.Library()
ENGLISH = "en"


@register.inclusion_tag("translations/notice.html", takes_context=True)
def translation_notice(context):
    page = context.get("page")
    request = context.get("request")
    # Set by PortalPage.get_context when serve.py shows a page in a fallback language.
    fallback_from = context.get("fallback_from")
    result = {"kind": None, "request": request}
    if not isinstance(page, Page) or not page.pk:
        return result
    if fallback_from:
        result.update(kind="fallback", shown_language=in_language(fallback_from))
        return result
    result.update(notice_for(page, request))
    return result


def notice_for(page, request):
    """The notice's kind, percentage, when the Dutch page changed, and the page to read
    instead: the English translation when that is up to date, else the Dutch page. Cached
    until the next publish (the content version), since computing a status takes several
    queries."""

    def notice():
        source, cells = status.page_statuses(page, [page.locale.language_code, ENGLISH])
        cell = cells.get(page.locale.language_code)
        if cell is None or cell.status in (status.UP_TO_DATE, status.MISSING):
            return {"kind": None}
        english = cells.get(ENGLISH)
        read_instead = None
        if english is not None and english.status == status.UP_TO_DATE and english.page_id:
            found = Page.objects.filter(pk=english.page_id).live().first()
            if found is not None:
                read_instead = (ENGLISH, found.get_url(request))
        if read_instead is None and source is not None and source.live:
            read_instead = (source.locale.language_code, source.get_url(request))
        return {
            "kind": cell.status,
            "percent": cell.percent,
            "changed_at": status.source_changed_at(source),
            "read_language": read_instead[0] if read_instead else "",
            "read_url": read_instead[1] if read_instead else "",
        }

    return remember(notice, "notice", page.pk)
