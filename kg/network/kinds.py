"""The kinds of node and of relation in the network: what each ctkg class is drawn as, and how
each relation key of kg/sparql/network-links.rq reads forwards and backwards."""
from __future__ import annotations

from dataclasses import dataclass

from kg.vocab import CTKG

SEED = 7                      # every layout and community search uses it: same graph, same answer
REFERENCE_SOURCE = "reference"
MAX_PATHS_SEARCHED = 500      # simple paths looked at before sorting (paths in dense graphs explode)


# -- kinds -----------------------------------------------------------------------------------
# ctkg class -> kind, most specific first: a node typed with several classes takes the first.


@dataclass(frozen=True)
class Kind:
    key: str          # what --kind accepts
    name: str         # what a legend says (plural)
    family: str       # "actor", "event" (a node of the fact graph) or "folded" (read into relations)


KINDS = {
    "state": Kind("state", "States", "actor"),
    "agency": Kind("agency", "Government agencies", "actor"),
    "intl": Kind("intl", "International organizations", "actor"),
    "group": Kind("group", "Terrorist groups", "actor"),
    "movement": Kind("movement", "Separatist movements", "actor"),
    "person": Kind("person", "People", "actor"),
    "news": Kind("news", "News agencies", "actor"),
    "organization": Kind("organization", "Other organizations", "actor"),
    "meeting": Kind("meeting", "Meetings", "event"),
    "attack": Kind("attack", "Attacks", "event"),
    "statement": Kind("statement", "Joint statements", "event"),
    "agreement": Kind("agreement", "Agreements", "event"),
    "document": Kind("document", "Resolutions", "event"),
    "reaction": Kind("reaction", "Reactions", "folded"),
    "call": Kind("call", "Calls to act", "folded"),
    "legal-action": Kind("legal-action", "Legal actions", "folded"),
}
ACTOR_KINDS = tuple(k for k, kind in KINDS.items() if kind.family == "actor")
EVENT_KINDS = tuple(k for k, kind in KINDS.items() if kind.family == "event")

CLASS_KINDS: tuple[tuple[str, str], ...] = tuple((str(cls), kind) for cls, kind in (
    (CTKG.State, "state"), (CTKG.GovernmentAgency, "agency"), (CTKG.InternationalOrganization, "intl"),
    (CTKG.TerroristGroup, "group"), (CTKG.SeparatistMovement, "movement"), (CTKG.NewsAgency, "news"),
    (CTKG.Person, "person"),
    (CTKG.Dialogue, "meeting"), (CTKG.WorkingGroupMeeting, "meeting"), (CTKG.Summit, "meeting"),
    (CTKG.Meeting, "meeting"), (CTKG.Attack, "attack"),
    (CTKG.JointDeclaration, "statement"), (CTKG.JointStatement, "statement"),
    (CTKG.Reaction, "reaction"), (CTKG.CallToAct, "call"),
    (CTKG.Extradition, "legal-action"), (CTKG.Arrest, "legal-action"), (CTKG.Designation, "legal-action"),
    (CTKG.Accusation, "legal-action"), (CTKG.AssassinationPlot, "legal-action"),
    (CTKG.LegalAction, "legal-action"),
    (CTKG.MemorandumOfCooperation, "agreement"), (CTKG.MemorandumOfUnderstanding, "agreement"),
    (CTKG.Treaty, "agreement"), (CTKG.Agreement, "agreement"), (CTKG.UNSCResolution, "document"),
    (CTKG.Organization, "organization"),
))
CLASS_RANK = {cls: rank for rank, (cls, _) in enumerate(CLASS_KINDS)}
CLASS_KIND = dict(CLASS_KINDS)


# -- relations -------------------------------------------------------------------------------
# The keys network-links.rq binds to ?relation: how `source —key→ target` reads forwards and
# backwards, and its style family in figures.


@dataclass(frozen=True)
class Relation:
    forward: str
    backward: str
    family: str

    @property
    def directed(self) -> bool:
        """A relation has a direction unless it reads the same both ways ("took part in the same
        event as", "signed an agreement with")."""
        return self.forward != self.backward


RELATIONS = {
    "holds-post-in": Relation("holds a post in", "has as an official", "office"),
    "acts-for": Relation("acts for", "is represented by", "office"),
    "part-of": Relation("is part of", "includes", "office"),
    "spoke-for": Relation("spoke for", "spoke through", "office"),
    "led-delegation-of": Relation("led the delegation of", "had its delegation led by", "office"),
    "led-delegation-to": Relation("led a delegation to", "had a delegation led by", "meeting"),
    "sent-delegation-to": Relation("sent a delegation to", "received a delegation from", "meeting"),
    "took-part-in": Relation("took part in", "had as a participant", "meeting"),
    "co-chaired": Relation("co-chaired", "was co-chaired by", "meeting"),
    "followed-by": Relation("was followed by", "followed", "event"),
    "issued": Relation("issued", "was issued by", "statement"),
    "issued-at": Relation("was issued at", "issued", "event"),
    "named": Relation("named", "was named in", "naming"),
    "named-group": Relation("named", "was named by", "naming"),
    "refers-to": Relation("refers to", "is referred to in", "event"),
    "called-on": Relation("called on", "was called on by", "pressure"),
    "called-on-over": Relation("was called on to act over", "prompted a call on", "pressure"),
    "reacted-to": Relation("reacted to", "drew a reaction from", "pressure"),
    "reacted-to-statement-of": Relation("reacted to a statement by", "drew a reaction from", "pressure"),
    "perpetrated-by": Relation("perpetrated by", "perpetrated", "violence"),
    "blamed-on": Relation("blamed on", "was blamed for", "violence"),
    "accused-in": Relation("accused in", "has as an accused", "legal"),
    "arrested-over": Relation("arrested over", "led to the arrest of", "legal"),
    "wanted-for": Relation("sought for extradition over", "led to the extradition request for", "legal"),
    "designated-over": Relation("designated over", "led to the designation of", "legal"),
    "accused-by": Relation("accused by", "accused", "legal"),
    "arrested-by": Relation("arrested by", "arrested", "legal"),
    "extradited-by": Relation("extradited by", "extradited", "legal"),
    "designated-by": Relation("designated by", "designated", "legal"),
    "plotted-against-by": Relation("targeted in a plot by", "plotted against", "legal"),
    "sought-extradition-of": Relation("sought the extradition of", "was sought for extradition by", "legal"),
    "party-to": Relation("is party to", "has as a party", "agreement"),
    "agreement-with": Relation("signed an agreement with", "signed an agreement with", "agreement"),
    "signed-at": Relation("was signed at", "saw the signing of", "event"),
    "referenced-at": Relation("was referenced at", "referenced", "event"),
    "same-event": Relation("took part in the same event as", "took part in the same event as", "co-event"),
}
# When an actor-graph edge carries several relations, its style follows the first family here.
FAMILY_ORDER = ("violence", "legal", "pressure", "naming", "agreement", "office", "statement",
                "meeting", "event", "co-event")


IRI_KINDS = {**{key: key for key in KINDS}, "accusation": "legal-action", "arrest": "legal-action",
             "extradition": "legal-action", "designation": "legal-action", "assassination-plot": "legal-action",
             "joint-statement": "statement"}

