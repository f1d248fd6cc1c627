"""The directory in the Wagtail admin: snippets with one tab per language for the texts.

Addresses, phone numbers and hours are entered once on the first tab; each language tab holds
only the texts of that language, so a Polish editor works on the "Polski" tab only.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Location, Organisation, Service, TaxonomyTerm


def language_tabs(*fields):
    """One tab per language with that language's column of each translated field."""
    return [
        ObjectList([FieldPanel(f"{field}_{code}") for field in fields], heading=name)
        for code, name in settings.LANGUAGES
    ]


def every_language(*fields):
    """Search in every language's column: a Polish editor may type a Polish name."""
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


def translated_panels(field):
    """All languages of one short field, for inline rows (phone descriptions, closed days)."""
    return [FieldPanel(f"{field}_{code}") for code, _name in settings.LANGUAGES]


class DirectoryViewSet(SnippetViewSet):
    # The listing searches with the database (icontains over every language's column) rather
    # than the search index: modelsearch's SQLite backend cannot join its index entries to
    # UUID primary keys (it stores them with hyphens, SQLite without), so indexed search finds
    # nothing there.
    search_backend_name = None


class ServiceViewSet(DirectoryViewSet):
    model = Service
    icon = "help"
    menu_label = _("Services")
    list_display = ["name", "organisation", "status", "cost", "last_modified"]
    list_filter = ["status", "cost", "by_appointment_only", "categories", "organisation"]
    search_fields = every_language("name", "description")
    ordering = ["name_nl"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
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
                ],
                heading=_("Details"),
            ),
            *language_tabs(
                "name", "description", "how_to_apply", "eligibility", "cost_note", "hours_note"
            ),
        ]
    )


class OrganisationViewSet(DirectoryViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "website", "last_modified"]
    search_fields = every_language("name")
    ordering = ["name_nl"]
    edit_handler = TabbedInterface(
        [
            ObjectList([FieldPanel("website"), FieldPanel("email")], heading=_("Details")),
            *language_tabs("name", "description"),
        ]
    )


class LocationViewSet(DirectoryViewSet):
    model = Location
    icon = "site"
    menu_label = _("Locations")
    list_display = ["name", "address_1", "city"]
    list_filter = ["city"]
    search_fields = ["address_1", "city", *every_language("name")]
    ordering = ["name_nl"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("address_1"),
                    FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                    FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
                    FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                ],
                heading=_("Address"),
            ),
            *language_tabs("name", "accessibility"),
        ]
    )


class TaxonomyTermViewSet(DirectoryViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = _("Categories")
    list_display = ["name", "code"]
    search_fields = ["code", *every_language("name")]
    edit_handler = TabbedInterface(
        [
            ObjectList([FieldPanel("code")], heading=_("Details")),
            *language_tabs("name", "description"),
        ]
    )


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (ServiceViewSet, OrganisationViewSet, LocationViewSet, TaxonomyTermViewSet)


register_snippet(DirectoryGroup)
