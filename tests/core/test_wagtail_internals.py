"""portal.core.wagtail_internals leans on Wagtail's private request attributes. These tests fail
loudly when a Wagtail (or Django) upgrade changes them; then update that module (and the
links in it) to the new code."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from portal.core import wagtail_internals


@pytest.fixture
def request_():
    return RequestFactory().get("/nl/", HTTP_HOST="testserver")


def test_wagtail_serves_the_route_we_put_on_the_request(request_):
    route = object()
    wagtail_internals.use_route(request_, route)
    assert Page.route_for_request(request_, "/nl/some/where/") is route


@pytest.mark.django_db
def test_wagtail_keeps_its_route_where_we_put_ours(request_):
    found = Page.route_for_request(request_, "/")
    assert getattr(request_, wagtail_internals.ROUTE_ATTRIBUTE) is found


@pytest.mark.django_db
def test_wagtail_finds_the_site_we_put_on_the_request_without_asking_the_database(request_):
    site = Site.objects.get(is_default_site=True)
    assert wagtail_internals.remember_site(request_, lambda: site) is site
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request_) is site
    assert not queries.captured_queries


@pytest.mark.django_db
def test_wagtail_keeps_its_site_where_we_look_for_it(request_):
    site = Site.find_for_request(request_)
    assert site is not None
    assert wagtail_internals.remember_site(request_, lambda: None) is site


def test_raw_host_is_the_host_header_without_the_allowed_hosts_check():
    request = RequestFactory().get("/", HTTP_HOST="not-allowed.example:8080")
    assert wagtail_internals.raw_host(request) == "not-allowed.example:8080"
