from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsConfig(AppConfig):
    """Figures that change over time (amounts, rates, dates, phone numbers), stored once with
    their validity and source, and site notices with a start and end time."""

    name = "portal.facts"
    label = "facts"
    verbose_name = _("Facts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ..core import clock, freshness
        from . import models, timeline, usage

        # Facts and notices are shown inside pages (guides render them).
        freshness.register(models.Fact, models.FactValue, models.SiteNotice)
        clock.register_boundary(timeline.next_fact_boundary)
        clock.register_boundary(timeline.next_notice_boundary)
        usage.connect()
