import logging

from django.db import DatabaseError
from django.shortcuts import render
from wagtail.models import Site

from ..core.languages import current_language
from ..guides.models import HomePage, TopicPage
from . import engine
from .models import ZeroResultQuery

logger = logging.getLogger(__name__)


def help_pages(request):
    """What to offer when nothing was found: the topics, urgent help and the WIN-point page,
    in the reader's language."""
    site = Site.find_for_request(request)
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return {"topics": [], "urgent_page": None, "win_point_page": None}
    localized_home = home.localized

    def localized(page):
        page = page.localized if page is not None else None
        return page if page is not None and page.live else None

    return {
        "topics": TopicPage.objects.child_of(localized_home).live().order_by("path"),
        "urgent_page": localized(home.urgent_help_page),
        "win_point_page": localized(home.win_point_page),
    }


def search(request):
    query = request.GET.get("q", "")
    language = current_language()
    result = engine.search(query, language)
    context = {"query": result.query, "search": result}
    if result.terms and not result.found:
        try:
            ZeroResultQuery.record(language, result.query)
        except DatabaseError:
            # Counting is a nicety; the reader still gets the page.
            logger.exception("Could not count a search without results")
    if not result.found:
        context.update(help_pages(request))
    return render(request, "search/results.html", context)
