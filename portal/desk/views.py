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
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.users.models import UserProfile

from ..core.groups import WIN_POINT_STAFF, is_in_group
from ..core.languages import language_codes, language_name
from ..directory.models import Service
from ..search import engine
from ..search.models import SearchEntry
from ..translations.addresses import address_for_readers
from .models import Referral, ShortLink
from .targets import PageTarget, get_target

# The free notes line on a referral slip: one or two lines of handwriting's worth.
NOTE_LENGTH = 200
# Paper size -> (most steps, most questions, most services) that fit one sheet at a readable
# size (12 pt on A4, 11 pt on A5); tests/e2e/test_desk.py measures every sheet and prints the
# longest of each language and size to prove it.
PAPER_SIZES = {"a4": (8, 3, 2), "a5": (4, 1, 1)}
# Characters of steps, questions and contacts that fit one sheet beside the title and QR code.
# Measured on 2026-12-06 with the 32 starting guides: a sheet whose text (all of it) reached
# about 1,300 characters on A5 or 1,900 on A4 still fitted, 1,440 and 2,750 did not. The QR
# code leads to the whole page, so what does not fit is left out: questions after the first,
# then steps, then all but the first contact, and the first question last.
TEXT_BUDGET = {"a4": 1500, "a5": 750}


def contact_length(contact):
    text = strip_tags(render_to_string("desk/contact.html", {"contact": contact}))
    return len(" ".join(text.split()))


def fit_on_sheet(steps, questions, contacts, budget):
    contact_lengths = [contact_length(contact) for contact in contacts]

    def length():
        return (
            sum(map(len, steps))
            + sum(len(q) + len(a) for q, a in questions)
            + sum(contact_lengths[: len(contacts)])
        )

    # The first question stays longest: a step may send the reader to it (issue 21).
    while len(questions) > 1 and length() > budget:
        questions = questions[:-1]
    while len(steps) > 1 and length() > budget:
        steps = steps[:-1]
    while len(contacts) > 1 and length() > budget:
        contacts = contacts[:-1]
    if questions and length() > budget:
        questions = []
    return steps, questions, contacts


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
    return user.is_active and (user.is_superuser or is_in_group(user, WIN_POINT_STAFF))


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
        groups = group_results(engine.search(query, None, limit=200, sections=False).results)
    return render(request, "desk/finder.html", {"query": query, "groups": groups})


def link_for(target, language):
    if target.kind == "service":
        return ShortLink.for_target(language, service=target.service)
    return ShortLink.for_target(language, translation_key=target.key)


def help_services(target, language):
    """(id, name) of the services under a guide's "Where to get help", each of which staff can
    write a referral slip for; none for a service."""
    if target.kind != "page":
        return []
    where = getattr(
        target.page(settings.LANGUAGE_CODE) or target.page(language), "where_to_get_help", None
    )
    if where is None:
        return []
    return [(str(service.pk), service.name) for service in where()]


def page_sections(target, language):
    """(anchor, heading) of the guide's sections in the visitor's language, so staff can send
    the visitor straight to the part that answers their question (short link + #anchor)."""
    if target.kind != "page":
        return []
    sections = getattr(target.page(language), "sections", None)
    return [(anchor, heading) for anchor, heading, _text in sections()] if sections else []


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
            "note_length": NOTE_LENGTH,
            "help_services": help_services(target, language),
            "sections": page_sections(target, language),
        },
    )


@staff_only
def printout(request, kind, key, language, size):
    target = get_target(kind, key)
    language = checked_language(language)
    if size not in PAPER_SIZES:
        raise Http404
    max_steps, max_questions, max_contacts = PAPER_SIZES[size]
    with translation.override(language):
        steps, questions, contacts = fit_on_sheet(
            target.key_steps(language)[:max_steps],
            target.questions(language)[:max_questions],
            target.contacts(language)[:max_contacts],
            TEXT_BUDGET[size],
        )
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
            # A page's summary describes the whole page ("read what the deductible is"), so
            # the sheet shows it only for a service; a guide's sheet says what is on it.
            "summary": target.summary(language) if target.kind == "service" else "",
            "steps": steps,
            "questions": questions,
            "contacts": contacts,
            "short_url": short_url(link),
            "qr": qr_svg(f"{short_url(link)}?c=qr", target.title(language)),
        },
    )


def contact_channel(service):
    """How the visitor reaches a service, which decides the slip's wording: "visit" when it
    has an address, else "call" when it has a phone number, else "online"."""
    if service.locations.exists():
        return "visit"
    if service.phones.exists():
        return "call"
    return "online"


@staff_only
def referral_slip(request, key, language):
    target = get_target("service", key)
    language = checked_language(language)
    link = link_for(target, language)
    chosen = [name for name in request.GET.getlist("bring") if name in BRING_ITEMS]
    note = " ".join(request.GET.get("note", "").split())[:NOTE_LENGTH]
    Referral.record(language, Referral.Channel.SLIP, target.subject())
    with translation.override(language):
        bring = [str(BRING_ITEMS[name]) for name in chosen]
    return render(
        request,
        "desk/slip.html",
        {
            "target": target,
            "service": target.service,
            "channel": contact_channel(target.service),
            "language": language,
            "title": target.title(language),
            "dutch_title": target.dutch_title(),
            "today": timezone.localdate(),
            "note": note,
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
