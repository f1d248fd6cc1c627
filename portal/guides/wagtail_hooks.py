"""Reports for the public pages: "Pages to review" (review due by last_reviewed + 6 months)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..core import clock
from .reviews import pages_to_review, review_months


def may_see(user):
    return user.has_perm("wagtailadmin.access_admin")


def review_report(request):
    if not may_see(request.user):
        raise PermissionDenied
    day = clock.today()
    return render(
        request,
        "guides/review_report.html",
        {"rows": pages_to_review(day), "today": day, "months": review_months()},
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("guides/review/", review_report, name="guides_pages_to_review")]


@hooks.register("register_reports_menu_item")
def register_review_report():
    return MenuItem(
        _("Pages to review"), reverse("guides_pages_to_review"), icon_name="date", order=710
    )
