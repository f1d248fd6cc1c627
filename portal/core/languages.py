"""The portal's languages, in one place.

Settings list them (LANGUAGES, with each language's own name); everything else asks here.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

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


# A language's name inside a sentence takes the reader's grammar, not the name as a title:
# Romanian "în limba engleză" (not "în limba Engleză"), Polish "po angielsku", Bulgarian
# "на английски". Translators give the whole phrase.
IN_LANGUAGE = {
    "nl": pgettext_lazy("language in a sentence", "in Dutch"),
    "en": pgettext_lazy("language in a sentence", "in English"),
    "pl": pgettext_lazy("language in a sentence", "in Polish"),
    "ro": pgettext_lazy("language in a sentence", "in Romanian"),
    "bg": pgettext_lazy("language in a sentence", "in Bulgarian"),
}


def in_language(code):
    """ "in English" as the reader writes it in a sentence ("po angielsku", "în limba engleză")."""
    phrase = IN_LANGUAGE.get(code)
    return str(phrase) if phrase is not None else translated_language_name(code)


def shown_language(instance, field):
    """The language of the text that `instance.<field>` (a django-modeltranslation field) shows
    now: the current language when it has its own text, else the fallback language whose text
    modeltranslation gives instead (the same rule as its descriptor); None without any text."""
    from modeltranslation.utils import build_localized_fieldname, resolution_order

    descriptor = getattr(type(instance), field)
    for code in resolution_order(current_language(), descriptor.fallback_languages):
        if getattr(instance, build_localized_fieldname(field, code), None) not in (None, ""):
            return code
    return None
