"""Translators' files: one archive of PO files per language, and uploading it back.

Download: every Dutch page that is missing, outdated or in progress in the language. Each page is
first synced (translators must get the current Dutch text), then exported with localize's own PO
support: one file per page, with what is already translated filled in.

Upload: the archive (or one .po file). It is refused as a whole when it has more than MAX_FILES
files or unpacks to more than the size limits (read as a stream, so a zip bomb never reaches
memory). Each file is checked on its own: it must belong to a known page (localize writes the
translation's id into the file) and to the chosen language, and each translation must carry its
Dutch piece's tags. Good files are applied and their pages published; a bad file is reported and
changes nothing.

In the files, inline tags are numbered placeholders (<1>…</1>, see markup.py), and a changed
piece whose previous translation was kept is marked `#, fuzzy` with the previous Dutch text as
`#| msgid`. Uploading a filled entry without the fuzzy mark clears the piece's review mark.
"""

import io
import zipfile
import zlib
from dataclasses import dataclass

import polib
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page
from wagtail_localize.models import String, Translation, TranslationSource

from . import markup, rights, status, update_loop
from .models import PieceReview

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
            source, created = TranslationSource.get_or_create_from_instance(page.specific)
            if not created:
                # Translators must get the current Dutch text: taken in for this language only.
                update_loop.take_in_latest_source(source, [locale])
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            po = export_po(translation)
            po.metadata["Language"] = code
            po.metadata["X-Page"] = f"{page.pk} {page.url_path}"
            archive.writestr(f"{page.pk}-{page.slug}.{code}.po", str(po))
    return buffer.getvalue()


def export_po(translation):
    """localize's PO file of one translation, with placeholders and fuzzy marks."""
    po = translation.export_po()
    reviews = {
        (review.translation.translation_of.data, review.translation.context.path): review
        for review in PieceReview.objects.filter(
            translation__locale=translation.target_locale,
            translation__context__object_id=translation.source.object_id,
        ).select_related("translation__translation_of", "translation__context")
    }
    for entry in po:
        source = entry.msgid
        review = reviews.get((source, entry.msgctxt))
        if review is not None and not entry.obsolete:
            entry.flags.append("fuzzy")
            entry.previous_msgid = markup.to_placeholders(
                review.previous_source, review.previous_source
            )
        entry.msgid = markup.to_placeholders(source, source)
        entry.msgstr = markup.to_placeholders(entry.msgstr, source)
    return po


class PoFileRefused(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(problems))
        self.problems = problems


def import_po(translation, po, user, tool_name):
    """Apply a PO file to one translation; raises PoFileRefused (and changes nothing) when a
    translation's tags do not match its Dutch piece. Returns localize's warnings."""
    sources = {
        (markup.to_placeholders(segment.string.data, segment.string.data), segment.context.path): (
            segment.string.data
        )
        for segment in translation.source.stringsegment_set.select_related("string", "context")
    }
    page_title = str(translation.get_target_instance())
    problems, reviewed = [], []
    for entry in po:
        if entry.obsolete:
            continue
        source = sources.get((entry.msgid, entry.msgctxt))
        if source is None:
            continue
        entry.msgid = source
        if not entry.msgstr:
            continue
        try:
            entry.msgstr = markup.to_html(entry.msgstr, source)
        except markup.TagMismatch as mismatch:
            problems.append(
                _(
                    "“%(page)s”, piece “%(place)s”: the tags do not match the Dutch text. "
                    "Use %(tags)s in the same order as in the Dutch text."
                )
                % {"page": page_title, "place": entry.msgctxt, "tags": str(mismatch)}
            )
            continue
        if "fuzzy" not in entry.flags:
            reviewed.append((source, entry.msgctxt))
    if problems:
        raise PoFileRefused(problems)
    with transaction.atomic():
        warnings = translation.import_po(po, user=user, tool_name=tool_name)
        for source, path in reviewed:
            PieceReview.objects.filter(
                translation__locale=translation.target_locale,
                translation__translation_of__data_hash=String._get_data_hash(source),
                translation__context__object_id=translation.source.object_id,
                translation__context__path=path,
            ).delete()
    return warnings


@dataclass
class FileResult:
    name: str
    ok: bool
    message: str


class TooLarge(Exception):
    """The upload is refused as a whole; the message says why, in the editor's language."""


# A page's PO file is some tens of KB and the site has about a hundred pages per language:
# these limits leave ample room for real work and none for a zip bomb.
MAX_FILES = 500
MAX_FILE_BYTES = 2 << 20
MAX_TOTAL_BYTES = 50 << 20
CHUNK = 64 << 10


def too_large():
    message = _(
        "This upload is too large: at most %(files)s files of %(size)s MB each, "
        "%(total)s MB in all."
    )
    return TooLarge(
        message % {"files": MAX_FILES, "size": MAX_FILE_BYTES >> 20, "total": MAX_TOTAL_BYTES >> 20}
    )


def read_limited(stream, limit):
    """At most `limit` bytes from `stream`, read in chunks; TooLarge if there are more."""
    parts, size = [], 0
    for chunk in iter(lambda: stream.read(CHUNK), b""):
        size += len(chunk)
        if size > limit:
            raise too_large()
        parts.append(chunk)
    return b"".join(parts)


def read_files(upload):
    """(name, bytes) for each .po file in an uploaded zip or .po file.

    A zip is checked by its directory first (number of files, their stated sizes) and then read
    one file at a time, counting what is really unpacked: the stated sizes may lie."""
    if not upload.name.lower().endswith(".zip"):
        return [(upload.name, read_limited(upload, MAX_FILE_BYTES))]
    if upload.size > MAX_TOTAL_BYTES:
        raise too_large()
    try:
        with zipfile.ZipFile(upload) as archive:
            members = [
                info
                for info in archive.infolist()
                if not info.is_dir() and info.filename.lower().endswith(".po")
            ]
            if len(members) > MAX_FILES:
                raise TooLarge(
                    _("This upload has too many files: at most %(files)s .po files at once.")
                    % {"files": MAX_FILES}
                )
            if any(info.file_size > MAX_FILE_BYTES for info in members) or (
                sum(info.file_size for info in members) > MAX_TOTAL_BYTES
            ):
                raise too_large()
            files, total = [], 0
            for info in members:
                with archive.open(info) as stream:
                    data = read_limited(stream, MAX_FILE_BYTES)
                total += len(data)
                if total > MAX_TOTAL_BYTES:
                    raise too_large()
                files.append((info.filename, data))
            return files
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error):
        return [(upload.name, None)]


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
    source_instance = translation.source.get_source_instance()
    if not rights.may_publish_in(user, source_instance, translation.target_locale):
        return FileResult(name, False, _("You may not publish this page in this language."))
    try:
        with transaction.atomic():
            warnings = import_po(translation, po, user=user, tool_name="PO upload")
            translation.save_target(user=user, publish=True)
    except PoFileRefused as refused:
        return FileResult(name, False, " ".join(refused.problems))
    page = Page.objects.filter(translation_key=translation.source.object_id).first()
    translated = sum(1 for entry in po if entry.msgstr and not entry.obsolete)
    message = ngettext(
        "%(count)s text applied to “%(page)s”.",
        "%(count)s texts applied to “%(page)s”.",
        translated,
    ) % {"count": translated, "page": page.title if page else translation.source.object_repr}
    if warnings:
        message += " " + ngettext(
            "%(count)s text no longer exists and was skipped.",
            "%(count)s texts no longer exist and were skipped.",
            len(warnings),
        ) % {"count": len(warnings)}
    return FileResult(name, True, message)


def import_upload(upload, code, user):
    try:
        files = read_files(upload)
    except TooLarge as refusal:
        return [FileResult(upload.name, False, str(refusal))]
    if not files:
        return [FileResult(upload.name, False, _("There is no .po file in this upload."))]
    return [apply_file(name, data, code, user) for name, data in files]
