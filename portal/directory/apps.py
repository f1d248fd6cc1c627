from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The referral directory: local services, their opening hours and open HSDS data."""

    name = "portal.directory"
    label = "directory"
    verbose_name = "Directory"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ..core import freshness
        from ..core.page_query import checkbox, page_query_parameter
        from . import models, text_status

        # Every part of a service readers see on the directory pages, guides and search.
        freshness.register(
            models.Service,
            models.Organisation,
            models.Location,
            models.TaxonomyTerm,
            models.ServicePhone,
            models.OpeningHours,
            models.ClosedDay,
            models.ServiceLanguage,
        )

        # Translated texts to check when their Dutch changes.
        text_status.connect()

        # The filters of the service list (forms.ServiceFilterForm).
        page_query_parameter("topic")
        page_query_parameter("language")
        page_query_parameter("open_now", checkbox)
        page_query_parameter("free", checkbox)
