"""Load synonym groups and promoted results from a YAML file (content/search/terms.yaml).

Each item has `terms` (two or more words or phrases that mean the same, in any language) and
optionally `promote`: the content key of a page ("healthcare/health-insurance") that comes first
in search results for any of the terms, in the reader's language. Items already present are
left alone, so editors' own changes in the admin are kept; the file is checked completely
before anything is written.
"""

from pathlib import Path

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from ....core import yaml_files
from ....guides.models import LoadedContent
from ...models import SynonymGroup

DEFAULT_FILE = Path(settings.BASE_DIR) / "content" / "search" / "terms.yaml"


def read_items(path):
    try:
        items = yaml_files.load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"{path}: cannot read the file ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise CommandError(f"{path}: not valid YAML: {error}") from None
    except RecursionError:
        raise CommandError(f"{path}: nested too deeply") from None
    if not isinstance(items, list):
        raise CommandError(f"{path}: expected a list of items with 'terms'")
    pages = {
        record.key: record.page
        for record in LoadedContent.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).select_related("page")
    }
    checked = []
    for number, item in enumerate(items, start=1):
        where = f"{path}: item {number}"
        if not isinstance(item, dict) or set(item) - {"terms", "promote"}:
            raise CommandError(f"{where}: expected 'terms' and optionally 'promote'")
        terms = item.get("terms")
        if (
            not isinstance(terms, list)
            or len(terms) < 1
            or not all(isinstance(term, str) and term.strip() for term in terms)
        ):
            raise CommandError(f"{where}: 'terms' must be a list of words or phrases")
        promote = item.get("promote")
        if promote is not None and promote not in pages:
            raise CommandError(f"{where}: unknown page '{promote}' in 'promote'")
        checked.append(([term.strip() for term in terms], pages.get(promote)))
    return checked


class Command(BaseCommand):
    help = "Load search synonyms and promoted results from a YAML file."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE))
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if there are synonyms already."
        )

    def handle(self, *args, path, if_empty, **options):
        if if_empty and SynonymGroup.objects.exists():
            self.stdout.write("Synonyms exist already; nothing loaded.")
            return
        items = read_items(path)
        groups = promotions = 0
        with transaction.atomic():
            existing = {group.terms for group in SynonymGroup.objects.all()}
            for terms, page in items:
                text = "\n".join(terms)
                if len(terms) > 1 and text not in existing:
                    SynonymGroup.objects.create(terms=text)
                    existing.add(text)
                    groups += 1
                if page is None:
                    continue
                for term in terms:
                    query, _created = Query.objects.get_or_create(
                        query_string=normalise_query_string(term)
                    )
                    _promotion, created = SearchPromotion.objects.get_or_create(
                        query=query, page=page, defaults={"sort_order": 0}
                    )
                    promotions += created
        self.stdout.write(
            self.style.SUCCESS(f"{groups} synonym groups and {promotions} promoted results added")
        )
