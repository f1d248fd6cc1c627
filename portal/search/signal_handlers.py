"""Keep search entries current: on publish, unpublish, move and delete of pages, and on every
save of a directory service or organisation.

The work is done once per transaction, after it commits: wagtail-localize publishes
translations in on_commit, and a content import publishes hundreds of pages in one transaction.
Every change registers a callback; the first to run does the work of all, the rest find nothing
left. (After a rollback the changes stay pending and are redone with the next commit, which is
harmless: an entry is always rebuilt from the current data.) A failed update is logged and never
breaks the editor's publish; `manage.py update_search_entries` rebuilds everything.
"""

import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..directory.models import Organisation, Service
from . import entries

logger = logging.getLogger(__name__)
pending = threading.local()


def schedule(kind, value):
    if not hasattr(pending, "items"):
        pending.items = {}
    pending.items.setdefault(kind, set()).add(value)
    transaction.on_commit(update_pending)


def update_pending():
    items, pending.items = getattr(pending, "items", {}), {}
    if not items:
        return
    try:
        update(items)
    except Exception:
        logger.exception("Search entries could not be updated")


def update(items):
    page_ids = items.get("page", set())
    pages = Page.objects.filter(pk__in=page_ids)
    # A page's title and slug show up in its descendants' entries (topic, address).
    keys = set(items.get("key", set()))
    for page in pages:
        keys.update(page.get_descendants(inclusive=True).values_list("translation_key", flat=True))
    for key in keys:
        entries.update_page_key(key)
    services = Service.objects.filter(
        pk__in=items.get("service", set())
        | set(
            Service.objects.filter(organisation__in=items.get("organisation", set())).values_list(
                "pk", flat=True
            )
        )
    )
    for service in services.select_related("organisation").prefetch_related("categories"):
        entries.update_service(service)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance, **kwargs):
    schedule("page", instance.pk)


@receiver(post_delete, sender=Page)
def page_deleted(sender, instance, **kwargs):
    # The other translations may now need a fallback entry in this language.
    schedule("key", instance.translation_key)


@receiver(post_save, sender=Service)
def service_saved(sender, instance, **kwargs):
    schedule("service", instance.pk)


@receiver(post_save, sender=Organisation)
def organisation_saved(sender, instance, **kwargs):
    schedule("organisation", instance.pk)
