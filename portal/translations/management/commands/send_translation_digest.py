from django.core.management.base import BaseCommand, CommandError

from portal.translations.digest import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each language editor the pages that became outdated in their languages since "
        "their last e-mail; at most one e-mail per editor a day. Run it daily (cron or a "
        "systemd timer); running it again the same day sends nothing new."
    )

    def handle(self, *args, **options):
        sent, failed = send_digests()
        for record in sent:
            self.stdout.write(f"Sent to user {record.user_id}: {len(record.items)} page(s)")
        self.stdout.write(f"{len(sent)} e-mail(s) sent.")
        if failed:
            for user, error in failed:
                self.stderr.write(f"Not sent to user {user.pk}: {error}")
            # A failing run shows in the timer's status; the next run tries these again.
            raise CommandError(f"{len(failed)} e-mail(s) could not be sent.")
