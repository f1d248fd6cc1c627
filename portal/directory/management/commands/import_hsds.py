"""`python manage.py import_hsds PATH [--language nl]`: load Open Referral HSDS 3.0 data.

PATH is HSDS JSON (content/directory/services.json, /api/hsds/export.json) or the tabular form
(a folder of CSV files or a .zip, such as /api/hsds/export.zip). Everything is checked first;
on any problem each one is printed with file, row and field, and nothing is written.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from portal.core.languages import language_codes
from portal.core.progress import write_progress
from portal.directory.hsds.importer import import_path
from portal.directory.models import Service


class Command(BaseCommand):
    help = "Import HSDS 3.0 JSON or tabular (CSV folder or .zip) data into the directory."

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .json file, a .zip file or a folder of .csv files.")
        parser.add_argument(
            "--language",
            default="nl",
            choices=language_codes(),
            help="The language of the texts in the plain HSDS fields (default: nl).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Import only into an empty directory (so `make run` never overwrites what "
            "editors changed).",
        )

    def handle(self, *args, path, language, if_empty, **options):
        if not Path(path).exists():
            raise CommandError(f"{path} does not exist.")
        if if_empty and Service.objects.exists():
            self.stdout.write("The directory has services already; nothing was imported.")
            return
        # Messages from the model validators in one language, whatever the machine's locale.
        with translation.override("en"):
            problems, summary = import_path(path, language, progress=self.progress)
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(problems)} problem(s) in {path}; nothing was imported.")
        self.write_summary(summary)

    def progress(self, done, total, label):
        write_progress(self.stdout, done, total, "services")

    def write_summary(self, summary):
        self.stdout.write(f"{'':<16}{'created':>10}{'updated':>10}{'removed':>10}")
        for kind, counts in summary.counts.items():
            numbers = "".join(f"{counts[key]:>10}" for key in ("created", "updated", "removed"))
            self.stdout.write(f"{kind:<16}{numbers}")
