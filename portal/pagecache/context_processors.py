from . import version


def content_version(request):
    """For `{% cache … content_version %}` fragments: fresh after any published change."""
    return {"content_version": version.current()}
