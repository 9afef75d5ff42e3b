"""A Brief written as PDF (matplotlib), PPTX (python-pptx) or HTML (one self-contained file).

All three show the same thing, section by section: the sentences and tables of the brief, each
with its footnote numbers in brackets, the ego network and the timeline as figures (drawn by
kg.plot, 16:9), and the numbered footnotes (article, date, URL where known, sentence). PDF pages
and slides are 16:9 so that a page reads on a 1280x720 screen; the PPTX puts each slide's
sources in its notes.
"""
from __future__ import annotations

import base64
import html
import io
import textwrap
from pathlib import Path

from kg.brief import Brief, Line, Section, Table
from kg.errors import UnsupportedFormat
from kg.network import actor_graph, fact_graph
from kg.plot import SLIDE, ego_figure, new_figure, timeline_figure

FORMATS = (".pdf", ".pptx", ".html")
INK, MUTED = "#202124", "#5f6368"


def write_brief(brief: Brief, path: str | Path) -> Path:
    """Write `brief` in the format the extension of `path` names."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormat(f"{path}: kg brief cannot write '{suffix or 'no extension'}'. "
                                "Name the file .pdf, .pptx or .html.")
    path.parent.mkdir(parents=True, exist_ok=True)
    {".pdf": _pdf, ".pptx": _pptx, ".html": _html}[suffix](brief, path)
    return path


def notes_text(notes: tuple[int, ...]) -> str:
    return f" [{', '.join(map(str, notes))}]" if notes else ""


def figure_of(brief: Brief, section: Section):
    """The section's figure (ego network or timeline), or None when it has nothing to draw."""
    projection = brief.projection
    if section.figure == "ego":
        graph = fact_graph(projection) if brief.is_event else actor_graph(projection)
        if brief.iri not in graph or graph.degree(brief.iri) == 0:
            return None
        return ego_figure(projection, brief.iri, graph=graph)
    if section.figure == "timeline":
        return timeline_figure(projection, actor=brief.iri if brief.iri in projection.nodes else None)
    return None


def _png(figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, metadata={"Software": "ctkg"})
    return buffer.getvalue()


def _cells(table: Table) -> list[list[str]]:
    """The table's rows with a last column of footnote numbers."""
    return [list(row) + [notes_text(notes).strip()] for row, notes in zip(table.rows, table.notes)]


def _columns(table: Table) -> list[str]:
    return list(table.columns) + ["notes"]


# -- PDF -------------------------------------------------------------------------------------

PAGE_LINES = 21              # lines of 12-point text on a 16:9 page


def _pdf(brief: Brief, path: Path) -> None:
    from matplotlib.backends.backend_pdf import PdfPages

    with PdfPages(path, metadata={"Title": brief.title, "Creator": "ctkg", "CreationDate": None}) as pdf:
        for page in _pdf_pages(brief):
            pdf.savefig(page)


def _pdf_pages(brief: Brief):
    yield _text_page(brief, brief.title, [f"On {brief.label} ({brief.kind}), from {brief.window()}."]
                     + [line.text + notes_text(line.notes) for line in brief.sections[0].lines])
    for section in brief.sections[1:]:
        figure = figure_of(brief, section)
        if figure is not None:
            yield figure                           # its own caption gives the graph's date and sources
        lines = [line.text + notes_text(line.notes) for line in section.lines]
        if section.table is not None:
            yield from _table_pages(brief, section.title, section.table)
        elif lines and figure is None or (lines and section.figure == "timeline"):
            yield from _paged(brief, section.title, lines)
        elif figure is None:
            yield _text_page(brief, section.title, [section.empty])
    yield from _paged(brief, "Sources", [f"{n.number}. {n.citation()}" for n in brief.footnotes])


def _paged(brief: Brief, title: str, paragraphs: list[str]):
    """As many text pages as the paragraphs need."""
    wrapped = [textwrap.wrap(p, 125) or [""] for p in paragraphs]
    page: list[str] = []
    count, part = 0, 0
    for lines in wrapped:
        if count + len(lines) > PAGE_LINES and page:
            part += 1
            yield _text_page(brief, title + (f" ({part})" if part > 1 else ""), page, wrapped=True)
            page, count = [], 0
        page.append("\n".join(lines))
        count += len(lines) + 0.4
    if page:
        yield _text_page(brief, title + (f" ({part + 1})" if part else ""), page, wrapped=True)


def _text_page(brief: Brief, title: str, paragraphs: list[str], *, wrapped: bool = False):
    figure = new_figure(SLIDE)
    figure.text(0.04, 0.93, title, fontsize=22, fontweight="bold", color=INK, va="top")
    y = 0.84
    for paragraph in paragraphs:
        text = paragraph if wrapped else "\n".join(textwrap.wrap(paragraph, 125))
        artist = figure.text(0.04, y, text, fontsize=12, color=INK, va="top", linespacing=1.35)
        box = artist.get_window_extent(figure.canvas.get_renderer()).transformed(figure.transFigure.inverted())
        y = box.y0 - 0.02
    figure.text(0.99, 0.014, brief.caption(), fontsize=9.5, color=MUTED, ha="right", va="bottom")
    return figure


def _table_pages(brief: Brief, title: str, table: Table, rows_per_page: int = 9):
    cells = _cells(table)
    for start in range(0, len(cells), rows_per_page):
        figure = new_figure(SLIDE)
        part = f" ({start // rows_per_page + 1})" if len(cells) > rows_per_page else ""
        figure.text(0.04, 0.93, title + part, fontsize=22, fontweight="bold", color=INK, va="top")
        ax = figure.add_axes((0.04, 0.08, 0.92, 0.76))
        ax.set_axis_off()
        columns = _columns(table)
        width = max(12, 110 // len(columns))
        chunk = [["\n".join(textwrap.wrap(c, width)) or "" for c in row] for row in cells[start:start + rows_per_page]]
        widths = _column_widths(columns, cells)
        shown = ax.table(cellText=chunk, colLabels=["\n".join(textwrap.wrap(c, width)) for c in columns],
                         loc="upper left", cellLoc="left", colLoc="left", colWidths=widths)
        shown.auto_set_font_size(False)
        shown.set_fontsize(11)
        lines = [max(c.count("\n") + 1 for c in row) for row in chunk]
        header = max(c.count("\n") + 1 for c in ["\n".join(textwrap.wrap(c, width)) for c in columns])
        unit = min(0.07, 0.95 / (sum(lines) + header + len(lines) * 0.6))
        for (r, _), cell in shown.get_celld().items():
            cell.set_height(unit * ((header if r == 0 else lines[r - 1]) + 0.6))
            cell.set_edgecolor("#c3c7cc")
            if r == 0:
                cell.set_text_props(fontweight="bold")
                cell.set_facecolor("#eef1f4")
        figure.text(0.99, 0.014, brief.caption(), fontsize=9.5, color=MUTED, ha="right", va="bottom")
        yield figure


def _column_widths(columns: list[str], cells: list[list[str]]) -> list[float]:
    """Shares of the width by the longest text of each column (the notes column kept narrow)."""
    longest = [max([min(len(columns[c]), 30), 8] + [min(len(row[c]), 40) for row in cells]) for c in range(len(columns))]
    longest[-1] = min(longest[-1], 12)
    total = sum(longest) or 1
    return [n / total for n in longest]


# -- PPTX ------------------------------------------------------------------------------------


SOURCES_PER_SLIDE = 6


def _pptx(brief: Brief, path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Emu, Inches, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(12192000), Emu(6858000)        # 16:9, 13.333 x 7.5 inches
    blank = deck.slide_layouts[6]

    def slide(title: str, notes: tuple[int, ...]):
        page = deck.slides.add_slide(blank)
        box = page.shapes.add_textbox(Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8))
        box.text_frame.text = title
        box.text_frame.paragraphs[0].runs[0].font.size = Pt(28)
        box.text_frame.paragraphs[0].runs[0].font.bold = True
        caption = page.shapes.add_textbox(Inches(0.5), Inches(7.05), Inches(12.3), Inches(0.35))
        caption.text_frame.text = brief.caption()
        caption.text_frame.paragraphs[0].runs[0].font.size = Pt(10)
        chosen = [n for n in brief.footnotes if n.number in set(notes)]
        page.notes_slide.notes_text_frame.text = "Sources:\n" + "\n".join(
            f"{n.number}. {n.citation()}" for n in chosen) if chosen else "The numbered sources of this brief."
        return page

    def bullets(page, lines: list[Line], top: float = 1.2) -> None:
        box = page.shapes.add_textbox(Inches(0.5), Inches(top), Inches(12.3), Inches(5.7))
        frame = box.text_frame
        frame.word_wrap = True
        for i, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.text = line.text + notes_text(line.notes)
            paragraph.font.size = Pt(16 if len(lines) < 8 and sum(len(x.text) for x in lines) < 900 else 13)
            paragraph.space_after = Pt(6)

    summary = brief.sections[0]
    bullets(slide(brief.title, tuple(n for line in summary.lines for n in line.notes)),
            [Line(f"On {brief.label} ({brief.kind}), from {brief.window()}.", ())] + list(summary.lines))
    for section in brief.sections[1:]:
        line_notes = tuple(n for line in section.lines for n in line.notes)
        table_notes = tuple(n for row in (section.table.notes if section.table else ()) for n in row)
        figure = figure_of(brief, section)
        if figure is not None:
            page = slide(section.title, line_notes + table_notes)
            page.shapes.add_picture(io.BytesIO(_png(figure)), Inches(0.4), Inches(1.0), height=Inches(6.0))
        if section.table is not None:
            page = slide(section.title + (" (table)" if figure is not None else ""), table_notes)
            _pptx_table(page, section.table)
        elif section.lines:
            bullets(slide(section.title + (" (events)" if figure is not None else ""), line_notes),
                    list(section.lines))
        elif figure is None:
            bullets(slide(section.title, ()), [Line(section.empty, ())])
    for start in range(0, max(len(brief.footnotes), 1), SOURCES_PER_SLIDE):
        part = f" ({start // SOURCES_PER_SLIDE + 1})" if start else ""
        bullets(slide("Sources" + part, ()), [Line(f"{n.number}. {n.citation()}", ())
                                              for n in brief.footnotes[start:start + SOURCES_PER_SLIDE]])
    deck.core_properties.title = brief.title
    deck.save(str(path))


def _pptx_table(page, table: Table) -> None:
    from pptx.util import Emu, Inches, Pt

    cells, columns = _cells(table), _columns(table)
    shape = page.shapes.add_table(len(cells) + 1, len(columns), Inches(0.5), Inches(1.2), Inches(12.3),
                                  Emu(int(Inches(0.4)) * (len(cells) + 1))).table
    for c, share in enumerate(_column_widths(columns, cells)):
        shape.columns[c].width = Emu(int(Inches(12.3) * share))
    for c, name in enumerate(columns):
        shape.cell(0, c).text = name
    for r, row in enumerate(cells, 1):
        for c, value in enumerate(row):
            shape.cell(r, c).text = value
    size = Pt(12 if len(cells) < 8 else 10)
    for row in shape.rows:
        for cell in row.cells:
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size = size


# -- HTML ------------------------------------------------------------------------------------

STYLE = """body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:70rem;margin:2rem auto;color:#202124;
line-height:1.45;padding:0 1rem}h1{font-size:1.9rem}h2{font-size:1.35rem;margin-top:2rem;border-bottom:1px solid
#c3c7cc}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #c3c7cc;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#eef1f4}sup a{text-decoration:none}img{max-width:100%}
.caption{color:#5f6368;font-size:.85rem}ol.notes li{margin-bottom:.4rem}"""


def _html(brief: Brief, path: Path) -> None:
    esc = html.escape

    def sup(notes) -> str:
        return "".join(f'<sup><a href="#n{n}">[{n}]</a></sup>' for n in notes)

    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{esc(brief.title)}</title>"
             f"<style>{STYLE}</style></head><body><h1>{esc(brief.title)}</h1>",
             f"<p class=\"caption\">On {esc(brief.label)} ({esc(brief.kind)}), from {esc(brief.window())}. "
             f"{esc(brief.caption())}</p>"]
    for section in brief.sections:
        parts.append(f"<h2>{esc(section.title)}</h2>")
        figure = figure_of(brief, section)
        if figure is not None:
            data = base64.b64encode(_png(figure)).decode("ascii")
            parts.append(f'<img alt="{esc(section.title)} of {esc(brief.label)}" src="data:image/png;base64,{data}">')
        if section.table is not None:
            table = section.table
            parts.append("<table><tr>" + "".join(f"<th>{esc(c)}</th>" for c in _columns(table)) + "</tr>")
            for row, notes in zip(table.rows, table.notes):
                parts.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + f"<td>{sup(notes)}</td></tr>")
            parts.append("</table>")
        for line in section.lines:
            parts.append(f"<p>{esc(line.text)}{sup(line.notes)}</p>")
        if figure is None and section.table is None and not section.lines:
            parts.append(f"<p>{esc(section.empty)}</p>")
    parts.append('<h2>Sources</h2><ol class="notes">')
    for note in brief.footnotes:
        where = esc(note.file) + ", " + esc(note.published or "undated")
        if note.url:
            where += f', <a href="{esc(note.url)}">{esc(note.url)}</a>'
        parts.append(f'<li id="n{note.number}">{where}: “{esc(note.sentence)}”</li>')
    parts.append("</ol></body></html>\n")
    path.write_text("".join(parts), encoding="utf-8")
