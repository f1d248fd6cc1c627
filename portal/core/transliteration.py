"""Bulgarian in Latin letters by Bulgaria's official streamlined system (Transliteration Act,
2009), which is how Bulgarians type in Latin letters and how the state writes names: "ж" zh,
"х" h, "ц" ts, "щ" sht, "ъ" a, "ю" yu, "я" ya, and "ия" at the end of a word "ia"
("България" Bulgaria). anyascii follows Russian habits instead ("zastrakhovka", "dantsi").
"""

import re

BULGARIAN = str.maketrans(
    {
        "ж": "zh", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y",
        "ю": "yu", "я": "ya", "й": "y",
    }
)  # fmt: skip
WORD_FINAL_IA = re.compile(r"ия(?![а-яѐ-ӿ])", re.IGNORECASE)


def bulgarian_latin(text):
    """Lower-case text with its Bulgarian letters in the streamlined system; other letters are
    left for anyascii: "Данъчна декларация" -> "danachna deklaratsia"."""
    lowered = WORD_FINAL_IA.sub("ia", (text or "").lower())
    return lowered.translate(BULGARIAN)
