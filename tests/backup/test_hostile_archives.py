"""Backups and restores under attack (issue 16, items 10 and 11): a backup never writes through
a planted file, and restore refuses an archive without a site, a decompression bomb and deeply
nested JSON with a clear message, before anything is emptied."""

import hashlib
import io
import json
import os
import tarfile

import pytest
from django.core.management import CommandError, call_command

from portal.backup import archive

from .summary import site_summary

pytestmark = pytest.mark.django_db


def build(path, files, manifest_changes=None, order=None):
    """A hand-made archive: `files` {name: bytes} with a manifest that matches them."""
    manifest = {
        "format": archive.FORMAT,
        "version": archive.VERSION,
        "created": "2026-12-05T08:00:00+00:00",
        "database": "sqlite",
        "migrations": [],
        "rows": {},
        "files": {name: hashlib.sha256(content).hexdigest() for name, content in files.items()},
    }
    manifest.update(manifest_changes or {})
    members = {archive.MANIFEST: json.dumps(manifest).encode(), **files}
    with tarfile.open(path, "w:gz") as tar:
        for name in order or members:
            archive.add_bytes(tar, name, members[name])
    return path


def refused(path, message):
    before = site_summary()
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--force", stdout=io.StringIO())
    assert site_summary() == before


def test_an_archive_without_a_site_is_refused(tmp_path):
    refused(build(tmp_path / "empty.tar.gz", {"data.json": b"[]"}), "holds no site")


def test_an_archive_with_rows_but_no_site_is_refused(tmp_path):
    rows = [{"model": "portal_search.synonymgroup", "pk": 1, "fields": {"terms": "a\nb"}}]
    path = build(
        tmp_path / "synonyms.tar.gz",
        {"data.json": json.dumps(rows).encode()},
        {"rows": {"portal_search.SynonymGroup": 1}},
    )
    refused(path, "holds no site")


def test_row_counts_must_be_numbers_that_match(tmp_path):
    backup_file = tmp_path / "site.tar.gz"
    call_command("backup", str(backup_file), stdout=io.StringIO())
    with tarfile.open(backup_file) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    manifest = json.loads(members.pop(archive.MANIFEST))
    manifest["rows"]["wagtailcore.Page"] = "many"
    path = build(tmp_path / "odd.tar.gz", members, manifest)
    refused(path, "row counts")


def test_a_decompression_bomb_is_refused_before_it_is_unpacked(tmp_path):
    # 64 MB of spaces are 64 KB in the archive; a real backup never shrinks like that.
    bomb = b" " * (64 << 20)
    path = build(tmp_path / "bomb.tar.gz", {"data.json": b"[]", "media/bomb.txt": bomb})
    assert path.stat().st_size < 1 << 20
    refused(path, "would unpack")


def test_an_entry_the_manifest_does_not_list_is_refused(tmp_path):
    path = build(tmp_path / "extra.tar.gz", {"data.json": b"[]"})
    with tarfile.open(path) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    members["media/extra.txt"] = b"not in the manifest"
    with tarfile.open(path, "w:gz") as tar:
        for name, content in members.items():
            archive.add_bytes(tar, name, content)
    refused(path, "not listed in its manifest")


@pytest.mark.parametrize("name", ["data.json", "manifest.json"])
def test_deeply_nested_json_is_a_clear_error(tmp_path, name):
    deep = b"[" * 200_000 + b"]" * 200_000
    if name == "data.json":
        path = build(tmp_path / "deep.tar.gz", {"data.json": deep})
    else:
        path = tmp_path / "deep.tar.gz"
        with tarfile.open(path, "w:gz") as tar:
            archive.add_bytes(tar, archive.MANIFEST, deep)
    refused(path, "nested too deeply")


def test_a_backup_never_writes_through_a_planted_file(tmp_path):
    planted = tmp_path / "world-readable.txt"
    planted.write_text("")
    planted.chmod(0o644)
    target = tmp_path / "site.tar.gz"
    (tmp_path / "site.tar.gz.partial").symlink_to(planted)
    call_command("backup", str(target), stdout=io.StringIO())
    assert planted.read_text() == ""
    assert target.is_file() and not target.is_symlink()
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    with tarfile.open(target) as tar:
        assert tar.getnames()[0] == archive.MANIFEST


def test_a_backup_refuses_a_target_that_is_a_link(tmp_path):
    planted = tmp_path / "elsewhere.tar.gz"
    planted.write_text("")
    target = tmp_path / "site.tar.gz"
    target.symlink_to(planted)
    with pytest.raises(CommandError, match="is a link"):
        call_command("backup", str(target), stdout=io.StringIO())
    assert planted.read_text() == "" and os.path.islink(target)
