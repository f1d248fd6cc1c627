from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Cross-cutting pieces: languages, middleware, error pages and security headers."""

    name = "portal.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        post_migrate.connect(sync_locales_after_migrate, sender=self)


def sync_locales_after_migrate(sender, **kwargs):
    """Make sure a Wagtail Locale exists for every language in settings.

    This is why adding a language is one line in settings: the next `migrate` creates its locale.
    """
    from .languages import sync_locales

    sync_locales(using=kwargs.get("using", "default"))
