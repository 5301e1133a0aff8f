"""HTML pages from one template (``resources/templates/report.html``); every text is escaped.

A page is a title and sections (heading, HTML body). Bodies are built only from the helpers
here, which escape every value, so a field named ``<script>`` shows as text.
"""
import base64
import html
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "templates" / "report.html"


def page(title, sections, lang):
    """A self-contained page (no external files); ``sections``: (heading or None, body html)."""
    parts = []
    for heading, body in sections:
        if heading:
            parts.append(f"<h2>{escape(heading)}</h2>")
        if body:
            parts.append(body)
    template = Template(TEMPLATE.read_text(encoding="utf-8"))
    return template.substitute(lang=escape(lang), title=escape(title), body="\n".join(parts))


def escape(value):
    return html.escape("" if value is None else str(value))


def table(rows, header, numeric=(), row_classes=None, cell_classes=None, widths=None):
    """A table of ``rows`` (sequences of display texts) under ``header``.

    ``numeric``: column positions shown right-aligned; ``row_classes``: one CSS class string
    per row (or None); ``cell_classes``: {column position: extra class} (e.g. to mark a cell);
    ``widths``: a width in % per column (Qt's rich text, which prints the PDFs, shares the
    width out equally otherwise).
    """
    cell_classes = dict(cell_classes or {})
    sizes = [f' width="{int(w)}%"' for w in widths] if widths else [""] * len(header)
    out = ["<table><tr>" + "".join(f"<th{size}>{escape(name)}</th>" for name, size in zip(header, sizes)) + "</tr>"]
    for position, row in enumerate(rows):
        css = row_classes[position] if row_classes is not None else None
        cells = []
        for column, cell in enumerate(row):
            classes = " ".join(filter(None, ["num" if column in numeric else "", cell_classes.get(column, "")]))
            cells.append(f'<td class="{classes}">{escape(cell)}</td>' if classes else f"<td>{escape(cell)}</td>")
        out.append((f'<tr class="{escape(css)}">' if css else "<tr>") + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def frame_table(frame, numeric_from=1, total_last=False, widths=None):
    """A DataFrame of display texts as a table (columns from ``numeric_from`` right-aligned)."""
    rows = [list(row) for row in frame.itertuples(index=False)]
    classes = ["total" if total_last and position == len(rows) - 1 else None for position in range(len(rows))]
    return table(rows, list(frame.columns), numeric=range(numeric_from, len(frame.columns)), row_classes=classes,
                 widths=widths)


def bullets(items):
    items = list(items)
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def paragraphs(lines, css=None):
    opening = f'<p class="{escape(css)}">' if css else "<p>"
    return "".join(f"{opening}{escape(line)}</p>" for line in lines if line)


def image_png(data, alt):
    """A PNG embedded as a data URL (the page stays one file); ``alt`` says what it shows."""
    encoded = base64.b64encode(bytes(data)).decode("ascii")
    return f'<p class="figure"><img src="data:image/png;base64,{encoded}" alt="{escape(alt)}"></p>'


def figure(markup):
    """Markup built and escaped by a presentation builder (an inline SVG), in a figure paragraph."""
    return f'<p class="figure">{markup}</p>'


def code(text):
    """Text shown as typed (a command line), escaped."""
    return f"<pre>{escape(text)}</pre>"
