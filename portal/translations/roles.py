"""Editor roles per language.

- "Editors: <language>" may add, edit, publish (and so, in Wagtail, delete single pages) in their
  own language's tree only (Dutch editors own the source pages), may start translations, and may
  change their own language's texts of directory entries (not addresses, phones or hours), and
  maintain search synonyms and promoted results, and read and handle their language's reader
  comments;
- "Moderators" may publish and delete everywhere, whole topics included, and maintain the
  whole directory;
- facts (figures) and site notices are kept by the Dutch editors and moderators; every editor
  may see them and the report "Figures to check";
- "WIN-point staff" may open the admin to look things up, and change nothing.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Site

from ..core.groups import (
    MODERATORS,
    WIN_POINT_STAFF,
    editor_group_name,
    editor_languages,
    is_in_group,
)

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
]
DIRECTORY_MODELS = ["service", "organisation", "location", "taxonomyterm"]
# Search synonyms and promoted results: every editor helps readers find their pages.
SEARCH_PERMISSIONS = [
    ("portal_search", f"{action}_synonymgroup") for action in ("add", "change", "delete")
] + [
    ("wagtailsearchpromotions", f"{action}_searchpromotion")
    for action in ("add", "change", "delete")
]

# Reader comments (Statistics): read and mark handled; which languages is decided in
# portal/insights/access.py.
COMMENT_PERMISSIONS = [("insights", "view_feedbackcomment"), ("insights", "change_feedbackcomment")]


# Facts and site notices (portal/facts): one figure for every language, so the Dutch source team
# and moderators keep them; the other editors see them.
FACT_PERMISSIONS = [
    ("facts", f"{action}_{model}")
    for model in ("fact", "factvalue", "sitenotice")
    for action in ("add", "change", "delete", "view")
]
FACT_VIEW_PERMISSIONS = [("facts", "view_fact"), ("facts", "view_factvalue")]


def languages_of_user(user):
    """The language codes a user works in: from their "Editors: <language>" groups; superusers
    and moderators work in all of them."""
    codes = [code for code, _name in settings.LANGUAGES]
    if user.is_superuser or is_in_group(user, MODERATORS):
        return codes
    return editor_languages(user)


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return permission("wagtailcore", codename)


def grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=page_permission(codename)
        )


def setup_roles():
    """Create or repair the groups. Safe to run again; returns the groups by name."""
    site = Site.objects.get(is_default_site=True)
    homes = {
        home.locale.language_code: home
        for home in site.root_page.get_translations(inclusive=True).select_related("locale")
    }
    access_admin = permission("wagtailadmin", "access_admin")
    submit_translation = permission("wagtail_localize", "submit_translation")
    groups = {}
    for code, _name in settings.LANGUAGES:
        group, _created = Group.objects.get_or_create(name=editor_group_name(code))
        group.permissions.add(access_admin, submit_translation)
        group.permissions.add(permission("directory", f"edit_texts_{code}"))
        group.permissions.add(*(permission(app, codename) for app, codename in SEARCH_PERMISSIONS))
        group.permissions.add(*(permission(app, codename) for app, codename in COMMENT_PERMISSIONS))
        for model in DIRECTORY_MODELS:
            group.permissions.add(permission("directory", f"change_{model}"))
        facts = FACT_PERMISSIONS if code == settings.LANGUAGE_CODE else FACT_VIEW_PERMISSIONS
        group.permissions.add(*(permission(app, codename) for app, codename in facts))
        if code in homes:
            grant_pages(group, homes[code], EDITOR_PAGE_PERMISSIONS)
        groups[group.name] = group

    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(access_admin, submit_translation)
    for model in DIRECTORY_MODELS:
        for action in ("add", "change", "delete"):
            moderators.permissions.add(permission("directory", f"{action}_{model}"))
    moderators.permissions.add(permission("directory", "edit_details"))
    moderators.permissions.add(*(permission(app, codename) for app, codename in SEARCH_PERMISSIONS))
    moderators.permissions.add(*(permission(app, codename) for app, codename in FACT_PERMISSIONS))
    moderators.permissions.add(
        *(permission(app, codename) for app, codename in COMMENT_PERMISSIONS),
        permission("insights", "delete_feedbackcomment"),
    )
    for code, _name in settings.LANGUAGES:
        moderators.permissions.add(permission("directory", f"edit_texts_{code}"))
    grant_pages(moderators, Page.get_first_root_node(), MODERATOR_PAGE_PERMISSIONS)
    groups[moderators.name] = moderators

    staff, _created = Group.objects.get_or_create(name=WIN_POINT_STAFF)
    staff.permissions.add(access_admin)
    groups[staff.name] = staff
    return groups
