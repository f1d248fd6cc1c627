import logging

from django.db import DatabaseError
from django.shortcuts import render
from wagtail.models import Page

from ..core.languages import current_language
from ..guides.chrome import site_chrome
from ..guides.models import TopicPage
from . import engine
from .models import ZeroResultQuery

logger = logging.getLogger(__name__)


def help_pages(request):
    """What to offer when nothing was found: the topics, urgent help and the WIN-point page,
    in the reader's language."""
    chrome = site_chrome(request)
    topics = TopicPage.objects.none()
    if chrome["home_id"]:
        topics = TopicPage.objects.filter(
            path__startswith=Page.objects.get(pk=chrome["home_id"]).path, depth=3
        )
    return {
        "topics": topics.live().order_by("path"),
        "urgent_url": chrome["urgent_url"],
        "win_point": chrome["win_point"],
    }


def search(request):
    query = request.GET.get("q", "")
    language = current_language()
    result = engine.search(query, language)
    # The language switcher keeps the search words (guides' language_links); search pages
    # are never cached, so a reader's words stay on their own page.
    context = {"query": result.query, "search": result, "switcher_query": {"q": result.query}}
    # A Dutch word found in the glossary is an answer too.
    if result.terms and not result.found and not result.glossary:
        try:
            ZeroResultQuery.record(language, result.query)
        except DatabaseError:
            # Counting is a nicety; the reader still gets the page.
            logger.exception("Could not count a search without results")
    if not result.found:
        context.update(help_pages(request))
    return render(request, "search/results.html", context)
