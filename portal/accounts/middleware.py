from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import two_factor

GUARDED = ("/admin/", "/desk/")
# What the verify page itself loads: the icon sprite (its script puts whatever answers into the
# page, so a redirect here would show the page twice) and the admin's JavaScript strings.
EXEMPT = ("/admin/sprite/", "/admin/jsi18n/")


class TwoFactorMiddleware:
    """Editors with two-step login must give their code before the admin or the desk opens.

    Runs after django-otp's OTPMiddleware, which tells whether this session has given a code.
    Editors for whom settings.REQUIRE_2FA_FOR makes it compulsory are sent to set it up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        path = request.path_info
        if user is not None and user.is_authenticated and not user.is_verified():
            if path.startswith(GUARDED):
                target = self.step_needed(request, user, path)
                if target:
                    return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
            elif two_factor.has_confirmed_device(user):
                # Half logged in (password, no code yet): anywhere else, e.g. pages open to
                # logged-in users only, the session counts as no login at all.
                request.user = AnonymousUser()
        return self.get_response(request)

    def step_needed(self, request, user, path):
        verify, settings_url = reverse("accounts:verify"), reverse("accounts:two_factor")
        if path in (verify, settings_url, reverse("wagtailadmin_logout")):
            return None
        if path.startswith(EXEMPT):
            return None
        if two_factor.has_confirmed_device(user):
            return verify
        if two_factor.required_for(user):
            return settings_url
        return None
