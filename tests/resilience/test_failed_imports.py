"""An import that fails halfway (the disk fills, the database goes away) leaves everything as
it was: pages, translations, revisions, the directory, search entries and the content version
(so the page cache keeps serving the pages it has)."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from portal.core import freshness
from portal.directory.hsds import importer as hsds_importer
from portal.guides.contentfiles import importer as content_importer
from portal.guides.models import LoadedContent
from portal.search.models import SearchEntry
from tests.directory.test_hsds_import import STARTING_DATA, snapshot

CONTENT = Path(settings.BASE_DIR) / "content"
pytestmark = pytest.mark.django_db


def site_state():
    return {
        "pages": sorted(
            Page.objects.values_list("id", "title", "live", "latest_revision_id", "url_path")
        ),
        "revisions": Revision.objects.count(),
        "loaded": sorted(LoadedContent.objects.values_list("key", "locale_id", "revision_id")),
        "translations": Translation.objects.count(),
        "strings": sorted(StringTranslation.objects.values_list("id", "data")),
        "search": sorted(SearchEntry.objects.values_list("language", "url", "title")),
        "directory": snapshot(),
        "version": freshness.from_database(),
    }


def fail_after(count, error):
    """A stand-in that lets `count` calls of `original` through, then raises `error`."""
    calls = {"n": 0}

    def wrap(original):
        def replacement(*args, **kwargs):
            calls["n"] += 1
            if calls["n"] > count:
                raise error
            return original(*args, **kwargs)

        return replacement

    return wrap, calls


def changed_content(tmp_path):
    """Home, the healthcare topic and one guide, every language's title changed."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "home", root / "home")
    (root / "healthcare").mkdir()
    for path in (CONTENT / "healthcare").glob("*.md"):
        shutil.copy(path, root / "healthcare" / path.name)
    shutil.copytree(
        CONTENT / "healthcare" / "health-insurance", root / "healthcare" / "health-insurance"
    )
    for path in root.rglob("*.md"):
        lines = path.read_text(encoding="utf-8").split("\n")
        index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        lines[index] = lines[index].replace("title: ", "title: Nieuw ", 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    return root


def test_a_content_import_failing_after_some_pages_changes_nothing(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    content = changed_content(tmp_path)
    before = site_state()
    wrap, calls = fail_after(7, OperationalError("server closed the connection unexpectedly"))
    monkeypatch.setattr(
        content_importer.ContentImporter,
        "save_record",
        wrap(content_importer.ContentImporter.save_record),
    )
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(OperationalError):
        call_command("load_content", "--path", str(content), "--force", stdout=io.StringIO())
    assert calls["n"] == 8  # seven pages were written before the failure
    assert site_state() == before
    assert not Page.objects.filter(title__startswith="Nieuw ").exists()


def test_a_directory_import_failing_midway_changes_nothing(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    services = json.loads(STARTING_DATA.read_text(encoding="utf-8"))
    for service in services:
        service["name"] = f"Nieuw {service['name']}"
    changed = tmp_path / "services.json"
    changed.write_text(json.dumps(services), encoding="utf-8")
    before = site_state()
    wrap, calls = fail_after(40, OSError("disk full"))
    monkeypatch.setattr(hsds_importer, "save", wrap(hsds_importer.save))
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(OSError):
        call_command("import_hsds", str(changed), stdout=io.StringIO())
    assert calls["n"] == 41
    assert site_state() == before
