"""Editor roles per language.

- "Editors: <language>" may add, edit, publish (and so, in Wagtail, delete single pages) in their
  own language's tree only (Dutch editors own the source pages), may start translations, and may
  change their own language's texts of directory entries (not addresses, phones or hours), and
  maintain search synonyms and promoted results, and read and handle their language's reader
  comments;
- "Moderators" may publish and delete everywhere, whole topics included, and maintain the
  whole directory;
- "WIN-point staff" may open the admin to look things up, and change nothing.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page, Site

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


def editor_group_name(code):
    return f"Editors: {dict(settings.LANGUAGES)[code]}"


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
        if code in homes:
            grant_pages(group, homes[code], EDITOR_PAGE_PERMISSIONS)
        groups[group.name] = group

    moderators, _created = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(access_admin, submit_translation)
    for model in DIRECTORY_MODELS:
        for action in ("add", "change", "delete"):
            moderators.permissions.add(permission("directory", f"{action}_{model}"))
    moderators.permissions.add(permission("directory", "edit_details"))
    moderators.permissions.add(*(permission(app, codename) for app, codename in SEARCH_PERMISSIONS))
    moderators.permissions.add(
        *(permission(app, codename) for app, codename in COMMENT_PERMISSIONS),
        permission("insights", "delete_feedbackcomment"),
    )
    for code, _name in settings.LANGUAGES:
        moderators.permissions.add(permission("directory", f"edit_texts_{code}"))
    grant_pages(moderators, Page.get_first_root_node(), MODERATOR_PAGE_PERMISSIONS)
    groups[moderators.name] = moderators

    staff, _created = Group.objects.get_or_create(name="WIN-point staff")
    staff.permissions.add(access_admin)
    groups[staff.name] = staff
    return groups
