"""Freshness: every model readers see is registered, so a change to it gives readers fresh
pages; and the registration really bumps the content version."""

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from portal.core import freshness

# Models of our apps that no public page shows, each with the reason. A new model is either
# registered with freshness.register() in its app's AppConfig.ready() or added here.
NOT_SHOWN_TO_READERS = {
    "core.contentversion": "the content version itself",
    "guides.loadedcontent": "the content loader's bookkeeping",
    "facts.factusage": "which pages use which facts, for the editors' report",
    "translations.sourceedit": "read by the status layer; a source publish bumps already",
    "translations.digestsetting": "an editor's e-mail choice, admin only",
    "translations.digestsent": "the record of editors' daily e-mails, admin only",
    "directory.outdatedtext": "directory texts to check, for editors",
    "desk.shortlink": "short links redirect, they render nothing",
    "desk.referral": "staff counts",
    "insights.pageviewevent": "statistics",
    "insights.pageview": "statistics",
    "insights.feedbackvote": "statistics",
    "insights.feedbackcomment": "editors read comments in the admin",
    "portal_search.searchentry": "rebuilt from pages and services, which are registered",
    "portal_search.zeroresultquery": "editors' report",
}


def portal_models():
    for config in apps.get_app_configs():
        if config.name.startswith("portal."):
            yield from config.get_models()


def part_of_a_page(model):
    """Pages and their inline parts change readers' pages only when published."""
    if issubclass(model, Page):
        return True
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page)
        for field in model._meta.get_fields()
    )


def test_every_model_readers_see_is_registered():
    unregistered = [
        model._meta.label_lower
        for model in portal_models()
        if not freshness.is_registered(model)
        and not part_of_a_page(model)
        and model._meta.label_lower not in NOT_SHOWN_TO_READERS
    ]
    assert unregistered == [], (
        "Register these with freshness.register() in their app's ready(), or list them in "
        "NOT_SHOWN_TO_READERS with the reason"
    )


def test_the_list_of_unseen_models_names_only_real_unregistered_models():
    labels = {model._meta.label_lower: model for model in portal_models()}
    for label in NOT_SHOWN_TO_READERS:
        assert label in labels, label
        assert not freshness.is_registered(labels[label]), label


@pytest.mark.django_db
def test_saving_a_registered_model_bumps_the_content_version():
    from portal.directory.models import Service

    service = Service.objects.first()
    # read(): the change number alone (content_version() adds the clock's period).
    before = freshness.read()
    service.save()
    assert freshness.read() == before + 1
    service.delete()
    assert freshness.read() > before + 1


@pytest.mark.django_db
def test_remember_builds_once_per_content_version():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert freshness.remember(build, "test-piece", "x") == 1
    assert freshness.remember(build, "test-piece", "x") == 1
    freshness.bump()
    assert freshness.remember(build, "test-piece", "x") == 2


@pytest.mark.django_db
def test_a_deploy_gives_readers_freshly_built_pages(client, site_pages):
    """Cached pages outlive a deploy in Redis; the release step bumps the version, so pages
    cached with the old templates are not served."""
    url = site_pages["rights/sick-pay"]["pl"].url
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    before = freshness.read()
    call_command("bump_content_version", stdout=io.StringIO())
    assert freshness.read() == before + 1
    assert client.get(url)["X-Page-Cache"] == "miss"
    release = (Path(settings.BASE_DIR) / "Procfile").read_text()
    assert "bump_content_version" in release.split("release:")[1].split("\n")[0]
