from django.apps import AppConfig


class TerminologyConfig(AppConfig):
    """One term for one thing: the glossary's "not to use" variants looked for in pages, the
    directory, interface strings and search terms (`manage.py check_terms`, a report and
    warnings in the editors)."""

    name = "portal.terminology"
    label = "terminology"
    verbose_name = "Terminology"
