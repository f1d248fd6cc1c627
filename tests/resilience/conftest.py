import pytest
from django.db import OperationalError, connections

from portal.core import freshness


def refuse(*args, **kwargs):
    raise OperationalError("connection refused (simulated outage)")


@pytest.fixture
def database_down(db):
    """Call it to take the database away: every new query fails as with a server that refuses
    connections. The process has read the content version before, as a running worker has.
    (Undone before the test's transaction is rolled back.)"""
    wrapper = connections["default"]

    def take_down():
        freshness.read()
        wrapper._cursor = refuse

    yield take_down
    wrapper.__dict__.pop("_cursor", None)
