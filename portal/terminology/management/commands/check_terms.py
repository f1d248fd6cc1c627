"""Report every "not to use" variant of the glossary in page texts, directory texts, interface
strings and search terms; exit with status 1 when there is one."""

from django.core.management.base import BaseCommand, CommandError

from ...checks import all_findings


class Command(BaseCommand):
    help = (
        "Report uses of the glossary's 'variants not to use' in content files, .po files, "
        "search terms and the database (pages, directory, synonyms)."
    )

    def add_arguments(self, parser):
        only = parser.add_mutually_exclusive_group()
        only.add_argument("--files-only", action="store_true", help="Check the files only.")
        only.add_argument("--database-only", action="store_true", help="Check the database only.")
        parser.add_argument(
            "--base-dir", help="Project folder holding content/ and locale/ (default: this one)."
        )

    def handle(self, *args, files_only, database_only, base_dir, **options):
        findings = all_findings(files=not database_only, database=not files_only, base_dir=base_dir)
        for finding in findings:
            self.stdout.write(str(finding))
        if findings:
            raise CommandError(f"{len(findings)} uses of terms not to use (see above)")
        self.stdout.write(self.style.SUCCESS("No terms not to use found."))
