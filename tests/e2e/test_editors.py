"""A Polish editor in the admin: sees the outdated page, translates it through PO files,
publishes, and the status turns up to date; a Romanian page stays closed to them."""

import zipfile

import polib
import pytest

from tests.serving import manage

from .navigation import follow

pytestmark = pytest.mark.e2e
PASSWORD = "a-long-test-password-42"  # noqa: S105

SETUP = f"""
from django.contrib.auth.models import Group, User
from portal.guides.models import LoadedContent
pages = LoadedContent.objects.filter(key="housing/renting-your-rights")
user = User.objects.create_user("anna", password="{PASSWORD}")
user.groups.add(Group.objects.get(name="Editors: Polski"))
dutch = pages.get(locale__language_code="nl").page.specific
dutch.summary += " Een nieuwe zin over de huur."
dutch.save_revision().publish()
print(pages.get(locale__language_code="ro").page_id)
"""


@pytest.fixture(scope="module")
def polish_editor(live_site, server_env):
    env, _port = server_env
    manage(env, "setup_roles")
    output = manage(env, "shell", "-c", SETUP)
    return {"username": "anna", "romanian_page": int(output.strip().splitlines()[-1])}


def test_polish_editor_brings_an_outdated_translation_up_to_date(
    live_site, browser, polish_editor, tmp_path
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(live_site + "/admin/login/")
    page.fill("input[name=username]", polish_editor["username"])
    page.fill("input[name=password]", PASSWORD)
    follow(page, page.locator("button[type=submit]"))
    assert page.url == live_site + "/admin/", page.content()[:3000]
    home = page.content()
    assert "Polski" in home and "1 verouderd" in home, home[-4000:]

    page.goto(live_site + "/admin/translation-status/?language=pl")
    with page.expect_download() as download:
        page.get_by_role("link", name="PO-bestanden voor deze taal downloaden").click()
    archive_path = tmp_path / "pl.zip"
    download.value.save_as(archive_path)

    with zipfile.ZipFile(archive_path) as archive:
        name = archive.namelist()[0]
        po = polib.pofile(archive.read(name).decode())
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = "Nowe zdanie o czynszu."
    translated = tmp_path / name
    po.save(str(translated))

    page.goto(live_site + "/admin/translation-status/pl/upload/")
    page.set_input_files("input[type=file]", str(translated))
    follow(page, page.get_by_role("button", name="Uploaden"))
    assert "✔" in page.content()

    page.goto(live_site + "/admin/")
    assert "0 verouderd" in page.content()

    # A Romanian page is not theirs to edit.
    page.goto(live_site + f"/admin/pages/{polish_editor['romanian_page']}/edit/")
    assert "/edit/" not in page.url
    context.close()


def test_dutch_editor_minor_change_leaves_translations_up_to_date(
    live_site, browser, server_env, polish_editor
):
    env, _port = server_env
    make_dutch_editor = f"""
from django.contrib.auth.models import Group, User
from portal.guides.models import LoadedContent
user = User.objects.create_user("daan", password="{PASSWORD}")
user.groups.add(Group.objects.get(name="Editors: Nederlands"))
page = LoadedContent.objects.get(key="duties/keeping-documents", locale__language_code="nl").page
print(page.pk, page.title)
"""
    output = manage(env, "shell", "-c", make_dutch_editor)
    page_id, title = output.strip().splitlines()[-1].split(" ", 1)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(live_site + "/admin/login/")
    page.fill("input[name=username]", "daan")
    page.fill("input[name=password]", PASSWORD)
    follow(page, page.locator("button[type=submit]"))

    page.goto(live_site + f"/admin/pages/{page_id}/edit/")
    summary = page.locator("textarea[name=summary]")
    summary.fill(summary.input_value().replace("  ", " ") + " Tikfout hersteld.")
    page.locator("footer .w-dropdown__toggle").click()
    follow(page, page.get_by_role("button", name="Publiceer als kleine wijziging"))
    assert "gepubliceerd" in page.content()

    page.goto(live_site + "/admin/translation-status/?status=outdated")
    rows = page.locator("table.listing tbody tr").all_inner_texts()
    assert rows and not any(title in row for row in rows), rows
    # The same page after an ordinary publish is outdated: the check above can fail.
    page.goto(live_site + f"/admin/pages/{page_id}/edit/")
    summary.fill(summary.input_value() + " Nieuwe regel.")
    page.locator("footer .w-dropdown__toggle").click()
    follow(page, page.get_by_role("button", name="Publiceren"))
    page.goto(live_site + "/admin/translation-status/?status=outdated")
    rows = page.locator("table.listing tbody tr").all_inner_texts()
    assert any(title in row for row in rows), rows
    context.close()
