from django.apps import AppConfig


class GuidesConfig(AppConfig):
    """The public pages: home, topics, guides and standard pages, and the content loader."""

    name = "portal.guides"
    label = "guides"
    verbose_name = "Guides"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
