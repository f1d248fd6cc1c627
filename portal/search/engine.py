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
the reader's language.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import SearchPromotion

from ..pagecache.fragments import remember
from . import text
from .models import SearchEntry, SynonymGroup

TITLE, SUMMARY, BODY = 10.0, 4.0, 1.0
SYNONYM_WEIGHT = 0.8
# Guides explain; services are where to go next. With equal matches the guide comes first.
SERVICE_WEIGHT = 0.6
MAX_RESULTS = 20
SNIPPET_WORDS = 30


@dataclass
class Result:
    entry: SearchEntry
    score: float
    promoted: bool = False
    title_html: str = ""
    snippet_html: str = ""


@dataclass
class Search:
    query: str
    language: str
    terms: list = field(default_factory=list)
    results: list = field(default_factory=list)

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
    """Every synonym group as its folded phrases; kept under the content version, which goes
    up when editors change a group."""
    return remember(
        lambda: [
            [text.query_terms(term) for term in group.term_list()]
            for group in SynonymGroup.objects.all()
        ],
        "search-synonyms",
    )


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


def promoted_entries(terms, language):
    """Entries that editors promoted for this query (Wagtail's search promotions), compared
    folded: a promotion for "asigurare de sănătate" also answers "Asigurare de sanatate"."""
    wanted = " ".join(terms)
    keys = [key for query, key in promotions() if query == wanted]
    found = {}
    for entry in entries_in(language).filter(translation_key__in=keys):
        found.setdefault(entry.translation_key, []).append(entry)
    return [entry for key in dict.fromkeys(keys) for entry in found.get(key, [])]


def search(query, language, limit=MAX_RESULTS):
    """Search one language's entries; with language=None every language's (for staff)."""
    query = (query or "")[: text.MAX_QUERY_LENGTH]
    result = Search(query=query, language=language, terms=text.query_terms(query))
    if not result.terms:
        return result
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
        result.results.append(item)
    return result


def folded_text(entry):
    return f"{entry.folded_title} {entry.folded_summary} {entry.folded_body}"
