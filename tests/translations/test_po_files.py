"""Translators' PO files: download per language, translate, upload back."""

import io
import uuid
import zipfile

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.translations import status

pytestmark = pytest.mark.django_db
GUIDE = "housing/renting-your-rights"


def outdate(page):
    page.summary += " Een nieuwe zin over huur."
    page.save_revision().publish()


def download(admin_client, code):
    response = admin_client.get(f"/admin/translation-status/{code}/po.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: polib.pofile(archive.read(name).decode()) for name in archive.namelist()}


def upload(admin_client, code, files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, po in files.items():
            archive.writestr(name, str(po))
    response = admin_client.post(
        f"/admin/translation-status/{code}/upload/",
        {"file": SimpleUploadedFile("work.zip", buffer.getvalue())},
    )
    assert response.status_code == 200
    return response.content.decode()


def test_round_trip_brings_the_page_up_to_date(admin_client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    outdate(dutch)
    files = download(admin_client, "pl")
    assert list(files) == [f"{dutch.pk}-{dutch.slug}.pl.po"]
    po = next(iter(files.values()))
    assert po.metadata["Language"] == "pl"
    # The changed piece keeps its previous Polish text, marked fuzzy with the old Dutch.
    changed = [entry for entry in po if "fuzzy" in entry.flags]
    assert len(changed) == 1 and "nieuwe zin" in changed[0].msgid
    assert changed[0].msgstr and "nieuwe zin" not in changed[0].previous_msgid
    assert not [entry for entry in po if not entry.msgstr]
    changed[0].msgstr += " Nowe zdanie o czynszu."
    changed[0].flags.remove("fuzzy")

    html = upload(admin_client, "pl", files)
    assert "✔" in html and "✘" not in html
    cell = status.status_matrix(type(dutch).objects.filter(pk=dutch.pk), ["pl"])[0].cells["pl"]
    assert cell.status == status.UP_TO_DATE
    site_pages[GUIDE]["pl"].refresh_from_db()
    assert site_pages[GUIDE]["pl"].specific.summary.endswith("Nowe zdanie o czynszu.")


def test_wrong_language_and_unknown_page_are_rejected_with_a_message(admin_client, site_pages):
    outdate(site_pages[GUIDE]["nl"])
    polish = download(admin_client, "pl")
    stranger = polib.POFile()
    stranger.metadata = {"X-WagtailLocalize-TranslationID": str(uuid.uuid4()), "Language": "ro"}
    html = upload(admin_client, "ro", {**polish, "stranger.ro.po": stranger})
    assert "Polski" in html  # "This file is for Polski, not for the language you chose."
    assert html.count("✘") == 2
    assert "✔" not in html
    cell = status.status_matrix(languages=["pl"])
    assert any(row.cells["pl"].status != status.UP_TO_DATE for row in cell)


def test_editors_only_get_their_own_languages(client, site_pages):
    from django.contrib.auth.models import Group, User

    editor = User.objects.create_user("pl-editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors: Polski"))
    client.force_login(editor)
    assert client.get("/admin/translation-status/pl/po.zip").status_code == 200
    refused = client.get("/admin/translation-status/ro/po.zip")
    # The Wagtail admin answers "permission denied" with a redirect and a message.
    assert refused.status_code in (302, 403)
    assert refused.get("Content-Type", "").startswith("text/html")
