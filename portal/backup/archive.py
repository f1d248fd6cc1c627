"""One-file backups of the whole site: every row editors and readers made (pages with all their
translations and revisions, wagtail-localize's data, the directory, users, groups and their
permissions, redirects, search terms, statistics, ...) plus the media files (images, documents).

The archive is a .tar.gz holding
    manifest.json   format, when, schema (applied migrations), rows per model, SHA-256 of every file
    data.json       Django's JSON serialisation of every row (what loaddata reads)
    media/...       MEDIA_ROOT as it was

Left out, because migrate or the site makes them again: content types and permissions (rows
refer to them by natural key, so ids need not match), sessions (everyone logs in again),
editing sessions, and Wagtail's admin search index (rebuilt after a restore).

A restore checks the whole archive before it writes anything, then replaces the database
content in one transaction; media files are put in place only when the data loaded. Checked
first: the manifest comes first and is well-formed, every entry is listed in it, its size fits
(no decompression bombs: see MAX_UNPACK_RATIO, checked while streaming) and its checksum
matches, data.json parses (nesting too deep is a clear error) with exactly the manifest's row
counts, and it holds a site (a language, a root page and a Site).
"""

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "win-portaal-backup"
VERSION = 1
DATA = "data.json"
MANIFEST = "manifest.json"
MEDIA = "media"
MADE_BY_MIGRATE = {"contenttypes.ContentType", "auth.Permission"}
NOT_BACKED_UP = MADE_BY_MIGRATE | {
    "sessions.Session",
    "wagtailadmin.EditingSession",
    "wagtailsearch.IndexEntry",
    "wagtailsearch.SQLiteFTSIndexEntry",
}


class ArchiveError(Exception):
    """The archive cannot be restored; nothing was written."""


def backed_up_models():
    """Every model with its own table, except those in NOT_BACKED_UP (as dumpdata sees them)."""
    return [
        model
        for model in apps.get_models()
        if model._meta.can_migrate(connection) and model._meta.label not in NOT_BACKED_UP
    ]


def applied_migrations():
    recorder = MigrationRecorder(connection)
    return sorted([app, name] for app, name in recorder.applied_migrations())


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_files():
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def write_backup(target):
    """Write the archive to `target` (a path); returns its manifest."""
    target = Path(target)
    if target.is_symlink():
        raise ArchiveError(f"{target} is a link; give the path of a plain file")
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / DATA
        # One transaction, so the rows are one consistent picture of the site (PostgreSQL
        # needs REPEATABLE READ for that; SQLite's transaction holds the database meanwhile).
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            rows = dump(data)
            migrations = applied_migrations()
        root = Path(settings.MEDIA_ROOT)
        media = {str(PurePosixPath(path.relative_to(root))): path for path in media_files()}
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.vendor,
            "migrations": migrations,
            "rows": rows,
            "files": {DATA: sha256(data)}
            | {f"{MEDIA}/{name}": sha256(path) for name, path in media.items()},
        }
        # Readable by its owner only (it holds password hashes), and under its real name only
        # once complete. The temporary file gets a new, unguessable name (mkstemp: O_EXCL and
        # O_NOFOLLOW), so nothing planted in the folder - a link named like it - is written
        # through.
        descriptor, partial = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
        )
        partial = Path(partial)
        try:
            with (
                os.fdopen(descriptor, "wb") as stream,
                tarfile.open(fileobj=stream, mode="w:gz") as tar,
            ):
                add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                tar.add(data, arcname=DATA)
                for name, path in media.items():
                    tar.add(path, arcname=f"{MEDIA}/{name}")
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
    return manifest


class Serializer(JSONSerializer):
    """Django's JSON, with content types and permissions named by natural key (their ids
    differ between databases) and every other reference by id (ids are kept). Wagtail's log
    entries may name deleted pages, so a natural key lookup for them would fail."""

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in (ContentType, Permission)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = field.remote_field.model in (ContentType, Permission)
        super().handle_m2m_field(obj, field)


def dump(path):
    """Write every backed-up row to `path`; returns {model label: rows}."""
    rows = {}

    def every_row():
        for model in backed_up_models():
            rows[model._meta.label] = 0
            for row in model._base_manager.order_by("pk").iterator(chunk_size=500):
                rows[model._meta.label] += 1
                yield row

    with open(path, "w", encoding="utf-8") as stream:
        Serializer().serialize(every_row(), stream=stream)
    return rows


def add_bytes(tar, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(content))


# A backup of real content shrinks to a third or a tenth in the archive (JSON and revisions
# compress well, images and PDFs hardly). An archive that would unpack to more than this many
# times its own size is a decompression bomb, refused before it fills the disk.
MAX_UNPACK_RATIO = 100
# ... except that a very small archive may still unpack to this much.
MIN_UNPACK_BYTES = 16 << 20
MAX_MANIFEST_BYTES = 10 << 20
# Disk space to leave free while unpacking, for the database and everything else.
KEEP_FREE_BYTES = 256 << 20
# What a site cannot be without: a restore without them would leave no working site.
SITE_MODELS = {
    "wagtailcore.Locale": "a language (locale)",
    "wagtailcore.Site": "a Site",
}


def parse_json(content, name):
    try:
        return json.loads(content)
    except RecursionError as error:
        raise ArchiveError(f"{name} is nested too deeply to be a backup") from error
    except ValueError as error:
        raise ArchiveError(f"{name} is not valid JSON ({error})") from error


def read_manifest(content):
    manifest = parse_json(content, MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError("this is not a WIN-portaal backup")
    if manifest.get("version") != VERSION:
        raise ArchiveError(f"unknown backup version {manifest.get('version')!r}")
    files, rows = manifest.get("files"), manifest.get("rows")
    if not isinstance(files, dict) or not all(
        isinstance(name, str) and isinstance(digest, str) for name, digest in files.items()
    ):
        raise ArchiveError(f"the archive's {MANIFEST} lists no files")
    if not isinstance(rows, dict) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in rows.values()
    ):
        raise ArchiveError(f"the archive's {MANIFEST} has no valid row counts")
    migrations = manifest.get("migrations", [])
    if not isinstance(migrations, list) or not all(
        isinstance(m, list) and len(m) == 2 and all(isinstance(x, str) for x in m)
        for m in migrations
    ):
        raise ArchiveError(f"the archive's {MANIFEST} has no valid list of migrations")
    return manifest


def copy_member(stream, destination):
    """Write one archive entry to `destination`; returns its SHA-256."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(destination, "xb") as out:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def unpack(source, folder):
    """Unpack and check the archive in `folder`; returns its manifest or raises ArchiveError.

    Read as a stream, one entry at a time: the manifest must come first, and every entry's size
    (from its header, before its content) is checked against what the archive and the disk can
    hold before it is written, so a small archive cannot unpack to gigabytes first."""
    folder = Path(folder)
    budget = max(os.path.getsize(source) * MAX_UNPACK_RATIO, MIN_UNPACK_BYTES)
    manifest = None
    unpacked = 0
    seen = set()
    try:
        with tarfile.open(source, "r|gz") as tar:
            for member in tar:
                path = PurePosixPath(member.name)
                if not member.isfile() or path.is_absolute() or ".." in path.parts:
                    raise ArchiveError(f"unexpected entry in the archive: {member.name}")
                if manifest is None:
                    if member.name != MANIFEST or member.size > MAX_MANIFEST_BYTES:
                        raise ArchiveError(f"the archive does not start with its {MANIFEST}")
                    manifest = read_manifest(tar.extractfile(member).read())
                    continue
                if member.name not in manifest["files"] or member.name in seen:
                    raise ArchiveError(f"{member.name} is not listed in its manifest")
                unpacked += member.size
                if unpacked > budget:
                    raise ArchiveError(
                        f"the archive would unpack to more than {budget // 1_000_000} MB, over "
                        f"{MAX_UNPACK_RATIO} times its own size; a real backup does not shrink "
                        "like that"
                    )
                if unpacked > shutil.disk_usage(folder).free - KEEP_FREE_BYTES:
                    raise ArchiveError(
                        f"not enough free disk space to unpack it in {folder.parent} "
                        f"(it needs at least {unpacked // 1_000_000} MB)"
                    )
                digest = copy_member(tar.extractfile(member), folder / member.name)
                if digest != manifest["files"][member.name]:
                    raise ArchiveError(f"{member.name} is damaged (its checksum does not match)")
                seen.add(member.name)
    except (OSError, tarfile.TarError, EOFError, zlib.error) as error:
        raise ArchiveError(f"not a readable backup archive ({error})") from error
    if manifest is None:
        raise ArchiveError(f"the archive has no readable {MANIFEST}")
    if DATA not in manifest["files"] or seen != set(manifest["files"]):
        raise ArchiveError("the archive's files do not match its manifest")
    check_data(folder / DATA, manifest)
    return manifest


def check_data(path, manifest):
    rows = parse_json(path.read_bytes(), DATA)
    if not isinstance(rows, list):
        raise ArchiveError(f"{DATA} is not a list of rows")
    counted = {}
    root_pages = 0
    for row in rows:
        try:
            label = apps.get_model(row["model"])._meta.label
        except (LookupError, KeyError, TypeError, ValueError) as error:
            raise ArchiveError(f"{DATA} holds a row of an unknown model: {row!r:.100}") from error
        counted[label] = counted.get(label, 0) + 1
        if label == "wagtailcore.Page" and (row.get("fields") or {}).get("depth") == 1:
            root_pages += 1
    expected = {label: n for label, n in manifest["rows"].items() if n}
    if counted != expected:
        raise ArchiveError(f"{DATA} does not hold the row counts its manifest lists")
    lacking = [what for label, what in SITE_MODELS.items() if not counted.get(label)]
    if root_pages != 1:
        lacking.append("one root page")
    if lacking:
        raise ArchiveError(f"the archive holds no site (it has no {', no '.join(lacking)})")
    missing = {tuple(m) for m in manifest["migrations"]} - {tuple(m) for m in applied_migrations()}
    if missing:
        names = ", ".join(f"{app}.{name}" for app, name in sorted(missing)[:5])
        raise ArchiveError(
            f"the archive comes from a newer version of the site; this database lacks the "
            f"migrations {names}{' …' if len(missing) > 5 else ''}: update the code and run "
            "`python manage.py migrate` first"
        )


def site_content():
    """What the database already holds beyond what `migrate` creates: {what: count}."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from ..directory.models import Service

    found = {
        "pages": Page.objects.filter(depth__gt=2).count(),  # migrate makes the root and one page
        "users": get_user_model().objects.count(),
        "services": Service.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
    }
    return {what: number for what, number in found.items() if number}


def restore(source):
    """Replace the database content and media with the archive's. Checks everything first."""
    with tempfile.TemporaryDirectory() as scratch:
        manifest = unpack(source, scratch)
        with transaction.atomic():
            empty_tables()
            call_command("loaddata", str(Path(scratch) / DATA), verbosity=0)
            # Files last, inside the transaction: if they cannot be written, no row is kept.
            put_media(Path(scratch) / MEDIA)
        call_command("update_index", verbosity=0)
    # Cached pages and fragments belong to the database that was there before, and the content
    # version may have gone back to a number they were stored under.
    for alias in settings.CACHES:
        caches[alias].clear()
    return manifest


def empty_tables():
    """Delete every row but content types and permissions: also those migrate makes (Wagtail's
    welcome page, default site and groups, our locales), so the archive's rows keep their ids,
    and the search index and sessions, which would point at rows that are gone."""
    tables = set()
    for model in apps.get_models():
        if not model._meta.can_migrate(connection) or model._meta.label in MADE_BY_MIGRATE:
            continue
        tables.add(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            tables.add(field.remote_field.through._meta.db_table)
    tables &= set(connection.introspection.table_names())
    statements = connection.ops.sql_flush(no_style(), sorted(tables), allow_cascade=False)
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to TRUNCATE a table with foreign key checks still pending from
        # earlier writes in this transaction: run those checks now, and defer them again for
        # the rows to come (they refer to each other in any order).
        statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(statements)


def put_media(folder):
    if not folder.is_dir():
        return
    root = Path(settings.MEDIA_ROOT)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            destination = root / path.relative_to(folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
