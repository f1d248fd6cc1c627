"""The note wagtail-localize's editor shows under every translated piece ("Translated with
load_content on 6 December 2026"), in the editor's language.

localize builds it in StringTranslation.get_comment with strftime, so the month is English
whatever the admin language, and it shows the tool's internal name. No hook or catalogue
reaches it, so install() puts this function in its place; tests/translations/
test_editor_view.py fails if a localize upgrade stops using it.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation

# The tool names our own code stores (the content loader, the PO uploads).
STARTING_CONTENT = "load_content"
PO_FILES = {"PO File", "PO upload"}


def comment(string_translation):
    date = formats.date_format(timezone.localtime(string_translation.updated_at), "DATE_FORMAT")
    tool = string_translation.tool_name
    if tool == STARTING_CONTENT:
        return _("From the starting content, %(date)s") % {"date": date}
    if tool in PO_FILES:
        return _("From a PO file, %(date)s") % {"date": date}
    if tool:
        return _("Translated with %(tool)s, %(date)s") % {"tool": tool, "date": date}
    if string_translation.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE:
        return _("Machine translation, %(date)s") % {"date": date}
    return _("Translated by hand, %(date)s") % {"date": date}


def install():
    StringTranslation.get_comment = comment
