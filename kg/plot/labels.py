"""Labels that overlap neither each other, nor the nodes, nor the edges: each label takes the
first position around its node, at growing distances, that costs least."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from matplotlib.figure import Figure

# -- labels that do not overlap --------------------------------------------------------------


@dataclass
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlap(self, other: "Box") -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return w * h if w > 0 and h > 0 else 0.0

    def outside(self, frame: "Box") -> float:
        return (max(0, frame.x0 - self.x0) + max(0, self.x1 - frame.x1)
                + max(0, frame.y0 - self.y0) + max(0, self.y1 - frame.y1)) * 1000


# Directions tried for a label around its node: below, above, right, left, then the diagonals.
_DIRECTIONS = ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1),
               (0.5, -1), (-0.5, -1), (0.5, 1), (-0.5, 1), (1, -0.5), (-1, -0.5), (1, 0.5), (-1, 0.5))
_RING_COST = 300.0            # px²: how much overlap with nodes a label accepts before moving out


_DODGE_RINGS = 0              # a label crossed by edges may move this many rings out to clear them
_CROSSING_COST = 1.0          # per pixel of an edge that runs through a label: among the positions
                              # that clash with nothing, the one that edges cross least wins


def place_labels(figure: Figure, ax, anchors: Sequence[tuple[float, float]], texts: Sequence[str],
                 radii: Sequence[float], *, order: Sequence[int] | None = None, fontsize: float = 9.5,
                 bold: Iterable[int] = (), prefer: Sequence[tuple[float, float]] | None = None,
                 segments: Sequence[tuple[tuple[float, float], tuple[float, float]]] = ()) -> list:
    """Draw `texts` next to their `anchors` (data coordinates) without overlapping each other,
    the nodes (`radii` in pixels) or the edges (`segments`, data coordinates).

    Each label, most important first (`order`), takes the nearest ring of positions around its
    node where one position overlaps no label or node, and there the position that no other node
    is nearer to (a label nearer another node reads as that node's), then the one that edges
    cross least. It moves out at most _DODGE_RINGS rings only to dodge an edge (a label far from its
    node reads worse), and a bold label (the most central actors, the centre of an ego network)
    not at all. A label set away from its node gets a thin leader line, which later labels
    avoid too. Each label has a white halo above the edges, so that an edge it cannot avoid
    passes under the text, not through it. Deterministic. Returns the Text artists."""
    renderer = figure.canvas.get_renderer()
    to_px = ax.transData.transform
    lines = [(tuple(to_px(a)), tuple(to_px(b))) for a, b in segments]
    frame_px = ax.get_window_extent(renderer)
    frame = Box(frame_px.x0, frame_px.y0, frame_px.x1, frame_px.y1)
    points = [to_px(a) for a in anchors]
    nodes = [Box(p[0] - r, p[1] - r, p[0] + r, p[1] + r) for p, r in zip(points, radii)]
    strong = set(bold)
    artists = [ax.text(a[0], a[1], t, fontsize=fontsize, ha="center", va="center", zorder=5,
                       fontweight="bold" if i in strong else "normal", color="#202124",
                       bbox={"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none",
                             "alpha": 0.9})
               for i, (a, t) in enumerate(zip(anchors, texts))]
    sizes = [(box.width, box.height) for box in (art.get_window_extent(renderer) for art in artists)]
    placed: list[Box] = []
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
                box = Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                near = Box(box.x0 - 5, box.y0 - 5, box.x1 + 5, box.y1 + 5)
                clash = (sum(near.overlap(o) for o in placed) * 10
                         + sum(near.overlap(n) for j, n in enumerate(nodes) if j != i)
                         + box.outside(frame))
                crossed = sum(crossing(box, a, b) for a, b in lines) * _CROSSING_COST
                nearer = _nearer_nodes(box, i, points, radii)
                cost = (max(0.0, clash - _RING_COST * ring), nearer, crossed, ring)
                if best is None or cost < best[0]:
                    best = (cost, box, ring)
            if best[0][0] <= 1e-9 and (best[0][2] == 0 or ring >= (0 if i in strong else _DODGE_RINGS)):
                break
        _, box, ring = best
        placed.append(box)
        centre = ax.transData.inverted().transform(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
        artists[i].set_position(centre)
        if ring > 0:
            ax.plot([anchors[i][0], centre[0]], [anchors[i][1], centre[1]], color="#c3c7cc",
                    linewidth=0.5, zorder=2)
            lines.append((tuple(points[i]), (float((box.x0 + box.x1) / 2), float((box.y0 + box.y1) / 2))))
    return artists


def _nearer_nodes(box: "Box", i: int, points, radii) -> int:
    """How many other nodes are nearer the label's box than its own node is: a label that sits
    nearer another node reads as that node's."""
    own = _gap(box, points[i]) - radii[i]
    return sum(1 for j, p in enumerate(points) if j != i and _gap(box, p) - radii[j] < own)


def _gap(box: "Box", point) -> float:
    """The distance from `point` to the nearest point of `box`."""
    dx = max(box.x0 - point[0], 0.0, point[0] - box.x1)
    dy = max(box.y0 - point[1], 0.0, point[1] - box.y1)
    return (dx * dx + dy * dy) ** 0.5


def crossing(box: "Box", a: tuple[float, float], b: tuple[float, float]) -> float:
    """How many pixels of the segment a-b lie inside `box` (Liang-Barsky clipping)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - box.x0), (dx, box.x1 - x0), (-dy, y0 - box.y0), (dy, box.y1 - y0)):
        if p == 0:
            if q < 0:
                return 0.0
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return 0.0
    return (high - low) * (dx * dx + dy * dy) ** 0.5

