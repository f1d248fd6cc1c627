"""Directory texts to check in the translation status report and on the admin home: each
language's editors see the services and organisations whose Dutch changed, with a link to
the edit form where they may open it."""

import pytest

from portal.directory.models import Service
from tests.translations.test_permissions import user_in

pytestmark = pytest.mark.django_db
REPORT = "/admin/translation-status/"


@pytest.fixture
def changed_service():
    """A loaded service translated into every language, whose Dutch description changes."""
    service = (
        Service.objects.exclude(description_pl="")
        .exclude(description_ro="")
        .exclude(description_bg="")
        .exclude(description_en="")
        .order_by("name_nl")
        .first()
    )
    service.description_nl = f"{service.description_nl} Vanaf 2027 alleen op afspraak."
    service.save()
    return service


def edit_link(service):
    return f'href="/admin/snippets/directory/service/edit/{service.pk}/"'


def test_report_lists_directory_texts_to_check_with_a_link(client, changed_service):
    client.force_login(user_in("Editors: Polski"))
    html = client.get(REPORT).content.decode()
    section = html[html.index('id="directory"') :]
    assert edit_link(changed_service) in section
    assert 'class="status-outdated"' in section
    # The Polish editor's report shows Polish only.
    assert "<th>Polski</th>" in section and "<th>Română</th>" not in section


def test_report_leaves_the_directory_out_for_other_statuses_and_topics(client, changed_service):
    client.force_login(user_in("Moderators"))
    assert 'id="directory"' in client.get(REPORT, {"status": "outdated"}).content.decode()
    assert 'id="directory"' not in client.get(REPORT, {"status": "missing"}).content.decode()


def test_staff_see_the_entry_without_an_edit_link(client, changed_service):
    client.force_login(user_in("WIN-point staff"))
    html = client.get(REPORT).content.decode()
    section = html[html.index('id="directory"') :]
    assert str(changed_service.name_nl) in section
    assert edit_link(changed_service) not in section


def test_checked_text_leaves_the_report(client, changed_service):
    editor = user_in("Editors: Română")
    client.force_login(editor)
    assert edit_link(changed_service) in client.get(REPORT).content.decode()
    changed_service.description_ro = (
        f"{changed_service.description_ro} Din 2027 doar cu programare."
    )
    changed_service.save()
    assert edit_link(changed_service) not in client.get(REPORT).content.decode()


def test_admin_home_counts_directory_texts_per_language(client, changed_service):
    client.force_login(user_in("Editors: Български"))
    html = client.get("/admin/").content.decode()
    assert f"{REPORT}?language=bg#directory" in html
