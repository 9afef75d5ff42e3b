"""Topics discussed at the article's meeting or in its statement, and the attacks they refer to."""
from __future__ import annotations

import re


from kg.extract.scene import Found, FoundBuilder, Scene
from kg.terms import ctkg, skos


# -- topics --------------------------------------------------------------------

DISCUSS = re.compile(r"\b(discuss|deliberat|explor|review|cooperat|agree|reaffirm|commit|shared|combat|"
                     r"counter|address|highlight|underlin|underscor|focus|partnership|ranging|exchange|"
                     r"strengthen|prevent|tackl|fight|action against|efforts)", re.I)


def find_topics_and_groups(scene: Scene) -> Found:
    """The topics discussed at the main meeting (or in the statement), and the attacks named."""
    out = FoundBuilder()
    event = scene.main_meeting or scene.statement
    if event is None:
        return out.done()
    for sent in scene.article.sentences:
        text = sent.text
        in_statement = scene.statement is not None and (
            re.search(r"\bstatement\b|\bdeclaration\b", text, re.I) or "“" in text[:3])
        target = scene.statement if in_statement or scene.main_meeting is None else scene.main_meeting
        if DISCUSS.search(text):
            for topic in (t.iri for t in scene.of_class(sent.index, skos.Concept)):
                out.add(event, ctkg.topic, topic, sent.index, "topic-discussed", 0.7)
        if in_statement or scene.statement is None:
            for attack in scene.attacks.get(sent.index, ()):
                if target is not None and re.search(r"\b(perpetrators|justice|prevent|like|including)\b", text):
                    out.add(target, ctkg.refersToAttack, attack, sent.index, "attack-referred", 0.7)
    return out.done()
