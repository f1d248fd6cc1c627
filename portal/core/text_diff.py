"""What changed between two versions of a text, word by word, for editors checking a
translation against its changed Dutch (the page translation loop and the directory)."""

import difflib
import html
import re

WORD = re.compile(r"\s+|[^\s]+")


def word_diff(previous, current):
    """HTML of the change from the previous text to the current one, word by word: removed
    words in <del>, added words in <ins>. Tags in the texts are shown as text."""
    old, new = WORD.findall(previous or ""), WORD.findall(current or "")
    parts = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(html.escape("".join(old[a0:a1])))
            continue
        if a1 > a0:
            parts.append(f"<del>{html.escape(''.join(old[a0:a1]))}</del>")
        if b1 > b0:
            parts.append(f"<ins>{html.escape(''.join(new[b0:b1]))}</ins>")
    return "".join(parts)
