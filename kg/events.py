"""Article + entities -> events and relations, each fact with its sentence, rule and confidence.

The order of the steps, each a function from the frozen Scene (kg/extract/scene.py) to what it
found, the Scene made anew with what the later steps read: the main meeting
(kg/extract/meetings.py), statements (kg/extract/statements.py), attacks (kg/extract/attacks.py);
then the rule families on the parse, in phases (kg/extract/families.py); then calls to act
(calls.py) and topics (topics.py). No step writes into another's output. See docs/design.md.
"""
from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType


from kg.article import Article
from kg.entities import ArticleEntities
from kg.extract import families
from kg.extract.attacks import find_attacks
from kg.extract.calls import find_calls_to_act
from kg.extract.meetings import find_meetings
from kg.extract.pipeline import parse
from kg.extract.scene import Extraction, Found
from kg.extract.statements import MeetingInfo, find_statements
from kg.extract.topics import find_topics_and_groups
from kg.reference import ReferenceIndex, reference_index
from kg.terms import NamedNode, ctkg, python_value, skos


def extract_events(article: Article, res: ArticleEntities, index: ReferenceIndex | None = None,
                   docs: tuple | None = None) -> Extraction:
    """Events and relations of one article. `docs` are its sentences' parses (kg.extract.pipeline),
    made here when not given."""
    if docs is None:
        docs = parse([s.text for s in article.sentences])
    scene = families.scene_of(article, res, index or reference_index(), tuple(docs))
    meetings = find_meetings(scene)
    scene = replace(scene, main_meeting=meetings.main_meeting, meeting_states=meetings.meeting_states,
                    meetings=MappingProxyType(dict(meetings.by_sentence)), main_series=meetings.main_series)
    statements = find_statements(scene, meeting_infos(meetings.found))
    scene = replace(scene, statement=statements.statement, statement_states=tuple(statements.statement_states),
                    meeting_states=scene.meeting_states or tuple(statements.meeting_states))
    attacks = find_attacks(scene)
    scene = replace(scene, attacks=attacks.by_sentence)
    founds = [meetings.found, statements.found, attacks.found, *families.run_families(scene)]
    return Extraction.of(founds + [find_calls_to_act(scene), find_topics_and_groups(scene)])


def meeting_infos(found: Found) -> dict:
    """Label, session number and dates of each meeting found (for naming its statement)."""
    seen: dict[NamedNode, dict] = {iri: {} for iri, _ in found.events}
    classes = dict(found.events)
    keys = {skos.prefLabel: "label", ctkg.sessionNumber: "session", ctkg.startDate: "start", ctkg.endDate: "end"}
    series = {iri for iri, cls in classes.items() if cls in (ctkg.WorkingGroupMeeting, ctkg.Dialogue)}
    for f in found.facts:
        if f.subject in seen and f.predicate in keys:
            seen[f.subject].setdefault(keys[f.predicate], python_value(f.object))
    return {iri: MeetingInfo(str(v["label"]), v.get("session"), v.get("start"), v.get("end"), iri in series)
            for iri, v in seen.items() if "label" in v}
