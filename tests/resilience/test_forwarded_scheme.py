"""One setting, TRUST_X_FORWARDED_PROTO, says whether the site believes X-Forwarded-Proto, for
Django and for gunicorn alike (issue 16, item 15): gunicorn used to believe it from 127.0.0.1
whatever Django was told, and the page cache then kept https links for http readers."""

import json
import urllib.request

import pytest
from django.conf import settings

from tests.serving import free_port

from .gunicorn import gunicorn, production_env

pytestmark = pytest.mark.real_server
FORGED = {"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on", "X-Forwarded-Protocol": "ssl"}


def endpoint_scheme(base, headers):
    """The scheme of the addresses the HSDS index gives (built from the request)."""
    request = urllib.request.Request(base + "/api/hsds/", headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["endpoints"][0].split("://", 1)[0]


@pytest.mark.parametrize(("trust", "expected"), [("", "http"), ("0", "http"), ("1", "https")])
def test_gunicorn_and_django_follow_trust_x_forwarded_proto(tmp_path, trust, expected):
    port = free_port()
    env = production_env(port, f"sqlite:///{tmp_path / 'scheme.sqlite3'}", settings.STATIC_ROOT)
    env["TRUST_X_FORWARDED_PROTO"] = trust
    env.pop("FORWARDED_ALLOW_IPS", None)
    with gunicorn(env, ready_path="/api/hsds/") as (base, _server):
        assert endpoint_scheme(base, FORGED) == expected
        assert endpoint_scheme(base, {}) == "http"
