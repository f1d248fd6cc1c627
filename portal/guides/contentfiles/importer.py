"""Import the content folders as Dutch source pages and wagtail-localize translations.

For each page the Dutch file becomes (or updates) the source page. Each other language becomes a
localize *translation* of it: we pair every translatable piece (segment) of the Dutch page with
the same piece of the translated file and store those pairs as localize string translations, then
let localize build and publish the translated page. That is exactly what a translator does in
localize's editor, so translation status, sync and PO export all work on loaded content.
"""

import hashlib
import json
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import extract_segments

from ...core.languages import SOURCE_LANGUAGE, language_codes
from ...directory.models import Service
from ...facts.render import keys_in
from ..models import GuideService, HomePage, LoadedContent
from .discovery import key_line
from .parser import ContentError

BLOCK_NAMESPACE = uuid.UUID("6f1c3a52-93d4-4c39-9a57-2b1f3a0e7d41")
SITE_TITLE = "WIN-portaal Zoetermeer"
SERVICE_ID_IN_HTML = re.compile(r'linktype="service" id="([0-9a-f-]{36})"')


def block_id(*parts):
    """Stable block ids: the same position in the same page always gets the same id, so the
    Dutch page and every translation line up, and re-loading does not churn the ids."""
    return str(uuid.uuid5(BLOCK_NAMESPACE, "/".join(str(p) for p in parts)))


def body_raw(spec, content_file):
    """The page body in Wagtail's raw StreamField form, with the sources appended."""
    raw = []
    for index, block in enumerate(content_file.blocks):
        value = block.value
        if block.type in ("steps", "checklist"):
            value = [
                {"type": "item", "value": item, "id": block_id(spec.key, index, position)}
                for position, item in enumerate(value)
            ]
        raw.append({"type": block.type, "value": value, "id": block_id(spec.key, index)})
    for index, source in enumerate(content_file.meta.get("sources") or []):
        raw.append(
            {
                "type": "source",
                "value": {
                    "title": source["title"],
                    "url": source["url"],
                    # Only a date a person wrote in the file; never the day of loading.
                    "checked": source["checked"].isoformat() if source.get("checked") else None,
                    "dated": str(source.get("dated") or ""),
                },
                "id": block_id(spec.key, "source", index),
            }
        )
    return raw


def block_messages(error, name=""):
    """A block's validation error as 'field: message' texts (struct and list blocks nest)."""
    nested = getattr(error, "block_errors", None)
    if nested:
        items = nested.items() if isinstance(nested, dict) else enumerate(nested)
        return [
            message
            for key, child in items
            if child
            for message in block_messages(child, f"{name}{key}: " if isinstance(key, str) else name)
        ]
    if hasattr(error, "as_data"):  # an ErrorList
        return [message for child in error.as_data() for message in block_messages(child, name)]
    return [f"{name}{message}" for message in getattr(error, "messages", [str(error)])]


def page_fields(spec, code):
    """The field values the files give a page in one language."""
    content_file = spec.files[code]
    source_meta = spec.source.meta
    fields = {
        "title": content_file.meta["title"].strip(),
        "slug": content_file.meta["slug"],
        "summary": content_file.meta["summary"].strip(),
    }
    if spec.page_class.__name__ in ("HomePage", "TopicPage"):
        fields["intro"] = "".join(block.value for block in content_file.blocks)
    if spec.page_class.__name__ == "TopicPage":
        fields["icon"] = source_meta["icon"]
    if spec.page_class.__name__ in ("GuidePage", "StandardPage"):
        fields["body"] = body_raw(spec, content_file)
        fields["last_reviewed"] = source_meta.get("last_reviewed")
    return fields


def file_hash(spec, code):
    """A translation depends on its own file and on the Dutch file it translates."""
    digest = hashlib.sha256()
    for path in sorted({spec.source.path, spec.files[code].path}):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def string_segments(instance):
    """{path: [(text, attrs), …]} and {path: template} for a page instance."""
    strings = defaultdict(list)
    templates = {}
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append((segment.string.data, segment.attrs or {}))
        elif isinstance(segment, TemplateSegmentValue):
            templates[segment.path] = segment.template
    return strings, templates


def segment_line(spec, code, path):
    """Where in a file the piece with this segment path comes from, for error messages."""
    content_file = spec.files[code]
    field_name, _dot, rest = path.partition(".")
    if field_name in ("title", "slug", "summary"):
        return key_line(content_file, field_name)
    block_key = rest.split(".")[0]
    for index, block in enumerate(content_file.blocks):
        if block_id(spec.key, index) == block_key:
            return block.line
    if field_name == "body":
        return key_line(content_file, "sources")
    return content_file.body_line


def links_of(attrs):
    return [
        a.get("href") or f"{a.get('linktype')}:{a.get('id')}" for _k, a in sorted(attrs.items())
    ]


@dataclass
class PairedTranslation:
    """The translated text of every Dutch segment of one page in one language."""

    code: str
    texts: dict = field(default_factory=dict)  # (path, occurrence) -> translated text


def pair_translation(spec, code):
    """Pair the Dutch file's segments with the translation's, or raise ContentError."""
    page_class = spec.page_class
    source = page_class(**page_fields(spec, SOURCE_LANGUAGE))
    target = page_class(**page_fields(spec, code))
    source_strings, source_templates = string_segments(source)
    target_strings, target_templates = string_segments(target)
    source_blocks = spec.source.blocks
    target_blocks = spec.files[code].blocks
    target_path = spec.files[code].path
    if [b.type for b in source_blocks] != [b.type for b in target_blocks]:
        for a, b in zip(source_blocks, target_blocks, strict=False):
            if a.type != b.type:
                raise ContentError(
                    target_path,
                    b.line,
                    f"this is a {b.type} block, but nl.md line {a.line} has a {a.type} block here",
                )
        line = target_blocks[-1].line if target_blocks else spec.files[code].body_line
        raise ContentError(
            target_path,
            line,
            f"nl.md has {len(source_blocks)} blocks, this file has {len(target_blocks)}",
        )
    for a, b in zip(source_blocks, target_blocks, strict=True):
        if a.type == "contact":
            for key in ("phone", "email", "url"):
                if a.value[key] != b.value[key]:
                    raise ContentError(
                        target_path,
                        b.line,
                        f"contact {key} must be the same as in nl.md line {a.line}",
                    )
        if a.type in ("steps", "checklist") and len(a.value) != len(b.value):
            raise ContentError(
                target_path,
                b.line,
                f"{len(b.value)} items here, but nl.md line {a.line} has {len(a.value)}",
            )
    paired = PairedTranslation(code)
    for path, pieces in source_strings.items():
        translated = target_strings.get(path, [])
        line = segment_line(spec, code, path)
        if source_templates.get(path) != target_templates.get(path) or len(pieces) != len(
            translated
        ):
            raise ContentError(
                target_path,
                line,
                "paragraphs or bullet items differ from nl.md line "
                f"{segment_line(spec, SOURCE_LANGUAGE, path)}: keep the same structure",
            )
        for occurrence, ((_text, attrs), (text, target_attrs)) in enumerate(
            zip(pieces, translated, strict=True)
        ):
            if sorted(keys_in(_text)) != sorted(keys_in(text)):
                raise ContentError(
                    target_path,
                    line,
                    f"facts differ from nl.md line {segment_line(spec, SOURCE_LANGUAGE, path)}: "
                    "use the same {{ fact:… }} placeholders as the Dutch text",
                )
            if links_of(attrs) != links_of(target_attrs):
                raise ContentError(
                    target_path,
                    line,
                    f"links differ from nl.md line {segment_line(spec, SOURCE_LANGUAGE, path)}: "
                    "use the same link addresses in the same order",
                )
            paired.texts[(path, occurrence)] = text
    return paired


@dataclass
class Summary:
    counts: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(int)))

    def add(self, code, outcome):
        self.counts[code][outcome] += 1


def ensure_site():
    """The Dutch home page as the site's root, replacing Wagtail's welcome page.

    Returns the Dutch home page. Safe to call on a site that already has one.
    """
    nl = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    home = HomePage.objects.filter(locale=nl).first()
    if home is None:
        root = Page.get_first_root_node()
        for child in root.get_children():
            if child.specific_class is Page and child.slug == "home":
                # Wagtail's "Welcome to your new Wagtail site!" page (its Site goes with it).
                child.delete()
        home = HomePage(title=SITE_TITLE, slug="home", summary=SITE_TITLE, locale=nl)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            site_name=SITE_TITLE,
            root_page=home,
            is_default_site=True,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = SITE_TITLE
        site.save()
    return home


class ContentImporter:
    """Validates all content files, then imports them in one transaction."""

    def __init__(self, specs, force=False, progress=None, fact_keys=None):
        self.specs = specs
        self.fact_keys = fact_keys
        self.force = force
        self.progress = progress or (lambda done, total, label: None)
        self.summary = Summary()
        self.pages = {}  # key -> Dutch page
        self.kept_sources = set()

    def validate(self):
        """Pair every translation with its source and check the chosen services exist.

        Returns a list of ContentErrors.
        """
        errors = self.check_services() + self.check_facts() + self.check_blocks()
        self.paired = {}
        for spec in self.specs:
            for code in language_codes():
                if code == SOURCE_LANGUAGE:
                    continue
                try:
                    self.paired[(spec.key, code)] = pair_translation(spec, code)
                except ContentError as error:
                    errors.append(error)
        return errors

    def check_facts(self):
        """Facts only in the page text, and only facts that exist (in the database or in
        content/facts.yaml)."""
        errors = []
        for spec in self.specs:
            for content_file in spec.files.values():
                for name in ("title", "slug", "summary"):
                    if keys_in(str(content_file.meta.get(name, ""))):
                        errors.append(
                            ContentError(
                                content_file.path,
                                key_line(content_file, name),
                                f"facts go in the page text, not in the {name}",
                            )
                        )
                if self.fact_keys is None:
                    continue
                for block in content_file.blocks:
                    for key in keys_in(json.dumps(block.value, ensure_ascii=False)):
                        if key not in self.fact_keys:
                            errors.append(
                                ContentError(
                                    content_file.path,
                                    block.line,
                                    f"unknown fact {key!r}: add it to content/facts.yaml",
                                )
                            )
        return errors

    def check_blocks(self):
        """Each body block through its own StreamField block's validation (e-mail and web
        addresses, phone numbers, required fields), as the page editor would: the files are
        not trusted more than an editor's form."""
        errors = []
        for spec in self.specs:
            if spec.page_class.__name__ not in ("GuidePage", "StandardPage"):
                continue
            stream_block = spec.page_class._meta.get_field("body").stream_block
            for content_file in spec.files.values():
                for index, item in enumerate(body_raw(spec, content_file)):
                    child = stream_block.child_blocks.get(item["type"])
                    if child is None:
                        continue
                    try:
                        child.clean(child.to_python(item["value"]))
                    except ValidationError as error:
                        if index < len(content_file.blocks):
                            line = content_file.blocks[index].line
                        else:
                            line = key_line(content_file, "sources")
                        errors.append(
                            ContentError(
                                content_file.path,
                                line,
                                f"{item['type']}: {'; '.join(block_messages(error))}",
                            )
                        )
        return errors

    def check_services(self):
        wanted = {
            str(service_id): spec
            for spec in self.specs
            for service_id in spec.source.meta.get("services", [])
        }
        # Services linked in the text ([WIN-punt](service:<id>)) must exist too.
        for spec in self.specs:
            for block in spec.source.blocks:
                for service_id in SERVICE_ID_IN_HTML.findall(str(block.value)):
                    wanted.setdefault(service_id, spec)
        found = Service.objects.filter(pk__in=list(wanted)).values_list("pk", flat=True)
        known = {str(pk) for pk in found}
        return [
            ContentError(
                spec.source.path,
                key_line(spec.source, "services"),
                f"unknown service {service_id}: import the directory first "
                "(manage.py import_hsds content/directory/services.json)",
            )
            for service_id, spec in wanted.items()
            if service_id not in known
        ]

    @transaction.atomic
    def run(self):
        ensure_site()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        total = len(self.specs) * len(language_codes())
        done = 0
        for spec in self.specs:
            for code in language_codes():
                label = f"{spec.key} [{code}]"
                if code == SOURCE_LANGUAGE:
                    self.import_source(spec)
                else:
                    self.import_translation(spec, code)
                done += 1
                self.progress(done, total, label)
        self.link_home_pages()
        return self.summary

    def record_for(self, key, code):
        return LoadedContent.objects.filter(key=key, locale=self.locales[code]).first()

    def outcome_for(self, record, page, digest):
        """Decide what to do with a page: create, update, unchanged or kept (edited in CMS)."""
        if page is None:
            if record is not None and not self.force:
                return "kept"  # an editor deleted it
            return "create"
        if record is None or record.revision_id != page.latest_revision_id:
            return "update" if self.force else "kept"
        if record.file_hash == digest and not self.force:
            return "unchanged"
        return "update"

    def save_record(self, key, code, page, digest):
        LoadedContent.objects.update_or_create(
            key=key,
            locale=self.locales[code],
            defaults={"page": page, "revision_id": page.latest_revision_id, "file_hash": digest},
        )

    def import_source(self, spec):
        digest = file_hash(spec, SOURCE_LANGUAGE)
        record = self.record_for(spec.key, SOURCE_LANGUAGE)
        if spec.key == "home":
            page = ensure_site()
            if record is None and page.latest_revision.content.get("summary") == SITE_TITLE:
                # The placeholder home made by ensure_site() is ours to fill.
                record = LoadedContent(revision_id=page.latest_revision_id, file_hash="")
        else:
            page = record.page.specific if record and record.page else None
        outcome = self.outcome_for(record, page, digest)
        fields = page_fields(spec, SOURCE_LANGUAGE)
        if outcome == "create":
            parent = self.pages[spec.parent_key]
            page = spec.page_class(locale=self.locales[SOURCE_LANGUAGE], **fields)
            parent.add_child(instance=page)
        elif outcome == "update":
            for name, value in fields.items():
                setattr(page, name, value)
        if outcome in ("create", "update"):
            if "services" in spec.source.meta:
                page.help_services = [
                    GuideService(service_id=service_id, sort_order=position)
                    for position, service_id in enumerate(spec.source.meta["services"])
                ]
            page.save_revision().publish()
            page.refresh_from_db()
            self.save_record(spec.key, SOURCE_LANGUAGE, page, digest)
        if outcome == "kept":
            self.kept_sources.add(spec.key)
        self.pages[spec.key] = page
        filled_placeholder = outcome == "update" and record is not None and not record.file_hash
        created = outcome == "create" or filled_placeholder
        self.summary.add(SOURCE_LANGUAGE, "created" if created else outcome)

    def link_home_pages(self):
        """Point the home page's urgent-help and WIN-point links at the loaded pages, once."""
        home = self.pages.get("home")
        links = {
            "urgent_help_page": self.pages.get("pages/urgent-help"),
            "win_point_page": self.pages.get("pages/about"),
        }
        if home is None or "home" in self.kept_sources:
            return
        missing = {
            name: page
            for name, page in links.items()
            if page is not None and getattr(home, f"{name}_id") is None
        }
        if not missing:
            return
        for name, page in missing.items():
            setattr(home, name, page)
        home.save_revision().publish()
        home.refresh_from_db()
        # Only a link changed, no text: hand the new version to translators at once, so the
        # translations do not count as outdated.
        TranslationSource.update_or_create_from_instance(home)
        LoadedContent.objects.filter(key="home", locale=self.locales[SOURCE_LANGUAGE]).update(
            revision_id=home.latest_revision_id
        )

    def import_translation(self, spec, code):
        source_page = self.pages.get(spec.key)
        locale = self.locales[code]
        if source_page is None:
            self.summary.add(code, "kept")
            return
        digest = file_hash(spec, code)
        record = self.record_for(spec.key, code)
        page = source_page.get_translation_or_none(locale)
        if page is not None:
            page = page.specific
            if record is None and spec.key == "home" and page.title == source_page.title:
                record = LoadedContent(revision_id=page.latest_revision_id, file_hash="")
        outcome = self.outcome_for(record, page, digest)
        if spec.key in self.kept_sources and not self.force:
            outcome = "kept"
        if outcome in ("create", "update"):
            page = self.translate(source_page, locale, self.paired[(spec.key, code)])
            self.save_record(spec.key, code, page, digest)
        self.summary.add(code, "created" if outcome == "create" else outcome)

    def translate(self, source_page, locale, paired):
        """Store the paired texts as localize string translations and publish the page."""
        source, created = TranslationSource.update_or_create_from_instance(source_page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        occurrences = defaultdict(int)
        segments = (
            StringSegment.objects.filter(source=source)
            .select_related("string", "context")
            .order_by("order")
        )
        for segment in segments:
            path = segment.context.path
            occurrence = occurrences[path]
            occurrences[path] += 1
            text = paired.texts.get((path, occurrence))
            if text is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "load_content",
                    "has_error": False,
                    "field_error": "",
                },
            )
        translation.save_target(publish=True)
        return source_page.get_translation(locale).specific
