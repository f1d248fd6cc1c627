"""The page readers get while the database is unreachable: 503, in their language, with
Retry-After, rendered from a template that needs nothing but the file system."""

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

from ..core.urgent import urgent_context

# The errors a database that is down, restarting or unreachable raises (connection refused,
# "unable to open database file", server closed the connection). Databases raise the same
# classes for some bad queries (SQLite's full-text "syntax error"), so the database is asked
# once more before the site claims an outage.
CONNECTION_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 120


def is_outage(exception):
    return isinstance(exception, CONNECTION_ERRORS) and not database_answers()


def database_answers():
    """Whether the database runs a trivial query. Any answer, an error too (say, "current
    transaction is aborted"), means it is reachable and the failure was the query's own."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except CONNECTION_ERRORS:
        return False
    except DatabaseError:
        return True
    return True


def visitor_language(request):
    """The URL prefix, then the language cookie, then Accept-Language, then Dutch."""
    return translation.get_language_from_request(request, check_path=True)


def unavailable_response(request, exception):
    # Django logs every 503 (django.request), with the exception.
    with translation.override(visitor_language(request)):
        # No request: context processors (and everything else that might query) stay out.
        body = loader.get_template("resilience/503.html").render(
            {"LANGUAGE_CODE": translation.get_language(), **urgent_context()}
        )
        response = HttpResponse(body, status=503)
        response["Content-Language"] = translation.get_language()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
