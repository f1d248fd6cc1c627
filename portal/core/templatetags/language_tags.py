"""The lang attribute of texts that may be in another language than the page."""

from django import template
from django.utils.html import format_html

from ..languages import current_language, shown_language

register = template.Library()


@register.filter
def fallback_lang(instance, field):
    """` lang="en"` on the element of a translated text (django-modeltranslation) that shows
    a fallback language's text because the reader's language has none; "" when it is in the
    reader's language: <h2{{ service|fallback_lang:"name" }}>{{ service.name }}</h2>."""
    shown = shown_language(instance, field)
    if shown is None or shown == current_language():
        return ""
    return format_html(' lang="{}"', shown)
