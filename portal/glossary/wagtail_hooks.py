"""The glossary in the admin (Snippets › Glossary terms): the Dutch word and its links on the
first tab, one tab per language with that language's explanation, term to use, variants not to
use and other words readers type."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList, PageChooserPanel, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import GlossaryTerm

LANGUAGE_FIELDS = ("use_term", "explanation", "avoid_terms", "search_words")


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "doc-full"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["term", "use_term", "explain_in_guides"]
    list_filter = ["explain_in_guides"]
    search_fields = ["term", "variants"] + [
        f"{field}_{code}"
        for field in ("use_term", "avoid_terms")
        for code, _name in settings.LANGUAGES
    ]
    ordering = ["term"]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("term"),
                    FieldPanel("slug"),
                    FieldPanel("variants"),
                    PageChooserPanel("guide"),
                    FieldPanel("explain_in_guides"),
                ],
                heading=_("Dutch term"),
            ),
            *[
                ObjectList(
                    [FieldPanel(f"{field}_{code}") for field in LANGUAGE_FIELDS], heading=name
                )
                for code, name in settings.LANGUAGES
            ],
        ]
    )


register_snippet(GlossaryTermViewSet)
