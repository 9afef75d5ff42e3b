"""The figures' common ground: slide size, fonts, colours (kg.palette), titles, footnotes,
legends, and saving as PNG, SVG or PDF."""
from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Iterable

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from kg.errors import UnsupportedFormat  # noqa: E402
from kg.network import KINDS, Projection  # noqa: E402
from kg.palette import FAMILY_STYLE, KIND_STYLE  # noqa: E402,F401

FORMATS = (".png", ".svg", ".pdf")
SLIDE = (13.33, 7.5)          # inches: a 16:9 slide
DPI = 150
FONT = "DejaVu Sans"
MUTED = "#5f6368"
LABEL_SIZE = 9.5              # points: 12.7 px when the 16:9 figure fills a 1280x720 slide
EDGE_WORD_SIZE = 9.5
SMALLEST_TEXT = 9.5           # points: no text is smaller (12.7 px at 1280x720)
EDGE_WORDS_UP_TO = 16          # an ego figure words its edges when the centre has this many neighbours or fewer
WIDE = 1.55                   # width / height of the network drawing area

# -- saving ----------------------------------------------------------------------------------


def save_figure(figure: Figure, path: str | Path) -> Path:
    """Write `figure` as PNG, SVG or PDF, by the extension of `path`; byte-stable for SVG and
    PDF (no creation date, fixed ids)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormat(
            f"{path}: kg plot cannot write '{suffix or 'no extension'}'. Name the file .png, .svg or .pdf."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    metadata = {"png": {"Software": "ctkg"}, "svg": {"Date": None, "Creator": "ctkg"},
                "pdf": {"CreationDate": None, "Creator": "ctkg"}}[suffix[1:]]
    with matplotlib.rc_context({"svg.hashsalt": "ctkg", "pdf.compression": 6}):
        figure.savefig(path, dpi=DPI, metadata=metadata)
    return path


def new_figure(size: tuple[float, float] = SLIDE) -> Figure:
    figure = Figure(figsize=size, dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def add_title(figure: Figure, ax, title: str, subtitle: str = "") -> None:
    ax.set_title(title, loc="left", fontsize=18, fontweight="bold", fontfamily=FONT, pad=26 if subtitle else 12)
    if subtitle:
        ax.text(0, 1.015, subtitle, transform=ax.transAxes, fontsize=11.5, color=MUTED, va="bottom", ha="left")


def add_footnote(figure: Figure, projection: Projection, text: str) -> None:
    """The figure's caption at its foot: the graph's date (its newest article's), then `text`,
    which gives the count of sources and their dates."""
    newest = projection.date_range()[1]
    figure.text(0.012, 0.014, f"Graph of {newest or 'undated articles'} · {text}", fontsize=SMALLEST_TEXT, color=MUTED,
                ha="left", va="bottom")


def kind_handles(kinds: Iterable[str]) -> tuple[list, list[str]]:
    handles, names = [], []
    for kind in KIND_STYLE:
        if kind in kinds:
            colour, marker = KIND_STYLE[kind]
            handles.append(Line2D([], [], linestyle="none", marker=marker, markersize=10, markerfacecolor=colour,
                                  markeredgecolor="white", markeredgewidth=0.8))
            names.append(KINDS[kind].name)
    return handles, names


def family_handles(families: Iterable[str]) -> tuple[list, list[str]]:
    handles, names = [], []
    for family, (colour, style, text) in FAMILY_STYLE.items():
        if family in families:
            handles.append(Line2D([], [], color=colour, linestyle=style, linewidth=2))
            names.append(text)
    return handles, names


def add_legends(figure: Figure, kinds: Iterable[str], families: Iterable[str] = (), x: float = 0.775,
             top: float = 0.9, kind_title: str = "Kind") -> list:
    """The legend of node kinds at the top right and, below it, the legend of relation styles."""
    legends = []
    handles, names = kind_handles(set(kinds))
    legend = figure.legend(handles, names, loc="upper left", bbox_to_anchor=(x, top), frameon=False,
                           title=kind_title, title_fontsize=11.5, fontsize=10.5, alignment="left", borderaxespad=0)
    legends.append(legend)
    handles, names = family_handles(set(families))
    if handles:
        box = legend.get_window_extent(figure.canvas.get_renderer()).transformed(figure.transFigure.inverted())
        legends.append(figure.legend(handles, names, loc="upper left", bbox_to_anchor=(x, box.y0 - 0.04),
                                     frameon=False, title="Relation", title_fontsize=11.5, fontsize=10.5,
                                     alignment="left", borderaxespad=0, handlelength=3))
    return legends


def wrap(text: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text

