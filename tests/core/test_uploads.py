"""Admin uploads accept only images and documents of the allowed types and sizes, checked by
their contents, through the admin's own single and multiple upload views."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!doctype html><html><script>alert(document.cookie)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def png(width=20, height=20):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#004b87").save(buffer, "PNG")
    return buffer.getvalue()


def office(inner):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in inner:
            archive.writestr(zipfile.ZipInfo(name), text)
    return buffer.getvalue()


DOCX = office(
    [
        ("[Content_Types].xml", '<Types><Override PartName="/word/document.xml"/></Types>'),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document/>"),
    ]
)
ODT = office([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")])


def xlsx():
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def translated(message):
    """The message as the admin shows it: in Dutch, the default admin language."""
    with translation.override("nl"):
        return gettext(message)


@pytest.fixture(autouse=True)
def media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("uploader"))
    return client


def add_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def multiple(client, kind, name, content):
    response = client.post(
        f"/admin/{kind}/multiple/add/", {"files[]": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    "name, content",
    [
        ("rules.pdf", PDF),
        ("letter.docx", DOCX),
        ("list.xlsx", xlsx()),
        ("letter.odt", ODT),
        ("notes.txt", "Dzień dobry, здравейте".encode()),
        ("table.csv", b"name;phone\nWIN;14079\n"),
    ],
)
def test_real_documents_are_accepted(editor, name, content):
    response = add_document(editor, name, content)
    assert response.status_code == 302, response.content[:2000]
    assert get_document_model().objects.filter(title=name).exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", HTML),  # a web page wearing a PDF name
        ("letter.docx", xlsx()),  # another office type
        ("letter.docx", PDF),
        ("sheet.xlsx", b"PK\x03\x04 not really a zip"),
        ("notes.txt", HTML),
        ("notes.txt", SVG),
        ("data.csv", b"\x00\x01\x02binary"),
        ("page.html", HTML),
        ("drawing.svg", SVG),
        ("tool.exe", b"MZ\x90\x00"),
    ],
)
def test_documents_whose_contents_do_not_match_are_refused(editor, name, content):
    response = add_document(editor, name, content)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.filter(title=name).exists()


def test_the_multiple_uploader_refuses_them_too(editor):
    answer = multiple(editor, "documents", "report.pdf", HTML)
    assert answer["success"] is False
    # One clear message (in the editor's language), nothing about an empty extension.
    message = translated("The contents of this file do not match its type (.%(extension)s).")
    assert answer["error_message"] == message % {"extension": "pdf"}
    assert multiple(editor, "documents", "rules.pdf", PDF)["success"] is True


@override_settings(DOCUMENT_MAX_UPLOAD_SIZE=1000)
def test_documents_over_the_size_limit_are_refused(editor):
    response = add_document(editor, "big.pdf", PDF + b"0" * 2000)
    errors = response.context["form"].errors["file"]
    assert errors == [
        translated("This file is too big. The maximum is %(size)s.") % {"size": "1000\xa0bytes"}
    ]


def test_images_only_of_allowed_types(editor):
    assert multiple(editor, "images", "logo.png", png())["success"] is True
    for name, content in [
        ("drawing.svg", SVG),
        ("photo.png", HTML),  # not an image at all
        ("animation.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ]:
        answer = multiple(editor, "images", name, content)
        assert answer["success"] is False, name
    assert list(get_image_model().objects.values_list("title", flat=True)) == ["logo.png"]


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100 * 100)
def test_images_with_too_many_pixels_are_refused(editor):
    assert multiple(editor, "images", "huge.png", png(200, 200))["success"] is False


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=500)
def test_images_over_the_size_limit_are_refused(editor):
    assert multiple(editor, "images", "noisy.png", png(300, 300) + b"\0" * 600)["success"] is False


def test_documents_are_served_as_downloads_that_are_not_sniffed(client, editor):
    add_document(editor, "table.csv", b"a;b\n1;2\n")
    document = get_document_model().objects.get(title="table.csv")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response["Content-Security-Policy"]
