"""Tags for the admin pages around wagtail-localize's translation editor."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from .. import markup
from ..links import dutch_link
from ..rights import TreeRights

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor_links(context, translation, instance):
    """The languages in the editor's header, each linking only where this editor may go:
    localize links every language to its edit page, which other languages' editors may not
    open. The source page links to its editor for those who may edit it, else to the live
    page to read. None for snippets (localize's own links: snippet rights are per model)."""
    if not isinstance(instance, Page):
        return None
    request = context["request"]
    rights = TreeRights(request.user)
    source_locale = translation.source.locale
    source = instance.get_translation_or_none(source_locale)
    others = [
        (page.locale.get_display_name(), reverse("wagtailadmin_pages:edit", args=[page.pk]))
        for page in instance.get_translations().select_related("locale").order_by("locale_id")
        if page.locale_id != source_locale.pk and rights.may_edit(page.path)
    ]
    return {
        "source_name": source_locale.get_display_name(),
        "source_url": dutch_link(request, rights, source) if source is not None else None,
        "others": others,
    }


@register.simple_tag
def translation_editor_section_title(translation):
    """localize's editor titles its list of pieces "<source> to <target> translation" in English
    whatever the admin language (a fixed string in its script, outside its catalogue). Returns
    (that English text, the title in the editor's language) for translation-editor.js."""
    source = translation.source.locale.get_display_name()
    target = translation.target_locale.get_display_name()
    return (
        f"{source} to {target} translation",
        _("Translation: %(source)s → %(target)s") % {"source": source, "target": target},
    )


@register.filter
def with_placeholders(props):
    """localize's editor data with inline tags as numbered placeholders (markup.editor_props)."""
    return markup.editor_props(props)
