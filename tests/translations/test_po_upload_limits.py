"""A PO upload cannot exhaust a worker (issue 16, item 9): a zip with too many files, one huge
file or too much in total is refused with a clear message, read as a stream and never unpacked
into memory."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.translations import po_files

pytestmark = pytest.mark.django_db


def post(admin_client, files, name="work.zip"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, content in files.items():
            archive.writestr(member, content)
    return admin_client.post(
        "/admin/translation-status/pl/upload/",
        {"file": SimpleUploadedFile(name, buffer.getvalue())},
    )


def test_a_zip_bomb_is_refused_without_unpacking_it(admin_client):
    bomb = b'msgid ""\nmsgstr ""\n' + b"#" * (64 << 20)
    tracemalloc.start()
    try:
        response = post(admin_client, {"bomb.pl.po": bomb})
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert "te groot" in response.content.decode()  # the admin speaks Dutch here
    # The 64 MB file was never read into memory (the zip itself is 64 KB).
    assert peak < 16 << 20


def test_too_many_files_are_refused(admin_client):
    files = {f"{n}.pl.po": b'msgid ""\nmsgstr ""\n' for n in range(po_files.MAX_FILES + 1)}
    response = post(admin_client, files)
    assert "te veel bestanden" in response.content.decode()


def test_too_much_in_total_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(po_files, "MAX_TOTAL_BYTES", 1000)
    files = {f"{n}.pl.po": b'msgid ""\nmsgstr ""\n' + b"#" * 400 for n in range(3)}
    response = post(admin_client, files)
    assert "te groot" in response.content.decode()


def test_one_huge_po_file_is_refused(admin_client):
    huge = b'msgid ""\nmsgstr ""\n' + b"#" * (po_files.MAX_FILE_BYTES + 1)
    response = admin_client.post(
        "/admin/translation-status/pl/upload/",
        {"file": SimpleUploadedFile("huge.pl.po", huge)},
    )
    assert "te groot" in response.content.decode()
