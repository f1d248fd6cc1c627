"""Shared test set-up.

The whole starting content (directory and pages) is loaded once per test session, as `make run`
does it, and every test runs in a transaction on top of it that is rolled back afterwards. Static
files are collected once into a temporary folder, so templates are tested against the real
hashed-file manifest.
"""

import io
from collections.abc import Mapping
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

DIRECTORY_DATA = Path(settings.BASE_DIR) / "content" / "directory" / "services.json"


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    # override_settings (not plain assignment) tells the static files storage to move too, so
    # two test runs side by side (CI) never share a folder.
    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    quiet = io.StringIO()
    with django_db_blocker.unblock():
        # The same order as `make run`: guides point to directory services.
        call_command("import_hsds", str(DIRECTORY_DATA), stdout=quiet)
        call_command("load_content", stdout=quiet)
        call_command("load_glossary", stdout=quiet)
        call_command("load_search_terms", stdout=quiet)
        call_command("update_search_entries", stdout=quiet)
        call_command("setup_roles", stdout=quiet)


class SitePages(Mapping):
    """The loaded pages, by content key and language: site_pages["rights/sick-pay"]["pl"].

    A key's pages are read the first time a test asks for them: most tests use one or two of the
    200-odd pages, and reading them all took a fifth of a second per test."""

    def __init__(self):
        from portal.guides.models import LoadedContent

        self.records = LoadedContent.objects.select_related("locale", "page")
        self.keys = sorted(set(self.records.values_list("key", flat=True)))
        self.loaded = {}

    def __getitem__(self, key):
        if key not in self.loaded:
            records = self.records.filter(key=key)
            if not records:
                raise KeyError(key)
            self.loaded[key] = {
                record.locale.language_code: record.page.specific for record in records
            }
        return self.loaded[key]

    def __iter__(self):
        return iter(self.keys)

    def __len__(self):
        return len(self.keys)


@pytest.fixture
def site_pages(db):
    return SitePages()


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with empty caches: the page and fragment caches key on the content
    version, which the rollback after each test turns back."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
