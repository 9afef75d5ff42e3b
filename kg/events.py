"""Article + entities -> events and relations, each fact with its sentence, rule and confidence.

The order of the steps: the main meeting (kg/extract/meetings.py), statements
(kg/extract/statements.py), attacks (kg/extract/attacks.py); then the rule families on the
parse, in phases (kg/extract/families.py); then calls to act and topics. See docs/design.md.
"""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import SKOS

from kg.article import Article
from kg.entities import ArticleEntities
from kg.extract import families
from kg.extract.attacks import find_attacks
from kg.extract.calls import find_calls_to_act
from kg.extract.context import Context, Extraction
from kg.extract.meetings import find_meetings
from kg.extract.pipeline import parse
from kg.extract.topics import find_topics_and_groups
from kg.reference import ReferenceIndex, reference_index
from kg.vocab import CTKG


def extract_events(article: Article, res: ArticleEntities, index: ReferenceIndex | None = None,
                   docs: tuple | None = None) -> Extraction:
    """Events and relations of one article. `docs` are its sentences' parses (kg.extract.pipeline),
    made here when not given."""
    if docs is None:
        docs = parse([s.text for s in article.sentences])
    ctx = Context(article, res, index or reference_index(), Extraction(), docs=tuple(docs))
    find_meetings(ctx)
    scene = families.scene_of(ctx, docs)
    find_statements(ctx, scene)
    attacks = find_attacks(families.updated(scene, ctx))
    ctx.out.merge(attacks.found)
    ctx.attacks_by_sentence = {i: list(found) for i, found in attacks.by_sentence.items()}
    ctx.attack_offsets = dict(attacks.offsets)
    for found in families.run_families(families.updated(scene, ctx)):
        ctx.out.merge(found)
    find_calls_to_act(ctx)
    find_topics_and_groups(ctx)
    return ctx.out


# -- statements ---------------------------------------------------------------------------------

def find_statements(ctx: Context, scene) -> None:
    """Joint statements and a party's own statements (kg.extract.statements, a stage on the parse):
    their facts, and the article's statement that the families read."""
    from kg.extract.statements import find_statements as statements_stage

    found = statements_stage(scene, _meeting_infos(ctx))
    ctx.out.merge(found.found)
    ctx.statement, ctx.statement_states = found.statement, list(found.statement_states)
    if found.meeting_states and not ctx.meeting_states:
        ctx.meeting_states = list(found.meeting_states)


def _meeting_infos(ctx: Context) -> dict:
    """Label, session number and dates of each meeting found so far (for naming its statement)."""
    from kg.extract.statements import MeetingInfo

    seen: dict[URIRef, dict] = {iri: {} for iri in ctx.out.events}
    keys = {SKOS.prefLabel: "label", CTKG.sessionNumber: "session", CTKG.startDate: "start", CTKG.endDate: "end"}
    series = {iri for iri, cls in ctx.out.events.items() if cls in (CTKG.WorkingGroupMeeting, CTKG.Dialogue)}
    for f in ctx.out.facts:
        if f.subject in seen and f.predicate in keys:
            seen[f.subject].setdefault(keys[f.predicate], f.object.toPython())
    return {iri: MeetingInfo(str(v["label"]), v.get("session"), v.get("start"), v.get("end"), iri in series)
            for iri, v in seen.items() if "label" in v}
