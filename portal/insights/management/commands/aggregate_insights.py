from django.core.management.base import BaseCommand

from portal.insights.retention import KEEP_HANDLED_DAYS, aggregate_page_views, delete_old_comments


class Command(BaseCommand):
    help = (
        "Fold the day's raw page views into daily counts and empty the raw table; delete reader "
        "comments handled more than a year ago. Run daily from cron; safe to run twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--keep-handled-days", type=int, default=KEEP_HANDLED_DAYS)

    def handle(self, *args, **options):
        views = aggregate_page_views()
        comments = delete_old_comments(options["keep_handled_days"])
        self.stdout.write(f"Page views counted: {views}. Handled comments deleted: {comments}.")
