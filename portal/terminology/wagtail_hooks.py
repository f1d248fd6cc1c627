"""Terminology in the admin: Reports › Terminology lists every use of a variant not to use
(database and files), and the page and directory editors show the ones in the text being
edited, naming the field, when the editor opens it."""

from django.contrib import messages
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..directory.models import Organisation, Service
from .checks import all_findings, instance_findings, page_findings, rules

CHECKED_SNIPPETS = (Service, Organisation)


def terminology_report(request):
    findings = all_findings()
    return render(
        request,
        "terminology/report.html",
        {"findings": findings, "page_title": _("Terminology")},
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("terminology/", terminology_report, name="terminology_report")]


@hooks.register("register_reports_menu_item")
def register_terminology_report():
    return MenuItem(
        gettext_lazy("Terminology"),
        reverse("terminology_report"),
        icon_name="doc-full",
        order=70,
    )


def warn(request, findings):
    for finding in findings:
        field = finding.where.rsplit("(", 1)[-1].rstrip(")") if "(" in finding.where else ""
        messages.warning(
            request,
            _("%(field)s (%(language)s): “%(variant)s” is a term not to use; use “%(use)s”.")
            % {
                "field": field,
                "variant": finding.variant,
                "language": finding.language,
                "use": finding.use_term,
            },
        )


@hooks.register("before_edit_page")
def warn_about_terms_in_page(request, page):
    if request.method == "GET":
        draft = page.get_latest_revision_as_object()
        warn(request, page_findings(draft, rules(), where="page"))


@hooks.register("before_edit_snippet")
def warn_about_terms_in_snippet(request, instance):
    if request.method == "GET" and isinstance(instance, CHECKED_SNIPPETS):
        warn(request, instance_findings(instance, rules(), where="snippet"))
