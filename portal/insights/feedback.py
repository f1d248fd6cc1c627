"""Reader feedback ("Was this page helpful?"), protected without cookies.

Guide pages are whole-page cached and readers get no cookie (only the optional language
cookie), so Django's cookie-based CSRF token cannot be used. Instead a submission must pass:

1. Same origin: when the browser sends `Sec-Fetch-Site` it must be "same-origin"; when it sends
   `Origin` it must be this site (BASE_URL or the request's own host). Every current browser
   sends at least one of them on a POST, so a form on another site is refused. This is the CSRF
   protection proper.
2. A signed form token (django.core.signing, salted): it names the page and the address the
   form was shown at, so a submission always belongs to a real page, in the language of that
   address (a Polish page's token posted to /ro/feedback/ is refused), and its thank-you
   redirect can only go back to that address (no open redirect). It carries the moment the page
   was *served*: FeedbackTokenMiddleware re-issues it on every page that leaves the site, a
   cached one too, so it is valid for three hours from then and - against scripts that fetch a
   page and post at once - not during its first two seconds.
3. Spam rules that need no third-party service: a honeypot field people never see, a length
   limit and at most one web link in a comment.
4. A rate limit per client (see privacy.py: keyed by a daily HMAC of the address, held only in
   the cache, never stored).
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from .models import FeedbackComment

SALT = "insights.feedback"
TOKEN_MAX_AGE = 3 * 60 * 60
TOKEN_MIN_AGE = 2
MAX_LINKS = 1
LINK = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|nl|pl|ro|bg|ru|net|org|info|xyz)\b", re.I)
HONEYPOT = "website"


def make_token(page_id, path, now=None):
    issued = int(now if now is not None else time.time())
    return signing.dumps([page_id, path, issued], salt=SALT, compress=True)


# The token field as feedback_fields.html writes it; the middleware finds it by this shape.
TOKEN_FIELD = re.compile(rb'(<input type="hidden" name="token" value=")([^"]+)(" data-reissue>)')


def reissue_tokens(content, now=None):
    """The page with each feedback token issued again, now (the page may come from a cache)."""

    def fresh(match):
        found = read_token(match.group(2).decode(), now=now)
        if found is None:
            return match.group(0)
        token = make_token(found[0], found[1], now=now)
        return match.group(1) + token.encode() + match.group(3)

    return TOKEN_FIELD.sub(fresh, content)


def read_token(token, now=None):
    """(page id, path, age in seconds), or None for a token that is forged or malformed."""
    try:
        page_id, path, issued = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(page_id, int) or not isinstance(path, str) or not isinstance(issued, int):
        return None
    return page_id, path, int(now if now is not None else time.time()) - issued


def same_origin(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    allowed = {settings.BASE_URL.rstrip("/"), f"{request.scheme}://{request.get_host()}"}
    return origin in allowed


def safe_path(path, request):
    return path.startswith("/") and url_has_allowed_host_and_scheme(
        path, allowed_hosts={request.get_host()}
    )


class FeedbackForm(forms.Form):
    token = forms.CharField(max_length=500)
    helpful = forms.ChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        error_messages={
            "required": _("Please choose Yes or No."),
            "invalid_choice": _("Please choose Yes or No."),
        },
    )
    comment = forms.CharField(
        required=False,
        max_length=FeedbackComment.MAX_LENGTH,
        error_messages={
            "max_length": _("Please keep your comment under %(limit_value)d characters.")
        },
    )
    website = forms.CharField(required=False)

    def clean_comment(self):
        comment = " ".join(self.cleaned_data["comment"].split())
        if len(LINK.findall(comment)) > MAX_LINKS:
            raise forms.ValidationError(_("Please leave out web links."))
        return comment

    def clean_token(self):
        found = read_token(self.cleaned_data["token"])
        if found is None or found[2] > TOKEN_MAX_AGE:
            raise forms.ValidationError(_("This form has expired. Please send your answer again."))
        if found[2] < TOKEN_MIN_AGE:
            raise forms.ValidationError(_("That was very fast. Please send your answer again."))
        return found

    def is_spam(self):
        return bool(self.data.get(HONEYPOT))
