"""Which directory texts are translated (django-modeltranslation adds name_nl, name_en, …).

Names of organisations and services are translated too: many are descriptions ("Reporting
housing fraud") rather than proper names. Empty translations fall back to English, then Dutch
(MODELTRANSLATION_FALLBACK_LANGUAGES in settings).
"""

from modeltranslation.translator import TranslationOptions, register

from .models import ClosedDay, Location, Organisation, Service, ServicePhone, TaxonomyTerm


@register(TaxonomyTerm)
class TaxonomyTermTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nl",)


@register(Location)
class LocationTranslation(TranslationOptions):
    fields = ("name", "accessibility")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name", "description", "how_to_apply", "eligibility", "cost_note", "hours_note")
    required_languages = ("nl",)


@register(ServicePhone)
class ServicePhoneTranslation(TranslationOptions):
    fields = ("description",)


@register(ClosedDay)
class ClosedDayTranslation(TranslationOptions):
    fields = ("note",)
