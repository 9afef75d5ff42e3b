"""Events on a time axis, coloured and shaped by kind, labels stacked so that none overlap."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Iterable, Sequence

import matplotlib.dates as mdates
from matplotlib.figure import Figure

from kg.network import Projection, fact_graph, sources_note
from kg.plot.style import KIND_STYLE, add_footnote, add_legends, add_title, new_figure, wrap

# -- timeline --------------------------------------------------------------------------------

SLOT = 12.0                   # px: the height of one slot of the timeline's label grid
MARKER_GAP = 12.0             # px between a timeline marker and its label
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
    add_title(figure, ax, f"{who}: events on record" + (f", {span}" if span else ""),
           f"{len(events)} dated events the articles relate" + (" to " + who if actor else ""))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.yaxis.set_visible(False)
    if not events:
        ax.set_xticks([])
        ax.text(0.5, 0.5, "No dated events in the graph" + (f" for {who}." if actor else "."), ha="center",
                transform=ax.transAxes, fontsize=13)
        add_footnote(figure, projection, "Sources: " + sources_note(projection) + " · ctkg")
        return figure
    first, last = events[0].date, events[-1].date
    pad = max((last - first).days * 0.03, 45)
    ax.set_xlim(mdates.date2num(first - dt.timedelta(days=pad)), mdates.date2num(last + dt.timedelta(days=pad)))
    ax.xaxis.set_major_locator(mdates.YearLocator(_year_step(first, last)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.tick_params(axis="x", labelsize=11)
    ax.spines["bottom"].set_color("#5f6368")
    _stems(figure, ax, events)
    add_legends(figure, {e.kind for e in events}, x=0.8, top=0.86, kind_title="Kind of event")
    extra = []
    if undated:
        extra.append(f"{undated} undated event{'s' if undated != 1 else ''} not shown")
    if dropped:
        extra.append(f"{dropped} less reported events not shown")
    graphs = {g for e in events for g in projection.nodes[e.iri].mentions}
    add_footnote(figure, projection, "Sources: " + sources_note(projection, graphs) + "".join(f" · {x}" for x in extra) + " · ctkg")
    return figure


def _year_step(first: dt.date, last: dt.date) -> int:
    years = last.year - first.year + 1
    return 1 if years <= 12 else 2 if years <= 24 else 5


def _stems(figure: Figure, ax, events: Sequence[Dated]) -> None:
    """Labels stacked above the time axis, in pixels (the y axis counts pixels), on a grid of
    thin slots: each event takes the lowest run of slots where its label overlaps no other
    label, its stem crosses no label below it, no stem already drawn runs up through its label
    (the stems of earlier events would otherwise cut the labels of later ones set to their
    left), and, where it can, its label spans no later event's date (whose stem may yet rise
    through it). Labels are placed in date order and in reverse date order, and the order with
    fewer conflicts wins. A label sits right of its marker, or left of it in the last third of the axis,
    or on the other side where that side is free and the label fits the frame; labels have a
    white halo."""
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    ax.set_ylim(0, frame.height)
    to_px = lambda x: ax.transData.transform((x, 0))[0] - frame.x0  # noqa: E731
    texts = [wrap(e.label, 32) + "\n" + e.date.strftime("%d %b %Y").lstrip("0") for e in events]
    arts = [ax.text(0, 0, text, fontsize=10.5, va="center", zorder=5, linespacing=1.15,
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
            for text in texts]
    sizes = [(a.get_window_extent(renderer).width, a.get_window_extent(renderer).height) for a in arts]
    slots = max(1, int((frame.height - 24) // SLOT))
    pxs = [to_px(mdates.date2num(e.date)) for e in events]
    heights = [min(slots, math.ceil((h + 8) / SLOT)) for _, h in sizes]
    tries = [_assign(pxs, [w for w, _ in sizes], heights, slots, frame.width, order)
             for order in (range(len(events)), range(len(events) - 1, -1, -1))]
    _, used, placed = min(tries, key=lambda t: (t[0], t[1]))   # fewest conflicts, then fewest slots
    stretch = min(1.6, (frame.height - 24) / (used * SLOT))
    for event, art, (middle, leftwards) in zip(events, arts, placed):
        x = mdates.date2num(event.date)
        y = 24 + SLOT * middle * stretch
        colour, marker = KIND_STYLE[event.kind]
        art.set_position((x, y))
        art.set_ha("right" if leftwards else "left")
        shift = (-MARKER_GAP if leftwards else MARKER_GAP) / frame.width * (ax.get_xlim()[1] - ax.get_xlim()[0])
        art.set_x(x + shift)
        ax.plot([x, x], [0, y], color=colour, linewidth=1.1, alpha=0.75, zorder=2)
        ax.scatter([x], [y], s=140, c=colour, marker=marker, edgecolors="white", linewidths=0.8, zorder=4)
        ax.scatter([x], [0], s=18, c=colour, zorder=4, clip_on=False)


def _assign(pxs: Sequence[float], widths: Sequence[float], heights: Sequence[int], slots: int, width: float,
            order: Iterable[int]) -> tuple[int, int, list[tuple[float, bool]]]:
    """Slots for the labels, taken in `order` (see _stems): (the number of labels that could
    not be placed without a conflict, the slots used, per label its marker's slot and side)."""
    taken: list[list[tuple[float, float]]] = [[] for _ in range(slots)]
    stems: list[tuple[float, int]] = []          # (x in pixels, slot of its marker) of the stems drawn
    placed: dict[int, tuple[float, bool]] = {}
    conflicts = 0
    for i in order:
        px, w, height = pxs[i], widths[i], heights[i]
        sides = (True, False) if px > width * 0.66 else (False, True)
        later = [other for j, other in enumerate(pxs) if j not in placed and j != i and abs(other - px) > 1]
        best = None
        for low in range(slots - height + 1):
            mine = range(low, low + height)
            for rank, leftwards in enumerate(sides):
                span = (px - MARKER_GAP - w - 6, px + 8) if leftwards else (px - 8, px + MARKER_GAP + w + 6)
                if rank and (span[0] < 0 or span[1] > width):
                    continue                     # the other side only where the label fits the frame
                clash = any(s[0] < span[1] and span[0] < s[1] for slot in mine for s in taken[slot])
                crossed = any(s[0] <= px <= s[1] for below in taken[:low] for s in below)
                pierced = any(span[0] <= sx <= span[1] for sx, top in stems if top >= low)
                covers = any(span[0] <= other <= span[1] for other in later)
                real = clash * 2 + crossed + pierced
                cost = (real + covers, low, rank)
                if best is None or cost < best[0]:
                    best = (cost, low, leftwards, span, real)
            if best[0][0] == 0:
                break
        _, low, leftwards, span, real = best
        conflicts += real > 0
        for slot in range(low, low + height):
            taken[slot].append(span)
        stems.append((px, low + height // 2))
        placed[i] = (low + height / 2, leftwards)
    used = max((k + 1 for k, spans in enumerate(taken) if spans), default=1)
    return conflicts, used, [placed[i] for i in range(len(pxs))]
