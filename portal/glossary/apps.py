from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    """Dutch words readers meet, explained in their language, and the one term per language
    that the site uses for each (checked by `manage.py check_terms`)."""

    name = "portal.glossary"
    label = "glossary"
    verbose_name = "Glossary"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from ..core import freshness
        from .models import GlossaryTerm

        # Entries show on the glossary page, inside guides (first-use explanations) and in
        # search: a change must reach readers at once.
        freshness.register(GlossaryTerm)
