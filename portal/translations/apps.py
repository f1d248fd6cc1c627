from django.apps import AppConfig


class TranslationsConfig(AppConfig):
    """Translation status over wagtail-localize: what is missing, in progress or outdated."""

    name = "portal.translations"
    label = "translations"
    verbose_name = "Translations"

    def ready(self):
        from ..core import freshness
        from . import localize_text, signal_handlers
        from .models import LanguageSync, PieceReview, UntranslatedPiece

        signal_handlers.connect()
        localize_text.install()
        # Both change a translation's status, which readers see in the page's notice.
        freshness.register(LanguageSync, PieceReview)
        # Which pieces of a page readers get in Dutch (their lang attribute).
        freshness.register(UntranslatedPiece)
