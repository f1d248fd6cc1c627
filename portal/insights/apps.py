from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "portal.insights"
    label = "insights"
    verbose_name = _("Statistics")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ..core.page_query import page_query_parameter

        # A guide shows its thank-you note after feedback without JavaScript (?feedback=thanks).
        page_query_parameter("feedback", lambda value: value if value == "thanks" else "")
