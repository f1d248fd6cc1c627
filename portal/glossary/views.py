from itertools import groupby

from django.http import Http404
from django.shortcuts import render

from ..core.languages import current_language
from .terms import entries


def first_letter(entry):
    letter = entry.term[:1].upper()
    return letter if letter.isalpha() else "#"


def glossary(request):
    """All entries A–Z by the Dutch word, each with its anchor (/pl/glossary/#bsn)."""
    found = entries(current_language())
    letters = [(letter, list(group)) for letter, group in groupby(found, key=first_letter)]
    return render(request, "glossary/index.html", {"letters": letters, "count": len(found)})


def glossary_entry(request, slug):
    """One entry on its own address (/pl/glossary/bsn/), for sharing and the desk."""
    for entry in entries(current_language()):
        if entry.slug == slug:
            return render(request, "glossary/entry.html", {"entry": entry})
    raise Http404
