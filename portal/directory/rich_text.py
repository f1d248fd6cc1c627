"""Links from rich text to a directory service: <a linktype="service" id="<uuid>">.

Content files write them as [text](service:<uuid>). The address is made when the page is shown,
so a Polish page links the Polish service page, and a renamed address never breaks the link.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from wagtail.rich_text import LinkHandler

from .models import Service


class ServiceLinkHandler(LinkHandler):
    identifier = "service"

    @staticmethod
    def get_model():
        return Service

    @staticmethod
    def expand_db_attributes(attrs):
        service_id = attrs.get("id", "")
        try:
            url = reverse("directory:service_detail", args=[service_id])
        except NoReverseMatch:  # no usable id: keep the text, drop the link
            return "<a>"
        return f'<a href="{escape(url)}">'
