"""The scale part of `make bench` (run by tests/bench/run.py with its environment): render time
and SQL queries of a guide page and of the translation dashboard with 100, 1,000 and 10,000
generated guides, each in five languages."""

import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from portal.guides.models import GuidePage  # noqa: E402
from tests.pagegen import generate_guides  # noqa: E402

SIZES = [100, 1_000, 10_000]
HOST = "127.0.0.1"


def timed(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=HOST, **headers)
        elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return 1000 * elapsed, len(queries.captured_queries)


def main():
    reader = Client()
    editor = Client()
    admin = get_user_model().objects.create_superuser("bench-admin", password="bench-only-pw")
    editor.force_login(admin)
    guide = GuidePage.objects.filter(locale__language_code="pl").first().url
    print(
        f"{'guides':>7} {'pages':>7} {'guide ms':>9} {'queries':>8} {'dashboard ms':>13} "
        f"{'queries':>8}"
    )
    generated = 0
    for size in SIZES:
        generate_guides(size - generated, prefix=f"scale{size}")
        generated = size
        cache.clear()
        reader.cookies["sessionid"] = "bench"  # step around the page cache
        reader.get(guide, HTTP_HOST=HOST)  # navigation and notices cached, as in production
        guide_ms, guide_queries = timed(reader, guide)
        dashboard_ms, dashboard_queries = timed(editor, "/admin/translation-status/")
        pages = GuidePage.objects.count()
        print(
            f"{size:7d} {pages:7d} {guide_ms:9.1f} {guide_queries:8d} "
            f"{dashboard_ms:13.0f} {dashboard_queries:8d}",
            flush=True,
        )


if __name__ == "__main__":
    main()
