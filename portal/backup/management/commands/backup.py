"""`python manage.py backup <archive.tar.gz>`: the whole site (database content and media) in
one file. See portal/backup/archive.py for what is in it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup.archive import write_backup


class Command(BaseCommand):
    help = "Write the database content and media files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Where to write the archive, e.g. site.tar.gz")

    def handle(self, *args, archive, **options):
        target = Path(archive)
        if target.is_dir():
            raise CommandError(f"{target} is a folder; give a file name such as site.tar.gz")
        if target.is_symlink():
            raise CommandError(f"{target} is a link; give the path of a plain file.")
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        manifest = write_backup(target)
        rows = sum(manifest["rows"].values())
        files = len(manifest["files"]) - 1
        size = target.stat().st_size / 1e6
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {target}: {rows} rows of {len(manifest['rows'])} models, "
                f"{files} media files, {size:.1f} MB."
            )
        )
