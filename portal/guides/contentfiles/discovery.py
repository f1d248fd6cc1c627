"""Find the page folders in `content/` and check each file's front matter.

A folder is one page; it holds one Markdown file per language. The folder's path below
`content/` ("rights/sick-pay") is the page's permanent key.
"""

import datetime
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ...core.languages import SOURCE_LANGUAGE, language_codes
from ..models import TOPIC_ICONS, GuidePage, HomePage, StandardPage, TopicPage
from .parser import ContentError, parse_file

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# "directory", "search" and "glossary" hold data for other loaders (import_hsds,
# load_search_terms, load_glossary).
SPECIAL_FOLDERS = {"home", "pages", "directory", "search", "glossary"}


@dataclass
class PageSpec:
    key: str
    page_class: type
    folder: Path
    parent_key: str | None
    files: dict = field(default_factory=dict)

    @property
    def source(self):
        return self.files[SOURCE_LANGUAGE]

    @property
    def order(self):
        return self.source.meta.get("order", 0)


# Which front matter keys each kind of page takes, in the source and in translations.
KEYS = {
    HomePage: ({"title", "slug", "summary"}, {"title", "slug", "summary"}),
    TopicPage: ({"title", "slug", "summary", "order", "icon"}, {"title", "slug", "summary"}),
    GuidePage: (
        {"title", "slug", "summary", "order", "last_reviewed", "sources", "services"},
        {"title", "slug", "summary", "sources"},
    ),
    StandardPage: (
        {"title", "slug", "summary", "order", "last_reviewed", "sources"},
        {"title", "slug", "summary", "sources"},
    ),
}
TEXT_ONLY = {HomePage, TopicPage}


def key_line(content_file, key):
    """The line of a front matter key, so errors point at it."""
    try:
        lines = content_file.path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return 1
    for number, line in enumerate(lines[: content_file.body_line], start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def find_specs(content_dir):
    """All page folders, parents before children, siblings in their `order`."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        raise ContentError(content_dir, 0, "the content folder does not exist")
    specs = [PageSpec("home", HomePage, content_dir / "home", None)]
    pages_dir = content_dir / "pages"
    if pages_dir.is_dir():
        for folder in sorted(p for p in pages_dir.iterdir() if p.is_dir()):
            specs.append(PageSpec(f"pages/{folder.name}", StandardPage, folder, "home"))
    for topic_dir in sorted(p for p in content_dir.iterdir() if p.is_dir()):
        if topic_dir.name in SPECIAL_FOLDERS or topic_dir.name.startswith("."):
            continue
        specs.append(PageSpec(topic_dir.name, TopicPage, topic_dir, "home"))
        for guide_dir in sorted(p for p in topic_dir.iterdir() if p.is_dir()):
            specs.append(
                PageSpec(f"{topic_dir.name}/{guide_dir.name}", GuidePage, guide_dir, topic_dir.name)
            )
    return specs


def read_specs(content_dir):
    """Parse every file. Returns (specs, errors); a spec with a broken file is left out."""
    errors = []
    good = []
    for spec in find_specs(content_dir):
        spec_errors = []
        for code in language_codes():
            path = spec.folder / f"{code}.md"
            if not path.is_file():
                spec_errors.append(ContentError(path, 0, "missing language file"))
                continue
            try:
                spec.files[code] = parse_file(path)
            except ContentError as error:
                spec_errors.append(error)
        if not spec_errors:
            spec_errors = check_meta(spec)
        errors.extend(spec_errors)
        if not spec_errors:
            good.append(spec)
    errors.extend(check_duplicate_slugs(good))
    good.sort(key=lambda s: (s.key.count("/") if s.key != "home" else -1, s.order, s.key))
    return good, errors


def check_meta(spec):
    errors = []
    source_keys, translation_keys = KEYS[spec.page_class]
    source_sources = spec.source.meta.get("sources") or []
    for code, content_file in spec.files.items():
        meta = content_file.meta
        allowed = source_keys if code == SOURCE_LANGUAGE else translation_keys
        for key in meta:
            if key not in allowed:
                errors.append(
                    ContentError(
                        content_file.path,
                        key_line(content_file, key),
                        f"unknown front matter key {key!r} (allowed: {', '.join(sorted(allowed))})",
                    )
                )
        for key in ("title", "slug", "summary"):
            value = meta.get(key)
            if not isinstance(value, str) or not value.strip():
                errors.append(
                    ContentError(
                        content_file.path, key_line(content_file, key), f"{key!r} is missing"
                    )
                )
        slug = meta.get("slug")
        if isinstance(slug, str) and not SLUG.match(slug):
            errors.append(
                ContentError(
                    content_file.path,
                    key_line(content_file, "slug"),
                    f"slug {slug!r} must be lowercase ASCII letters, digits and '-'",
                )
            )
        if isinstance(meta.get("title"), str) and len(meta["title"]) > 255:
            errors.append(
                ContentError(content_file.path, key_line(content_file, "title"), "title too long")
            )
        if isinstance(meta.get("summary"), str) and len(meta["summary"]) > 400:
            errors.append(
                ContentError(
                    content_file.path,
                    key_line(content_file, "summary"),
                    "summary is longer than 400 characters",
                )
            )
        if spec.page_class in TEXT_ONLY:
            for block in content_file.blocks:
                if block.type != "text":
                    errors.append(
                        ContentError(
                            content_file.path,
                            block.line,
                            "this page takes only plain paragraphs, no special blocks",
                        )
                    )
        if "sources" in allowed:
            errors.extend(check_sources(content_file, source_sources, code == SOURCE_LANGUAGE))
    errors.extend(check_source_only_keys(spec))
    return errors


def check_source_only_keys(spec):
    errors = []
    meta = spec.source.meta
    path = spec.source.path
    services = meta.get("services", [])
    if not isinstance(services, list) or not all(is_uuid(item) for item in services):
        errors.append(
            ContentError(
                path,
                key_line(spec.source, "services"),
                "'services' must be a list of service ids from the directory (UUIDs)",
            )
        )
    if spec.page_class is not HomePage and not isinstance(meta.get("order"), int):
        errors.append(
            ContentError(path, key_line(spec.source, "order"), "'order' must be a number")
        )
    if spec.page_class is TopicPage:
        icons = [name for name, _label in TOPIC_ICONS]
        if meta.get("icon") not in icons:
            errors.append(
                ContentError(
                    path, key_line(spec.source, "icon"), f"'icon' must be one of {', '.join(icons)}"
                )
            )
    reviewed = meta.get("last_reviewed")
    # Optional: only a day a person reviewed the page, never the day it was written.
    if reviewed is not None and not isinstance(reviewed, datetime.date):
        errors.append(
            ContentError(
                path,
                key_line(spec.source, "last_reviewed"),
                "'last_reviewed' must be a date written as YYYY-MM-DD",
            )
        )
    return errors


def is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def check_sources(content_file, source_sources, is_source):
    path = content_file.path
    line = key_line(content_file, "sources")
    sources = content_file.meta.get("sources")
    if sources is None:
        sources = []
    if not isinstance(sources, list):
        return [ContentError(path, line, "'sources' must be a list")]
    errors = []
    for index, item in enumerate(sources, start=1):
        if (
            not isinstance(item, dict)
            or not {"title", "url"} <= set(item)
            or not set(item) <= {"title", "url", "checked", "dated"}
        ):
            errors.append(
                ContentError(
                    path, line, f"source {index} needs title and url, optionally checked and dated"
                )
            )
            continue
        if not str(item["url"]).startswith(("https://", "http://")):
            errors.append(ContentError(path, line, f"source {index}: url must start with https://"))
        if "checked" in item and not isinstance(item["checked"], datetime.date):
            errors.append(
                ContentError(path, line, f"source {index}: 'checked' must be a YYYY-MM-DD date")
            )
    if not is_source and not errors:
        same = [(s.get("url"), s.get("checked"), s.get("dated")) for s in sources] == [
            (s.get("url"), s.get("checked"), s.get("dated"))
            for s in source_sources
            if isinstance(s, dict)
        ]
        if not same:
            errors.append(
                ContentError(
                    path,
                    line,
                    "sources must have the same url, checked and dated, in the same order as nl.md",
                )
            )
    return errors


def check_duplicate_slugs(specs):
    errors = []
    seen = {}
    for spec in specs:
        for code, content_file in spec.files.items():
            slug_key = (spec.parent_key, code, content_file.meta.get("slug"))
            if spec.parent_key is None:
                continue
            if slug_key in seen:
                other = seen[slug_key]
                errors.append(
                    ContentError(
                        content_file.path,
                        key_line(content_file, "slug"),
                        f"duplicate slug {slug_key[2]!r}: {other} uses it too",
                    )
                )
            else:
                seen[slug_key] = content_file.path
    return errors
