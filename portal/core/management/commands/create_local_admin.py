"""Create a first admin account for a local installation, with a generated password.

Used by `make run`. It does nothing when any superuser exists, so the password is shown once.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local 'admin' superuser with a generated password, if there is no superuser."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("An admin account exists already; no new one was made.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "Created the admin account for http://127.0.0.1:8000/admin/\n"
                f"  user:     {username}\n"
                f"  password: {password}\n"
                "This password is shown only now: write it down."
            )
        )
