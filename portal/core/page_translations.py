"""One answer to each question about a page's translations, for every app.

Wagtail keeps one page tree per language; the translations of a page share its
`translation_key`. Readers of a language the page lacks get it in a fallback language
(settings.LANGUAGE_FALLBACKS: English, then Dutch) at their own address; see
portal.translations.serve for how such a page is served.

- `translations_of(page)`: {language code: live page} of every translation, in language order.
- `reader_page(page, language)`: (page, is_fallback): what readers of `language` are shown.
- `pick_for_reader(translations, language)`: the same walk for callers that hold the
  translations already (search builds an entry per language from one lookup).

These ask the database every time; callers on the reading path cache them under the content
version (see portal.guides.chrome.live_translations).
"""

from wagtail.models import Page

from .languages import fallback_languages, language_codes


def translations_of(page, *, public=False):
    """{language code: live page} of every translation of `page` (a page or a translation
    key), itself included, in the order of settings.LANGUAGES. `public=True` leaves out pages
    behind a view restriction."""
    key = getattr(page, "translation_key", page)
    pages = Page.objects.filter(translation_key=key).live().select_related("locale")
    if public:
        pages = pages.public()
    found = {found.locale.language_code: found for found in pages}
    return {code: found[code] for code in language_codes() if code in found}


def pick_for_reader(translations, language):
    """(page, is_fallback) to show readers of `language`, from {code: page} of one page's
    translations; (None, False) when there is none at all."""
    if language in translations:
        return translations[language], False
    for code in fallback_languages(language):
        if code in translations:
            return translations[code], True
    return None, False


def reader_page(page, language, *, public=False):
    """(page, is_fallback): the translation of `page` readers of `language` see, or the
    fallback language's page; (None, False) when no translation is live."""
    return pick_for_reader(translations_of(page, public=public), language)
