"""The sections of a guide: each "heading" block starts one, with an anchor readers, search
results and the desk can link to (/pl/.../#ile-zarabiac).

Anchors are Latin-letter slugs of the heading in the page's own language, unique on the page.
A translation keeps the source's order of headings, so a section has the same position in
every language; the language switcher uses that to keep the reader's place.
"""

from anyascii import anyascii
from django.utils.html import strip_tags
from django.utils.text import slugify

# GOV.UK shows "Contents" on guides long enough to need a way in.
CONTENTS_FROM = 3


def anchor_for(text, taken):
    base = slugify(anyascii(str(text)))[:60].strip("-") or "section"
    anchor, number = base, 2
    while anchor in taken:
        anchor, number = f"{base}-{number}", number + 1
    taken.add(anchor)
    return anchor


def anchored_blocks(body):
    """(block, anchor) for every block of a StreamField; anchor is None except on headings."""
    taken = {"main", "help-title", "sources-title", "contents-title"}
    return [
        (block, anchor_for(block.value, taken) if block.block_type == "heading" else None)
        for block in body
    ]


def block_text(value):
    if isinstance(value, str):
        return strip_tags(value)
    if hasattr(value, "source"):  # RichText
        return strip_tags(value.source)
    if isinstance(value, dict) or hasattr(value, "items"):
        return " ".join(block_text(v) for v in value.values())
    if isinstance(value, (list, tuple)) or hasattr(value, "__iter__"):
        return " ".join(block_text(v) for v in value)
    return ""


def sections(page):
    """[(anchor, heading, text of the section)] of a page's body, in order."""
    body = getattr(page, "body", None)
    if body is None:
        return []
    found = []
    for block, anchor in anchored_blocks(body):
        if anchor:
            found.append([anchor, block.value, ""])
        elif found and block.block_type != "source":
            found[-1][2] += " " + block_text(block.value)
    return [(anchor, heading, " ".join(text.split())) for anchor, heading, text in found]


def sections_of_page(page_id):
    """[(anchor, heading, text)] of a live page by id, kept until the next published change
    (the content version): search results ask for several pages on every query."""
    from wagtail.models import Page

    from ..core.freshness import remember

    def build():
        page = Page.objects.filter(pk=page_id).live().first()
        if page is None:
            return []
        page = page.specific
        intro = [(None, "", "")]
        body = getattr(page, "body", None)
        if body is not None:
            before = []
            for block in body:
                if block.block_type == "heading":
                    break
                if block.block_type != "source":
                    before.append(block_text(block.value))
            intro = [(None, "", " ".join(" ".join(before).split()))]
        return intro + sections(page)

    return remember(build, "sections", page_id)
