"""Slugs made from titles: Latin letters, Bulgarian as Bulgaria's official transliteration."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from portal.guides.models import ascii_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Здравна застраховка", "zdravna-zastrahovka"),
        ("Жилище", "zhilishte"),
        ("Данъци", "danatsi"),
        ("Регистрация в общината и BSN", "registratsia-v-obshtinata-i-bsn"),
        ("Работа чрез агенция", "rabota-chrez-agentsia"),
        ("Жилище от работодателя", "zhilishte-ot-rabotodatelya"),
        ("Rejestracja w gminie", "rejestracja-w-gminie"),
        ("Asigurare de sănătate", "asigurare-de-sanatate"),
    ],
)
def test_titles_become_official_latin_slugs(title, slug):
    assert ascii_slug(title) == slug


def test_bulgarian_content_slugs_write_word_final_iya_as_ia():
    content = Path(settings.BASE_DIR) / "content"
    slugs = [
        re.search(r"^slug: (.+)$", path.read_text(encoding="utf-8"), re.M).group(1)
        for path in content.rglob("bg.md")
    ]
    assert slugs
    assert [slug for slug in slugs if re.search(r"iya(-|$)", slug)] == []
