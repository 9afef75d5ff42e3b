"""The rule families that read the parse, and the Scene they read, made from the events stage.

A family is a rule file kg/rules/NAME.yaml and a module kg/extract/NAME.py with two functions:
`find(scene) -> Found` (its facts) and `rows(extraction, label, rule) -> list[dict]` (one rule's
facts as the rows its examples are written in).

Families run in two phases. First those that report meetings (a module with `REPORTS_MEETINGS =
True`: rounds of a series, leaders' talks); the sentences they tie to a meeting go into a new
Scene. Then the rest (delegations, reactions, legal actions, agreements ...), which read that
Scene: 'X headed the Indian side on that occasion' needs to know which meeting the article
is speaking of. Within a phase, no family reads another's output.
"""
from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from rdflib import URIRef

import importlib
from dataclasses import replace
from kg.extract.scene import Scene, Thing
from kg.reference import ReferenceIndex, normalise
from kg.vocab import CTKG

PATTERNS = Path(__file__).resolve().parent.parent / "patterns"



def family_modules() -> list:
    """The module of every rule file, in name order."""
    from kg.extract.rules import rule_files

    return [importlib.import_module(f"kg.extract.{path.stem}") for path in rule_files()]


def run_families(scene: Scene) -> list:
    """What each family found in the scene (a list of Found), meetings first."""
    modules = family_modules()
    first = [m.find(scene) for m in modules if getattr(m, "REPORTS_MEETINGS", False)]
    reported = dict(scene.meetings)
    for found in first:
        for sentence, meeting in found.meetings:
            reported.setdefault(sentence, meeting)
    scene = replace(scene, meetings=MappingProxyType(reported))
    return first + [m.find(scene) for m in modules if not getattr(m, "REPORTS_MEETINGS", False)]


def scene_of(ctx, docs: tuple) -> Scene:
    """The read-only view of what the events stage has found so far in the article."""
    res, article = ctx.res, ctx.article
    things: list[list[Thing]] = [[] for _ in article.sentences]
    for mention, iri in res.mentions:
        entity = res.entities.get(iri)
        cls = entity.cls if entity else mention.cls
        label = entity.label if entity else (mention.label or mention.text)
        offset = article.sentences[mention.sentence].start
        things[mention.sentence].append(Thing(mention.start - offset, mention.end - offset, iri, cls, label))
    person_states = {iri: e.state for iri, e in res.entities.items() if e.cls == CTKG.Person and e.state}
    attacks = {i: tuple(a) for i, a in ctx.attacks_by_sentence.items()}
    return Scene(article, tuple(docs), tuple(tuple(t) for t in things), MappingProxyType(person_states),
                 ctx.index, capital_states(ctx.index), ctx.main_meeting, tuple(ctx.meeting_states),
                 ctx.statement, tuple(ctx.statement_states), MappingProxyType(attacks),
                 MappingProxyType(dict(ctx.meetings_by_sentence)), ctx.main_series)


_CAPITALS: dict[int, MappingProxyType] = {}


def capital_states(index: ReferenceIndex) -> MappingProxyType:
    """Place IRI -> state IRI for the capitals of kg/patterns/capitals.tsv ('Washington' for the US),
    worked out once per reference index."""
    if id(index) not in _CAPITALS:
        _CAPITALS.clear()
        _CAPITALS[id(index)] = _capital_states(index)
    return _CAPITALS[id(index)]


def _capital_states(index: ReferenceIndex) -> MappingProxyType:
    found: dict[URIRef, URIRef] = {}
    for line in (PATTERNS / "capitals.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        capital, state = line.split("\t")
        place = index.lookup(tuple(normalise(capital).split()), capital)
        known = index.lookup(tuple(normalise(state).split()), state)
        if place is not None and known is not None and place.cls == CTKG.Place:
            found[place.iri] = known.iri
    return MappingProxyType(found)
