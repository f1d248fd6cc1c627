from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from .views import api_error


class LanguageCookieMiddleware:
    """Remember the language a visitor reads in, so `/` sends them back to it next time.

    The cookie is only set when the language in the URL differs from the remembered one, so
    almost every response stays free of Set-Cookie (and cacheable). It is a functional cookie:
    it holds a language code and nothing else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        if (
            language
            and request.method == "GET"
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
            and not request.path_info.startswith("/admin/")
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=True,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect for paths outside the public site.

    For a 404 without a language prefix, LocaleMiddleware redirects to /<language>/<path> when
    that would match a URL pattern; our page catch-all matches everything, so a missing admin
    or API URL would be sent to a public page. Those areas keep their plain 404.
    """

    UNPREFIXED = (
        "/admin/",
        "/api/",
        "/static/",
        "/media/",
        "/documents/",
        "/desk/",
        "/s/",
        "/sw.js",
    )

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)


class RejectNullCharactersMiddleware:
    """Answer 400 to an address with a NUL character (%00) in its path or query.

    No real link contains one, and PostgreSQL refuses NUL in any text it is given, so a search
    for "a%00b" would otherwise end in a server error. Forms already refuse it themselves
    (Django's ProhibitNullCharactersValidator); this covers views that read request.GET.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return bad_address(request)
        return self.get_response(request)


def bad_address(request):
    message = _(
        "A page cannot be shown for this address: it contains characters that are not allowed."
    )
    return api_error(request, message) or render(
        request, "400.html", {"message": message}, status=400
    )
