from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..core.languages import translated_language_name
from .models import ServiceLanguage, TaxonomyTerm


def spoken_language_choices():
    """Languages spoken at one or more services, named in the reader's language."""
    codes = ServiceLanguage.objects.values_list("code", flat=True).distinct()
    choices = [(code, translated_language_name(code)) for code in codes]
    return sorted(choices, key=lambda choice: choice[1].lower())


def option_label(label, count):
    return gettext("%(option)s (%(count)s)") % {"option": label, "count": count}


class ServiceFilterForm(forms.Form):
    """The filters above the service list. Sent with GET, so every filter is in the URL."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Speaks"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    free = forms.BooleanField(label=_("Free"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        topics = TaxonomyTerm.objects.filter(code__startswith="topic:")
        self.fields["topic"].choices = [("", _("All topics"))] + [
            (term.slug, term.name) for term in topics
        ]
        self.fields["language"].choices = [("", _("Any language"))] + spoken_language_choices()

    def option_values(self, name):
        return [value for value, _label in self.fields[name].choices if value]

    def show_counts(self, topic_counts, language_counts):
        """Write each option's number of services beside it: "Housing (6)", "Polski (0)"."""
        for name, counts in (("topic", topic_counts), ("language", language_counts)):
            self.fields[name].choices = [
                (
                    value,
                    gettext("%(option)s (%(count)s)")
                    % {"option": label, "count": counts.get(value, 0)},
                )
                for value, label in self.fields[name].choices
            ]
