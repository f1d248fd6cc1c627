"""The daily e-mail to language editors: at most one a day, only their own languages, in their
admin language, never to someone who switched it off, nothing recorded when the send fails."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.users.models import UserProfile

from portal.translations.models import DigestSent, DigestSetting
from tests.factories import publish_change

pytestmark = pytest.mark.django_db
GUIDE = "housing/renting-your-rights"
OTHER_GUIDE = "rights/sick-pay"


def editor(name, *groups, email=True, language=""):
    user = get_user_model().objects.create_user(
        username=name, password="x", email=f"{name}@example.org" if email else ""
    )
    for group in groups:
        user.groups.add(Group.objects.get(name=group))
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def run(at=None):
    """The management command, as cron runs it; `at` moves "now" (a later day)."""
    out = StringIO()
    if at is None:
        call_command("send_translation_digest", stdout=out)
    else:
        from unittest import mock

        with mock.patch("django.utils.timezone.now", return_value=at):
            call_command("send_translation_digest", stdout=out)
    return out.getvalue()


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_each_editor_gets_one_mail_listing_only_their_languages(site_pages):
    polish = editor("pl-editor", "Editors: Polski", language="pl")
    romanian = editor("ro-editor", "Editors: Română", language="ro")
    dutch = editor("nl-editor", "Editors: Nederlands")
    publish_change(site_pages[GUIDE]["nl"])

    run()

    [to_polish] = mails_to(polish)
    assert site_pages[GUIDE]["pl"].title in to_polish.body
    assert site_pages[GUIDE]["nl"].title in to_polish.body
    for other in ("ro", "bg", "en"):
        assert site_pages[GUIDE][other].title not in to_polish.body
    # The link takes her to where she takes in the new Dutch, which she may open.
    assert f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/" in to_polish.body
    [to_romanian] = mails_to(romanian)
    assert site_pages[GUIDE]["ro"].title in to_romanian.body
    assert site_pages[GUIDE]["pl"].title not in to_romanian.body
    # The Dutch editors write the source: nothing of theirs is outdated.
    assert mails_to(dutch) == []


def test_a_second_run_the_same_day_sends_nothing(site_pages):
    polish = editor("pl-editor", "Editors: Polski")
    publish_change(site_pages[GUIDE]["nl"])
    run()
    assert len(mails_to(polish)) == 1

    # Another change the same day waits for tomorrow's e-mail.
    publish_change(site_pages[OTHER_GUIDE]["nl"])
    run()
    assert len(mails_to(polish)) == 1
    assert DigestSent.objects.filter(user=polish).count() == 1

    tomorrow = timezone.now() + timedelta(days=1)
    run(at=tomorrow)
    assert len(mails_to(polish)) == 2
    second = mails_to(polish)[1].body
    # Only what changed since the last e-mail: the sick-pay guide, not the renting guide again.
    assert site_pages[OTHER_GUIDE]["pl"].title in second
    assert site_pages[GUIDE]["pl"].title not in second
    run(at=tomorrow + timedelta(minutes=5))
    assert len(mails_to(polish)) == 2


def test_nothing_outdated_no_mail(site_pages):
    editor("pl-editor", "Editors: Polski")
    run()
    assert mail.outbox == []
    assert not DigestSent.objects.exists()


def test_a_page_already_taken_in_is_not_listed(client, site_pages):
    polish = editor("pl-editor", "Editors: Polski")
    publish_change(site_pages[GUIDE]["nl"])
    client.force_login(polish)
    client.post(f"/admin/translation-status/take-in/{site_pages[GUIDE]['pl'].pk}/")
    run()
    assert mails_to(polish) == []


def test_switched_off_in_account_settings_means_no_mail(client, site_pages):
    polish = editor("pl-editor", "Editors: Polski")
    romanian = editor("ro-editor", "Editors: Română")
    client.force_login(polish)
    settings_page = client.get("/admin/account/").content.decode()
    [box] = re.findall(
        r'<input[^>]*name="translation_digest-translation_digest"[^>]*>', settings_page
    )
    assert "checked" in box  # on unless switched off
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Ola",
            "name_email-last_name": "Nowak",
            "name_email-email": polish.email,
            "locale-preferred_language": "pl",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
            # The box left unticked: no e-mail.
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DigestSetting.objects.get(user=polish).translation_digest is False

    publish_change(site_pages[GUIDE]["nl"])
    run()
    assert mails_to(polish) == []
    assert len(mails_to(romanian)) == 1


def test_people_without_a_language_group_or_address_get_nothing(site_pages):
    editor("moderator", "Moderators")
    editor("staff", "WIN-point staff")
    editor("no-address", "Editors: Polski", email=False)
    get_user_model().objects.create_superuser("root", "root@example.org", "x")
    publish_change(site_pages[GUIDE]["nl"])
    run()
    assert mail.outbox == []


def test_an_editor_of_two_languages_gets_one_mail_with_both(site_pages):
    both = editor("pl-ro-editor", "Editors: Polski", "Editors: Română")
    publish_change(site_pages[GUIDE]["nl"])
    run()
    [message] = mails_to(both)
    assert site_pages[GUIDE]["pl"].title in message.body
    assert site_pages[GUIDE]["ro"].title in message.body
    assert site_pages[GUIDE]["bg"].title not in message.body


@pytest.mark.parametrize(
    ("preferred", "group", "expected"),
    [
        ("pl", "Editors: Polski", "Cześć"),
        ("bg", "Editors: Български", "Здравейте"),
        ("ro", "Editors: Română", "Bună ziua"),
        ("nl", "Editors: Polski", "Hallo"),
        # No preference: the editor's own language.
        ("", "Editors: Polski", "Cześć"),
    ],
)
def test_the_mail_is_in_the_editors_admin_language(preferred, group, expected, site_pages):
    user = editor("someone", group, language=preferred)
    publish_change(site_pages[GUIDE]["nl"])
    run()
    [message] = mails_to(user)
    assert message.body.startswith(expected), message.body
    assert "Hello" not in message.body


def test_a_refused_send_records_nothing_and_is_tried_again(site_pages, settings):
    polish = editor("pl-editor", "Editors: Polski")
    publish_change(site_pages[GUIDE]["nl"])
    from unittest import mock

    with (
        mock.patch(
            "portal.translations.digest.send_mail", side_effect=ConnectionRefusedError("down")
        ),
        pytest.raises(CommandError),
    ):
        run()
    assert not DigestSent.objects.filter(user=polish).exists()
    run()
    assert len(mails_to(polish)) == 1
    assert DigestSent.objects.get(user=polish).items[0]["language"] == "pl"
