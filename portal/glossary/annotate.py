"""The first use of a glossary word on a page explains itself: after the paragraph or list item
where it first appears comes a <details> with the explanation in the reader's language. It
works without JavaScript, is a native control for keyboards and screen readers, and takes no
room until opened, also on a 360 px screen (no hover tooltip).

Words in links, headings, summaries and buttons are passed over: the first use in running text
is the one explained.
"""

import re

from django.template.loader import render_to_string
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


def matcher(language):
    """One regex for every Dutch form of every explained term, and the entry of each form."""

    def build():
        by_form = {}
        for entry in guide_explanations(language):
            for form in (entry.term, *entry.variants):
                by_form.setdefault(normal(form), entry)
        if not by_form:
            return None, {}
        forms = sorted(by_form, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, form.split())) for form in forms)
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
        return pattern, by_form

    return remember(build, "glossary-matcher", language)


def normal(form):
    return " ".join(form.lower().split())


def explain_first_uses(html, language):
    """`html` with an explanation after the first use of each glossary word."""
    pattern, by_form = matcher(language)
    if pattern is None:
        return html
    explained = set()
    stack = []  # open tags: [name, pending entries]
    out = []
    for token in TOKEN.split(str(html)):
        if not token:
            continue
        if token.startswith("<"):
            name_match = TAG_NAME.match(token)
            if not name_match:
                out.append(token)
                continue
            closing, name = name_match.group(1) == "/", name_match.group(2).lower()
            if closing:
                pending = close(stack, name)
                if pending and name in INSIDE_END:
                    out.extend(render(entry, language) for entry in pending)
                out.append(token)
                if pending and name in AFTER:
                    out.extend(render(entry, language) for entry in pending)
            else:
                out.append(token)
                if name not in VOID and not token.endswith("/>"):
                    stack.append([name, []])
            continue
        out.append(token)
        if any(name in SKIP_INSIDE for name, _pending in stack):
            continue
        container = next((item for item in reversed(stack) if item[0] in AFTER | INSIDE_END), None)
        if container is None:
            continue
        for found in pattern.finditer(token):
            entry = by_form.get(normal(found.group(0)))
            if entry is not None and entry.slug not in explained:
                explained.add(entry.slug)
                container[1].append(entry)
    return mark_safe("".join(out))  # noqa: S308 (the input is the page's own rendered HTML)


def close(stack, name):
    """Pop up to and including the innermost open `name`; the entries waiting on it."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index][0] == name:
            pending = stack[index][1]
            # Entries waiting on tags closed implicitly move to this one.
            for _name, inner in stack[index + 1 :]:
                pending.extend(inner)
            del stack[index:]
            return pending
    return []


def render(entry, language):
    """The explanation, in the reader's language also where it follows a piece in Dutch."""
    return render_to_string("glossary/explanation.html", {"entry": entry, "language": language})
