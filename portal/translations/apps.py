from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Translation status over wagtail-localize: what is missing, in progress or outdated."""

    name = "portal.translations"
    label = "translations"
    verbose_name = "Translations"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
