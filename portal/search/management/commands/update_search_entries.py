from django.core.management.base import BaseCommand

from ... import entries


class Command(BaseCommand):
    help = "Rebuild the search entries of every page and service in every language."

    def handle(self, *args, **options):
        count = entries.rebuild()
        self.stdout.write(self.style.SUCCESS(f"{count} search entries"))
