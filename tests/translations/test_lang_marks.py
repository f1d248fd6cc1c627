"""A text that reaches a reader in another language than the page's carries that language's
lang attribute: pieces of a translation published untranslated (Dutch), a page shown in a
fallback language (with the interface around it in the reader's language), directory and
glossary texts falling back to English or Dutch."""

from html.parser import HTMLParser

import pytest
from django.utils import translation
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from portal.directory.models import Service
from portal.glossary.models import GlossaryTerm
from portal.guides.models import GuideService
from portal.translations.models import UntranslatedPiece

pytestmark = pytest.mark.django_db
GUIDE = "housing/renting-your-rights"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def normal(text):
    return " ".join(text.split())


INLINE = {"a", "abbr", "b", "code", "em", "i", "mark", "small", "span", "strong", "sub", "sup"}
BREAK = object()


class LangRuns(HTMLParser):
    """The text of a page's <body>, as runs of (language in force, text); BREAK between
    blocks (inline tags such as a search result's <mark> do not break a text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, language in force)
        self.runs = []
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag not in INLINE:
            self.runs.append(BREAK)
        if tag in VOID:
            return
        inherited = self.stack[-1][1] if self.stack else None
        self.stack.append((tag, dict(attrs).get("lang") or inherited))

    def handle_endtag(self, tag):
        if tag not in INLINE:
            self.runs.append(BREAK)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self.in_body or not self.stack or self.stack[-1][0] in ("script", "style"):
            return
        self.runs.append((self.stack[-1][1], data))


def texts_by_language(html):
    """{language: the body's text in that language, its blocks apart}."""
    parser = LangRuns()
    parser.feed(html)
    found = {}
    previous = None
    for run in parser.runs:
        if run is BREAK:
            previous = None
            continue
        lang, text = run
        parts = found.setdefault(lang, [])
        if previous == lang and parts:
            parts[-1] += text
        else:
            parts.append(text)
        previous = lang
    return {lang: " | ".join(normal(part) for part in parts) for lang, parts in found.items()}


def assert_only_inside(html, lang, texts):
    """Each of `texts` is on the page inside elements of language `lang`, and none of them
    (a sentence, not a name like "Huurcommissie" that Polish text uses too) outside them."""
    by_language = texts_by_language(html)
    for text in texts:
        assert normal(text) in by_language.get(lang, ""), text
        if len(text.split()) < 3:
            continue
        for other, body in by_language.items():
            assert other == lang or normal(text) not in body, (text, other)


def piece_text(segment):
    return normal(StringValue(segment.string.data).render_text())


def publish(translation_, capture):
    with capture(execute=True):  # localize publishes an existing translation on commit
        translation_.save_target(publish=True)


def leave_untranslated(dutch, code, capture):
    """Remove the translation of a title, a summary and one piece of each kind of block, and
    publish the translation as an editor would after confirming: these go out in Dutch."""
    translation_ = Translation.objects.get(
        source__object_id=dutch.translation_key, target_locale__language_code=code
    )
    first_of_kind = {}
    for block in dutch.body:
        first_of_kind.setdefault(block.block_type, block.id)
    prefixes = ["title", "summary", *(f"body.{block_id}" for block_id in first_of_kind.values())]
    chosen = []
    segments = (
        StringSegment.objects.filter(source=translation_.source)
        .select_related("string", "context")
        .order_by("order")
    )
    for prefix in prefixes:
        for segment in segments:
            path = segment.context.path
            # Facts are figures, not Dutch words: leave pieces with a fact aside.
            if (
                path == prefix or path.startswith(f"{prefix}.")
            ) and "{{" not in segment.string.data:
                chosen.append(segment)
                break
    StringTranslation.objects.filter(
        translation_of__in=[segment.string for segment in chosen],
        context__in=[segment.context for segment in chosen],
        locale=translation_.target_locale,
    ).delete()
    publish(translation_, capture)
    return [piece_text(segment) for segment in chosen]


def test_untranslated_pieces_are_marked_dutch_and_nothing_dutch_is_unmarked(
    client, site_pages, django_capture_on_commit_callbacks
):
    dutch = site_pages[GUIDE]["nl"]
    dutch_only = Service.objects.create(
        organisation=Service.objects.first().organisation,
        name_nl="Spreekuur huurrecht voor iedereen",
        description_nl="Gratis advies over uw huurcontract, elke dinsdagavond in de bibliotheek.",
    )
    GuideService.objects.create(page=dutch, service=dutch_only, sort_order=99)
    pieces = leave_untranslated(dutch, "pl", django_capture_on_commit_callbacks)
    assert len(pieces) >= 5
    assert set(
        UntranslatedPiece.objects.filter(page=site_pages[GUIDE]["pl"]).values_list(
            "text", flat=True
        )
    ) >= set(pieces)

    html = client.get(site_pages[GUIDE]["pl"].url).content.decode()

    assert_only_inside(html, "nl", [*pieces, dutch_only.name_nl])
    # And the Polish around them is not marked Dutch.
    with translation.override("pl"):
        heading = translation.gettext("Where to get help")
    assert heading in texts_by_language(html)["pl"]


def test_translating_the_pieces_later_drops_the_marks(
    client, site_pages, django_capture_on_commit_callbacks
):
    dutch = site_pages[GUIDE]["nl"]
    leave_untranslated(dutch, "ro", django_capture_on_commit_callbacks)
    romanian = site_pages[GUIDE]["ro"]
    assert UntranslatedPiece.objects.filter(page=romanian).exists()
    # The editor translates by hand: localize's stop-sync is not needed, publishing again
    # with every piece translated records nothing.
    translation_ = Translation.objects.get(
        source__object_id=dutch.translation_key, target_locale__language_code="ro"
    )
    for segment in StringSegment.objects.filter(source=translation_.source).select_related(
        "string", "context"
    ):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            context=segment.context,
            locale=translation_.target_locale,
            defaults={"data": "Text tradus.", "translation_type": "manual"},
        )
    publish(translation_, django_capture_on_commit_callbacks)
    assert not UntranslatedPiece.objects.filter(page=romanian).exists()
    html = client.get(romanian.url).content.decode()
    assert "<h1 lang=" not in html and '<p class="lead" lang=' not in html


def test_a_fallback_page_is_marked_and_its_interface_is_not(client, site_pages):
    pages = site_pages[GUIDE]
    pages["ro"].delete()
    pages["en"].delete()
    dutch = pages["nl"]
    response = client.get(f"/ro/{dutch.url.split('/', 2)[2]}")
    assert response.status_code == 200
    html = response.content.decode()
    assert_only_inside(html, "nl", [dutch.title, dutch.summary])
    with translation.override("ro"):
        interface = [translation.gettext("Contents"), translation.gettext("Official sources")]
        if dutch.where_to_get_help():
            interface.append(translation.gettext("Where to get help"))
    by_language = texts_by_language(html)
    for text in interface:
        assert normal(text) in by_language.get("ro", ""), text


def test_directory_texts_falling_back_carry_their_language(client):
    service = Service.objects.filter(status="active").exclude(description_en="").first()
    service.name_pl = ""
    service.name_en = "Help desk in English only"
    service.description_pl = ""
    service.description_en = ""
    service.how_to_apply_pl = "Zadzwoń najpierw."
    service.save()
    html = client.get(f"/pl/services/{service.pk}/").content.decode()
    assert_only_inside(html, "en", ["Help desk in English only"])
    assert_only_inside(html, "nl", [service.description_nl])
    assert_only_inside(html, "pl", ["Zadzwoń najpierw."])
    listing = client.get("/pl/services/").content.decode()
    assert_only_inside(listing, "en", ["Help desk in English only"])


def test_glossary_explanation_falling_back_carries_its_language(client):
    term = GlossaryTerm.objects.exclude(explanation_en="").order_by("term").first()
    term.explanation_pl = ""
    term.save()
    html = client.get("/pl/glossary/").content.decode()
    assert_only_inside(html, "en", [term.explanation_en])


def test_search_results_in_another_language_say_so(client, django_capture_on_commit_callbacks):
    service = Service.objects.filter(status="active").order_by("name_nl").first()
    service.name_pl = ""
    service.name_en = "Zebracrossing advice desk"
    with django_capture_on_commit_callbacks(execute=True):  # search entries follow on commit
        service.save()
    html = client.get("/pl/search/", {"q": "Zebracrossing"}).content.decode()
    assert_only_inside(html, "en", ["Zebracrossing advice desk"])
