"""StreamField blocks for guide and standard pages.

Each block is one thing a B1 reader recognises: a text, a heading, numbered steps, a checklist of
what to bring, a tip or warning box, a contact card, a folding question, an official source.
wagtail-localize offers every text in these blocks for translation; phone numbers, URLs, e-mail
addresses and dates are not text and stay the same in every language.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..core.phone import validate_phone_number
from ..facts.render import PLACEHOLDER

INLINE_FEATURES = ["bold", "italic", "link"]
TEXT_FEATURES = ["bold", "italic", "link", "ul"]


def validate_phone_or_fact(value):
    """A phone number, or one phone fact ("{{ fact:municipality-phone }}") kept in one place."""
    if not PLACEHOLDER.fullmatch((value or "").strip()):
        validate_phone_number(value)


class PhoneBlock(blocks.FieldBlock):
    """A phone number. Not a CharBlock on purpose: it is not offered for translation."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required,
            max_length=80,
            help_text=help_text
            or _("A phone number, or a phone fact written as {{ fact:municipality-phone }}."),
            validators=[validate_phone_or_fact],
        )
        super().__init__(**kwargs)


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("tip", _("Tip")), ("warning", _("Warning"))], default="tip", label=_("Kind")
    )
    text = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Tip or warning")
        template = "guides/blocks/callout.html"


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, label=_("Name"))
    phone = PhoneBlock(required=False, label=_("Phone"))
    email = blocks.EmailBlock(required=False, label=_("E-mail"))
    url = blocks.URLBlock(required=False, label=_("Website"))
    text = blocks.TextBlock(required=False, label=_("Note"))

    class Meta:
        icon = "mail"
        label = _("Contact")
        template = "guides/blocks/contact.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200, label=_("Question"))
    answer = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "guides/blocks/question.html"


class SourceDateBlock(blocks.FieldBlock):
    """The source's own date as it states it ("2022", "June 2025"). Not a CharBlock on purpose:
    it is the same in every language and not offered for translation."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.CharField(required=required, max_length=30, help_text=help_text)
        super().__init__(**kwargs)


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    url = blocks.URLBlock(label=_("Address"))
    checked = blocks.DateBlock(
        required=False,
        label=_("Checked on"),
        help_text=_("Only the day a person opened the source and found the text correct."),
    )
    dated = SourceDateBlock(
        label=_("Date of the source"),
        help_text=_("The date or year the source itself gives, if any, for example 2022."),
    )

    class Meta:
        icon = "link"
        label = _("Official source")
        template = "guides/blocks/source.html"


class GuideStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=TEXT_FEATURES, label=_("Text"), template="guides/blocks/text.html"
    )
    heading = blocks.CharBlock(
        max_length=120, label=_("Heading"), icon="title", template="guides/blocks/heading.html"
    )
    steps = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Step")),
        label=_("Numbered steps"),
        icon="list-ol",
        template="guides/blocks/steps.html",
    )
    checklist = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Item")),
        label=_("Checklist"),
        icon="tick",
        template="guides/blocks/checklist.html",
    )
    callout = CalloutBlock()
    contact = ContactBlock()
    question = QuestionBlock()
    source = SourceBlock()
