"""Template tags of the WIN-point desk."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def base_url_mismatch(context):
    """The host in BASE_URL when it differs from the host the desk is opened on, else "".

    QR codes and short links are made with BASE_URL; when it is wrong, every handout points to
    the wrong address. Staff open the desk on the real address, so a difference is a warning
    sign worth showing before anything is printed."""
    request = context.get("request")
    if request is None:
        return ""
    configured = urlsplit(settings.BASE_URL).netloc.lower()
    return configured if configured != request.get_host().lower() else ""
