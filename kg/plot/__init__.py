"""Briefing figures of the network: what an analyst pastes into a slide as it is.

Every figure has a title, a legend (kinds of node, each with its own colour and marker, and
styles of relation), labels placed so that they overlap neither each other nor the nodes and
edges, node size by centrality and a footnote with the number of sources and their dates.
Layouts use a fixed seed and sorted input, so the same graph always gives the same picture.
Figures are drawn on matplotlib's Agg canvas (no display), 16:9, and saved as PNG, SVG or PDF
by the file's extension.

  style      slide size, fonts, colours (kg.palette), titles, footnotes, legends, saving
  labels     the label-placement engine
  layout     where the nodes go (seeded spring layout, decluttered in pixels)
  networks   network_figure (the actor graph), ego_figure (one actor and its neighbours)
  paths      path_figure: how two actors or events are connected, hop by hop
  timeline   timeline_figure: events on a time axis
  groups     groups_figure: how many articles name each terrorist group, by year
"""
from kg.plot.groups import group_counts, groups_figure
from kg.plot.labels import place_labels
from kg.plot.networks import draw_network, ego_figure, network_figure
from kg.plot.paths import path_figure
from kg.plot.style import (DPI, FAMILY_STYLE, FORMATS, KIND_STYLE, SLIDE, add_footnote, add_legends, add_title,
                           new_figure, save_figure, wrap)
from kg.plot.timeline import TIMELINE_KINDS, Dated, timeline_events, timeline_figure

__all__ = [
    "DPI", "Dated", "FAMILY_STYLE", "FORMATS", "KIND_STYLE", "SLIDE", "TIMELINE_KINDS", "add_footnote",
    "add_legends", "add_title", "draw_network", "ego_figure", "group_counts", "groups_figure", "network_figure",
    "new_figure", "path_figure", "place_labels", "save_figure", "timeline_events", "timeline_figure", "wrap",
]
