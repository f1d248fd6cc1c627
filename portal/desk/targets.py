"""What staff hand over: a page (all translations of one Dutch page) or a service, in the
visitor's language. A Target knows its title in each language, its public address for
readers of a language, its subject for the referral counts, and what the printout shows."""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from ..core.page_translations import pick_for_reader, translations_of
from ..directory import hours
from ..directory.models import Service
from ..translations.addresses import language_home_paths, page_url

MAX_STEPS = 8


@dataclass
class ServiceContact:
    """A service's contact details as shown on a printout, in the language active when made."""

    service: Service
    phones: list = field(default_factory=list)
    locations: list = field(default_factory=list)
    week: list = field(default_factory=list)
    always_open: bool = False

    @classmethod
    def of(cls, service):
        return cls(
            service=service,
            phones=list(service.phones.all()),
            locations=list(service.locations.all()),
            week=hours.week(service),
            always_open=hours.always_open(service),
        )


class PageTarget:
    kind = "page"

    def __init__(self, key):
        try:
            self.key = uuid.UUID(str(key))
        except ValueError:
            raise Http404 from None
        self.translations = {
            code: page.specific
            for code, page in translations_of(self.key, public=True).items()
            if page.depth >= 3
        }
        if not self.translations:
            raise Http404

    @property
    def id(self):
        return str(self.key)

    def page(self, language):
        return pick_for_reader(self.translations, language)[0]

    def is_translated(self, language):
        return language in self.translations

    def title(self, language):
        return self.page(language).title

    def dutch_title(self):
        return self.title(settings.LANGUAGE_CODE)

    def url(self, language):
        return page_url(self.page(language), language, language_home_paths())

    def subject(self):
        """The topic, for the referral counts: the Dutch topic page's icon name ("healthcare"),
        the same in every language; "general" for pages outside the topics."""
        page = self.page(settings.LANGUAGE_CODE)
        topic = page.get_ancestors(inclusive=True).filter(depth=3).first()
        icon = getattr(topic.specific, "icon", "") if topic else ""
        return f"topic:{icon}" if icon else "general"

    def key_steps(self, language):
        """The guide's first numbered steps, as plain text; else its headings."""
        body = getattr(self.page(language), "body", None)
        if body is None:
            return []
        for block in body:
            if block.block_type == "steps":
                return [strip_tags(str(step)) for step in block.value][:MAX_STEPS]
        return [str(block.value) for block in body if block.block_type == "heading"][:MAX_STEPS]

    def summary(self, language):
        return getattr(self.page(language), "summary", "")

    def questions(self, language):
        """(question, answer as plain text) of the guide's folding questions: printed opened,
        since a step may send the reader to one ("read the question at the bottom")."""
        body = getattr(self.page(language), "body", None)
        if body is None:
            return []
        return [
            (block.value["question"], strip_tags(str(block.value["answer"])))
            for block in body
            if block.block_type == "question"
        ]

    def contacts(self, language):
        where = getattr(self.page(language), "where_to_get_help", None)
        if where is None:
            return []
        with translation.override(language):
            return [ServiceContact.of(service) for service in where()[:2]]


class ServiceTarget:
    kind = "service"

    def __init__(self, pk):
        try:
            self.service = Service.objects.select_related("organisation").get(
                pk=pk, status=Service.Status.ACTIVE
            )
        except (Service.DoesNotExist, ValidationError):  # unknown, or not a UUID at all
            raise Http404 from None

    @property
    def id(self):
        return str(self.service.pk)

    def is_translated(self, language):
        return bool(getattr(self.service, f"name_{language}"))

    def title(self, language):
        with translation.override(language):
            return self.service.name

    def dutch_title(self):
        return self.title(settings.LANGUAGE_CODE)

    def url(self, language):
        with translation.override(language):
            return reverse("directory:service_detail", args=[self.service.pk])

    def subject(self):
        """The service's kind ("type:legal-aid"), else its topic, for the referral counts."""
        codes = sorted(term.code for term in self.service.categories.all())
        kinds = [code for code in codes if code.startswith("type:")]
        return (kinds or codes or ["general"])[0]

    def key_steps(self, language):
        return []

    def summary(self, language):
        with translation.override(language):
            return self.service.description

    def questions(self, language):
        return []

    def contacts(self, language):
        with translation.override(language):
            return [ServiceContact.of(self.service)]


def get_target(kind, key):
    if kind == "page":
        return PageTarget(key)
    if kind == "service":
        return ServiceTarget(key)
    raise Http404
