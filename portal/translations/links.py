"""Where the translation report, the admin home and the daily e-mail send an editor: only to
pages that editor may open (the rules of the views behind the links, see rights.py), checked
by tree path so that a screenful of pages costs no query each."""

from django.urls import reverse
from wagtail.models import Page

from . import status


def parents_in_languages(rows, languages):
    """{(Dutch parent's path, language): path of that parent's translation}, for the rows with
    a missing translation: a new translation goes below the parent's translation, so that is
    where the editor needs the rights. Two queries, however many rows."""
    steplen = Page.steplen
    wanted = {
        row.page.path[:-steplen]
        for row in rows
        if any(row.cells[code].page_id is None for code in languages)
    }
    if not wanted:
        return {}
    keys = dict(Page.objects.filter(path__in=wanted).values_list("translation_key", "path"))
    found = {(path, code): path for path in wanted if len(path) == steplen for code in languages}
    for key, code, path in Page.objects.filter(
        translation_key__in=keys, locale__language_code__in=languages
    ).values_list("translation_key", "locale__language_code", "path"):
        found[(keys[key], code)] = path
    return found


def cell_link(rights, may_translate, row, code, cell, parents):
    """Where a cell leads, or None: only somewhere this user may go (the rules of the views
    behind the links, see rights.may_publish_page_in)."""
    if cell.page_id is None:
        parent = parents.get((row.page.path[: -Page.steplen], code))
        if may_translate and parent and rights.may_add_and_publish_below(parent):
            return reverse("wagtail_localize:submit_page_translation", args=[row.page.pk])
        return None
    if cell.status == status.OUTDATED and cell.total and rights.may_publish(cell.path):
        # A localize translation behind the Dutch: the next step is taking in the new text.
        return reverse("translation_take_in", args=[cell.page_id])
    if rights.may_edit(cell.path):
        return reverse("wagtailadmin_pages:edit", args=[cell.page_id])
    return None


def dutch_link(request, rights, page):
    """The Dutch page's editor for those who may edit it; else the live page, to read."""
    if rights.may_edit(page.path):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    return page.get_url(request=request) if page.live else None
