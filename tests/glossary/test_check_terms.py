"""`manage.py check_terms`: clean over the starting content, and catching a variant not to use
planted in a page text, a directory text, an interface string and the search terms, both in the
files and in the database."""

import io
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from portal.glossary.terms import variant_pattern

pytestmark = pytest.mark.django_db


def run_check(*args):
    out = io.StringIO()
    try:
        call_command("check_terms", *args, stdout=out)
    except CommandError as error:
        return False, out.getvalue(), str(error)
    return True, out.getvalue(), ""


def test_the_starting_content_is_clean():
    clean, output, _error = run_check()
    assert clean, output


@pytest.fixture
def project_copy(tmp_path):
    """The files check_terms reads, copied so that a test can plant variants in them."""
    base = Path(settings.BASE_DIR)
    for folder in ("content", "locale"):
        shutil.copytree(base / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.mo"))
    return tmp_path


def plant(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_variants_planted_in_each_kind_of_file_are_reported_with_file_and_line(project_copy):
    page = project_copy / "content" / "healthcare" / "healthcare-allowance" / "pl.md"
    page_line = plant(
        page, "Dopłata do ubezpieczenia zdrowotnego (zorgtoeslag) to", "Dodatek zdrowotny to"
    )
    directory = project_copy / "content" / "directory" / "services.json"
    directory_line = plant(directory, "проблеми с наемодателя", "проблеми с хазяина")
    po = project_copy / "locale" / "ro" / "LC_MESSAGES" / "django.po"
    po_line = plant(
        po, 'msgstr "Glosar"', 'msgstr "Glosar: alocații pentru asigurarea de sănătate"'
    )
    terms = project_copy / "content" / "search" / "terms.yaml"
    terms_line = plant(terms, "здравна застраховка]", "здравна застраховка, здравна осигуровка]")

    clean, output, error = run_check("--files-only", "--base-dir", str(project_copy))

    assert not clean and "4 uses" in error
    assert (
        f"content/healthcare/healthcare-allowance/pl.md:{page_line}: [pl] “dodat* zdrowotn*”"
        in output
    )
    assert (
        f"content/directory/services.json:{directory_line}: [bg] “хазя*” → use “наемодател”"
        in output
    )
    assert f"locale/ro/LC_MESSAGES/django.po:{po_line}: [ro] “alocați* pentru asigurare*”" in output
    assert f"content/search/terms.yaml:{terms_line}: [bg] “здравн* осигуровк*”" in output


def test_variants_in_the_database_are_reported_with_an_admin_link(site_pages):
    from portal.directory.models import Service
    from portal.search.models import SynonymGroup

    page = site_pages["housing/renting-your-rights"]["bg"]
    page.summary = "Какво да направите, ако хазяинът не връща депозита."
    page.save_revision().publish()
    service = Service.objects.filter(status="active").first()
    service.description_ro = "Ajutor cu alocația pentru asigurarea de sănătate."
    service.save()
    group = SynonymGroup.objects.create(terms="zorgtoeslag\ndodatek zdrowotny")

    clean, output, _error = run_check("--database-only")

    assert not clean
    assert f"/admin/pages/{page.pk}/edit/ (summary): [bg] “хазя*”" in output
    assert f"/admin/snippets/directory/service/edit/{service.pk}/ (description_ro): [ro]" in output
    assert (
        f"/admin/snippets/portal_search/synonymgroup/edit/{group.pk}/: [pl] “dodat* zdrowotn*”"
        in output
    )


def test_not_to_use_patterns():
    assert variant_pattern("dodat* zdrowotn*").search("o dodatku  zdrowotnego")
    assert not variant_pattern("dodat* zdrowotn*").search("dodatek urlopowy")
    assert variant_pattern("хазя*").search("Хазяинът")
    assert not variant_pattern("хазя*").search("бухазяин")
    # A variant in capitals is a spelling: "CAO" is reported, "cao" is the term to use.
    assert variant_pattern("CAO").search("w CAO od 2022")
    assert not variant_pattern("CAO").search("w cao od 2022")


def test_the_editor_and_the_report_show_the_variants(admin_client, site_pages):
    page = site_pages["housing/renting-your-rights"]["bg"]
    page.summary = "Какво да направите, ако хазяинът не връща депозита."
    page.save_revision().publish()
    # A translation opens in localize's editor: the variants are listed when it opens.
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "хазя*" in edit and "наемодател" in edit
    report = admin_client.get("/admin/terminology/").content.decode()
    assert f"/admin/pages/{page.pk}/edit/" in report


def test_the_page_editor_warns_beside_the_field(admin_client, site_pages):
    from portal.glossary.models import GlossaryTerm

    term = GlossaryTerm.objects.get(term="verhuurder")
    term.avoid_terms_nl = "huisbaas"
    term.save()
    page = site_pages["housing/renting-your-rights"]["nl"]
    page.summary = "Wat je doet als je huisbaas de borg niet teruggeeft."
    page.save_revision().publish()
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    # In the summary field's help text, which the field points to (aria-describedby).
    help_id = re.search(r'id="([^"]*summary[^"]*-helptext)"', edit)
    assert help_id is not None
    help_text = edit[help_id.end() :].split("</div>", 1)[0]
    assert "huisbaas" in help_text and "verhuurder" in help_text
