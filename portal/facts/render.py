"""Facts in text: the `{{ fact:key }}` placeholder and how a value reads in each language.

Numbers, amounts and dates are formatted with Babel from CLDR, the data behind every major
platform's locale formats: "€ 14,71" in Dutch, "14,71 €" in Polish, "€14.71" in English.
"""

import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent
from babel.units import format_unit
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, override

from ..core.phone import phone_digits
from .models import Kind, parse_value

# {{ fact:minimum-wage-21 }} or, with the date it applies from, {{ fact:minimum-wage-21 from }}
PLACEHOLDER = re.compile(r"\{\{\s*fact:([a-z0-9]+(?:-[a-z0-9]+)*)(\s+from)?\s*\}\}")


def keys_in(text):
    """The fact keys a text uses, in order of first use."""
    seen = []
    for match in PLACEHOLDER.finditer(text or ""):
        if match.group(1) not in seen:
            seen.append(match.group(1))
    return seen


# English pages are written in British English ("1 January 2027"); CLDR's plain "en" is American.
CLDR_LOCALES = {"en": "en_GB"}


def babel_locale(language):
    return Locale.parse(CLDR_LOCALES.get(language, language))


def format_amount(amount, language):
    locale = babel_locale(language)
    if amount == amount.to_integral_value():
        # "€ 385", not "€ 385,00": whole amounts read as whole amounts.
        pattern = locale.currency_formats["standard"].pattern.replace(".00", "")
        return format_currency(amount, "EUR", format=pattern, locale=locale, currency_digits=False)
    return format_currency(amount, "EUR", locale=locale)


def format_value(kind, text, language):
    """The stored value text in the reader's language, as plain text."""
    value = parse_value(kind, text)
    if kind in (Kind.EURO, Kind.HOURLY):
        return format_amount(value, language)
    if kind == Kind.PERCENTAGE:
        return format_percent(
            value / Decimal(100), locale=babel_locale(language), decimal_quantization=False
        )
    if kind == Kind.NUMBER:
        return format_decimal(value, locale=babel_locale(language), decimal_quantization=False)
    if kind == Kind.DATE:
        return format_day(value, language)
    if kind == Kind.DURATION:
        amount, unit = value
        return format_unit(amount, f"duration-{unit}", length="long", locale=babel_locale(language))
    return value  # a phone number reads the same everywhere


def format_day(day, language):
    return format_date(day, "long", locale=babel_locale(language))


def fact_html(resolved, language, with_from=False):
    """One fact as inline HTML in `language`: the value, optionally "from <date>", and when it
    has expired a notice with the source to check."""
    fact, value = resolved.fact, resolved.value
    with override(language):
        if value is None:
            return format_html(
                '<span class="fact fact-unknown" data-fact="{}">{}</span>',
                fact.key,
                gettext("(figure not known yet)"),
            )
        shown = format_value(fact.kind, value.value, language)
        if fact.kind == Kind.PHONE:
            shown = format_html('<a href="tel:{}">{}</a>', phone_digits(shown), shown)
        else:
            shown = conditional_escape(shown)
        if with_from:
            shown = interpolate(
                gettext("%(value)s from %(date)s"),
                value=shown,
                date=format_day(value.valid_from, language),
            )
        if not resolved.expired:
            return format_html('<span class="fact" data-fact="{}">{}</span>', fact.key, shown)
        if fact.kind in (Kind.EURO, Kind.HOURLY):
            message = gettext(
                "this amount applied until %(date)s and may have changed; check %(source)s"
            )
        else:
            message = gettext(
                "this figure applied until %(date)s and may have changed; check %(source)s"
            )
        notice = interpolate(
            message,
            date=format_day(value.valid_until, language),
            source=format_html('<a href="{}">{}</a>', value.source_url, value.source_title),
        )
        return format_html(
            '<span class="fact fact-expired" data-fact="{}">{} '
            '<small class="fact-notice" role="note">({})</small></span>',
            fact.key,
            shown,
            notice,
        )


def interpolate(message, **parts):
    """A translated message with %(name)s parts filled in, everything escaped except the
    parts that are already safe HTML."""
    escaped = {name: conditional_escape(part) for name, part in parts.items()}
    # Translated text and parts both escaped here; only our own markup stays.
    return mark_safe(conditional_escape(message) % escaped)  # noqa: S308


def substitute(html, language, table, day):
    """`html` (already safe) with each placeholder replaced by its fact. A key that is not in
    the table stays visible as written, so the mistake is seen and fixed, never hidden."""
    from .timeline import resolve

    if "{{" not in html:
        return mark_safe(html)  # noqa: S308 (the caller passes safe HTML)

    def replace(match):
        fact = table.get(match.group(1))
        if fact is None:
            return match.group(0)
        return fact_html(resolve(fact, day), language, with_from=bool(match.group(2)))

    # Safe HTML in, only format_html pieces added.
    return mark_safe(PLACEHOLDER.sub(replace, str(html)))  # noqa: S308
