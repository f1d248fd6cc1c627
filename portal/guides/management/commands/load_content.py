"""`python manage.py load_content`: import the starting content from `content/`.

Dutch files create the source pages; the other languages become wagtail-localize translations of
them. A second run changes nothing; pages that editors changed in the CMS are left alone unless
--force is given. --check validates every file and writes nothing.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from portal.core.languages import language_codes
from portal.core.progress import write_progress
from portal.facts.loader import known_keys, load_facts, read_facts_file
from portal.guides.contentfiles.discovery import read_specs
from portal.guides.contentfiles.importer import ContentImporter

OUTCOMES = [
    ("created", "created"),
    ("update", "updated"),
    ("unchanged", "unchanged"),
    ("kept", "kept (changed in CMS)"),
]


class Command(BaseCommand):
    help = "Import the starting content (Markdown files in content/) into the page trees."

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            default=str(Path(settings.BASE_DIR) / "content"),
            help="The content folder (default: content/ in the project).",
        )
        parser.add_argument(
            "--check", action="store_true", help="Validate all files; write nothing."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also overwrite pages that editors changed in the CMS.",
        )

    def handle(self, *args, path, check, force, **options):
        if "wagtailcore_page" not in connection.introspection.table_names():
            raise CommandError(
                "The database has no tables yet: run `python manage.py migrate` first."
            )
        specs, errors = read_specs(path)
        facts, fact_errors = read_facts_file(Path(path) / "facts.yaml")
        errors += fact_errors
        importer = ContentImporter(
            specs, force=force, progress=self.progress, fact_keys=known_keys(facts)
        )
        errors += importer.validate()
        if errors:
            for error in sorted(errors, key=lambda e: (str(e.path), e.line)):
                location = f"{error.path}:{error.line}" if error.line else f"{error.path}"
                self.stderr.write(f"{location}: {error.message}")
            raise CommandError(
                f"{len(errors)} problem(s) in the content files; nothing was imported."
            )
        pages = len(specs)
        if check:
            self.stdout.write(
                self.style.SUCCESS(
                    f"All {pages} pages in {len(language_codes())} languages are valid."
                )
            )
            return
        with transaction.atomic():
            fact_counts = load_facts(facts, update=force)
            summary = importer.run()
        self.stdout.write(
            "facts: {created} created, {updated} updated, {kept} kept".format(**fact_counts)
        )
        self.write_summary(summary)

    def progress(self, done, total, label):
        write_progress(self.stdout, done, total, label)

    def write_summary(self, summary):
        header = f"{'language':<10}" + "".join(f"{title:>24}" for _key, title in OUTCOMES)
        self.stdout.write(header)
        for code in language_codes():
            counts = summary.counts.get(code, {})
            row = f"{code:<10}" + "".join(f"{counts.get(key, 0):>24}" for key, _t in OUTCOMES)
            self.stdout.write(row)
