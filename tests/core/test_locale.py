"""Interface strings are translated into all five languages, and the compiled catalogues
(which `make run` uses as they are, without gettext tools) match the .po files."""

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
# wagtail-localize's own strings that its catalogue lacks or gets wrong (edited by hand).
LOCALIZE_CATALOGUES = sorted((LOCALE_DIR / "wagtail_localize").rglob("*.po"))


def catalogue_id(path):
    return "/".join(path.relative_to(LOCALE_DIR).parts)


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_catalogue_is_complete_and_compiled(code):
    po_path = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    assert len(polib.pofile(str(po_path))) > 50
    check_complete_and_compiled(po_path)


def test_wagtail_localize_catalogues_are_read():
    assert len(LOCALIZE_CATALOGUES) >= 6
    assert LOCALE_DIR / "wagtail_localize" in [Path(path) for path in settings.LOCALE_PATHS]


@pytest.mark.parametrize("po_path", LOCALIZE_CATALOGUES, ids=catalogue_id)
def test_wagtail_localize_catalogue_is_complete_and_compiled(po_path):
    check_complete_and_compiled(po_path)


def check_complete_and_compiled(po_path):
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue if not entry.translated()]
    assert untranslated == []
    assert catalogue.fuzzy_entries() == []
    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    for entry in catalogue:
        if entry.msgid_plural:
            continue
        if entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.parametrize(
    "po_path",
    [LOCALE_DIR / code / "LC_MESSAGES" / "django.po" for code, _name in settings.LANGUAGES]
    + LOCALIZE_CATALOGUES,
    ids=catalogue_id,
)
def test_msgfmt_check_is_clean(po_path):
    """GNU msgfmt's own checks (-c: header, plural forms per nplurals, python-format), which
    Django's compilemessages does not run: a Polish plural with 3 of its 4 forms fails here."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("REQUIRE_GETTEXT") == "1":
            pytest.fail("msgfmt is missing: install Debian's gettext package")
        pytest.skip("msgfmt (gettext) is not installed")
    checked = subprocess.run(
        [msgfmt, "-c", "-o", os.devnull, str(po_path)], capture_output=True, text=True
    )
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr


def test_msgfmt_check_catches_a_missing_plural_form(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (gettext) is not installed")
    header = (LOCALE_DIR / "pl" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    header = header.split("\n\n")[0]
    broken = tmp_path / "django.po"
    broken.write_text(
        header + '\n\nmsgid "%(n)s day"\nmsgid_plural "%(n)s days"\n'
        'msgstr[0] "%(n)s dzień"\nmsgstr[1] "%(n)s dni"\nmsgstr[2] "%(n)s dni"\n',
        encoding="utf-8",
    )
    checked = subprocess.run(
        [msgfmt, "-c", "-o", os.devnull, str(broken)], capture_output=True, text=True
    )
    assert checked.returncode != 0
