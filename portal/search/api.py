"""Wagtail's pages API at /api/v2/pages/: ?locale=pl&search=... (read-only, public pages)."""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

# Databases refuse an OFFSET beyond their integer range (a server error); no site has that many.
MAX_OFFSET = 2**31 - 1


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        raw = request.GET.get("offset", "")
        if raw.strip().isdigit() and len(raw.strip()) <= 4000 and int(raw) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PortalPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
