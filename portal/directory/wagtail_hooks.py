"""The directory in the Wagtail admin: snippets with one tab per language for the texts.

Addresses, phone numbers and hours are entered once on the first tab; each language tab holds
only the texts of that language. Who sees what follows the directory's field permissions
(see Service.Meta): moderators ("edit_details") get every tab; a language editor gets an edit
form with only their own language's tab ("edit_texts_pl"), so a Polish editor can neither see
nor change the Romanian texts or the shared address.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from . import text_status
from .models import Location, Organisation, Service, TaxonomyTerm
from .rich_text import ServiceLinkHandler
from .text_checks import (
    CheckedPanel,
    TextsToCheckColumn,
    checked_form_class,
    texts_to_check_filterset,
)


def language_tabs(*fields, checked=False):
    """One tab per language with that language's column of each translated field. A field
    panel with a permission is left out of the form for users without it, and a tab whose
    fields are all left out is not shown. With `checked`, a translated text whose Dutch
    changed is followed by what changed and a "checked" box (text_checks.py)."""

    def panels(code):
        for field in fields:
            yield FieldPanel(f"{field}_{code}", permission=f"directory.edit_texts_{code}")
            if checked and code != settings.LANGUAGE_CODE:
                yield CheckedPanel(field, code)

    return [ObjectList(list(panels(code)), heading=name) for code, name in settings.LANGUAGES]


def every_language(*fields):
    """Search in every language's column: a Polish editor may type a Polish name."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


def translated_panels(field):
    """All languages of one short field, for inline rows (phone descriptions, closed days)."""
    return [FieldPanel(f"{field}_{code}") for code, _name in settings.LANGUAGES]


class DirectoryEditView(EditView):
    """Editors without "edit_details" get the texts-only form: the full form would hold the
    inline phone and hours formsets, which they may not change."""

    texts_panel = None

    def get_panel(self):
        if self.request.user.has_perm("directory.edit_details"):
            return self.panel
        return self.texts_panel

    def get_form_class(self):
        return self.panel.get_form_class()


class DirectoryViewSet(SnippetViewSet):
    edit_view_class = DirectoryEditView
    translated_fields = ()
    details_panels = ()
    details_heading = _("Details")

    @property
    def checked(self):
        """Are this model's translated texts flagged when their Dutch changes?"""
        return self.model in text_status.TRACKED_MODELS

    def tabs(self, panels):
        if not self.checked:
            return TabbedInterface(panels)
        return TabbedInterface(panels, base_form_class=checked_form_class(self.translated_fields))

    @property
    def filterset_class(self):
        if not self.checked:
            return SnippetViewSet.filterset_class
        own = self.list_filter if isinstance(self.list_filter, (list, tuple)) else []
        return texts_to_check_filterset(self.model, own)

    def get_queryset(self, request):
        if not self.checked:
            return None
        return self.model._default_manager.prefetch_related("outdated_texts")

    @property
    def edit_handler(self):
        return self.tabs(
            [
                ObjectList(self.details_panels, heading=self.details_heading),
                *language_tabs(*self.translated_fields, checked=self.checked),
            ]
        )

    def get_edit_view_kwargs(self, **kwargs):
        texts_panel = self.tabs(language_tabs(*self.translated_fields, checked=self.checked))
        return super().get_edit_view_kwargs(
            texts_panel=texts_panel.bind_to_model(self.model), **kwargs
        )

    # The listing searches with the database (icontains over every language's column) rather
    # than the search index: modelsearch's SQLite backend cannot join its index entries to
    # UUID primary keys (it stores them with hyphens, SQLite without), so indexed search finds
    # nothing there.
    search_backend_name = None


class ServiceViewSet(DirectoryViewSet):
    model = Service
    icon = "help"
    menu_label = _("Services")
    list_display = [
        "name",
        "organisation",
        "status",
        "cost",
        TextsToCheckColumn(),
        "last_modified",
    ]
    list_filter = ["status", "cost", "by_appointment_only", "categories", "organisation"]
    search_fields = every_language("name", "description")
    ordering = ["name_nl"]
    translated_fields = (
        "name",
        "description",
        "how_to_apply",
        "eligibility",
        "cost_note",
        "hours_note",
    )
    details_panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("cost")]),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("url"),
        FieldPanel("email"),
        InlinePanel(
            "phones",
            heading=_("Phone numbers"),
            panels=[FieldPanel("number"), *translated_panels("description")],
        ),
        FieldPanel("locations"),
        InlinePanel("languages", heading=_("Languages spoken")),
        FieldPanel("by_appointment_only"),
        InlinePanel("opening_hours", heading=_("Opening hours")),
        InlinePanel(
            "closed_days",
            heading=_("Closed days"),
            panels=[FieldPanel("date"), *translated_panels("note")],
        ),
    ]


class OrganisationViewSet(DirectoryViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "website", TextsToCheckColumn(), "last_modified"]
    search_fields = every_language("name")
    ordering = ["name_nl"]
    translated_fields = ("name", "description")
    details_panels = [FieldPanel("website"), FieldPanel("email")]


class LocationViewSet(DirectoryViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locations")
    list_display = ["name", "address_1", "city"]
    list_filter = ["city"]
    search_fields = ["address_1", "city", *every_language("name")]
    ordering = ["name_nl"]
    translated_fields = ("name", "accessibility")
    details_heading = _("Address")
    details_panels = [
        FieldPanel("address_1"),
        FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]


class TaxonomyTermViewSet(DirectoryViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "code"]
    search_fields = ["code", *every_language("name")]
    translated_fields = ("name", "description")
    details_panels = [FieldPanel("code")]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (ServiceViewSet, OrganisationViewSet, LocationViewSet, TaxonomyTermViewSet)


register_snippet(DirectoryGroup)


@hooks.register("register_rich_text_features")
def register_service_link(features):
    """Rich text may link a directory service: [text](service:<id>) in content files."""
    features.register_link_type(ServiceLinkHandler)
