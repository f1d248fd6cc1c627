"""What each editor sees around translations: the status report opens on their own languages and
on what is not up to date, with titles in their language and in Dutch, and every link in it
opens for them; the admin home lists their outdated pages; the publisher of a Dutch page is told
which languages are now outdated; the translate form pre-selects their languages; the
translation editor speaks their language and links only where they may go."""

import html
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from portal.guides.models import GuidePage
from tests.factories import starting_page_count
from tests.translations.test_status import post_publish, publish_change

pytestmark = pytest.mark.django_db
GUIDE = "housing/renting-your-rights"
TOPIC = "housing"
MISSING = "housing/overcrowding-and-housing-fraud"
ROLES = [
    "Editors: Nederlands",
    "Editors: Polski",
    "Editors: Română",
    "Moderators",
    "WIN-point staff",
]


def user_in(*groups, language="pl"):
    name = "-".join(re.sub(r"\W+", "", group.lower()) for group in groups) or "nobody"
    user = get_user_model().objects.create_user(username=name, password="x")
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def report(client, query=""):
    response = client.get(f"/admin/translation-status/{query}")
    assert response.status_code == 200
    return response.content.decode()


def columns(page_html):
    head = page_html.split("<thead>")[1].split("</tr>")[0]
    return re.findall(r"<th>([^<]+)</th>", head)[1:]


def body_rows(page_html):
    return re.findall(r"<tr><td lang=\"nl\">(.*?)</tr>", page_html.split("<tbody>")[1], re.S)


def selected(page_html, name):
    select = page_html.split(f'name="{name}"')[1].split("</select>")[0]
    return re.findall(r'<option value="([^"]*)" selected>', select)


def test_report_opens_on_the_editors_language_and_not_up_to_date(client, site_pages):
    publish_change(site_pages[GUIDE]["nl"])
    client.force_login(user_in("Editors: Polski"))

    page = report(client)

    assert columns(page) == ["Polski"]
    assert selected(page, "language") == ["pl"]
    assert selected(page, "status") == ["not_up_to_date"]
    rows = body_rows(page)
    assert len(rows) == 1  # everything else is up to date in Polish
    # The title in her language and in Dutch.
    assert site_pages[GUIDE]["pl"].title in rows[0]
    assert site_pages[GUIDE]["nl"].title in rows[0]
    assert f'<span lang="pl">{html.escape(site_pages[GUIDE]["pl"].title)}</span>' in rows[0]


def test_the_filters_can_be_changed_to_everything(client, site_pages):
    client.force_login(user_in("Editors: Polski"))
    page = report(client, "?language=&status=")
    assert columns(page) == ["English", "Polski", "Română", "Български"]
    assert len(body_rows(page)) == starting_page_count()
    assert selected(page, "language") == [""] and selected(page, "status") == [""]
    # Another language chosen: no PO buttons for a language she cannot upload to.
    other = report(client, "?language=ro&status=")
    assert columns(other) == ["Română"]
    assert "/translation-status/ro/po.zip" not in other
    assert "/translation-status/pl/po.zip" in report(client, "?language=pl")


def test_an_editor_of_two_languages_starts_on_both(client, site_pages):
    publish_change(site_pages[GUIDE]["nl"])
    client.force_login(user_in("Editors: Polski", "Editors: Română"))
    page = report(client)
    assert columns(page) == ["Polski", "Română"]
    assert selected(page, "language") == ["mine"]
    assert len(body_rows(page)) == 1


@pytest.mark.parametrize("role", ["Moderators", "Editors: Nederlands", "WIN-point staff"])
def test_others_start_on_every_language_not_up_to_date(role, client, site_pages):
    publish_change(site_pages[GUIDE]["nl"])
    client.force_login(user_in(role))
    page = report(client)
    assert columns(page) == ["English", "Polski", "Română", "Български"]
    assert selected(page, "status") == ["not_up_to_date"]
    assert len(body_rows(page)) == 1


def table_links(page_html):
    return [
        html.unescape(link)
        for link in re.findall(
            r'href="([^"]+)"', page_html.split("<tbody>")[1].split("</tbody>")[0]
        )
    ]


@pytest.mark.parametrize("role", ROLES)
def test_every_link_in_the_report_opens_for_that_editor(role, client, site_pages):
    """An outdated, a missing and up-to-date translations in one topic, all languages shown:
    every link there answers 200 for this role (no link to a page they may not open)."""
    publish_change(site_pages[GUIDE]["nl"])
    site_pages[MISSING]["ro"].delete()
    client.force_login(user_in(role))
    topic = site_pages[TOPIC]["nl"].pk

    links = table_links(report(client, f"?language=&status=&topic={topic}"))

    assert links, "the Dutch titles link at least to the live Dutch pages"
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, (role, link, response.status_code)
    edit_links = {link for link in links if link.startswith("/admin/pages/")}
    dutch_edits = {
        f"/admin/pages/{pages['nl'].pk}/edit/"
        for key, pages in site_pages.items()
        if key.startswith(TOPIC) and "nl" in pages
    }
    if role in ("Editors: Nederlands", "Moderators"):
        assert dutch_edits <= edit_links
    else:
        assert not dutch_edits & edit_links
    take_in = f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/"
    assert (take_in in links) == (role in ("Editors: Polski", "Moderators"))
    missing = site_pages[MISSING]["nl"]
    translate_romanian = f"/admin/localize/submit/page/{missing.pk}/"
    assert (translate_romanian in links) == (role in ("Editors: Română", "Moderators"))


def test_admin_home_lists_the_outdated_pages_of_the_editors_language(client, site_pages):
    publish_change(site_pages[GUIDE]["nl"])
    client.force_login(user_in("Editors: Polski"))
    home = client.get("/admin/").content.decode()
    panel = home.split('class="panel translation-work"')[1].split("</section>")[0]
    take_in = f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/"
    assert f'href="{take_in}"' in panel
    assert site_pages[GUIDE]["pl"].title in panel and site_pages[GUIDE]["nl"].title in panel
    assert site_pages[GUIDE]["ro"].title not in panel
    assert client.get(take_in).status_code == 200


def messages_after(response):
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


@pytest.fixture
def admin_client(admin_client, admin_user):
    """The superuser, reading the admin in English."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def test_the_publisher_of_a_dutch_page_is_told_which_languages_are_outdated(
    admin_client, site_pages
):
    dutch = site_pages[GUIDE]["nl"]
    site_pages[GUIDE]["bg"].delete()  # a missing translation is not "outdated"
    post_publish(admin_client, dutch, minor=False)
    shown = messages_after(admin_client.get("/admin/"))
    assert "now outdated in: English, Polski, Română." in shown, shown[:3000]
    assert "Български." not in shown


def test_a_minor_change_tells_nothing(admin_client, site_pages):
    post_publish(admin_client, site_pages[GUIDE]["nl"], minor=True)
    assert "now outdated" not in messages_after(admin_client.get("/admin/"))


def test_a_dutch_page_without_translations_tells_nothing(admin_client, site_pages):
    topic = site_pages[TOPIC]["nl"]
    guide = GuidePage(title="Nieuwe gids", slug="nieuwe-gids", summary="Kort.")
    topic.add_child(instance=guide)
    guide.save_revision().publish()
    post_publish(admin_client, guide, minor=False)
    assert "now outdated" not in messages_after(admin_client.get("/admin/"))


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        (["Editors: Polski"], {"pl"}),
        (["Editors: Polski", "Editors: Română"], {"pl", "ro"}),
    ],
)
def test_translate_form_preselects_the_editors_languages(groups, expected, client, site_pages):
    topic = site_pages[TOPIC]["nl"]
    guide = GuidePage(title="Nieuwe gids", slug="nieuwe-gids", summary="Kort.")
    topic.add_child(instance=guide)
    guide.save_revision().publish()
    client.force_login(user_in(*groups))
    form = client.get(f"/admin/localize/submit/page/{guide.pk}/").content.decode()
    ids = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    checked = {
        ids[int(value)]
        for value in re.findall(r'<input[^>]*name="locales"[^>]*value="(\d+)"[^>]*checked', form)
    }
    assert checked == expected


def editor_page(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_translation_editor_links_only_where_the_editor_may_go(client, site_pages):
    client.force_login(user_in("Editors: Polski"))
    page = editor_page(client, site_pages[GUIDE]["pl"])
    header = page.split("header-meta--locales")[1].split("</header>")[0]
    for code in ("nl", "en", "ro", "bg"):
        assert f"/admin/pages/{site_pages[GUIDE][code].pk}/edit/" not in header, code
    # The Dutch page to read instead.
    assert f'href="{site_pages[GUIDE]["nl"].url}"' in header


def test_translation_editor_links_a_moderator_to_every_language(client, site_pages):
    client.force_login(user_in("Moderators"))
    header = editor_page(client, site_pages[GUIDE]["pl"]).split("header-meta--locales")[1]
    header = header.split("</header>")[0]
    for code in ("nl", "en", "ro", "bg"):
        assert f"/admin/pages/{site_pages[GUIDE][code].pk}/edit/" in header, code


@pytest.mark.parametrize(
    ("code", "group", "title", "section"),
    [
        ("pl", "Editors: Polski", "Tłumaczenie (Polski)", "Tłumaczenie: Nederlands → Polski"),
        ("bg", "Editors: Български", "Превод (Български)", "Превод: Nederlands → Български"),
        ("ro", "Editors: Română", "Traducere (Română)", "Traducere: Nederlands → Română"),
    ],
)
def test_translation_editor_speaks_the_editors_language(
    code, group, title, section, client, site_pages
):
    client.force_login(user_in(group, language=code))
    page = editor_page(client, site_pages[GUIDE][code])
    assert f"<title>{title}: {site_pages[GUIDE][code].title}" in html.unescape(page)
    language = site_pages[GUIDE][code].locale.get_display_name()
    assert f'data-english="Nederlands to {language} translation"' in page
    assert f'data-translated="{section}"' in page
    assert re.search(r'<script src="/static/js/translation-editor\.[0-9a-f]+\.js"', page)
    props = json.loads(html.unescape(re.search(r'data-props="([^"]*)"', page).group(1)))
    comments = {item["comment"] for item in props["initialStringTranslations"]}
    # Not "Translated with load_content on 6 December 2026": no tool name, no English month.
    assert not any("load_content" in text or "December" in text for text in comments), comments


@pytest.mark.parametrize(
    ("code", "msgid", "expected"),
    [
        ("pl", "Publish in ", "Opublikuj: "),
        ("nl", "Publish in ", "Publiceer in "),
        ("ro", "Publish in ", "Publicați: "),
        ("bg", "Publish in ", "Публикуване: "),
        ("bg", "Save", "Запазване"),
        ("bg", "There are unsaved segments. Please save or cancel them before leaving.", None),
    ],
)
def test_translation_editor_script_strings(code, msgid, expected, client, site_pages):
    """localize's script glues "Publish in " to the language name ("Opublikuj wPolski"); the
    catalogue in locale/wagtail_localize/ keeps the space, and gives Bulgarian its strings
    (without them Django shows them in Dutch, the site's default language)."""
    client.force_login(user_in("Editors: Polski", language=code))
    catalogue = client.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    found = re.search(r"const newcatalog = (\{.*?\});\n", catalogue, re.S)
    strings = json.loads(found.group(1))
    if expected is None:
        assert strings.get(msgid) not in (None, "", msgid)
    else:
        assert strings.get(msgid) == expected


@pytest.mark.parametrize(
    ("code", "absent"),
    [("bg", ["Vertaling van", "Synchroniseer", "Vertalen"]), ("pl", ["Use machine translation"])],
)
def test_localize_strings_are_in_the_editors_language(code, absent, client, site_pages):
    """Bulgarian and Polish editors do not get localize's own strings in Dutch or English."""
    client.force_login(user_in("Moderators", language=code))
    dutch = site_pages[GUIDE]["nl"]
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get_for_instance(dutch)
    pages = [
        client.get(f"/admin/localize/update/{source.pk}/").content.decode(),
        client.get(f"/admin/pages/{site_pages[GUIDE][code].pk}/edit/").content.decode(),
    ]
    for page in pages:
        for text in absent:
            assert text not in page, text


def test_an_editors_report_takes_the_same_number_of_queries_for_more_pages(client, site_pages):
    """The rights behind every link are checked without a query per page or per cell."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    site_pages[MISSING]["ro"].delete()  # a missing cell: its parent's rights are looked up
    client.force_login(user_in("Editors: Polski"))

    def count():
        with CaptureQueriesContext(connection) as queries:
            page = report(client, "?language=&status=")
        return len(queries.captured_queries), len(body_rows(page))

    count()  # the first request fills caches (site root paths, content types)
    small, rows = count()
    topic = site_pages[TOPIC]["nl"]
    for number in range(40):
        guide = GuidePage(title=f"Extra {number}", slug=f"extra-{number}", summary="Extra.")
        topic.add_child(instance=guide)
    large, more_rows = count()
    assert more_rows == rows + 40
    assert large == small
