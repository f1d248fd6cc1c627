"""Reading the starting glossary (content/glossary/terms.yaml) and writing it to the database.

The whole file is checked before anything is written; each problem names the item number and
the term, in the editors' words.
"""

from pathlib import Path

import yaml
from anyascii import anyascii
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from ..core import yaml_files
from ..core.languages import language_codes
from .models import GlossaryTerm

DEFAULT_FILE = Path(settings.BASE_DIR) / "content" / "glossary" / "terms.yaml"
MAX_EXPLANATION = GlossaryTerm._meta.get_field("explanation_nl").max_length
LANGUAGE_KEYS = {"use", "explain", "avoid", "search"}
ITEM_KEYS = {"term", "variants", "guide", "explain_in_guides"}


class GlossaryFileError(ValueError):
    pass


def word_list(value, where, key):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GlossaryFileError(f"{where}: '{key}' must be a list of words or phrases")
    return [v.strip() for v in value]


def read_terms(path, guide_pages):
    """The checked items of the file: a list of dicts with the model's field names.
    `guide_pages` maps the address of a Dutch page below /nl/ ("zorg-en-gezondheid/zorgtoeslag")
    to that page."""
    try:
        items = yaml_files.load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise GlossaryFileError(f"{path}: cannot read the file ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise GlossaryFileError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(items, list):
        raise GlossaryFileError(f"{path}: expected a list of terms")
    codes = language_codes()
    checked, seen = [], set()
    for number, item in enumerate(items, start=1):
        where = f"{path}: item {number}"
        if not isinstance(item, dict) or not isinstance(item.get("term"), str):
            raise GlossaryFileError(f"{where}: expected 'term' and one entry per language")
        term = item["term"].strip()
        where = f"{where} ({term})"
        unknown = set(item) - ITEM_KEYS - set(codes)
        if unknown:
            raise GlossaryFileError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        if term.lower() in seen:
            raise GlossaryFileError(f"{where}: the term is listed twice")
        seen.add(term.lower())
        guide_key = item.get("guide")
        if guide_key is not None and guide_key not in guide_pages:
            raise GlossaryFileError(f"{where}: unknown page '{guide_key}' in 'guide'")
        fields = {
            "term": term,
            "slug": slugify(anyascii(term)),
            "variants": "\n".join(word_list(item.get("variants"), where, "variants")),
            "guide": guide_pages.get(guide_key),
            "explain_in_guides": bool(item.get("explain_in_guides", True)),
        }
        for code in codes:
            texts = item.get(code)
            if not isinstance(texts, dict) or set(texts) - LANGUAGE_KEYS:
                raise GlossaryFileError(f"{where}: '{code}' needs 'use' and 'explain'")
            use, explain = texts.get("use"), texts.get("explain")
            if not isinstance(use, str) or not use.strip():
                raise GlossaryFileError(f"{where}: '{code}' has no 'use' term")
            if not isinstance(explain, str) or not explain.strip():
                raise GlossaryFileError(f"{where}: '{code}' has no 'explain' text")
            if len(explain) > MAX_EXPLANATION:
                raise GlossaryFileError(
                    f"{where}: the '{code}' explanation is longer than {MAX_EXPLANATION} characters"
                )
            fields[f"use_term_{code}"] = use.strip()
            fields[f"explanation_{code}"] = " ".join(explain.split())
            fields[f"avoid_terms_{code}"] = "\n".join(word_list(texts.get("avoid"), where, "avoid"))
            fields[f"search_words_{code}"] = "\n".join(
                word_list(texts.get("search"), where, "search")
            )
        checked.append(fields)
    slugs = [fields["slug"] for fields in checked]
    duplicates = {slug for slug in slugs if slugs.count(slug) > 1}
    if duplicates:
        raise GlossaryFileError(f"{path}: two terms share the anchor {sorted(duplicates)[0]!r}")
    return checked


def dutch_pages():
    """Every live Dutch page below the home page, by its address below /nl/."""
    from wagtail.models import Page

    pages = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gte=3)
    return {"/".join(page.url_path.strip("/").split("/")[1:]): page for page in pages}


def write_terms(checked, force=False):
    """Create the terms that are missing; with `force` also overwrite existing ones (editors'
    changes in the admin are otherwise kept). Returns (created, updated)."""
    created = updated = 0
    with transaction.atomic():
        existing = {term.term.lower(): term for term in GlossaryTerm.objects.all()}
        for fields in checked:
            current = existing.get(fields["term"].lower())
            if current is None:
                GlossaryTerm.objects.create(**fields)
                created += 1
            elif force:
                for name, value in fields.items():
                    setattr(current, name, value)
                current.save()
                updated += 1
    return created, updated
