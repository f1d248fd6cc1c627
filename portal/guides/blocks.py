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

INLINE_FEATURES = ["bold", "italic", "link"]
TEXT_FEATURES = ["bold", "italic", "link", "ul"]


class PhoneBlock(blocks.FieldBlock):
    """A phone number. Not a CharBlock on purpose: it is not offered for translation."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required,
            max_length=40,
            help_text=help_text,
            validators=[validate_phone_number],
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


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    url = blocks.URLBlock(label=_("Address"))
    checked = blocks.DateBlock(label=_("Checked on"))

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
