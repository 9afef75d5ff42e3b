"""Briefing figures of the network: what an analyst pastes into a slide as it is.

Every figure has a title, a legend (kinds of node, each with its own colour and marker, and
styles of relation), labels placed so that they do not overlap, node size by centrality and a
footnote with the number of sources and their dates. Layouts use a fixed seed and sorted input,
so the same graph always gives the same picture. Figures are drawn on matplotlib's Agg canvas
(no display) and saved as PNG, SVG or PDF by the file's extension.

  network_figure   the actor graph (its most central actors)
  ego_figure       one actor and those within a few relations of it
  path_figure      how two actors or events are connected, hop by hop, with sources
  timeline_figure  events on a time axis, coloured by kind
  groups_figure    how many articles name each terrorist group, by year
"""
from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

from kg.network import (  # noqa: E402
    KINDS,
    SEED,
    Connection,
    Projection,
    UnsupportedFormat,
    actor_graph,
    ego_network,
    fact_graph,
    pagerank,
    relation_words,
    sources_note,
)

FORMATS = (".png", ".svg", ".pdf")
SLIDE = (13.33, 7.5)          # inches: a 16:9 slide
DPI = 150
FONT = "DejaVu Sans"
MUTED = "#5f6368"
LABEL_SIZE = 9.5
EDGE_WORDS_UP_TO = 16          # an ego figure words its edges when the centre has this many neighbours or fewer
WIDE = 1.55                   # width / height of the network drawing area

# kind -> (colour, marker); colours from a colour-blind-safe palette, one marker per kind
KIND_STYLE = {
    "state": ("#1f5fa8", "s"),
    "agency": ("#2a9d8f", "D"),
    "intl": ("#7b4ea3", "h"),
    "group": ("#c0392b", "^"),
    "movement": ("#e67e22", "v"),
    "person": ("#404040", "o"),
    "news": ("#9e9e9e", "H"),
    "organization": ("#a68a2d", "8"),
    "meeting": ("#e0a800", "*"),
    "attack": ("#111111", "X"),
    "statement": ("#4c956c", "P"),
    "agreement": ("#0b6e69", "p"),
    "document": ("#8d6e63", "<"),
    "reaction": ("#d1495b", ">"),
    "legal-action": ("#6c3483", "d"),
    "call": ("#bc6c25", "<"),
}

# relation family -> (colour, line style, legend text)
FAMILY_STYLE = {
    "violence": ("#c0392b", "-", "perpetrated, blamed on"),
    "legal": ("#6c3483", (0, (6, 2)), "accused, arrested, extradited"),
    "pressure": ("#d35400", (0, (5, 2, 1, 2)), "called on, reacted to"),
    "naming": ("#8d6e63", (0, (1, 1.5)), "named a group"),
    "agreement": ("#0b6e69", "-", "signed an agreement"),
    "office": ("#404040", "-", "official, delegation, part of"),
    "statement": ("#4c956c", (0, (3, 2)), "issued a statement"),
    "meeting": ("#1f5fa8", "-", "took part in a meeting"),
    "event": ("#9e9e9e", (0, (2, 2)), "event to event"),
    "co-event": ("#b0b7bf", (0, (1, 2)), "same event only"),
}


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


def _title(figure: Figure, ax, title: str, subtitle: str = "") -> None:
    ax.set_title(title, loc="left", fontsize=18, fontweight="bold", fontfamily=FONT, pad=26 if subtitle else 12)
    if subtitle:
        ax.text(0, 1.015, subtitle, transform=ax.transAxes, fontsize=11.5, color=MUTED, va="bottom", ha="left")


def _footnote(figure: Figure, text: str) -> None:
    figure.text(0.012, 0.014, text, fontsize=9, color=MUTED, ha="left", va="bottom")


def _kind_handles(kinds: Iterable[str]) -> tuple[list, list[str]]:
    handles, names = [], []
    for kind in KIND_STYLE:
        if kind in kinds:
            colour, marker = KIND_STYLE[kind]
            handles.append(Line2D([], [], linestyle="none", marker=marker, markersize=10, markerfacecolor=colour,
                                  markeredgecolor="white", markeredgewidth=0.8))
            names.append(KINDS[kind].name)
    return handles, names


def _family_handles(families: Iterable[str]) -> tuple[list, list[str]]:
    handles, names = [], []
    for family, (colour, style, text) in FAMILY_STYLE.items():
        if family in families:
            handles.append(Line2D([], [], color=colour, linestyle=style, linewidth=2))
            names.append(text)
    return handles, names


def _legends(figure: Figure, kinds: Iterable[str], families: Iterable[str] = (), x: float = 0.775,
             top: float = 0.9, kind_title: str = "Kind") -> list:
    """The legend of node kinds at the top right and, below it, the legend of relation styles."""
    legends = []
    handles, names = _kind_handles(set(kinds))
    legend = figure.legend(handles, names, loc="upper left", bbox_to_anchor=(x, top), frameon=False,
                           title=kind_title, title_fontsize=11.5, fontsize=10.5, alignment="left", borderaxespad=0)
    legends.append(legend)
    handles, names = _family_handles(set(families))
    if handles:
        box = legend.get_window_extent(figure.canvas.get_renderer()).transformed(figure.transFigure.inverted())
        legends.append(figure.legend(handles, names, loc="upper left", bbox_to_anchor=(x, box.y0 - 0.04),
                                     frameon=False, title="Relation", title_fontsize=11.5, fontsize=10.5,
                                     alignment="left", borderaxespad=0, handlelength=3))
    return legends


# -- labels that do not overlap --------------------------------------------------------------


@dataclass
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlap(self, other: "_Box") -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return w * h if w > 0 and h > 0 else 0.0

    def outside(self, frame: "_Box") -> float:
        return (max(0, frame.x0 - self.x0) + max(0, self.x1 - frame.x1)
                + max(0, frame.y0 - self.y0) + max(0, self.y1 - frame.y1)) * 1000


# Directions tried for a label around its node: below, above, right, left, then the diagonals.
_DIRECTIONS = ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1),
               (0.5, -1), (-0.5, -1), (0.5, 1), (-0.5, 1), (1, -0.5), (-1, -0.5), (1, 0.5), (-1, 0.5))
_RING_COST = 300.0            # px²: how much overlap with nodes a label accepts before moving out


def place_labels(figure: Figure, ax, anchors: Sequence[tuple[float, float]], texts: Sequence[str],
                 radii: Sequence[float], *, order: Sequence[int] | None = None, fontsize: float = 9.5,
                 bold: Iterable[int] = (), prefer: Sequence[tuple[float, float]] | None = None) -> list:
    """Draw `texts` next to their `anchors` (data coordinates) without overlapping each other or
    the nodes (`radii` in pixels): each label, most important first (`order`), takes the first
    position around its node, at growing distances, that overlaps least; a label set away from
    its node gets a thin leader line. Deterministic. Returns the Text artists."""
    renderer = figure.canvas.get_renderer()
    to_px = ax.transData.transform
    frame_px = ax.get_window_extent(renderer)
    frame = _Box(frame_px.x0, frame_px.y0, frame_px.x1, frame_px.y1)
    points = [to_px(a) for a in anchors]
    nodes = [_Box(p[0] - r, p[1] - r, p[0] + r, p[1] + r) for p, r in zip(points, radii)]
    strong = set(bold)
    artists = [ax.text(a[0], a[1], t, fontsize=fontsize, ha="center", va="center", zorder=5,
                       fontweight="bold" if i in strong else "normal", color="#202124")
               for i, (a, t) in enumerate(zip(anchors, texts))]
    sizes = [(box.width, box.height) for box in (art.get_window_extent(renderer) for art in artists)]
    placed: list[_Box] = []
    gap = 3.0
    for i in (order if order is not None else range(len(texts))):
        (w, h), (px, py), r = sizes[i], points[i], radii[i]
        directions = ([prefer[i]] if prefer else []) + list(_DIRECTIONS)
        best = None
        for ring in range(6):
            for dx, dy in directions:
                norm = max(abs(dx), abs(dy)) or 1.0      # the label's box clears the marker's box
                dx, dy = dx / norm, dy / norm
                reach = r + gap + ring * (h + 4)
                cx, cy = px + dx * (reach + w / 2), py + dy * (reach + h / 2)
                box = _Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                near = _Box(box.x0 - 5, box.y0 - 5, box.x1 + 5, box.y1 + 5)
                cost = (sum(near.overlap(o) for o in placed) * 10
                        + sum(near.overlap(n) for j, n in enumerate(nodes) if j != i)
                        + box.outside(frame) + ring * _RING_COST)
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, box, ring)
            if best[0] <= ring * _RING_COST + 1e-9:
                break
        cost, box, ring = best
        placed.append(box)
        centre = ax.transData.inverted().transform(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
        artists[i].set_position(centre)
        if ring > 0:
            ax.plot([anchors[i][0], centre[0]], [anchors[i][1], centre[1]], color="#c3c7cc",
                    linewidth=0.5, zorder=2)
    return artists


def wrap(text: str, width: int = 24) -> str:
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


# -- networks --------------------------------------------------------------------------------


def _scaled(values: Mapping[str, float], smallest: float, largest: float) -> dict[str, float]:
    """Marker areas on a square-root scale of `values` (node size by centrality)."""
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    if high <= low:
        return {k: (smallest + largest) / 2 for k in values}
    return {k: smallest + math.sqrt((v - low) / (high - low)) * (largest - smallest) for k, v in values.items()}


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed over nodes in sorted order. The largest connected
    component fills the square [-1, 1]²; smaller ones are laid out alone and stacked in
    columns to its right, so that they neither squeeze it nor drift off."""
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    pos: dict[str, tuple[float, float]] = {}
    if not parts:
        return pos
    pos.update(_spring(graph.subgraph(parts[0]), 1.0, (0.0, 0.0), stretch=WIDE))
    x, y, column = WIDE + 0.3, 1.0, 0.0
    for part in parts[1:]:
        size = 0.14 + 0.3 * math.sqrt(len(part) / len(parts[0]))
        if y - 2 * size < -1.0:
            x, y = x + column + 0.25, 1.0
            column = 0.0
        pos.update(_spring(graph.subgraph(part), size, (x + size, y - size)))
        y -= 2 * size + 0.22
        column = max(column, 2 * size)
    return pos


def _spring(graph: nx.Graph, half: float, centre: tuple[float, float],
            stretch: float = 1.0) -> dict[str, tuple[float, float]]:
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph.nodes))
    ordered.add_edges_from(sorted((min(u, v), max(u, v), {"weight": _pull(d)}) for u, v, d in graph.edges(data=True)))
    n = ordered.number_of_nodes()
    if n == 1:
        return {next(iter(ordered)): centre}
    if n == 2:
        u, v = sorted(ordered)
        return {u: (centre[0] - half, centre[1]), v: (centre[0] + half, centre[1])}
    raw = nx.spring_layout(ordered, seed=SEED, k=3.0 / math.sqrt(n), iterations=500, weight="weight")
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    spread = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {node: (centre[0] + (float(p[0]) - mx) / spread * half * stretch,
                   centre[1] + (float(p[1]) - my) / spread * half)
            for node, p in raw.items()}


def _pull(data: Mapping) -> float:
    """How strongly an edge pulls its ends together in the layout: direct relations more than
    sharing an event, more articles more."""
    strength = 1 + math.log(max(data.get("weight", 1), 1))
    return strength * (0.25 if data.get("family") == "co-event" else 1.0)


def _label_sizes(figure: Figure, ax, labels: Mapping[str, str], fontsize: float) -> dict[str, tuple[float, float]]:
    """Each label's width and height in pixels."""
    renderer = figure.canvas.get_renderer()
    sizes = {}
    for node, text in labels.items():
        probe = ax.text(0, 0, text, fontsize=fontsize)
        box = probe.get_window_extent(renderer)
        sizes[node] = (box.width, box.height)
        probe.remove()
    return sizes


def _footprint(point, r: float, size: tuple[float, float]) -> tuple[float, float, float, float]:
    """The node's marker with its label set below it, and a margin."""
    (x, y), (w, h) = point, size
    half = max(r, w / 2) + 8
    return x - half, y - r - 3 - h - 8, x + half, y + r + 8


def _declutter(points: dict[str, list[float]], radii: Mapping[str, float],
               sizes: Mapping[str, tuple[float, float]], aspect: float = 1.0, rounds: int = 400) -> None:
    """Move nodes (pixel positions, in place) until no two footprints overlap, so that every
    label has room below its node; each overlap is undone along the axis where it is smaller,
    horizontal overlaps counting `aspect` times less (a wide frame has room sideways)."""
    names = sorted(points)
    for _ in range(rounds):
        moved = False
        boxes = {n: _footprint(points[n], radii[n], sizes[n]) for n in names}
        for i, u in enumerate(names):
            for v in names[i + 1:]:
                a, b = boxes[u], boxes[v]
                ox = min(a[2], b[2]) - max(a[0], b[0])
                oy = min(a[3], b[3]) - max(a[1], b[1])
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                axis = 0 if ox < oy * aspect else 1
                overlap = ox if axis == 0 else oy
                step = (overlap / 2 + 0.5) * (1 if (a[axis] + a[axis + 2]) <= (b[axis] + b[axis + 2]) else -1)
                points[u][axis] -= step
                points[v][axis] += step
                boxes[u] = _footprint(points[u], radii[u], sizes[u])
                boxes[v] = _footprint(points[v], radii[v], sizes[v])
        if not moved:
            return


def _arrange(figure: Figure, ax, pos: Mapping[str, tuple[float, float]], radii: Mapping[str, float],
             labels: Mapping[str, str], fontsize: float, uniform: bool = False) -> dict[str, tuple[float, float]]:
    """Positions in the axes' pixels (which become its data coordinates): the layout stretched
    to the frame (by the same factor both ways if `uniform`), then decluttered, then drawn in
    towards the centre and decluttered again until every footprint fits in the frame."""
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    width, height = frame.width, frame.height
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    sizes = _label_sizes(figure, ax, labels, fontsize)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    margin = 60.0
    scale_x, scale_y = (width - 2 * margin) / span_x, (height - 2 * margin) / span_y
    if uniform:
        scale_x = scale_y = min(scale_x, scale_y)
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    points = {n: [width / 2 + (x - mid_x) * scale_x, height / 2 + (y - mid_y) * scale_y] for n, (x, y) in pos.items()}
    for attempt in range(14):
        _declutter(points, radii, sizes, aspect=width / height)
        if _squeeze(points, radii, sizes, width, height, 0.97) or attempt == 13:
            break
    _squeeze(points, radii, sizes, width, height, 1.0)   # whatever happens, nothing leaves the frame
    return {n: (p[0], p[1]) for n, p in points.items()}


def _squeeze(points: dict[str, list[float]], radii: Mapping[str, float], sizes: Mapping[str, tuple[float, float]],
             width: float, height: float, factor: float) -> bool:
    """Centre the footprints in the frame, drawing positions in where they overflow; True if
    they already fitted."""
    boxes = [_footprint(points[n], radii[n], sizes[n]) for n in points]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    fits_x, fits_y = x1 - x0 <= width + 16, y1 - y0 <= height + 16
    # shrink the spread of the centres so that the boxes' extent comes down to the frame
    pad_x, pad_y = (x1 - x0) - _spread_of(points, 0), (y1 - y0) - _spread_of(points, 1)
    scale_x = 1.0 if fits_x else max(0.05, (width + 16 - pad_x) / max(_spread_of(points, 0), 1e-6)) * factor
    scale_y = 1.0 if fits_y else max(0.05, (height + 16 - pad_y) / max(_spread_of(points, 1), 1e-6)) * factor
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    for point in points.values():
        point[0] = width / 2 + (point[0] - cx) * scale_x
        point[1] = height / 2 + (point[1] - cy) * scale_y
    return fits_x and fits_y


def _spread_of(points: Mapping[str, list[float]], axis: int) -> float:
    values = [p[axis] for p in points.values()]
    return max(values) - min(values)


def draw_network(figure: Figure, ax, graph: nx.Graph, pos: Mapping[str, tuple[float, float]],
                 sizes: Mapping[str, float], *, ring: Iterable[str] = (), label_order: Sequence[str] = (),
                 bold: Iterable[str] = (), prefer: Mapping[str, tuple[float, float]] | None = None,
                 uniform: bool = False) -> dict[str, tuple[float, float]]:
    """Edges styled by relation family, width by supporting articles; nodes by kind; labels.
    Returns the positions the nodes were drawn at."""
    ringed = set(ring)
    radius = {n: math.sqrt(sizes[n] / math.pi) * DPI / 72 for n in graph}
    texts = {n: wrap(graph.nodes[n]["label"], 22) for n in graph}
    pos = _arrange(figure, ax, pos, radius, texts, LABEL_SIZE, uniform)
    by_family: dict[str, list] = defaultdict(list)
    widths: dict[str, list] = defaultdict(list)
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        family = data.get("family", "co-event")
        by_family[family].append([pos[u], pos[v]])
        widths[family].append(0.8 + 1.1 * math.log2(max(data.get("weight", 1), 1)))
    for family in reversed(list(FAMILY_STYLE)):
        if by_family.get(family):
            colour, style, _ = FAMILY_STYLE[family]
            alpha = 0.55 if family == "co-event" else 0.85
            ax.add_collection(LineCollection(by_family[family], colors=colour, linestyles=style,
                                             linewidths=widths[family], alpha=alpha, zorder=1))
    for kind in KIND_STYLE:
        members = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == kind)
        if not members:
            continue
        colour, marker = KIND_STYLE[kind]
        ax.scatter([pos[n][0] for n in members], [pos[n][1] for n in members], s=[sizes[n] for n in members],
                   c=colour, marker=marker, edgecolors=["#111111" if n in ringed else "white" for n in members],
                   linewidths=[2.5 if n in ringed else 1.0 for n in members], zorder=3)
    ax.set_axis_off()
    nodes = list(label_order) or sorted(graph.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    place_labels(figure, ax, [pos[n] for n in nodes], [texts[n] for n in nodes],
                 [radius[n] for n in nodes], order=list(range(len(nodes))), fontsize=LABEL_SIZE,
                 bold=[index[n] for n in bold if n in index],
                 prefer=[prefer[n] for n in nodes] if prefer else None)
    return pos


def _network_axes(figure: Figure):
    return figure.add_axes((0.02, 0.07, 0.73, 0.78))


def _graphs_of(graph: nx.Graph, projection: Projection) -> set[str]:
    keys = {key for _, _, data in graph.edges(data=True) for key in data.get("sources", [])}
    return {g for g, source in projection.sources.items() if source.key in keys}


def _note(projection: Projection, graph: nx.Graph, extra: str = "") -> str:
    note = "Sources: " + sources_note(projection, _graphs_of(graph, projection))
    dates = sorted(d for _, d in graph.nodes(data="date") if d)
    if dates:
        note += f" · dated events {dates[0][:4]}–{dates[-1][:4]}" if dates[0][:4] != dates[-1][:4] else ""
    note += " · edge width: number of articles · node size: PageRank"
    return note + (f" · {extra}" if extra else "") + " · ctkg"


def network_figure(projection: Projection, *, kinds: Iterable[str] = (), top: int = 40,
                   graph: nx.Graph | None = None) -> Figure:
    """The actor graph: its `top` most central actors (PageRank) of the given kinds, and the
    relations between them."""
    full = graph if graph is not None else actor_graph(projection)
    kinds = set(kinds)
    scores = pagerank(full)
    chosen = [n for n, d in full.nodes(data=True) if (not kinds or d["kind"] in kinds) and full.degree(n) > 0]
    sub = full.subgraph(chosen)
    chosen = [n for n in chosen if sub.degree(n) > 0]
    chosen = sorted(chosen, key=lambda n: (-scores[n], n))[:top]
    sub = full.subgraph(chosen).copy()
    sub.remove_nodes_from([n for n in list(sub) if sub.degree(n) == 0])
    figure = new_figure()
    ax = _network_axes(figure)
    kinds_text = ", ".join(KINDS[k].name.lower() for k in KIND_STYLE if k in kinds) if kinds else "actors"
    dropped = sum(1 for n, d in full.nodes(data=True) if (not kinds or d["kind"] in kinds)) - sub.number_of_nodes()
    _title(figure, ax, "Who works with whom: the counter-terrorism network",
           f"{sub.number_of_nodes()} most connected {kinds_text}; lines join actors an article relates")
    if sub.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No relations between these actors in the graph.", ha="center", transform=ax.transAxes)
        _footnote(figure, "Sources: " + sources_note(projection) + " · ctkg")
        return figure
    pos = _layout(sub)
    sizes = _scaled({n: scores[n] for n in sub}, 90, 1500)
    order = sorted(sub, key=lambda n: (-scores[n], n))
    draw_network(figure, ax, sub, pos, sizes, label_order=order, bold=order[:5])
    _legends(figure, {d["kind"] for _, d in sub.nodes(data=True)}, {d["family"] for *_, d in sub.edges(data=True)})
    _footnote(figure, _note(projection, sub, f"{dropped} less connected actors not drawn" if dropped > 0 else ""))
    return figure


def ego_figure(projection: Projection, centre: str, *, radius: int = 1, graph: nx.Graph | None = None,
               limit: int = 40) -> Figure:
    """One actor at the centre, the actors within `radius` relations on rings around it."""
    full = graph if graph is not None else actor_graph(projection)
    ego = ego_network(full, centre, radius)
    scores = pagerank(full)
    keep = sorted(ego, key=lambda n: (ego.nodes[n]["hops"], -scores[n], n))[:limit]
    ego = ego.subgraph(keep).copy()
    pos, outward = _rings(ego, centre, scores)
    figure = new_figure()
    ax = _network_axes(figure)
    name = projection.label(centre)
    neighbours = sum(1 for n in ego if ego.nodes[n]["hops"] == 1)
    _title(figure, ax, f"{name}: who it is connected to",
           f"{neighbours} actors one relation away" + (f", up to {radius} relations shown" if radius > 1 else ""))
    sizes = _scaled({n: scores[n] for n in ego}, 150, 1800)
    sizes[centre] = 2600
    order = [centre] + sorted((n for n in ego if n != centre), key=lambda n: (ego.nodes[n]["hops"], -scores[n], n))
    pos = draw_network(figure, ax, ego, pos, sizes, ring=[centre], label_order=order, bold=[centre],
                       prefer=outward, uniform=True)
    if neighbours <= EDGE_WORDS_UP_TO:
        _edge_words(ax, ego, pos, centre, projection)
    _legends(figure, {d["kind"] for _, d in ego.nodes(data=True)}, {d["family"] for *_, d in ego.edges(data=True)})
    _footnote(figure, _note(projection, ego))
    return figure


def _edge_words(ax, ego: nx.Graph, pos: Mapping[str, tuple[float, float]], centre: str,
                projection: Projection) -> None:
    """On each edge from the centre, its main relation in words, read from the centre's side."""
    for n in sorted(ego.neighbors(centre)):
        data = ego.edges[centre, n]
        if data.get("family") == "co-event":
            continue
        words = relation_words(data, centre, projection).split("; ")[0]
        (x0, y0), (x1, y1) = pos[centre], pos[n]
        ax.text(x0 + (x1 - x0) * 0.5, y0 + (y1 - y0) * 0.5, wrap(words, 20), fontsize=8.5, style="italic",
                color="#3c4043", ha="center", va="center", zorder=4,
                bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})


def _rings(ego: nx.Graph, centre: str, scores: Mapping[str, float]):
    """The centre at (0, 0); actors at distance d on the circle of radius d, ordered by kind and
    label (the next ring follows the angle of the node it hangs from). Returns the positions
    and, for each node, the outward direction its label prefers."""
    pos = {centre: (0.0, 0.0)}
    angle = {centre: 0.0}
    rank = {kind: i for i, kind in enumerate(KIND_STYLE)}
    depth = max(d for _, d in ego.nodes(data="hops"))
    for d in range(1, depth + 1):
        ring = [n for n in ego if ego.nodes[n]["hops"] == d]
        if d == 1:
            ring.sort(key=lambda n: (rank[ego.nodes[n]["kind"]], ego.nodes[n]["label"]))
        else:
            def parent_angle(n):
                parents = [p for p in ego.neighbors(n) if ego.nodes[p]["hops"] == d - 1]
                return min(angle[p] for p in parents)
            ring.sort(key=lambda n: (parent_angle(n), ego.nodes[n]["label"]))
        for i, n in enumerate(ring):
            a = math.pi / 2 - 2 * math.pi * i / max(len(ring), 1)
            angle[n] = (math.pi / 2 - a) % (2 * math.pi)
            pos[n] = (d * math.cos(a), d * math.sin(a))
    outward = {n: (x, y) if (x, y) != (0.0, 0.0) else (0.0, -1.0) for n, (x, y) in pos.items()}
    return pos, outward


# -- paths -----------------------------------------------------------------------------------


def path_figure(projection: Projection, paths: Sequence[Connection], a: str, b: str, *, rows: int = 4) -> Figure:
    """Each path (at most `rows`) on its own row, from `a` on the left to `b` on the right:
    every hop an arrow with its relation in words above and its sources below."""
    more = max(0, len(paths) - rows)
    paths = list(paths)[:rows]
    figure = new_figure()
    ax = figure.add_axes((0.03, 0.08, 0.72, 0.78))
    name_a, name_b = projection.label(a), projection.label(b)
    _title(figure, ax, f"How {name_a} is connected to {name_b}",
           f"{len(paths)} path{'s' if len(paths) != 1 else ''}, shortest first; each step as the articles "
           "state it, with the numbers of those articles below the arrow")
    ax.set_axis_off()
    if not paths:
        ax.text(0.5, 0.5, f"No path between {name_a} and {name_b} in the graph.", ha="center",
                transform=ax.transAxes, fontsize=13)
        _footnote(figure, "Sources: " + sources_note(projection) + " · ctkg")
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
            ax.text(middle, y - 0.06, ", ".join(hop.sources), ha="center", va="top", fontsize=9,
                    color=MUTED, zorder=5)
        graphs |= {g for g, s in projection.sources.items() if s.key in path.sources}
    ax.set_xlim(-0.45 * max(longest, 1) / 2, longest + 0.45 * max(longest, 1) / 2)
    ax.set_ylim(-len(paths) + 0.35, 0.6)
    _legends(figure, kinds)
    extra = (f" · {more} longer or less specific path{'s' if more != 1 else ''} not drawn (kg network path)"
             if more else "")
    _footnote(figure, "Sources: " + sources_note(projection, graphs) + extra + " · ctkg")
    return figure


# -- timeline --------------------------------------------------------------------------------

TIMELINE_KINDS = ("attack", "meeting", "statement", "reaction", "legal-action", "agreement")


@dataclass(frozen=True)
class Dated:
    iri: str
    label: str
    kind: str
    date: dt.date
    weight: int            # articles behind it: the busiest events are kept when there are many


def timeline_events(projection: Projection, actor: str | None = None) -> tuple[list[Dated], int]:
    """The dated events the graph's relations go through (or those of `actor`), and how many
    related events have no date."""
    facts = fact_graph(projection)
    chosen: set[str] = set()
    for link in projection.links:
        ends = {link.source, link.target}
        if actor and actor not in ends:
            continue
        chosen |= {n for n in ends | set(link.via) if n in projection.nodes}
    if actor:
        chosen |= {n for n in facts.neighbors(actor)} if actor in facts else set()
    events, undated = [], 0
    for iri in sorted(chosen):
        node = projection.nodes[iri]
        if node.kind not in TIMELINE_KINDS:
            continue
        if not node.date:
            undated += 1
            continue
        events.append(Dated(iri, node.label, node.kind, dt.date.fromisoformat(node.date[:10]), len(node.mentions)))
    return sorted(events, key=lambda e: (e.date, TIMELINE_KINDS.index(e.kind), e.label)), undated


def timeline_figure(projection: Projection, *, actor: str | None = None, top: int = 30) -> Figure:
    """Events on a time axis: each event a marker coloured and shaped by kind, on a stem rising
    from its date, with its name and date beside it; stems are stacked in rows so that no two
    labels overlap and no stem crosses a label."""
    events, undated = timeline_events(projection, actor)
    dropped = max(0, len(events) - top)
    if dropped:
        keep = set(e.iri for e in sorted(events, key=lambda e: (-e.weight, e.date, e.label))[:top])
        events = [e for e in events if e.iri in keep]
    figure = new_figure()
    ax = figure.add_axes((0.03, 0.1, 0.74, 0.76))
    who = projection.label(actor) if actor else "Counter-terrorism cooperation"
    span = f"{events[0].date.year}–{events[-1].date.year}" if events else ""
    _title(figure, ax, f"{who}: events on record" + (f", {span}" if span else ""),
           f"{len(events)} dated events the articles relate" + (" to " + who if actor else ""))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.yaxis.set_visible(False)
    if not events:
        ax.set_xticks([])
        ax.text(0.5, 0.5, "No dated events in the graph" + (f" for {who}." if actor else "."), ha="center",
                transform=ax.transAxes, fontsize=13)
        _footnote(figure, "Sources: " + sources_note(projection) + " · ctkg")
        return figure
    first, last = events[0].date, events[-1].date
    pad = max((last - first).days * 0.03, 45)
    ax.set_xlim(mdates.date2num(first - dt.timedelta(days=pad)), mdates.date2num(last + dt.timedelta(days=pad)))
    ax.xaxis.set_major_locator(mdates.YearLocator(_year_step(first, last)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=11)
    ax.spines["bottom"].set_color("#5f6368")
    _stems(figure, ax, events)
    _legends(figure, {e.kind for e in events}, x=0.8, top=0.86, kind_title="Kind of event")
    extra = []
    if undated:
        extra.append(f"{undated} undated event{'s' if undated != 1 else ''} not shown")
    if dropped:
        extra.append(f"{dropped} less reported events not shown")
    graphs = {g for e in events for g in projection.nodes[e.iri].mentions}
    _footnote(figure, "Sources: " + sources_note(projection, graphs) + "".join(f" · {x}" for x in extra) + " · ctkg")
    return figure


def _year_step(first: dt.date, last: dt.date) -> int:
    years = last.year - first.year + 1
    return 1 if years <= 12 else 2 if years <= 24 else 5


def _stems(figure: Figure, ax, events: Sequence[Dated]) -> None:
    """Rows of labels above the time axis, in pixels (the y axis counts pixels): each event takes
    the lowest row where its label overlaps no other label and its stem crosses no label of a
    lower row. A label sits right of its marker, or left of it in the last third of the axis."""
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    ax.set_ylim(0, frame.height)
    to_px = lambda x: ax.transData.transform((x, 0))[0] - frame.x0  # noqa: E731
    texts = [wrap(e.label, 32) + "\n" + e.date.strftime("%d %b %Y").lstrip("0") for e in events]
    arts = [ax.text(0, 0, text, fontsize=10.5, va="center", zorder=5, linespacing=1.15) for text in texts]
    sizes = [(a.get_window_extent(renderer).width, a.get_window_extent(renderer).height) for a in arts]
    row_height = max(h for _, h in sizes) + 12
    rows = max(1, int((frame.height - 24) // row_height))
    taken: list[list[tuple[float, float]]] = [[] for _ in range(rows)]
    marker_gap = 12.0
    placed = []
    for event, (w, h) in zip(events, sizes):
        x = mdates.date2num(event.date)
        px = to_px(x)
        leftwards = px > frame.width * 0.66
        span = (px - marker_gap - w - 6, px + 8) if leftwards else (px - 8, px + marker_gap + w + 6)
        chosen, best = rows - 1, None
        for row in range(rows):
            clash = any(s[0] < span[1] and span[0] < s[1] for s in taken[row])
            crossed = any(s[0] <= px <= s[1] for lower in taken[:row] for s in lower)
            cost = (clash * 2 + crossed, row)
            if best is None or cost < best:
                best, chosen = cost, row
            if not clash and not crossed:
                break
        taken[chosen].append(span)
        placed.append((x, chosen, leftwards))
    used = max(row for _, row, _ in placed) + 1
    spacing = min(row_height * 1.7, (frame.height - 24) / used)
    for event, art, (x, row, leftwards) in zip(events, arts, placed):
        y = 24 + spacing * (row + 0.5)
        colour, marker = KIND_STYLE[event.kind]
        art.set_position((x, y))
        art.set_ha("right" if leftwards else "left")
        shift = (-marker_gap if leftwards else marker_gap) / frame.width * (ax.get_xlim()[1] - ax.get_xlim()[0])
        art.set_x(x + shift)
        ax.plot([x, x], [0, y], color=colour, linewidth=1.1, alpha=0.75, zorder=2)
        ax.scatter([x], [y], s=140, c=colour, marker=marker, edgecolors="white", linewidths=0.8, zorder=4)
        ax.scatter([x], [0], s=18, c=colour, zorder=4, clip_on=False)


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
    _title(figure, ax, "Terrorist groups named in the articles, by year",
           "Number of articles naming each group in each year of publication")
    if not counts:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No article names a terrorist group.", ha="center", transform=ax.transAxes, fontsize=13)
        _footnote(figure, "Sources: " + sources_note(projection) + " · ctkg")
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
    _footnote(figure, "Sources: " + sources_note(projection, graphs)
              + " · an undated article counts in the year of the meeting or statement it reports"
              + "".join(f" · {x}" for x in extra) + " · ctkg")
    return figure
