"""The first use of a glossary word on a page explains itself: after the paragraph or list item
where it first appears comes a <details> with the explanation in the reader's language. It
works without JavaScript, is a native control for keyboards and screen readers, and takes no
room until opened, also on a 360 px screen (no hover tooltip).

Words in links, headings, summaries and buttons are passed over: the first use in running text
is the one explained.

This runs on every page body made after a change (issue 19: at most +10 % render CPU), so what
does not depend on the page is made once per language and content version: the pattern and
every explanation's HTML.
"""

import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from ..core.freshness import remember
from .terms import guide_explanations

TOKEN = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr"}
SKIP_INSIDE = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "button", "script", "style"}
# Where an explanation may follow: after a paragraph, at the end of a list item.
AFTER = {"p"}
INSIDE_END = {"li", "dd"}
CONTAINERS = AFTER | INSIDE_END


def matcher(language):
    """One regex for every Dutch form of every explained term, and for each form its entry's
    slug and explanation HTML."""

    def build():
        by_form = {}
        with translation.override(language):
            for entry in guide_explanations(language):
                note = render(entry, language)
                for form in (entry.term, *entry.variants):
                    by_form.setdefault(normal(form), (entry.slug, note))
        if not by_form:
            return None, {}
        return forms_pattern(by_form), by_form

    return remember(build, "glossary-matcher", language)


def forms_pattern(forms):
    """Any of the (normalised) forms as a whole word, in any case."""
    return re.compile(rf"(?<![\w-]){trie_pattern(forms)}(?![\w-])", re.IGNORECASE)


def trie_pattern(forms):
    """The forms as one regex shaped like a trie ("zorg(?:toeslag|verzekering)"): Python's re
    tries the alternatives of a flat list one by one at every position of the text, which made
    the explanations cost a fifth of a page's render time. Longer forms win, as in a list sorted
    longest first: each optional tail is greedy. A space matches any run of white space."""
    trie = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def regex(node):
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + regex(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return regex(trie)


def normal(form):
    return " ".join(form.lower().split())


def explain_first_uses(html, language):
    """`html` with an explanation after the first use of each glossary word."""
    pattern, by_form = matcher(language)
    if pattern is None:
        return html
    explained = set()
    stack = []  # open tags: [name, pending notes, inside a tag in SKIP_INSIDE]
    out = []
    for token in TOKEN.split(str(html)):
        if not token:
            continue
        out.append(token)
        if token[0] == "<":
            name_match = TAG_NAME.match(token)
            if not name_match:
                continue
            name = name_match.group(2).lower()
            if name_match.group(1):
                pending = close(stack, name)
                # A list item ends with its notes inside; a paragraph is followed by them.
                if pending and name in INSIDE_END:
                    out.insert(len(out) - 1, "".join(pending))
                elif pending and name in AFTER:
                    out.append("".join(pending))
            elif name not in VOID and not token.endswith("/>"):
                skipped = name in SKIP_INSIDE or bool(stack and stack[-1][2])
                stack.append([name, [], skipped])
            continue
        if stack and stack[-1][2]:
            continue
        container = next((item for item in reversed(stack) if item[0] in CONTAINERS), None)
        if container is None:
            continue
        for found in pattern.finditer(token):
            slug, note = by_form.get(normal(found.group(0)), (None, None))
            if slug is not None and slug not in explained:
                explained.add(slug)
                container[1].append(note)
    return mark_safe("".join(out))  # noqa: S308 (the input is the page's own rendered HTML)


def close(stack, name):
    """Pop up to and including the innermost open `name`; the notes waiting on it."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            pending = stack[index][1]
            # Notes waiting on tags closed implicitly move to this one.
            for _name, inner, _skipped in stack[index + 1 :]:
                pending.extend(inner)
            del stack[index:]
            return pending
    return []


def render(entry, language):
    """The explanation, in the reader's language also where it follows a piece in Dutch."""
    return render_to_string("glossary/explanation.html", {"entry": entry, "language": language})
