"""Topics discussed at the article's meeting or in its statement, and the attacks they refer to."""
from __future__ import annotations

import re

from rdflib.namespace import SKOS

from kg.extract.context import Context
from kg.vocab import CTKG


# -- topics --------------------------------------------------------------------

DISCUSS = re.compile(r"\b(discuss|deliberat|explor|review|cooperat|agree|reaffirm|commit|shared|combat|"
                     r"counter|address|highlight|underlin|underscor|focus|partnership|ranging|exchange|"
                     r"strengthen|prevent|tackl|fight|action against|efforts)", re.I)


def find_topics_and_groups(ctx: Context) -> None:
    event = ctx.main_meeting or ctx.statement
    if event is None:
        return
    for sent in ctx.article.sentences:
        text = sent.text
        in_statement = ctx.statement is not None and (
            re.search(r"\bstatement\b|\bdeclaration\b", text, re.I) or "“" in text[:3])
        target = ctx.statement if in_statement or ctx.main_meeting is None else ctx.main_meeting
        if DISCUSS.search(text):
            for off, topic in ctx.things(sent.index, SKOS.Concept):
                ctx.out.add(event, CTKG.topic, topic, sent.index, "topic-discussed", 0.7)
        if in_statement or ctx.statement is None:
            for attack in ctx.attacks_by_sentence.get(sent.index, []):
                if target is not None and re.search(r"\b(perpetrators|justice|prevent|like|including)\b", text):
                    ctx.out.add(target, CTKG.refersToAttack, attack, sent.index, "attack-referred", 0.7)
