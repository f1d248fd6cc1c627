"""The referral directory, shaped after Open Referral HSDS 3.0.

An Organisation delivers Services; a Service has phones, languages spoken, opening hours and
closed days, happens at Locations and belongs to categories (TaxonomyTerm: the six topics plus kinds
of service). Public ids are UUIDs, as in HSDS. Texts that differ per language are translated with
django-modeltranslation (see translation.py); addresses, phone numbers and hours exist once.
"""

import uuid

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index

from ..core.phone import validate_phone_number

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
SPOKEN_LANGUAGES = sorted(
    (code, info["name_local"])
    for code, info in LANG_INFO.items()
    if len(code) == 2 and "name_local" in info
)


class TaxonomyTerm(models.Model):
    """A category. Codes look like "topic:healthcare" or "type:legal-aid"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    code = models.CharField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    @property
    def vocabulary(self):
        return self.code.split(":", 1)[0]

    @property
    def slug(self):
        return self.code.split(":", 1)[-1]


class Organisation(RevisionMixin, index.Indexed, models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    last_modified = models.DateTimeField(auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="organisation")
    outdated_texts = GenericRelation("directory.OutdatedText", related_query_name="organisation")

    search_fields = [
        *(index.SearchField(f"name_{code}") for code in LANGUAGE_CODES),
        *(index.AutocompleteField(f"name_{code}") for code in LANGUAGE_CODES),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class Location(index.Indexed, models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    address_1 = models.CharField(_("street and number"), max_length=200, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    region = models.CharField(_("province"), max_length=100, blank=True, default="Zuid-Holland")
    country = models.CharField(_("country"), max_length=2, default="NL")
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    accessibility = models.TextField(_("accessibility"), blank=True)
    address_uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    accessibility_uuid = models.UUIDField(default=uuid.uuid4, editable=False)

    search_fields = [index.SearchField("name"), index.SearchField("address_1")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return f"{self.name}, {self.city}" if self.city else self.name

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise ValidationError({"latitude": _("Latitude lies between -90 and 90.")})
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise ValidationError({"longitude": _("Longitude lies between -180 and 180.")})

    @property
    def one_line_address(self):
        return ", ".join(
            p for p in (self.address_1, f"{self.postal_code} {self.city}".strip()) if p
        )

    @property
    def map_url(self):
        """A plain link to OpenStreetMap: no embedded map, no third-party request."""
        from urllib.parse import urlencode

        if self.latitude is not None:
            return (
                "https://www.openstreetmap.org/?"
                + urlencode({"mlat": self.latitude, "mlon": self.longitude})
                + f"#map=18/{self.latitude}/{self.longitude}"
            )
        if self.address_1 and self.city:
            return "https://www.openstreetmap.org/search?" + urlencode(
                {"query": f"{self.address_1}, {self.city}"}
            )
        return ""


class Service(RevisionMixin, index.Indexed, ClusterableModel):
    class Cost(models.TextChoices):
        FREE = "free", _("Free")
        PAID = "paid", _("Costs money")
        UNKNOWN = "unknown", _("Not known")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        INACTIVE = "inactive", _("Inactive")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    how_to_apply = models.TextField(_("how to apply"), blank=True)
    eligibility = models.TextField(_("who can use it"), blank=True)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.UNKNOWN)
    cost_note = models.TextField(_("note on cost"), blank=True)
    by_appointment_only = models.BooleanField(_("by appointment only"), default=False)
    hours_note = models.TextField(
        _("note on opening hours"),
        blank=True,
        help_text=_("For example: evenings, nights and weekends. Shown with the opening hours."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    categories = ParentalManyToManyField(
        TaxonomyTerm, verbose_name=_("categories"), blank=True, related_name="services"
    )
    locations = ParentalManyToManyField(
        Location, verbose_name=_("locations"), blank=True, related_name="services"
    )
    last_modified = models.DateTimeField(auto_now=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="service")
    outdated_texts = GenericRelation("directory.OutdatedText", related_query_name="service")

    # Every language's column is indexed, so a Polish word finds the service too.
    search_fields = [
        *(index.SearchField(f"name_{code}", boost=2) for code in LANGUAGE_CODES),
        *(index.AutocompleteField(f"name_{code}") for code in LANGUAGE_CODES),
        *(index.SearchField(f"description_{code}") for code in LANGUAGE_CODES),
        index.FilterField("status"),
        index.FilterField("cost"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        # Field-level permissions for the whole directory (services, organisations, locations
        # and categories): who may change the shared details, and whose language's texts.
        permissions = [
            ("edit_details", _("Can edit addresses, phone numbers, hours and categories")),
            ("edit_texts_nl", _("Can edit the Dutch directory texts")),
            ("edit_texts_en", _("Can edit the English directory texts")),
            ("edit_texts_pl", _("Can edit the Polish directory texts")),
            ("edit_texts_ro", _("Can edit the Romanian directory texts")),
            ("edit_texts_bg", _("Can edit the Bulgarian directory texts")),
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def topics(self):
        return [term for term in self.categories.all() if term.vocabulary == "topic"]


class ServicePhone(Orderable):
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(_("number"), max_length=40, validators=[validate_phone_number])
    description = models.CharField(_("what this number is for"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")

    def __str__(self):
        return self.number


class ServiceLanguage(Orderable):
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=2, choices=SPOKEN_LANGUAGES)

    class Meta(Orderable.Meta):
        verbose_name = _("language spoken")
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="unique_service_language")
        ]

    def __str__(self):
        return self.code


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(Orderable):
    """One block of opening hours on one weekday. Closing at 00:00 means midnight."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"), help_text=_("00:00 means midnight."))

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self):
        if self.opens_at is None or self.closes_at is None:
            return
        midnight = self.closes_at.hour == 0 and self.closes_at.minute == 0
        if not midnight and self.closes_at <= self.opens_at:
            raise ValidationError(
                {
                    "closes_at": _(
                        "The closing time must be after the opening time. For hours past "
                        "midnight, add a second line for the next day starting at 00:00."
                    )
                }
            )


class ClosedDay(Orderable):
    """A date the service is closed although its hours say open (a public holiday)."""

    uuid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    service = ParentalKey(Service, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField(_("date"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("closed day")
        verbose_name_plural = _("closed days")

    def __str__(self):
        return f"{self.date}"


class OutdatedText(models.Model):
    """A translated text of a service or organisation whose Dutch changed after the translation
    was last written or checked: one row per object, field and language (text_status.py).

    No row means the translation follows the Dutch (or there is none, and readers get the
    fallback). The row keeps the Dutch text the translation was last checked against, so the
    editor sees what changed; it goes when that language's editor saves the checked text.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.UUIDField()
    entry = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("field"), max_length=40)
    language = models.CharField(_("language"), max_length=10)
    reviewed_source = models.TextField(_("Dutch text last checked against"))
    flagged_at = models.DateTimeField(_("Dutch first changed at"))
    changed_at = models.DateTimeField(_("Dutch last changed at"))

    class Meta:
        verbose_name = _("directory text to check")
        verbose_name_plural = _("directory texts to check")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_outdated_text_per_field_and_language",
            )
        ]
        indexes = [models.Index(fields=["language", "content_type"])]

    def __str__(self):
        return f"{self.object_id} {self.field}_{self.language}"
