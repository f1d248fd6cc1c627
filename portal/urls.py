from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.desk.login import DeskLoginView
from portal.desk.views import follow_short_link
from portal.guides.sitemap import sitemap
from portal.insights.views import page_view_beacon
from portal.offline.views import service_worker
from portal.search.api import api_router
from portal.translations.serve import serve as serve_with_fallback

urlpatterns = [
    # Wagtail's login, except that WIN-point staff land on the desk (portal/desk/login.py).
    path("admin/login/", DeskLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("api/hsds/", include("portal.directory.hsds.urls")),
    path("api/v2/", api_router.urls),
    # The WIN-point desk (staff) and its short links (/s/k7m3p), outside the language prefixes.
    path("desk/", include("portal.desk.urls")),
    re_path(r"^s/(?P<code>[A-Za-z0-9]{1,12})/?$", follow_short_link, name="short_link"),
    # The service worker must sit at the root to look after every language's pages.
    path("sw.js", service_worker, name="service_worker"),
    # The page-view beacon (portal/insights/views.py), outside the page cache's reach.
    re_path(
        r"^insights/view/(?P<language>[a-z]{2,10})/(?P<page_id>[0-9]{1,9})\.gif$",
        page_view_beacon,
        name="page_view_beacon",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public URL carries its language: /nl/…, /pl/…. A URL without one ("/") is redirected by
# LocaleMiddleware to the visitor's language (language cookie, then Accept-Language, then Dutch).
urlpatterns += i18n_patterns(
    path("services/", include("portal.directory.urls")),
    path("search/", include("portal.search.urls")),
    path("glossary/", include("portal.glossary.urls")),
    path("feedback/", include("portal.insights.urls")),
    path("", include("portal.offline.urls")),
    # Pages, falling back to English, then Dutch, where a translation is missing.
    re_path(r"^((?:[\w\-]+/)*)$", serve_with_fallback, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "portal.core.views.bad_request"
handler404 = "portal.core.views.page_not_found"
# An unreachable database gets the 503 page; anything else the plain 500 page.
handler500 = "portal.resilience.views.server_error"
