"""Who sees what: statistics are aggregate counts, so every editor and moderator may see them;
reader comments are read per language - language editors see their own language's comments,
moderators and superusers all."""

from django.conf import settings

from ..translations.roles import editor_group_name

MODERATORS = "Moderators"


def comment_languages(user):
    codes = [code for code, _name in settings.LANGUAGES]
    if not user.is_active:
        return []
    if user.is_superuser or user.groups.filter(name=MODERATORS).exists():
        return codes
    groups = set(user.groups.values_list("name", flat=True))
    return [code for code in codes if editor_group_name(code) in groups]


def may_see_statistics(user):
    return (
        user.is_active
        and user.has_perm("wagtailadmin.access_admin")
        and bool(comment_languages(user))
    )
