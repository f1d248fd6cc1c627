"""Wagtail's pages API at /api/v2/pages/: ?locale=pl&search=... (read-only, public pages).

`search` uses the portal's own engine (portal/search/engine.py) in the language given by
`locale` (every language without it), so a program gets what a reader gets on the search page:
the same synonyms, folding ("zdravna" finds "здравна"), promotions and ranking. The engine
ranks pages that match more of the words first, so `search_operator` (and / or) is accepted
and changes nothing.

Every bad parameter is a 400 with Wagtail's {"message": "…"}, never a server error: offsets
beyond the database's range, an unknown `search_operator`, a search without a word.
"""

from django.db.models import Case, IntegerField, When
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from . import engine, text

# Databases refuse an OFFSET beyond their integer range (a server error); no site has that many.
MAX_OFFSET = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")
# How many ranked results a search may return through the API.
MAX_SEARCH_RESULTS = 200


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        raw = request.GET.get("offset", "")
        if raw.strip().isdigit() and len(raw.strip()) <= 4000 and int(raw) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PortalSearchFilter(SearchFilter):
    """The portal's search instead of Wagtail's, ranked as on the search page."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        query = request.GET["search"]
        if not text.query_terms(query):
            raise BadRequestError("search must contain at least one word")
        language = request.GET.get("locale") or None
        found = engine.search(query, language, limit=MAX_SEARCH_RESULTS, sections=False)
        ranked = list(
            dict.fromkeys(r.entry.page_id for r in found.results if r.entry.page_id is not None)
        )
        queryset = queryset.filter(pk__in=ranked)
        if "order" in request.GET or not ranked:
            return queryset
        rank = Case(
            *[When(pk=pk, then=position) for position, pk in enumerate(ranked)],
            output_field=IntegerField(),
        )
        return queryset.order_by(rank)


class PortalPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    # Wagtail's own search (last: it cannot be filtered further) becomes the portal's.
    filter_backends = [
        PortalSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
