"""How two actors or events are connected, drawn hop by hop with the sources of each hop."""
from __future__ import annotations

from typing import Sequence

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch

from kg.network import Connection, Projection, sources_note
from kg.plot.style import KIND_STYLE, MUTED, add_footnote, add_legends, add_title, new_figure, wrap

# -- paths -----------------------------------------------------------------------------------


def path_figure(projection: Projection, paths: Sequence[Connection], a: str, b: str, *, rows: int = 4) -> Figure:
    """Each path (at most `rows`) on its own row, from `a` on the left to `b` on the right:
    every hop an arrow with its relation in words above and its sources below."""
    more = max(0, len(paths) - rows)
    paths = list(paths)[:rows]
    figure = new_figure()
    ax = figure.add_axes((0.03, 0.08, 0.72, 0.78))
    name_a, name_b = projection.label(a), projection.label(b)
    add_title(figure, ax, f"How {name_a} is connected to {name_b}",
           f"{len(paths)} path{'s' if len(paths) != 1 else ''}, shortest first; each step as the articles "
           "state it, with the numbers of those articles below the arrow")
    ax.set_axis_off()
    if not paths:
        ax.text(0.5, 0.5, f"No path between {name_a} and {name_b} in the graph.", ha="center",
                transform=ax.transAxes, fontsize=13)
        add_footnote(figure, projection, "Sources: " + sources_note(projection) + " · ctkg")
        return figure
    longest = max(len(p.hops) for p in paths)
    kinds, graphs = set(), set()
    for row, path in enumerate(paths):
        y = -row
        xs = [i * longest / max(len(path.hops), 1) for i in range(len(path.nodes))]
        for x, node in zip(xs, path.nodes):
            kind = projection.nodes[node].kind
            kinds.add(kind)
            colour, marker = KIND_STYLE[kind]
            ax.scatter([x], [y], s=700 if node in (a, b) else 420, c=colour, marker=marker,
                       edgecolors="#111111" if node in (a, b) else "white", linewidths=1.5, zorder=3)
            ax.text(x, y - 0.24, wrap(projection.label(node), 20), ha="center", va="top", fontsize=10.5,
                    fontweight="bold" if node in (a, b) else "normal", zorder=5)
        for (x0, x1), hop in zip(zip(xs, xs[1:]), path.hops):
            ax.add_patch(FancyArrowPatch((x0, y), (x1, y), arrowstyle="-|>", mutation_scale=16, color="#5f6368",
                                         linewidth=1.4, shrinkA=16, shrinkB=16, zorder=2))
            middle = (x0 + x1) / 2
            phrase = wrap(hop.phrase, 24) + (f"\n({wrap(hop.detail, 30)})" if hop.detail else "")
            ax.text(middle, y + 0.07, phrase, ha="center", va="bottom", fontsize=10,
                    style="italic", color="#202124", zorder=5)
            ax.text(middle, y - 0.06, ", ".join(hop.sources), ha="center", va="top", fontsize=9.5,
                    color=MUTED, zorder=5)
        graphs |= {g for g, s in projection.sources.items() if s.key in path.sources}
    ax.set_xlim(-0.45 * max(longest, 1) / 2, longest + 0.45 * max(longest, 1) / 2)
    ax.set_ylim(-len(paths) + 0.35, 0.6)
    add_legends(figure, kinds)
    extra = (f" · {more} longer or less specific path{'s' if more != 1 else ''} not drawn (kg network path)"
             if more else "")
    add_footnote(figure, projection, "Sources: " + sources_note(projection, graphs) + extra + " · ctkg")
    return figure

