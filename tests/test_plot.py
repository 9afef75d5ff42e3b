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
