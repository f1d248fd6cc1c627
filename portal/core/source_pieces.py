"""Pieces of a translated page that readers get in Dutch carry lang="nl".

wagtail-localize publishes a piece that has no translation yet in the source language (Dutch).
Screen readers must then read it as Dutch, and translation tools must not take it for Polish, so
the element holding it says lang="nl". Which pieces went out untranslated is known to whoever
publishes translations (portal.translations records them at publish); they answer the Wagtail
hook "source_language_pieces" with the texts of a page's untranslated pieces. The page's
templates then mark a plain text that is one of them (`lang_attribute`) and each paragraph or
list item of a rich text that is one of them (`mark_html`).
"""

import html as html_entities

from bs4 import BeautifulSoup
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail import hooks

from .languages import SOURCE_LANGUAGE

HOOK = "source_language_pieces"
# The elements wagtail-localize makes one piece each of, in rich text.
PIECE_ELEMENTS = ["p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote"]


def normal(text):
    """A piece's text as it is compared: whitespace folded (tags already left out)."""
    return " ".join(str(text).split())


def pieces_of(page):
    """The normalised texts of `page`'s pieces published untranslated, in Dutch."""
    found = set()
    for provide in hooks.get_hooks(HOOK):
        found |= provide(page)
    return frozenset(found)


def plain(text):
    """The text of a plain string or of HTML with one piece (a list item's paragraph)."""
    return normal(html_entities.unescape(strip_tags(str(text))))


def lang_attribute(text, pieces):
    """` lang="nl"` for a plain text (a title, a heading) that is an untranslated piece."""
    if pieces and text and plain(text) in pieces:
        return format_html(' lang="{}"', SOURCE_LANGUAGE)
    return ""


def mark_html(html, pieces):
    """Rich text `html` with lang="nl" on each paragraph, list item or heading whose text is an
    untranslated piece. Untouched (not even re-serialised) when none is."""
    if not pieces:
        return html
    text = plain(html)
    if not any(piece in text for piece in pieces):
        return html
    soup = BeautifulSoup(str(html), "html.parser")
    for element in soup.find_all(PIECE_ELEMENTS):
        if normal(element.get_text()) in pieces and not element.find_parent(PIECE_ELEMENTS):
            element["lang"] = SOURCE_LANGUAGE
    return mark_safe(str(soup))  # noqa: S308 (the rich text was safe; only an attribute added)
