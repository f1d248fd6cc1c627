"""The names of the editor groups, in one place: `manage.py setup_roles` (portal.translations.
roles) creates the groups, and the desk, statistics and translation views check them."""

from django.conf import settings

MODERATORS = "Moderators"
WIN_POINT_STAFF = "WIN-point staff"
EDITOR_GROUP_PREFIX = "Editors: "


def editor_group_name(code):
    """ "Editors: Polski" for "pl": the group that edits that language's pages."""
    return f"{EDITOR_GROUP_PREFIX}{dict(settings.LANGUAGES)[code]}"


def is_in_group(user, name):
    return user.groups.filter(name=name).exists()


def editor_languages(user):
    """The language codes of the user's "Editors: <language>" groups, in settings order."""
    names = set(user.groups.values_list("name", flat=True))
    return [code for code, _name in settings.LANGUAGES if editor_group_name(code) in names]
