"""Agreements and documents: signed, concluded, suspended or cited (kg/rules/agreements.yaml).

A rule names the document's head noun (`doc`) and, for a signing, the `verb` whose subject, agent
('signed by X') or 'between X and Y' are the parties. The name is the head's noun phrase as
written (kg.extract.grammar_agreements); the kind comes from the head noun
(kg/patterns/document-kinds.tsv) or from the `kind` slot ('in the form of an MoU'). A document
with a proper name is keyed by its name alone, so two reports of it meet; a generic one ('an
MoU') is kept only when its parties are known, and keyed by its name and their slugs. A
document signed in an article with a meeting was signed at that meeting; one cited is
referenced in the meeting or the joint statement. Generic signings are folded into the one
named document signed in the same article ('India, US sign pact' above 'The X Initiative was
signed').
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


from kg.dates import find_date
from kg.extract.grammar import conjuncts, modifiers, prep_objects, subject_of
from kg.extract.grammar_agreements import name_head, name_tokens, text_of
from kg.extract.rules import RuleMatch, rule_set
from kg.extract.scene import Found, FoundBuilder, Scene
from kg.pattern_files import table
from kg.terms import NamedNode, ctkg, literal, local_name, mint, rdf, skos, xsd
from kg.vocab import slug

OF_KINDS = {"understanding": ctkg.MemorandumOfUnderstanding, "cooperation": ctkg.MemorandumOfCooperation,
            "co-operation": ctkg.MemorandumOfCooperation}
COLLECTIVE = {"government", "side", "country", "nation", "party", "they", "we", "both"}
ABBREVIATIONS = {"mou", "moc", "mous"}
GENERIC_WORDS = {"memorandum of understanding", "memorandum of cooperation", "letter of intent", "letter of agreement"}
KIND_WORDS = {"memorandum", "understanding", "cooperation", "co-operation", "letter", "intent", "agreement",
              "treaty", "accord", "pact", "mou", "moc", "of", "on", "new", "the"}


@lru_cache(maxsize=1)
def document_kinds() -> dict[str, NamedNode]:
    return {word: getattr(ctkg, kind) for word, kind in table("document-kinds.tsv", 2)}


@dataclass
class Document:
    iri: NamedNode
    cls: NamedNode
    label: str
    named: bool
    event: str                      # signed | referenced
    sentence: int
    rule: str
    confidence: float
    parties: list = field(default_factory=list)
    signers: list = field(default_factory=list)
    number: int | None = None
    keep: bool = False              # a generic name kept even without parties ('the plea agreement')
    short: bool = False             # the name is the head noun alone ('an MoU')
    party_rule: str | None = None   # the rule of a later mention that named the parties


def rows(extraction, label, rule: str) -> list[dict]:
    """One rule's documents as {agreement, kind, party, event} rows (one per party)."""
    mine = {f.subject for f in extraction.facts if f.rule == rule}
    docs: dict[NamedNode, dict] = {iri: {"parties": []} for iri in mine}
    for fact in extraction.facts:
        doc = docs.get(fact.subject)
        if doc is None:
            continue
        if fact.predicate == skos.prefLabel:
            doc.setdefault("agreement", fact.object.value)
        elif fact.predicate == rdf.type:
            doc.setdefault("kind", local_name(fact.object))
        elif fact.predicate == ctkg.party:
            doc["parties"].append(label(fact.object))
        elif fact.predicate == ctkg.signedAt:
            doc["event"] = "signed"
        elif fact.predicate == ctkg.referencedIn:
            doc.setdefault("event", "referenced")
    found = []
    for doc in docs.values():
        if "agreement" not in doc:
            continue
        base = {"agreement": doc["agreement"], "kind": doc.get("kind", ""), "event": doc.get("event", "")}
        found.extend(dict(base, party=p) for p in doc["parties"] or [""])
    return found


def find(scene: Scene) -> Found:
    rules = rule_set("agreements")
    council = _council_numbers(scene)
    documents: list[Document] = []
    for i, doc in enumerate(scene.docs):
        for match in rules.matches(doc):
            head = match.token("doc")
            for each in [head] + [c for c in conjuncts(head)[1:] if c.lower_ in document_kinds()]:
                found = _document(scene, i, match, council, each)   # 'signed the X Accord and the Y Protocol'
                if found is not None:
                    documents.append(found)
    out, dated = FoundBuilder(), set()
    documents = [d for d in (_identified(scene, d) for d in _folded(scene, documents)) if d is not None]
    for document in documents:
        _emit(out, scene, document, dated)
    return out.done()


def _council_numbers(scene: Scene) -> set[int]:
    """Resolution numbers the article names together with the Security Council."""
    numbers = set()
    for doc in scene.docs:
        for token in doc:
            if token.lower_ == "resolution":
                after = doc[token.i + 1] if token.i + 1 < len(doc) else None
                words = {t.lower_ for t in doc[max(0, token.i - 4):token.i]}
                if after is not None and after.text.isdigit() and ({"security", "unsc"} & words):
                    numbers.add(int(after.text))
    return numbers


def _document(scene: Scene, i: int, match: RuleMatch, council: set[int], head) -> Document | None:
    kinds = document_kinds()
    if head.lower_ == "document":      # 'the signing of a document — a Memorandum of ...'
        verb = match.token("verb")
        near = sorted(set(head.subtree) | (set(verb.subtree) if verb is not None else set()), key=lambda t: t.i)
        head = next((c for c in near if c.i > head.i and c.dep_ == "appos" and c.lower_ in kinds), None)
        if head is None:
            return None
    outer = name_head(head, kinds)
    tokens = name_tokens(outer, kinds)
    cls = _kind(outer, kinds) or _kind(head, kinds)
    if match.token("kind") is not None:
        cls = _kind(match.token("kind"), kinds) or cls
    rule, conf = match.rule.id, match.rule.confidence
    event = match.constant("event") or "referenced"
    if cls == ctkg.UNSCResolution:
        return _resolution(tokens, outer, i, rule, conf, event, council)
    if cls is None or (event == "signed" and not _done(match.token("verb"))):
        return None
    parties, signers = _parties(scene, i, match, outer, tokens)
    document = Document(None, cls, text_of(tokens), _is_named(scene, i, tokens), event, i, rule, conf,
                        parties, signers, keep=match.constant("unnamed") == "keep", short=len(tokens) < 2)
    return document


def _identified(scene: Scene, d: Document) -> Document | None:
    """The document's IRI and label: its name, or for a generic name its parties too."""
    if d.iri is not None:
        return d
    if not d.parties and d.cls in AGREEMENTS:
        d.cls = ctkg.Document     # an agreement binds parties; without them it is only a document
    if d.named:
        d.iri = mint("document", d.label)
        return d
    if not d.parties and not d.keep:
        return None     # 'a new framework' between nobody we know: nothing to key it by
    if d.short or d.label.lower() in ABBREVIATIONS or d.label.lower() in GENERIC_WORDS:
        d.label = f"{'-'.join(scene.label(p) for p in d.parties)} {d.label}".strip()
    d.iri = mint("document", " ".join([d.label] + sorted(slug(scene.label(p)) for p in d.parties)))
    return d


AGREEMENTS = {ctkg.Agreement, ctkg.MemorandumOfUnderstanding, ctkg.MemorandumOfCooperation, ctkg.Treaty}


def issubclass_agreement(cls) -> bool:
    return cls in AGREEMENTS


def _done(verb) -> bool:
    """A signing that happened: not 'will sign', 'agreed to sign', 'committed to finalising'."""
    if verb is None or verb.pos_ == "NOUN":
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "could", "may", "might", "to", "should")
           for c in verb.children):
        return False
    return verb.dep_ not in ("xcomp", "pcomp") and verb.tag_ not in ("VB", "VBG")


def _kind(token, kinds) -> NamedNode | None:
    word = token.lower_
    if word in ("memorandum", "letter"):
        for obj in prep_objects(token, ("of",)):
            if obj.lower_ in OF_KINDS:
                return OF_KINDS[obj.lower_]
    return kinds.get(word)


def _resolution(tokens, head, i, rule, conf, event, council) -> Document | None:
    number = next((t for t in tokens if t.i > head.i and t.text.isdigit()), None)
    if number is None:
        return None
    words = {t.lower_ for t in tokens}
    if not ({"security", "unsc"} & words) and int(number.text) not in council:
        return None     # a resolution of some other body
    n = int(number.text)
    return Document(mint("document", f"unsc-resolution-{n}"), ctkg.UNSCResolution,
                    f"UN Security Council Resolution {n}", True, event, i, rule, conf, number=n)


def _is_named(scene: Scene, i: int, tokens) -> bool:
    """A proper name: a capitalised word that is not a state's name or an abbreviation of the kind."""
    if len(tokens) < 2:
        return False
    for token in tokens:
        if not token.text[:1].isupper() or token.lower_ in KIND_WORDS:
            continue
        thing = scene.thing_at(i, token)
        if thing is not None and thing.cls in (ctkg.State, ctkg.Place):
            continue
        return True
    return False


def _parties(scene: Scene, i: int, match: RuleMatch, head, tokens) -> tuple[list, list]:
    """The states a document binds, and the people who signed it, read from the construction."""
    words = []
    verb = match.token("verb")
    if verb is not None:
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ != "acl":
            subject = subject_of(verb)
            up = verb
            while subject is None and up.dep_ in ("advcl", "conj") and up.tag_ == "VBG" and up.head.i != up.i:
                up = up.head        # 'X downgraded ties, closing ... and suspending the Y Treaty'
                subject = subject_of(up)
            if subject is not None:
                words += conjuncts(subject)
        words += _objects(verb, ("by", "between", "with"))
        words += [c for obj in prep_objects(verb, ("on",)) if obj.lower_ == "behalf" for c in obj.children
                  if c.dep_ == "poss"]
    between = [t for t in head.subtree if t.dep_ == "prep" and t.lower_ == "between"]
    agencies = _agencies_after(scene, i, between[0]) if between else []
    if agencies:
        words = [w for w in words if w.i < between[0].i]    # 'between the X Centre and India's Y Academy'
    else:
        words += [w for t in between for obj in t.children if obj.dep_ == "pobj" for w in conjuncts(obj)]
    words += list(tokens)
    parties, signers, acting_for = list(agencies), [], []
    for word in words:
        for state, person in _who(scene, i, word):
            if person is not None:
                signers.append(person)
                acting_for.append(state)
            elif state is not None:
                parties.append(state)
    if not parties:     # a signer's post names a state only when the sentence names none
        parties = [s for s in acting_for if s is not None]
    parties, signers = list(dict.fromkeys(parties)), list(dict.fromkeys(signers))
    if not parties and match.constant("event") == "signed" and any(w.lemma_.lower() in COLLECTIVE for w in words):
        parties = list(scene.meeting_states or scene.statement_states)
    return parties, signers


def _agencies_after(scene: Scene, i: int, between) -> list:
    """The agencies named in 'between ...' to the end of the phrase: the parties, when agencies sign."""
    end = max(t.idx + len(t.text) for t in between.head.subtree)
    start = between.idx
    if between.head.dep_ != "ROOT":
        end = max(end, max(t.idx + len(t.text) for t in between.subtree))
    return [t.iri for t in scene.things_in(i, start, max(end, start) + 1) if t.cls == ctkg.GovernmentAgency]


def _objects(token, prepositions) -> list:
    return [c for obj in prep_objects(token, prepositions) for c in conjuncts(obj)]


def _who(scene: Scene, i: int, word) -> list[tuple]:
    """(state, person) that a word stands for; a noun like 'the ministers of X and Y' through its modifiers."""
    thing = scene.thing_at(i, word)
    if thing is not None and thing.cls == ctkg.Person:
        return [(scene.person_states.get(thing.iri), thing.iri)]
    if thing is not None and thing.cls == ctkg.GovernmentAgency:
        return [(thing.iri, None)]      # the agencies that sign are the parties, not their states
    state = scene.state_of(i, word)
    if state is not None:
        return [(state, None)]
    if word.pos_ in ("NOUN", "PROPN") and (thing is None or thing.cls != ctkg.State):
        found = []
        for mod in modifiers(word):
            for each in conjuncts(mod):
                state = scene.state_of(i, each)
                if state is not None:
                    found.append((state, None))
        return found
    return []


def _folded(scene: Scene, documents: list[Document]) -> list[Document]:
    """Within one article: a later generic mention of a signed document's kind ('the new memorandum
    between X and Y') gives it its parties; generic signings fold into the single named document
    signed in the article ('India, US sign pact' above 'The X Initiative was signed')."""
    signed = [d for d in documents if d.event == "signed" and d.cls != ctkg.UNSCResolution]
    kept = []
    for d in documents:
        same = [s for s in signed if s.sentence < d.sentence and (
            s.cls == d.cls or (d.short and s.cls in AGREEMENTS and d.cls in AGREEMENTS))]
        if d.event == "referenced" and not d.named and len(same) == 1 and d.parties:
            if not same[0].parties or _agencies_only(scene, d.parties):
                same[0].parties, same[0].party_rule = d.parties, d.rule
            continue
        kept.append(d)
    named_signed = {d.label for d in kept if d.named and d.event == "signed"}
    if len(named_signed) != 1:
        return kept
    return [d for d in kept if d.named or d.event != "signed"]


def _agencies_only(scene: Scene, parties) -> bool:
    return all(scene.index.known.get(p) is None or scene.index.known[p].cls != ctkg.State for p in parties)


def _emit(out: FoundBuilder, scene: Scene, d: Document, dated: set) -> None:
    out.declare(d.iri, d.cls, d.label, d.sentence, d.rule, d.confidence)
    if d.number is not None:
        out.add(d.iri, ctkg.resolutionNumber, literal(d.number, datatype=xsd.integer), d.sentence,
                d.rule, d.confidence)
    for party in d.parties if d.cls != ctkg.UNSCResolution and d.cls != ctkg.Document else ():
        out.add(d.iri, ctkg.party, party, d.sentence, d.party_rule or d.rule, d.confidence)
    for person in d.signers:
        out.add(d.iri, ctkg.signatory, person, d.sentence, d.rule, d.confidence)
    if d.event == "signed":
        if scene.main_meeting is not None:
            out.add(d.iri, ctkg.signedAt, scene.main_meeting, d.sentence, d.rule, d.confidence)
        when = find_date(scene.article.sentences[d.sentence].text, scene.date)
        if when is not None and when.start is not None and when.start == when.end and d.iri not in dated:
            dated.add(d.iri)
            out.add(d.iri, ctkg.published, literal(when.start, datatype=xsd.date), d.sentence, d.rule, 0.7)
    else:
        where = scene.main_meeting or scene.statement
        if where is not None:
            out.add(d.iri, ctkg.referencedIn, where, d.sentence, d.rule, d.confidence * 0.9)
