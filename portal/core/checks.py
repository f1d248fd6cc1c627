"""System checks of our own. `manage.py check --deploy` runs the ones tagged deploy.

BASE_URL is where QR codes, short links, the sitemap and e-mails point. A wrong or missing
value sends every handout to the wrong address, and nothing else would notice.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register

LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"}  # noqa: S104 (a check, not a bind)


@register(Tags.security, deploy=True)
def base_url_is_public_https(app_configs, **kwargs):
    if not getattr(settings, "BASE_URL_FROM_ENVIRONMENT", False):
        return [
            Warning(
                "BASE_URL is not set: QR codes, short links and the sitemap point to "
                f"{settings.BASE_URL}.",
                hint="Set BASE_URL to the public address, for example https://win.zoetermeer.nl",
                id="portal.W001",
            )
        ]
    address = urlsplit(settings.BASE_URL)
    if address.scheme != "https":
        return [
            Warning(
                f"BASE_URL ({settings.BASE_URL}) does not start with https://: handouts and "
                "short links would send visitors to an unencrypted address.",
                hint="Use the https:// address of the site.",
                id="portal.W002",
            )
        ]
    if (address.hostname or "") in LOCAL_HOSTS:
        return [
            Warning(
                f"BASE_URL ({settings.BASE_URL}) is a local address: visitors' phones cannot "
                "open QR codes and short links made with it.",
                hint="Set BASE_URL to the public address of the site.",
                id="portal.W003",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def email_is_sent(app_configs, **kwargs):
    """Without EMAIL_HOST mail is written to the log: right on a laptop, but in production
    password resets and the translators' daily digest would never arrive."""
    if settings.EMAIL_HOST or "console" not in settings.EMAIL_BACKEND:
        return []
    return [
        Warning(
            "EMAIL_HOST is not set: password resets and the daily translation digest are "
            "written to the log instead of being sent.",
            hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, DEFAULT_FROM_EMAIL).",
            id="portal.W004",
        )
    ]
