"""Who may do what, per role and per language tree (the permission matrix)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db
LANGUAGES = ["nl", "en", "pl", "ro", "bg"]
GUIDE = "rights/sick-pay"

# role -> languages whose tree it may edit and publish, may delete (single pages) in, and whether
# it may start translations. Wagtail lets whoever may edit and publish a page delete it too.
MATRIX = {
    "Editors: Nederlands": {"edit": {"nl"}, "delete": {"nl"}, "translate": True},
    "Editors: English": {"edit": {"en"}, "delete": {"en"}, "translate": True},
    "Editors: Polski": {"edit": {"pl"}, "delete": {"pl"}, "translate": True},
    "Editors: Română": {"edit": {"ro"}, "delete": {"ro"}, "translate": True},
    "Editors: Български": {"edit": {"bg"}, "delete": {"bg"}, "translate": True},
    "Moderators": {"edit": set(LANGUAGES), "delete": set(LANGUAGES), "translate": True},
    "WIN-point staff": {"edit": set(), "delete": set(), "translate": False},
}


def user_in(group_name):
    user = get_user_model().objects.create_user(
        username=group_name.lower().replace(" ", "-").replace(":", ""), password="x"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize("role", list(MATRIX))
def test_permission_matrix(role, site_pages):
    user = user_in(role)
    expected = MATRIX[role]
    assert user.has_perm("wagtailadmin.access_admin")
    assert user.has_perm("wagtail_localize.submit_translation") == expected["translate"]
    for code in LANGUAGES:
        permissions = site_pages[GUIDE][code].permissions_for_user(user)
        assert permissions.can_edit() == (code in expected["edit"]), (role, code, "edit")
        assert permissions.can_publish() == (code in expected["edit"]), (role, code, "publish")
        assert permissions.can_delete() == (code in expected["delete"]), (role, code, "delete")
        # Whole topics (pages with subpages) only moderators may delete.
        topic = site_pages["rights"][code].permissions_for_user(user)
        assert topic.can_delete() == (role == "Moderators" and code in expected["delete"])


def test_polish_editor_cannot_open_a_romanian_page_for_editing(client, site_pages):
    client.force_login(user_in("Editors: Polski"))
    assert client.get(f"/admin/pages/{site_pages[GUIDE]['pl'].pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{site_pages[GUIDE]['ro'].pk}/edit/")
    assert response.status_code in (302, 403)
    assert client.get(f"/admin/pages/{site_pages[GUIDE]['nl'].pk}/edit/").status_code in (302, 403)


def test_admin_home_shows_the_editors_own_languages(client, site_pages):
    dutch = site_pages[GUIDE]["nl"]
    dutch.summary += " Nieuw."
    dutch.save_revision().publish()
    client.force_login(user_in("Editors: Polski"))
    html = client.get("/admin/").content.decode()
    assert "Polski" in html
    assert "1 nieaktualne" in html or "1 verouderd" in html or "1 outdated" in html
    assert "Română</strong>" not in html
