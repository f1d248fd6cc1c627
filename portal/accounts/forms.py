import logging

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm

from ..core.ratelimit import DAY, over_limit, over_limit_for

logger = logging.getLogger(__name__)
HOUR = 60 * 60
# Reset e-mails per account per day, and per client address per hour.
PER_ACCOUNT = 3
PER_ADDRESS = 5


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if self.device is None:
            raise forms.ValidationError(_("Two-step login is not turned on for this account."))
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Wait a minute and try again."))
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(_("This code is not right. Enter the current code."))
        return token


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset, sending at most a few e-mails per account and per client
    address (counted in the cache, see core.ratelimit), so the form cannot be used to flood an
    editor's mailbox or the mail server. Over the limit, the answer looks exactly the same
    (no e-mail is sent), so it tells nobody which addresses have accounts."""

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        over_account = over_limit_for("password-reset-account", email, PER_ACCOUNT, DAY)
        over_address = request is not None and over_limit(
            request, "password-reset-address", PER_ADDRESS, HOUR
        )
        if over_account or over_address:
            logger.warning("password reset e-mail not sent: rate limit")
            return
        super().save(*args, request=request, **kwargs)
