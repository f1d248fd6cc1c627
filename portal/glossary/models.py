"""A glossary entry: one Dutch word (with its variants and abbreviations), explained in every
language, with the term each language uses for it and the variants it must not use.

The texts are translated with django-modeltranslation (see translation.py and the README):
an entry is one thing with one anchor in every language, like a directory service.
"""

import re

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


def lines(text):
    """The non-empty lines of a one-per-line field."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class GlossaryTerm(models.Model):
    term = models.CharField(
        _("Dutch term"),
        max_length=100,
        unique=True,
        help_text=_("As readers meet it on letters and at desks, for example “zorgtoeslag”."),
    )
    slug = models.SlugField(
        _("anchor"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("The entry's address on the glossary page (/pl/glossary/#bsn)."),
    )
    variants = models.TextField(
        _("Dutch variants and abbreviations"),
        blank=True,
        help_text=_("One per line, for example “burgerservicenummer” for BSN."),
    )
    explanation = models.TextField(
        _("explanation"),
        max_length=400,
        blank=True,
        help_text=_("One or two plain sentences: what it is, where you meet it, what to do."),
    )
    use_term = models.CharField(
        _("term to use"),
        max_length=200,
        blank=True,
        help_text=_("What pages, the directory and the interface call it in this language."),
    )
    avoid_terms = models.TextField(
        _("variants not to use"),
        blank=True,
        help_text=_(
            "One per line. An asterisk ends a word in any way: “dodat* zdrowotn*”. "
            "manage.py check_terms reports every place that uses one."
        ),
    )
    search_words = models.TextField(
        _("other words readers type"),
        blank=True,
        help_text=_("One per line; they find this entry and its guide in search."),
    )
    guide = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("guide"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The Dutch page that covers it; readers get it in their language."),
    )
    explain_in_guides = models.BooleanField(
        _("explain in guides"),
        default=True,
        help_text=_("Explain the first use of this word on every guide page."),
    )

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(anyascii(self.term))
        super().save(*args, **kwargs)

    def clean(self):
        if not self.slug:
            self.slug = slugify(anyascii(self.term))
        for code, text in self.avoid_columns().items():
            for variant in lines(text):
                if not re.search(r"\w", variant):
                    message = _("“%(variant)s” has no letters.") % {"variant": variant}
                    raise ValidationError({f"avoid_terms_{code}": message})

    def column(self, field, code):
        """One language's own text of a translated field, without modeltranslation's fallback
        (a Polish "not to use" list must never be the English one)."""
        return getattr(self, f"{field}_{code}", "") or ""

    def avoid_columns(self):
        from django.conf import settings

        return {code: self.column("avoid_terms", code) for code, _name in settings.LANGUAGES}
