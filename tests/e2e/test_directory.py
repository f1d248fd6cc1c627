"""A reader on a phone finds where to get help, without JavaScript."""

import re

import pytest

from .navigation import follow

pytestmark = pytest.mark.e2e
HUISARTSENPOST = "ba522e2b-8ed5-44bb-88d0-ee8eee163ded"


def test_filter_services_by_topic_and_language(live_site, phone):
    phone.goto(live_site + "/pl/services/")
    phone.select_option("#id_topic", "registration")
    phone.select_option("#id_language", "pl")
    follow(phone, phone.get_by_role("button", name="Pokaż usługi"))
    assert "topic=registration" in phone.url and "language=pl" in phone.url
    titles = phone.locator(".service-card h2").all_inner_texts()
    assert len(titles) == 1
    assert "ambasad" in titles[0].lower()
    # Healthcare services, then none of them speaks Polish according to our data: a clear
    # message with a way back, not an empty page.
    phone.select_option("#id_topic", "healthcare")
    follow(phone, phone.get_by_role("button", name="Pokaż usługi"))
    assert "Brak usług pasujących do tych filtrów." in phone.content()
    follow(phone, phone.get_by_role("link", name="Pokaż wszystkie usługi"))
    assert phone.locator(".service-card").count() > 15
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_follow_where_to_get_help_from_a_guide_and_call(live_site, phone):
    phone.goto(live_site + "/pl/")
    follow(phone, phone.get_by_role("link", name=re.compile("Opieka zdrowotna|zdrow", re.I)).first)
    follow(phone, phone.locator(".guide-list a").nth(1))  # family doctor and emergencies
    help_section = phone.locator(".help-services")
    assert help_section.count() == 1
    follow(phone, help_section.locator(f'a[href$="/services/{HUISARTSENPOST}/"]'))
    assert "/pl/services/" in phone.url
    call = phone.locator("a.call").first
    assert call.get_attribute("href") == "tel:0793431600"
    assert call.is_visible()
