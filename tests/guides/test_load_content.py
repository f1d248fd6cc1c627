"""`manage.py load_content`: idempotent, respects editors' changes, validates before writing."""

import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from portal.guides.contentfiles import importer
from portal.guides.models import GuidePage, LoadedContent
from tests.factories import starting_page_count

CONTENT = Path(settings.BASE_DIR) / "content"
GUIDE = "healthcare/health-insurance"

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path):
    """A small copy of the content folder: home, one topic and one of its guides."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "home", root / "home")
    topic = root / "healthcare"
    topic.mkdir()
    for path in (CONTENT / "healthcare").glob("*.md"):
        shutil.copy(path, topic / path.name)
    shutil.copytree(CONTENT / "healthcare" / "health-insurance", topic / "health-insurance")
    return root


def load(*args, capture=None):
    out = io.StringIO()
    if capture is None:
        call_command("load_content", *args, stdout=out, stderr=out)
    else:
        with capture(execute=True):
            call_command("load_content", *args, stdout=out, stderr=out)
    return out.getvalue()


def summary_row(output, code):
    """The numbers of one language's row: created, updated, unchanged, kept."""
    line = next(line for line in output.splitlines() if line.startswith(f"{code} "))
    return [int(n) for n in re.findall(r"\d+", line)]


def prefix(path, key, text):
    """Put `text` in front of a front matter value, keeping the YAML valid."""
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    value = yaml.safe_load(lines[index])[key]
    lines[index] = f"{key}: {json.dumps(text + value, ensure_ascii=False)}"
    path.write_text("\n".join(lines), encoding="utf-8")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_second_run_changes_nothing():
    revisions = Revision.objects.count()
    output = load()
    for code in ("nl", "en", "pl", "ro", "bg"):
        created, updated, unchanged, kept = summary_row(output, code)
        assert (created, updated, kept) == (0, 0, 0)
        assert unchanged == starting_page_count()
    assert Revision.objects.count() == revisions


def test_changed_file_updates_the_page_and_its_translation(
    content, client, django_capture_on_commit_callbacks
):
    prefix(content / "healthcare/health-insurance/pl.md", "title", "Nowy tytuł — ")
    output = load("--path", str(content), capture=django_capture_on_commit_callbacks)
    assert summary_row(output, "pl") == [0, 1, 2, 0]
    page = LoadedContent.objects.get(key=GUIDE, locale__language_code="pl").page
    assert page.title.startswith("Nowy tytuł — ")
    assert client.get(page.url).status_code == 200


def test_pages_changed_by_editors_are_kept_unless_forced(
    content, django_capture_on_commit_callbacks
):
    record = LoadedContent.objects.get(key=GUIDE, locale__language_code="nl")
    page = record.page.specific
    page.title = "Door de redactie aangepast"
    page.save_revision().publish()
    prefix(content / "healthcare/health-insurance/nl.md", "summary", "Nieuw. ")

    output = load("--path", str(content), capture=django_capture_on_commit_callbacks)
    assert summary_row(output, "nl")[3] == 1
    # Its translations follow their source, so they are kept too.
    assert summary_row(output, "ro")[3] == 1
    page.refresh_from_db()
    assert page.title == "Door de redactie aangepast"

    output = load("--path", str(content), "--force", capture=django_capture_on_commit_callbacks)
    assert summary_row(output, "nl")[3] == 0
    page.refresh_from_db()
    assert page.title != "Door de redactie aangepast"
    assert page.specific.summary.startswith("Nieuw. ")


def test_new_guide_is_created_as_linked_translations(
    content, client, django_capture_on_commit_callbacks
):
    new = content / "healthcare/new-guide"
    shutil.copytree(content / "healthcare/health-insurance", new)
    for path in new.glob("*.md"):
        edit(path, "slug: ", "slug: nieuw-")
    output = load("--path", str(content), capture=django_capture_on_commit_callbacks)
    assert summary_row(output, "bg")[0] == 1
    source = LoadedContent.objects.get(key="healthcare/new-guide", locale__language_code="nl").page
    translations = source.get_translations().live()
    assert translations.count() == 4
    for page in [source, *translations]:
        assert client.get(page.url).status_code == 200, page.url


def test_check_validates_and_writes_nothing(content):
    prefix(content / "healthcare/health-insurance/nl.md", "title", "Anders ")
    revisions = Revision.objects.count()
    output = load("--path", str(content), "--check")
    assert "are valid" in output
    assert Revision.objects.count() == revisions
    assert not GuidePage.objects.filter(title__startswith="Anders ").exists()


def break_missing_file(content):
    (content / "healthcare/health-insurance/ro.md").unlink()
    return r"healthcare/health-insurance/ro\.md: missing language file"


def break_front_matter(content):
    edit(content / "healthcare/health-insurance/nl.md", "---\n", "---\ntags: [niet gesloten\n")
    return r"healthcare/health-insurance/nl\.md:\d+: broken front matter"


def break_block_syntax(content):
    video = "\n:::video\nhttps://example.org\n:::\n\n## "
    edit(content / "healthcare/health-insurance/en.md", "\n## ", video)
    return r"healthcare/health-insurance/en\.md:\d+: unknown block ':::video'"


def break_slug(content):
    guide = (content / "healthcare/health-insurance/pl.md").read_text(encoding="utf-8")
    guide_slug = re.search(r"^slug: (.+)$", guide, re.M).group(1)
    shutil.copytree(content / "healthcare/health-insurance", content / "healthcare/copy")
    return rf"healthcare/(health-insurance|copy)/\w\w\.md:\d+: duplicate slug '{guide_slug}'"


def break_structure(content):
    path = content / "healthcare/health-insurance/bg.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    step = next(i for i, line in enumerate(lines) if re.match(r"^\d+\. ", line))
    del lines[step]
    path.write_text("\n".join(lines), encoding="utf-8")
    return r"healthcare/health-insurance/bg\.md:\d+: \d+ items here, but nl\.md line \d+ has \d+"


def break_links(content):
    path = content / "healthcare/health-insurance/en.md"
    text = path.read_text(encoding="utf-8")
    first_link = re.search(r"\]\((https://[^)]+)\)", text)
    assert first_link, "the guide has a link in its text"
    changed = text.replace(f"]({first_link.group(1)})", "](https://example.org/other)", 1)
    path.write_text(changed, encoding="utf-8")
    return r"healthcare/health-insurance/en\.md:\d+: links differ from nl\.md line \d+"


WIN_POINT = "3a164575-d0ef-4e4a-afd6-42537b48ae56"
UNKNOWN_SERVICE = "00000000-0000-4000-8000-000000000000"


def break_service_link(content):
    for code in ("nl", "en", "pl", "ro", "bg"):
        edit(content / f"home/{code}.md", f"service:{WIN_POINT}", f"service:{UNKNOWN_SERVICE}")
    return rf"home/nl\.md:\d+: unknown service {UNKNOWN_SERVICE}"


def break_service_link_in_one_language(content):
    edit(content / "home/pl.md", f"service:{WIN_POINT}", "https://example.org/win")
    return r"home/pl\.md:\d+: links differ from nl\.md line \d+"


@pytest.mark.parametrize(
    "break_it",
    [
        break_service_link,
        break_service_link_in_one_language,
        break_missing_file,
        break_front_matter,
        break_block_syntax,
        break_slug,
        break_structure,
        break_links,
    ],
)
def test_bad_files_are_reported_with_file_and_line_and_nothing_is_imported(content, break_it):
    expected = break_it(content)
    prefix(content / "home/nl.md", "title", "Gewijzigd ")  # a valid change elsewhere
    revisions = Revision.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("load_content", "--path", str(content), stdout=io.StringIO(), stderr=err)
    assert re.search(expected, err.getvalue()), err.getvalue()
    assert Revision.objects.count() == revisions
    assert not Page.objects.filter(title__startswith="Gewijzigd ").exists()


def test_a_failure_halfway_rolls_back_everything(content, monkeypatch):
    prefix(content / "home/nl.md", "title", "Gewijzigd ")
    prefix(content / "healthcare/health-insurance/nl.md", "title", "Ook gewijzigd ")
    pages = Page.objects.count()

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer.ContentImporter, "translate", fail)
    with pytest.raises(RuntimeError):
        load("--path", str(content))
    assert Page.objects.count() == pages
    assert not Page.objects.filter(title__startswith="Gewijzigd ").exists()
    assert not Page.objects.filter(title__startswith="Ook gewijzigd ").exists()


def test_service_links_point_at_the_directory_in_the_readers_language(client, site_pages):
    for code in ("nl", "pl", "bg"):
        html = client.get(f"/{code}/").content.decode()
        assert f'href="/{code}/services/{WIN_POINT}/"' in html
