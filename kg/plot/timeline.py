"""Events on a time axis, coloured and shaped by kind, labels stacked so that none overlap."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

import matplotlib.dates as mdates
from matplotlib.figure import Figure

from kg.network import Projection, fact_graph, sources_note
from kg.plot.style import KIND_STYLE, add_footnote, add_legends, add_title, new_figure, wrap

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
    add_title(figure, ax, f"{who}: events on record" + (f", {span}" if span else ""),
           f"{len(events)} dated events the articles relate" + (" to " + who if actor else ""))
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.yaxis.set_visible(False)
    if not events:
        ax.set_xticks([])
        ax.text(0.5, 0.5, "No dated events in the graph" + (f" for {who}." if actor else "."), ha="center",
                transform=ax.transAxes, fontsize=13)
        add_footnote(figure, "Sources: " + sources_note(projection) + " · ctkg")
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
    add_footnote(figure, "Sources: " + sources_note(projection, graphs) + "".join(f" · {x}" for x in extra) + " · ctkg")
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

