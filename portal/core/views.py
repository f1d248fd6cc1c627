"""Error pages. They speak the visitor's language, taken from the URL prefix."""

from django.http import HttpResponseBadRequest, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from .languages import current_language, language_codes, language_name
from .security import allow_inline_styles
from .urgent import urgent_context


@requires_csrf_token
def page_not_found(request, exception=None):
    languages = [{"code": code, "name": language_name(code)} for code in language_codes()]
    return render(
        request,
        "404.html",
        {"languages": languages, "LANGUAGE_CODE": current_language()},
        status=404,
    )


@requires_csrf_token
def server_error(request):
    # No request context and no database: this page must render when everything else is down.
    template = loader.get_template("500.html")
    response = HttpResponseServerError(
        template.render({"LANGUAGE_CODE": current_language(), **urgent_context()})
    )
    return allow_inline_styles(response)


# Each API answers errors in its own format: HSDS {"error": …}, Wagtail's pages API
# {"message": …}; anything else under /api/ {"detail": …}.
API_ERROR_KEYS = {"/api/hsds/": "error", "/api/v2/": "message", "/api/": "detail"}


def api_error(request, message, status=400):
    """The error in the format of the API at this address, or None outside /api/."""
    for prefix, key in API_ERROR_KEYS.items():
        if request.path_info.startswith(prefix):
            return JsonResponse({key: message}, status=status)
    return None


def bad_request(request, exception=None):
    """The 400 handler (a Host not in ALLOWED_HOSTS, too many fields, a broken upload).

    The request itself is suspect here, so the page is built from a template alone: the site's
    own page would ask for the host (links, the language switcher) and fail again."""
    message = _("This address is not valid")
    response = api_error(request, message)
    if response is not None:
        return response
    body = loader.get_template("400_plain.html").render({"LANGUAGE_CODE": current_language()})
    return allow_inline_styles(HttpResponseBadRequest(body))
