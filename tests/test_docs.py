"""kg docs: the ontology as an HTML page and a figure, shipped up to date in docs/ontology/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, SKOS

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


def section_of(page: str, name: str) -> str:
    start = page.index(f'<div class="term" id="{name}">')
    return page[start: page.index('<div class="term"', start + 1)]


def test_classes_named_together_as_all_disjoint_are_shown_disjoint(rendered):
    ontology = Graph().parse(ONTOLOGY)
    group = next(ontology.subjects(RDF.type, OWL.AllDisjointClasses))
    from rdflib.collection import Collection

    first, second = list(Collection(ontology, ontology.value(group, OWL.members)))[:2]
    row = re.search(r"<td>disjoint with</td><td>(.*?)</td>", section_of(rendered.index.read_text(encoding="utf-8"),
                                                                         str(first).split("#")[1]))
    assert row and f'href="#{str(second).split("#")[1]}"' in row.group(1)


def test_a_property_chain_names_the_inverse_it_starts_with(rendered):
    section = section_of(rendered.index.read_text(encoding="utf-8"), "ledDelegationOf")
    assert ('<td>derived by the chain</td><td>the inverse of <a href="#ledBy">ledBy</a> then '
            '<a href="#delegationOf">delegationOf</a></td>') in section
    assert "anonymous" not in section


def test_close_matches_in_other_vocabularies_are_shown_as_links(rendered):
    section = section_of(rendered.index.read_text(encoding="utf-8"), "State")
    row = re.search(r"<td>close match</td><td>(.*?)</td>", section)
    assert row and '<a href="https://schema.org/Country">schema:Country</a>' in row.group(1)


def test_the_topic_scheme_is_rendered_as_a_tree_of_its_concepts(rendered):
    page = rendered.index.read_text(encoding="utf-8")
    topics = page[page.index('<h2 id="topics">'):]
    assert "Topics of counter-terrorism and homeland-security cooperation" in topics
    assert topics.index('id="topic-counter-terrorism"') < topics.index("</ul>", topics.index('id="topic-counter-terrorism"'))
    placed = re.findall(r'<li id="topic-([^"]+)"', topics)
    assert len(placed) == len(set(placed)) == len(set(Graph().parse(ROOT / "ontology" / "topics.ttl").subjects(
        RDF.type, SKOS.Concept)))
    assert re.search(r'<li>see <a href="#topic-narco-terrorism">', topics)


def test_the_page_states_the_license_and_how_to_cite(rendered):
    page = rendered.index.read_text(encoding="utf-8")
    assert '<h2 id="license-and-citation">' in page
    assert 'License: <a href="https://creativecommons.org/licenses/by/4.0/">' in page
    assert re.search(r"Cite as: ctkg: .*version 0\.1\.0.*https://w3id\.org/ctkg/ontology/0\.1\.0", page)
