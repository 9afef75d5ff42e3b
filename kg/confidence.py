"""How a fact was stated -> how far to trust it: confidence, and the analysts' link strength.

Three things decide it (the README's confidence table says the same, with the figures):

1. The precision of the kind of fact, measured on the development corpus by the shared scorer
   (`python -m benchmarks.measure_precision --write` fills kg/precision.json). A rule inherits
   the precision of the kind of fact it yields (attacks, legal actions, posts ...): most rules
   fire one to five times in the 16 reports, too few to measure one rule alone. A kind the
   scorer does not score (topics, statements, calls to act) keeps the rule's stated confidence.
2. Hedges in the sentence ('alleged', 'believed to', 'sources said' ...): one multiplies the
   confidence by 0.75, two or more by 0.6. Both (1) and (2) are written on each assertion
   (ctkg:confidence, ctkg:hedge) when the article is loaded.
3. The number of independent articles stating the fact, counted when the graph is read
   (`combined`): confidences of independent reports combine as 1 - prod(1 - c), so two plain
   reports of a fact are worth more than one. Reports whose evidence sentences are the same text
   (a wire story printed twice) count once, at the higher confidence.

`link_strength` turns the combined confidence into the three levels link-analysis tools use:
confirmed (>= 0.95: in practice two independent plain reports, or one of a kind measured at
0.95 or better), probable (>= 0.65), unconfirmed (below).

`how_stated` also reads who a sentence attributes its facts to ('according to Indian officials',
'Pakistan said'): the actor mentioned in that phrase, written as ctkg:accordingTo.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Sequence


from kg.paths import PACKAGE_DIR
from kg.terms import NamedNode, ctkg, rdf, skos

PRECISION_FILE = PACKAGE_DIR / "precision.json"

HEDGES: tuple[tuple[str, re.Pattern], ...] = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
    ("alleged", r"\balleged(ly)?\b"),
    ("reportedly", r"\breportedly\b|\b(is|are|was|were) reported to\b"),
    ("believed to", r"\b(is|are|was|were|widely) believed\b|\bbelieved to\b"),
    ("suspected", r"\bsuspected\b"),
    ("purportedly", r"\bpurported(ly)?\b"),
    ("said to", r"\b(is|are|was|were) said to\b"),
    ("sources said", r"\b(sources|officials who (declined|did not want) to be named|unnamed officials)"
                     r"\s+(said|say|told|added|claimed)\b|\baccording to (\w+ ){0,2}sources\b"),
    ("unconfirmed", r"\bunconfirmed\b|\bnot (been )?(independently )?confirmed\b"),
    ("may have", r"\b(may|might|could) have\b"),
    ("possibly", r"\b(possibly|probably|perhaps|likely)\b"),
))
ONE_HEDGE, TWO_HEDGES = Decimal("0.75"), Decimal("0.6")
CONFIRMED, PROBABLE = 0.95, 0.65
STRENGTHS = ("confirmed", "probable", "unconfirmed")

_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_SAID = re.compile(r"\b(said|says|told|stated|claimed|alleged|announced|maintained|insisted|asserted|"
                   r"confirmed|added)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;:.!?\"\u201c\u201d]")
ACTOR_CLASSES = {ctkg.State, ctkg.GovernmentAgency, ctkg.InternationalOrganization, ctkg.TerroristGroup,
                 ctkg.SeparatistMovement, ctkg.NewsAgency, ctkg.Person}

# The kind of fact each property (or, for rdf:type, each class) belongs to, named as the shared
# scorer names its categories.
KIND_OF_PROPERTY = {
    **dict.fromkeys((ctkg.participant, ctkg.startDate, ctkg.endDate, ctkg.startMonth, ctkg.place, ctkg.inSeries,
                     ctkg.sessionNumber, ctkg.eventStatus, ctkg.isVirtual, ctkg.nextSession, ctkg.previousSession,
                     ctkg.dateUnknown, ctkg.coChair), "meetings"),
    **dict.fromkeys((ctkg.ledBy, ctkg.delegationOf, ctkg.atEvent, ctkg.hasDelegation), "delegation leaders"),
    **dict.fromkeys((ctkg.holdsPost, ctkg.heldBy, ctkg.title, ctkg.postIn, ctkg.postState, ctkg.attestedOn), "posts"),
    **dict.fromkeys((ctkg.nameKey, ctkg.actsFor), "persons"),
    **dict.fromkeys((ctkg.killed, ctkg.injured, ctkg.target), "attacks"),
    **dict.fromkeys((ctkg.perpetrator, ctkg.attributedTo, ctkg.claimedBy, ctkg.suspectedPerpetrator,
                     ctkg.disownedBy, ctkg.blamedBy), "attack perpetrators"),
    **dict.fromkeys((ctkg.targetPerson, ctkg.targetGroup, ctkg.actingState, ctkg.requestingState,
                     ctkg.concernsAttack, ctkg.legalStatus), "legal actions"),
    **dict.fromkeys((ctkg.party, ctkg.signatory, ctkg.signedAt, ctkg.referencedIn, ctkg.resolutionNumber),
                    "agreements"),
    **dict.fromkeys((ctkg.respondsTo, ctkg.spokesperson, ctkg.stance), "reactions"),
    ctkg.namesGroup: "groups named",
}
KIND_OF_CLASS = {
    **dict.fromkeys((ctkg.Meeting, ctkg.Dialogue, ctkg.WorkingGroupMeeting, ctkg.Summit), "meetings"),
    ctkg.Delegation: "delegation leaders", ctkg.Post: "posts", ctkg.Person: "persons", ctkg.Attack: "attacks",
    **dict.fromkeys((ctkg.LegalAction, ctkg.Extradition, ctkg.Arrest, ctkg.Designation, ctkg.Accusation,
                     ctkg.AssassinationPlot, ctkg.DesignationProposal, ctkg.Indictment, ctkg.GuiltyPlea,
                     ctkg.Conviction, ctkg.Acquittal, ctkg.Release, ctkg.Bail, ctkg.Bounty), "legal actions"),
    **dict.fromkeys((ctkg.Agreement, ctkg.MemorandumOfCooperation, ctkg.MemorandumOfUnderstanding, ctkg.Treaty,
                     ctkg.UNSCResolution), "agreements"),
    ctkg.Reaction: "reactions",
}
# Facts that describe what an article names (a known actor, a person's name, state and post)
# rather than what it reports: a sentence's hedges and attribution are about its report ('arrested
# for allegedly planning'), not about who Lakhvi is, so they are not applied to these.
DESCRIPTIVE_RULES = {"mention", "person-name", "person-alias", "person-state", "article-date"}
DESCRIPTIVE_KINDS = {"persons", "posts"}


@dataclass(frozen=True)
class Stated:
    """How one sentence states its facts: the hedges in it and the actor it attributes them to."""

    hedges: tuple[str, ...] = ()
    according_to: NamedNode | None = None


@dataclass(frozen=True)
class Source:
    """One assertion of a fact, as `combined` weighs it."""

    article: str             # the article (graph or file name)
    sentence: str            # the evidence sentence's text: equal texts are one report
    confidence: float


# -- when an article is loaded --------------------------------------------------------------------

def hedges_in(text: str) -> tuple[str, ...]:
    """The hedges a sentence uses, by name, in the order of HEDGES."""
    return tuple(name for name, pattern in HEDGES if pattern.search(text))


def how_stated(text: str, start: int, mentions: Sequence[tuple[object, NamedNode]],
               classes: dict[NamedNode, NamedNode]) -> Stated:
    """The hedges of a sentence (`text`, beginning at offset `start` of the article) and the actor
    it attributes its facts to: an actor mentioned in its 'according to X' phrase, else the one
    named by the subject of 'X said' (or after a closing 'said X'). `mentions` are (Mention, IRI)
    pairs of the sentence; `classes` gives each IRI's class."""
    actors = sorted(((m.start - start, m.end - start, iri) for m, iri in mentions
                     if classes.get(iri) in ACTOR_CLASSES), key=lambda a: a[0])
    return Stated(hedges_in(text), _attributed(text, actors))


def _attributed(text: str, actors: list[tuple[int, int, NamedNode]]) -> NamedNode | None:
    for match in _ACCORDING.finditer(text):
        end = _clause_end(text, match.end())
        inside = [iri for s, e, iri in actors if s >= match.end() and e <= end]
        if inside:
            return inside[0]
    for match in _SAID.finditer(text):
        begin = _clause_start(text, match.start())
        before = [iri for s, e, iri in actors if s >= begin and e <= match.start()]
        if before:
            return before[-1]
        if (actors and actors[0][0] <= 2 and actors[0][1] <= match.start()   # 'Khan, at the briefing, said'
                and text[actors[0][1]:].lstrip().startswith(",") and text[:match.start()].rstrip().endswith(",")):
            return actors[0][2]
        if match.start() > 0 and text[:match.start()].rstrip().endswith(","):   # '..., said the spokesperson X.'
            after = [(e, iri) for s, e, iri in actors if s >= match.end()]
            if after and len(text[after[0][0]:].split()) <= 3:
                return after[0][1]
    return None


def _clause_end(text: str, position: int) -> int:
    found = _CLAUSE_END.search(text, position)
    return found.start() if found else len(text)


def _clause_start(text: str, position: int) -> int:
    marks = [m.end() for m in _CLAUSE_END.finditer(text, 0, position)]
    return marks[-1] if marks else 0


def reported(rule: str, predicate: NamedNode, obj) -> bool:
    """Whether a fact is something the sentence reports (hedges and attribution bear on it),
    rather than a description of what it names."""
    return rule not in DESCRIPTIVE_RULES and kind_of_fact(predicate, obj) not in DESCRIPTIVE_KINDS and \
        predicate not in (skos.prefLabel, skos.altLabel)


def kind_of_fact(predicate: NamedNode, obj) -> str | None:
    """The scorer's category for a fact: by its class for rdf:type, else by its property."""
    if predicate == rdf.type:
        return KIND_OF_CLASS.get(obj)
    if predicate == skos.prefLabel:
        return None
    return KIND_OF_PROPERTY.get(predicate)


@functools.cache
def measured_precision() -> dict[str, float]:
    """kg/precision.json's precision per kind of fact ({} when the file is absent)."""
    if not PRECISION_FILE.is_file():
        return {}
    return {kind: float(row["precision"]) for kind, row in json.loads(PRECISION_FILE.read_text())["kinds"].items()}


def base_confidence(predicate: NamedNode, obj, stated_by_rule: float) -> float:
    """The measured precision of the fact's kind, or the rule's own confidence for an unscored kind."""
    kind = kind_of_fact(predicate, obj)
    return measured_precision().get(kind, stated_by_rule) if kind else stated_by_rule


def assertion_confidence(predicate: NamedNode, obj, stated_by_rule: float, hedges: Iterable[str]) -> Decimal:
    """What an assertion's ctkg:confidence says: the base confidence times the hedges' factor,
    as a decimal of two places in [0, 1]."""
    value = Decimal(str(base_confidence(predicate, obj, stated_by_rule)))
    count = len(set(hedges))
    factor = Decimal(1) if count == 0 else ONE_HEDGE if count == 1 else TWO_HEDGES
    return min(Decimal(1), max(Decimal(0), value * factor)).quantize(Decimal("0.01"))


# -- when the graph is read -------------------------------------------------------------------------

def independent(sources: Iterable[Source]) -> list[Source]:
    """One source per independent report: of sources whose sentences read the same (a wire copy),
    or that come from one article, the most confident."""
    best: dict[str, Source] = {}
    by_article: dict[str, str] = {}
    for source in sources:
        key = by_article.setdefault(source.article, " ".join(source.sentence.lower().split()))
        if key not in best or source.confidence > best[key].confidence:
            best[key] = source
    return list(best.values())


def combined(sources: Iterable[Source]) -> float:
    """The confidence of a fact that these sources state: 1 - prod(1 - c) over independent reports."""
    doubt = 1.0
    for source in independent(sources):
        doubt *= 1.0 - source.confidence
    return round(1.0 - doubt, 3)


def repeated(confidence: float, reports: int) -> float:
    """The combined confidence of `reports` independent reports, each stated with `confidence`."""
    return round(1.0 - (1.0 - confidence) ** max(reports, 0), 3)


def link_strength(confidence: float) -> str:
    """confirmed, probable or unconfirmed, from a combined confidence."""
    return "confirmed" if confidence >= CONFIRMED else "probable" if confidence >= PROBABLE else "unconfirmed"
