"""The Wagtail and Django internals this project leans on for speed, in one place.

Each function matches code in Wagtail 8.0 (linked); tests/core/test_wagtail_internals.py fails
loudly when an upgrade changes it, so nothing silently stops working (or gets slow).
"""

# Page.route_for_request keeps the route it found on the request under this name, and Wagtail's
# serve view uses a route that is already there:
# https://github.com/wagtail/wagtail/blob/v8.0.1/wagtail/models/pages.py#L545-L570
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"

# Site.find_for_request keeps the site it found on the request under this name:
# https://github.com/wagtail/wagtail/blob/v8.0.1/wagtail/models/sites.py#L154-L173
SITE_ATTRIBUTE = "_wagtail_site"


def use_route(request, route):
    """Make Wagtail's serve view use `route` ((page, args, kwargs) or None for "no page"),
    which we found in fewer queries than Wagtail would."""
    setattr(request, ROUTE_ATTRIBUTE, route)


def remember_site(request, find):
    """The Site for `request`: `find()` once, then kept where Site.find_for_request (and so
    every Wagtail view, tag and API) looks first."""
    if not hasattr(request, SITE_ATTRIBUTE):
        setattr(request, SITE_ATTRIBUTE, find())
    return getattr(request, SITE_ATTRIBUTE)


def raw_host(request):
    """The Host header as Site.find_for_request matches it (Django's HttpRequest._get_raw_host,
    which Wagtail's Site._find_for_request calls too):
    https://github.com/wagtail/wagtail/blob/v8.0.1/wagtail/models/sites.py#L175-L186"""
    return request._get_raw_host()
