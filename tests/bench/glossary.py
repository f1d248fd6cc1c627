"""The glossary part of `make bench` (run by tests/bench/run.py with its environment, after the
load part): what the first-use explanations cost a guide page.

- CPU: every guide in every language rendered with every cache empty (the case the explanations
  touch: they are made with the page body, which the fragment cache then keeps), with the
  explanations on and off, alternating, the fastest of several rounds each. The budget is +10 %.
- Weight: the largest guide page with explanations, gzipped as served (budget: the whole page
  with its stylesheet and script at most 30 KB).
"""

import gzip
import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.core.cache import caches  # noqa: E402
from django.test import Client  # noqa: E402

from portal.guides.models import GuidePage  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_GLOSSARY_ROUNDS", "5"))
HOST = "127.0.0.1"


def render_all(client, urls):
    """Seconds to render every page once with empty caches (the glossary's own lookups are
    built once per round, as after a publish)."""
    for cache in caches.all():
        cache.clear()
    start = time.process_time()
    for url in urls:
        response = client.get(url, HTTP_HOST=HOST, HTTP_COOKIE="sessionid=bench")
        assert response.status_code == 200, url
    return time.process_time() - start


def explanations(switched_on, kept_off=()):
    """All guides' explanations on (except those editors switched off) or all off."""
    GuidePage.objects.exclude(pk__in=kept_off).update(explain_terms=switched_on)


def main():
    client = Client()
    guides = list(GuidePage.objects.live().order_by("path"))
    urls = [guide.url for guide in guides]
    render_all(client, urls)  # warm up imports and templates
    kept_off = [guide.pk for guide in guides if not guide.explain_terms]
    # Rounds with and without alternate, so that a busy moment of the machine falls on both sides.
    with_terms, without = [], []
    for _ in range(ROUNDS):
        explanations(True, kept_off)
        with_terms.append(render_all(client, urls))
        explanations(False)
        without.append(render_all(client, urls))
    explanations(True, kept_off)
    # The fastest round of each: a shared machine only ever adds time.
    with_terms, without = min(with_terms), min(without)
    per_page = 1000 / len(urls)
    print(
        f"cold guide render, {len(urls)} pages: {with_terms * per_page:.1f} ms CPU per page with "
        f"explanations, {without * per_page:.1f} ms without: "
        f"{(with_terms / without - 1):+.1%} (budget: +10%)"
    )
    for cache in caches.all():
        cache.clear()
    sizes = []
    for url in urls:
        html = client.get(url, HTTP_HOST=HOST).content
        sizes.append((len(gzip.compress(html)), html.count(b'class="term-note"'), url))
    size, notes, url = max(sizes)
    print(
        f"largest guide page: {size / 1024:.1f} KB gzipped HTML with {notes} explanations ({url})"
    )


if __name__ == "__main__":
    main()
