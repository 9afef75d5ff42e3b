"""ontology (+ data) -> ReasonerReport: OWL 2 DL reasoning with HermiT, through owlready2.

`infer(ontology, data)` says whether the data is consistent with the ontology and returns what
HermiT derives from both that the input did not already hold: class memberships (every named
class an individual belongs to) and object property assertions (inverses, super-properties and
the chain that yields ctkg:ledDelegationOf). `check_ontology(ontology)` does the same for the
ontology on its own and lists its unsatisfiable classes.

When the input is inconsistent the report names the individuals involved. A fast static pass
looks for individuals typed (by assertion, domain or range) with two disjoint classes, for
functional data properties with two values, and for literals outside a property's range; one
HermiT run on those individuals' triples confirms it. Failing that, a QuickXplain search over the
data's subjects finds a minimal set of individuals whose descriptions clash (a few HermiT runs
per culprit). HermiT runs strictly (an unknown datatype is an error, as in Protege), so a literal
whose datatype is not in the OWL 2 datatype map (xsd:date, xsd:gYearMonth) reaches it as a plain
string of the same lexical form: domains and equal values still count, and the datatype is
the SHACL shapes' to check (the ontology gives such properties the range rdfs:Literal). After a
consistent run the static pass still checks them against functional properties and ranges.

Each HermiT run starts a JVM (1-3 s). Neither function raises for an inconsistent input: they
return the report, and `require_consistent` turns a bad report into kg.errors.InconsistentOntology
for the CLI.
"""
from __future__ import annotations

import itertools
import os
import tempfile
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import owlready2
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import InconsistentOntology, KgError
from kg.vocab import PREFIXES

from kg.paths import ONTOLOGY_DIR  # noqa: E402
ONTOLOGY_FILES = ("ctkg.ttl", "topics.ttl")
_INFERRED_BASE = "https://w3id.org/ctkg/graph/inferred#"
_META_CLASSES = {
    OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.Ontology,
    OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.TransitiveProperty,
    OWL.SymmetricProperty, OWL.AsymmetricProperty, OWL.ReflexiveProperty,
    OWL.IrreflexiveProperty, OWL.AllDisjointClasses, OWL.AllDifferent, OWL.Restriction,
    OWL.NamedIndividual, RDFS.Class, RDFS.Datatype, RDF.Property, RDF.List,
}
_ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.versionInfo}
_INTEGERS = {XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long,
             XSD.short, XSD.byte, XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort,
             XSD.unsignedByte, XSD.nonPositiveInteger, XSD.negativeInteger}
_LOWER_BOUND = {XSD.nonNegativeInteger: 0, XSD.positiveInteger: 1}
# The OWL 2 datatype map (OWL 2 Structural Specification, section 4): the datatypes HermiT accepts.
OWL2_DATATYPES = frozenset(str(d) for d in (
    RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal, OWL.real, OWL.rational, XSD.decimal, XSD.double,
    XSD.float, XSD.string, XSD.normalizedString, XSD.token, XSD.language, XSD.Name, XSD.NCName,
    XSD.NMTOKEN, XSD.boolean, XSD.hexBinary, XSD.base64Binary, XSD.anyURI, XSD.dateTime,
    XSD.dateTimeStamp, RDF.langString, *_INTEGERS))


@dataclass(frozen=True)
class ReasonerReport:
    consistent: bool
    inferred: Graph = field(compare=False)        # new triples only
    unsatisfiable: tuple[URIRef, ...] = ()        # classes equivalent to owl:Nothing
    culprits: tuple[URIRef, ...] = ()             # individuals involved in an inconsistency
    message: str = ""


# -- public API ---------------------------------------------------------------------------------

def ontology_graph(folder: Path = ONTOLOGY_DIR) -> Graph:
    """ontology/ctkg.ttl and ontology/topics.ttl parsed into one graph."""
    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(folder / name, format="turtle")
    return graph


def check_ontology(ontology: Graph) -> ReasonerReport:
    """Is the ontology (with its own individuals) consistent, and which classes are unsatisfiable?"""
    tbox, abox = split_individuals(ontology)
    return _reason(tbox, abox)


def infer(ontology: Graph, data: Graph) -> ReasonerReport:
    """Reason over ontology + data; the report's `inferred` holds only triples not in either."""
    return _reason(ontology, data)


def require_consistent(report: ReasonerReport, what: str = "the graph") -> ReasonerReport:
    """The report itself if consistent; otherwise raise InconsistentOntology with its message."""
    if not report.consistent:
        raise InconsistentOntology(f"{what}: {report.message}")
    return report


def split_individuals(graph: Graph) -> tuple[Graph, Graph]:
    """(axioms, individuals): the triples about individuals (subjects typed with a class that is
    not an OWL/RDFS built-in) go to the second graph, everything else to the first."""
    individuals = {s for s, o in graph.subject_objects(RDF.type)
                   if isinstance(s, URIRef) and o not in _META_CLASSES}
    terms = _META_CLASSES - {OWL.NamedIndividual}
    individuals -= {s for s, o in graph.subject_objects(RDF.type) if o in terms}
    tbox, abox = Graph(), Graph()
    for triple in graph:
        (abox if triple[0] in individuals else tbox).add(triple)
    return tbox, abox


# -- one reasoning run ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Run:
    consistent: bool
    inferred: Graph
    unsatisfiable: tuple[URIRef, ...]


def _reason(tbox: Graph, abox: Graph) -> ReasonerReport:
    run = _hermit((tbox, abox), infer_for=_individual_iris(abox))
    if not run.consistent:
        culprits, why = _diagnose(tbox, abox)
        return ReasonerReport(False, Graph(), (), culprits, why)
    # Dates (outside the OWL 2 datatype map) were not given to HermiT, so date values that break
    # a functional property or a range are found here instead.
    schema = _schema(tbox)
    clashes = _functional_clashes(schema, abox) + _literal_clashes(schema, abox)
    if clashes:
        return ReasonerReport(False, Graph(), (), *_clash_message(clashes))
    return ReasonerReport(True, run.inferred, run.unsatisfiable, (), _consistent_message(run))


def _hermit(parts: tuple[Graph, ...], infer_for: set[URIRef] | None = None) -> _Run:
    """Run HermiT in a fresh owlready2 World on the union of `parts` (the ontology first). With
    `infer_for`, also collect what it derives about those individuals; otherwise only check."""
    world = owlready2.World()
    try:
        inferred_onto = _load(world, parts)
        if not _sync(world, inferred_onto, infer_for is not None, sum(map(len, parts))):
            return _Run(False, Graph(), ())
        unsatisfiable = tuple(sorted(URIRef(c.iri) for c in world.inconsistent_classes()
                                     if c.iri != str(OWL.Nothing)))
        inferred = _new_triples(world, inferred_onto, parts, infer_for) if infer_for is not None else Graph()
        return _Run(True, inferred, unsatisfiable)
    finally:
        world.close()


def _load(world, parts: tuple[Graph, ...]):
    """Load the parts into `world` as one N-Triples file (owlready2 does not read Turtle), leaving
    out annotations (labels, definitions, SKOS links), which HermiT has no use for, and giving a
    literal of a datatype outside the OWL 2 datatype map (a date) as a string. Return the
    ontology that will receive the reasoner's conclusions."""
    annotations = {p for part in parts for p in part.subjects(RDF.type, OWL.AnnotationProperty)}
    skip = {f"<{p}>" for p in annotations | _ANNOTATIONS if isinstance(p, URIRef)}
    with tempfile.TemporaryDirectory(prefix="ctkg-reason-") as tmp:
        path = Path(tmp) / "input.nt"
        with path.open("w", encoding="utf-8") as out:
            for part in parts:
                for line in part.serialize(format="nt").splitlines(keepends=True):
                    fields = line.split(" ", 2)
                    if len(fields) == 3 and fields[1] not in skip:
                        out.write(f"{fields[0]} {fields[1]} {_owl2_value(fields[2])}")
        world.get_ontology(path.as_uri()).load()
    return world.get_ontology(_INFERRED_BASE)


def _owl2_value(nt_object: str) -> str:
    """An N-Triples object term (with the line's end) as HermiT may read it: a literal whose
    datatype is outside the OWL 2 datatype map becomes a plain string of the same lexical form."""
    if not nt_object.startswith('"') or '"^^<' not in nt_object:
        return nt_object
    lexical, rest = nt_object.rsplit('"^^<', 1)
    datatype, end = rest.split(">", 1)
    return nt_object if datatype in OWL2_DATATYPES else f'{lexical}"{end}'


def _sync(world, inferred_onto, infer_values: bool, size: int) -> bool:
    """Run HermiT; False if it finds the input inconsistent."""
    try:
        with inferred_onto, _quick_jvm():
            owlready2.sync_reasoner_hermit(world, infer_property_values=infer_values, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False
    except FileNotFoundError as error:   # no `java` on the PATH
        raise KgError("The reasoner (HermiT) needs Java, and no `java` program was found. Install a Java "
                      "runtime (Debian/Ubuntu: apt-get install default-jre-headless), or build with "
                      "--no-reason: the articles load, validate and query without it.") from error
    except owlready2.OwlReadyJavaError as error:
        raise KgError(f"The reasoner (HermiT, run with Java) failed on a graph of {size} triples: "
                      f"{str(error).strip()[:400]}\n  Check that Java runs (java -version) and that "
                      "the ontology parses as OWL 2.") from error
    return True


@contextmanager
def _quick_jvm():
    """JVM flags that halve HermiT's start-up on short runs, unless JDK_JAVA_OPTIONS is set already."""
    if "JDK_JAVA_OPTIONS" in os.environ:
        yield
        return
    os.environ["JDK_JAVA_OPTIONS"] = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
    try:
        yield
    finally:
        os.environ.pop("JDK_JAVA_OPTIONS", None)


def _new_triples(world, inferred_onto, parts: tuple[Graph, ...], nodes: set[URIRef]) -> Graph:
    """Class memberships (direct and indirect) of `nodes` and the property assertions HermiT
    derived, minus the triples of `parts`.

    owlready2 keeps only one direction of an inverse pair and HermiT lists no super-property
    values, so those are completed here from the ontology's owl:inverseOf and rdfs:subPropertyOf."""
    derived = {(s, p, o) for s, p, o in world.as_rdflib_graph().get_context(inferred_onto)
               if p != RDF.type and isinstance(s, URIRef) and isinstance(o, URIRef) and not _is_builtin(p)}
    found = _complete_properties(parts, derived)
    for node in nodes:
        entity = world[str(node)]
        if isinstance(entity, owlready2.Thing):
            found |= {(node, RDF.type, URIRef(c.iri)) for c in entity.INDIRECT_is_a
                      if isinstance(c, owlready2.ThingClass) and not _is_builtin(URIRef(c.iri))}
    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace)
    for triple in found:
        if not any(triple in part for part in parts):
            out.add(triple)
    return out


def _complete_properties(parts: tuple[Graph, ...], derived: set) -> set:
    """`derived` plus every assertion that follows from it and the given object property
    assertions by owl:inverseOf and rdfs:subPropertyOf (declared in the first part, the ontology)."""
    ontology = parts[0]
    object_props = set(ontology.subjects(RDF.type, OWL.ObjectProperty))
    supers = _closure(ontology, RDFS.subPropertyOf)
    inverse = defaultdict(set)
    for a, b in ontology.subject_objects(OWL.inverseOf):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            inverse[a].add(b)
            inverse[b].add(a)
    facts = set(derived)
    for part in parts:
        for prop in object_props:
            facts |= {(s, prop, o) for s, o in part.subject_objects(prop)
                      if isinstance(s, URIRef) and isinstance(o, URIRef)}
    todo = list(facts)
    while todo:
        s, p, o = todo.pop()
        for triple in [(s, q, o) for q in supers.get(p, ())] + [(o, q, s) for q in inverse.get(p, ())]:
            if triple not in facts:
                facts.add(triple)
                todo.append(triple)
    return facts


def _individual_iris(abox: Graph) -> set[URIRef]:
    """The IRIs the data describes or points at (not classes, not the rdf: reification links)."""
    nodes = {s for s in abox.subjects() if isinstance(s, URIRef)}
    nodes |= {o for p, o in abox.predicate_objects() if isinstance(o, URIRef) and not _is_builtin(p)}
    return nodes


def _is_builtin(iri: URIRef) -> bool:
    return str(iri).startswith((str(OWL), str(RDF), str(RDFS)))


def _consistent_message(run: _Run) -> str:
    text = f"consistent; {len(run.inferred)} new triples inferred."
    if run.unsatisfiable:
        names = ", ".join(qname(c) for c in run.unsatisfiable)
        text += (f" Unsatisfiable classes (nothing can belong to them): {names}."
                 " Fix their axioms in ontology/ctkg.ttl.")
    return text


def qname(node) -> str:
    """A short name for messages: ctkg:Person, id:person/x, or the IRI in <>."""
    text = str(node)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>" if isinstance(node, URIRef) else repr(node)


# -- naming the culprits --------------------------------------------------------------------------

def _diagnose(tbox: Graph, abox: Graph) -> tuple[tuple[URIRef, ...], str]:
    """The individuals involved in the inconsistency of tbox + abox, and a message naming them."""
    clashes = find_clashes(tbox, abox)
    if clashes:
        nodes = sorted({node for node, _ in clashes})
        if not _hermit((tbox, _neighbourhood(abox, nodes))).consistent:
            return _clash_message(clashes)
    if not _hermit((tbox,)).consistent:
        return (), ("inconsistent: the ontology is inconsistent on its own, before any data. "
                    "Check the axioms of ontology/ctkg.ttl with kg.reason.check_ontology.")
    nodes = _quickxplain(tbox, _units(abox))
    names = ", ".join(qname(n) for n in nodes)
    return tuple(nodes), (f"inconsistent: together, the descriptions of {names} contradict the "
                          f"ontology (a minimal set found by search).\n{_ADVICE}")


def _clash_message(clashes: list) -> tuple[tuple[URIRef, ...], str]:
    nodes = tuple(sorted({node for node, _ in clashes}))
    lines = "\n  ".join(text for _, text in clashes[:10])
    more = f"\n  ... and {len(clashes) - 10} more" if len(clashes) > 10 else ""
    return nodes, (f"inconsistent: {len(nodes)} individual(s) contradict the ontology.\n  "
                   f"{lines}{more}\n{_ADVICE}")


_ADVICE = ("  Correct or remove the facts about these individuals (kg explain shows the sentence each "
           "came from), or the axiom of ontology/ctkg.ttl that forbids them, then rebuild.")


def _neighbourhood(graph: Graph, nodes) -> Graph:
    """Every triple with one of `nodes` as subject or object."""
    out = Graph()
    for node in nodes:
        for triple in graph.triples((node, None, None)):
            out.add(triple)
        for triple in graph.triples((None, None, node)):
            out.add(triple)
    return out


def _units(abox: Graph) -> dict[object, Graph]:
    units: dict[object, Graph] = defaultdict(Graph)
    for triple in abox:
        units[triple[0]].add(triple)
    return dict(units)


def _quickxplain(tbox: Graph, units: dict[object, Graph]) -> list:
    """A minimal set of subjects whose triples, with tbox, are inconsistent (Junker's QuickXplain).
    Assumes tbox alone is consistent and tbox + all units is not."""
    def consistent(keys) -> bool:
        return _hermit((tbox, *(units[key] for key in keys))).consistent

    def search(background: list, changed: bool, candidates: list) -> list:
        if changed and not consistent(background):
            return []
        if len(candidates) == 1:
            return candidates
        half = len(candidates) // 2
        first, second = candidates[:half], candidates[half:]
        found_second = search(background + first, True, second)
        found_first = search(background + found_second, bool(found_second), first)
        return found_first + found_second

    keys = sorted(units, key=str)
    return [k for k in search([], False, keys) if isinstance(k, URIRef)] if keys else []


# -- the static pass ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Schema:
    supers: dict        # class -> set of named superclasses, itself included
    disjoint: set       # frozenset({A, B}) for each pair declared disjoint
    domain: dict        # property -> set of named domain classes (inherited from super-properties)
    range: dict         # object property -> set of named range classes
    data_range: dict    # datatype property -> (datatype, min, max)
    functional: set     # functional datatype properties


def find_clashes(ontology: Graph, data: Graph) -> list[tuple[URIRef, str]]:
    """(individual, explanation) for each contradiction visible without a reasoner: two disjoint
    types, two values of a functional data property, or a literal outside a property's range."""
    schema = _schema(ontology)
    clashes = _disjoint_clashes(schema, data)
    clashes += _functional_clashes(schema, data)
    clashes += _literal_clashes(schema, data)
    return clashes


def _schema(ontology: Graph) -> _Schema:
    supers = _closure(ontology, RDFS.subClassOf)
    super_props = _closure(ontology, RDFS.subPropertyOf)
    domain, range_ = defaultdict(set), defaultdict(set)
    described = set(ontology.subjects(RDFS.domain, None)) | set(ontology.subjects(RDFS.range, None))
    for prop in described | set(super_props):
        for ancestor in super_props.get(prop, {prop}):
            domain[prop] |= {c for c in ontology.objects(ancestor, RDFS.domain) if isinstance(c, URIRef)}
            range_[prop] |= {c for c in ontology.objects(ancestor, RDFS.range) if isinstance(c, URIRef)}
    data_props = set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    data_range = {p: _datatype(ontology, r) for p in data_props for r in ontology.objects(p, RDFS.range)}
    functional = data_props & set(ontology.subjects(RDF.type, OWL.FunctionalProperty))
    object_range = {p: c for p, c in range_.items() if p not in data_props}
    return _Schema(supers, _disjoint_pairs(ontology), dict(domain), object_range, data_range, functional)


def _closure(graph: Graph, predicate: URIRef) -> dict:
    """node -> every node reachable over `predicate` (named nodes only), itself included."""
    direct = defaultdict(set)
    for s, o in graph.subject_objects(predicate):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            direct[s].add(o)
    result = {}
    for start in list(direct):
        seen, todo = {start}, [start]
        while todo:
            for nxt in direct.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        result[start] = seen
    return result


def _disjoint_pairs(ontology: Graph) -> set:
    pairs = {frozenset((a, b)) for a, b in ontology.subject_objects(OWL.disjointWith)}
    for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in ontology.objects(node, OWL.members):
            pairs |= {frozenset(p) for p in itertools.combinations(Collection(ontology, members), 2)}
    return {p for p in pairs if len(p) == 2}


def _datatype(ontology: Graph, node) -> tuple:
    """(datatype, min, max) of a named datatype or an owl:onDatatype restriction."""
    if isinstance(node, URIRef):
        return node, _LOWER_BOUND.get(node), None
    base = ontology.value(node, OWL.onDatatype)
    low = high = None
    for facets in ontology.objects(node, OWL.withRestrictions):
        for facet in Collection(ontology, facets):
            low = ontology.value(facet, XSD.minInclusive, default=low)
            high = ontology.value(facet, XSD.maxInclusive, default=high)
    return base, _number(low), _number(high)


def _number(value):
    return value.toPython() if isinstance(value, Literal) else value


def _types(schema: _Schema, data: Graph) -> dict:
    """individual -> {class: reason} for asserted types and types implied by domains and ranges,
    closed upwards over the subclass hierarchy."""
    reasons: dict = defaultdict(dict)
    for s, p, o in data:
        if p == RDF.type and isinstance(o, URIRef):
            reasons[s].setdefault(o, "asserted")
            continue
        for cls in schema.domain.get(p, ()):
            reasons[s].setdefault(cls, f"subject of {qname(p)}")
        if not isinstance(o, Literal):
            for cls in schema.range.get(p, ()):
                reasons[o].setdefault(cls, f"object of {qname(p)} from {qname(s)}")
    closed: dict = {}
    for node, found in reasons.items():
        closed[node] = {}
        for cls, why in found.items():
            for ancestor in schema.supers.get(cls, {cls}):
                closed[node].setdefault(ancestor, (cls, why))
    return closed


def _disjoint_clashes(schema: _Schema, data: Graph) -> list:
    out = []
    for node, types in _types(schema, data).items():
        for pair in schema.disjoint:
            a, b = sorted(pair)
            if a in types and b in types:
                (ca, wa), (cb, wb) = types[a], types[b]
                out.append((node, f"{qname(node)} is a {qname(ca)} ({wa}) and a {qname(cb)} ({wb}); "
                                  f"{qname(a)} and {qname(b)} are disjoint."))
    return [(n, t) for n, t in out if isinstance(n, URIRef)]


def _functional_clashes(schema: _Schema, data: Graph) -> list:
    out = []
    for prop in schema.functional:
        values = defaultdict(set)
        for s, o in data.subject_objects(prop):
            values[s].add(o.toPython() if isinstance(o, Literal) else o)
        for node, found in values.items():
            if len(found) > 1:
                shown = ", ".join(sorted(str(v) for v in found))
                out.append((node, f"{qname(node)} has {len(found)} values of {qname(prop)} ({shown}), "
                                  "which allows one."))
    return out


def _literal_clashes(schema: _Schema, data: Graph) -> list:
    out = []
    for prop, (datatype, low, high) in schema.data_range.items():
        for s, o in data.subject_objects(prop):
            if isinstance(o, Literal) and not _fits(o, datatype, low, high):
                kind = o.datatype or (f"@{o.language}" if o.language else XSD.string)
                bounds = f" [{low}, {high}]" if high is not None else ""
                out.append((s, f"{qname(s)} has {qname(prop)} {o!s} ({qname(kind)}), outside its range "
                               f"{qname(datatype)}{bounds}."))
    return out


def _fits(value: Literal, datatype, low, high) -> bool:
    """Does the literal lie in the range? Unknown datatypes are given the benefit of the doubt."""
    given = value.datatype or (None if value.language else XSD.string)
    if datatype == XSD.string:
        return given == XSD.string
    if datatype in (XSD.date, XSD.boolean, XSD.dateTime):
        return given == datatype and not getattr(value, "ill_typed", False)
    if datatype in _INTEGERS | {XSD.decimal}:
        allowed = _INTEGERS | ({XSD.decimal} if datatype == XSD.decimal else set())
        if given not in allowed or getattr(value, "ill_typed", False):
            return False
        number = value.toPython()
        return (low is None or number >= low) and (high is None or number <= high)
    return True
