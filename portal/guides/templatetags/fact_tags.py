"""Facts and site notices on the public pages.

`{{ value|richtext|with_facts }}` replaces `{{ fact:key }}` placeholders in text with the fact's
value of today in the page's language; `{% site_notices %}` shows the notices in effect. Both
read their data through the fragment cache: its keys carry the content version, which includes
the next moment a value or notice changes by itself (core.clock), so cached pages turn over at
midnight without anyone publishing.
"""

from django import template
from django.utils.html import conditional_escape
from wagtail.models import Page

from ...core import clock
from ...core.freshness import remember
from ...core.languages import current_language
from ...facts.notices import notice_table, notices_for
from ...facts.render import PLACEHOLDER, substitute
from ...facts.timeline import fact_table, resolve

register = template.Library()


@register.filter
def with_facts(text):
    """Facts filled in. Plain text (a checklist item) is escaped first; rich text is already
    safe HTML."""
    html = conditional_escape(text)
    if "{{" not in html:
        return html
    return substitute(html, current_language(), remember(fact_table, "facts"), clock.today())


@register.simple_tag
def fact_value(key, default=""):
    """Today's plain value of a fact, for templates: {% fact_value "municipality-phone" %}."""
    return fact_text("{{ fact:" + key + " }}") or default


@register.filter
def fact_text(value):
    """A field that holds one placeholder (a contact card's phone) as today's plain value;
    anything else as it is. "" when the fact has no value today."""
    match = PLACEHOLDER.fullmatch((value or "").strip())
    if not match:
        return value
    fact = remember(fact_table, "facts").get(match.group(1))
    resolved = resolve(fact, clock.today()) if fact else None
    return resolved.value.value if resolved and resolved.value else ""


@register.inclusion_tag("guides/site_notices.html", takes_context=True)
def site_notices(context):
    page = context.get("page")
    path = page.path if isinstance(page, Page) else None
    language = current_language()
    notices = notices_for(remember(notice_table, "site-notices"), clock.now(), language, path)
    return {"notices": [(notice.texts[language], notice.link) for notice in notices]}
