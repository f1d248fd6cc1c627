"""Security headers Django does not set itself: Content-Security-Policy and Permissions-Policy.

The public site (readers, desk, APIs, error pages) gets a strict policy: only our own origin, no
inline scripts or styles, no plugins, no framing. The Wagtail admin gets its own, slightly wider
policy because Wagtail 8 still writes inline `style="..."` attributes and loads previews in
frames (see ADMIN_POLICY). HSTS, nosniff, Referrer-Policy and Cross-Origin-Opener-Policy come
from Django's SecurityMiddleware (settings.py).

The middleware sits outside the page cache, so cached pages get exactly the same headers.
"""

import base64
import hashlib
import re

from django.conf import settings

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Measured in Chromium (tests/e2e/test_content_security_policy.py) on the page editor with its
# live preview, wagtail-localize's translation editor, snippet editors, image and document
# listings and uploads:
# - script-src 'unsafe-inline': Wagtail 8.0 form widgets still render inline start-up scripts
#   (`new SnippetChooser(...)`, `initDateChooser(...)`, `new InlinePanel(...)`,
#   `window.chooserUrls = ...`), and jQuery runs the ones inside InlinePanel/StreamField
#   templates; they carry no nonce, and their content (field ids) differs per form, so hashes
#   cannot list them. Blocking them breaks every chooser, date field and inline panel.
# - style-src 'unsafe-inline': Wagtail's bundled vendor JavaScript inserts <style> elements and
#   style attributes.
# - img-src data: blob:: icons embedded as data URLs and the preview of an image being uploaded.
# - frame-src/frame-ancestors 'self': the live preview is an admin page inside an admin frame.
# Still no third-party origin, no plugins, no <base> and no form posting elsewhere. The admin
# shows only editors' own content and needs a login; the public site, where untrusted input
# is rendered for anyone, stays strict.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Only features a browser knows (unknown names are logged as console errors).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)

ADMIN_PREFIX = "/admin/"
STYLE_BLOCK = re.compile(rb"<style>(.*?)</style>", re.DOTALL)


def serialise(policy):
    return "; ".join(f"{name} {' '.join(values)}" for name, values in policy.items())


PUBLIC_HEADER = serialise(PUBLIC_POLICY)
ADMIN_HEADER = serialise(ADMIN_POLICY)


def allow_inline_styles(response):
    """Allow exactly the <style> blocks of this response, by hash.

    For pages that must render with nothing else working (the 500 and 503 pages): they carry
    their CSS inline, and a hash keeps the policy strict for everything else.
    """
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(css).digest()).decode() + "'"
        for css in STYLE_BLOCK.findall(response.content)
    ]
    response.csp_style_hashes = hashes
    return response


def policy_for(request, response):
    if request.path_info.startswith(ADMIN_PREFIX):
        return ADMIN_HEADER
    hashes = getattr(response, "csp_style_hashes", None)
    if hashes:
        return serialise({**PUBLIC_POLICY, "style-src": ["'self'", *hashes]})
    return PUBLIC_HEADER


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Always set, never kept: Wagtail's preview renders a public page through the whole
        # middleware stack inside an admin request, and the admin's policy must win there.
        response["Content-Security-Policy"] = policy_for(request, response)
        response["Permissions-Policy"] = PERMISSIONS_POLICY
        return response


def client_ip(request):
    """The address of the client, for lock-outs and rate limits.

    Only REMOTE_ADDR unless settings.TRUSTED_PROXY_COUNT says how many reverse proxies in front
    of us append to X-Forwarded-For: a client can write anything into that header itself, so
    only the entry added by our own outermost proxy is believed.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
