"""`python manage.py restore <archive.tar.gz>`: bring a backup into a freshly migrated database.

Everything in the archive is checked before anything is written; the database content is then
replaced in one transaction. A database that already holds a site is refused unless --force.
"""

from django.core.management.base import BaseCommand, CommandError

from portal.backup.archive import ArchiveError, restore, site_content


class Command(BaseCommand):
    help = "Restore a backup archive (made by `manage.py backup`) into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive made by `manage.py backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace everything in a database that already holds content.",
        )

    def handle(self, *args, archive, force, **options):
        existing = site_content()
        if existing and not force:
            found = ", ".join(f"{number} {what}" for what, number in existing.items())
            raise CommandError(
                f"This database is not empty ({found}). Restore into a freshly migrated "
                "database, or pass --force to replace everything in it. Nothing was changed."
            )
        try:
            manifest = restore(archive)
        except ArchiveError as error:
            raise CommandError(
                f"Cannot restore {archive}: {error}. Nothing was changed."
            ) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows and {len(manifest['files']) - 1} media files from the "
                f"backup of {manifest['created']}."
            )
        )
