"""The grammar the attacks stage asks of a sentence's parse (kg/extract/attacks.py): the words on an
attack noun and the dates and places among them, a reference attack by place and date, counts
written in words or figures, and the groups and states a clause's subject names."""
from __future__ import annotations

import re


from kg.dates import day_month_code, find_date
from kg.extract.grammar import conjuncts, in_clause, subject_of
from kg.extract.numbers import NUMBER_WORDS
from kg.extract.scene import Scene
from kg.terms import NamedNode, ctkg

TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
CLAUSES = {"acl", "relcl", "advcl", "ccomp", "xcomp", "prep", "pcomp"}   # a group under these is not the subject
OTHER_TIME = {"since", "after", "before", "like", "than", "until", "as"}


def words_on_noun(noun) -> list:
    """The words that say which attack a noun is: its left modifiers and its prepositional phrases,
    not the clauses or coordinated phrases hung on it ('..., which killed 84 people', '..., claimed
    by G', '... and the 2016 raid') nor phrases of another time ('since the 2019 bombing')."""
    found = []
    for token in noun.subtree:
        t, keep = token, True
        while t.i != noun.i:
            if t.dep_ in ("relcl", "acl", "advcl", "conj", "cc") or t.dep_ == "prep" and t.lower_ in OTHER_TIME \
                    or t.dep_ == "appos" and t.head.i == noun.i:
                keep = False
                break
            t = t.head
        if keep and token.i != noun.i:
            found.append(token)
    return found


def when_said(scene: Scene, words: list, noun) -> tuple:
    """(year, (month, day), full date) written on the noun: '2016', '26/11', 'of Sept. 18', 'November 2008'."""
    year = month_day = date = None
    for token in words:
        if re.fullmatch(r"(19|20)\d\d", token.text) and token.i < noun.i + 12:
            year = year or int(token.text)
        elif re.fullmatch(r"\d{1,2}/\d{1,2}", token.text):
            month_day = month_day or day_month_code(token.text)
    dated = [t for t in words if t.ent_type_ == "DATE"]
    if dated:
        text = "".join(t.text_with_ws for t in dated)
        span = find_date(text, scene.date)
        if span is not None and span.start is not None and re.search(r"\d", text) and has_day(text):
            date = span.start
            year, month_day = year or date.year, month_day or (date.month, date.day)
    return year, month_day, date


def clause_dates(noun) -> list:
    """The dates of the clause an attack is the subject of: 'On June 4, 2016, a bombing in X killed ...',
    'a bombing in X killed 20 people in 2019'."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return []
    verb = noun.head
    return [t for child in verb.children if child.dep_ in ("prep", "npadvmod") and child.i != noun.i
            for t in child.subtree if t.ent_type_ == "DATE"]


def has_day(text: str) -> bool:
    return bool(re.search(r"(?<![\d/])\d{1,2}(?![\d/])", text))


def places_named(scene: Scene, i: int, noun, words: list) -> list[NamedNode]:
    """The places of the attack: each place written on the noun ('the Amritsar and Jammu blasts'),
    else the first place in its phrases ('the ambush near Jammu', 'the attack on the consulate in X')."""
    left = [t for t in words if t.i < noun.i]
    places = things_among(scene, i, left, ctkg.Place)
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "amod") and child.i < noun.i:
            for other in conjuncts(child)[1:]:
                places += [p for p in things_among(scene, i, list(other.subtree), ctkg.Place) if p not in places]
    if places:
        return places
    right = things_among(scene, i, [t for t in words if t.i > noun.i], ctkg.Place)
    return right[:1]


def things_among(scene: Scene, i: int, tokens: list, cls: NamedNode) -> list[NamedNode]:
    found = []
    for token in tokens:
        thing = scene.thing_at(i, token)
        if thing is not None and thing.cls == cls and thing.iri not in found:
            found.append(thing.iri)
    return found


def is_definite(noun) -> bool:
    """'the Mumbai attacks', 'Pathankot attacks' speak of a known attack; 'an attack in Mumbai' of a new one."""
    return not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def well_known_attack(scene: Scene, place, year, month_day, date, definite: bool = False) -> NamedNode | None:
    """The attack of the reference data at that place (in that year, on that day), or on that date.
    A definite mention with neither year nor day ('the Mumbai attacks') is the latest one before the
    report."""
    if place is not None:
        candidates = list(scene.index.attacks_at.get(place, []))
        if year is not None:
            candidates = [(a, d) for a, d in candidates if d.startswith(str(year))]
        if month_day is not None:
            candidates = [(a, d) for a, d in candidates if d[5:] == f"{month_day[0]:02d}-{month_day[1]:02d}"]
        if len(candidates) == 1:
            return candidates[0][0]
        if candidates and definite and year is None and month_day is None:
            before = sorted((d, a) for a, d in candidates if scene.date is None or d < scene.date.isoformat())
            if before:
                return before[-1][1]
    if date is not None:
        same_day = {a for attacks in scene.index.attacks_at.values() for a, d in attacks if d == date.isoformat()}
        if len(same_day) == 1:
            return same_day.pop()
    return None


def phrase_of(token) -> str:
    """A noun phrase's words without its determiner and the phrases hung on it."""
    words = [token]
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod", "nummod", "poss") and child.i < token.i:
            words.extend(child.subtree)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i) if t.dep_ != "det").strip()


def count_of(token) -> int | None:
    """'166', 'seven', 'at least 40 personnel', 'twenty-six' -> the number."""
    if token is None:
        return None
    for t in [token] + [c for c in token.children if c.dep_ in ("nummod", "quantmod", "compound")]:
        if t.like_num:
            number = number_of(t.text)
            if number is not None:
                return number
    return None


def number_of(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, _, unit = word.partition("-")
    if tens in TENS and (not unit or unit in NUMBER_WORDS):
        return TENS[tens] + NUMBER_WORDS.get(unit, 0)
    return None


def attack_of_verb(verb):
    """The attack a passive or participle speaks of: 'the attack was carried out by', 'the bombing,
    blamed on G', 'the bombing, which was carried out by'."""
    if verb.dep_ in ("acl", "relcl"):
        return verb.head
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "dobj"):
            return child
    return subject_of(verb)


def groups_on(scene: Scene, i: int, noun) -> list[NamedNode]:
    """Groups written on an attack noun, before it: 'a G suicide attack'."""
    span = [t for t in noun.subtree if t.i < noun.i]
    return things_among(scene, i, span, ctkg.TerroristGroup)


def groups_under(scene: Scene, i: int, token) -> list[NamedNode]:
    """Groups named under a token: those on the noun itself first ('the LeT, a proxy of JeM' gives
    LeT), else any in its phrase ('the outfit, known as G')."""
    subtree = list(token.subtree)
    direct = [t for t in subtree if not through_clause(t, token)]
    return things_among(scene, i, direct, ctkg.TerroristGroup) or things_among(scene, i, subtree, ctkg.TerroristGroup)


def through_clause(token, top) -> bool:
    return in_clause(token, top, CLAUSES)


def groups_of_subject(scene: Scene, i: int, verb) -> list[NamedNode]:
    """Groups named as the verb's subject, whatever the parser made of a hyphenated name
    ('The Lashkar-e-Jhangvi claimed ...'): the words left of the verb that are not in a clause."""
    if verb.dep_ == "relcl":   # 'LeT, the group that carried out the attacks'
        noun = verb.head
        named = things_among(scene, i, [noun], ctkg.TerroristGroup)
        if not named and noun.dep_ == "appos":
            named = things_among(scene, i, [noun.head], ctkg.TerroristGroup)
        return named
    subject = subject_of(verb)
    if subject is not None and subject.i > verb.i:
        return groups_under(scene, i, subject)
    top = verb
    while top.dep_ in ("conj", "dep") and top.head.i != top.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in top.children):
        top = top.head
    left = [c for c in top.children if c.i < top.i and c.dep_ not in CLAUSES | {"advmod", "aux", "auxpass", "punct", "mark"}]
    tokens = [t for c in left for t in c.subtree if not through_clause(t, c)]
    return things_among(scene, i, tokens, ctkg.TerroristGroup)


def states_of_subject(scene: Scene, i: int, verb) -> list[NamedNode]:
    subject = subject_of(verb)
    if subject is None:
        return []
    states = []
    for token in conjuncts(subject):
        for t in [token] + [c for c in token.children if c.dep_ in ("compound", "amod", "poss")]:
            state = scene.state_of(i, t)
            if state is not None and state not in states:
                states.append(state)
    return states
