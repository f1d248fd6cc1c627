"""Generate many guide pages quickly, for query-count tests and the scale benchmark.

Creating pages one by one through Wagtail (add_child, save_revision, publish) takes tens of
milliseconds each, too slow for thousands of pages in five languages. Here the tree rows are
written in bulk, as Wagtail would have left them after a publish: a Dutch guide under a topic
and its translations (same translation key) under the same topic in each other language. The
pages have no revisions and no wagtail-localize source, like pages translated by hand.
"""

import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from portal.guides.models import GuidePage, TopicPage

BODY = json.dumps(
    [
        {"type": "heading", "value": "Wat moet u doen?", "id": str(uuid.uuid4())},
        {
            "type": "text",
            "value": "<p>Een gegenereerde pagina met een alinea tekst, zoals een echte gids.</p>",
            "id": str(uuid.uuid4()),
        },
    ]
)


def next_child_paths(parent, count):
    """Tree paths for `count` new children after the parent's current last child."""
    last = parent.get_last_child()
    start = Page._str2int(last.path[-Page.steplen :]) if last else 0
    return [Page._get_path(parent.path, parent.depth + 1, start + n + 1) for n in range(count)]


def generate_guides(count, dutch_topic=None, prefix="generated"):
    """Add `count` guides to a topic (by default the first) in every language it exists in;
    returns the new pages' translation keys."""
    dutch_topic = dutch_topic or TopicPage.objects.filter(locale__language_code="nl").first()
    topics = TopicPage.objects.filter(translation_key=dutch_topic.translation_key).select_related(
        "locale"
    )
    content_type = ContentType.objects.get_for_model(GuidePage)
    keys = [uuid.uuid4() for _ in range(count)]
    now = timezone.now()
    for topic in topics:
        pages = []
        paths = next_child_paths(topic, count)
        for number, (key, path) in enumerate(zip(keys, paths, strict=True)):
            slug = f"{prefix}-{number}"
            title = f"{prefix.capitalize()} {number} ({topic.locale.language_code})"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=path,
                    depth=topic.depth + 1,
                    numchild=0,
                    url_path=f"{topic.url_path}{slug}/",
                    content_type=content_type,
                    locale=topic.locale,
                    translation_key=key,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        Page.objects.bulk_create(pages, batch_size=500)
        created = Page.objects.filter(path__in=[page.path for page in pages]).values_list(
            "id", flat=True
        )
        # The table name is the model's own, not input.
        table = connection.ops.quote_name(GuidePage._meta.db_table)
        insert = f"INSERT INTO {table} (page_ptr_id, summary, body, last_reviewed) VALUES "  # noqa: S608
        with connection.cursor() as cursor:
            cursor.executemany(
                insert + "(%s, %s, %s, %s)",
                [(page_id, "Een gegenereerde gids.", BODY, now.date()) for page_id in created],
            )
        Page.objects.filter(pk=topic.pk).update(numchild=topic.numchild + count)
    return keys
