"""Bump the content version on every change readers can see."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import version

DIRECTORY_MODELS = [
    "directory.Service",
    "directory.Organisation",
    "directory.Location",
    "directory.TaxonomyTerm",
    "directory.ServicePhone",
    "directory.OpeningHours",
    "directory.ClosedDay",
    "directory.ServiceLanguage",
]
# Search reads these through the fragment cache (portal.search.engine).
SEARCH_MODELS = ["portal_search.SynonymGroup", "wagtailsearchpromotions.SearchPromotion"]


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender="wagtailcore.Page")
@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_delete, sender="wagtailcore.Site")
@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
def content_changed(sender, **kwargs):
    version.bump()


for model in DIRECTORY_MODELS + SEARCH_MODELS:
    post_save.connect(content_changed, sender=model, dispatch_uid=f"pagecache-save-{model}")
    post_delete.connect(content_changed, sender=model, dispatch_uid=f"pagecache-delete-{model}")
