"""How many articles name each terrorist group, by year: a heat map."""
from __future__ import annotations

from collections import defaultdict

import matplotlib
from matplotlib.figure import Figure

from kg.network import Projection, sources_note
from kg.plot.style import add_footnote, add_title, new_figure

# -- groups by year --------------------------------------------------------------------------


def group_counts(projection: Projection) -> tuple[dict[str, dict[int, int]], int]:
    """For each terrorist group (label), the number of articles naming it in each year, and the
    number of articles naming a group that could not be dated. An article counts in its
    publication year; one without a date, in the year of the latest dated meeting or statement
    it reports."""
    years = _article_years(projection)
    counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    undated: set[str] = set()
    for node in projection.nodes.values():
        if node.kind != "group":
            continue
        for graph in node.mentions:
            if years.get(graph):
                counts[node.label][years[graph]] += 1
            else:
                undated.add(graph)
    return {k: dict(v) for k, v in counts.items()}, len(undated)


def _article_years(projection: Projection) -> dict[str, int | None]:
    reported: dict[str, list[str]] = defaultdict(list)
    for node in projection.nodes.values():
        if node.kind in ("meeting", "statement") and node.date:
            for graph in node.mentions:
                reported[graph].append(node.date)
    years = {}
    for graph, source in projection.sources.items():
        date = source.published or max(reported.get(graph, []), default=None)
        years[graph] = int(date[:4]) if date else None
    return years


def groups_figure(projection: Projection, *, top: int = 15) -> Figure:
    """A heat map: one row per terrorist group (most named first), one column per year, the
    number of articles naming the group in each cell."""
    counts, undated = group_counts(projection)
    figure = new_figure()
    ax = figure.add_axes((0.25, 0.12, 0.6, 0.72))
    add_title(figure, ax, "Terrorist groups named in the articles, by year",
           "Number of articles naming each group in each year of publication")
    if not counts:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No article names a terrorist group.", ha="center", transform=ax.transAxes, fontsize=13)
        add_footnote(figure, projection, "Sources: " + sources_note(projection) + " · ctkg")
        return figure
    groups = sorted(counts, key=lambda g: (-sum(counts[g].values()), g.casefold()))
    dropped = max(0, len(groups) - top)
    groups = groups[:top]
    first = min(y for g in groups for y in counts[g])
    last = max(y for g in groups for y in counts[g])
    years = list(range(first, last + 1))
    grid = [[counts[g].get(y, 0) for y in years] for g in groups]
    high = max(max(row) for row in grid)
    image = ax.imshow(grid, cmap="Blues", vmin=0, vmax=max(high, 1), aspect="auto")
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value:
                ax.text(c, r, str(value), ha="center", va="center", fontsize=11,
                        color="white" if value > high * 0.55 else "#202124")
    ax.set_xticks(range(len(years)), [str(y) for y in years], fontsize=11,
                  rotation=0 if len(years) <= 14 else 90)
    ax.set_yticks(range(len(groups)), groups, fontsize=11)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks([x - 0.5 for x in range(1, len(years))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(groups))], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="minor", length=0)
    bar = figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02)
    bar.set_label("articles naming the group", fontsize=10)
    bar.ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    extra = []
    if undated:
        extra.append(f"{undated} undated article{'s' if undated != 1 else ''} not counted")
    if dropped:
        extra.append(f"{dropped} less named groups not shown")
    graphs = {g for node in projection.nodes.values() if node.kind == "group" for g in node.mentions}
    add_footnote(figure, projection, "Sources: " + sources_note(projection, graphs)
              + " · an undated article counts in the year of the meeting or statement it reports"
              + "".join(f" · {x}" for x in extra) + " · ctkg")
    return figure

