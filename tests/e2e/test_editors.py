"""A Polish editor in the admin: sees the outdated page, translates it through PO files,
publishes, and the status turns up to date; a Romanian page stays closed to them. A Bulgarian
editor's translation editor speaks Bulgarian, also where wagtail-localize's script writes
English or Dutch."""

import zipfile

import polib
import pytest

from tests.serving import manage

from .navigation import follow, log_in
from .seed import seed

pytestmark = pytest.mark.e2e
PASSWORD = "a-long-test-password-42"  # noqa: S105


@pytest.fixture(scope="module")
def polish_editor(live_site, server_env):
    env, _port = server_env
    manage(env, "setup_roles")
    return seed(env, "polish_editor", PASSWORD)


def test_polish_editor_brings_an_outdated_translation_up_to_date(
    live_site, browser, polish_editor, tmp_path
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    log_in(page, polish_editor["username"], PASSWORD, login_url=live_site + "/admin/login/")
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
    editor = seed(env, "dutch_editor", PASSWORD)
    page_id, title = editor["page_id"], editor["title"]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    log_in(page, editor["username"], PASSWORD, login_url=live_site + "/admin/login/")

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


def test_bulgarian_editor_gets_the_translation_editor_in_bulgarian(live_site, browser, server_env):
    env, _port = server_env
    manage(env, "setup_roles")
    editor = seed(env, "bulgarian_editor", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="bg-BG")
    page = context.new_page()
    log_in(page, editor["username"], PASSWORD, login_url=live_site + "/admin/login/")

    page.goto(live_site + f"/admin/pages/{editor['page_id']}/edit/")
    # The section heading localize writes in English in its script, replaced once drawn.
    heading = page.locator(".js-translation-editor h3").first
    heading.wait_for()
    page.wait_for_function(
        "() => document.querySelector('.js-translation-editor h3').textContent.startsWith('Превод')"
    )
    assert heading.inner_text() == "Превод: Nederlands → Български"
    assert " translation" not in page.locator(".js-translation-editor").inner_text()
    # "Publish in " + language name, with its space, in Bulgarian (not Dutch "Publiceer in").
    editor_text = page.locator(".js-translation-editor").text_content()
    assert "Публикуване: Български" in editor_text, editor_text[-1500:]
    assert "Publiceer" not in editor_text
    context.close()


def open_polish_translation(live_site, browser, server_env, key):
    env, _port = server_env
    manage(env, "setup_roles")
    editor = seed(env, "polish_translator", PASSWORD, key)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page = context.new_page()
    log_in(page, editor["username"], PASSWORD, login_url=live_site + "/admin/login/")
    page.goto(live_site + f"/admin/pages/{editor['page_id']}/edit/")
    return context, page, editor


def open_piece(page, source_text):
    """Open a piece of the translation editor for typing (its only button is Edit); its box.
    A piece is a list item headed by its Dutch text; a block's list item holds several."""
    piece = page.locator(".js-translation-editor li:has(> p)").filter(has_text=source_text)
    piece.first.locator("button").last.click()
    box = piece.first.locator("textarea")
    box.wait_for()
    return box


def test_publishing_saves_the_piece_still_being_typed(live_site, browser, server_env):
    """Issue 17: publishing with a piece open used to ask "Leave site?" and, when accepted,
    published without the typed text. The open piece is now saved first; no dialog."""
    context, page, editor = open_polish_translation(
        live_site, browser, server_env, "rights/sick-pay"
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.accept()))

    box = open_piece(page, editor["dutch_title"])
    box.fill("Wynagrodzenie chorobowe: zdanie wpisane, niezapisane")
    follow(page, page.locator(".js-translation-editor footer button[value=publish]"))
    assert dialogs == []

    page.goto(live_site + editor["url"])
    assert "Wynagrodzenie chorobowe: zdanie wpisane, niezapisane" in page.content()
    context.close()


def test_publishing_stops_when_the_open_piece_cannot_be_saved(live_site, browser, server_env):
    """A piece the server refuses (here its link left out) is not published: the editor is told
    which piece, in Polish, and the typed text stays on screen."""
    context, page, editor = open_polish_translation(
        live_site, browser, server_env, "healthcare/healthcare-allowance"
    )
    box = open_piece(page, "wat voor jou geldt")
    box.fill("Masz partnera? Sprawdź na stronie bez linku")
    page.locator(".js-translation-editor footer button[value=publish]").click()

    refusal = page.locator("[data-unsaved-refusal]")
    refusal.wait_for()
    assert "Nie udało się zapisać fragmentu „" in refusal.inner_text()
    assert "„Hoe hoger je inkomen, hoe minder" in refusal.inner_text()
    assert "/edit/" in page.url
    editor_text = page.locator(".js-translation-editor").inner_text()
    assert "Masz partnera? Sprawdź na stronie bez linku" in editor_text

    page.goto(live_site + editor["url"])
    assert "bez linku" not in page.content()
    context.close()


# The live Romanian and Bulgarian "losing your job" pages: their own sentence for the paragraph
# the Moderator changes.
OWN_TEXT = {
    "ro": "Cereți repede indemnizația de șomaj și verificați ultimul salariu.",
    "bg": "Бързо подайте заявление за обезщетение за безработица и проверете последната си "
    "заплата.",
}


def assert_other_languages_untouched(page, live_site, story):
    for code, own in OWN_TEXT.items():
        page.goto(live_site + story["urls"][code])
        assert page.locator("html").get_attribute("lang") == code
        main = page.locator("main").inner_text()
        assert own in main, (code, main[:2000])
        assert story["old"] not in main and story["new"] not in main, code
        # Still marked outdated for its readers.
        assert page.locator(".translation-notice").count() == 1, code


def test_polish_editor_takes_in_a_changed_dutch_paragraph(live_site, browser, server_env):
    """Issue 17's "done means": the Moderator changes one paragraph of a Dutch guide and
    publishes; the Polish editor sees it on her dashboard, takes in the latest Dutch, finds her
    old Polish beside the change, edits, publishes. Romanian and Bulgarian stay as they were."""
    env, _port = server_env
    manage(env, "setup_roles")
    story = seed(env, "changed_guide", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page = context.new_page()
    assert_other_languages_untouched(page, live_site, story)

    log_in(page, story["username"], PASSWORD, login_url=live_site + "/admin/login/")
    take_in = page.locator(f"a[href$='/translation-status/take-in/{story['polish_id']}/']")
    assert take_in.count() >= 1, page.content()[-4000:]
    follow(page, take_in.first)
    form = page.locator("form[method=post]").filter(has=page.locator("a.button-secondary"))
    follow(page, form.locator("button[type=submit]"))

    # The review: her old Polish kept for the changed piece, the Dutch change shown.
    assert "/translation-status/review/" in page.url, page.url
    assert "loonstrook" in page.locator("main").inner_text()
    box = page.locator("textarea[lang=pl]").filter(
        has_text="Szybko złóż wniosek o zasiłek dla bezrobotnych i sprawdź ostatnią wypłatę."
    )
    assert box.count() == 1, page.content()[-4000:]
    box.fill("Szybko złóż wniosek o zasiłek dla bezrobotnych i sprawdź ostatni pasek wypłaty.")
    follow(page, page.locator("form:has(textarea[lang=pl]) button[type=submit]"))
    follow(page, page.locator(".js-translation-editor footer button[value=publish]"))

    assert_other_languages_untouched(page, live_site, story)
    page.goto(live_site + story["urls"]["pl"])
    assert page.locator("html").get_attribute("lang") == "pl"
    main = page.locator("main").inner_text()
    assert "sprawdź ostatni pasek wypłaty." in main, main[:3000]
    assert story["new"] not in main
    assert page.locator(".translation-notice").count() == 0
    context.close()
