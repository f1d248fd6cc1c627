"""Give readers fresh pages after a deploy.

Cached pages and page pieces (the page cache and the fragment cache, kept in Redis across
deploys) are keyed by the content version alone. New code or templates change what a page looks
like, and the shape of what is cached, without changing the content; so the release step runs
this once, after `migrate`, and every worker builds its pages anew.
"""

from django.core.management.base import BaseCommand

from ...freshness import bump, read


class Command(BaseCommand):
    help = "Bump the content version, so that no page or page piece cached before is served."

    def handle(self, *args, **options):
        bump()
        self.stdout.write(f"Content version is now {read()}: readers get freshly built pages.")
