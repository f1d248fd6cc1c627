"""The WIN-point desk (/desk/, staff only) and the public short links (/s/<code>).

Staff find a page or service (in any language), choose the visitor's language with one tap and
hand it over as a QR code, a short link, a printout (A4/A5), a share link or, for a service, a
referral slip. The desk speaks the staff member's admin language (Dutch unless chosen
otherwise); what the visitor takes home is in the visitor's language.
"""

from functools import wraps
from urllib.parse import quote

import segno
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.users.models import UserProfile

from ..core.languages import language_codes, language_name
from ..directory.models import Service
from ..search import engine
from ..search.models import SearchEntry
from ..translations.addresses import address_for_readers
from .models import Referral, ShortLink
from .targets import PageTarget, get_target

STAFF_GROUP = "WIN-point staff"
# Paper size -> (most steps, most services) that fit one sheet.
PAPER_SIZES = {"a4": (8, 2), "a5": (5, 1)}
# What a visitor may need to bring to a service; staff tick what applies on the referral slip.
BRING_ITEMS = {
    "id": _("Your passport or ID card"),
    "bsn": _("Your BSN (citizen service number), if you have one"),
    "letters": _("Letters you received about your question"),
    "contract": _("Your employment contract"),
    "payslips": _("Your recent payslips"),
    "rent": _("Your rental contract or housing agreement"),
    "insurance": _("Your health insurance card or policy"),
    "bank": _("Your bank card or bank account number (IBAN)"),
}


def is_staff_member(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists())


def staff_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not is_staff_member(request.user):
            raise PermissionDenied
        with translation.override(UserProfile.get_for_user(request.user).get_preferred_language()):
            return view(request, *args, **kwargs)

    return never_cache(wrapper)


def short_url(link):
    return f"{settings.BASE_URL.rstrip('/')}/s/{link.code}"


def qr_svg(url, title):
    """The QR code as inline SVG, made on the server (no script, no third party)."""
    code = segno.make(url, error="m")
    return mark_safe(code.svg_inline(scale=4, omitsize=True, title=title, svgclass="qr"))  # noqa: S308


def checked_language(language):
    if language not in language_codes():
        raise Http404
    return language


def target_of(entry):
    return ("service", entry.service_id) if entry.service_id else ("page", entry.translation_key)


def translated(entry):
    return entry is not None and not entry.fallback


def group_results(results):
    """Search results of every language, grouped per page or service, best first, with the
    Dutch title and the languages it exists in (whichever languages matched the query)."""
    order = []
    for result in results:
        if target_of(result.entry) not in order:
            order.append(target_of(result.entry))
    keys = [key for kind, key in order if kind == "page"]
    services = [key for kind, key in order if kind == "service"]
    entries = {}
    for entry in SearchEntry.objects.filter(
        Q(translation_key__in=keys) | Q(service_id__in=services)
    ).only("language", "translation_key", "service_id", "title", "topic", "fallback"):
        entries.setdefault(target_of(entry), {})[entry.language] = entry
    groups = []
    for kind, key in order:
        by_language = entries.get((kind, key), {})
        if not by_language:
            continue
        dutch = by_language.get(settings.LANGUAGE_CODE) or next(iter(by_language.values()))
        groups.append(
            {
                "kind": kind,
                "key": str(key),
                "title": dutch.title,
                "topic": dutch.topic,
                "languages": [
                    (code, language_name(code), translated(by_language.get(code)))
                    for code in language_codes()
                ],
            }
        )
    return groups


@staff_only
def finder(request):
    query = request.GET.get("q", "")[:200]
    groups = []
    if query.strip():
        groups = group_results(engine.search(query, None, limit=200).results)
    return render(request, "desk/finder.html", {"query": query, "groups": groups})


def link_for(target, language):
    if target.kind == "service":
        return ShortLink.for_target(language, service=target.service)
    return ShortLink.for_target(language, translation_key=target.key)


@staff_only
def handover(request, kind, key, language):
    target = get_target(kind, key)
    language = checked_language(language)
    link = link_for(target, language)
    url = short_url(link)
    title = target.title(language)
    share_text = f"{title} {url}?c=share"
    return render(
        request,
        "desk/handover.html",
        {
            "target": target,
            "language": language,
            "language_name": language_name(language),
            "title": title,
            "languages": [
                (code, language_name(code), target.is_translated(code)) for code in language_codes()
            ],
            "translated": target.is_translated(language),
            "short_url": url,
            "short_code": link.code,
            "qr": qr_svg(f"{url}?c=qr", title),
            "share_text": share_text,
            "share_links": [
                ("WhatsApp", f"https://wa.me/?text={quote(share_text)}"),
                ("SMS", f"sms:?body={quote(share_text)}"),
                (_("E-mail"), f"mailto:?subject={quote(title)}&body={quote(share_text)}"),
            ],
            "bring_items": list(BRING_ITEMS.items()),
        },
    )


@staff_only
def printout(request, kind, key, language, size):
    target = get_target(kind, key)
    language = checked_language(language)
    if size not in PAPER_SIZES:
        raise Http404
    max_steps, max_contacts = PAPER_SIZES[size]
    link = link_for(target, language)
    Referral.record(language, Referral.Channel.PRINT, target.subject())
    return render(
        request,
        "desk/printout.html",
        {
            "target": target,
            "language": language,
            "size": size,
            "title": target.title(language),
            "dutch_title": target.dutch_title(),
            "summary": target.summary(language),
            "steps": target.key_steps(language)[:max_steps],
            "contacts": target.contacts(language)[:max_contacts],
            "short_url": short_url(link),
            "qr": qr_svg(f"{short_url(link)}?c=qr", target.title(language)),
        },
    )


@staff_only
def referral_slip(request, key, language):
    target = get_target("service", key)
    language = checked_language(language)
    link = link_for(target, language)
    chosen = [name for name in request.GET.getlist("bring") if name in BRING_ITEMS]
    Referral.record(language, Referral.Channel.SLIP, target.subject())
    with translation.override(language):
        bring = [str(BRING_ITEMS[name]) for name in chosen]
    return render(
        request,
        "desk/slip.html",
        {
            "target": target,
            "service": target.service,
            "language": language,
            "title": target.title(language),
            "dutch_title": target.dutch_title(),
            "bring": bring,
            "contacts": target.contacts(language),
            "short_url": short_url(link),
            "qr": qr_svg(f"{short_url(link)}?c=qr", target.title(language)),
        },
    )


CHANNELS_BY_PARAMETER = {"qr": Referral.Channel.QR, "share": Referral.Channel.SHARE}


def follow_short_link(request, code):
    """Public: /s/<code> sends the visitor to the page's current address in their language."""
    link = ShortLink.objects.filter(code=code.lower()).first()
    if link is None:
        raise Http404
    if link.service_id:
        service = Service.objects.filter(pk=link.service_id, status=Service.Status.ACTIVE).first()
        if service is None:
            raise Http404
        target = get_target("service", service.pk)
        url = target.url(link.language)
    else:
        url = address_for_readers(link.translation_key, link.language)
        if url is None:
            raise Http404
        target = PageTarget(link.translation_key)
    channel = CHANNELS_BY_PARAMETER.get(request.GET.get("c"), Referral.Channel.LINK)
    Referral.record(link.language, channel, target.subject())
    return redirect(url)
