"""The statistics in the admin: the dashboard with SVG charts and a CSV per table, reader
comments per language for editors, and the yearly report whose totals are the stored counts."""

import csv
import io
from datetime import date
from html import unescape

import pytest
from django.contrib.auth.models import Group, User

from portal.desk.models import Referral
from portal.insights.models import FeedbackComment, FeedbackVote, PageView, PageViewEvent
from portal.search.models import ZeroResultQuery

from .conftest import GUIDE

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def counts(site_pages):
    guide = site_pages[GUIDE]
    rows = [
        PageView(date=date(YEAR, 1, 3), language="pl", page=guide["pl"], count=120),
        PageView(date=date(YEAR, 1, 4), language="pl", page=guide["pl"], count=30),
        PageView(date=date(YEAR, 3, 9), language="ro", page=guide["ro"], count=45),
        PageView(date=date(YEAR, 7, 1), language="nl", page=guide["nl"], count=7),
        PageView(date=date(YEAR, 12, 31), language="bg", page=guide["bg"], count=1003),
        PageView(date=date(YEAR - 1, 12, 31), language="bg", page=guide["bg"], count=999),
    ]
    PageView.objects.bulk_create(rows)
    PageViewEvent.objects.create(date=date(YEAR, 5, 5), language="pl", page_id=guide["pl"].pk)
    FeedbackVote.objects.create(
        date=date(YEAR, 2, 1), language="pl", page=guide["pl"], helpful=True, count=8
    )
    FeedbackVote.objects.create(
        date=date(YEAR, 2, 1), language="pl", page=guide["pl"], helpful=False, count=2
    )
    ZeroResultQuery.objects.create(date=date(YEAR, 4, 1), language="ro", query="pasaport", count=5)
    Referral.objects.create(
        date=date(YEAR, 6, 1), language="pl", channel="qr", subject="healthcare", count=4
    )
    return 120 + 30 + 45 + 7 + 1003 + 1  # the year's views, the raw row included


@pytest.fixture
def comments(site_pages):
    guide = site_pages[GUIDE]
    return {
        code: FeedbackComment.objects.create(
            date=date(YEAR, 2, 1),
            language=code,
            page=guide[code],
            helpful=False,
            comment=f"Comment in {code}",
        )
        for code in ["pl", "ro"]
    }


def editor(code_name):
    user = User.objects.create_user(f"editor-{code_name}", password="x")
    user.groups.add(Group.objects.get(name=code_name))
    return user


def test_the_dashboard_shows_every_table_with_charts(admin_client, counts):
    response = admin_client.get(f"/admin/insights/?year={YEAR}")
    assert response.status_code == 200
    html = response.content.decode()
    for slug in [
        "views-by-language",
        "views-by-topic",
        "top-pages",
        "helpfulness",
        "searches-without-results",
        "referrals-by-channel",
        "referrals-by-subject",
        "translation-coverage",
    ]:
        assert f'id="{slug}"' in html and f"csv={slug}" in html
    assert html.count('<svg class="chart" role="img"') == 4
    assert "<title id=" in html and "<desc id=" in html
    assert "pasaport" in html and "style=" not in html.split('<div class="nice-padding')[1]


def test_every_table_downloads_as_csv(admin_client, counts):
    response = admin_client.get(f"/admin/insights/?year={YEAR}&csv=views-by-language")
    assert response["Content-Type"].startswith("text/csv")
    assert f"views-by-language-{YEAR}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Maand" and rows[0][-1] == "Totaal"  # the admin speaks Dutch here
    assert len(rows) == 13
    assert sum(int(row[-1]) for row in rows[1:]) == counts
    january = rows[1]
    assert january[rows[0].index("Polski")] == "150"
    helpful = list(
        csv.reader(
            io.StringIO(
                admin_client.get(f"/admin/insights/?year={YEAR}&csv=helpfulness").content.decode()
            )
        )
    )
    assert helpful[1][2:5] == ["8", "2", "80%"]
    assert admin_client.get(f"/admin/insights/?year={YEAR}&csv=nothing").status_code == 404


def test_csv_cells_cannot_become_formulas(admin_client):
    ZeroResultQuery.objects.create(date=date(YEAR, 4, 1), language="pl", query="=cmd()", count=1)
    response = admin_client.get(f"/admin/insights/?year={YEAR}&csv=searches-without-results")
    assert "'=cmd()" in response.content.decode()


def test_the_yearly_report_totals_are_the_stored_counts(admin_client, counts):
    response = admin_client.get(f"/admin/insights/report/{YEAR}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html and "jaarverslag 2025" in html
    assert f'<strong data-total="views">{counts:,}</strong>'.replace(",", ".") in html
    stored = sum(PageView.objects.filter(date__year=YEAR).values_list("count", flat=True))
    waiting = PageViewEvent.objects.filter(date__year=YEAR).values_list("count", flat=True)
    assert counts == stored + sum(waiting)
    assert "De pagina's in het Pools zijn in 2025 151 keer bekeken" in unescape(html)
    assert "zei 80% ja" in html and '<svg class="chart" role="img"' in html
    assert "@media print" in open_static("css/insights-report.css")


def open_static(name):
    from django.contrib.staticfiles import finders

    with open(finders.find(name)) as handle:
        return handle.read()


def test_the_report_is_dutch_whatever_the_admin_language(client, counts):
    from wagtail.users.models import UserProfile

    user = User.objects.create_superuser("english-admin", password="x")
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language="en"
    )
    client.force_login(user)
    html = client.get(f"/admin/insights/report/{YEAR}/").content.decode()
    assert "Kerncijfers" in html and "Samenvatting per taal" in html


def test_statistics_need_an_editor_role(client, counts):
    assert client.get("/admin/insights/").status_code == 302  # to the login
    staff = editor("WIN-point staff")
    staff.user_permissions.add(*Group.objects.get(name="WIN-point staff").permissions.all())
    client.force_login(staff)
    assert client.get("/admin/insights/").status_code == 302
    client.force_login(editor("Editors: Polski"))
    assert client.get("/admin/insights/").status_code == 200
    assert client.get(f"/admin/insights/report/{YEAR}/").status_code == 200
    assert client.get("/admin/insights/report/1999/").status_code == 404


def test_editors_see_and_handle_their_own_languages_comments(client, comments):
    client.force_login(editor("Editors: Polski"))
    listing = client.get("/admin/snippets/insights/feedbackcomment/").content.decode()
    assert "Comment in pl" in listing and "Comment in ro" not in listing
    url = f"/admin/snippets/insights/feedbackcomment/edit/{comments['pl'].pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"handled": "on"})
    assert response.status_code == 302
    comments["pl"].refresh_from_db()
    assert comments["pl"].handled and comments["pl"].handled_at is not None
    assert comments["pl"].comment == "Comment in pl"  # read-only for editors
    other = f"/admin/snippets/insights/feedbackcomment/edit/{comments['ro'].pk}/"
    assert client.get(other).status_code == 404  # as in the listing: not among theirs
    assert client.get("/admin/snippets/insights/feedbackcomment/add/").status_code in (302, 403)


def test_moderators_see_every_language(client, comments):
    client.force_login(editor("Moderators"))
    listing = client.get("/admin/snippets/insights/feedbackcomment/").content.decode()
    assert "Comment in pl" in listing and "Comment in ro" in listing
    filtered = client.get("/admin/snippets/insights/feedbackcomment/?language=ro").content.decode()
    assert "Comment in ro" in filtered and "Comment in pl" not in filtered


def test_editors_mark_several_comments_handled_at_once(client, comments, site_pages):
    from django.urls import reverse

    second = FeedbackComment.objects.create(
        date=date(YEAR, 2, 2),
        language="pl",
        page=site_pages[GUIDE]["pl"],
        helpful=True,
        comment="Second Polish comment",
    )
    client.force_login(editor("Editors: Polski"))
    url = reverse("wagtail_bulk_action", args=("insights", "feedbackcomment", "mark_handled"))
    ids = [comments["pl"].pk, second.pk, comments["ro"].pk]
    query = "&".join(f"id={pk}" for pk in ids) + "&next=/admin/"
    confirm = client.get(f"{url}?{query}").content.decode()
    assert "Comment in pl" in confirm and "Second Polish comment" in confirm
    assert client.post(f"{url}?{query}").status_code == 302
    handled = dict(FeedbackComment.objects.values_list("pk", "handled"))
    assert handled == {comments["pl"].pk: True, second.pk: True, comments["ro"].pk: False}
