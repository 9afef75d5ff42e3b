"""ontology/shapes.ttl: well-formed SHACL, a message on every constraint, and for each shape a
small graph that passes and graphs that fail with the message an analyst should read."""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH

from kg.validate import validate, validate_shapes_graph
from kg.vocab import CTKG

SHAPES_FILE = Path(__file__).resolve().parent.parent / "ontology" / "shapes.ttl"
SHAPES_NS = "https://w3id.org/ctkg/shapes#"
I = "https://w3id.org/ctkg/id/"  # noqa: E741 - the id: prefix, short so the cases stay readable

HEADER = """
@prefix ctkg: <https://w3id.org/ctkg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf:  <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
"""


def turtle_graph(turtle: str) -> Graph:
    """Parse a case; `id:state/india` is written as in docs/design.md and expanded here, since
    Turtle does not allow '/' in a prefixed name."""
    expanded = re.sub(r"\bid:([A-Za-z0-9_/.-]*[A-Za-z0-9_-])", rf"<{I}\1>", turtle)
    return Graph().parse(format="turtle", data=HEADER + expanded)


# What reference data and earlier articles say about the entities the cases point at.
CONTEXT = turtle_graph("""
id:state/india a ctkg:State ; skos:prefLabel "India"@en .
id:state/united-states a ctkg:State ; skos:prefLabel "United States"@en .
id:state/pakistan a ctkg:State ; skos:prefLabel "Pakistan"@en .
id:agency/ministry-of-home-affairs a ctkg:GovernmentAgency ; skos:prefLabel "Ministry of Home Affairs"@en .
id:agency/fletc a ctkg:GovernmentAgency ; skos:prefLabel "Federal Law Enforcement Training Centers"@en .
id:group/lashkar-e-taiba a ctkg:TerroristGroup ; skos:prefLabel "Lashkar-e-Taiba"@en .
id:place/new-delhi a ctkg:Place ; skos:prefLabel "New Delhi"@en .
id:place/pathankot a ctkg:Place ; skos:prefLabel "Pathankot"@en .
id:news/press-trust-of-india a ctkg:NewsAgency ; skos:prefLabel "Press Trust of India"@en .
id:series/hsd a ctkg:EventSeries ; skos:prefLabel "India-US Homeland Security Dialogue"@en .
id:event/attack/2008-mumbai a ctkg:Attack ; skos:prefLabel "2008 Mumbai attacks"@en ;
    ctkg:startDate "2008-11-26"^^xsd:date .
id:event/meeting/hsd-2023 a ctkg:Dialogue .
id:event/meeting/hsd-2024 a ctkg:Dialogue .
id:event/meeting/hsd-2024/delegation/india a ctkg:Delegation .
id:event/statement/js a ctkg:JointStatement .
id:person/ajay-bhalla a ctkg:Person ; skos:prefLabel "Ajay Bhalla"@en ; ctkg:actsFor id:state/india .
id:person/tahawwur-rana a ctkg:Person ; skos:prefLabel "Tahawwur Hussain Rana"@en .
id:person/zahid-chaudhri a ctkg:Person ; skos:prefLabel "Zahid Hafeez Chaudhri"@en ;
    ctkg:actsFor id:state/pakistan .
""")

# The article and sentence every extracted fact in a case is derived from.
PROVENANCE = """
id:article/a1 a ctkg:Article ; ctkg:fileName "a1.txt" ;
    ctkg:contentHash "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    ctkg:published "2024-02-28"^^xsd:date ; ctkg:publisher id:news/press-trust-of-india ;
    ctkg:dateline id:place/new-delhi ; ctkg:dateMethod "dateline day and month; year from the weekday" .
id:article/a1/s0 a ctkg:Sentence ; ctkg:inArticle id:article/a1 ; ctkg:sentenceIndex 0 ;
    ctkg:startChar 0 ; ctkg:endChar 38 ; ctkg:text "The delegation was led by Ajay Bhalla." .
"""
UNTRACKED = {CTKG.Article, CTKG.Sentence, CTKG.Assertion}


def dated_by(article_key: str, start: str, end: str) -> str:
    """Assertions that the sentence s0 of article `article_key` states the meeting's start and end."""
    facts = []
    for predicate, value in (("startDate", start), ("endDate", end)):
        key = hashlib.sha1(f"{article_key} {predicate} {value}".encode()).hexdigest()
        facts.append(f'<{I}fact/{key}> a ctkg:Assertion ; rdf:subject id:event/meeting/hsd-2024 ; '
                     f'rdf:predicate ctkg:{predicate} ; rdf:object "{value}"^^xsd:date ; '
                     f'prov:wasDerivedFrom id:article/{article_key}/s0 ; ctkg:extractedBy "meeting-date" ; '
                     f'ctkg:confidence 0.8 .')
    return "\n" + "\n".join(facts)


SECOND_REPORT = PROVENANCE.replace("article/a1", "article/a2").replace('"a1.txt"', '"a2.txt"')


def article(turtle: str, *, provenance: bool = True) -> Graph:
    """The case as an article graph; with provenance, each typed IRI gets an Assertion of its type."""
    graph = turtle_graph(turtle)
    if provenance:
        for node, cls in list(graph.subject_objects(RDF.type)):
            if isinstance(node, URIRef) and cls not in UNTRACKED:
                add_assertion(graph, node, RDF.type, cls)
        graph += turtle_graph(PROVENANCE)
    return graph


def add_assertion(graph: Graph, s, p, o) -> None:
    fact = URIRef(I + "fact/" + hashlib.sha1(f"{s} {p} {o}".encode()).hexdigest())
    graph.add((fact, RDF.type, CTKG.Assertion))
    graph.add((fact, RDF.subject, s))
    graph.add((fact, RDF.predicate, p))
    graph.add((fact, RDF.object, o))
    graph.add((fact, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), URIRef(I + "article/a1/s0")))
    graph.add((fact, CTKG.extractedBy, Literal("test-rule")))
    graph.add((fact, CTKG.confidence, Literal(Decimal("0.9"))))


def messages(turtle: str, *, provenance: bool = True) -> list[str]:
    return [v.message for v in validate(article(turtle, provenance=provenance), context=CONTEXT).violations]


# -- the shapes graph itself --------------------------------------------------------------------


def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def test_shapes_graph_conforms_to_shacl_for_shacl():
    report = validate_shapes_graph()
    assert report.conforms, report.text


def test_shacl_for_shacl_check_rejects_a_malformed_shape():
    broken = Graph().parse(format="turtle", data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
        ex:BrokenShape a sh:NodeShape ; sh:targetClass ex:Thing ;
            sh:property [ sh:path ex:name ; sh:minCount "one" ] .""")
    report = validate_shapes_graph(broken)
    assert not report.conforms
    assert any(v.path == str(SH.minCount) for v in report.violations)


def test_every_node_shape_has_a_message_directly_or_on_each_of_its_constraints():
    graph = shapes_graph()
    silent = []
    for shape in graph.subjects(RDF.type, SH.NodeShape):
        parts = list(graph.objects(shape, SH.property)) + list(graph.objects(shape, SH.sparql))
        if (shape, SH.message, None) not in graph and not (
                parts and all((part, SH.message, None) in graph for part in parts)):
            silent.append(shape)
    assert silent == []


def test_every_property_shape_and_sparql_constraint_has_a_message():
    graph = shapes_graph()
    constrained = set(graph.objects(None, SH.property)) | set(graph.objects(None, SH.sparql))
    assert [node for node in constrained if (node, SH.message, None) not in graph] == []


def test_every_message_names_its_focus_node():
    graph = shapes_graph()
    assert [str(m) for m in graph.objects(None, SH.message) if "{$this}" not in str(m)] == []


def test_each_class_shape_is_named_for_its_class():
    graph = shapes_graph()
    misnamed = []
    for shape in graph.subjects(RDF.type, SH.NodeShape):
        classes = list(graph.objects(shape, SH.targetClass))
        name = SHAPES_NS + str(classes[0]).split("#")[-1] + "Shape" if len(classes) == 1 else None
        if name and str(shape) != name and not str(shape).startswith(name + "-"):
            misnamed.append(str(shape))
    assert misnamed == []


def test_every_ctkg_term_the_shapes_use_is_in_the_vocabulary():
    text = SHAPES_FILE.read_text(encoding="utf-8")
    unknown = {term for term in re.findall(r"\bctkg:([A-Za-z]+)", text) if not hasattr(CTKG, term)}
    assert unknown == set()


# -- one passing graph per shape ----------------------------------------------------------------

MEETING = """
id:event/meeting/hsd-2024 a ctkg:Dialogue ;
    skos:prefLabel "India-US Homeland Security Dialogue (February 2024)" ;
    ctkg:inSeries id:series/hsd ; ctkg:sessionNumber 17 ;
    ctkg:startDate "2024-02-27"^^xsd:date ; ctkg:endDate "2024-02-29"^^xsd:date ;
    ctkg:place id:place/new-delhi ; ctkg:participant id:state/india, id:state/united-states ;
    ctkg:coChair id:person/ajay-bhalla ; ctkg:namesGroup id:group/lashkar-e-taiba ;
    ctkg:eventStatus ctkg:Held ; ctkg:hasDelegation id:event/meeting/hsd-2024/delegation/india ;
    ctkg:previousSession id:event/meeting/hsd-2023 .
"""
DELEGATION = """
id:event/meeting/hsd-2024/delegation/india a ctkg:Delegation ; ctkg:delegationOf id:state/india ;
    ctkg:ledBy id:person/ajay-bhalla ; ctkg:atEvent id:event/meeting/hsd-2024 .
"""
ATTACK = """
id:event/attack/2016-pathankot a ctkg:Attack ; skos:prefLabel "2016 Pathankot attack" ;
    ctkg:startDate "2016-01-02"^^xsd:date ; ctkg:place id:place/pathankot ;
    ctkg:perpetrator id:group/lashkar-e-taiba ; ctkg:attributedTo id:state/pakistan ; ctkg:killed 7 .
"""
POST = """
id:post/ajay-bhalla/union-home-secretary a ctkg:Post ; ctkg:title "Union Home Secretary" ;
    ctkg:heldBy id:person/ajay-bhalla ; ctkg:postState id:state/india ;
    ctkg:postIn id:agency/ministry-of-home-affairs ; ctkg:attestedOn "2024-02-28"^^xsd:date .
"""
STATEMENT = """
id:event/statement/india-us a ctkg:JointStatement ; ctkg:issuedBy id:state/india, id:state/united-states ;
    ctkg:published "2020-09-11"^^xsd:date ; ctkg:issuedAt id:event/meeting/hsd-2024 ;
    ctkg:namesGroup id:group/lashkar-e-taiba ; ctkg:refersToAttack id:event/attack/2008-mumbai .
"""
REACTION = """
id:event/reaction/pakistan a ctkg:Reaction ; ctkg:issuedBy id:state/pakistan ;
    ctkg:spokesperson id:person/zahid-chaudhri ; ctkg:respondsTo id:event/statement/js ;
    ctkg:stance "one-sided, misleading" ; ctkg:published "2020-09-12"^^xsd:date .
"""
CALL = """
id:event/call/pakistan a ctkg:CallToAct ; ctkg:issuedBy id:state/india, id:state/united-states ;
    ctkg:calledOn id:state/pakistan ; ctkg:partOf id:event/statement/js ;
    ctkg:demand "take immediate, sustained and irreversible action" .
"""
EXTRADITION = """
id:event/extradition/tahawwur-rana a ctkg:Extradition ; ctkg:targetPerson id:person/tahawwur-rana ;
    ctkg:actingState id:state/united-states ; ctkg:requestingState id:state/india ;
    ctkg:concernsAttack id:event/attack/2008-mumbai ; ctkg:legalStatus "approved" .
"""
ARREST = """
id:event/arrest/tahawwur-rana a ctkg:Arrest ; ctkg:targetPerson id:person/tahawwur-rana ;
    ctkg:actingState id:state/united-states .
"""
AGREEMENT = """
id:document/moc-fletc-mha a ctkg:MemorandumOfCooperation ; skos:prefLabel "MoC between FLETC and MHA" ;
    ctkg:party id:agency/fletc, id:agency/ministry-of-home-affairs ; ctkg:signatory id:person/ajay-bhalla ;
    ctkg:signedAt id:event/meeting/hsd-2024 ; ctkg:published "2024-02-28"^^xsd:date .
"""
DOCUMENT = """
id:document/country-reports a ctkg:Document ; skos:altLabel "Country Reports on Terrorism" ;
    ctkg:referencedIn id:event/meeting/hsd-2024 .
"""
RESOLUTION = """
id:document/unsc-resolution-2396 a ctkg:UNSCResolution ; ctkg:resolutionNumber 2396 ;
    ctkg:referencedIn id:event/meeting/hsd-2024 .
"""
ARTICLE = """
id:article/b2 a ctkg:Article ; ctkg:fileName "b2.txt" ;
    ctkg:contentHash "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" ;
    ctkg:publisher id:news/press-trust-of-india ; ctkg:dateline id:place/new-delhi .
"""
SENTENCE = """
id:article/a1/s1 a ctkg:Sentence ; ctkg:inArticle id:article/a1 ; ctkg:sentenceIndex 1 ;
    ctkg:startChar 39 ; ctkg:endChar 80 ; ctkg:text "Both sides reviewed ongoing cooperation." .
"""
FACT = I + "fact/" + "0" * 40
ASSERTION = f"""
<{FACT}> a ctkg:Assertion ; rdf:subject id:person/ajay-bhalla ; rdf:predicate ctkg:actsFor ;
    rdf:object id:state/india ; prov:wasDerivedFrom id:article/a1/s0 ;
    ctkg:extractedBy "delegation-led-by" ; ctkg:confidence 0.85 .
"""

PASSING = {
    "StateShape": 'id:state/nepal a ctkg:State ; skos:prefLabel "Nepal"@en ; skos:altLabel "Nepal Adhirajya" .',
    "GovernmentAgencyShape": """id:agency/nia a ctkg:GovernmentAgency ; skos:prefLabel "National Investigation Agency" ;
        skos:altLabel "NIA" ; ctkg:subOrganizationOf id:agency/ministry-of-home-affairs .""",
    "InternationalOrganizationShape": 'id:intl/un-security-council a ctkg:InternationalOrganization ; '
                                      'skos:prefLabel "UN Security Council"@en .',
    "TerroristGroupShape": 'id:group/jaish-e-mohammed a ctkg:TerroristGroup ; skos:prefLabel "Jaish-e-Mohammed" .',
    "SeparatistMovementShape": 'id:movement/khalistan-movement a ctkg:SeparatistMovement ; '
                               'skos:prefLabel "Khalistan movement" .',
    "NewsAgencyShape": 'id:news/asian-news-international a ctkg:NewsAgency ; skos:prefLabel "ANI" .',
    "PersonShape": """id:person/kristie-canegallo a ctkg:Person ; skos:prefLabel "Kristie Canegallo" ;
        ctkg:actsFor id:state/united-states ; ctkg:holdsPost id:post/kristie-canegallo/deputy-secretary .
        id:post/kristie-canegallo/deputy-secretary a ctkg:Post ; ctkg:title "acting deputy secretary" ;
        ctkg:heldBy id:person/kristie-canegallo .""",
    "PlaceShape": 'id:place/washington-dc a ctkg:Place ; skos:prefLabel "Washington, DC" .',
    "EventSeriesShape": 'id:series/ctjwg a ctkg:EventSeries ; skos:prefLabel "Joint Working Group on Counter-Terrorism" .',
    "PostShape": POST,
    "MeetingShape": MEETING,
    "MeetingShape (planned, no date)": """id:event/meeting/hsd-2025 a ctkg:Dialogue ;
        ctkg:eventStatus ctkg:Planned ; ctkg:participant id:state/india .""",
    "MeetingShape (date unknown)": """id:event/meeting/hsd-2023 a ctkg:Dialogue ;
        ctkg:dateUnknown true ; ctkg:participant id:state/india .""",
    "DelegationShape": DELEGATION,
    "AttackShape": ATTACK,
    "AttackShape (date unknown)": 'id:event/attack/x a ctkg:Attack ; ctkg:dateUnknown true .',
    "StatementShape": STATEMENT,
    "JointStatementShape": STATEMENT,
    "ReactionShape": REACTION,
    "CallToActShape": CALL,
    "LegalActionShape": EXTRADITION,
    "ExtraditionShape": EXTRADITION,
    "ArrestShape": ARREST,
    "DocumentShape": DOCUMENT,
    "AgreementShape": AGREEMENT,
    "UNSCResolutionShape": RESOLUTION,
    "ArticleShape": ARTICLE,
    "SentenceShape": SENTENCE,
    "AssertionShape": ASSERTION,
    "ProvenanceShape": POST,
    # competing claims: two values of a date, a toll or a status are kept, not refused
    "MeetingShape (two reported start and end dates)": MEETING.replace(
        'ctkg:startDate "2024-02-27"^^xsd:date ; ctkg:endDate "2024-02-29"^^xsd:date',
        'ctkg:startDate "2024-02-27"^^xsd:date, "2024-02-28"^^xsd:date ; ctkg:endDate "2024-02-29"^^xsd:date, "2024-03-01"^^xsd:date'),
    "AttackShape (two reported tolls and dates)": ATTACK.replace("ctkg:killed 7", "ctkg:killed 7, 8").replace(
        '"2016-01-02"^^xsd:date', '"2016-01-02"^^xsd:date, "2016-01-01"^^xsd:date'),
    "AssertionShape (attributed and hedged)": ASSERTION.replace(
        "ctkg:confidence 0.85", 'ctkg:confidence 0.64 ; ctkg:accordingTo id:state/india ; ctkg:hedge "alleged"'),
    "MeetingShape (two reports, the second's start after the first's end)":
        'id:event/meeting/hsd-2024 a ctkg:Dialogue ; ctkg:participant id:state/india ; ctkg:startDate "2024-02-26"^^xsd:date, "2024-02-28"^^xsd:date ; '
          'ctkg:endDate "2024-02-27"^^xsd:date, "2024-02-29"^^xsd:date .'
        + dated_by("a1", "2024-02-26", "2024-02-27") + dated_by("a2", "2024-02-28", "2024-02-29") + SECOND_REPORT,
    "LegalActionShape (two reported statuses)": EXTRADITION.replace('"approved"', '"approved", "appeal dismissed"'),
}


@pytest.mark.parametrize("turtle", PASSING.values(), ids=PASSING.keys())
def test_a_well_formed_graph_passes(turtle):
    assert messages(turtle) == []


def test_every_class_shape_has_a_passing_case():
    graph = shapes_graph()
    shapes = {str(s).removeprefix(SHAPES_NS).split("-")[0] for s in graph.subjects(RDF.type, SH.NodeShape)}
    assert shapes - {name.split(" ")[0] for name in PASSING} == set()


# -- failing graphs, one per shape behaviour ----------------------------------------------------

M = I + "event/meeting/hsd-2024"
D = I + "event/meeting/hsd-2024/delegation/india"
A = I + "event/attack/2016-pathankot"
P = I + "post/ajay-bhalla/union-home-secretary"
S = I + "event/statement/india-us"
MINIMAL_MEETING = 'id:event/meeting/hsd-2024 a ctkg:Dialogue ; ctkg:participant id:state/india ; '


def case(shape_behaviour: str, turtle: str, expected: str, *, count: int = 1, provenance: bool = True):
    return pytest.param(turtle, expected, count, provenance, id=shape_behaviour)


FAILING = [
    # labels, on every named thing
    case("StateShape: a state needs a prefLabel", "id:state/nepal a ctkg:State .",
         f"{I}state/nepal has no skos:prefLabel"),
    case("StateShape: a state has one prefLabel", 'id:state/nepal a ctkg:State ; skos:prefLabel "Nepal", "Nepal"@en .',
         f"{I}state/nepal has more than one skos:prefLabel"),
    case("StateShape: a prefLabel is text", "id:state/nepal a ctkg:State ; skos:prefLabel 42 .",
         f"{I}state/nepal has a skos:prefLabel 42 that is not text"),
    case("StateShape: an altLabel is text", 'id:state/nepal a ctkg:State ; skos:prefLabel "Nepal" ; skos:altLabel id:x .',
         f"{I}state/nepal has a skos:altLabel {I}x that is not text"),
    # IRI patterns
    case("StateShape: IRI pattern", 'id:person/nepal a ctkg:State ; skos:prefLabel "Nepal" .',
         f"State {I}person/nepal is not named by an IRI ending in state/<key>"),
    case("GovernmentAgencyShape: IRI pattern", 'id:group/nia a ctkg:GovernmentAgency ; skos:prefLabel "NIA" .',
         f"Government agency {I}group/nia is not named by an IRI ending in agency/<key>"),
    case("InternationalOrganizationShape: IRI pattern", 'id:org/un a ctkg:InternationalOrganization ; skos:prefLabel "UN" .',
         f"International organization {I}org/un is not named by an IRI ending in intl/<key>"),
    case("TerroristGroupShape: IRI pattern", 'id:group/LeT a ctkg:TerroristGroup ; skos:prefLabel "LeT" .',
         f"Terrorist group {I}group/LeT is not named by an IRI ending in group/<key>"),
    case("SeparatistMovementShape: IRI pattern", 'id:group/khalistan a ctkg:SeparatistMovement ; skos:prefLabel "K" .',
         f"Separatist movement {I}group/khalistan is not named by an IRI ending in movement/<key>"),
    case("NewsAgencyShape: IRI pattern", 'id:agency/pti a ctkg:NewsAgency ; skos:prefLabel "PTI" .',
         f"News agency {I}agency/pti is not named by an IRI ending in news/<key>"),
    case("PersonShape: IRI pattern", 'id:person/ajay_bhalla a ctkg:Person ; skos:prefLabel "Ajay Bhalla" .',
         f"Person {I}person/ajay_bhalla is not named by an IRI ending in person/<key>"),
    case("PersonShape: not a blank node", '[] a ctkg:Person ; skos:prefLabel "an official" .',
         "is not named by an IRI ending in person/<key>"),
    case("PlaceShape: IRI pattern", 'id:state/delhi a ctkg:Place ; skos:prefLabel "Delhi" .',
         f"Place {I}state/delhi is not named by an IRI ending in place/<key>"),
    case("EventSeriesShape: IRI pattern", 'id:event/hsd a ctkg:EventSeries ; skos:prefLabel "HSD" .',
         f"Event series {I}event/hsd is not named by an IRI ending in series/<key>"),
    # actors' links
    case("PersonShape: acts for an actor", 'id:person/x a ctkg:Person ; skos:prefLabel "X" ; ctkg:actsFor id:place/new-delhi .',
         f"Person {I}person/x acts for {I}place/new-delhi, which is not known as an actor"),
    case("PersonShape: holds a Post", 'id:person/x a ctkg:Person ; skos:prefLabel "X" ; ctkg:holdsPost id:post/x/y .',
         f"Person {I}person/x holds {I}post/x/y, which is not typed ctkg:Post"),
    case("GovernmentAgencyShape: part of an organization",
         'id:agency/nia a ctkg:GovernmentAgency ; skos:prefLabel "NIA" ; ctkg:subOrganizationOf id:place/new-delhi .',
         f"Government agency {I}agency/nia is part of {I}place/new-delhi, which is not known as an organization"),
    # posts
    case("PostShape: IRI pattern", POST.replace("union-home-secretary", "union_home_secretary"),
         f"Post {I}post/ajay-bhalla/union_home_secretary is not named by an IRI ending in post/<person-key>/<title-key>"),
    case("PostShape: a title", POST.replace('ctkg:title "Union Home Secretary" ;', ""),
         f"Post {P} has no ctkg:title string"),
    case("PostShape: one title", POST.replace('"Union Home Secretary"', '"Union Home Secretary", "Home Secretary"'),
         f"Post {P} has more than one ctkg:title"),
    case("PostShape: one holder", POST.replace("ctkg:heldBy id:person/ajay-bhalla ;", ""),
         f"Post {P} does not have exactly one holder"),
    case("PostShape: held by a Person", POST.replace("ctkg:heldBy id:person/ajay-bhalla", "ctkg:heldBy id:state/india"),
         f"Post {P} is held by {I}state/india, which is not typed ctkg:Person"),
    case("PostShape: post state is a State", POST.replace("ctkg:postState id:state/india", "ctkg:postState id:place/new-delhi"),
         f"Post {P} has a ctkg:postState that is not a single ctkg:State"),
    case("PostShape: post in an Organization", POST.replace("ctkg:postIn id:agency/ministry-of-home-affairs", "ctkg:postIn id:place/new-delhi"),
         f"Post {P} is in {I}place/new-delhi, which is not known as an organization"),
    case("PostShape: attested on an xsd:date", POST.replace('"2024-02-28"^^xsd:date', '"28 Feb 2024"'),
         f"Post {P} has a ctkg:attestedOn 28 Feb 2024 that is not an xsd:date"),
    # meetings
    case("MeetingShape: IRI pattern", 'id:meeting/m a ctkg:Dialogue ; ctkg:participant id:state/india ; ctkg:dateUnknown true .',
         f"Meeting {I}meeting/m is not named by an IRI ending in event/<kind>/<key>"),
    case("MeetingShape: a participant", 'id:event/meeting/hsd-2024 a ctkg:Dialogue ; ctkg:startDate "2024-02-27"^^xsd:date .',
         f"Meeting {M} has no ctkg:participant"),
    case("MeetingShape: participants are actors", MINIMAL_MEETING + 'ctkg:participant id:place/new-delhi ; ctkg:dateUnknown true .',
         f"Meeting {M} lists participant {I}place/new-delhi, which is not known as an actor"),
    case("MeetingShape: a date unless unknown or planned", 'id:event/meeting/hsd-2024 a ctkg:Dialogue ; ctkg:participant id:state/india .',
         f"Meeting {M} has no date: the article gave none we could read."),
    case("MeetingShape: start date is an xsd:date", MINIMAL_MEETING + 'ctkg:startDate "2024-02-27" .',
         f"Meeting {M} has a ctkg:startDate 2024-02-27 that is not an xsd:date"),
    case("MeetingShape: start date is a real day", MINIMAL_MEETING + 'ctkg:startDate "2024-02-30"^^xsd:date .',
         f"Meeting {M} has a ctkg:startDate 2024-02-30 that is not an xsd:date"),
    case("MeetingShape: end date is an xsd:date", MINIMAL_MEETING + 'ctkg:dateUnknown true ; '
         'ctkg:endDate "2024-02-28T10:00:00"^^xsd:dateTime .',
         f"Meeting {M} has a ctkg:endDate 2024-02-28T10:00:00 that is not an xsd:date"),
    case("MeetingShape: does not end before it starts in one report", MINIMAL_MEETING + 'ctkg:startDate "2024-02-27"^^xsd:date ; '
         'ctkg:endDate "2024-02-26"^^xsd:date .' + dated_by("a1", "2024-02-27", "2024-02-26"),
         f"Meeting {M} ends before it starts (start 2024-02-27) in one report"),
    case("MeetingShape: dateUnknown is a boolean", MINIMAL_MEETING + 'ctkg:startDate "2024-02-27"^^xsd:date ; ctkg:dateUnknown "yes" .',
         f"Meeting {M} has a ctkg:dateUnknown that is not a single xsd:boolean"),
    case("MeetingShape: status is Held or Planned", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:eventStatus ctkg:Event .',
         f"Meeting {M} has a ctkg:eventStatus https://w3id.org/ctkg/ontology#Event that is not one of ctkg:Held and ctkg:Planned"),
    case("MeetingShape: one label", MINIMAL_MEETING + 'ctkg:dateUnknown true ; skos:prefLabel "HSD", "Dialogue" .',
         f"Meeting {M} has more than one skos:prefLabel, or one that is not text"),
    case("MeetingShape: session number is an integer", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:sessionNumber "17th" .',
         f"Meeting {M} has a ctkg:sessionNumber that is not one positive xsd:integer"),
    case("MeetingShape: venue is a Place", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:place id:state/india .',
         f"Meeting {M} took place at {I}state/india, which is not typed ctkg:Place"),
    case("MeetingShape: co-chair is a Person", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:coChair id:state/india .',
         f"Meeting {M} has co-chair {I}state/india, which is not typed ctkg:Person"),
    case("MeetingShape: series is an EventSeries", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:inSeries id:series/unknown .',
         f"Meeting {M} is in series {I}series/unknown, which is not typed ctkg:EventSeries"),
    case("MeetingShape: delegation is a Delegation", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:hasDelegation id:state/india .',
         f"Meeting {M} has delegation {I}state/india, which is not typed ctkg:Delegation"),
    case("MeetingShape: previous session is a meeting", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:previousSession id:event/meeting/gone .',
         f"Meeting {M} follows {I}event/meeting/gone, which is not typed as a meeting"),
    case("MeetingShape: next session is a meeting", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:nextSession id:event/meeting/later .',
         f"Meeting {M} is followed by {I}event/meeting/later, which is not typed as a meeting"),
    case("MeetingShape: named groups are terrorist groups", MINIMAL_MEETING + 'ctkg:dateUnknown true ; ctkg:namesGroup id:state/pakistan .',
         f"Meeting {M} names {I}state/pakistan as a terrorist group"),
    # delegations
    case("DelegationShape: IRI pattern", DELEGATION.replace("delegation/india a", "delegation/India a"),
         f"Delegation {M}/delegation/India is not named by an IRI ending in <meeting>/delegation/<state-key>"),
    case("DelegationShape: one state", DELEGATION.replace("ctkg:delegationOf id:state/india ;", ""),
         f"Delegation {D} does not name exactly one state"),
    case("DelegationShape: of a State", DELEGATION.replace("ctkg:delegationOf id:state/india", "ctkg:delegationOf id:agency/fletc"),
         f"Delegation {D} is a delegation of {I}agency/fletc, which is not typed ctkg:State", count=2),
    case("DelegationShape: led by a Person", DELEGATION.replace("ctkg:ledBy id:person/ajay-bhalla", "ctkg:ledBy id:agency/fletc"),
         f"Delegation {D} is led by {I}agency/fletc, which is not typed ctkg:Person", count=2),
    case("DelegationShape: at one meeting", DELEGATION.replace("; ctkg:atEvent id:event/meeting/hsd-2024", ""),
         f"Delegation {D} is not at exactly one meeting"),
    case("DelegationShape: leaders act for the delegation's state",
         DELEGATION.replace("ctkg:delegationOf id:state/india", "ctkg:delegationOf id:state/united-states"),
         f"Delegation {D} is led by {I}person/ajay-bhalla, who is not recorded as acting for the delegation's "
         f"state {I}state/united-states"),
    # attacks
    case("AttackShape: IRI pattern", ATTACK.replace("event/attack/2016-pathankot", "attack/pathankot"),
         f"Attack {I}attack/pathankot is not named by an IRI ending in event/attack/<key>"),
    case("AttackShape: a date or dateUnknown", ATTACK.replace('ctkg:startDate "2016-01-02"^^xsd:date ;', ""),
         f"Attack {A} has no date"),
    case("AttackShape: start date is one xsd:date", ATTACK.replace('"2016-01-02"^^xsd:date', '"2016-01-02T03:30:00"^^xsd:dateTime'),
         f"Attack {A} has a ctkg:startDate 2016-01-02T03:30:00 that is not an xsd:date"),
    case("AttackShape: death toll is not negative", ATTACK.replace("ctkg:killed 7", "ctkg:killed -7"),
         f"Attack {A} has a death toll (ctkg:killed) -7 that is not a non-negative xsd:integer"),
    case("AttackShape: death toll is an integer", ATTACK.replace("ctkg:killed 7", 'ctkg:killed "seven"'),
         f"Attack {A} has a death toll (ctkg:killed) seven that is not a non-negative xsd:integer"),
    case("AttackShape: perpetrator is an actor", ATTACK.replace("ctkg:perpetrator id:group/lashkar-e-taiba", "ctkg:perpetrator id:place/new-delhi"),
         f"Attack {A} has perpetrator {I}place/new-delhi, which is not known as an actor"),
    case("AttackShape: attributed to an actor", ATTACK.replace("ctkg:attributedTo id:state/pakistan", "ctkg:attributedTo id:place/new-delhi"),
         f"Attack {A} is attributed to {I}place/new-delhi, which is not known as an actor"),
    case("AttackShape: place is a Place", ATTACK.replace("ctkg:place id:place/pathankot", "ctkg:place id:state/india"),
         f"Attack {A} took place at {I}state/india, which is not typed ctkg:Place"),
    case("AttackShape: one label", ATTACK.replace('"2016 Pathankot attack"', '"Pathankot attack", "2016 Pathankot attack"'),
         f"Attack {A} has more than one skos:prefLabel"),
    # statements
    case("StatementShape: not a blank node", '[] a ctkg:Statement ; ctkg:issuedBy id:state/india .',
         "is a blank node: a statement needs a minted IRI", count=2),
    case("StatementShape: an issuer", 'id:event/statement/s a ctkg:Statement .',
         f"Statement {I}event/statement/s has no ctkg:issuedBy"),
    case("StatementShape: issuers are actors", 'id:event/statement/s a ctkg:Statement ; ctkg:issuedBy id:place/new-delhi .',
         f"Statement {I}event/statement/s is issued by {I}place/new-delhi, which is not known as an actor"),
    case("StatementShape: published on an xsd:date", STATEMENT.replace('"2020-09-11"^^xsd:date', '"September 11, 2020"'),
         f"Statement {S} has a ctkg:published September 11, 2020 that is not an xsd:date", count=2),
    case("StatementShape: issued at an event", STATEMENT.replace("ctkg:issuedAt id:event/meeting/hsd-2024", "ctkg:issuedAt id:place/new-delhi"),
         f"Statement {S} was issued at {I}place/new-delhi, which is not typed as an event"),
    case("StatementShape: named groups are terrorist groups", STATEMENT.replace("ctkg:namesGroup id:group/lashkar-e-taiba", "ctkg:namesGroup id:state/pakistan"),
         f"Statement {S} names {I}state/pakistan as a terrorist group"),
    case("StatementShape: refers to an Attack", STATEMENT.replace("ctkg:refersToAttack id:event/attack/2008-mumbai", "ctkg:refersToAttack id:place/new-delhi"),
         f"Statement {S} refers to {I}place/new-delhi, which is not typed ctkg:Attack"),
    case("JointStatementShape: two issuers", STATEMENT.replace("id:state/india, id:state/united-states", "id:state/india"),
         f"Joint statement {S} has fewer than two issuers"),
    case("ReactionShape: responds to something", REACTION.replace("ctkg:respondsTo id:event/statement/js ;", ""),
         f"Reaction {I}event/reaction/pakistan does not say what it responds to"),
    case("ReactionShape: spokesperson is a Person", REACTION.replace("ctkg:spokesperson id:person/zahid-chaudhri", "ctkg:spokesperson id:state/pakistan"),
         f"Reaction {I}event/reaction/pakistan has spokesperson {I}state/pakistan, which is not typed ctkg:Person"),
    case("ReactionShape: stance is a string", REACTION.replace('"one-sided, misleading"', "id:state/india"),
         f"Reaction {I}event/reaction/pakistan has a ctkg:stance {I}state/india that is not a plain string"),
    case("CallToActShape: addressed to an actor", CALL.replace("ctkg:calledOn id:state/pakistan ;", ""),
         f"Call to act {I}event/call/pakistan is not addressed to a known actor"),
    case("CallToActShape: a demand", CALL.replace(' ;\n    ctkg:demand "take immediate, sustained and irreversible action"', ""),
         f"Call to act {I}event/call/pakistan has no ctkg:demand text"),
    case("CallToActShape: part of a statement", CALL.replace("ctkg:partOf id:event/statement/js", "ctkg:partOf id:event/meeting/hsd-2024"),
         f"Call to act {I}event/call/pakistan is part of {I}event/meeting/hsd-2024, which is not typed as a statement"),
    # legal actions
    case("LegalActionShape: not a blank node", '[] a ctkg:Designation .',
         "is a blank node: it needs a minted IRI", count=2),
    case("LegalActionShape: target is a Person", EXTRADITION.replace("ctkg:targetPerson id:person/tahawwur-rana", "ctkg:targetPerson id:group/lashkar-e-taiba"),
         f"Legal action {I}event/extradition/tahawwur-rana targets {I}group/lashkar-e-taiba, which is not typed ctkg:Person"),
    case("LegalActionShape: acting state is a State", EXTRADITION.replace("ctkg:actingState id:state/united-states", "ctkg:actingState id:agency/fletc"),
         f"Legal action {I}event/extradition/tahawwur-rana has acting state {I}agency/fletc"),
    case("LegalActionShape: requesting state is a State", EXTRADITION.replace("ctkg:requestingState id:state/india", "ctkg:requestingState id:agency/fletc"),
         f"Legal action {I}event/extradition/tahawwur-rana has requesting state {I}agency/fletc"),
    case("LegalActionShape: concerns an Attack", EXTRADITION.replace("ctkg:concernsAttack id:event/attack/2008-mumbai", "ctkg:concernsAttack id:group/lashkar-e-taiba"),
         f"Legal action {I}event/extradition/tahawwur-rana concerns {I}group/lashkar-e-taiba, which is not typed ctkg:Attack"),
    case("LegalActionShape: status is text", EXTRADITION.replace('"approved"', '"2024-01-01"^^xsd:date'),
         f"Legal action {I}event/extradition/tahawwur-rana has a ctkg:legalStatus 2024-01-01 that is not a plain string"),
    case("ExtraditionShape: someone to extradite", EXTRADITION.replace("ctkg:targetPerson id:person/tahawwur-rana ;", ""),
         f"Extradition {I}event/extradition/tahawwur-rana names nobody to be extradited"),
    case("ArrestShape: someone arrested", ARREST.replace("ctkg:targetPerson id:person/tahawwur-rana ;", ""),
         f"Arrest {I}event/arrest/tahawwur-rana names nobody arrested"),
    # documents
    case("DocumentShape: not a blank node", '[] a ctkg:Document .',
         "is a blank node: a document needs a minted IRI", count=2),
    case("DocumentShape: published on an xsd:date", DOCUMENT.replace("ctkg:referencedIn", 'ctkg:published "2024" ; ctkg:referencedIn'),
         f"Document {I}document/country-reports has a ctkg:published 2024 that is not an xsd:date"),
    case("DocumentShape: referenced in an event", DOCUMENT.replace("ctkg:referencedIn id:event/meeting/hsd-2024", "ctkg:referencedIn id:place/new-delhi"),
         f"Document {I}document/country-reports is referenced in {I}place/new-delhi, which is not typed as an event"),
    case("DocumentShape: signed at an event", AGREEMENT.replace("ctkg:signedAt id:event/meeting/hsd-2024", "ctkg:signedAt id:place/new-delhi"),
         f"Document {I}document/moc-fletc-mha was signed at {I}place/new-delhi, which is not typed as an event"),
    case("AgreementShape: IRI pattern", AGREEMENT.replace("id:document/moc-fletc-mha", "id:event/meeting/hsd-2024/moc"),
         f"Agreement {M}/moc is not named by an IRI ending in document/<key>"),
    case("AgreementShape: a label", AGREEMENT.replace('skos:prefLabel "MoC between FLETC and MHA" ;', ""),
         f"{I}document/moc-fletc-mha has no skos:prefLabel"),
    case("AgreementShape: a party", AGREEMENT.replace("ctkg:party id:agency/fletc, id:agency/ministry-of-home-affairs ;", ""),
         f"Agreement {I}document/moc-fletc-mha has no ctkg:party"),
    case("AgreementShape: parties are actors", AGREEMENT.replace("id:agency/fletc,", "id:place/new-delhi,"),
         f"Agreement {I}document/moc-fletc-mha has party {I}place/new-delhi, which is not known as an actor"),
    case("AgreementShape: signatory is a Person", AGREEMENT.replace("ctkg:signatory id:person/ajay-bhalla", "ctkg:signatory id:agency/fletc"),
         f"Agreement {I}document/moc-fletc-mha has signatory {I}agency/fletc, which is not typed ctkg:Person"),
    case("UNSCResolutionShape: IRI pattern", RESOLUTION.replace("unsc-resolution-2396", "resolution-2396"),
         f"UN Security Council resolution {I}document/resolution-2396 is not named by an IRI ending in "
         "document/unsc-resolution-<number>"),
    case("UNSCResolutionShape: a number", RESOLUTION.replace("ctkg:resolutionNumber 2396 ;", ""),
         f"UN Security Council resolution {I}document/unsc-resolution-2396 does not have exactly one positive "
         "xsd:integer ctkg:resolutionNumber"),
    case("UNSCResolutionShape: the number is an integer", RESOLUTION.replace("ctkg:resolutionNumber 2396", 'ctkg:resolutionNumber "2396"'),
         f"UN Security Council resolution {I}document/unsc-resolution-2396 does not have exactly one positive"),
    # provenance nodes
    case("ArticleShape: IRI pattern", ARTICLE.replace("id:article/b2", "id:articles/b2"),
         f"Article {I}articles/b2 is not named by an IRI ending in article/<key>"),
    case("ArticleShape: a file name", ARTICLE.replace('ctkg:fileName "b2.txt" ;', ""),
         f"Article {I}article/b2 does not have exactly one ctkg:fileName string"),
    case("ArticleShape: a sha256 content hash", ARTICLE.replace('"sha256:2c26', '"sha1:2c26'),
         f"Article {I}article/b2 does not have exactly one ctkg:contentHash of the form sha256:<64 lower-case hex digits>"),
    case("ArticleShape: published on an xsd:date", ARTICLE.replace("ctkg:publisher", 'ctkg:published "2024-02-28T00:00:00"^^xsd:dateTime ; ctkg:publisher'),
         f"Article {I}article/b2 has a ctkg:published that is not a single xsd:date"),
    case("ArticleShape: publisher is a NewsAgency", ARTICLE.replace("ctkg:publisher id:news/press-trust-of-india", "ctkg:publisher id:state/india"),
         f"Article {I}article/b2 has publisher {I}state/india, which is not typed ctkg:NewsAgency"),
    case("ArticleShape: dateline is a Place", ARTICLE.replace("ctkg:dateline id:place/new-delhi", "ctkg:dateline id:state/india"),
         f"Article {I}article/b2 has dateline {I}state/india, which is not typed ctkg:Place"),
    case("ArticleShape: one date method", ARTICLE.replace("ctkg:dateline", 'ctkg:dateMethod "a", "b" ; ctkg:dateline'),
         f"Article {I}article/b2 has a ctkg:dateMethod that is not one plain string"),
    case("SentenceShape: IRI pattern", SENTENCE.replace("id:article/a1/s1 a", "id:article/a1/sentence-1 a"),
         f"Sentence {I}article/a1/sentence-1 is not named by an IRI ending in article/<file-stem>/s<N>"),
    case("SentenceShape: in an Article", SENTENCE.replace("ctkg:inArticle id:article/a1", "ctkg:inArticle id:place/new-delhi"),
         f"Sentence {I}article/a1/s1 is not in exactly one ctkg:Article"),
    case("SentenceShape: start offset is not negative", SENTENCE.replace("ctkg:startChar 39", "ctkg:startChar -1"),
         f"Sentence {I}article/a1/s1 does not have exactly one non-negative xsd:integer ctkg:startChar"),
    case("SentenceShape: an end offset", SENTENCE.replace("ctkg:endChar 80 ;", ""),
         f"Sentence {I}article/a1/s1 does not have exactly one non-negative xsd:integer ctkg:endChar"),
    case("SentenceShape: ends after it starts", SENTENCE.replace("ctkg:endChar 80", "ctkg:endChar 39"),
         f"Sentence {I}article/a1/s1 does not end after it starts (startChar 39)"),
    case("SentenceShape: index is an integer", SENTENCE.replace("ctkg:sentenceIndex 1", 'ctkg:sentenceIndex "one"'),
         f"Sentence {I}article/a1/s1 has a ctkg:sentenceIndex that is not one non-negative xsd:integer"),
    case("SentenceShape: text is not empty", SENTENCE.replace('"Both sides reviewed ongoing cooperation."', '""'),
         f"Sentence {I}article/a1/s1 does not have exactly one non-empty ctkg:text string"),
    case("AssertionShape: IRI pattern", ASSERTION.replace(FACT, I + "fact/1"),
         f"Assertion {I}fact/1 is not named by an IRI ending in fact/<40 hex digits>"),
    case("AssertionShape: one subject", ASSERTION.replace("rdf:subject id:person/ajay-bhalla", "rdf:subject id:person/ajay-bhalla, id:person/x"),
         f"Assertion {FACT} does not have exactly one IRI as rdf:subject"),
    case("AssertionShape: a predicate", ASSERTION.replace("rdf:predicate ctkg:actsFor ;", ""),
         f"Assertion {FACT} does not have exactly one IRI as rdf:predicate"),
    case("AssertionShape: an object", ASSERTION.replace("rdf:object id:state/india ;", ""),
         f"Assertion {FACT} does not have exactly one rdf:object"),
    case("AssertionShape: derived from a Sentence", ASSERTION.replace("prov:wasDerivedFrom id:article/a1/s0", "prov:wasDerivedFrom id:article/a1"),
         f"Assertion {FACT} is not derived from a ctkg:Sentence"),
    case("AssertionShape: names its rule", ASSERTION.replace('ctkg:extractedBy "delegation-led-by" ;', ""),
         f"Assertion {FACT} does not name the rule that extracted it"),
    case("AssertionShape: confidence is an xsd:decimal", ASSERTION.replace("ctkg:confidence 0.85", "ctkg:confidence 0.85e0"),
         f"Assertion {FACT} has no ctkg:confidence that is an xsd:decimal between 0 and 1"),
    case("AssertionShape: confidence is at most 1", ASSERTION.replace("ctkg:confidence 0.85", "ctkg:confidence 1.5"),
         f"Assertion {FACT} has no ctkg:confidence that is an xsd:decimal between 0 and 1"),
    case("AssertionShape: attributed to an actor", ASSERTION.replace("ctkg:confidence 0.85", "ctkg:confidence 0.85 ; ctkg:accordingTo id:place/new-delhi"),
         f"Assertion {FACT} is attributed to {I}place/new-delhi, which is not known as an actor"),
    case("AssertionShape: a hedge is text", ASSERTION.replace("ctkg:confidence 0.85", "ctkg:confidence 0.85 ; ctkg:hedge 1"),
         f"Assertion {FACT} has a ctkg:hedge 1 that is not a plain string"),
    case("ProvenanceShape: an extracted node has an Assertion of its type", POST,
         f"{P} has a type but no ctkg:Assertion says where it came from", provenance=False),
]


@pytest.mark.parametrize(("turtle", "expected", "count", "provenance"), FAILING)
def test_a_malformed_graph_fails_with_the_analysts_message(turtle, expected, count, provenance):
    report = validate(article(turtle, provenance=provenance), context=CONTEXT)
    found = [v.message for v in report.violations]
    assert any(expected in message for message in found), found
    assert len(found) == count, found
    for result in report.results.subjects(RDF.type, SH.ValidationResult):
        assert len(list(report.results.objects(result, SH.resultMessage))) == 1, found


def test_provenance_must_record_the_nodes_own_type():
    graph = article(POST, provenance=False)
    add_assertion(graph, URIRef(P), RDF.type, CTKG.Attack)
    graph += turtle_graph(PROVENANCE)
    found = [v.message for v in validate(graph, context=CONTEXT).violations]
    assert [m for m in found if "has a type but no ctkg:Assertion" in m] != []


def test_every_shape_fails_somewhere_in_the_cases():
    graph = shapes_graph()
    shapes = {str(s).removeprefix(SHAPES_NS).split("-")[0] for s in graph.subjects(RDF.type, SH.NodeShape)}
    covered = {param.id.split(":")[0] for param in FAILING}
    assert shapes - covered == set()
