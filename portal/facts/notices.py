"""Which site notices a reader sees on a page, from plain data that can be cached."""

from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page

from .models import SiteNotice


@dataclass(frozen=True)
class Notice:
    texts: dict  # language code -> text ("" when the notice is not shown in that language)
    link: str
    starts_at: object
    ends_at: object
    paths: tuple  # tree paths of the chosen page in every language; () for all pages


def notice_table():
    """Notices that have not ended, for `notices_for`. Two queries."""
    from ..core import clock

    notices = SiteNotice.objects.filter(ends_at__gt=clock.now()).select_related("below_page")
    keys = {n.below_page.translation_key for n in notices if n.below_page}
    paths = {}
    for key, path in Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "path"
    ):
        paths.setdefault(key, []).append(path)
    return [
        Notice(
            texts={code: getattr(n, f"text_{code}") or "" for code, _name in settings.LANGUAGES},
            link=n.link,
            starts_at=n.starts_at,
            ends_at=n.ends_at,
            paths=tuple(paths.get(n.below_page.translation_key, ())) if n.below_page else (),
        )
        for n in notices
    ]


def notices_for(table, moment, language, page_path=None):
    """The notices in effect at `moment` for a page (its tree path; None off the page tree)."""
    shown = []
    for notice in table:
        if not (notice.starts_at <= moment < notice.ends_at) or not notice.texts.get(language):
            continue
        if notice.paths and not (
            page_path and any(page_path.startswith(path) for path in notice.paths)
        ):
            continue
        shown.append(notice)
    return shown
