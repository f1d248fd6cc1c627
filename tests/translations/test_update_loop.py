"""The update loop: each language's editor takes in the latest Dutch for that language alone;
changed pieces keep their previous translation, marked for review; a live translation never
shows Dutch it did not show before; inline tags are checked (editor and PO files)."""

import json
import re
from html import unescape
from urllib.parse import urlencode

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from portal.translations import status
from portal.translations.models import PieceReview

pytestmark = pytest.mark.django_db
GUIDE = "housing/renting-your-rights"
TARGETS = ["en", "pl", "ro", "bg"]
EDITORS = {
    "en": "Editors: English",
    "pl": "Editors: Polski",
    "ro": "Editors: Română",
    "bg": "Editors: Български",
}
NEW_DUTCH = "Vanaf 2027 geldt een nieuwe huurregel."


def editor(code):
    user = get_user_model().objects.create_user(username=f"editor-{code}", password="x")
    user.groups.add(Group.objects.get(name=EDITORS[code]))
    return user


def change_dutch_summary(page):
    """The Moderator rewrites the summary (one piece) and publishes."""
    old = page.summary
    page.summary = f"{old.rstrip('.')} — {NEW_DUTCH}"
    page.save_revision().publish()
    return old


def cell(page, code):
    return status.status_matrix(type(page).objects.filter(pk=page.pk), [code])[0].cells[code]


def live_summary(page):
    return Page.objects.get(pk=page.pk).specific.summary


def translation_for(site_pages, code):
    return Translation.objects.get(
        source__object_id=site_pages[GUIDE]["nl"].translation_key,
        target_locale=site_pages[GUIDE][code].locale,
    )


def summary_translation(site_pages, code):
    translation = translation_for(site_pages, code)
    segment = StringSegment.objects.get(source=translation.source, context__path="summary")
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )


def snapshot(site_pages, code):
    """What readers and editors of a language have: live page, its status, its texts."""
    page = Page.objects.get(pk=site_pages[GUIDE][code].pk)
    texts = set(
        StringTranslation.objects.filter(
            locale=page.locale, context__object_id=page.translation_key
        ).values_list("data", flat=True)
    )
    state = cell(site_pages[GUIDE]["nl"], code).status
    return page.live_revision_id, page.specific.summary, state, texts


@pytest.mark.parametrize("code", TARGETS)
def test_taking_in_changes_only_this_language(code, client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    change_dutch_summary(dutch)
    others = {other: snapshot(site_pages, other) for other in TARGETS if other != code}
    assert {other[2] for other in others.values()} == {status.OUTDATED}
    client.force_login(editor(code))

    response = client.post(f"/admin/translation-status/take-in/{site_pages[GUIDE][code].pk}/")

    assert response.status_code == 302
    assert cell(dutch, code).status == status.IN_PROGRESS  # the kept piece awaits review
    for other, before in others.items():
        after = snapshot(site_pages, other)
        assert after[:3] == before[:3], other
        # The other language's own texts are all still there (the kept piece is a copy).
        assert before[3] <= after[3]


def test_other_language_cannot_take_in(client, site_pages):
    change_dutch_summary(site_pages[GUIDE]["nl"])
    client.force_login(editor("pl"))
    response = client.post(f"/admin/translation-status/take-in/{site_pages[GUIDE]['ro'].pk}/")
    assert response.status_code in (302, 403) and response.get("Location") != (
        f"/admin/pages/{site_pages[GUIDE]['ro'].pk}/edit/"
    )
    assert cell(site_pages[GUIDE]["nl"], "ro").status == status.OUTDATED


def test_changed_piece_keeps_previous_translation_for_review(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    polish = site_pages[GUIDE]["pl"]
    old_polish = polish.summary
    old_dutch = change_dutch_summary(dutch)
    client.force_login(editor("pl"))
    client.post(f"/admin/translation-status/take-in/{polish.pk}/")

    kept = summary_translation(site_pages, "pl")
    assert kept.data == old_polish
    assert PieceReview.objects.get(translation=kept).previous_source == old_dutch

    page = client.get(f"/admin/translation-status/review/{translation_for(site_pages, 'pl').pk}/")
    html = page.content.decode()
    assert old_polish in html  # the previous translation, filled in
    assert "<ins>" in html and "huurregel." in html  # the word diff of the Dutch change

    client.post(
        f"/admin/translation-status/review/{translation_for(site_pages, 'pl').pk}/",
        {f"piece-{kept.pk}": old_polish + " Od 2027 obowiązuje nowa zasada."},
    )
    assert not PieceReview.objects.filter(translation=kept).exists()
    assert cell(dutch, "pl").status == status.UP_TO_DATE


def test_new_piece_starts_empty(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    dutch.seo_title = "Huren: uw rechten"
    dutch.save_revision().publish()
    client.force_login(editor("pl"))
    client.post(f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/")
    translation = translation_for(site_pages, "pl")
    segment = StringSegment.objects.filter(
        source=translation.source, string__data="Huren: uw rechten"
    ).first()
    if segment is None:
        pytest.skip("seo_title is not a translatable field of this page type")
    assert not StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale
    ).exists()


def test_publishing_with_pieces_to_review_asks_first_and_shows_no_new_dutch(
    client, site_pages, django_capture_on_commit_callbacks
):
    dutch = site_pages[GUIDE]["nl"]
    polish = site_pages[GUIDE]["pl"]
    old_polish = polish.summary
    change_dutch_summary(dutch)
    client.force_login(editor("pl"))
    client.post(f"/admin/translation-status/take-in/{polish.pk}/")
    before = Page.objects.get(pk=polish.pk).live_revision_id

    asked = client.post(f"/admin/pages/{polish.pk}/edit/", {"action": "publish"})
    html = asked.content.decode()
    assert asked.status_code == 200 and "confirm_incomplete" in html and NEW_DUTCH in html
    assert Page.objects.get(pk=polish.pk).live_revision_id == before

    with django_capture_on_commit_callbacks(execute=True):  # localize publishes on commit
        client.post(
            f"/admin/pages/{polish.pk}/edit/", {"action": "publish", "confirm_incomplete": "1"}
        )
    assert Page.objects.get(pk=polish.pk).live_revision_id != before
    assert live_summary(polish) == old_polish  # the kept translation, not the new Dutch
    reader = client.get(polish.url).content.decode()
    assert NEW_DUTCH not in reader


def test_other_language_published_later_keeps_its_own_text(
    client, site_pages, django_capture_on_commit_callbacks
):
    """Polish takes in the change; the Bulgarian editor publishes without taking it in: the
    live Bulgarian page keeps its Bulgarian text, and Bulgarian stays outdated."""
    dutch = site_pages[GUIDE]["nl"]
    bulgarian = site_pages[GUIDE]["bg"]
    old_bulgarian = bulgarian.summary
    change_dutch_summary(dutch)
    client.force_login(editor("pl"))
    client.post(f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/")

    client.force_login(editor("bg"))
    before = Page.objects.get(pk=bulgarian.pk).live_revision_id
    with django_capture_on_commit_callbacks(execute=True):  # localize publishes on commit
        client.post(
            f"/admin/pages/{bulgarian.pk}/edit/", {"action": "publish", "confirm_incomplete": "1"}
        )
    assert Page.objects.get(pk=bulgarian.pk).live_revision_id != before
    assert live_summary(bulgarian) == old_bulgarian
    assert NEW_DUTCH not in client.get(bulgarian.url).content.decode()
    assert cell(dutch, "bg").status == status.OUTDATED


def download_po(client, translation):
    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload_po(client, translation, po):
    return client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/?next=/admin/pages/",
        {"file": SimpleUploadedFile("x.po", str(po).encode())},
        follow=True,
    )


def test_po_round_trip_marks_fuzzy_and_upload_clears_it(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    old_dutch = change_dutch_summary(dutch)
    client.force_login(editor("pl"))
    client.post(f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/")
    translation = translation_for(site_pages, "pl")

    po = download_po(client, translation)
    entry = next(e for e in po if e.msgctxt == "summary")
    assert "fuzzy" in entry.flags and entry.previous_msgid == old_dutch
    assert "#, fuzzy" in str(po) and "#| msgid" in str(po)
    entry.flags.remove("fuzzy")
    entry.msgstr = "Poprawione tłumaczenie."
    upload_po(client, translation, po)

    assert summary_translation(site_pages, "pl").data == "Poprawione tłumaczenie."
    assert not PieceReview.objects.filter(translation__locale__language_code="pl").exists()


def linked_piece(translation):
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        if '<a id="' in segment.string.data:
            return segment
    pytest.skip("no piece with a link in this page")


def test_pieces_show_placeholders_and_tag_mismatch_is_refused(client, site_pages):
    client.force_login(editor("ro"))
    translation = translation_for(site_pages, "ro")
    segment = linked_piece(translation)
    existing = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )

    po = download_po(client, translation)
    entry = next(e for e in po if e.msgctxt == segment.context.path and "<1>" in e.msgid)
    assert '<a id="' not in entry.msgid and "<1>" in entry.msgstr

    # Save in the editor without the link: refused, in the editor's language (Romanian).
    profile = UserProfile.get_for_user(get_user_model().objects.get(username="editor-ro"))
    profile.preferred_language = "ro"
    profile.save()
    without_link = re.sub(r"</?\d+>", "", entry.msgstr)
    refused = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=f"value={without_link}",
        content_type="application/x-www-form-urlencoded",
    )
    assert refused.status_code == 400
    existing.refresh_from_db()
    assert '<a id="' in existing.data

    # The same in a PO file: refused, naming the page and the piece; nothing changes.
    entry.msgstr = without_link
    html = upload_po(client, translation, po).content.decode()
    existing.refresh_from_db()
    assert '<a id="' in existing.data
    assert segment.context.path in html

    # With the placeholders in place the piece is saved with the real link.
    entry.msgstr = re.sub(r"<1>", "<1>", entry.msgid)  # the Dutch text, tags intact
    upload_po(client, translation, po)
    existing.refresh_from_db()
    assert '<a id="' in existing.data and "<1>" not in existing.data


def editor_props(client, page):
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    return json.loads(
        unescape(re.search(r'class="js-translation-editor" data-props="([^"]*)"', html)[1])
    )


def test_the_translation_editor_shows_placeholders_and_saves_tags(client, site_pages):
    client.force_login(editor("pl"))
    translation = translation_for(site_pages, "pl")
    segment = linked_piece(translation)
    props = editor_props(client, site_pages[GUIDE]["pl"])

    shown = next(piece for piece in props["segments"] if piece.get("id") == segment.pk)
    assert "<1>" in shown["source"] and "</1>" in shown["source"]
    assert "<a " not in shown["source"]
    polish = next(t for t in props["initialStringTranslations"] if t["segment_id"] == segment.pk)
    assert "<1>" in polish["data"] and "<a " not in polish["data"]
    # Pieces without tags are shown as they are.
    plain = [p for p in props["segments"] if p.get("type") == "string" and "<" not in p["source"]]
    assert plain

    # What the editor sends back (placeholders) is stored with the Dutch piece's real tags,
    # and the editor goes on showing placeholders.
    edited = polish["data"].replace("<1>", "<1>Nowy link: ", 1)
    saved = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        data=urlencode({"value": edited}),
        content_type="application/x-www-form-urlencoded",
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["data"] == edited
    stored = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    )
    assert (
        "Nowy link: " in stored.data and '<a id="a1">' in stored.data and "<1>" not in stored.data
    )


def test_dashboard_opens_on_own_language_and_offers_take_in(client, site_pages):
    change_dutch_summary(site_pages[GUIDE]["nl"])
    client.force_login(editor("pl"))
    html = client.get("/admin/translation-status/").content.decode()
    assert f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/" in html
    assert f"/admin/translation-status/take-in/{site_pages[GUIDE]['ro'].pk}/" not in html
    form = client.get(f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/")
    assert form.status_code == 200 and "<form" in form.content.decode()
