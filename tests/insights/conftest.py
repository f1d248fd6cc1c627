import re
import time

import pytest

READER = (
    "Mozilla/5.0 (Linux; Android 12; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Mobile Safari/537.36"
)
READER_IP = "203.0.113.77"
GUIDE = "healthcare/health-insurance"


@pytest.fixture(autouse=True)
def fresh_view_counter():
    """The page-view counter lives in the process, outside the test's rolled-back database."""
    from portal.insights import counter

    counter.views.counts.clear()
    counter.views.since = time.monotonic()


@pytest.fixture
def reader(client):
    """A reader's phone: a browser user agent and an address of its own."""
    client.defaults.update(HTTP_USER_AGENT=READER, REMOTE_ADDR=READER_IP)
    return client


def beacon_url(html):
    found = re.search(r'<img class="beacon" src="([^"]+)"', html)
    return found.group(1) if found else None


def form_token(html):
    return re.search(r'name="token" value="([^"]+)"', html).group(1)
