"""Interface strings are translated into all five languages, and the compiled catalogues
(which `make run` uses as they are, without gettext tools) match the .po files."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_catalogue_is_complete_and_compiled(code):
    po_path = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    assert len(catalogue) > 50
    untranslated = [entry.msgid for entry in catalogue if not entry.translated()]
    assert untranslated == []
    assert catalogue.fuzzy_entries() == []
    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    for entry in catalogue:
        if not entry.msgid_plural:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid
