"""The yearly report for the council, in Dutch: it is a document for the council, not part of
the editors' interface, so its text is written in Dutch here rather than translated."""

from ..core.languages import language_codes
from . import charts, figures

DUTCH_NAMES = {
    "nl": "Nederlands",
    "en": "Engels",
    "pl": "Pools",
    "ro": "Roemeens",
    "bg": "Bulgaars",
}
DUTCH_MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def dutch_name(code):
    return DUTCH_NAMES.get(code, code)


def number(value):
    """1234567 -> "1.234.567", the Dutch way."""
    return f"{value:,}".replace(",", ".")


def share(part, whole):
    return round(100 * part / whole) if whole else 0


def summary(code, data, views, votes, zero, referrals, coverage):
    """A few plain sentences about one language."""
    total = data.total_views()
    seen = views.get(code, 0)
    sentences = [
        f"De pagina's in het {dutch_name(code)} zijn in {data.year} {number(seen)} keer bekeken"
        f" ({share(seen, total)}% van alle paginaweergaven)."
    ]
    topics = {}
    for _month, language, page_id, n in data.views:
        if language == code:
            name = data.topic_of.get(page_id)
            topics[name] = topics.get(name, 0) + n
    if topics:
        best = max(sorted(topics), key=lambda name: topics[name])
        sentences.append(f"Het meest gelezen onderwerp was {best}.")
    yes, no = votes.get(code, (0, 0))
    if yes + no:
        sentences.append(
            f"Van de {number(yes + no)} lezers die zeiden of een pagina nuttig was, zei "
            f"{share(yes, yes + no)}% ja."
        )
    else:
        sentences.append("Geen lezer zei of een pagina nuttig was.")
    if zero.get(code):
        sentences.append(f"{number(zero[code])} keer vond een zoekopdracht niets.")
    if referrals.get(code):
        sentences.append(
            f"Het WIN-punt verwees {number(referrals[code])} keer naar informatie in deze taal."
        )
    if code in coverage:
        sentences.append(f"Vandaag is {coverage[code]}% van de pagina's vertaald en bijgewerkt.")
    return " ".join(sentences)


def report_context(year):
    data = figures.Figures(year)
    views = data.views_by_language()
    votes = data.votes_by_language()
    zero = data.zero_results_by_language()
    referrals = data.referrals_by_language()
    coverage_table, coverage = figures.translation_coverage()
    monthly = data.monthly(lambda language, page_id: language)
    series = [(dutch_name(code), monthly[code]) for code in language_codes()]
    month_rows = [
        [DUTCH_MONTHS[index], *(values[index] for _name, values in series)]
        + [sum(values[index] for _name, values in series)]
        for index in range(12)
    ]
    chart = charts.column_chart(
        "report-months",
        f"Paginaweergaven per maand in {year}, per taal",
        "Gestapelde kolommen: het aantal paginaweergaven in elke maand, één kleur per taal. "
        "Dezelfde cijfers staan in de tabel eronder.",
        DUTCH_MONTHS,
        series,
    )
    language_chart = charts.bar_chart(
        "report-languages",
        f"Paginaweergaven in {year}, per taal",
        "Staafdiagram: het totaal aantal paginaweergaven per taal over het hele jaar.",
        [(dutch_name(code), views.get(code, 0)) for code in language_codes()],
    )
    languages = [
        {
            "code": code,
            "name": dutch_name(code),
            "views": views.get(code, 0),
            "yes": votes.get(code, (0, 0))[0],
            "no": votes.get(code, (0, 0))[1],
            "zero": zero.get(code, 0),
            "referrals": referrals.get(code, 0),
            "coverage": coverage.get(code),
            "summary": summary(code, data, views, votes, zero, referrals, coverage),
        }
        for code in language_codes()
    ]
    top = data.top_pages()
    return {
        "year": year,
        "total_views": data.total_views(),
        "total_votes": sum(yes + no for yes, no in votes.values()),
        "total_zero": sum(zero.values()),
        "total_referrals": sum(referrals.values()),
        "languages": languages,
        "month_chart": chart,
        "language_chart": language_chart,
        "series_names": [name for name, _values in series],
        "month_rows": month_rows,
        "top_pages": [
            {"language": dutch_name(code), "rows": [r for r in top.rows if r[0] == name]}
            for code, name in ((c, figures.language_name(c)) for c in language_codes())
        ],
        "channels": data.referrals_by_channel().rows,
        "coverage_rows": coverage_table.rows,
    }
