"""Where the nodes of a network figure go: a seeded spring layout, then moved apart in pixels
until every node has room for its label below it, and drawn in until all fits the frame."""
from __future__ import annotations

import math
from typing import Mapping

import networkx as nx
from matplotlib.figure import Figure

from kg.network import SEED
from kg.plot.style import WIDE

def scaled(values: Mapping[str, float], smallest: float, largest: float) -> dict[str, float]:
    """Marker areas on a square-root scale of `values` (node size by centrality)."""
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    if high <= low:
        return {k: (smallest + largest) / 2 for k in values}
    return {k: smallest + math.sqrt((v - low) / (high - low)) * (largest - smallest) for k, v in values.items()}


def spring_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
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


def arrange(figure: Figure, ax, pos: Mapping[str, tuple[float, float]], radii: Mapping[str, float],
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

