"""Page models of the public site.

Wagtail keeps one page tree per language: the Dutch tree is the source and each other language is
a copy made by wagtail-localize, linked to its source by `translation_key`. Every model here lists
which of its fields are translated (text) and which are kept in sync with the Dutch source
(dates, icons, links to other pages).
"""

from anyascii import anyascii
from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..core.freshness import remember
from ..core.languages import fallback_languages
from ..core.source_pieces import pieces_of
from ..core.transliteration import bulgarian_latin
from ..glossary.panels import TermCheckedFieldPanel
from .blocks import GuideStreamBlock
from .chrome import live_translations
from .sections import CONTENTS_FROM, anchored_blocks, sections

TOPIC_ICONS = [
    ("rights", _("Work and rights")),
    ("duties", _("Duties")),
    ("housing", _("Housing")),
    ("schooling", _("School and family")),
    ("healthcare", _("Healthcare")),
    ("registration", _("Registration")),
]


def ascii_slug(text):
    """A Latin-letter slug for any title; Bulgarian by the official streamlined system:
    "Здравна застраховка" -> "zdravna-zastrahovka", "Данъчна декларация" ->
    "danachna-deklaratsia"."""
    return slugify(anyascii(bulgarian_latin(text)))[:255]


class PortalPage(Page):
    """What every public page has: a title, a one-sentence summary and an ASCII slug."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences, shown under the title, in lists and in search results."),
    )

    content_panels = Page.content_panels + [TermCheckedFieldPanel("summary")]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, fallback_from=None, **kwargs):
        """`fallback_from`: the language this page is in when it is shown to readers of another
        language that lacks a translation (portal.translations.serve passes it); templates use
        it for the fallback notice, the breadcrumb and the content's lang attribute.
        `source_pieces`: the texts of pieces published untranslated, in Dutch, which the
        templates mark lang="nl" (guide_tags.piece_lang, mark_pieces)."""
        context = super().get_context(request, *args, **kwargs)
        context["fallback_from"] = fallback_from
        context["source_pieces"] = pieces_of(self)
        return context

    def get_view_restrictions(self):
        # Wagtail asks on every page view (two queries); the site has no restricted pages
        # unless an editor adds one, so first ask once per content version whether any exist.
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def full_clean(self, *args, **kwargs):
        # Wagtail would strip a Cyrillic title to an empty slug; transliterate it instead.
        if not self.slug and self.title:
            self.slug = ascii_slug(self.title)
        super().full_clean(*args, **kwargs)


def view_restrictions_exist():
    return remember(PageViewRestriction.objects.exists, "view-restrictions")


def route_below(home_path, home_url_path, path_components, request):
    """Wagtail's RouteResult for the page at `path_components` below a home page (given by its
    tree path and url_path): one query for the page, one for its specific type."""
    url_path = home_url_path + "/".join(path_components) + "/"
    page = Page.objects.filter(url_path=url_path, path__startswith=home_path).first()
    if page is None:
        raise Http404
    return page.specific.route(request, [])


class HomePage(PortalPage):
    """The front page of one language: topic tiles and the urgent-help strip."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    urgent_help_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("urgent help page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the red strip on every page."),
    )
    win_point_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("WIN-point page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("How to reach the WIN-point; offered when a search finds nothing."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["guides.TopicPage", "guides.StandardPage"]
    content_panels = PortalPage.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("urgent_help_page"),
        PageChooserPanel("win_point_page"),
    ]
    translatable_fields = PortalPage.translatable_fields + [
        TranslatableField("intro"),
        SynchronizedField("urgent_help_page"),
        SynchronizedField("win_point_page"),
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find a page anywhere below this home page with one query on its address, instead of
        Wagtail's one query per level."""
        if not path_components:
            return super().route(request, path_components)
        return route_below(self.path, self.url_path, path_components, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = TopicPage.objects.child_of(self).live().order_by("path")
        context["standard_pages"] = StandardPage.objects.child_of(self).live().order_by("path")
        return context


class TopicPage(PortalPage):
    """One of the six topics; lists its guides."""

    icon = models.CharField(_("icon"), max_length=20, choices=TOPIC_ICONS)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    parent_page_types = ["guides.HomePage"]
    subpage_types = ["guides.GuidePage"]
    content_panels = PortalPage.content_panels + [FieldPanel("icon"), FieldPanel("intro")]
    search_fields = PortalPage.search_fields + [index.SearchField("intro")]
    translatable_fields = PortalPage.translatable_fields + [
        TranslatableField("intro"),
        SynchronizedField("icon"),
    ]

    class Meta:
        verbose_name = _("topic page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = self.guides_for_readers(request)
        return context

    def guides_for_readers(self, request):
        """(guide, url, language it is shown in or None) for every guide of this topic, in the
        Dutch source's order. A guide not yet translated into this topic's language is listed
        too, in its fallback language (English, then Dutch) at this language's address, where
        the reader gets it with a notice: otherwise only search would find it."""
        language = self.locale.language_code
        own = list(GuidePage.objects.child_of(self).live().order_by("path"))
        listed = [(guide, guide.get_url(request), None) for guide in own]
        keys = {guide.translation_key for guide in own}
        topics = {
            topic.locale.language_code: topic
            for topic in TopicPage.objects.filter(translation_key=self.translation_key)
            .live()
            .select_related("locale")
        }
        for code in fallback_languages(language):
            topic = topics.get(code)
            if topic is None:
                continue
            for guide in GuidePage.objects.child_of(topic).live().order_by("path"):
                if guide.translation_key in keys:
                    continue
                keys.add(guide.translation_key)
                shown_at = guide.get_url(request).split("/", 2)[2]
                listed.append((guide, f"/{language}/{shown_at}", code))
        source = topics.get(settings.LANGUAGE_CODE)
        if source is not None and source.pk != self.pk:
            order = {
                key: position
                for position, key in enumerate(
                    GuidePage.objects.child_of(source)
                    .live()
                    .order_by("path")
                    .values_list("translation_key", flat=True)
                )
            }
            listed.sort(key=lambda item: order.get(item[0].translation_key, len(order)))
        return listed


class ContentPage(PortalPage):
    """A page whose body is built from guide blocks, with the date it was last reviewed."""

    body = StreamField(GuideStreamBlock(), verbose_name=_("body"), blank=True)
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The date an editor last checked that this page is still correct."),
    )
    explain_terms = models.BooleanField(
        _("explain Dutch words"),
        default=True,
        # Also a database default: pages written by bulk SQL (tests/pagegen.py) get it too.
        db_default=True,
        help_text=_(
            "Explain the first use of each glossary word on this page (in a fold-out under "
            "the paragraph)."
        ),
    )

    content_panels = PortalPage.content_panels + [
        TermCheckedFieldPanel("body"),
        FieldPanel("last_reviewed"),
        FieldPanel("explain_terms"),
    ]
    search_fields = PortalPage.search_fields + [index.SearchField("body")]
    translatable_fields = PortalPage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("explain_terms"),
    ]

    class Meta:
        abstract = True

    def anchored_body(self):
        """(block, anchor) of the body: headings carry the anchor of their section."""
        return anchored_blocks(self.body)

    def sections(self):
        return sections(self)

    def contents(self):
        """(anchor, heading) for the "Contents" list; empty below CONTENTS_FROM headings."""
        found = [(anchor, heading) for anchor, heading, _text in self.sections()]
        return found if len(found) >= CONTENTS_FROM else []


class GuidePage(ContentPage):
    """Practical guidance on one question, for example "Registering at the municipality"."""

    parent_page_types = ["guides.TopicPage"]
    subpage_types = []
    content_panels = ContentPage.content_panels + [
        InlinePanel(
            "help_services",
            heading=_("Where to get help"),
            label=_("Service"),
            help_text=_(
                "Choose services from the directory on the Dutch page; every translation "
                "shows the same services."
            ),
        )
    ]

    class Meta:
        verbose_name = _("guide page")

    def get_topic(self):
        return self.get_parent().specific

    def where_to_get_help(self):
        """The services chosen on the Dutch source page, in their order.

        Services exist once for all languages, so editors choose them once, on the Dutch page.
        """
        source = live_translations(self).get(settings.LANGUAGE_CODE, self)

        def services():
            links = (
                GuideService.objects.filter(page_id=source.pk, service__status="active")
                .select_related("service")
                .prefetch_related("service__phones")
                .order_by("sort_order")
            )
            return [link.service for link in links]

        # Directory data: cached until the next change (the content version).
        return remember(services, "help-services", source.pk)


class GuideService(Orderable):
    """A directory service shown under "Where to get help" on a guide."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="help_services")
    service = models.ForeignKey(
        "directory.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("service")]

    class Meta(Orderable.Meta):
        verbose_name = _("service on a guide")


class StandardPage(ContentPage):
    """About the WIN-point, privacy, urgent help: pages outside the six topics."""

    parent_page_types = ["guides.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


class LoadedContent(models.Model):
    """What `load_content` last wrote for one content folder in one language.

    The loader compares the file's hash with `file_hash` to see whether the file changed, and the
    page's latest revision with `revision_id` to see whether an editor changed the page in the CMS
    since (then the page is left alone unless --force is given).
    """

    key = models.CharField(max_length=200)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    revision_id = models.BigIntegerField(null=True)
    file_hash = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("key", "locale")]
        verbose_name = _("loaded content record")

    def __str__(self):
        return f"{self.key} ({self.locale_id})"
