"""Page views are counted in memory first and written in batches.

A beacon hit only adds 1 to an in-process counter; at most every FLUSH_SECONDS (checked on the
next hit) the worker writes what it has counted with one multi-row INSERT of PageViewEvent rows
(date, language, page id, count). So a busy SQLite site pays one commit per worker per 10 s
instead of one per view, and there is never a read-then-write to race on.

This is correct with any number of workers and machines, with or without Redis: each process
writes only its own counts, and the database adds them up (`aggregate_insights`). A worker that
stops normally (gunicorn's max_requests recycling, a deploy) writes its counts at exit; one that
is killed loses at most its last few seconds of counts. A failed write is logged and retried
with the next batch. Nothing but (date, language, page id) is ever kept.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from .models import PageViewEvent

logger = logging.getLogger(__name__)
FLUSH_SECONDS = 10
# Far more pages x languages than the site has: only made-up page ids (the aggregation drops
# them) or a long database outage get here, and then new keys are dropped, not kept.
MAX_KEYS = 5_000


class ViewCounter:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.since = time.monotonic()

    def add(self, day, language, page_id):
        key = (day, language, page_id)
        with self.lock:
            if key not in self.counts and len(self.counts) >= MAX_KEYS:
                return
            self.counts[key] += 1
            due = time.monotonic() - self.since >= FLUSH_SECONDS
        if due:
            self.flush()

    def pending(self):
        with self.lock:
            return sum(self.counts.values())

    def flush(self):
        """Write the counts so far; returns how many views were written."""
        with self.lock:
            counts, self.counts = self.counts, Counter()
            self.since = time.monotonic()
        if not counts:
            return 0
        try:
            PageViewEvent.objects.bulk_create(
                PageViewEvent(date=day, language=language, page_id=page_id, count=n)
                for (day, language, page_id), n in counts.items()
            )
        except Exception:
            logger.exception("page views could not be written; keeping them for the next try")
            with self.lock:
                if len(self.counts) + len(counts) <= MAX_KEYS:
                    self.counts.update(counts)
            return 0
        return sum(counts.values())


views = ViewCounter()


@atexit.register
def write_at_exit():
    try:
        views.flush()
    except Exception:  # the interpreter is going away; never make that fail
        logger.exception("page views could not be written at exit")
