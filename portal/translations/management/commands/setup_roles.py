from django.core.management.base import BaseCommand

from portal.translations.roles import setup_roles


class Command(BaseCommand):
    help = "Create or repair the editor groups per language, Moderators and WIN-point staff."

    def handle(self, *args, **options):
        for name in setup_roles():
            self.stdout.write(f"Group ready: {name}")
