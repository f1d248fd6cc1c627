"""Text as search compares it: folded to lower-case ASCII, so that accents, phone keyboards
and scripts do not matter.

"Sănătate", "sanatate" and "SANATATE" are the same word; so are "здравна" and "zdravna"
(Bulgarian readers often type in Latin letters, the way Bulgaria's official transliteration
writes them: "застраховка" is "zastrahovka", "данъчна" is "danachna"). Inflected forms
("zameldowanie", "zameldowania") share a stem: the first letters of a word, which we match as
a word prefix.
"""

import re

from anyascii import anyascii
from django.utils.html import escape

from ..core import transliteration

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
WORD = re.compile(r"[a-z0-9]+")
# Bulgaria's official (streamlined) transliteration, which is how Bulgarians type in Latin
# letters; anyascii would write "ъ" as an apostrophe and "х" as "kh".
BULGARIAN = transliteration.BULGARIAN
# Small words that say nothing about what a reader looks for, in our five languages. They are
# left out of a query that has other words.
STOPWORDS = {
    # Dutch
    *("de", "het", "een", "van", "en", "in", "op", "te", "met", "voor", "aan", "is", "er"),
    # English
    *("the", "a", "an", "of", "to", "for", "and", "on", "my", "how", "what"),
    # Polish (folded)
    *("w", "z", "i", "o", "na", "do", "od", "po", "za", "ze", "we", "jak", "co", "czy"),
    *("mam", "moj", "moja", "sie", "nie", "jest", "ja"),
    # Romanian (folded)
    *("la", "cu", "si", "pe", "din", "un", "ce", "cum", "sa", "am"),
    # Bulgarian (transliterated)
    *("v", "ot", "s", "e", "se", "kak", "kakvo", "moya"),
}


def fold(text):
    return anyascii((text or "").lower().translate(BULGARIAN)).lower()


def query_terms(query):
    """The distinct words of a query, folded; at most MAX_TERMS, no one-letter words, and no
    stopwords unless there is nothing else. A 5,000-character query is cut, punctuation is
    dropped."""
    words = []
    for word in WORD.findall(fold(query[:MAX_QUERY_LENGTH])):
        if len(word) >= 2 and word not in words:
            words.append(word)
    meaningful = [word for word in words if word not in STOPWORDS]
    return (meaningful or words)[:MAX_TERMS]


def stem(term):
    """The part of a word that inflected forms share: "zameldowania" -> "zameldowa",
    "praca" -> "prac", "asigurarea" -> "asigur". Short words (BSN, GP, 112) match whole."""
    if len(term) <= 4:
        return term
    if len(term) <= 6:
        return term[:-1]
    return term[: max(5, len(term) - 3)]


def phrase_pattern(words):
    """A regex for the words in this order, each as a stem, with at most one word between
    ("asigurare sanatate" finds "asigurarea de sanatate")."""
    gap = r"[^a-z0-9]+(?:[a-z0-9]+[^a-z0-9]+)?"
    body = gap.join(re.escape(stem(word)) + "[a-z0-9]*" for word in words)
    return re.compile(rf"(?<![a-z0-9]){body}")


def word_pattern(stems):
    """A regex that finds any of the stems at the start of a word in folded text."""
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})")


def matching_words(pattern, text, folded=None):
    """The words of `text`, and the positions of those that match. `folded` is fold(text),
    when the caller has it already (search entries store it)."""
    words = text.split()
    # Folding the whole text at once is much faster than word by word; it nearly always keeps
    # the words apart the same way (if not, fold each word).
    folded = (fold(text) if folded is None else folded).split()
    if len(folded) != len(words):
        folded = [fold(word) for word in words]
    return words, [i for i, word in enumerate(folded) if pattern.search(word)]


def highlight(text, pattern, limit_words=None, folded=None):
    """HTML of `text` with matching words in <mark>; around the first match when limited."""
    words, hits = matching_words(pattern, text, folded)
    if limit_words and len(words) > limit_words:
        start = max(0, (hits[0] if hits else 0) - limit_words // 4)
        end = start + limit_words
        shown = range(start, min(end, len(words)))
        prefix = "… " if start > 0 else ""
        suffix = " …" if end < len(words) else ""
    else:
        shown = range(len(words))
        prefix = suffix = ""
    hit_set = set(hits)
    parts = [
        f"<mark>{escape(words[i])}</mark>" if i in hit_set else escape(words[i]) for i in shown
    ]
    return prefix + " ".join(parts) + suffix
