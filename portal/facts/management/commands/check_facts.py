"""`python manage.py check_facts`: the "Figures to check" report as text, for cron.

Exit status 1 when a figure has expired or has no value (readers see a notice), else 0.
"""

from django.core.management.base import BaseCommand, CommandError, no_translations

from portal.core import clock
from portal.facts.checks import REASONS, figures_to_check, translations_with_other_facts


class Command(BaseCommand):
    help = "List figures that expired, expire soon, or whose source was not checked recently."

    @no_translations
    def handle(self, *args, **options):
        day = clock.today()
        rows = figures_to_check(day)
        for mismatch in translations_with_other_facts():
            self.stdout.write(
                f"translation {mismatch.page.url_path} [{mismatch.page.locale.language_code}] "
                f"uses other facts than the Dutch page: missing {mismatch.missing or '-'}, "
                f"extra {mismatch.extra or '-'}"
            )
        if not rows:
            self.stdout.write(f"{day}: nothing to check.")
            return
        self.stdout.write(f"{day}: {len(rows)} figure(s) to check")
        for row in rows:
            reasons = ", ".join(str(REASONS[reason]) for reason in row.reasons)
            value = row.value
            shown = (
                f"{value.value} ({value.valid_from} – {value.valid_until or ''})" if value else "-"
            )
            self.stdout.write(f"- {row.fact.key}: {reasons}; value {shown}")
            if value:
                checked = (
                    f"checked {value.checked_on} by {value.checked_by}"
                    if value.checked_on
                    else "never checked"
                )
                self.stdout.write(f"    source: {value.source_url} ({checked})")
            for page in row.pages:
                self.stdout.write(f"    used on: {page.url_path} [{page.locale.language_code}]")
        if any(row.urgent for row in rows):
            raise CommandError("Some figures have expired or have no value.", returncode=1)
