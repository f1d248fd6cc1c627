"""Inline markup in translated pieces: numbered placeholders and the tag check.

localize stores a piece of rich text with its inline tags (`Lees <a id="a1">dit</a> en <b>dat</b>`).
Translators see numbered placeholders instead (`Lees <1>dit</1> en <2>dat</2>`), as in Crowdin
or Weblate, and a translation must use the same tags in the same order as its Dutch piece:
a missing, extra or moved link would change or lose the link on the live page.
"""

import json
import re

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^<>]*?)?)\s*(/?)>")
PLACEHOLDER = re.compile(r"<(/?)(\d+)(/?)>")


class TagMismatch(ValueError):
    pass


def tags(html):
    """The inline tags of a piece, in order: ("open"|"close"|"empty", full tag text)."""
    found = []
    for match in TAG.finditer(html):
        closing, _name, _attrs, empty = match.groups()
        kind = "close" if closing else "empty" if empty else "open"
        found.append((kind, match.group(0)))
    return found


def placeholder_map(source_html):
    """[(placeholder, tag html)] for the Dutch piece: each opening tag gets the next number,
    its closing tag the same number."""
    pairs, stack, number = [], [], 0
    for kind, text in tags(source_html):
        if kind == "close":
            if not stack:
                raise TagMismatch(text)
            pairs.append((f"</{stack.pop()}>", text))
        else:
            number += 1
            if kind == "open":
                stack.append(number)
                pairs.append((f"<{number}>", text))
            else:
                pairs.append((f"<{number}/>", text))
    return pairs


def to_placeholders(html, source_html):
    """`html` (the Dutch piece or its translation) with the Dutch piece's tags numbered."""
    if not tags(source_html):
        return html
    # Each opening tag takes the next unused number of the same tag in the Dutch piece;
    # a closing tag closes the innermost open one, as in HTML.
    result, stack, position, opening = [], [], 0, {}
    for placeholder, text in placeholder_map(source_html):
        if not placeholder.startswith("</"):
            opening.setdefault(_normal(text), []).append(placeholder)
    used = dict.fromkeys(opening, 0)
    for match in TAG.finditer(html):
        result.append(html[position : match.start()])
        position = match.end()
        text = match.group(0)
        key = _normal(text)
        if match.group(1):
            result.append(f"</{stack.pop()[1:-1]}>" if stack else text)
        elif key in opening and used[key] < len(opening[key]):
            placeholder = opening[key][used[key]]
            used[key] += 1
            if not placeholder.endswith("/>"):
                stack.append(placeholder)
            result.append(placeholder)
        else:
            result.append(text)
    result.append(html[position:])
    return "".join(result)


def from_placeholders(text, source_html):
    """A translation typed with placeholders back to the Dutch piece's tags; raises TagMismatch
    when the placeholders are not exactly the Dutch piece's, in the same order."""
    pairs = placeholder_map(source_html)
    expected = [placeholder for placeholder, _tag in pairs]
    found = [match.group(0) for match in PLACEHOLDER.finditer(text)]
    if found != expected:
        raise TagMismatch(", ".join(expected) or "-")
    html = dict(pairs)
    return PLACEHOLDER.sub(lambda match: html[match.group(0)], text)


def check_tags(translation_html, source_html):
    """Raise TagMismatch unless the translation (HTML or placeholders) carries the Dutch
    piece's tags in the same order."""
    if PLACEHOLDER.search(translation_html):
        from_placeholders(translation_html, source_html)
        return
    if [_normal(text) for _kind, text in tags(translation_html)] != [
        _normal(text) for _kind, text in tags(source_html)
    ]:
        raise TagMismatch(", ".join(p for p, _tag in placeholder_map(source_html)) or "-")


def to_html(translation_text, source_html):
    """The text as localize stores it: placeholders replaced by the Dutch tags, after the check."""
    check_tags(translation_text, source_html)
    if PLACEHOLDER.search(translation_text):
        return from_placeholders(translation_text, source_html)
    return translation_text


def _normal(tag_text):
    return re.sub(r"\s+", " ", tag_text.strip()).replace(" >", ">").replace(" />", "/>")


def editor_props(props_json):
    """localize's translation editor data (its JSON `props`) with every piece's tags shown as
    the Dutch piece's numbered placeholders, in the Dutch text and in the translation. The
    editor sends placeholders back; `to_html` turns them into the Dutch tags on save."""
    props = json.loads(props_json)
    sources = {}
    for segment in props.get("segments", []):
        if segment.get("type") == "string":
            sources[segment["id"]] = segment["source"]
            segment["source"] = shown(segment["source"], segment["source"])
    for string_translation in props.get("initialStringTranslations", []):
        source = sources.get(string_translation.get("segment_id"))
        if source is not None and string_translation.get("data"):
            string_translation["data"] = shown(string_translation["data"], source)
    return json.dumps(props)


def shown(html, source_html):
    """`html` as a translator sees it: with placeholders, or as it is when the Dutch piece's
    own tags do not nest (then placeholders could not be turned back)."""
    try:
        return to_placeholders(html, source_html)
    except TagMismatch:
        return html
