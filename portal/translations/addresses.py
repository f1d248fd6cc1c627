"""Where readers of a language find a page: its own translation's address, or, when there is
none, the fallback language's page at the reader's own prefix (/pl/health/…), which
portal.translations.serve answers in the fallback language."""

from wagtail.models import Site

from ..core.page_translations import reader_page


def language_home_paths():
    """{language code: url_path of that language's home page} for the default site."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).select_related("locale")
    return {home.locale.language_code: home.url_path for home in homes}


def page_url(page, shown_language, home_paths):
    """The page's public address for readers of `shown_language`."""
    own_home = home_paths.get(page.locale.language_code)
    if own_home is None or not page.url_path.startswith(own_home):
        return None
    return f"/{shown_language}/{page.url_path[len(own_home) :]}"


def address_for_readers(translation_key, language):
    """The current address of a page (any translation of it) for readers of `language`."""
    page, _fallback = reader_page(translation_key, language, public=True)
    if page is None:
        return None
    return page_url(page, language, language_home_paths())
