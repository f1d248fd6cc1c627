"""wagtail-localize's views act only on languages whose tree the user may publish in.

The attack (hardening round two, finding 1): the Polish editor synced and published the
English, Romanian and Bulgarian translations through "Sync translated pages", and created live
Romanian and English pages through "Translate this page". Then the full matrix: every editor
group × every localize view an editor can reach × every target language.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

pytestmark = pytest.mark.django_db
GUIDE = "rights/sick-pay"
TARGETS = ["en", "pl", "ro", "bg"]
GROUPS = {
    "Editors: Nederlands": set(),
    "Editors: English": {"en"},
    "Editors: Polski": {"pl"},
    "Editors: Română": {"ro"},
    "Editors: Български": {"bg"},
    "Moderators": set(TARGETS),
}


def user_in(group_name):
    user = get_user_model().objects.create_user(
        username=group_name.lower().replace(" ", "-").replace(":", ""), password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def latest_revisions(site_pages):
    return {
        code: Page.objects.get(pk=site_pages[GUIDE][code].pk).latest_revision_id for code in TARGETS
    }


def source_of(site_pages):
    return TranslationSource.objects.get_for_instance(site_pages[GUIDE]["nl"])


def test_attack_polish_editor_cannot_sync_and_publish_other_languages(client, site_pages):
    source = source_of(site_pages)
    client.force_login(user_in("Editors: Polski"))
    before = latest_revisions(site_pages)

    listing = client.get(f"/admin/localize/update/{source.pk}/").content.decode()
    assert "Polski" in listing
    assert "Română" not in listing and "Български" not in listing

    client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    after = latest_revisions(site_pages)
    assert after["pl"] != before["pl"]
    assert {code: after[code] for code in ("en", "ro", "bg")} == {
        code: before[code] for code in ("en", "ro", "bg")
    }


def test_attack_polish_editor_cannot_create_romanian_or_english_pages(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    site_pages[GUIDE]["ro"].delete()
    site_pages[GUIDE]["en"].delete()
    client.force_login(user_in("Editors: Polski"))
    locales = [Locale.objects.get(language_code=code).pk for code in ("ro", "en")]

    response = client.post(f"/admin/localize/submit/page/{dutch.pk}/", {"locales": locales})

    assert response.status_code in (200, 302, 403)
    assert not Page.objects.filter(
        translation_key=dutch.translation_key, locale__language_code__in=["ro", "en"]
    ).exists()


# --- the matrix -----------------------------------------------------------------------------


def allowed(group, code):
    return code in GROUPS[group]


def denied(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


@pytest.mark.parametrize("code", TARGETS)
@pytest.mark.parametrize("group", list(GROUPS))
def test_matrix_sync_and_publish(group, code, client, site_pages):
    source = source_of(site_pages)
    client.force_login(user_in(group))
    before = latest_revisions(site_pages)
    response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    if not GROUPS[group]:
        assert denied(response)
    changed = latest_revisions(site_pages)[code] != before[code]
    assert changed == allowed(group, code)


@pytest.mark.parametrize("code", TARGETS)
@pytest.mark.parametrize("group", list(GROUPS))
def test_matrix_sync_page_lists_only_own_languages(group, code, client, site_pages):
    source = source_of(site_pages)
    client.force_login(user_in(group))
    response = client.get(f"/admin/localize/update/{source.pk}/")
    if not GROUPS[group]:
        assert denied(response)
        return
    edit_link = f'href="/admin/pages/{site_pages[GUIDE][code].pk}/edit/"'
    assert (edit_link in response.content.decode()) == allowed(group, code)


@pytest.mark.parametrize("code", TARGETS)
@pytest.mark.parametrize("group", list(GROUPS))
def test_matrix_translate_this_page(group, code, client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    site_pages[GUIDE][code].delete()
    client.force_login(user_in(group))
    locale = Locale.objects.get(language_code=code)

    form = client.get(f"/admin/localize/submit/page/{dutch.pk}/")
    offered = form.status_code == 200 and f'value="{locale.pk}"' in form.content.decode()
    assert offered == allowed(group, code)

    client.post(f"/admin/localize/submit/page/{dutch.pk}/", {"locales": [locale.pk]})
    created = Page.objects.filter(translation_key=dutch.translation_key, locale=locale).exists()
    assert created == allowed(group, code)


@pytest.mark.parametrize("code", TARGETS)
@pytest.mark.parametrize("group", list(GROUPS))
def test_matrix_translation_editor_views(group, code, client, site_pages):
    """Editing a piece, PO upload and download, stopping the translation, publishing from the
    translation editor and converting to an alias: only in one's own language."""
    target = site_pages[GUIDE][code]
    source = source_of(site_pages)
    translation = Translation.objects.get(source=source, target_locale=target.locale)
    segment = source.stringsegment_set.first()
    client.force_login(user_in(group))
    ok = allowed(group, code)
    prefix = f"/admin/localize/translate/{translation.pk}"

    put = client.put(
        f"{prefix}/strings/{segment.pk}/edit/",
        data="value=Nowy+tekst",
        content_type="application/x-www-form-urlencoded",
    )
    assert (put.status_code == 200) == ok, ("edit piece", put.status_code)

    download = client.get(f"{prefix}/pofile/download/")
    assert (download.status_code == 200) == ok, ("download", download.status_code)

    po_file = str(translation.export_po()).encode()
    upload = client.post(
        f"{prefix}/pofile/upload/?next=/admin/pages/", {"file": SimpleUploadedFile("x.po", po_file)}
    )
    assert (not denied(upload)) == ok, ("upload", upload.status_code)

    before = Page.objects.get(pk=target.pk).latest_revision_id
    client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    published = Page.objects.get(pk=target.pk).latest_revision_id != before
    assert published == ok, "publish from the translation editor"

    alias = client.post(f"/admin/localize/page/{target.pk}/convert_to_alias/")
    assert (not denied(alias)) == ok, ("convert to alias", alias.status_code)

    stop = client.post(f"{prefix}/disable/?next=/admin/pages/")
    assert (not denied(stop)) == ok, ("stop", stop.status_code)
