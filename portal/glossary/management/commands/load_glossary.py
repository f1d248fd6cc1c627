"""Load the starting glossary (content/glossary/terms.yaml); see portal/glossary/loading.py."""

from django.core.management.base import BaseCommand, CommandError

from ...loading import DEFAULT_FILE, GlossaryFileError, dutch_pages, read_terms, write_terms


class Command(BaseCommand):
    help = "Load glossary terms from a YAML file; existing terms are kept unless --force."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE))
        parser.add_argument(
            "--force", action="store_true", help="Overwrite terms that exist already."
        )

    def handle(self, *args, path, force, **options):
        try:
            checked = read_terms(path, dutch_pages())
        except GlossaryFileError as error:
            raise CommandError(str(error)) from None
        created, updated = write_terms(checked, force=force)
        self.stdout.write(self.style.SUCCESS(f"{created} glossary terms added, {updated} updated"))
