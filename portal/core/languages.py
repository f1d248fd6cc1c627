"""The portal's languages, in one place.

Settings list them (LANGUAGES, with each language's own name); everything else asks here.
"""

from django.conf import settings
from django.utils import translation

SOURCE_LANGUAGE = "nl"


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The name a language gives itself ("Polski", "Български")."""
    return dict(settings.LANGUAGES).get(code, code)


def current_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def sync_locales(using="default"):
    from wagtail.models import Locale

    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    for code in language_codes():
        if code not in existing:
            Locale.objects.using(using).create(language_code=code)


def fallback_languages(code):
    """The languages to show instead when something is missing in `code`, in order."""
    fallbacks = settings.LANGUAGE_FALLBACKS
    return [lang for lang in fallbacks.get(code, fallbacks["default"]) if lang != code]


def translated_language_name(code):
    """Any language code as the reader calls that language: "pl" -> "Pools" for Dutch readers."""
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code
