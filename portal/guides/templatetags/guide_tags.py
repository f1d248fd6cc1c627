"""Template tags for links that every public page shows: urgent help and the footer pages."""

from django import template
from wagtail.models import Site

from ...core.languages import translated_language_name
from ...core.phone import phone_digits
from ..models import HomePage, StandardPage

register = template.Library()


def site_home(request):
    site = Site.find_for_request(request)
    return site.root_page.specific if site else None


def localized_home(request):
    home = site_home(request)
    return home.localized if home else None


@register.simple_tag(takes_context=True)
def urgent_help_url(context):
    """The urgent-help page in the reader's language (falls back to the Dutch one)."""
    request = context["request"]
    home = site_home(request)
    if not isinstance(home, HomePage) or home.urgent_help_page is None:
        return ""
    page = home.urgent_help_page.localized
    return page.get_url(request) if page.live else ""


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """The standard pages (about, privacy, urgent help) of the reader's language."""
    home = localized_home(context["request"])
    if home is None:
        return []
    return StandardPage.objects.child_of(home).live().order_by("path")


@register.filter
def tel_digits(number):
    """A phone number as a tel: link wants it: "(079) 343 1600" -> "0793431600"."""
    return phone_digits(number)


@register.filter
def language_name_translated(code):
    return translated_language_name(code)
