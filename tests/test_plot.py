"""Briefing figures of the seeds' graph: each writes a valid image, with its title, legend and
labels in place (checked through matplotlib's objects, not pixels)."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import kg.cli.network  # noqa: F401  (registers kg network and kg plot)
from kg import network as net
from kg import plot
from kg.cli import main
from kg.store import open_store

PNG, PDF, SVG = b"\x89PNG\r\n\x1a\n", b"%PDF", b"<?xml"


@pytest.fixture(scope="module")
def seeds(seeds_store):
    store = open_store(seeds_store, read_only=True)
    projection = net.load_projection(store)
    return store, projection, net.fact_graph(projection), net.actor_graph(projection)


@pytest.fixture(scope="module")
def network_figure(seeds):
    _, projection, _, actors = seeds
    return plot.network_figure(projection, graph=actors)


@pytest.fixture(scope="module")
def timeline_figure(seeds):
    return plot.timeline_figure(seeds[1])


def texts(figure) -> list[str]:
    """Every text drawn in the figure's first axes, with line breaks as spaces."""
    return [t.get_text().replace("\n", " ") for t in figure.axes[0].texts]


def legend_entries(figure) -> list[str]:
    return [t.get_text() for legend in figure.legends for t in legend.get_texts()]


def overlapping_labels(figure) -> list[tuple[str, str]]:
    renderer = figure.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in figure.axes[0].texts if t.get_text()]
    return [(a, c) for i, (a, b) in enumerate(boxes) for c, d in boxes[i + 1:] if b.overlaps(d)]


def test_the_network_figure_has_a_title_a_legend_of_kinds_and_the_main_actors(network_figure):
    assert network_figure.axes[0].get_title(loc="left").startswith("Who works with whom")
    assert {"States", "Terrorist groups", "People"} <= set(legend_entries(network_figure))
    assert {"India", "United States", "Pakistan", "Lashkar-e-Taiba"} <= set(texts(network_figure))


def test_the_network_figure_has_a_legend_of_relation_styles(network_figure):
    assert {"called on, reacted to", "same event only"} <= set(legend_entries(network_figure))


def test_network_labels_do_not_overlap(network_figure):
    assert overlapping_labels(network_figure) == []


def test_the_footnote_gives_the_number_of_sources_and_their_dates(network_figure):
    notes = [t.get_text() for t in network_figure.texts]
    assert any("5 articles, published 2020-09-12 to 2025-02-15" in note for note in notes)


def test_the_network_figure_is_written_as_png_svg_and_pdf(network_figure, tmp_path):
    for suffix, magic in ((".png", PNG), (".svg", SVG), (".pdf", PDF)):
        written = plot.save_figure(network_figure, tmp_path / f"network{suffix}")
        assert written.read_bytes().startswith(magic)


def test_the_same_graph_always_gives_the_same_picture(seeds, tmp_path):
    _, projection, _, actors = seeds
    pictures = [plot.save_figure(plot.network_figure(projection, graph=actors, kinds=["state", "group"]),
                                 tmp_path / f"{name}.png") for name in ("first", "second")]
    assert pictures[0].read_bytes() == pictures[1].read_bytes()


def test_a_network_of_one_kind_draws_only_that_kind(seeds):
    _, projection, _, actors = seeds
    figure = plot.network_figure(projection, graph=actors, kinds=["state"])
    assert {"India", "Pakistan"} <= set(texts(figure)) and "Lashkar-e-Taiba" not in texts(figure)
    assert [e for e in legend_entries(figure) if e in ("States", "Terrorist groups")] == ["States"]


def test_an_image_format_kg_cannot_write_is_refused_with_the_ones_it_can(network_figure, tmp_path):
    with pytest.raises(net.UnsupportedFormat, match=r"cannot write '.gif'. Name the file .png, .svg or .pdf"):
        plot.save_figure(network_figure, tmp_path / "network.gif")


def test_the_ego_figure_puts_pakistan_at_the_centre_and_words_its_relations(seeds):
    store, projection, _, actors = seeds
    figure = plot.ego_figure(projection, net.resolve(store, projection, "Pakistan", actors), graph=actors)
    assert figure.axes[0].get_title(loc="left") == "Pakistan: who it is connected to"
    assert {"India", "United States", "Zakiur Rehman Lakhvi", "was called on by"} <= set(texts(figure))
    assert "States" in legend_entries(figure)


def test_the_path_figure_shows_each_hop_with_its_sources(seeds):
    store, projection, facts, _ = seeds
    a, b = (net.resolve(store, projection, name, facts) for name in ("Tahawwur Rana", "Lashkar-e-Taiba"))
    figure = plot.path_figure(projection, net.find_paths(facts, projection, a, b), a, b)
    assert figure.axes[0].get_title(loc="left") == "How Tahawwur Hussain Rana is connected to Lashkar-e-Taiba"
    labels = texts(figure)
    assert {"accused in", "perpetrated by", "2008 Mumbai attacks", "004"} <= set(labels)
    assert any(label.startswith("000") for label in labels)
    assert {"People", "Attacks", "Terrorist groups"} <= set(legend_entries(figure))


def test_the_timeline_runs_from_the_mumbai_attacks_to_the_2025_joint_statement(timeline_figure):
    labels = texts(timeline_figure)
    assert timeline_figure.axes[0].get_title(loc="left").endswith("2008–2025")
    assert any(label.startswith("2008 Mumbai attacks") for label in labels)
    # the 2025 joint declaration (seed 003 calls it a declaration, seed 001 a statement)
    assert any(re.match(r"Joint (statement|declaration) of (United States and India|India and United States) "
                        r"\(February 2025\)", label.replace("\n", " ")) for label in labels)
    assert {"Attacks", "Meetings", "Joint statements"} <= set(legend_entries(timeline_figure))


def test_timeline_labels_do_not_overlap(timeline_figure):
    assert overlapping_labels(timeline_figure) == []


def test_the_timeline_of_one_actor_keeps_only_its_events(seeds):
    store, projection, facts, _ = seeds
    figure = plot.timeline_figure(projection, actor=net.resolve(store, projection, "Pakistan", facts))
    labels = texts(figure)
    assert any(label.startswith("Pakistan's reaction") for label in labels)
    assert not any(label.startswith("India-US Homeland Security Dialogue") for label in labels)


def test_the_groups_figure_counts_articles_naming_each_group_by_year(seeds):
    figure = plot.groups_figure(seeds[1])
    ax = figure.axes[0]
    groups = [t.get_text() for t in ax.get_yticklabels()]
    years = [t.get_text() for t in ax.get_xticklabels()]
    assert "Lashkar-e-Taiba" in groups and years[0] == "2020" and years[-1] == "2025"
    row, column = groups.index("Lashkar-e-Taiba"), years.index("2020")
    assert ax.images[0].get_array()[row][column] == 2
    assert ax.get_title(loc="left").startswith("Terrorist groups named") and len(figure.axes) == 2  # + colour bar


def test_kg_plot_writes_the_image_named_by_output(seeds_store, tmp_path):
    out = tmp_path / "timeline.svg"
    result = CliRunner().invoke(main, ["plot", "timeline", "-o", str(out), "--store", str(seeds_store)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(SVG)


# -- seen on a slide: edges and labels, stems and labels, sizes, palette, captions -------------


def edge_segments(figure) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Every edge of a network figure, in pixels."""
    from matplotlib.collections import LineCollection

    ax = figure.axes[0]
    return [(tuple(ax.transData.transform(seg[0])), tuple(ax.transData.transform(seg[-1])))
            for c in ax.collections if isinstance(c, LineCollection) for seg in c.get_segments()]


def node_labels(figure) -> list:
    """The labels of a network figure's nodes (not its subtitle, not the words on its edges)."""
    ax = figure.axes[0]
    return [t for t in ax.texts if t.get_text() and t.get_style() != "italic" and t.get_transform() == ax.transData]


def crossed_labels(figure) -> list[str]:
    from kg.plot.labels import Box, crossing

    renderer = figure.canvas.get_renderer()
    segments = edge_segments(figure)
    crossed = []
    for text in node_labels(figure):
        box = text.get_window_extent(renderer)
        if any(crossing(Box(box.x0, box.y0, box.x1, box.y1), a, b) > 0.5 for a, b in segments):
            crossed.append(text.get_text())
    return crossed


def all_figures(seeds) -> list:
    store, projection, facts, actors = seeds
    pakistan = net.resolve(store, projection, "Pakistan", actors)
    a, b = (net.resolve(store, projection, name, facts) for name in ("Tahawwur Rana", "Lashkar-e-Taiba"))
    return [plot.network_figure(projection, graph=actors), plot.ego_figure(projection, pakistan, graph=actors),
            plot.path_figure(projection, net.find_paths(facts, projection, a, b), a, b),
            plot.timeline_figure(projection), plot.groups_figure(projection)]


def test_no_edge_runs_through_a_label_of_the_pakistan_ego_figure(seeds):
    store, projection, _, actors = seeds
    figure = plot.ego_figure(projection, net.resolve(store, projection, "Pakistan", actors), graph=actors)
    assert edge_segments(figure) and crossed_labels(figure) == []


def test_an_edge_a_network_label_cannot_avoid_passes_under_its_halo(network_figure):
    edges = max(c.get_zorder() for c in network_figure.axes[0].collections)
    for text in node_labels(network_figure):
        halo = text.get_bbox_patch()
        assert halo is not None and halo.get_facecolor()[:3] == (1.0, 1.0, 1.0) and halo.get_alpha() >= 0.85
        assert text.get_zorder() > edges


def test_labels_dodge_edges_where_they_can(network_figure):
    assert len(crossed_labels(network_figure)) <= len(node_labels(network_figure)) // 3


def stems_through_labels(figure) -> list[str]:
    ax, renderer = figure.axes[0], figure.canvas.get_renderer()
    stems = []
    for line in ax.lines:
        xs, ys = line.get_xdata(), line.get_ydata()
        if len(xs) == 2 and xs[0] == xs[1]:
            (x, y0), (_, y1) = ax.transData.transform((xs[0], ys[0])), ax.transData.transform((xs[1], ys[1]))
            stems.append((x, min(y0, y1), max(y0, y1)))
    pierced = []
    for text in ax.texts:
        box = text.get_window_extent(renderer)
        if any(box.x0 + 1 < x < box.x1 - 1 and y0 < box.y1 - 1 and y1 > box.y0 + 1 for x, y0, y1 in stems):
            pierced.append(text.get_text())
    return pierced


@pytest.mark.parametrize("actor", ["Pakistan", "India", "United States"])
def test_no_stem_runs_through_a_label_of_an_actors_timeline(seeds, actor):
    store, projection, facts, _ = seeds
    figure = plot.timeline_figure(projection, actor=net.resolve(store, projection, actor, facts))
    assert stems_through_labels(figure) == []


def test_at_most_one_label_of_the_whole_timeline_has_a_stem_pass_under_it(timeline_figure):
    assert len(set(stems_through_labels(timeline_figure))) <= 1


def test_every_text_reads_on_a_1280x720_slide(seeds):
    """The figures are 16:9; shown as a 1280-pixel-wide slide, 9.5 points are 12.7 pixels."""
    for figure in all_figures(seeds):
        texts = list(figure.texts) + [t for ax in figure.axes for t in ax.texts]
        texts += [t for legend in figure.legends for t in legend.get_texts()]
        texts += [t for ax in figure.axes for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
        assert abs(figure.get_figwidth() / figure.get_figheight() - 16 / 9) < 0.01
        small = [(t.get_text()[:30], t.get_fontsize()) for t in texts if t.get_text() and t.get_fontsize() < 9.5]
        assert small == [], small


def test_every_caption_gives_the_graphs_date_and_its_sources(seeds):
    for figure in all_figures(seeds):
        caption = next(t.get_text() for t in figure.texts if t.get_text().startswith("Graph of "))
        assert caption.startswith("Graph of 2025-02-15 · Sources: ") and " article" in caption


def test_each_kind_differs_by_marker_as_well_as_by_a_colour_blind_safe_colour():
    from kg.palette import FAMILY_STYLE, KIND_STYLE

    okabe_ito = {"#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000"}
    tol_muted = {"#332288", "#882255", "#117733", "#DDCC77", "#AA4499"}
    greys_and_browns = {"#4D4D4D", "#999999", "#8C6D31", "#8D6E63", "#B0B7BF"}
    colours = {c for c, _ in KIND_STYLE.values()} | {c for c, _, _ in FAMILY_STYLE.values()}
    assert colours <= okabe_ito | tol_muted | greys_and_browns
    main_kinds = ("state", "agency", "intl", "group", "movement", "person", "meeting", "attack", "statement")
    assert len({KIND_STYLE[k][1] for k in main_kinds}) == len(main_kinds)
    assert len({(c, str(s)) for c, s, _ in FAMILY_STYLE.values()}) == len(FAMILY_STYLE)
