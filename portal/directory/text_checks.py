"""The directory admin tells language editors which translated texts to check because their
Dutch changed (text_status.py), and lets them say "checked" without changing the text.

The listing of services and organisations has a column "Texts to check" (in the user's own
languages) and a filter "Texts to check in" a language.

In the edit form, below each flagged text, the editor sees what changed in the Dutch (a word
diff), the new Dutch text, and a box "I checked this translation against the new Dutch text".
Saving with the box ticked, or with the text changed, clears the flag of that text in that
language only. The box is offered only to users who may edit that language's texts (the field
permission of the panel), so a Polish editor clears Polish flags and nothing else.
"""

import django_filters
from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column

from ..core.text_diff import word_diff
from . import text_status
from .models import OutdatedText

SOURCE = settings.LANGUAGE_CODE


def checked_field_name(field, code):
    return f"checked_{field}_{code}"


def text_permission(code):
    return f"directory.edit_texts_{code}"


class CheckedTextsForm(WagtailAdminModelForm):
    """Keeps a "checked" box for each flagged text the user may edit; on save, clears the flag
    of each text ticked as checked."""

    checked_targets = {}  # form field name -> (field, language)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        flags = text_status.flags_for(self.instance)
        for name, (field, code) in self.checked_targets.items():
            if name not in self.fields:
                continue  # the user may not edit this language (field permissions)
            flag = flags.get((field, code))
            text = self.fields.get(f"{field}_{code}")
            if flag is None or text is None:
                del self.fields[name]
                continue
            self.fields[name].outdated_text = flag
            notice = gettext(
                "The Dutch text changed on %(date)s, after this translation was last checked: "
                "see below."
            ) % {"date": date_format(localtime(flag.changed_at), "DATE_FORMAT")}
            text.help_text = f"{notice} {text.help_text}".strip()

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            for name, (field, code) in self.checked_targets.items():
                if (
                    self.cleaned_data.get(name)
                    # Checked against the Dutch shown when the form opened, not a newer one.
                    and f"{field}_{SOURCE}" not in self.changed_data
                    and self.for_user is not None
                    and self.for_user.has_perm(text_permission(code))
                ):
                    text_status.mark_checked(instance, field, code)
        return instance


def checked_form_class(fields):
    """The base form of an edit form with "checked" boxes for `fields` in every target language
    (declared here so the panels may name them; each form keeps only the flagged ones)."""
    targets = {
        checked_field_name(field, code): (field, code)
        for field in fields
        for code in text_status.target_languages()
    }
    attrs = {
        name: forms.BooleanField(
            required=False,
            label=_("I checked this translation against the new Dutch text"),
            help_text=_(
                "Tick and save when the translation needs no change. Changing the text counts "
                "as checked too."
            ),
        )
        for name in targets
    }
    attrs["checked_targets"] = targets
    return type(CheckedTextsForm)("CheckedTextsForm", (CheckedTextsForm,), attrs)


class CheckedPanel(FieldPanel):
    """After a translated text: shown only while its Dutch changed since it was last checked."""

    def __init__(self, text_field, language, **kwargs):
        kwargs.setdefault("permission", text_permission(language))
        kwargs.setdefault("disable_comments", True)  # a box to tick, nothing to discuss
        super().__init__(checked_field_name(text_field, language), **kwargs)
        self.text_field = text_field
        self.language = language

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        del kwargs["field_name"]
        return {**kwargs, "text_field": self.text_field, "language": self.language}

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "directory/admin/checked_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            flag = self.bound_field.field.outdated_text
            dutch = getattr(self.instance, f"{self.panel.text_field}_{SOURCE}") or ""
            context.update(
                dutch=dutch,
                diff=mark_safe(word_diff(flag.reviewed_source, dutch)),  # noqa: S308 escaped
            )
            return context


# --- the listing ----------------------------------------------------------------------------


def target_language_choices():
    return [(code, name) for code, name in settings.LANGUAGES if code != SOURCE]


class TextsToCheckColumn(Column):
    """The user's languages in which this entry has texts to check (from the prefetched
    flags, so the listing asks once for all rows)."""

    def __init__(self, name="texts_to_check", **kwargs):
        kwargs.setdefault("label", _("Texts to check"))
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        codes = {flag.language for flag in instance.outdated_texts.all()}
        context["value"] = ", ".join(
            name
            for code, name in target_language_choices()
            if code in codes and user.has_perm(text_permission(code))
        )
        return context

    def get_value(self, instance):
        return ""


class TextsToCheckFilterSet(WagtailFilterSet):
    texts_to_check = django_filters.ChoiceFilter(
        label=_("Texts to check in"),
        choices=target_language_choices,
        method="filter_texts_to_check",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer the user's own languages only; none for who edits no translation.
        user = self.request.user if self.request is not None else None
        own = [
            (code, name)
            for code, name in target_language_choices()
            if user is not None and user.has_perm(text_permission(code))
        ]
        if own:
            self.filters["texts_to_check"].extra["choices"] = own
        else:
            del self.filters["texts_to_check"]

    def filter_texts_to_check(self, queryset, name, value):
        flags = OutdatedText.objects.filter(
            content_type=ContentType.objects.get_for_model(queryset.model),
            object_id=OuterRef("pk"),
            language=value,
        )
        return queryset.filter(Exists(flags))


def texts_to_check_filterset(model, fields):
    """A filter set with the model's own filters (`fields`, as list_filter) and the language
    with texts to check."""
    meta = type("Meta", (), {"model": model, "fields": list(fields)})
    return type(f"{model.__name__}FilterSet", (TextsToCheckFilterSet,), {"Meta": meta})
