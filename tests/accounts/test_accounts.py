"""Editor accounts: lock-out after repeated failed logins, password rules, two-step login."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-password-for-tests-1"
LOGIN = "/admin/login/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("eva", password=PASSWORD, is_superuser=True)


def log_in(client, password, username="eva", address="203.0.113.7", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=headers.pop("language", "en"),
        **headers,
    )


def fail(client, times, **kwargs):
    for _ in range(times):
        response = log_in(client, "wrong-password", **kwargs)
        assert response.status_code in (200, 429)
    return response


def unthrottle(device):
    """django-otp makes a device wait after a wrong code; tests need not wait."""
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()


def code_for(device, offset=0):
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{code:06d}"


# Lock-out


def test_five_failures_lock_the_account_out_from_that_address(client, editor):
    assert fail(client, 4).status_code == 200
    locked = fail(client, 1)
    assert locked.status_code == 429
    assert "15 minutes" in locked.content.decode()
    # Even the right password does not get in while locked out.
    assert log_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_out_message_is_in_the_admins_language(client, editor):
    locked = fail(client, 5, language="pl")
    assert locked.status_code == 429
    assert 'lang="pl"' in locked.content.decode()
    assert "15 minut" in locked.content.decode()


def test_another_address_or_user_is_not_locked_out(client, editor):
    fail(client, 5)
    assert log_in(client, PASSWORD, address="198.51.100.9").status_code == 302


def test_the_lock_out_ends_after_the_cool_off(client, editor):
    fail(client, 5)
    assert log_in(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert log_in(client, PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(client, editor):
    fail(client, 4)
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    assert fail(client, 4).status_code == 200


def test_x_forwarded_for_is_ignored_unless_a_proxy_is_configured(client, editor):
    # An attacker cannot escape the lock-out by inventing a new address for every try.
    for number in range(5):
        log_in(client, "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    assert log_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="10.0.0.99").status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_adds_is_used(client, editor):
    # The client wrote the first entry itself; our proxy appended the real address.
    for _ in range(5):
        log_in(client, "wrong", address="10.1.1.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.50")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.50"
    blocked = log_in(
        client, PASSWORD, address="10.1.1.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.50"
    )
    assert blocked.status_code == 429
    other = log_in(client, PASSWORD, address="10.1.1.1", HTTP_X_FORWARDED_FOR="203.0.113.51")
    assert other.status_code == 302


# Passwords


@pytest.mark.parametrize("password", ["short-pw-1", "password1234", "123456789012345"])
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_long_unusual_password_is_accepted(editor):
    validate_password("tulips-and-bicycles-2026", user=editor)


def test_the_admin_password_form_enforces_the_rules(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "short-pw-1",
            "password-new_password2": "short-pw-1",
        },
    )
    assert response.status_code == 200
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


# Two-step login


def enrol(client, editor):
    client.force_login(editor)
    page = client.get("/admin/two-factor/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post("/admin/two-factor/", {"token": "000000"}).status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    unthrottle(device)
    response = client.post("/admin/two-factor/", {"token": code_for(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_a_used_code_cannot_be_used_again(client, editor):
    device = enrol(client, editor)
    client.logout()
    log_in(client, PASSWORD)
    # The code that confirmed the device was used; a replay is refused.
    device.refresh_from_db()
    used = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    used.time = device.last_t * device.step + device.t0
    response = client.post("/admin/two-factor/verify/", {"token": f"{used.token():06d}"})
    assert response.status_code == 200
    assert response.context["form"].errors["token"]


def test_an_editor_turns_two_step_login_on_with_a_code(client, editor):
    enrol(client, editor)
    # The session that confirmed the device counts as verified.
    assert client.get("/admin/").status_code == 200


def test_after_the_password_the_admin_asks_for_the_code(client, editor):
    device = enrol(client, editor)
    client.logout()
    assert log_in(client, PASSWORD).status_code == 302
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/verify/?next=")
    assert client.get("/desk/")["Location"].startswith("/admin/two-factor/verify/")
    wrong = client.post("/admin/two-factor/verify/", {"token": "123456", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["token"]
    assert client.get("/admin/pages/").status_code == 302
    unthrottle(device)
    right = client.post(
        "/admin/two-factor/verify/", {"token": code_for(device, 1), "next": "/admin/pages/"}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_the_verify_page_does_not_redirect_elsewhere(client, editor):
    device = enrol(client, editor)
    client.logout()
    log_in(client, PASSWORD)
    response = client.post(
        "/admin/two-factor/verify/", {"token": code_for(device, 1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_wrong_codes_are_throttled(client, editor):
    device = enrol(client, editor)
    client.logout()
    log_in(client, PASSWORD)
    for _ in range(3):
        client.post("/admin/two-factor/verify/", {"token": "000000"})
    # Even the right code waits until the throttle delay has passed.
    response = client.post("/admin/two-factor/verify/", {"token": code_for(device, 1)})
    assert response.status_code == 200
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")


def test_turning_it_off_needs_a_code(client, editor):
    device = enrol(client, editor)
    assert client.post("/admin/two-factor/", {"token": "000000"}).status_code == 200
    assert TOTPDevice.objects.filter(user=editor).exists()
    unthrottle(device)
    assert client.post("/admin/two-factor/", {"token": code_for(device, 1)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_without_a_device_no_code_is_asked(client, editor):
    assert log_in(client, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(REQUIRE_2FA_FOR="superusers")
def test_when_required_superusers_must_set_it_up_first(client, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/two-factor/?next=")
    assert client.get("/admin/two-factor/").status_code == 200
    # Other editors may still choose.
    other = get_user_model().objects.create_user("otto", password=PASSWORD)
    other.groups.add(Group.objects.get(name="Editors: Nederlands"))
    client.force_login(other)
    assert client.get("/admin/").status_code == 200


def test_before_the_code_a_login_only_page_stays_closed(client, editor, site_pages):
    from wagtail.models import PageViewRestriction

    guide = site_pages["healthcare/health-insurance"]["pl"]
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    device = enrol(client, editor)
    client.logout()
    log_in(client, PASSWORD)
    assert client.get(guide.url).status_code == 302  # to the login, as for anyone
    unthrottle(device)
    client.post("/admin/two-factor/verify/", {"token": code_for(device, 1)})
    assert client.get(guide.url).status_code == 200


def test_the_verify_page_can_load_its_icons_and_strings(client, editor):
    """Found in the browser: the icon sprite answered with the verify page, shown twice."""
    enrol(client, editor)
    client.logout()
    log_in(client, PASSWORD)
    assert client.get("/admin/pages/").status_code == 302
    sprite = client.get("/admin/sprite/")
    assert sprite.status_code == 200
    assert "<svg" in sprite.content.decode()
    assert client.get("/admin/jsi18n/").status_code == 200
