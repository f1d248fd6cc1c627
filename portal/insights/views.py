"""Public endpoints: the page-view beacon and the feedback form.

Page views are counted by a beacon, a 1-pixel image at the end of every page's HTML, rather than
by middleware around the page cache. Why:
- the page cache answers a cached page with no work at all, and stays that fast (`make bench`);
  a counter in front of it would add a write or a cache round trip to every hit;
- the beacon's address names the page and the reader's language exactly, also for a page served
  from the cache or from the browser's own cache, and for a fallback translation;
- it is counted once per view: the page's own request never counts, the beacon is `no-store`
  and sits outside the language prefixes, so the page cache never sees it;
- it needs no JavaScript, and most bots never load images (the rest are caught by their user
  agent). Readers who switch images off are not counted; that is the price.
A view counts only for a live page, and at most VIEWS_PER_ADDRESS_PER_DAY per client address
and day (kept in the cache, see core.ratelimit), so a script cannot inflate the figures.
The beacon adds 1 to an in-process counter that is written in batches (counter.py);
`aggregate_insights` folds those rows into daily counts and empties the table. A failure is
logged, never shown.
"""

import base64
import logging

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Page

from ..core.languages import language_codes
from ..core.ratelimit import DAY, over_limit
from . import counter
from .feedback import FeedbackForm, make_token, read_token, safe_path, same_origin
from .models import FeedbackComment, FeedbackVote
from .privacy import is_bot

logger = logging.getLogger(__name__)
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
FEEDBACK_LIMIT = 10
FEEDBACK_WINDOW = 60 * 60
# Views one address may add in a day: far more than a reader (or a household, or a WIN-point
# counter behind one address) reads, far fewer than a script that reloads the beacon.
VIEWS_PER_ADDRESS_PER_DAY = 200
THANKS = "?feedback=thanks#feedback"


def counts_as_reader(request):
    return not (
        is_bot(request.headers.get("User-Agent", ""))
        # Editors checking their pages are not readers.
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        # Prefetches and prerenders are not views (yet).
        or request.headers.get("Sec-Purpose", request.headers.get("Purpose", ""))
    )


def is_live_page(page_id):
    """Only pages readers can see are counted: no made-up ids, drafts or deleted pages."""
    return Page.objects.filter(pk=page_id, live=True).exists()


@require_GET
@never_cache
def page_view_beacon(request, language, page_id):
    if language in language_codes() and counts_as_reader(request):
        try:
            if is_live_page(page_id) and not over_limit(
                request, "views", VIEWS_PER_ADDRESS_PER_DAY, DAY
            ):
                counter.views.add(timezone.localdate(), language, page_id)
        except Exception:
            logger.exception("a page view could not be counted")
    return HttpResponse(PIXEL, content_type="image/gif")


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def refuse(request, message, status, token=None):
    """The answer to a submission that was not taken: the form again, with the reader's answer
    and a fresh token, and the reason in their language."""
    found = read_token(token or "")
    fresh = make_token(found[0], found[1]) if found else ""
    if wants_json(request):
        return JsonResponse({"ok": False, "message": str(message), "token": fresh}, status=status)
    page = Page.objects.filter(pk=found[0]).first() if found else None
    context = {
        "message": message,
        "guide": page,
        "back": found[1] if found and safe_path(found[1], request) else None,
        "token": fresh,
        "data": request.POST,
    }
    return render(request, "insights/feedback_refused.html", context, status=status)


@csrf_exempt  # See feedback.py: same-origin check and a signed token instead of a cookie.
@require_POST
def submit_feedback(request):
    token = request.POST.get("token", "")
    if not same_origin(request):
        return refuse(request, _("This form can only be sent from this website."), 403)
    if over_limit(request, "feedback", FEEDBACK_LIMIT, FEEDBACK_WINDOW):
        return refuse(
            request, _("You have sent a lot of answers. Please try again in an hour."), 429, token
        )
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        errors = [error for field in form.errors.values() for error in field]
        return refuse(request, " ".join(errors), 400, token)
    page_id, path, _age = form.cleaned_data["token"]
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not safe_path(path, request):
        return refuse(request, _("This page no longer exists."), 400)
    if translation.get_language_from_path(path) != translation.get_language():
        # Answers are counted per language: a page's answer counts in the page's language.
        return refuse(request, _("This form belongs to a page in another language."), 400, token)
    if not form.is_spam():
        record(page, form.cleaned_data["helpful"] == "yes", form.cleaned_data["comment"])
    if wants_json(request):
        return JsonResponse({"ok": True, "message": _("Thank you for your answer.")})
    return redirect(path + THANKS)


def record(page, helpful, comment):
    language = translation.get_language()
    today = timezone.localdate()
    with transaction.atomic():
        FeedbackVote.count_today(language, page=page, helpful=helpful)
        if comment:
            FeedbackComment.objects.create(
                date=today, language=language, page=page, helpful=helpful, comment=comment
            )
