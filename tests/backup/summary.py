"""What a restored site must have, as plain JSON-able values; computed the same way in the test
process and, through `manage.py shell`, against the restored database."""

import hashlib

from django.contrib.auth.models import Group, User
from django.core.files.storage import default_storage
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from portal.directory.models import Service
from portal.search.models import SearchEntry


def file_digest(field):
    with default_storage.open(field.name, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()


def site_summary():
    pages = {}
    for page in Page.objects.select_related("locale").order_by("path"):
        pages.setdefault(page.locale.language_code, []).append(
            [page.url_path, page.title, page.live, str(page.translation_key)]
        )
    revisions = {}
    for (page_id,) in Revision.objects.filter(base_content_type__model="page").values_list(
        "object_id"
    ):
        revisions[page_id] = revisions.get(page_id, 0) + 1
    return {
        "pages": pages,
        "revisions per page": dict(sorted(revisions.items())),
        "translations": sorted(
            [str(t.source.object_id), t.target_locale.language_code]
            for t in Translation.objects.select_related("source", "target_locale")
        ),
        "string translations": StringTranslation.objects.count(),
        "services": sorted(
            [str(s.pk), s.name_nl, s.name_en, s.name_pl, s.name_ro, s.name_bg]
            for s in Service.objects.all()
        ),
        "search entries": SearchEntry.objects.count(),
        "images": sorted([i.title, i.file.name, file_digest(i.file)] for i in Image.objects.all()),
        "documents": sorted(
            [d.title, d.file.name, file_digest(d.file)] for d in Document.objects.all()
        ),
        "users": sorted(
            [u.username, u.password, sorted(g.name for g in u.groups.all())]
            for u in User.objects.all()
        ),
        "groups": sorted(
            [g.name, sorted(p.codename for p in g.permissions.all())] for g in Group.objects.all()
        ),
        "redirects": sorted([r.old_path, r.redirect_link] for r in Redirect.objects.all()),
    }
