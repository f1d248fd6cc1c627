import pytest

from portal.directory.models import Location, Organisation, Service


@pytest.fixture(autouse=True)
def empty_directory(db):
    """Directory tests start from an empty directory (apart from the categories of migration
    0002), although the session set-up loaded the starting data. Rolled back after each test."""
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    Location.objects.all().delete()
