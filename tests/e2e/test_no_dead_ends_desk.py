"""Issue 21, WIN-point staff: after login they land on the desk; a guide's "where to get help"
leads to a referral slip with a date and notes; handouts print their questions and answers at a
readable size; a wrong BASE_URL is pointed out before anything is handed out."""

import re

import pytest

from tests.serving import manage

from .navigation import follow

pytestmark = pytest.mark.e2e
PASSWORD = "desk-password-for-issue-21"  # noqa: S105

SETUP = f"""
from django.contrib.auth.models import Group, User
user = User.objects.create_user("desk-ola", password="{PASSWORD}")
user.groups.add(Group.objects.get(name="WIN-point staff"))
"""


@pytest.fixture(scope="module")
def staff_login(live_site, server_env):
    env, _port = server_env
    manage(env, "setup_roles")
    manage(env, "shell", "-c", SETUP)


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "desk-ola")
    page.fill("input[name=password]", PASSWORD)
    follow(page, page.locator("button[type=submit]"))


@pytest.fixture
def counter(browser, staff_login):
    """The desk's tablet: 360 px wide at its narrowest, Dutch admin language."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="nl-NL", has_touch=True
    )
    yield context.new_page()
    context.close()


def test_staff_land_on_the_desk_and_the_admin_home_has_a_desk_panel(live_site, counter):
    log_in(counter, live_site)
    assert counter.url == live_site + "/desk/"
    assert counter.locator(".warning-note").count() == 0  # opened on BASE_URL's host

    counter.goto(live_site + "/admin/")
    panel = counter.locator(".win-point-desk-panel")
    assert panel.count() == 1
    panel.locator("input[name=q]").fill("zorgverzekering")
    follow(counter, panel.locator("button[type=submit]"))
    assert counter.url.startswith(live_site + "/desk/?q=zorgverzekering")
    assert counter.locator(".desk-result").count() >= 1


def test_a_guides_where_to_get_help_leads_to_a_dated_referral_slip(live_site, counter):
    log_in(counter, live_site)
    counter.fill("#desk-q", "zorgverzekering")
    follow(counter, counter.locator(".search-form button"))
    first = counter.locator(".desk-result").first
    follow(counter, first.get_by_role("link", name="Български"))
    slip_choices = counter.locator("#referral-slip ~ ul a")
    assert slip_choices.count() >= 1
    follow(counter, slip_choices.first)
    assert "/desk/service/" in counter.url
    counter.fill("#slip-note", "Вторник, 10:00")
    follow(counter, counter.get_by_role("button", name="Verwijsbriefje afdrukken"))
    sheet = counter.locator(".sheet")
    assert sheet.get_attribute("lang") == "bg"
    assert re.search(r"Дата: \d{1,2} \w+ \d{4}", sheet.inner_text())
    assert "Вторник, 10:00" in sheet.locator(".slip-notes").inner_text()
    # Worded for how the visitor reaches the service: go, call or go online.
    wording = sheet.locator("p").nth(2).inner_text()
    assert any(word in wording for word in ("Покажете", "Обадете", "уебсайт")), wording


def test_handout_prints_its_questions_opened_at_a_readable_size(live_site, counter):
    log_in(counter, live_site)
    counter.fill("#desk-q", "zorgverzekering")
    follow(counter, counter.locator(".search-form button"))
    follow(counter, counter.locator(".desk-result").first.get_by_role("link", name="Polski"))
    for size, smallest_pt in (("A4", 12), ("A5", 11)):
        follow(counter, counter.get_by_role("link", name=f"Afdrukken {size}"))
        # Step 1 sends the reader to the question at the bottom: it is on the sheet.
        questions = counter.locator(".sheet-question h3")
        assert questions.count() >= 1
        assert "S1" in counter.locator(".sheet").inner_text()
        counter.emulate_media(media="print")
        sizes = counter.evaluate(
            """[...document.querySelectorAll('.sheet p, .sheet li, .sheet h3')]
               .filter(e => e.closest('.staff-line') === null)
               .map(e => parseFloat(getComputedStyle(e).fontSize))"""
        )
        assert min(sizes) >= smallest_pt * 4 / 3 - 0.01, (size, min(sizes))
        counter.emulate_media(media="screen")
        counter.go_back()


def test_desk_warns_when_base_url_is_another_host(live_site, counter):
    other_host = live_site.replace("localhost", "127.0.0.1")
    log_in(counter, other_host)
    assert counter.url == other_host + "/desk/"
    warning = counter.locator(".warning-note[role=alert]")
    assert warning.count() == 1
    assert "localhost" in warning.inner_text() and "127.0.0.1" in warning.inner_text()
