"""Two-step login for editors with django-otp's time-based codes (TOTP, any authenticator app).

An editor turns it on in their account (a QR code to scan, then one code to confirm). From then
on, after the password, the admin and the desk ask for the current code before anything else.
settings.REQUIRE_2FA_FOR makes it compulsory: "superusers" or "all" editors.
"""

import segno
from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator"


def confirmed_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def has_confirmed_device(user):
    return user_has_device(user, confirmed=True)


def required_for(user):
    """Whether this user may not work without a second step (settings.REQUIRE_2FA_FOR)."""
    scope = getattr(settings, "REQUIRE_2FA_FOR", "")
    return scope == "all" or (scope == "superusers" and user.is_superuser)


def pending_device(user):
    """The not yet confirmed device of an editor who is turning two-step login on."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_svg(device):
    """The enrolment QR code as inline SVG, made on the server (no image request, no script)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def secret_for_typing(device):
    """The key in base32 groups of four, for apps where the QR code cannot be scanned."""
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
