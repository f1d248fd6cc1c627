"""A field panel that warns beside the field when its text uses a glossary variant not to use
("dodatek zdrowotny" → use "dopłata do ubezpieczenia zdrowotnego"). The warning is shown with
the field's help text (and so read out with the field); saving is not blocked: a quotation or
a name may need the word."""

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel

from .checking import find_in_text, rules_by_language
from .terms import avoid_rules


def plain_text(value):
    """The words in a field's value: text, rich text, or a StreamField's blocks."""
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_tags(value)
    raw = getattr(value, "raw_data", None)
    if raw is not None:
        return plain_text(list(raw))
    if isinstance(value, dict):
        return " ".join(plain_text(v) for key, v in value.items() if key not in ("id", "type"))
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(v) for v in value)
    return strip_tags(str(value))


def term_warnings(text, language):
    rules = rules_by_language(avoid_rules()).get(language, [])
    return [
        _("“%(variant)s” is a term not to use; use “%(use)s”.")
        % {"variant": finding.variant, "use": finding.use_term}
        for finding in find_in_text(text, "", language, rules)
    ]


class TermCheckedFieldPanel(FieldPanel):
    class BoundPanel(FieldPanel.BoundPanel):
        def get_editable_context_data(self):
            # The field template shows `self.help_text`; the warning goes with it, so it is
            # shown beside the field and read out with it (aria-describedby).
            locale = getattr(self.instance, "locale", None)
            language = getattr(locale, "language_code", None)
            if language is not None:
                warnings = term_warnings(plain_text(self.bound_field.value()), language)
                if warnings:
                    self.help_text = " ".join(
                        filter(None, [str(self.help_text or ""), "⚠", *warnings])
                    )
            return super().get_editable_context_data()
