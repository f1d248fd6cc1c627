"""`manage.py backup` and `restore`: a backup of the whole starting site plus uploaded media,
restored into a freshly migrated database (a new SQLite file, or a new PostgreSQL database when
the suite runs on PostgreSQL), has every page, translation, revision, service and file."""

import contextlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from portal.backup import archive

from .summary import site_summary

ROOT = Path(settings.BASE_DIR)
pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        Image.objects.create(title="Kaart WIN-punt", file=get_test_image_file("kaart.png"))
        Document.objects.create(
            title="Folder", file=ContentFile(b"%PDF-1.4\n% folder\n", name="folder.pdf")
        )
        yield tmp_path / "media"


@contextlib.contextmanager
def fresh_database(tmp_path):
    """The DATABASE_URL of a new, empty database of the kind the suite runs on."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    import psycopg

    params = connection.settings_dict
    name = f"restore_{uuid.uuid4().hex[:12]}"
    server = {"host": params["HOST"], "port": params["PORT"] or 5432, "user": params["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{server['user']}@{server['host']}:{server['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_restored_site_has_everything(media, tmp_path):
    backup_file = tmp_path / "site.tar.gz"
    with override_settings(MEDIA_ROOT=media):
        out = io.StringIO()
        call_command("backup", str(backup_file), stdout=out)
        assert "2 media files" in out.getvalue()
        expected = site_summary()
    assert len(expected["pages"]) == 5 and expected["translations"]
    assert len(expected["images"]) == 1 and len(expected["documents"]) == 1
    assert (backup_file.stat().st_mode & 0o777) == 0o600

    with fresh_database(tmp_path) as database_url:
        env = {**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(tmp_path / "new")}
        env.pop("REDIS_URL", None)
        manage(env, "migrate", "--noinput")
        assert "Restored" in manage(env, "restore", str(backup_file))
        restored = json.loads(
            manage(
                env,
                "shell",
                "-c",
                "import json; from tests.backup.summary import site_summary; "
                "print(json.dumps(site_summary()))",
            )
            .strip()
            .splitlines()[-1]
        )
        # A second restore into the now full database is refused.
        refused = subprocess.run(
            [sys.executable, "manage.py", "restore", str(backup_file)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
    assert restored == json.loads(json.dumps(expected))
    assert refused.returncode != 0 and "This database is not empty" in refused.stderr


def corrupt_truncated(path):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def corrupt_data(path):
    """A well-formed archive whose data.json was changed after the backup."""
    with tarfile.open(path) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    rows = json.loads(members["data.json"])
    rows[0]["fields"]["title"] = "changed"
    members["data.json"] = json.dumps(rows).encode()
    with tarfile.open(path, "w:gz") as tar:
        for name, content in members.items():
            archive.add_bytes(tar, name, content)


def corrupt_not_an_archive(path):
    path.write_text("hello")


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (corrupt_truncated, "not a readable backup archive"),
        (corrupt_data, "data.json is damaged"),
        (corrupt_not_an_archive, "not a readable backup archive"),
    ],
)
def test_a_corrupt_archive_is_refused_and_nothing_changes(media, tmp_path, corrupt, message):
    backup_file = tmp_path / "site.tar.gz"
    with override_settings(MEDIA_ROOT=media):
        call_command("backup", str(backup_file), stdout=io.StringIO())
        before = site_summary()
        corrupt(backup_file)
        with pytest.raises(CommandError, match=message):
            call_command("restore", str(backup_file), "--force", stdout=io.StringIO())
        assert site_summary() == before


def test_a_non_empty_database_is_refused_without_force(tmp_path):
    backup_file = tmp_path / "site.tar.gz"
    call_command("backup", str(backup_file), stdout=io.StringIO())
    with pytest.raises(CommandError, match=r"not empty \(\d+ pages, \d+ services"):
        call_command("restore", str(backup_file), stdout=io.StringIO())


def test_a_failure_while_loading_rolls_everything_back(media, tmp_path, monkeypatch):
    backup_file = tmp_path / "site.tar.gz"
    with override_settings(MEDIA_ROOT=media):
        call_command("backup", str(backup_file), stdout=io.StringIO())
        before = site_summary()

        def fail(*args, **kwargs):
            raise OSError("disk full")

        # The tables are emptied, the rows loaded, then the media files cannot be written.
        monkeypatch.setattr(archive, "put_media", fail)
        with pytest.raises(OSError, match="disk full"):
            call_command("restore", str(backup_file), "--force", stdout=io.StringIO())
        assert site_summary() == before
        assert Page.objects.filter(depth__gt=2).count() > 100
