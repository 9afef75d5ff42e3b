"""Labels that overlap neither each other, nor the nodes, nor the edges: each label takes the
first position around its node, at growing distances, that costs least."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from matplotlib.figure import Figure

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

