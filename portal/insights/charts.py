"""Charts as server-made SVG: readable without JavaScript, printable, and accessible (role="img"
with a <title> and <desc>; every chart sits next to a table with the same figures). Colours are
presentation attributes, not style attributes, so a strict Content-Security-Policy allows them.
"""

from django.utils.html import format_html, format_html_join

# Each at least 3:1 against white (WCAG 1.4.11); stacked parts are also split by a white line.
COLOURS = ["#004b87", "#b00020", "#2e7d32", "#a15c00", "#5e35b1", "#00695c", "#4a4a4a"]
TEXT = "#1a1a1a"


def svg(chart_id, title, description, width, height, body):
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{id}-t {id}-d" viewBox="0 0 {w} {h}" '
        'width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-t">{title}</title><desc id="{id}-d">{desc}</desc>{body}</svg>',
        id=chart_id,
        w=width,
        h=height,
        title=title,
        desc=description,
        body=body,
    )


def bar_chart(chart_id, title, description, items, unit=""):
    """Horizontal bars, one per (label, value)."""
    items = list(items)
    width, label_width, row = 640, 220, 26
    top = max([value for _label, value in items] + [1])
    space = width - label_width - 70
    rows = []
    for index, (label, value) in enumerate(items):
        y = index * row + 4
        length = round(space * value / top) if value else 0
        rows.append(
            format_html(
                '<text x="{lx}" y="{ty}" text-anchor="end" font-size="13" fill="{text}">{label}'
                '</text><rect x="{x}" y="{y}" width="{len}" height="{h}" fill="{colour}"/>'
                '<text x="{vx}" y="{ty}" font-size="13" fill="{text}">{value}{unit}</text>',
                lx=label_width - 8,
                ty=y + 15,
                label=shorten(str(label), 30),
                x=label_width,
                y=y,
                len=length,
                h=row - 8,
                colour=COLOURS[0],
                vx=label_width + length + 6,
                value=value,
                unit=unit,
                text=TEXT,
            )
        )
    height = max(len(items), 1) * row + 8
    return svg(chart_id, title, description, width, height, join(rows))


def column_chart(chart_id, title, description, categories, series):
    """Stacked columns: one column per category (a month), one coloured part per series (a
    language or a topic), with a legend."""
    width, height, left, bottom, legend_row = 640, 300, 50, 40, 20
    series = list(series)
    legend_height = legend_row * ((len(series) + 2) // 3)
    plot_top, plot_bottom = 10, height - bottom
    totals = [sum(values[i] for _name, values in series) for i in range(len(categories))]
    top = max(totals + [1])
    slot = (width - left - 10) / max(len(categories), 1)
    parts = [
        format_html(
            '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{text}"/>'
            '<text x="{tx}" y="{ty}" text-anchor="end" font-size="12" fill="{text}">{top}</text>'
            '<text x="{tx}" y="{b}" text-anchor="end" font-size="12" fill="{text}">0</text>',
            l=left,
            r=width - 10,
            b=plot_bottom,
            tx=left - 6,
            ty=plot_top + 10,
            top=top,
            text=TEXT,
        )
    ]
    for i, category in enumerate(categories):
        x = left + i * slot + slot * 0.15
        y = plot_bottom
        for number, (_name, values) in enumerate(series):
            size = (plot_bottom - plot_top) * values[i] / top
            if size <= 0:
                continue
            y -= size
            parts.append(
                format_html(
                    '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{c}" '
                    'stroke="#fff" stroke-width="1"/>',
                    x=round(x, 1),
                    y=round(y, 1),
                    w=round(slot * 0.7, 1),
                    h=round(size, 1),
                    c=COLOURS[number % len(COLOURS)],
                )
            )
        parts.append(
            format_html(
                '<text x="{x}" y="{y}" text-anchor="middle" font-size="12" fill="{text}">'
                "{label}</text>",
                x=round(x + slot * 0.35, 1),
                y=plot_bottom + 16,
                label=category,
                text=TEXT,
            )
        )
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
        '<text x="{}" y="{}" font-size="12" fill="' + TEXT + '">{}</text>',
        (
            (
                left + (n % 3) * 195,
                height + (n // 3) * legend_row,
                COLOURS[n % len(COLOURS)],
                left + (n % 3) * 195 + 16,
                height + (n // 3) * legend_row + 11,
                shorten(str(name), 26),
            )
            for n, (name, _values) in enumerate(series)
        ),
    )
    body = join([*parts, legend])
    return svg(chart_id, title, description, width, height + legend_height, body)


def join(parts):
    """Markup made by format_html, joined; each part is already escaped."""
    return format_html_join("", "{}", ((part,) for part in parts))


def shorten(text, length):
    return text if len(text) <= length else text[: length - 1] + "…"
