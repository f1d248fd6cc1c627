"""Core has no tables yet. This module exists so Django sends core its post_migrate signal,
which creates a Wagtail Locale for every language in settings (see apps.py)."""
