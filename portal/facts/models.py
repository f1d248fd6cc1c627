"""Facts and site notices.

A fact is one figure readers need ("minimum wage, age 21+") with its values over time. Pages
never contain the figure itself, only a placeholder (`{{ fact:minimum-wage-21 }}`) that is
replaced when the page is shown, in the reader's language's number and date format. So a new
value changes every page in every language at once, and no translation becomes outdated.

A fact's label is translated with django-modeltranslation (label_nl, label_en, …), not with
wagtail-localize: localize would make one fact per language, each with its own copy of the
values, which is exactly the copying facts exist to prevent.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ..core.phone import validate_phone_number

KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DURATION_UNITS = ("day", "week", "month", "year", "hour", "minute")


class Kind(models.TextChoices):
    EURO = "euro", _("Amount in euro")
    HOURLY = "hourly", _("Amount in euro per hour")
    PERCENTAGE = "percentage", _("Percentage")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    PHONE = "phone", _("Phone number")
    DURATION = "duration", _("Duration")


VALUE_HELP = {
    Kind.EURO: "14.71",
    Kind.HOURLY: "14.71",
    Kind.PERCENTAGE: "25",
    Kind.NUMBER: "230",
    Kind.DATE: "2027-01-01",
    Kind.PHONE: "0800 5151",
    Kind.DURATION: "4 month",
}


def parse_value(kind, text):
    """The stored text of a value as the Python value it stands for; ValueError when it does
    not fit the kind. Amounts and numbers use a full stop for decimals, as in the examples."""
    text = (text or "").strip()
    if not text:
        raise ValueError(_("Enter a value."))
    if kind in (Kind.EURO, Kind.HOURLY, Kind.PERCENTAGE, Kind.NUMBER):
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(
                _("Write a number with a full stop for decimals, for example %(example)s.")
                % {"example": VALUE_HELP[kind]}
            ) from None
        if not number.is_finite():
            raise ValueError(_("Enter a value."))
        return number
    if kind == Kind.DATE:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(_("Write the date as YYYY-MM-DD, for example 2027-01-01.")) from None
    if kind == Kind.DURATION:
        amount, _space, unit = text.partition(" ")
        unit = unit.strip().rstrip("s")
        if not amount.isdigit() or unit not in DURATION_UNITS:
            raise ValueError(
                _("Write a whole number and one of: %(units)s, for example 4 month.")
                % {"units": ", ".join(DURATION_UNITS)}
            )
        return int(amount), unit
    if kind == Kind.PHONE:
        try:
            validate_phone_number(text)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None
        return text
    raise ValueError(_("Unknown kind of fact."))


class Fact(ClusterableModel):
    key = models.CharField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_(
            "Lowercase letters, digits and '-'. Pages use it as {{ fact:key }}; "
            "never change it once pages use it."
        ),
    )
    label = models.CharField(
        _("label"), max_length=200, help_text=_("What the figure is, for editors and reports.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["key"]
        verbose_name = _("fact")
        verbose_name_plural = _("facts")

    def __str__(self):
        return f"{self.label} ({self.key})"

    def clean(self):
        if self.key and not KEY.match(self.key):
            raise ValidationError({"key": _("Use lowercase letters, digits and '-' only.")})


class FactValue(models.Model):
    """One value of a fact and the period it applies to. The value with the latest
    `valid_from` that has started is the current one."""

    fact = ParentalKey(Fact, on_delete=models.CASCADE, related_name="values")
    value = models.CharField(
        _("value"),
        max_length=100,
        help_text=_(
            "Amounts and numbers with a full stop for decimals (14.71), dates as YYYY-MM-DD, "
            "durations as a number and a unit (4 month)."
        ),
    )
    valid_from = models.DateField(
        _("valid from"),
        help_text=_("The value shows on the site from the start of this day (Dutch time)."),
    )
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_(
            "The last day it applies, if known. After it, readers see a notice that the "
            "figure may be out of date until a new value is entered."
        ),
    )
    source_title = models.CharField(_("source title"), max_length=200)
    source_url = models.URLField(_("source address"), max_length=500)
    checked_on = models.DateField(
        _("source checked on"),
        null=True,
        blank=True,
        help_text=_("The day a person opened the source and saw this value. Leave empty if not."),
    )
    checked_by = models.CharField(_("checked by"), max_length=150, blank=True)

    class Meta:
        ordering = ["fact", "valid_from"]
        verbose_name = _("value of a fact")
        verbose_name_plural = _("values of facts")

    def __str__(self):
        return f"{self.fact.key}: {self.value} ({self.valid_from})"

    def clean(self):
        errors = {}
        kind = self.fact.kind if self.fact_id or getattr(self, "fact", None) else None
        if kind:
            try:
                parse_value(kind, self.value)
            except ValueError as error:
                errors["value"] = str(error)
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The last day cannot be before the first day.")
        if self.checked_on and not self.checked_by.strip():
            errors["checked_by"] = _("Say who checked the source.")
        if errors:
            raise ValidationError(errors)


class FactUsage(models.Model):
    """Which live pages use which facts, kept up to date when pages are published, so the
    report "Figures to check" can list the pages a figure appears on."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    fact_key = models.CharField(max_length=80, db_index=True)

    class Meta:
        unique_together = [("page", "fact_key")]

    def __str__(self):
        return f"{self.fact_key} on page {self.page_id}"


class SiteNotice(models.Model):
    """A short notice at the top of every page, or of one topic and the pages below it, in the
    languages it has a text for, between two moments."""

    text = models.CharField(
        _("text"),
        max_length=300,
        blank=True,
        help_text=_("Shown only in the languages that have a text. Keep it to one sentence."),
    )
    link = models.URLField(_("link"), blank=True, help_text=_("Optional: where to read more."))
    below_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("only on"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Choose a topic to show the notice only on it and its guides (in every language). "
            "Leave empty for all pages."
        ),
    )
    starts_at = models.DateTimeField(_("show from"))
    ends_at = models.DateTimeField(_("show until"))

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")

    def __str__(self):
        return self.text or str(_("site notice"))

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
