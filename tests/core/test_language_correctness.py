"""Language correctness a machine can check: Bulgarian slugs by the official streamlined
transliteration, plurals through ngettext where a number is shown, and language names inside
sentences in the reader's grammar."""

import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from portal.core.languages import in_language
from portal.guides.models import ascii_slug


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Здравна застраховка", "zdravna-zastrahovka"),
        ("Жилище", "zhilishte"),
        ("Данъци и данъчна декларация", "danatsi-i-danachna-deklaratsia"),
        ("Регистрация в общината и BSN", "registratsia-v-obshtinata-i-bsn"),
        ("Работа чрез агенция", "rabota-chrez-agentsia"),
        ("Жилище от работодателя", "zhilishte-ot-rabotodatelya"),
        ("Kinderbijslag en kinderopvangtoeslag", "kinderbijslag-en-kinderopvangtoeslag"),
        ("Asigurarea de sănătate", "asigurarea-de-sanatate"),
    ],
)
def test_bulgarian_slugs_follow_the_streamlined_system(title, slug):
    assert ascii_slug(title) == slug


def test_a_counted_message_agrees_with_its_number_in_romanian():
    with translation.override("ro"):
        one = ngettext(
            "%(count)s text applied to “%(page)s”.", "%(count)s texts applied to “%(page)s”.", 1
        ) % {"count": 1, "page": "X"}
        many = ngettext(
            "%(count)s text applied to “%(page)s”.", "%(count)s texts applied to “%(page)s”.", 25
        ) % {"count": 25, "page": "X"}
    assert one == "1 text aplicat la „X”."
    assert many == "25 de texte aplicate la „X”."


@pytest.mark.parametrize(
    "reader, expected",
    [
        ("ro", "O afișăm în limba engleză."),
        ("pl", "Pokazujemy ją po angielsku."),
        ("bg", "Показваме я на английски."),
        ("nl", "We tonen hem in het Engels."),
    ],
)
def test_the_fallback_notice_names_the_language_as_a_sentence_does(reader, expected):
    with translation.override(reader):
        html = render_to_string(
            "translations/notice.html", {"kind": "fallback", "shown_language": in_language("en")}
        )
    assert expected in html


def one_guide_content(folder, topic, guide):
    """A content folder with the home page, one topic and one of its guides (the loader leaves
    pages that are not in its folder alone; loading all 42 folders took 40 s)."""
    source = Path(settings.BASE_DIR) / "content"
    shutil.copytree(source / "home", folder / "home")
    shutil.copy(source / "facts.yaml", folder / "facts.yaml")
    (folder / topic).mkdir()
    for page in (source / topic).glob("*.md"):
        shutil.copy(page, folder / topic / page.name)
    shutil.copytree(source / topic / guide, folder / topic / guide)
    return folder


@pytest.mark.django_db
def test_a_starting_page_whose_slug_changed_redirects_from_its_old_address(
    client, site_pages, django_capture_on_commit_callbacks, tmp_path
):
    """A site loaded before the slugs followed the streamlined system keeps its old links: the
    next load changes the slug and Wagtail's redirects send the old address to the new one."""
    page = site_pages["rights/agency-work"]["bg"]
    new_url = page.url
    page.slug = "rabota-chrez-agentsiya"
    page.save_revision().publish()
    page.refresh_from_db()
    old_url = page.url
    assert old_url != new_url
    # Wagtail creates the redirect when the slug change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "load_content",
            "--force",
            "--path",
            str(one_guide_content(tmp_path, "rights", "agency-work")),
            stdout=io.StringIO(),
        )
    response = client.get(old_url)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith(new_url)
