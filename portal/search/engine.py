"""Finding entries for a query in one language.

1. The query's words are folded (text.py) and expanded with editors' synonyms.
2. Candidates: entries of the language with a word starting with a word's stem. On PostgreSQL
   this is a full-text query in the "portal_search" configuration (unaccent + simple, made by
   migration 0002), which also matches the original, unfolded texts; elsewhere a LIKE on the
   folded texts.
3. Ranking, the same on every database: a match in the title counts most, then the summary,
   then the body; entries that match more of the reader's words come first.
4. When nothing matched a word, PostgreSQL tries trigram similarity (small typos:
   "zorgverzekring") as a second pass.
Promoted results (Wagtail's search promotions, chosen by editors for a query) come first, in
the reader's language. The glossary adds to both: each of its terms is a synonym group (the
Dutch word, its variants and every language's words for it), and a query that is one of those
words promotes the term's guide. Matching glossary entries are shown above the results.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from ..core.freshness import remember
from ..core.languages import current_language, shown_language
from ..directory.models import Service
from ..glossary.terms import entries as glossary_entries
from ..glossary.terms import synonym_groups as glossary_groups
from ..guides.sections import sections_of_page
from . import text
from .models import SearchEntry, SynonymGroup

TITLE, SUMMARY, BODY = 10.0, 4.0, 1.0
SYNONYM_WEIGHT = 0.8
# Guides explain; services are where to go next. With equal matches the guide comes first.
SERVICE_WEIGHT = 0.6
MAX_RESULTS = 20
SNIPPET_WORDS = 30
MAX_GLOSSARY_HITS = 3


@dataclass
class Result:
    entry: SearchEntry
    score: float
    promoted: bool = False
    title_html: str = ""
    snippet_html: str = ""
    # The section of a guide that answers best ("#ile-zarabiac"), or "".
    anchor: str = ""
    # The language of the title (and topic) and of the snippet where it is not the reader's:
    # a page shown in its fallback language, a service text falling back; else "".
    title_lang: str = ""
    snippet_lang: str = ""
    from_summary: bool = True

    @property
    def url(self):
        return f"{self.entry.url}#{self.anchor}" if self.anchor else self.entry.url


@dataclass
class Search:
    query: str
    language: str
    terms: list = field(default_factory=list)
    results: list = field(default_factory=list)
    glossary: list = field(default_factory=list)

    @property
    def found(self):
        return bool(self.results)


def synonyms_for(terms):
    """Phrases (lists of folded words) from every synonym group that one of the query's words
    or phrases belongs to. A term counts as typed when each of its words starts a word of the
    query as a stem: "zameldowania" brings the group of "zameldowanie"."""
    extra = []
    for phrases in synonym_phrases():
        if not any(phrase and typed(phrase, terms) for phrase in phrases):
            continue
        for phrase in phrases:
            if phrase and not typed(phrase, terms) and phrase not in extra:
                extra.append(phrase)
    return extra


def synonym_phrases():
    """Every synonym group (editors' and the glossary's) as its folded phrases; kept under the
    content version, which goes up when editors change a group or a glossary term."""
    return remember(
        lambda: (
            [
                [text.query_terms(term) for term in group.term_list()]
                for group in SynonymGroup.objects.all()
            ]
            + [phrases for _slug, _key, phrases in folded_glossary()]
        ),
        "search-synonyms",
    )


def folded_glossary():
    """(slug, translation key of its guide or None, folded phrases) of every glossary term."""

    def build():
        return [
            (
                term.slug,
                term.guide.translation_key if term.guide_id else None,
                [phrase for phrase in (text.query_terms(word) for word in words) if phrase],
            )
            for term, words in glossary_groups()
        ]

    return remember(build, "search-glossary")


def glossary_hits(terms, language):
    """The glossary entries one of whose words the reader typed, in the reader's language."""
    slugs = [
        slug
        for slug, _key, phrases in folded_glossary()
        if any(typed(phrase, terms) for phrase in phrases)
    ]
    if not slugs:
        return []
    by_slug = {entry.slug: entry for entry in glossary_entries(language)}
    return [by_slug[slug] for slug in slugs if slug in by_slug][:MAX_GLOSSARY_HITS]


def promotions():
    """(folded query, translation key of the promoted page) of every search promotion, in
    the editors' order; kept under the content version."""

    def folded():
        chosen = SearchPromotion.objects.filter(page__isnull=False).select_related("query", "page")
        return [
            (
                " ".join(text.query_terms(promotion.query.query_string)),
                promotion.page.translation_key,
            )
            for promotion in chosen.order_by("sort_order", "pk")
        ] + [
            (" ".join(phrase), key)
            for _slug, key, phrases in folded_glossary()
            if key is not None
            for phrase in phrases
        ]

    return remember(folded, "search-promotions")


def typed(phrase, terms):
    return all(any(term.startswith(text.stem(word)) for term in terms) for word in phrase)


def entries_in(language):
    """The entries of one language, or of all languages when `language` is None (the desk)."""
    entries = SearchEntry.objects.all()
    return entries if language is None else entries.filter(language=language)


def candidates(language, stems):
    entries = entries_in(language)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        vector = SearchVector(
            "title",
            "summary",
            "body",
            "folded_title",
            "folded_summary",
            "folded_body",
            config="portal_search",
        )
        # Stems are [a-z0-9]+ only, so they are safe in a raw tsquery.
        raw = " | ".join(f"{s}:*" for s in stems)
        query = SearchQuery(raw, config="portal_search", search_type="raw")
        return entries.annotate(vector=vector).filter(vector=query)
    match = Q()
    for s in stems:
        for column in ("folded_title", "folded_summary", "folded_body"):
            match |= Q(**{f"{column}__contains": s})
    return entries.filter(match)


def fuzzy_candidates(language, words):
    """PostgreSQL only: entries with a word like one of `words` (trigram similarity)."""
    if connection.vendor != "postgresql" or not words:
        return []
    from django.contrib.postgres.search import TrigramWordSimilarity

    found = {}
    entries = entries_in(language)
    for word in words:
        if len(word) < 4:
            continue
        for column, threshold in (("folded_title", 0.5), ("folded_body", 0.6)):
            similar = entries.annotate(similarity=TrigramWordSimilarity(word, column)).filter(
                similarity__gte=threshold
            )
            for entry in similar:
                found.setdefault(entry.pk, entry)
    return list(found.values())


def score(entry, patterns):
    """Weighted matches of each word (its own pattern); more distinct words count most."""
    total = 0.0
    matched = 0
    for pattern, weight in patterns:
        points = 0.0
        if pattern.search(entry.folded_title):
            points += TITLE
        if pattern.search(entry.folded_summary):
            points += SUMMARY
        body_hits = len(pattern.findall(entry.folded_body))
        if body_hits:
            points += BODY + min(body_hits, 5) * 0.2
        if points:
            matched += weight
            total += points * weight
    points = total * (1 + matched)
    return points * SERVICE_WEIGHT if entry.service_id else points


def best_section(entry, patterns):
    """The anchor of the page section that answers best, when that is a section below a
    heading rather than the page's opening text: a reader asking "employer pays too little"
    lands on that section of a seven-screen guide. Only the reader's words that the page's
    title does not already cover choose a section; a query that names the page itself
    ("zorgverzekering", "pasek wypłaty") lands at its top."""
    if not entry.page_id:
        return ""
    title = entry.folded_title
    if any(weight < 1 and pattern.search(title) for pattern, weight in patterns):
        return ""  # a synonym of the query is the page's title
    open_words = [p for p, weight in patterns if weight == 1 and not p.search(title)]
    if not open_words:
        return ""
    best, best_points = "", 0.0
    for anchor, heading, body in sections_of_page(entry.page_id):
        folded_heading, folded_body = text.fold(heading), text.fold(body)
        if not any(p.search(folded_heading) or p.search(folded_body) for p in open_words):
            continue
        points = 0.0
        for pattern, weight in patterns:
            if pattern.search(folded_heading):
                points += TITLE * weight
            points += min(len(pattern.findall(folded_body)), 5) * BODY * weight
        if points > best_points:
            best, best_points = anchor or "", points
    return best


def promoted_entries(terms, language):
    """Entries that editors promoted for this query (Wagtail's search promotions), compared
    folded: a promotion for "asigurare de sănătate" also answers "Asigurare de sanatate"."""
    wanted = " ".join(terms)
    keys = list(dict.fromkeys(key for query, key in promotions() if query == wanted))
    found = {}
    for entry in entries_in(language).filter(translation_key__in=keys):
        found.setdefault(entry.translation_key, []).append(entry)
    return [entry for key in dict.fromkeys(keys) for entry in found.get(key, [])]


def search(query, language, limit=MAX_RESULTS, sections=True):
    """Search one language's entries; with language=None every language's (for staff).
    `sections`: point page results at the guide section that answers best."""
    query = (query or "")[: text.MAX_QUERY_LENGTH]
    result = Search(query=query, language=language, terms=text.query_terms(query))
    if not result.terms:
        return result
    if language is not None:
        result.glossary = glossary_hits(result.terms, language)
    extra = synonyms_for(result.terms)
    patterns = [(text.word_pattern([text.stem(t)]), 1.0) for t in result.terms]
    patterns += [(text.phrase_pattern(phrase), SYNONYM_WEIGHT) for phrase in extra]
    all_stems = [text.stem(word) for word in result.terms + [w for p in extra for w in p]]

    scored = {}
    for entry in candidates(language, all_stems):
        points = score(entry, patterns)
        if points:
            scored[entry.pk] = (entry, points)
    unmatched = [
        term
        for term, (pattern, _weight) in zip(result.terms, patterns, strict=False)
        if not any(pattern.search(folded_text(entry)) for entry, _points in scored.values())
    ]
    for entry in fuzzy_candidates(language, unmatched):
        scored.setdefault(entry.pk, (entry, 1.0))

    # Equal scores: guides before services, then the shorter (more specific) title.
    ranked = sorted(
        scored.values(),
        key=lambda pair: (-pair[1], pair[0].service_id is not None, len(pair[0].title)),
    )
    promoted = promoted_entries(result.terms, language)
    promoted_pks = {e.pk for e in promoted}
    ordered = [Result(e, 0, promoted=True) for e in promoted] + [
        Result(e, points) for e, points in ranked if e.pk not in promoted_pks
    ]
    highlight = text.word_pattern(all_stems)
    for item in ordered[:limit]:
        entry = item.entry
        item.title_html = mark_safe(  # noqa: S308
            text.highlight(entry.title, highlight, folded=entry.folded_title)
        )
        if entry.body and highlight.search(entry.folded_body):
            source, folded = entry.body, entry.folded_body
        else:
            source, folded = entry.summary, entry.folded_summary
        item.snippet_html = mark_safe(  # noqa: S308
            text.highlight(source, highlight, limit_words=SNIPPET_WORDS, folded=folded)
        )
        if sections:
            item.anchor = best_section(entry, patterns)
        item.from_summary = source is entry.summary
        result.results.append(item)
    mark_languages(result.results)
    return result


def mark_languages(results):
    """Set each result's title_lang and snippet_lang (for their lang attribute): at most one
    query for the pages shown in a fallback language and one for the services."""
    pages = [item.entry.page_id for item in results if item.entry.fallback]
    locales = (
        dict(Page.objects.filter(pk__in=pages).values_list("pk", "locale__language_code"))
        if pages
        else {}
    )
    ids = [item.entry.service_id for item in results if item.entry.service_id]
    services = Service.objects.in_bulk(ids) if ids else {}
    reader = current_language()
    for item in results:
        entry = item.entry
        if entry.service_id in services:
            with translation.override(entry.language):
                service = services[entry.service_id]
                title = shown_language(service, "name")
                # A snippet from the body joins several texts: its language is not one.
                snippet = shown_language(service, "description") if item.from_summary else None
        else:
            title = locales.get(entry.page_id, entry.language)
            snippet = title
        item.title_lang = title if title and title != reader else ""
        item.snippet_lang = snippet if snippet and snippet != reader else ""


def folded_text(entry):
    return f"{entry.folded_title} {entry.folded_summary} {entry.folded_body}"
