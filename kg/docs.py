"""The ontology as HTML documentation, with a figure of its main classes and properties.

    render_docs(Path("docs/ontology")) -> DocsResult(index, figure)

A small renderer in the manner of pyLODE, written here so that the docs need nothing beyond
rdflib, Jinja2 and matplotlib: one page, docs/ontology/index.html, with the ontology's header
(IRI, version, description), its namespaces, then every ctkg class, object property, datatype
property and named individual, in the sections of ontology/ctkg.ttl (Actors, Posts and roles,
Events ...), each with its label, definition, comments, super- and subterms, domain and range,
inverse, characteristics, property chains, disjoint classes (owl:disjointWith and
owl:AllDisjointClasses), close and exact matches in other vocabularies, and the properties that
use it; then the topic scheme (ontology/topics.ttl) as a tree of concepts; then the license and
how to cite, from the ontology's header. The figure, classes.svg, draws the
classes that are the domain or range of an object property, the object properties between them
and the subclass links among them. The output depends on the ontology only (no dates, sorted
throughout), so rebuilding unchanged docs changes no byte.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.vocab import CTKG, ONTOLOGY_IRI, PREFIXES

from kg.paths import ONTOLOGY_DIR, checkout_dir  # noqa: E402
ONTOLOGY_FILE = ONTOLOGY_DIR / "ctkg.ttl"
TOPICS_FILE = ONTOLOGY_DIR / "topics.ttl"
# In a checkout, the project's docs/ontology; in an installed package, docs/ontology of the folder
# kg runs in (the package's own folder is no place to write).
DOCS_DIR = (checkout_dir() or Path(".")) / "docs" / "ontology"
NS = str(CTKG._NS)
KINDS = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
         ("Datatype properties", OWL.DatatypeProperty), ("Named individuals", OWL.NamedIndividual))
CHARACTERISTICS = {OWL.FunctionalProperty: "functional", OWL.InverseFunctionalProperty: "inverse functional",
                   OWL.TransitiveProperty: "transitive", OWL.SymmetricProperty: "symmetric",
                   OWL.AsymmetricProperty: "asymmetric", OWL.IrreflexiveProperty: "irreflexive"}


@dataclass(frozen=True)
class DocsResult:
    index: Path
    figure: Path
    terms: int


@dataclass
class Term:
    """One ctkg term as the page shows it; the lists hold (text, link or '') pairs."""

    name: str
    iri: str
    kind: str
    label: str
    definition: str
    comments: list[str] = field(default_factory=list)
    rows: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)


def render_docs(out_dir: Path = DOCS_DIR, ontology_file: Path = ONTOLOGY_FILE,
                topics_file: Path = TOPICS_FILE) -> DocsResult:
    """Write index.html and classes.svg for the ontology (and its topic scheme) into `out_dir`."""
    ontology = Graph().parse(ontology_file)
    topics = Graph().parse(topics_file) if topics_file.is_file() else Graph()
    out_dir.mkdir(parents=True, exist_ok=True)
    figure = draw_classes(ontology, out_dir / "classes.svg")
    sections = _sections(ontology, ontology_file.read_text(encoding="utf-8"))
    html = _page(ontology, sections, figure.name, topic_scheme(topics))
    index = out_dir / "index.html"
    index.write_text(html, encoding="utf-8")
    return DocsResult(index, figure, sum(len(terms) for _, kinds in sections for _, terms in kinds))


# -- reading the ontology -----------------------------------------------------------------------


def _local(iri) -> str:
    return str(iri)[len(NS):] if str(iri).startswith(NS) else ""


def _text(graph: Graph, node, predicate) -> str:
    values = sorted(graph.objects(node, predicate), key=lambda v: (getattr(v, "language", None) != "en", str(v)))
    return _clean(values[0]) if values else ""


def _clean(value) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()


def _shown(graph: Graph, node) -> list[tuple[str, str]]:
    """A class expression as (text, link) pieces: a ctkg term links to its anchor, a union reads
    'A or B', another vocabulary's term is a prefixed name linking to its IRI."""
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is not None:
            pieces: list[tuple[str, str]] = []
            for i, member in enumerate(Collection(graph, members)):
                pieces += ([(" or ", "")] if i else []) + _shown(graph, member)
            return pieces
        base = graph.value(node, OWL.onDatatype)
        if base is not None:
            limits = [f"{_qname(p)} {o}" for p, o in _restrictions(graph, node)]
            return _shown(graph, base) + [(f" ({', '.join(limits)})", "")]
        inverse = graph.value(node, OWL.inverseOf)
        if inverse is not None:
            return [("the inverse of ", "")] + _shown(graph, inverse)
        return [("(an anonymous class)", "")]
    local = _local(node)
    if local:
        return [(local, f"#{local}")]
    return [(_qname(node), str(node))]


def _restrictions(graph: Graph, node) -> list:
    found = []
    for item in Collection(graph, graph.value(node, OWL.withRestrictions)):
        found += sorted(graph.predicate_objects(item))
    return found


def _qname(iri) -> str:
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(namespace) and prefix != "id":
            return f"{prefix}:{text[len(namespace):]}"
    return text


def _joined(graph: Graph, nodes) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    for i, node in enumerate(sorted(nodes, key=str)):
        pieces += ([(", ", "")] if i else []) + _shown(graph, node)
    return pieces


def _term(graph: Graph, iri: URIRef, kind: str) -> Term:
    term = Term(_local(iri), str(iri), kind, _text(graph, iri, RDFS.label), _text(graph, iri, SKOS.definition),
                sorted(_clean(c) for c in graph.objects(iri, RDFS.comment)))
    rows = term.rows
    if kind == "Classes":
        rows.append(("subclass of", _joined(graph, graph.objects(iri, RDFS.subClassOf))))
        rows.append(("subclasses", _joined(graph, graph.subjects(RDFS.subClassOf, iri))))
        rows.append(("disjoint with", _joined(graph, _disjoint(graph, iri))))
        rows.append(("properties of it", _joined(graph, _used_with(graph, iri, RDFS.domain))))
        rows.append(("values of", _joined(graph, _used_with(graph, iri, RDFS.range))))
        rows.append(("instances", _joined(graph, (s for s in graph.subjects(RDF.type, iri) if _local(s)))))
    elif kind in ("Object properties", "Datatype properties"):
        rows.append(("domain", _joined(graph, graph.objects(iri, RDFS.domain))))
        rows.append(("range", _joined(graph, graph.objects(iri, RDFS.range))))
        rows.append(("subproperty of", _joined(graph, graph.objects(iri, RDFS.subPropertyOf))))
        rows.append(("subproperties", _joined(graph, graph.subjects(RDFS.subPropertyOf, iri))))
        rows.append(("inverse of", _joined(graph, set(graph.objects(iri, OWL.inverseOf)) |
                                           set(graph.subjects(OWL.inverseOf, iri)))))
        kinds = sorted(name for cls, name in CHARACTERISTICS.items() if (iri, RDF.type, cls) in graph)
        rows.append(("characteristics", [(", ".join(kinds), "")] if kinds else []))
        chain = graph.value(iri, OWL.propertyChainAxiom)
        if chain is not None:
            pieces: list[tuple[str, str]] = []
            for i, step in enumerate(Collection(graph, chain)):
                pieces += ([(" then ", "")] if i else []) + _shown(graph, step)
            rows.append(("derived by the chain", pieces))
    else:
        rows.append(("instance of", _joined(graph, (t for t in graph.objects(iri, RDF.type)
                                                     if t != OWL.NamedIndividual))))
    rows.append(("exact match", _joined(graph, graph.objects(iri, SKOS.exactMatch))))
    rows.append(("close match", _joined(graph, graph.objects(iri, SKOS.closeMatch))))
    term.rows = [(name, value) for name, value in rows if value]
    return term


def _disjoint(graph: Graph, cls: URIRef) -> set:
    """The classes declared disjoint with `cls`: by owl:disjointWith either way, or as another
    member of an owl:AllDisjointClasses that lists it."""
    found = set(graph.objects(cls, OWL.disjointWith)) | set(graph.subjects(OWL.disjointWith, cls))
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(graph, graph.value(group, OWL.members)))
        if cls in members:
            found.update(member for member in members if member != cls)
    return found


@dataclass(frozen=True)
class Concept:
    """A concept of the topic scheme as the page shows it, with its narrower concepts."""

    name: str
    label: str
    alt_labels: tuple[str, ...]
    definition: str
    close_matches: tuple[tuple[str, str], ...]
    narrower: tuple["Concept", ...]
    shown_before: bool = False   # under another broader concept, earlier on the page: a link to it


def topic_scheme(topics: Graph) -> dict | None:
    """The topic scheme (title, definition, top concepts as trees), or None without one."""
    scheme = next(iter(sorted(topics.subjects(RDF.type, SKOS.ConceptScheme), key=str)), None)
    if scheme is None:
        return None

    placed: set = set()

    def concept(node) -> Concept:
        name, label = str(node).rsplit("/", 1)[-1], _text(topics, node, SKOS.prefLabel)
        if node in placed:
            return Concept(name, label, (), "", (), (), shown_before=True)
        placed.add(node)
        narrower = sorted(set(topics.objects(node, SKOS.narrower)) | set(topics.subjects(SKOS.broader, node)),
                          key=lambda n: _text(topics, n, SKOS.prefLabel))
        return Concept(name, label, tuple(sorted(_clean(a) for a in topics.objects(node, SKOS.altLabel))),
                       _text(topics, node, SKOS.definition),
                       tuple((_qname(m), str(m)) for m in sorted(topics.objects(node, SKOS.closeMatch), key=str)),
                       tuple(concept(n) for n in narrower))

    tops = sorted(set(topics.objects(scheme, SKOS.hasTopConcept)) | set(topics.subjects(SKOS.topConceptOf, scheme)),
                  key=lambda node: _text(topics, node, SKOS.prefLabel))
    return {"iri": str(scheme), "title": _text(topics, scheme, DCTERMS.title) or _text(topics, scheme, SKOS.prefLabel),
            "definition": _text(topics, scheme, SKOS.definition),
            "concepts": len(set(topics.subjects(RDF.type, SKOS.Concept))),
            "top": [concept(top) for top in tops]}


def citation(graph: Graph) -> str:
    """How to cite the ontology: its dcterms:bibliographicCitation, else one made from its title,
    version, date and version IRI."""
    ontology = URIRef(ONTOLOGY_IRI)
    stated = _text(graph, ontology, DCTERMS.bibliographicCitation)
    if stated:
        return stated
    version = str(graph.value(ontology, OWL.versionInfo) or "")
    date = str(graph.value(ontology, DCTERMS.modified) or graph.value(ontology, DCTERMS.created) or "")
    where = str(graph.value(ontology, OWL.versionIRI) or ONTOLOGY_IRI)
    parts = [_text(graph, ontology, DCTERMS.title) or "ctkg ontology",
             f"version {version}" if version else "", date]
    return ", ".join(part for part in parts if part) + f". {where}"


def _used_with(graph: Graph, cls: URIRef, position) -> set:
    """The properties whose domain (or range) is `cls` or a union that names it."""
    found = set()
    for prop, target in graph.subject_objects(position):
        if target == cls or (isinstance(target, BNode) and graph.value(target, OWL.unionOf) is not None
                             and cls in Collection(graph, graph.value(target, OWL.unionOf))):
            found.add(prop)
    return found


def _sections(graph: Graph, source: str) -> list[tuple[str, list[tuple[str, list[Term]]]]]:
    """The terms in the sections of the ontology file ('# -- Actors ---'), by kind and name."""
    section_of: dict[str, str] = {}
    order: list[str] = []
    current = "Other terms"
    for line in source.splitlines():
        heading = re.match(r"#\s*--\s*(.+?)\s*-{3,}\s*$", line)
        if heading:
            current = heading.group(1)
            continue
        declared = re.match(r"ctkg:(\w+)\s+a\s", line)
        if declared and declared.group(1) not in section_of:
            section_of[declared.group(1)] = current
            if current not in order:
                order.append(current)
    grouped: dict[str, dict[str, list[Term]]] = {}
    for kind, rdf_type in KINDS:
        for iri in sorted(set(graph.subjects(RDF.type, rdf_type)), key=str):
            name = _local(iri)
            if not name:
                continue
            section = section_of.get(name, "Other terms")
            if section not in order:
                order.append(section)
            grouped.setdefault(section, {}).setdefault(kind, []).append(_term(graph, iri, kind))
    return [(section, [(kind, grouped[section][kind]) for kind, _ in KINDS if kind in grouped[section]])
            for section in order if section in grouped]


# -- the figure ---------------------------------------------------------------------------------


def main_classes(graph: Graph) -> tuple[list[str], list[tuple[str, str, str]], list[tuple[str, str]]]:
    """(classes, property edges (domain, range, names), subclass edges) for the figure: the ctkg
    classes that are the domain or range of a ctkg object property; one edge per pair of
    classes, naming every property between them (of an inverse pair, the first by name)."""
    def named(node) -> list[str]:
        if isinstance(node, BNode) and graph.value(node, OWL.unionOf) is not None:
            return [n for member in Collection(graph, graph.value(node, OWL.unionOf)) for n in named(member)]
        return [_local(node)] if _local(node) else []

    edges: dict[tuple[str, str], list[str]] = {}
    skipped = set()
    for prop in sorted(graph.subjects(RDF.type, OWL.ObjectProperty), key=str):
        name = _local(prop)
        if not name or name in skipped:
            continue
        skipped |= {_local(i) for i in (*graph.objects(prop, OWL.inverseOf), *graph.subjects(OWL.inverseOf, prop))}
        for domain in graph.objects(prop, RDFS.domain):
            for range_ in graph.objects(prop, RDFS.range):
                for a in named(domain):
                    for b in named(range_):
                        edges.setdefault((a, b), []).append(name)
    classes = sorted({c for pair in edges for c in pair})
    subclass = sorted((_local(s), _local(o)) for s, o in graph.subject_objects(RDFS.subClassOf)
                      if _local(s) in classes and _local(o) in classes)
    return classes, [(a, b, ", ".join(names)) for (a, b), names in sorted(edges.items())], subclass


# Where the figure puts the classes it knows (x, y): actors on the left around ctkg:Actor, events
# on the right around ctkg:Event, statements, documents and legal actions below, provenance far
# left. A class the ontology adds later goes in a row along the bottom.
POSITIONS = {
    "Actor": (0, 0), "Organization": (-4, -1.5), "State": (-4, -4.5), "Place": (0, -6),
    "Person": (-4, 3), "Post": (-8, 1), "Delegation": (0, 4.5),
    "Event": (5, 2), "Meeting": (3, 5.5), "EventSeries": (9, 5), "EventStatus": (9, 2),
    "Attack": (2.8, -1.8), "LegalAction": (0.5, -3.6),
    "Statement": (8.5, -1), "CallToAct": (11.5, -3), "Reaction": (11.5, 1),
    "Document": (7, -5), "Agreement": (10.5, -6.5),
    "Article": (-8, -4), "Sentence": (-8, -7),
}


def draw_classes(graph: Graph, path: Path) -> Path:
    """Draw the main classes and the object properties between them into an SVG file."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    classes, edges, subclass = main_classes(graph)
    positions = {name: POSITIONS[name] for name in classes if name in POSITIONS}
    for i, name in enumerate(n for n in classes if n not in POSITIONS):
        positions[name] = (-8 + 3.5 * i, -9.5)
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "ctkg"})
    figure, axes = plt.subplots(figsize=(17, 13))
    axes.set_axis_off()
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    axes.set_xlim(min(xs) - 1.5, max(xs) + 1.5)
    axes.set_ylim(min(ys) - 1.2, max(ys) + 1.2)
    arrow = {"shrinkA": 24, "shrinkB": 24, "mutation_scale": 14}
    for child, parent in subclass:
        axes.annotate("", xy=positions[parent], xytext=positions[child],
                      arrowprops={**arrow, "arrowstyle": "-|>", "color": "#9a9a9a", "linestyle": "--", "lw": 1.2,
                                  "fc": "white", "mutation_scale": 20})
    for a, b, names in edges:
        (xa, ya), (xb, yb) = positions[a], positions[b]
        label = names.replace(", ", "\n")
        if a == b:
            axes.text(xa, ya - 0.55, f"↻ {names}", ha="center", va="top", fontsize=8, color="#1f5f8b")
            continue
        axes.annotate("", xy=(xb, yb), xytext=(xa, ya),
                      arrowprops={**arrow, "arrowstyle": "-|>", "color": "#1f5f8b", "lw": 1.0,
                                  "connectionstyle": "arc3,rad=0.12"})
        # the label sits on the curve's middle: the chord's midpoint moved along its normal
        mx, my = (xa + xb) / 2 - 0.12 * (yb - ya) / 2, (ya + yb) / 2 + 0.12 * (xb - xa) / 2
        axes.text(mx, my, label, ha="center", va="center", fontsize=8, color="#1f5f8b",
                  bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85})
    for name in classes:
        axes.text(*positions[name], name, ha="center", va="center", fontsize=11, fontweight="bold",
                  bbox={"boxstyle": "round,pad=0.45", "fc": "#fff4d6", "ec": "#b07d00"})
    axes.set_title("ctkg: main classes (boxes), object properties (blue arrows, domain → range) and "
                   "subclass links (grey dashed arrows, to the superclass)", fontsize=12)
    figure.tight_layout()
    figure.savefig(path, format="svg", metadata={"Date": None})
    plt.close(figure)
    return path


# -- the page -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #222; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #b07d00; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { color: #6b4c00; } code { background: #f4f4f4; padding: 0 .2rem; }
.term { border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; }
.term h4 { margin: 0 0 .3rem 0; font-size: 1.1rem; } .iri { font-size: .85rem; color: #555; }
.term table { border-collapse: collapse; margin-top: .4rem; } .term td { padding: .1rem .8rem .1rem 0; vertical-align: top; }
.term td:first-child { color: #555; white-space: nowrap; } .comment { font-size: .92rem; color: #444; }
table.ns td { padding: .1rem 1rem .1rem 0; } nav ul { columns: 2; } figure img { width: 100%; border: 1px solid #ddd; }
</style>
</head>
<body>
<h1>{{ title }}</h1>
<table class="ns">
<tr><td>IRI</td><td><code>{{ iri }}</code></td></tr>
{% if version_iri %}<tr><td>Version IRI</td><td><code>{{ version_iri }}</code></td></tr>{% endif %}
{% if version %}<tr><td>Version</td><td>{{ version }}</td></tr>{% endif %}
{% if created %}<tr><td>Created</td><td>{{ created }}</td></tr>{% endif %}
{% if modified %}<tr><td>Modified</td><td>{{ modified }}</td></tr>{% endif %}
<tr><td>Source</td><td><code>ontology/ctkg.ttl</code>; JSON-LD context <code>ontology/context.jsonld</code></td></tr>
<tr><td>License</td><td>{% if license %}<a href="{{ license }}">{{ license }}</a>{% else %}none stated in the ontology{% endif %}</td></tr>
</table>
<p>{{ description }}</p>
{% for comment in comments %}<p class="comment">{{ comment }}</p>{% endfor %}
<figure><img src="{{ figure }}" alt="The main classes of ctkg and the object properties between them">
<figcaption>The classes that are the domain or range of an object property, with those properties
(domain → range; of an inverse pair, one is drawn) and the subclass links among them.</figcaption></figure>
<h2 id="namespaces">Namespaces</h2>
<table class="ns">{% for prefix, namespace in namespaces %}<tr><td><code>{{ prefix }}:</code></td><td><code>{{ namespace }}</code></td></tr>{% endfor %}</table>
<h2 id="contents">Contents</h2>
<nav><ul>{% for section, kinds in sections %}<li><a href="#{{ section | anchor }}">{{ section }}</a>
<ul>{% for kind, terms in kinds %}<li>{{ kind }}: {% for term in terms %}<a href="#{{ term.name }}">{{ term.name }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</li>{% endfor %}</ul></li>
{% endfor %}{% if topics %}<li><a href="#topics">Topic scheme</a></li>{% endif %}
<li><a href="#license-and-citation">License and how to cite</a></li></ul></nav>
{% for section, kinds in sections %}
<h2 id="{{ section | anchor }}">{{ section }}</h2>
{% for kind, terms in kinds %}<h3>{{ kind }}</h3>
{% for term in terms %}<div class="term" id="{{ term.name }}">
<h4>{{ term.name }}{% if term.label %} <span style="font-weight:normal">({{ term.label }})</span>{% endif %}</h4>
<div class="iri"><code>{{ term.iri }}</code></div>
{% if term.definition %}<p>{{ term.definition }}</p>{% endif %}
{% for comment in term.comments %}<p class="comment">{{ comment }}</p>{% endfor %}
{% if term.rows %}<table>{% for name, pieces in term.rows %}<tr><td>{{ name }}</td><td>{% for text, link in pieces %}{% if link %}<a href="{{ link }}">{{ text }}</a>{% else %}{{ text }}{% endif %}{% endfor %}</td></tr>{% endfor %}</table>{% endif %}
</div>
{% endfor %}{% endfor %}{% endfor %}
{% macro tree(concepts) %}<ul>{% for concept in concepts %}{% if concept.shown_before %}<li>see <a href="#topic-{{ concept.name }}">{{ concept.label }}</a></li>
{% else %}<li id="topic-{{ concept.name }}"><b>{{ concept.label }}</b>{% if concept.alt_labels %} <span class="comment">(also: {{ concept.alt_labels | join(", ") }})</span>{% endif %}{% if concept.definition %}: {{ concept.definition }}{% endif %}{% if concept.close_matches %} <span class="comment">close match: {% for text, link in concept.close_matches %}<a href="{{ link }}">{{ text }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</span>{% endif %}
{% if concept.narrower %}{{ tree(concept.narrower) }}{% endif %}</li>
{% endif %}{% endfor %}</ul>{% endmacro %}
{% if topics %}<h2 id="topics">Topic scheme</h2>
<p><b>{{ topics.title }}</b> <code>{{ topics.iri }}</code> (ontology/topics.ttl, {{ topics.concepts }} concepts, a SKOS concept scheme). {{ topics.definition }}
The broader concepts are the top level; each narrower concept sits under its broader one.</p>
{{ tree(topics.top) }}
{% endif %}
<h2 id="license-and-citation">License and how to cite</h2>
<p>License: {% if license %}<a href="{{ license }}">{{ license }}</a>{% else %}none stated in the ontology (dcterms:license).{% endif %}</p>
<p>Cite as: {{ citation }}</p>
<p class="comment">Generated from ontology/ctkg.ttl and ontology/topics.ttl by <code>kg docs</code>.</p>
</body>
</html>
"""


def _page(graph: Graph, sections, figure_name: str, topics: dict | None = None) -> str:
    environment = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    environment.filters["anchor"] = lambda text: "section-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    ontology = URIRef(ONTOLOGY_IRI)
    namespaces = sorted((p, n) for p, n in {**PREFIXES, "ctkg": NS}.items() if p != "id")
    namespaces.insert(0, ("id", PREFIXES["id"] + "  (individuals; KG_BASE_IRI sets another base)"))
    return environment.from_string(PAGE).render(
        title=_text(graph, ontology, DCTERMS.title) or "ctkg ontology",
        iri=ONTOLOGY_IRI,
        version_iri=str(graph.value(ontology, OWL.versionIRI) or ""),
        version=str(graph.value(ontology, OWL.versionInfo) or ""),
        created=str(graph.value(ontology, DCTERMS.created) or ""),
        modified=str(graph.value(ontology, DCTERMS.modified) or ""),
        description=_text(graph, ontology, DCTERMS.description),
        comments=sorted(_clean(c) for c in graph.objects(ontology, RDFS.comment) if isinstance(c, Literal)),
        namespaces=namespaces,
        sections=sections,
        figure=figure_name,
        topics=topics,
        license=str(graph.value(ontology, DCTERMS.license) or ""),
        citation=citation(graph),
    )


__all__ = ["DOCS_DIR", "DocsResult", "draw_classes", "main_classes", "render_docs"]
