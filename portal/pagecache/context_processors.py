from django.utils.functional import SimpleLazyObject

from . import version


def content_version(request):
    """For `{% cache … content_version %}` fragments: fresh after any published change. Lazy,
    so templates that cache nothing (the admin) never read it."""
    return {"content_version": SimpleLazyObject(version.current)}
