"""The starting content is live in all five languages, and every translation is a real
wagtail-localize translation of its Dutch source."""

import re

import pytest
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from portal.guides.models import GuidePage, HomePage, StandardPage, TopicPage

LANGUAGES = ["nl", "en", "pl", "ro", "bg"]
TOPICS = {"rights", "duties", "housing", "schooling", "healthcare", "registration"}

pytestmark = pytest.mark.django_db


def dutch(model):
    return model.objects.filter(locale__language_code="nl").live()


def test_six_topics_and_at_least_thirty_one_guides_per_language():
    for code in LANGUAGES:
        topics = TopicPage.objects.filter(locale__language_code=code).live()
        assert {t.icon for t in topics} == TOPICS
        for topic in topics:
            assert GuidePage.objects.child_of(topic).live().count() >= 3, (code, topic.title)
        assert GuidePage.objects.filter(locale__language_code=code).live().count() >= 31
        assert StandardPage.objects.filter(locale__language_code=code).live().count() == 3
        assert HomePage.objects.filter(locale__language_code=code).live().count() == 1


def test_every_source_page_has_four_linked_translations():
    for model in (HomePage, TopicPage, GuidePage, StandardPage):
        for source in dutch(model):
            translations = source.get_translations().live()
            codes = sorted(translations.values_list("locale__language_code", flat=True))
            assert codes == sorted(set(LANGUAGES) - {"nl"}), source.title
            # A localize translation source and one translation record per language, so
            # translation status and sync work on loaded content.
            translation_source = TranslationSource.objects.get_for_instance(source)
            assert translation_source.locale.language_code == "nl"
            assert Translation.objects.filter(source__object_id=source.translation_key).count() == 4


def test_every_page_is_reachable_in_every_language(client):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert pages.count() >= 5 * (1 + 6 + 18 + 3)
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_slugs_are_ascii_and_titles_are_in_their_own_script():
    for page in Page.objects.filter(depth__gte=3).select_related("locale"):
        assert re.fullmatch(r"[a-z0-9-]+", page.slug), page.slug
        if page.locale.language_code == "bg":
            assert re.search(r"[а-яА-Я]", page.title), page.title


def test_romanian_uses_comma_below_letters_and_polish_has_diacritics():
    romanian = " ".join(
        str(p.specific.body) for p in GuidePage.objects.filter(locale__language_code="ro")
    )
    assert "ş" not in romanian and "ţ" not in romanian and "Ş" not in romanian
    assert "ș" in romanian and "ț" in romanian
    polish = " ".join(
        str(p.specific.body) for p in GuidePage.objects.filter(locale__language_code="pl")
    )
    assert re.search(r"[ąćęłńóśźż]", polish)


def test_guide_page_shows_its_blocks(client, site_pages):
    page = site_pages["healthcare/health-insurance"]["en"]
    html = client.get(page.url).content.decode()
    assert '<ol class="steps">' in html
    assert '<details class="question">' in html
    assert 'class="callout callout-warning"' in html
    assert 'href="tel:09008020"' in html
    assert "Official sources" in html
    assert "https://www.cjib.nl/en/health-insurance-administrative-fine" in html


def test_home_page_has_topic_tiles_and_urgent_help(client, site_pages):
    home = site_pages["home"]["ro"]
    html = client.get(home.url).content.decode()
    assert html.count('class="tile"') == 6
    urgent = site_pages["pages/urgent-help"]["ro"]
    assert f'href="{urgent.url}"' in html
    assert 'href="tel:112"' in html
