"""Error pages. They speak the visitor's language, taken from the URL prefix."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from .languages import current_language, language_codes, language_name
from .security import allow_inline_styles


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
    response = HttpResponseServerError(template.render({"LANGUAGE_CODE": current_language()}))
    return allow_inline_styles(response)
