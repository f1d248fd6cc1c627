from django import template

from ..feedback import HONEYPOT, make_token
from ..models import FeedbackComment

register = template.Library()


@register.inclusion_tag("insights/feedback_form.html", takes_context=True)
def feedback_form(context):
    """The "Was this page helpful?" block of a guide, or its thank-you note after an answer.
    It is part of the cached page, so it holds nothing about the reader."""
    request = context["request"]
    page = context["page"]
    return {
        "thanks": request.GET.get("feedback") == "thanks",
        "token": make_token(page.pk, request.path),
        "honeypot": HONEYPOT,
        "max_length": FeedbackComment.MAX_LENGTH,
        "data": {},
    }


@register.filter
def nl_number(value):
    """1234567 -> "1.234.567", as the Dutch write it (the yearly report is in Dutch)."""
    from ..report import number

    try:
        return number(int(value))
    except (TypeError, ValueError):
        return value
