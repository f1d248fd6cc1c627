"""The daily e-mail to language editors: the pages whose Dutch text changed since their last
e-mail and whose translation in their languages is outdated now.

- Who: active users with an e-mail address in an "Editors: <language>" group of a translated
  language, unless they switched it off (Account › Notifications, DigestSetting).
- At most one a day: each e-mail is recorded (DigestSent) in the same transaction that sends it,
  so a second run the same day sends that editor nothing, and a failed send records nothing and
  is tried again on the next run.
- What: only the editor's own languages, only pages still outdated when the e-mail is made (a
  page its editor already took in is left out), each with a link the editor may open.
- In the editor's admin language (their Wagtail preference; without one, their own language).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin.localization import get_available_admin_languages
from wagtail.users.models import UserProfile

from ..core.groups import editor_group_name, editor_languages
from ..core.languages import in_language, language_name
from . import status
from .links import cell_link
from .models import DigestSent, SourceEdit
from .rights import TreeRights

# The first e-mail an editor ever gets covers the changes of the day before it.
FIRST_WINDOW = timedelta(days=1)


@dataclass
class Item:
    language: str
    page: object  # the Dutch page
    cell: status.Cell
    url: str


def recipients():
    names = [editor_group_name(code) for code in status.target_languages()]
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=names)
        .exclude(email="")
        .exclude(translation_digest_setting__translation_digest=False)
        .distinct()
        .order_by("pk")
    )


def languages_for(user):
    """The translated languages whose editor group the user is in (moderators' and
    superusers' other rights do not add languages to their e-mail)."""
    targets = status.target_languages()
    return [code for code in editor_languages(user) if code in targets]


def email_language(user, languages):
    permitted = dict(get_available_admin_languages())
    preferred = UserProfile.get_for_user(user).preferred_language
    if preferred in permitted:
        return preferred
    return next((code for code in languages if code in permitted), settings.LANGUAGE_CODE)


def outdated_items(user, languages, since, until):
    """The pages changed in (since, until] that are outdated now in `languages`."""
    changed = SourceEdit.objects.filter(
        content_changed_at__gt=since, content_changed_at__lte=until
    ).values("page_id")
    rows = status.status_matrix(status.source_pages().filter(pk__in=changed), languages)
    rights = TreeRights(user)
    items = []
    for code in languages:
        for row, cell in status.outdated_in(rows, code):
            link = cell_link(rights, False, row, code, cell, {})
            url = settings.WAGTAILADMIN_BASE_URL + link if link else ""
            items.append(Item(code, row.page, cell, url))
    return items


def compose(user, languages, items):
    """(subject, body) in the current language."""
    subject = ngettext(
        "WIN-portaal: %(count)s outdated translation (%(languages)s)",
        "WIN-portaal: %(count)s outdated translations (%(languages)s)",
        len(items),
    ) % {"count": len(items), "languages": ", ".join(language_name(c) for c in languages)}
    lines = [
        _("Hello %(name)s,") % {"name": user.get_full_name() or user.get_username()},
        "",
        _(
            "The Dutch text of these pages changed, so their translation is outdated. Open "
            "each one and choose “Take in the latest Dutch text”: pieces that changed keep "
            "your previous translation for you to review."
        ),
    ]
    for code in languages:
        mine = [item for item in items if item.language == code]
        if not mine:
            continue
        lines += ["", language_name(code)]
        for item in mine:
            date = formats.date_format(timezone.localtime(item.cell.changed_at), "DATE_FORMAT")
            lines.append(f"- {item.cell.title}")
            lines.append(
                "  "
                + _("Dutch: “%(title)s”, changed on %(date)s")
                % {"title": item.page.title, "date": date}
            )
            if item.url:
                lines.append(f"  {item.url}")
    lines += [
        "",
        _("All translations: %(url)s")
        % {"url": settings.WAGTAILADMIN_BASE_URL + reverse("translation_status")},
        "",
        "-- ",
        _(
            "You receive this e-mail because you edit pages %(languages)s. To stop it, "
            "untick “Daily e-mail about outdated translations” in your account settings: "
            "%(url)s"
        )
        % {
            "languages": ", ".join(in_language(code) for code in languages),
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_account"),
        },
    ]
    return subject, "\n".join(lines) + "\n"


def send_digest(user, now=None):
    """Send `user` today's e-mail if there is something new and none went out today; return
    the DigestSent record, or None when nothing was sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if DigestSent.objects.filter(user=user, day=today).exists():
        return None
    languages = languages_for(user)
    if not languages:
        return None
    last = DigestSent.objects.filter(user=user).order_by("-changes_until").first()
    since = last.changes_until if last else now - FIRST_WINDOW
    items = outdated_items(user, languages, since, now)
    if not items:
        return None
    with translation.override(email_language(user, languages)):
        subject, body = compose(user, languages, items)
    try:
        with transaction.atomic():
            record = DigestSent.objects.create(
                user=user,
                day=today,
                sent_at=now,
                changes_until=now,
                items=[
                    {"page": item.page.pk, "language": item.language, "title": item.cell.title}
                    for item in items
                ],
            )
            # Inside the transaction: if the mail server refuses, nothing is recorded.
            send_mail(subject, body, None, [user.email])
    except IntegrityError:
        # Another run sent today's e-mail to this editor a moment ago.
        return None
    return record


def send_digests(now=None):
    """Today's e-mail to every editor who should get one. Returns (records sent, [(user,
    error)] for e-mails the mail server refused: those are tried again on the next run)."""
    sent, failed = [], []
    for user in recipients():
        try:
            record = send_digest(user, now)
        except OSError as error:  # smtplib's errors are OSErrors
            failed.append((user, error))
            continue
        if record is not None:
            sent.append(record)
    return sent, failed
