"""Model factories (factory_boy) for tests: a valid object with one call, overriding only what
the test is about. Directory objects get Dutch texts (the source language); pages are added
under a parent and published, as an editor does it.

    service = ServiceFactory(name_nl="Juridisch Loket", topics=["rights"], languages=["pl"])
    guide = GuidePageFactory(parent=topic, title="Musea")
"""

import datetime
from pathlib import Path

import factory
from django.conf import settings
from factory.django import DjangoModelFactory

from portal.directory.models import (
    ClosedDay,
    Location,
    OpeningHours,
    Organisation,
    Service,
    ServiceLanguage,
    ServicePhone,
    TaxonomyTerm,
)
from portal.guides.models import GuidePage, StandardPage, TopicPage


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name_nl = factory.Sequence(lambda n: f"Organisatie {n}")
    description_nl = "Een organisatie."


class LocationFactory(DjangoModelFactory):
    class Meta:
        model = Location

    name_nl = factory.Sequence(lambda n: f"Locatie {n}")
    address_1 = factory.Sequence(lambda n: f"Markt {n + 1}")
    city = "Zoetermeer"


class ServiceFactory(DjangoModelFactory):
    """Extra keywords: `topics` (["rights"]) and `categories` (["type:union"]) as category
    codes, `locations`, `languages` (["nl", "pl"]) spoken, `phones` (numbers) and `hours`
    ([(weekday, "09:00", "17:00")])."""

    class Meta:
        model = Service
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    name_nl = factory.Sequence(lambda n: f"Dienst {n}")
    description_nl = factory.LazyAttribute(lambda service: f"Hulp van {service.name_nl}.")

    @factory.post_generation
    def categories(service, create, codes, **kwargs):
        if codes is not None:
            service.categories.add(*TaxonomyTerm.objects.filter(code__in=codes))

    @factory.post_generation
    def topics(service, create, topics, **kwargs):
        if topics is not None:
            codes = [f"topic:{topic}" for topic in topics]
            service.categories.add(*TaxonomyTerm.objects.filter(code__in=codes))

    @factory.post_generation
    def locations(service, create, locations, **kwargs):
        if locations is not None:
            service.locations.set(locations)

    @factory.post_generation
    def saved(service, create, extracted, **kwargs):
        # modelcluster keeps many-to-many changes until the service is saved again.
        if create:
            service.save()

    @factory.post_generation
    def languages(service, create, codes, **kwargs):
        for code in codes or ():
            ServiceLanguageFactory(service=service, code=code)

    @factory.post_generation
    def phones(service, create, numbers, **kwargs):
        for number in numbers or ():
            ServicePhoneFactory(service=service, number=number)

    @factory.post_generation
    def hours(service, create, blocks, **kwargs):
        for weekday, opens, closes in blocks or ():
            OpeningHoursFactory(
                service=service,
                weekday=weekday,
                opens_at=datetime.time.fromisoformat(opens),
                closes_at=datetime.time.fromisoformat(closes),
            )


class ServicePhoneFactory(DjangoModelFactory):
    class Meta:
        model = ServicePhone

    service = factory.SubFactory(ServiceFactory)
    number = "(079) 343 1600"


class ServiceLanguageFactory(DjangoModelFactory):
    class Meta:
        model = ServiceLanguage

    service = factory.SubFactory(ServiceFactory)
    code = "nl"


class OpeningHoursFactory(DjangoModelFactory):
    class Meta:
        model = OpeningHours

    service = factory.SubFactory(ServiceFactory)
    weekday = 0
    opens_at = datetime.time(9)
    closes_at = datetime.time(17)


class ClosedDayFactory(DjangoModelFactory):
    class Meta:
        model = ClosedDay

    service = factory.SubFactory(ServiceFactory)
    date = datetime.date(2026, 12, 25)


class PageFactory(factory.Factory):
    """A page added under `parent` (required) and published, unless `publish=False`."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda page: page.title.lower().replace(" ", "-"))
    summary = factory.LazyAttribute(lambda page: f"Over {page.title.lower()}.")

    @classmethod
    def _create(cls, model_class, parent, publish=True, **fields):
        page = model_class(**fields)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page

    @classmethod
    def _build(cls, model_class, parent=None, publish=False, **fields):
        return model_class(**fields)


class TopicPageFactory(PageFactory):
    class Meta:
        model = TopicPage

    icon = "rights"


class GuidePageFactory(PageFactory):
    class Meta:
        model = GuidePage


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


def starting_page_count():
    """Pages per language in the starting content: one per folder with an nl.md."""
    content = Path(settings.BASE_DIR) / "content"
    return len(list(content.rglob("nl.md")))


def starting_guide_count():
    """Guides per language in the starting content: content/<topic>/<guide>/nl.md."""
    content = Path(settings.BASE_DIR) / "content"
    return len(list(content.glob("*/*/nl.md"))) - len(list(content.glob("pages/*/nl.md")))


def publish_change(page, text="Een nieuwe zin."):
    """A Dutch editor changes a page's summary and publishes: its translations become outdated."""
    page.summary = f"{page.summary} {text}"
    page.save_revision().publish()
