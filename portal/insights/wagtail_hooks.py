"""Statistics in the Wagtail admin.

- "Statistics" in the admin menu: the dashboard (figures, SVG charts, CSV per table) and the
  yearly report for the council at /admin/insights/report/<year>/.
- "Reader comments" (a snippet view set): comments per page and language, to read and mark
  handled. Language editors see their own language, moderators every language; nobody adds
  comments here, they come from readers. Several at once: select them, "Mark handled".
"""

import django_filters
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, EditView, HistoryView, SnippetViewSet

from . import admin_views
from .access import comment_languages, may_see_statistics
from .models import FeedbackComment


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("insights/", admin_views.dashboard, name="insights_dashboard"),
        path("insights/report/<int:year>/", admin_views.yearly_report, name="insights_report"),
    ]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_statistics(request.user)


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse("insights_dashboard"), icon_name="table", order=60
    )


class CommentPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and instance.language in (
            comment_languages(user)
        )


class OwnLanguageOnly:
    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        if comment.language not in comment_languages(self.request.user):
            raise PermissionDenied
        return comment


class CommentEditView(OwnLanguageOnly, EditView):
    pass


class CommentDeleteView(OwnLanguageOnly, DeleteView):
    pass


class CommentHistoryView(OwnLanguageOnly, HistoryView):
    pass


class CommentFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )
    handled = django_filters.BooleanFilter(label=_("Handled"))
    helpful = django_filters.BooleanFilter(label=_("Helpful"))
    page = django_filters.NumberFilter(label=_("Page"), field_name="page_id")

    class Meta:
        model = FeedbackComment
        fields = ["language", "handled", "helpful", "page"]


class FeedbackCommentViewSet(SnippetViewSet):
    model = FeedbackComment
    icon = "comment"
    menu_label = _("Reader comments")
    menu_order = 61
    add_to_admin_menu = True
    list_display = [
        "comment",
        "page",
        "language",
        BooleanColumn("helpful", label=_("Helpful")),
        "date",
        BooleanColumn("handled", label=_("Handled")),
    ]
    list_export = ["date", "language", "page", "helpful", "comment", "handled"]
    export_filename = "reader-comments"
    filterset_class = CommentFilterSet
    search_fields = ["comment"]
    ordering = ["handled", "-date", "-pk"]
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    history_view_class = CommentHistoryView
    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("helpful", read_only=True),
        FieldPanel("comment", read_only=True),
        FieldPanel("handled"),
    ]

    def get_queryset(self, request):
        return FeedbackComment.objects.filter(
            language__in=comment_languages(request.user)
        ).select_related("page")


register_permission_policy(FeedbackComment, CommentPermissionPolicy(FeedbackComment))
register_snippet(FeedbackCommentViewSet)


@hooks.register("register_bulk_action")
class MarkHandledBulkAction(SnippetBulkAction):
    """Select comments in the listing and mark them all handled at once."""

    display_name = _("Mark handled")
    action_type = "mark_handled"
    aria_label = _("Mark the selected comments as handled")
    template_name = "insights/confirm_mark_handled.html"
    action_priority = 10
    models = [FeedbackComment]

    def check_perm(self, comment):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        for comment in objects:
            comment.handled = True
            comment.save(update_fields=["handled", "handled_at"])
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment marked handled.",
            "%(count)d comments marked handled.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
