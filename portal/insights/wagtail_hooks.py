"""Statistics in the Wagtail admin.

- "Statistics" in the admin menu: the dashboard (figures, SVG charts, CSV per table) and the
  yearly report for the council at /admin/insights/report/<year>/.
- "Reader comments" (a snippet view set): comments per page and language, to read and mark
  handled. Language editors see their own language, moderators every language, in every view
  (listing, edit, delete, usage, history, bulk actions); nobody adds or copies comments here,
  they come from readers. Several at once: select them, "Mark handled".
"""

import django_filters
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_list_or_404
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
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    SnippetViewSet,
    UsageView,
)

from ..core.spreadsheets import SafeSpreadsheetExportMixin
from . import admin_views
from .access import comment_languages, may_see_statistics, visible_comments
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
    """Every view of one comment (edit, delete, usage, history) finds it only among the user's
    own languages; another language's comment is "not found", as it is in the listing.

    Wagtail's views fetch their object in different ways (some with a queryset argument,
    some without), so the check sits after the fetch rather than in one queryset hook.
    """

    def get_object(self, *args, **kwargs):
        comment = super().get_object(*args, **kwargs)
        if comment.language not in comment_languages(self.request.user):
            raise Http404
        return comment


class CommentEditView(OwnLanguageOnly, EditView):
    pass


class CommentDeleteView(OwnLanguageOnly, DeleteView):
    pass


class CommentUsageView(OwnLanguageOnly, UsageView):
    pass


class CommentHistoryView(OwnLanguageOnly, HistoryView):
    pass


class CommentIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class CommentFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages")
    )
    handled = django_filters.BooleanFilter(label=_("Handled"))
    helpful = django_filters.BooleanFilter(label=_("Helpful"))
    # Not called "page": that is the listing's page number.
    page_id = django_filters.NumberFilter(
        label=_("Page"), field_name="page_id", min_value=1, max_value=2**31 - 1
    )

    class Meta:
        model = FeedbackComment
        fields = ["language", "handled", "helpful", "page_id"]


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
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    delete_view_class = CommentDeleteView
    usage_view_class = CommentUsageView
    history_view_class = CommentHistoryView
    # Comments come only from readers: no copies.
    copy_view_enabled = False
    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("language", read_only=True),
        FieldPanel("helpful", read_only=True),
        FieldPanel("comment", read_only=True),
        FieldPanel("handled"),
    ]

    def get_queryset(self, request):
        return visible_comments(request.user).select_related("page")

    def register_chooser_viewset(self):
        # Nothing links to a reader comment, and Wagtail's chooser lists every snippet to anyone
        # with admin access: comments get no chooser at all.
        pass


register_permission_policy(FeedbackComment, CommentPermissionPolicy(FeedbackComment))
register_snippet(FeedbackCommentViewSet)


class OwnLanguageBulkAction:
    """Bulk actions on comments find only the user's own languages' comments. Wagtail lists the
    selected items the user may not act on by name on its confirmation page; a comment of
    another language must not even be listed."""

    models = [FeedbackComment]

    def get_queryset(self, model, object_ids):
        return get_list_or_404(visible_comments(self.request.user), pk__in=object_ids)


# Registered after Wagtail's own snippet "Delete" (order), so this one is used for comments.
@hooks.register("register_bulk_action", order=100)
class CommentDeleteBulkAction(OwnLanguageBulkAction, DeleteBulkAction):
    pass


@hooks.register("register_bulk_action")
class MarkHandledBulkAction(OwnLanguageBulkAction, SnippetBulkAction):
    """Select comments in the listing and mark them all handled at once."""

    display_name = _("Mark handled")
    action_type = "mark_handled"
    aria_label = _("Mark the selected comments as handled")
    template_name = "insights/confirm_mark_handled.html"
    action_priority = 10

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
