"""Translators' files: one archive of PO files per language, and uploading it back.

Download: every Dutch page that is missing, outdated or in progress in the language. Each page is
first synced (translators must get the current Dutch text), then exported with localize's own PO
support: one file per page, with what is already translated filled in.

Upload: the archive (or one .po file). Each file is checked on its own: it must belong to a
known page (localize writes the translation's id into the file) and to the chosen language.
Good files are applied and their pages published; a bad file is reported and changes nothing.
"""

import io
import zipfile
from dataclasses import dataclass

import polib
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from . import status

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"


def pages_needing_work(code):
    rows = status.status_matrix(languages=[code])
    return [row.page for row in rows if row.cells[code].status != status.UP_TO_DATE]


def export_archive(code):
    """Bytes of a zip with one PO file per page that needs translating into `code`."""
    locale = Locale.objects.get(language_code=code)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for page in pages_needing_work(code):
            source, _created = TranslationSource.update_or_create_from_instance(page.specific)
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            po = translation.export_po()
            po.metadata["Language"] = code
            po.metadata["X-Page"] = f"{page.pk} {page.url_path}"
            archive.writestr(f"{page.pk}-{page.slug}.{code}.po", str(po))
    return buffer.getvalue()


@dataclass
class FileResult:
    name: str
    ok: bool
    message: str


def read_files(upload):
    """(name, text) for each .po file in an uploaded zip or .po file."""
    data = upload.read()
    if upload.name.lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return [
                    (name, archive.read(name))
                    for name in archive.namelist()
                    if name.lower().endswith(".po")
                ]
        except zipfile.BadZipFile:
            return [(upload.name, None)]
    return [(upload.name, data)]


def apply_file(name, data, code, user):
    if data is None:
        return FileResult(name, False, _("This is not a zip file."))
    try:
        po = polib.pofile(data.decode("utf-8"))
    except (UnicodeDecodeError, OSError, ValueError):
        return FileResult(name, False, _("This is not a PO file that we can read."))
    translation = Translation.objects.filter(uuid=po.metadata.get(TRANSLATION_ID) or None).first()
    if translation is None:
        return FileResult(name, False, _("This file does not belong to any page on this site."))
    target = translation.target_locale.language_code
    file_language = po.metadata.get("Language") or target
    if code != target or file_language != target:
        wrong = target if code != target else file_language
        return FileResult(
            name,
            False,
            _("This file is for %(language)s, not for the language you chose.")
            % {"language": dict(settings.LANGUAGES).get(wrong, wrong)},
        )
    with transaction.atomic():
        warnings = translation.import_po(po, user=user, tool_name="PO upload")
        translation.save_target(user=user, publish=True)
    page = Page.objects.filter(translation_key=translation.source.object_id).first()
    translated = sum(1 for entry in po if entry.msgstr and not entry.obsolete)
    message = _("%(count)s texts applied to “%(page)s”.") % {
        "count": translated,
        "page": page.title if page else translation.source.object_repr,
    }
    if warnings:
        message += " " + _("%(count)s texts no longer exist and were skipped.") % {
            "count": len(warnings)
        }
    return FileResult(name, True, message)


def import_upload(upload, code, user):
    files = read_files(upload)
    if not files:
        return [FileResult(upload.name, False, _("There is no .po file in this upload."))]
    return [apply_file(name, data, code, user) for name, data in files]
