"""Calls to act: a statement or meeting calling on a state to do something ('called on Pakistan
to take irreversible action against ...'), with the callers, the demand and the attacks named."""
from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.extract.context import Context
from kg.vocab import CTKG, mint, slug


# -- calls to act -----------------------------------------------------------------------------

CALL_RE = re.compile(r"\b(called on|calls on|urged|urges|pressed|asked|need for|demanded that|told)\s+", re.I)


def find_calls_to_act(ctx: Context) -> None:
    for sent in ctx.article.sentences:
        text = sent.text
        for m in CALL_RE.finditer(text):
            target = next((iri for off, iri in ctx.things(sent.index, CTKG.State) if off == m.end()), None)
            if target is None:
                continue
            rest = text[m.end():]
            dm = re.search(r"\b(?:to|should)\s+(.+)", rest)
            if not dm:
                continue
            demand = re.sub(r"[“”\"]", "", re.split(r"\.\s*$", dm.group(1))[0]).strip(" ,.")
            callers = [iri for off, iri in ctx.things(sent.index, CTKG.State) if off < m.start() and iri != target]
            if not callers:
                callers = [iri for off, iri in ctx.things(sent.index, CTKG.GovernmentAgency) if off < m.start()]
            if not callers:
                callers = [s for s in (ctx.statement_states or ctx.meeting_states) if s != target]
            if not callers:
                continue  # a call nobody can be named as making is not a fact we can state
            key = f"{ctx.statement or ctx.main_meeting or mint('article', ctx.article.id)}"
            iri = URIRef(f"{key}/call/{slug(ctx.entity(target).label)}")
            label = f"Call on {ctx.entity(target).label} to act"
            if iri in ctx.out.events:
                break
            ctx.out.declare(iri, CTKG.CallToAct, label, sent.index, "called-on")
            ctx.out.add(iri, CTKG.calledOn, target, sent.index, "called-on", 0.85)
            ctx.out.add(iri, CTKG.demand, Literal(demand[:300]), sent.index, "called-on", 0.75)
            for caller in callers:
                ctx.out.add(iri, CTKG.issuedBy, caller, sent.index, "called-on", 0.75)
            if ctx.statement:
                ctx.out.add(iri, CTKG.partOf, ctx.statement, sent.index, "called-on", 0.7)
            if ctx.date:
                ctx.out.add(iri, CTKG.published, Literal(ctx.date, datatype=XSD.date), sent.index, "article-date", 0.6)
            for attack in ctx.attacks_by_sentence.get(sent.index, []):
                ctx.out.add(iri, CTKG.refersToAttack, attack, sent.index, "called-on", 0.7)
            break
