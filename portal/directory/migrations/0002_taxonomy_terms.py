"""The categories the directory starts with: the six topics and kinds of service.

Editors may add more in the admin; these ids are fixed so that HSDS data can refer to them.
"""

import uuid

from django.db import migrations

NAMESPACE = uuid.UUID("0b7c6f0e-4d3e-4c56-9a51-3c0e2f6c7a10")

# code: (nl, en, pl, ro, bg)
TERMS = {
    "topic:rights": ("Werk en rechten", "Work and rights", "Praca i prawa", "Muncă și drepturi", "Работа и права"),
    "topic:duties": ("Plichten", "Duties", "Obowiązki", "Obligații", "Задължения"),
    "topic:housing": ("Wonen", "Housing", "Mieszkanie", "Locuință", "Жилище"),
    "topic:schooling": ("School en gezin", "School and family", "Szkoła i rodzina", "Școală și familie", "Училище и семейство"),
    "topic:healthcare": ("Zorg en gezondheid", "Healthcare", "Opieka zdrowotna", "Sănătate", "Здравеопазване"),
    "topic:registration": ("Inschrijven en BSN", "Registration and BSN", "Rejestracja i BSN", "Înregistrare și BSN", "Регистрация и BSN"),
    "type:municipality": ("Gemeente", "Municipality", "Gmina", "Primărie", "Община"),
    "type:legal-aid": ("Juridische hulp", "Legal help", "Pomoc prawna", "Ajutor juridic", "Правна помощ"),
    "type:union": ("Vakbond", "Trade union", "Związek zawodowy", "Sindicat", "Синдикат"),
    "type:health-care": ("Zorgverlener", "Health care", "Opieka medyczna", "Îngrijire medicală", "Медицинска помощ"),
    "type:consulate": ("Ambassade en consulaat", "Embassy and consulate", "Ambasada i konsulat", "Ambasadă și consulat", "Посолство и консулство"),
    "type:helpline": ("Hulplijn", "Helpline", "Telefon zaufania", "Linie de ajutor", "Телефон за помощ"),
    "type:government-agency": ("Overheidsinstantie", "Government agency", "Urząd państwowy", "Instituție de stat", "Държавна институция"),
    "type:emergency": ("Spoed", "Emergency", "Nagły wypadek", "Urgență", "Спешен случай"),
    "access:by-appointment": ("Alleen op afspraak", "By appointment only", "Tylko po umówieniu wizyty", "Doar cu programare", "Само с уговорен час"),
}
FIXED_IDS = {"access:by-appointment": uuid.UUID("5f0d7d3c-9c8e-5a4e-8f0e-2b6a0e9c1a11")}
LANGUAGES = ("nl", "en", "pl", "ro", "bg")


def term_id(code):
    return FIXED_IDS.get(code) or uuid.uuid5(NAMESPACE, code)


def create_terms(apps, schema_editor):
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    for code, names in TERMS.items():
        values = {f"name_{lang}": name for lang, name in zip(LANGUAGES, names, strict=True)}
        values["name"] = names[0]
        TaxonomyTerm.objects.update_or_create(id=term_id(code), defaults={"code": code, **values})


def remove_terms(apps, schema_editor):
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    TaxonomyTerm.objects.filter(id__in=[term_id(code) for code in TERMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(create_terms, remove_terms)]
