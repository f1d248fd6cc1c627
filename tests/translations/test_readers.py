"""What readers see: notices on outdated or partial translations, and the fallback language
(never a 404) when a page has no translation in their language."""

import re

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from portal.translations.models import SourceEdit

pytestmark = pytest.mark.django_db
GUIDE = "healthcare/health-insurance"


def test_up_to_date_translation_has_no_notice(client, site_pages):
    html = client.get(site_pages[GUIDE]["pl"].url).content.decode()
    assert "translation-notice" not in html


def test_outdated_translation_shows_a_notice_with_the_dutch_page(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    dutch.summary += " Nieuw."
    dutch.save_revision().publish()
    html = client.get(site_pages[GUIDE]["ro"].url).content.decode()
    assert "translation-notice" in html
    assert "Această traducere poate fi depășită" in html
    assert f'href="{dutch.url}"' in html
    # It says when the Dutch page changed (English is outdated too, so Dutch is offered).
    changed = SourceEdit.objects.get(page=dutch).content_changed_at
    with translation.override("ro"):
        assert f"s-a schimbat pe {date_format(timezone.localtime(changed), 'DATE_FORMAT')}" in html


def test_partial_translation_offers_english_when_that_is_up_to_date(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    dutch.summary += " Nieuw."
    dutch.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(dutch)
    english = Locale.objects.get(language_code="en")
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            defaults={"data": "New.", "translation_type": "manual"},
        )
    html = client.get(site_pages[GUIDE]["pl"].url).content.decode()
    notice = re.search(r'<aside class="translation-notice".*?</aside>', html, re.S)[0]
    assert f'<a href="{site_pages[GUIDE]["en"].url}" lang="en" hreflang="en">' in notice
    assert "Przeczytaj stronę po angielsku" in notice


def test_partly_translated_page_says_how_much(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    dutch.summary += " Nieuw."
    dutch.save_revision().publish()
    TranslationSource.update_or_create_from_instance(dutch)
    html = client.get(site_pages[GUIDE]["bg"].url).content.decode()
    assert re.search(r"Тази страница е преведена само отчасти \(\d+%\)", html)


def test_missing_translation_falls_back_to_english_with_a_notice(client, site_pages):
    pages = site_pages[GUIDE]
    pages["pl"].delete()
    # The switcher on the Dutch page still offers Polish, at the English page's path.
    dutch_html = client.get(pages["nl"].url).content.decode()
    polish_link = re.search(r'<a href="([^"]+)" lang="pl" hreflang="pl" rel="nofollow"', dutch_html)
    assert polish_link, "the switcher links the missing language"
    url = polish_link[1]
    assert url.startswith("/pl/") and url.endswith(pages["en"].url.split("/", 2)[2])

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="pl">' in html
    assert '<article lang="en">' in html
    assert pages["en"].title in html
    assert "Ta strona nie jest jeszcze dostępna w twoim języku" in html
    assert '<span aria-current="true" lang="pl">Polski</span>' in html


def test_fallback_to_dutch_when_english_is_missing_too(client, site_pages):
    pages = site_pages[GUIDE]
    english_path = pages["en"].url.split("/", 2)[2]
    pages["ro"].delete()
    pages["en"].delete()
    response = client.get(f"/ro/{english_path}")
    assert response.status_code == 404  # the English address is gone with the English page
    dutch_path = pages["nl"].url.split("/", 2)[2]
    response = client.get(f"/ro/{dutch_path}")
    assert response.status_code == 200
    assert '<article lang="nl">' in response.content.decode()


def test_a_fallback_address_of_a_translated_page_redirects_to_the_translation(client, site_pages):
    pages = site_pages[GUIDE]
    english_path = pages["en"].url.split("/", 2)[2]
    response = client.get(f"/bg/{english_path}")
    assert response.status_code == 302
    assert response["Location"] == pages["bg"].url
