"""The page readers get while the database is unreachable: 503, in their language, with
Retry-After, rendered from a template that needs nothing but the file system."""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

# The errors a database that is down, restarting or unreachable raises (connection refused,
# "unable to open database file", server closed the connection); a broken query is a bug, a 500.
OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 120


def is_outage(exception):
    return isinstance(exception, OUTAGE_ERRORS)


def visitor_language(request):
    """The URL prefix, then the language cookie, then Accept-Language, then Dutch."""
    return translation.get_language_from_request(request, check_path=True)


def unavailable_response(request, exception):
    # Django logs every 503 (django.request), with the exception.
    with translation.override(visitor_language(request)):
        # No request: context processors (and everything else that might query) stay out.
        body = loader.get_template("resilience/503.html").render(
            {"LANGUAGE_CODE": translation.get_language()}
        )
        response = HttpResponse(body, status=503)
        response["Content-Language"] = translation.get_language()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
