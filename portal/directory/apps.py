from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    """The referral directory: local services, their opening hours and open HSDS data."""

    name = "portal.directory"
    label = "directory"
    verbose_name = "Directory"
    default_auto_field = "django.db.models.BigAutoField"
