"""Which languages a user may act on through wagtail-localize.

localize lets anyone with the blanket `submit_translation` permission create, sync and publish
translations in every language. Our editors hold that permission for their own language only in
spirit: the rule here is the page tree. A user may act on a language when they may publish the
target page itself in that language's tree (or, for a page not translated yet, add and publish
a page under its parent's translation there). Nothing localize does for a user may publish what
that user could not publish by hand.
"""

from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.snippets.permissions import get_permission_name

from .roles import languages_of_user


def may_publish_page_in(user, page, locale):
    """May `user` create or publish `page`'s translation in `locale`, judged on the pages there?"""
    target = page.get_translation_or_none(locale)
    if target is not None:
        permissions = target.permissions_for_user(user)
        return permissions.can_edit() and permissions.can_publish()
    parent = page.get_parent()
    if parent is None:
        return False
    if not parent.is_root():
        parent = parent.get_translation_or_none(locale)
        if parent is None:
            # localize cannot place a page whose parent is not translated yet.
            return False
    permissions = parent.permissions_for_user(user)
    return permissions.can_add_subpage() and permissions.can_publish_subpage()


def may_publish_snippet_in(user, instance, locale):
    """Snippets have no tree: the user must be allowed to change the model and work in the
    language (their "Editors: <language>" group; moderators everywhere)."""
    return user.has_perm(
        get_permission_name("change", type(instance))
    ) and locale.language_code in languages_of_user(user)


def may_publish_in(user, instance, locale):
    if isinstance(instance, Page):
        return may_publish_page_in(user, instance, locale)
    return may_publish_snippet_in(user, instance, locale)


def allowed_locales(user, instance, locales):
    """The locales of `locales` (a queryset) that `user` may act on for `instance`."""
    return locales.filter(
        pk__in=[locale.pk for locale in locales if may_publish_in(user, instance, locale)]
    )


def may_publish_subtree_in(user, page, locale):
    """Translating a page "with subtree" also creates or updates every descendant: each existing
    translation below must be one the user may publish."""
    descendants = page.get_descendants().values_list("translation_key", flat=True)
    targets = Page.objects.filter(translation_key__in=descendants, locale=locale)
    return all(target.permissions_for_user(user).can_publish() for target in targets.specific())


class TreeRights:
    """One user's page rights as tree paths, to check many pages (a report, an e-mail) without
    a query each. The rule is Wagtail's own: a group's permission on a page covers the pages
    below it. Only a user's group permissions count, so this never allows what Wagtail would
    refuse (it may hide a page a user could edit as its owner: a link less, never one too many).
    """

    def __init__(self, user):
        self.active = user.is_active
        self.superuser = user.is_active and user.is_superuser
        self.grants = {}
        if self.active and not self.superuser:
            # Wagtail keeps these on the user for the request: one query for the whole report.
            for grant in page_permission_policy.get_cached_permissions_for_user(user):
                action = grant.permission.codename.rsplit("_", 1)[0]
                self.grants.setdefault(action, []).append(grant.page.path)

    def has(self, action, path):
        if not self.active or not path:
            return False
        return self.superuser or any(path.startswith(top) for top in self.grants.get(action, ()))

    def may_edit(self, path):
        return self.has("change", path)

    def may_publish(self, path):
        """Edit and publish the page at `path` (what taking in the Dutch needs, see
        may_publish_page_in)."""
        return self.has("change", path) and self.has("publish", path)

    def may_add_and_publish_below(self, path):
        """Create and publish a page below the one at `path` (a new translation there)."""
        return self.has("add", path) and self.has("publish", path)
