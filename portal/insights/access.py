"""Who sees what: statistics are aggregate counts, so every editor and moderator may see them;
reader comments are read per language - language editors see their own language's comments,
moderators and superusers all."""

from django.conf import settings

from ..core.groups import MODERATORS, editor_languages, is_in_group


def comment_languages(user):
    codes = [code for code, _name in settings.LANGUAGES]
    if not user.is_active:
        return []
    if user.is_superuser or is_in_group(user, MODERATORS):
        return codes
    return editor_languages(user)


def visible_comments(user):
    """The comments `user` may see in any admin view: their own languages' only."""
    from .models import FeedbackComment

    return FeedbackComment.objects.filter(language__in=comment_languages(user))


def may_see_statistics(user):
    return (
        user.is_active
        and user.has_perm("wagtailadmin.access_admin")
        and bool(comment_languages(user))
    )
