"""Machine translation: off by default, DeepL by environment variable, a fake one in tests."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
FAKE = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def translator_setting(env):
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_off_by_default_and_deepl_with_a_key():
    assert translator_setting({"DEEPL_API_KEY": ""}) == "null"
    assert "DeepLTranslator" in translator_setting({"DEEPL_API_KEY": "test-key"})


def test_without_a_translator_the_machine_action_does_not_exist(admin_client, site_pages):
    translation = Translation.objects.filter(target_locale__language_code="pl").first()
    url = f"/admin/localize/translate/{translation.pk}/machine_translate/"
    assert admin_client.post(url).status_code == 404


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=FAKE)
def test_fake_translator_fills_new_strings_marked_as_machine(admin_client, site_pages):
    dutch = site_pages["housing/renting-your-rights"]["nl"]
    dutch.summary += " Een heel nieuwe zin."
    dutch.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(dutch)
    translation = Translation.objects.get(source=source, target_locale__language_code="ro")
    response = admin_client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/?next=/admin/"
    )
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale__language_code="ro", translation_type="machine"
    )
    assert machine.filter(data__contains="zin").exists()
    assert translation.get_progress()[0] == translation.get_progress()[1]
