"""Which glossary texts are translated (django-modeltranslation adds explanation_nl, …_pl…).

Why modeltranslation and not wagtail-localize: an entry is one thing with one anchor, in every
language at once, like a directory service; check_terms and search read every language's "use"
and "not to use" columns of all entries in one query; and an entry in a language without its
own text falls back to English, then Dutch (MODELTRANSLATION_FALLBACK_LANGUAGES), the same rule
as the directory. Localize would make a separate copy per locale that has to be synced.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import GlossaryTerm


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("explanation", "use_term", "avoid_terms", "search_words")
