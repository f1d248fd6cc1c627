"""Template tags for links that every public page shows: urgent help and the footer pages."""

from django import template
from wagtail.models import Page

from ...core.languages import current_language, translated_language_name
from ...core.phone import phone_digits
from ...pagecache.fragments import remember
from ..chrome import site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def urgent_help_url(context):
    """The urgent-help page in the reader's language (falls back to the Dutch one)."""
    return site_chrome(context["request"])["urgent_url"]


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """(title, url) of the standard pages (about, privacy, urgent help) of the reader's
    language."""
    return site_chrome(context["request"])["footer"]


@register.simple_tag(takes_context=True)
def breadcrumb_steps(context, page):
    """(title, url) of the page's ancestors below the site root, in the reader's language: a
    page shown as a fallback (English under /pl/) gets the Polish topic where it exists.
    Cached until the next published change (the content version)."""
    request = context["request"]
    language = current_language()
    # Only a page shown as a fallback (portal.translations.serve) is in another language.
    fallback = bool(getattr(request, "fallback_from", None))

    def steps():
        ancestors = list(page.get_ancestors().live().filter(depth__gte=3))
        if fallback and ancestors:
            own = {
                p.translation_key: p
                for p in Page.objects.filter(
                    translation_key__in=[a.translation_key for a in ancestors],
                    locale__language_code=language,
                ).live()
            }
            ancestors = [own.get(a.translation_key, a) for a in ancestors]
        home = site_chrome(request)["home_urls"].get(language) or f"/{language}/"
        return [(None, home)] + [(a.title, a.get_url(request)) for a in ancestors]

    return remember(steps, "breadcrumb", request.get_host(), page.pk, language, fallback)


@register.filter
def tel_digits(number):
    """A phone number as a tel: link wants it: "(079) 343 1600" -> "0793431600"."""
    return phone_digits(number)


@register.filter
def language_name_translated(code):
    return translated_language_name(code)
