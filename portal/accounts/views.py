"""Admin screens for two-step login, and the page shown to a locked-out login."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from . import two_factor
from .forms import TokenForm


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def verify(request):
    """After the password: ask for the current code of the editor's authenticator app."""
    device = two_factor.confirmed_device(request.user)
    if device is None or request.user.is_verified():
        return redirect(safe_next(request))
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(safe_next(request))
    return render(request, "accounts/verify.html", {"form": form, "next": safe_next(request)})


@never_cache
@sensitive_post_parameters("token")
@require_http_methods(["GET", "POST"])
def settings_view(request):
    """Turn two-step login on (scan, confirm with a code) or off (confirm with a code)."""
    user = request.user
    device = two_factor.confirmed_device(user)
    required = two_factor.required_for(user)
    if device is not None:
        form = TokenForm(device, request.POST or None)
        if request.method == "POST" and required:
            messages.error(request, _("Two-step login is required for your account."))
        elif request.method == "POST" and form.is_valid():
            two_factor.TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-step login is turned off."))
            return redirect("accounts:two_factor")
        return render(
            request,
            "accounts/two_factor.html",
            {"enabled": True, "form": form, "required": required},
        )
    pending = two_factor.pending_device(user)
    form = TokenForm(pending, request.POST or None)
    if request.method == "POST" and form.is_valid():
        pending.confirmed = True
        pending.save(update_fields=["confirmed"])
        otp_login(request, pending)
        messages.success(request, _("Two-step login is turned on."))
        return redirect(safe_next(request) if required else reverse("accounts:two_factor"))
    return render(
        request,
        "accounts/two_factor.html",
        {
            "enabled": False,
            "form": form,
            "required": required,
            "qr_svg": two_factor.qr_svg(pending),
            "secret": two_factor.secret_for_typing(pending),
            "issuer": getattr(settings, "OTP_TOTP_ISSUER", ""),
            "next": request.GET.get("next", ""),
        },
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer after too many failed logins (settings.AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)
