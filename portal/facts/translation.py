"""Which fact and notice texts are translated (modeltranslation adds label_nl, label_en, …)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Fact, SiteNotice


@register(Fact)
class FactTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("nl",)


@register(SiteNotice)
class SiteNoticeTranslation(TranslationOptions):
    # No fallback: a notice written for Polish readers only must not appear in Dutch elsewhere.
    fields = ("text",)
    fallback_undefined = {"text": ""}
    fallback_languages = {"default": ()}
