"""kg docs: the ontology as an HTML page and a figure, shipped up to date in docs/ontology/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.docs import main_classes, render_docs
from kg.vocab import CTKG

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology" / "ctkg.ttl"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    return render_docs(tmp_path_factory.mktemp("docs"))


def test_every_term_of_the_vocabulary_has_a_section_with_its_definition(rendered):
    page = rendered.index.read_text(encoding="utf-8")
    names = [name for name in CTKG.__annotations__ if not name.startswith("_")]
    missing = [name for name in names if f'<div class="term" id="{name}">' not in page]
    assert not missing
    assert "A relation from an actor to the organization, usually a state, on whose behalf it acts." in page


def test_terms_are_grouped_in_the_sections_of_the_ontology_file(rendered):
    page = rendered.index.read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="section-[^"]+">([^<]+)</h2>', page)
    assert headings[:3] == ["Actors", "Posts and roles", "Events: meetings, series, delegations, attacks"]
    assert page.index('id="State"') < page.index('id="Post"') < page.index('id="Attack"')


def test_a_property_shows_its_domain_range_and_inverse_as_links(rendered):
    page = rendered.index.read_text(encoding="utf-8")
    start = page.index('<div class="term" id="holdsPost">')
    section = page[start: page.index('<div class="term"', start + 1)]
    assert '<td>domain</td><td><a href="#Person">Person</a></td>' in section
    assert '<td>inverse of</td><td><a href="#heldBy">heldBy</a></td>' in section


def test_the_figure_draws_the_main_classes_and_the_properties_between_them(rendered):
    svg = rendered.figure.read_text(encoding="utf-8")
    for text in ("Actor", "Event", "Delegation", "actsFor", "ledBy", "participant"):
        assert f">{text}<" in svg or f"{text}\n" in svg or f">{text}\n" in svg, text
    assert 'src="classes.svg"' in rendered.index.read_text(encoding="utf-8")


def test_the_figure_covers_every_class_that_is_a_domain_or_range_of_an_object_property():
    ontology = Graph().parse(ONTOLOGY)
    classes, edges, _ = main_classes(ontology)
    assert {"Actor", "Person", "Event", "Attack", "Delegation", "Post", "Article"} <= set(classes)
    drawn = {name for _, _, names in edges for name in names.split(", ")}
    properties = {str(p).split("#")[1] for p in ontology.subjects(RDF.type, OWL.ObjectProperty)
                  if str(p).startswith(str(CTKG._NS))}
    inverses = {str(p).split("#")[1] for p in ontology.subjects(OWL.inverseOf, None) if str(p).startswith(str(CTKG._NS))}
    assert properties - drawn - inverses == {"topic"}   # its range, skos:Concept, is not a ctkg class


def test_the_docs_in_the_repository_are_rendered_from_the_current_ontology(rendered):
    shipped = ROOT / "docs" / "ontology"
    assert (shipped / "classes.svg").is_file()
    assert (shipped / "index.html").read_text(encoding="utf-8") == rendered.index.read_text(encoding="utf-8"), \
        "docs/ontology/ is stale: run kg docs"


def test_the_readme_links_to_the_ontology_docs():
    assert "docs/ontology/index.html" in (ROOT / "README.md").read_text(encoding="utf-8")
