"""The glossary for readers: the A–Z page in every language, entries with their own address, the
footer link, first-use explanations in guides (and switching them off), search, and the loader."""

import re

import pytest
from django.core.management import CommandError, call_command

from portal.glossary.annotate import forms_pattern
from portal.glossary.models import GlossaryTerm

pytestmark = pytest.mark.django_db
LANGUAGES = ["nl", "en", "pl", "ro", "bg"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_page_lists_at_least_60_terms_a_to_z_with_anchors(client, language):
    response = client.get(f"/{language}/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    terms = re.findall(r'<dt id="([^"]+)"><a class="term" href="[^"]+" lang="nl">([^<]+)</a>', html)
    assert len(terms) >= 60
    words = [term for _slug, term in terms]
    assert words == sorted(words, key=str.casefold)
    assert len({slug for slug, _term in terms}) == len(terms)
    assert 'href="#letter-b"' in html and 'id="letter-b"' in html


def test_entry_shows_the_readers_term_and_links_the_guide_in_their_language(client, site_pages):
    html = client.get("/pl/glossary/").content.decode()
    entry = re.search(r'<dt id="zorgtoeslag">.*?</dd>', html, re.S).group(0)
    assert "dopłata do ubezpieczenia zdrowotnego (zorgtoeslag)" in entry
    assert site_pages["healthcare/healthcare-allowance"]["pl"].url in entry


def test_each_entry_has_its_own_address(client):
    response = client.get("/bg/glossary/bsn/")
    assert response.status_code == 200
    assert "нещо като ЕГН" in response.content.decode()
    assert client.get("/bg/glossary/no-such-word/").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_the_glossary_from_its_footer(client, site_pages, language):
    html = client.get(site_pages["rights/sick-pay"][language].url).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="/{language}/glossary/"' in footer


def explanations(html):
    return re.findall(r'<details class="term-note" lang="[a-z]+"><summary>[^<]*</summary>', html)


def test_first_bsn_in_a_guide_explains_itself_once(client, site_pages):
    html = client.get(site_pages["registration/brp-and-bsn"]["pl"].url).content.decode()
    body = html[html.index("<article") : html.index("</article>")]
    bsn_notes = [note for note in explanations(body) if "„BSN”" in note]
    assert len(bsn_notes) == 1
    # The explanation follows the paragraph with the first "BSN" in running text.
    note_at = body.index(bsn_notes[0])
    first_use = re.search(r"<p>[^<]*\bBSN\b", body[body.index('<div class="text">') :])
    assert first_use is not None
    assert body.index('<div class="text">') + first_use.start() < note_at
    assert "Twój osobisty numer w urzędach w Holandii." in body[note_at:]
    assert 'href="/pl/glossary/#bsn"' in body[note_at:]


def test_editors_can_switch_explanations_off_per_page(client, site_pages):
    page = site_pages["registration/brp-and-bsn"]["pl"]
    page.explain_terms = False
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert explanations(html) == []


def test_editors_can_switch_explanations_off_per_term(client, site_pages):
    term = GlossaryTerm.objects.get(term="BSN")
    term.explain_in_guides = False
    term.save()
    html = client.get(site_pages["registration/brp-and-bsn"]["pl"].url).content.decode()
    assert not [note for note in explanations(html) if "„BSN”" in note]
    assert explanations(html)  # other words are still explained


@pytest.mark.parametrize(
    "text, found",
    [
        ("De zorgtoeslag komt later.", ["zorgtoeslag"]),  # the longer form, not "zorg"
        ("Zorg en ZORGVERZEKERING.", ["Zorg", "ZORGVERZEKERING"]),
        ("Vraag de eigen\n  risico terug.", ["eigen\n  risico"]),  # any white space between words
        ("zorgverzekeraars, mantelzorg, zorg-app", []),  # whole words only
    ],
)
def test_the_pattern_of_the_forms_finds_whole_words_longest_first(text, found):
    forms = ["zorg", "zorgtoeslag", "zorgverzekering", "eigen risico", "eigen"]
    assert [match.group(0) for match in forms_pattern(forms).finditer(text)] == found


@pytest.mark.parametrize(
    "language, query",
    [("nl", "jaaropgaaf"), ("en", "jaaropgaaf"), ("pl", "kindgebonden budget"), ("ro", "BSN"),
     ("bg", "huisartsenpost"), ("pl", "dopłata"), ("bg", "хазяин")],
)  # fmt: skip
def test_search_shows_the_glossary_entry_of_a_dutch_word(client, language, query):
    html = client.get(f"/{language}/search/", {"q": query}).content.decode()
    assert 'class="glossary-hits"' in html
    assert re.search(rf'<dt><a href="/{language}/glossary/#[a-z0-9-]+" lang="nl">', html)
    assert f'href="/{language}/glossary/"' in html


def test_loader_refuses_a_broken_file_and_writes_nothing(tmp_path):
    broken = tmp_path / "terms.yaml"
    broken.write_text(
        "- term: Nieuwwoord\n  nl: {use: nieuwwoord, explain: Uitleg.}\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match=r"item 1 \(Nieuwwoord\): 'en' needs"):
        call_command("load_glossary", str(broken))
    assert not GlossaryTerm.objects.filter(term="Nieuwwoord").exists()


def test_loader_refuses_a_language_written_twice(tmp_path):
    broken = tmp_path / "terms.yaml"
    broken.write_text(
        "- term: Nieuwwoord\n  nl: {use: nieuwwoord, explain: Uitleg.}\n"
        "  nl: {use: nieuw woord, explain: Andere uitleg.}\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="the key 'nl' is written twice"):
        call_command("load_glossary", str(broken))
    assert not GlossaryTerm.objects.filter(term="Nieuwwoord").exists()


def test_loader_keeps_editors_changes_unless_forced():
    term = GlossaryTerm.objects.get(term="BSN")
    term.explanation_en = "Changed by an editor."
    term.save()
    call_command("load_glossary")
    term.refresh_from_db()
    assert term.explanation_en == "Changed by an editor."
    call_command("load_glossary", "--force")
    term.refresh_from_db()
    assert term.explanation_en.startswith("Your personal number")
