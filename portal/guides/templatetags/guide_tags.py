"""Template tags for links that every public page shows: urgent help and the footer pages."""

from django import template
from wagtail.models import Page

from ...core.freshness import remember
from ...core.languages import current_language, translated_language_name
from ...core.phone import phone_digits
from ...core.source_pieces import lang_attribute, mark_html
from ...glossary.annotate import explain_first_uses
from ..chrome import site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def urgent_help_url(context):
    """The urgent-help page in the reader's language (falls back to the Dutch one)."""
    return site_chrome(context["request"])["urgent_url"]


@register.simple_tag(takes_context=True)
def win_point_link(context):
    """(title, url) of the WIN-point page in the reader's language, or None."""
    return site_chrome(context["request"])["win_point"]


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """(title, url) of the standard pages (about, privacy, urgent help) of the reader's
    language."""
    return site_chrome(context["request"])["footer"]


@register.simple_tag(takes_context=True)
def breadcrumb_steps(context, page):
    """(title, url, lang) of the page's ancestors below the site root, in the reader's
    language: a page shown as a fallback (English under /pl/) gets the Polish topic where it
    exists, else the fallback's own (`lang` then names its language, else it is "").
    Cached until the next published change (the content version)."""
    request = context["request"]
    language = current_language()
    # Only a page shown as a fallback (PortalPage.get_context) is in another language.
    fallback_from = context.get("fallback_from") or ""
    fallback = bool(fallback_from)

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
        # An ancestor not found in the reader's language is the fallback page's own.
        return [(None, home, "")] + [
            (a.title, a.get_url(request), fallback_from if a.locale_id == page.locale_id else "")
            for a in ancestors
        ]

    return remember(steps, "breadcrumb", request.get_host(), page.pk, language, fallback_from)


@register.filter
def tel_digits(number):
    """A phone number as a tel: link wants it: "(079) 343 1600" -> "0793431600"."""
    return phone_digits(number)


@register.filter
def language_name_translated(code):
    return translated_language_name(code)


@register.tag("explain_terms")
def do_explain_terms(parser, token):
    """{% explain_terms page %}…{% endexplain_terms %}: the enclosed body HTML with the first
    use of each glossary word explained, unless the page has that switched off."""
    _tag, page = token.split_contents()
    nodelist = parser.parse(("endexplain_terms",))
    parser.delete_first_token()
    return ExplainTermsNode(nodelist, template.Variable(page))


class ExplainTermsNode(template.Node):
    def __init__(self, nodelist, page):
        self.nodelist = nodelist
        self.page = page

    def render(self, context):
        html = self.nodelist.render(context)
        if getattr(self.page.resolve(context), "explain_terms", False):
            return explain_first_uses(html, current_language())
        return html


@register.simple_tag(takes_context=True)
def piece_lang(context, text):
    """` lang="nl"` on the element of a plain text (title, heading, list item) that is a piece
    of this page published untranslated, in Dutch: <h2{% piece_lang value %}>."""
    return lang_attribute(text, context.get("source_pieces"))


@register.simple_tag(takes_context=True)
def mark_pieces(context, html):
    """Rich text with lang="nl" on each paragraph or list item published untranslated:
    {% mark_pieces value|richtext as text %}{{ text|with_facts }}."""
    return mark_html(html, context.get("source_pieces"))
