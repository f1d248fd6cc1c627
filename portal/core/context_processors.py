from django.utils.functional import SimpleLazyObject

from . import freshness
from .languages import current_language, language_name
from .urgent import urgent_context


def site_languages(request):
    code = current_language()
    return {"LANGUAGE_NAME": language_name(code)}


def content_version(request):
    """For `{% cache … content_version %}` fragments: fresh after any published change. Lazy,
    so templates that cache nothing (the admin) never read it."""
    return {"content_version": SimpleLazyObject(freshness.content_version)}


def urgent_numbers(request):
    """`urgent`: the numbers of portal.core.urgent, for the header, footer and offline page."""
    return urgent_context()
