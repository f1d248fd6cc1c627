"""The glossary as other parts of the site read it: entries for readers, patterns for the
terminology check, forms to look for in guides, and words for search. Everything a reader's
request needs is kept in the fragment cache under the content version."""

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

from ..core.freshness import remember
from ..core.languages import language_codes, shown_language
from .models import GlossaryTerm, lines


@dataclass(frozen=True)
class Entry:
    slug: str
    term: str
    variants: tuple
    use_term: str
    explanation: str
    guide_url: str
    guide_title: str
    url: str
    # The language of a text shown in another language than the reader's (modeltranslation's
    # fallback, or the Dutch guide where there is no translation), for its lang attribute;
    # "" when it is in the reader's language.
    use_term_lang: str = ""
    explanation_lang: str = ""
    guide_lang: str = ""


def variant_pattern(variant):
    """A regex for a "not to use" variant: whole words, any spacing; a word ending in "*" may
    end in any way ("dodat* zdrowotn*" finds "dodatku zdrowotnego"). Any case, except for a
    variant in capitals only: "CAO" is a spelling, so "cao" is not reported."""
    words = []
    for word in variant.split():
        if word.endswith("*"):
            words.append(re.escape(word[:-1]) + r"\w*")
        else:
            words.append(re.escape(word) + r"(?!\w)")
    flags = 0 if variant.isupper() else re.IGNORECASE
    return re.compile(r"(?<!\w)" + r"\s+".join(words), flags)


def glossary_url(language):
    with translation.override(language):
        return reverse("glossary:index")


def guides_in(terms, language):
    """{Dutch page id: (url, title, "nl" or "")} of the terms' guides in `language` (the Dutch
    page, marked "nl", where there is no live translation), in two queries."""
    from wagtail.models import Page

    sources = {term.guide.translation_key: term.guide for term in terms if term.guide_id}
    translated = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=list(sources), locale__language_code=language
        ).live()
    }
    found = {}
    for key, source in sources.items():
        own = translated.get(key)
        chosen = own or (source if source.live else None)
        if chosen is not None:
            found[source.pk] = (chosen.get_url() or "", chosen.title, "" if own else "nl")
    return found


NO_GUIDE = ("", "", "")


def entries(language):
    """Every entry in the reader's language, A–Z by the Dutch word, with its guide."""

    def build():
        with translation.override(language):
            terms = list(GlossaryTerm.objects.select_related("guide"))
            guides = guides_in(terms, language)
            index_url = glossary_url(language)
            return sorted(
                (
                    entry_of(term, language, index_url, *guides.get(term.guide_id, NO_GUIDE))
                    for term in terms
                ),
                key=lambda entry: entry.term.casefold(),
            )

    return remember(build, "glossary-entries", language)


def other_language(term, field, language):
    shown = shown_language(term, field)
    return "" if shown in (None, language) else shown


def entry_of(term, language, index_url, guide_url="", guide_title="", guide_lang=""):
    """The entry of `term` for readers of `language` (which must be active); `index_url` is
    glossary_url(language), asked once per list."""
    return Entry(
        slug=term.slug,
        term=term.term,
        variants=tuple(lines(term.variants)),
        use_term=term.use_term,
        explanation=term.explanation,
        guide_url=guide_url,
        guide_title=guide_title,
        url=f"{index_url}#{term.slug}",
        use_term_lang=other_language(term, "use_term", language),
        explanation_lang=other_language(term, "explanation", language),
        guide_lang=guide_lang if language != "nl" else "",
    )


def guide_explanations(language):
    """The entries (without their guide: not shown there) of every term editors want
    explained in guides; one query on the first page view after a change."""

    def build():
        with translation.override(language):
            index_url = glossary_url(language)
            return [
                entry_of(term, language, index_url)
                for term in GlossaryTerm.objects.filter(explain_in_guides=True).order_by("term")
            ]

    return remember(build, "glossary-explanations", language)


def avoid_rules(terms=None):
    """(term, language, variant, pattern, use term) for every "not to use" variant."""
    rules = []
    terms = GlossaryTerm.objects.order_by("term") if terms is None else terms
    for term in terms:
        for code in language_codes():
            for variant in lines(term.column("avoid_terms", code)):
                use_term = term.column("use_term", code)
                rules.append((term, code, variant, variant_pattern(variant), use_term))
    return rules


def synonym_groups():
    """For search: each term with its variants, every language's term to use, the variants
    not to use (readers type them too) and the other words readers type."""
    groups = []
    for term in GlossaryTerm.objects.select_related("guide").order_by("term"):
        words = [term.term, *lines(term.variants)]
        for code in language_codes():
            for field in ("use_term", "search_words", "avoid_terms"):
                for line in lines(term.column(field, code)):
                    # "dopłata (toeslag)" is two words for the same thing: "dopłata", "toeslag".
                    words += [part.strip() for part in re.split(r"[()]", line.replace("*", ""))]
        groups.append((term, [word for word in dict.fromkeys(words) if word]))
    return groups
