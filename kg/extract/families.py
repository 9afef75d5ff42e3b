"""The rule families that read the parse, and the Scene they read, made from the events stage.

A family is a rule file kg/rules/NAME.yaml and a module kg/extract/NAME.py with two functions:
`find(scene) -> Found` (its facts) and `rows(extraction, label, rule) -> list[dict]` (one rule's
facts as the rows its examples are written in).

Families run in phases (a module's PHASE): 1, those that report meetings (rounds of a series,
leaders' talks); 2, legal actions; 3, the rest (delegations, reactions, agreements ...). After
each phase the sentences tied to a meeting or a legal action go into a new Scene that the later
phases read: 'X headed the Indian side on that occasion' needs to know which meeting the article
is speaking of, 'Y called the verdict a step forward' which legal action. Within a phase, no
family reads another's output.
"""
from __future__ import annotations

import importlib
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType

from kg.entities import capital_states
from kg.extract.scene import Scene, Thing
from kg.terms import ctkg



@lru_cache(maxsize=1)
def family_modules() -> tuple:
    """The module of every rule file, in name order (looked up once per process)."""
    from kg.extract.rules import rule_files

    return tuple(importlib.import_module(f"kg.extract.{path.stem}") for path in rule_files())


def run_families(scene: Scene) -> list:
    """What each family found in the scene (a list of Found), in phases (a module's PHASE, 3 when
    it has none): after each phase the Scene is made anew with the meetings (sentence -> meeting)
    and the legal actions (sentence -> actions) that phase reported, for the next phases to read."""
    modules = family_modules()
    founds = []
    for phase in sorted({getattr(m, "PHASE", 3) for m in modules}):
        done = [m.find(scene) for m in modules if getattr(m, "PHASE", 3) == phase]
        founds += done
        scene = _with_reports(scene, done)
    return founds


def _with_reports(scene: Scene, founds: list) -> Scene:
    meetings = dict(scene.meetings)
    legal: dict[int, tuple] = dict(scene.legal_actions)
    for found in founds:
        for sentence, meeting in found.meetings:
            meetings.setdefault(sentence, meeting)
        for sentence, action in found.legal_actions:
            legal[sentence] = legal.get(sentence, ()) + (action,)
    return replace(scene, meetings=MappingProxyType(meetings), legal_actions=MappingProxyType(legal))


def scene_of(article, res, index, docs: tuple) -> Scene:
    """The read-only view of an article that the events stage's steps read: its parses, and the
    things each sentence mentions (entities resolved within the article)."""
    things: list[list[Thing]] = [[] for _ in article.sentences]
    for mention, iri in res.mentions:
        entity = res.entities.get(iri)
        cls = entity.cls if entity else mention.cls
        label = entity.label if entity else (mention.label or mention.text)
        offset = article.sentences[mention.sentence].start
        things[mention.sentence].append(Thing(mention.start - offset, mention.end - offset, iri, cls, label))
    person_states = {iri: e.state for iri, e in res.entities.items() if e.cls == ctkg.Person and e.state}
    return Scene(article, tuple(docs), tuple(tuple(t) for t in things), MappingProxyType(person_states),
                 index, capital_states(index))
