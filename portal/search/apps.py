from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "portal_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        from ..core import freshness
        from . import signal_handlers  # noqa: F401
        from .models import SynonymGroup

        # Search reads these through the fragment cache (engine.py).
        freshness.register(SynonymGroup, SearchPromotion)
