"""Calls to act: a statement or meeting calling on a state to do something ('called on Pakistan
to take irreversible action against ...'), with the callers, the demand and the attacks named."""
from __future__ import annotations

import re


from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import NamedNode, ctkg, literal, mint, xsd
from kg.vocab import slug


# -- calls to act -----------------------------------------------------------------------------

CALL_RE = re.compile(r"\b(called on|calls on|urged|urges|pressed|asked|need for|demanded that|told)\s+", re.I)


def find_calls_to_act(scene: Scene) -> Found:
    """The calls to act of the article's sentences, one per sentence at most."""
    out = FoundBuilder()
    for sent in scene.article.sentences:
        _call_in(scene, sent, out)
    return out.done()


def _call_in(scene: Scene, sent, out: FoundBuilder) -> None:
    text = sent.text
    for m in CALL_RE.finditer(text):
        target = next((iri for off, iri in scene.offsets(sent.index, ctkg.State) if off == m.end()), None)
        if target is None:
            continue
        rest = text[m.end():]
        dm = re.search(r"\b(?:to|should)\s+(.+)", rest)
        if not dm:
            continue
        demand = re.sub(r"[“”\"]", "", re.split(r"\.\s*$", dm.group(1))[0]).strip(" ,.")
        callers = [iri for off, iri in scene.offsets(sent.index, ctkg.State) if off < m.start() and iri != target]
        if not callers:
            callers = [iri for off, iri in scene.offsets(sent.index, ctkg.GovernmentAgency) if off < m.start()]
        if not callers:
            callers = [s for s in (scene.statement_states or scene.meeting_states) if s != target]
        if not callers:
            continue  # a call nobody can be named as making is not a fact we can state
        about = scene.statement or scene.main_meeting or mint("article", scene.article.id)
        iri = NamedNode(f"{about.value}/call/{slug(scene.label(target))}")
        label = f"Call on {scene.label(target)} to act"
        if iri in out.events:
            return
        out.declare(iri, ctkg.CallToAct, label, sent.index, "called-on")
        out.add(iri, ctkg.calledOn, target, sent.index, "called-on", 0.85)
        out.add(iri, ctkg.demand, literal(demand[:300]), sent.index, "called-on", 0.75)
        for caller in callers:
            out.add(iri, ctkg.issuedBy, caller, sent.index, "called-on", 0.75)
        if scene.statement:
            out.add(iri, ctkg.partOf, scene.statement, sent.index, "called-on", 0.7)
        if scene.date:
            out.add(iri, ctkg.published, literal(scene.date, datatype=xsd.date), sent.index, "article-date", 0.6)
        for attack in scene.attacks.get(sent.index, ()):
            out.add(iri, ctkg.refersToAttack, attack, sent.index, "called-on", 0.7)
        return
