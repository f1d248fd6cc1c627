"""What editors may upload as a document: the file's contents must match its extension.

Wagtail checks image files itself (Willow reads the real format; WAGTAILIMAGES_EXTENSIONS and
the size and pixel limits are in settings.py). For documents it only looks at the extension,
so a page of HTML named report.pdf would be served from our own origin. This form reads the
first bytes (magic numbers, via `filetype`) and refuses anything that is not what it says.
Set as WAGTAILDOCS_DOCUMENT_FORM_BASE, so the single and the multiple upload both use it.
"""

import filetype
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

# Extension -> the types filetype may find in the first bytes. Office files are ZIP archives
# underneath, and filetype tells the kinds apart by their inner names.
BINARY_TYPES = {
    "pdf": {"application/pdf"},
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "odt": {"application/vnd.oasis.opendocument.text"},
}
TEXT_EXTENSIONS = {"csv", "txt"}
# Text that a browser would treat as a web page or a script, whatever its name.
MARKUP_SIGNS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe")
SNIFF_BYTES = 8192


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def is_plain_text(head):
    if b"\x00" in head:
        return False
    try:
        # A multi-byte character may be cut off at the end of the sample.
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return False
    lowered = head.lower().lstrip(b"\xef\xbb\xbf \t\r\n")
    return not any(sign in lowered for sign in MARKUP_SIGNS)


def content_matches_extension(upload):
    extension = extension_of(upload.name)
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension in TEXT_EXTENSIONS:
        return is_plain_text(head)
    expected = BINARY_TYPES.get(extension)
    if expected is None:
        return False
    found = filetype.guess(head)
    return found is not None and found.mime in expected


class CheckedDocumentForm(BaseDocumentForm):
    def _post_clean(self):
        # After Wagtail's own checks (the extension, in Document.clean()): refusing the file
        # earlier would leave the document without one and add a second, confusing message
        # about an empty extension.
        super()._post_clean()
        upload = self.cleaned_data.get("file")
        if not upload or upload == self.original_file or self.has_error("file"):
            return
        problem = upload_problem(upload)
        if problem:
            self.add_error("file", problem)


def upload_problem(upload):
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if upload.size > limit:
        return _("This file is too big. The maximum is %(size)s.") % {"size": filesizeformat(limit)}
    if not content_matches_extension(upload):
        return _("The contents of this file do not match its type (.%(extension)s).") % {
            "extension": extension_of(upload.name)
        }
    return None
