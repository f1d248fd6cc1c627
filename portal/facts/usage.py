"""Record which facts each live page uses, whenever a page is published or unpublished.

Works on any page type by reading the published revision's content, so this app needs to know
nothing about the page models that show facts.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from .models import FactUsage
from .render import keys_in


def record(page, content):
    keys = keys_in(json.dumps(content, ensure_ascii=False, cls=DjangoJSONEncoder))
    with transaction.atomic():
        FactUsage.objects.filter(page_id=page.pk).exclude(fact_key__in=keys).delete()
        known = set(FactUsage.objects.filter(page_id=page.pk).values_list("fact_key", flat=True))
        FactUsage.objects.bulk_create(
            [FactUsage(page_id=page.pk, fact_key=key) for key in keys if key not in known]
        )


def published(sender, instance, revision=None, **kwargs):
    revision = revision or instance.latest_revision
    record(instance, revision.content if revision else {})


def unpublished(sender, instance, **kwargs):
    FactUsage.objects.filter(page_id=instance.pk).delete()


def connect():
    page_published.connect(published, dispatch_uid="facts-usage-published")
    page_unpublished.connect(unpublished, dispatch_uid="facts-usage-unpublished")
