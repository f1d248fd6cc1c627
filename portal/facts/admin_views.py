"""The "Figures to check" report and its "Checked today" action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..core import clock
from .checks import figures_to_check, soon_days, stale_months, translations_with_other_facts
from .models import FactValue


def may_check(user):
    return user.has_perm("facts.change_factvalue")


def figures_report(request):
    if not request.user.has_perm("facts.view_fact") and not may_check(request.user):
        raise PermissionDenied
    day = clock.today()
    return render(
        request,
        "facts/figures_to_check.html",
        {
            "rows": figures_to_check(day),
            "mismatches": translations_with_other_facts(),
            "today": day,
            "soon_days": soon_days(),
            "stale_months": stale_months(),
            "may_check": may_check(request.user),
        },
    )


def person_name(user):
    return (user.get_full_name() or user.get_username()).strip()


@require_POST
def checked_today(request, value_id):
    """A person opened the source and saw the value: record the day and who."""
    if not may_check(request.user):
        raise PermissionDenied
    value = get_object_or_404(FactValue.objects.select_related("fact"), pk=value_id)
    value.checked_on = clock.today()
    value.checked_by = person_name(request.user)
    value.save(update_fields=["checked_on", "checked_by"])
    messages.success(
        request,
        _("“%(fact)s”: source checked today by %(person)s.")
        % {"fact": value.fact.label, "person": value.checked_by},
    )
    return redirect("facts_figures_to_check")
