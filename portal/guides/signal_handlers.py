"""Keep the page tree sound when wagtail-localize publishes translations.

wagtail-localize publishes a translated page in a `transaction.on_commit` callback, using the
page object it loaded *before* that page's own translated subpages were created. Publishing saves
that stale object, so the parent's `numchild` goes back to 0 and Wagtail stops finding its
children: their URLs give 404 until `manage.py fixtree` runs (wagtail-localize issue #773; it
happens with "translate this page and its subpages" in the admin and with our content loader).

After every publish we recount the page's children, so the tree is right again at once.
"""

from wagtail.models import Page
from wagtail.signals import page_published


def repair_child_count(sender, instance, **kwargs):
    actual = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if instance.numchild != actual:
        Page.objects.filter(pk=instance.pk).update(numchild=actual)
        instance.numchild = actual


def connect():
    page_published.connect(repair_child_count, dispatch_uid="guides.repair_child_count")
