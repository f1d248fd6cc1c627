"""An editor with two-step login in a real browser: password, then the code from the app."""

import pytest
from django_otp.oath import TOTP

from .navigation import log_in
from .seed import seed

pytestmark = pytest.mark.e2e
PASSWORD = "a-long-test-password-for-otp-42"  # noqa: S105


@pytest.fixture(scope="module")
def device_key(live_site, server_env):
    env, _port = server_env
    return bytes.fromhex(seed(env, "otp_editor", PASSWORD)["key"])


def send_code(page, code):
    field = page.locator("input[name=token]")
    field.fill(code)
    with page.expect_navigation():
        field.press("Enter")


def test_the_admin_asks_for_the_code_after_the_password(live_site, browser, device_key):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    page = context.new_page()
    log_in(page, "otp-editor", PASSWORD, login_url=live_site + "/admin/login/?next=/admin/pages/")
    assert page.url.startswith(live_site + "/admin/two-factor/verify/")
    assert page.get_by_role("heading", name="Logowanie dwuetapowe").first.is_visible()

    send_code(page, "000000")
    text = page.locator("body").inner_text()
    assert "Ten kod jest nieprawidłowy" in text, text
    page.goto(live_site + "/desk/")
    assert page.url.startswith(live_site + "/admin/two-factor/verify/")

    page.wait_for_timeout(1100)  # django-otp lets a wrong code wait a second
    code = TOTP(device_key, drift=1).token()
    send_code(page, f"{code:06d}")
    assert page.url == live_site + "/desk/"
    page.goto(live_site + "/admin/pages/")
    assert page.url == live_site + "/admin/pages/"
    context.close()
