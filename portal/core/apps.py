from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """Cross-cutting pieces: languages, middleware, error pages, security headers and freshness."""

    name = "portal.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from . import (
            checks,  # noqa: F401 (registers the deploy checks)
            freshness,
        )

        post_migrate.connect(sync_locales_after_migrate, sender=self)
        freshness.watch_pages()


def sync_locales_after_migrate(sender, **kwargs):
    """Make sure a Wagtail Locale exists for every language in settings.

    This is why adding a language is one line in settings: the next `migrate` creates its locale.
    """
    from .languages import sync_locales

    sync_locales(using=kwargs.get("using", "default"))
