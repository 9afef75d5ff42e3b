"""Article -> list[Mention]: known actors, places and topics by alias; officials by title rules.

Two passes over each sentence's tokens:
1. the reference alias index, longest match first (tolerant of case, hyphens, apostrophes);
2. people: capitalised runs of name tokens announced by a title ("Union Home Secretary Ajay
   Bhalla", "foreign ministry spokesperson Zhao Lijian"), an apposition ("Nathan Sales, State
   Department Coordinator for Counterterrorism"), "led by"/"headed by", or a speech verb.
Rules are data: kg/patterns/*.txt and the reference RDF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import URIRef

from kg.article import Article, Sentence
from kg.reference import Known, ReferenceIndex, normalise, reference_index, token_norm, tokens
from kg.vocab import CTKG

PATTERNS = Path(__file__).resolve().parent / "patterns"


@dataclass(frozen=True)
class Mention:
    """A span of an article that names something."""

    kind: str            # "known", "person", "demonym", "agency"
    text: str
    start: int           # offsets into Article.raw_text
    end: int
    sentence: int        # index of its sentence
    cls: URIRef          # ctkg class (or skos:Concept for topics)
    iri: URIRef | None = None       # for known things
    label: str | None = None        # preferred label (known) or the name as written
    title: str | None = None        # for people: the title as written
    title_start: int | None = None  # where the title begins (offset), when it precedes the name


def _word_list(name: str) -> list[str]:
    lines = (PATTERNS / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def title_words() -> tuple[frozenset[str], frozenset[str]]:
    words, heads = set(), set()
    for line in _word_list("titles.txt"):
        parts = line.split()
        words.add(parts[0])
        if len(parts) > 1 and parts[1] == "head":
            heads.add(parts[0])
    return frozenset(words), frozenset(heads)


@lru_cache(maxsize=1)
def descriptor_words() -> frozenset[str]:
    return frozenset(_word_list("descriptors.txt"))


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    return frozenset(_word_list("not-names.txt"))


SPEECH_VERBS = {"said", "says", "told", "added", "noted", "stated", "remarked", "asserted"}
LEAD_CUES = ("led by", "headed by", "chaired by", "co-chaired by", "counterpart", "extradition of",
             "arrest of", "extradite", "against", "attempt on", "plot to kill", "designation of", "listing of")


def find_mentions(article: Article, index: ReferenceIndex | None = None, docs: tuple = ()) -> list[Mention]:
    """Known things by alias, and people; with `docs` (the sentences' parses) a name the model's
    NER reads as a person counts as one even when no title or cue announces it."""
    index = index or reference_index()
    found: list[Mention] = []
    for sentence in article.sentences:
        toks = [(t, s + sentence.start, e + sentence.start) for t, s, e in tokens(sentence.text)]
        known = _known_mentions(sentence, toks, index)
        found.extend(known)
        found.extend(_demonym_mentions(sentence, toks, index, known))
        people = _people(article, sentence, toks, known, index)
        if docs:
            people = _with_named_people(people, docs[sentence.index], sentence)
        found.extend(people)
    return found


def _with_named_people(people: list[Mention], doc, sentence: Sentence) -> list[Mention]:
    """A candidate name that the model's NER tags PERSON is a person mention."""
    persons = [(sentence.start + e.start_char, sentence.start + e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    kept = []
    for m in people:
        if m.kind == "candidate" and len(m.text.split()) > 1 and any(a <= m.start and m.end <= b for a, b in persons):
            m = Mention("person", m.text, m.start, m.end, m.sentence, m.cls, label=m.label)
        kept.append(m)
    return kept


def _known_mentions(sentence: Sentence, toks, index: ReferenceIndex) -> list[Mention]:
    """Actors, places and events first, longest match first; then topics in a pass of their own,
    so that a topic label ('pro-Khalistani elements') never hides an actor ('pro-Khalistani')."""
    return _scan(sentence, toks, index, topics=False) + _scan(sentence, toks, index, topics=True)


def _scan(sentence: Sentence, toks, index: ReferenceIndex, topics: bool) -> list[Mention]:
    norms = [token_norm(t) for t, _, _ in toks]
    found, i = [], 0
    while i < len(toks):
        hit = None
        length = 1
        while i + length <= len(toks) and tuple(norms[i : i + length]) in index.prefixes:
            key = tuple(norms[i : i + length])
            if key in index.by_tokens:
                surface = " ".join(t for t, _, _ in toks[i : i + length])
                known = index.lookup(key, surface, topics)
                if known is not None:
                    hit = (known, length)
            length += 1
        if hit is None:
            i += 1
            continue
        known, length = hit
        start, end = toks[i][1], toks[i + length - 1][2]
        found.append(_known_mention(known, sentence, start, end))
        i += length
    return found


def _known_mention(known: Known, sentence: Sentence, start: int, end: int) -> Mention:
    offset = sentence.start
    return Mention(
        kind="known",
        text=sentence.text[start - offset : end - offset],
        start=start,
        end=end,
        sentence=sentence.index,
        cls=known.cls,
        iri=known.iri,
        label=known.label,
    )


def _demonym_mentions(sentence, toks, index: ReferenceIndex, known: list[Mention]) -> list[Mention]:
    """'the Indian delegation', 'the American side', 'Pakistani security agencies' name a state."""
    covered = {(m.start, m.end) for m in known}
    found = []
    for t, s, e in toks:
        if not t[:1].isupper() or any(a <= s < b for a, b in covered):
            continue
        state = index.demonyms.get(normalise(t))
        if state is None:
            continue
        offset = sentence.start
        found.append(
            Mention("demonym", sentence.text[s - offset : e - offset], s, e, sentence.index,
                    state.cls, iri=state.iri, label=state.label)
        )
    return found


def _is_name_token(token: str) -> bool:
    if not token[:1].isupper():
        return False
    if len(token) == 1 or (len(token) == 2 and token.endswith(".")):
        return True  # an initial: "Nathan A Sales"
    if token_norm(token) in not_name_words():
        return False
    if len(token) > 1 and token.isupper() and len(token) > 3:
        return False  # an acronym, not a name
    return True


def _people(article: Article, sentence: Sentence, toks, known: list[Mention], index) -> list[Mention]:
    words, heads = title_words()
    in_known = [any(m.start <= s < m.end for m in known) for _, s, _ in toks]
    text, offset = sentence.text, sentence.start
    found, i = [], 0
    while i < len(toks):
        if in_known[i] or not _is_name_token(toks[i][0]):
            i += 1
            continue
        j = i
        while j < len(toks) and not in_known[j] and _is_name_token(toks[j][0]) and _joined(text, offset, toks, j):
            j += 1
        run = list(range(i, j))
        i = j if j > i else i + 1
        # Split the title off the run at its last title word: "Union Home Secretary | Ajay Bhalla",
        # "Finance Minister | Arun Jaitley"; without one, drop leading title words.
        marked = [n for n in run if token_norm(toks[n][0]) in heads | descriptor_words()]
        k = run.index(marked[-1]) + 1 if marked else 0
        while not marked and k < len(run) and token_norm(toks[run[k]][0]) in words:
            k += 1
        name_idx = [n for n in run[k:] if token_norm(toks[n][0]) not in words]
        if not name_idx or name_idx != run[k : k + len(name_idx)]:
            continue
        name_idx = name_idx[:4]
        start, end = toks[name_idx[0]][1], toks[name_idx[-1]][2]
        title, title_start = _title_before(toks, name_idx[0], in_known, known, text, offset, run[0])
        title_after = _apposition_after(text, offset, end)
        evidence = (
            _has_head(title)
            or _has_head(title_after)
            or _lead_cue_before(text, offset, start)
            or _speech_after(text, offset, end)
        )
        if not evidence:
            # Not announced as a person here; entities.py keeps it only if it names a person
            # already known (earlier in this article, or in the store).
            found.append(Mention("candidate", text[start - offset : end - offset], start, end, sentence.index,
                                 CTKG.Person, label=text[start - offset : end - offset]))
            continue
        name = text[start - offset : end - offset]
        name = re.sub(r"['’]s$", "", name)
        end = start + len(name)
        if title_after and _is_post_title(title_after) and not _is_post_title(title):
            title, title_start = title_after, None   # "his counterpart X, the acting deputy secretary ..."
        found.append(
            Mention("person", name, start, end, sentence.index, CTKG.Person, label=name,
                    title=title or title_after, title_start=title_start)
        )
    return found


def _joined(text: str, offset: int, toks, j: int) -> bool:
    """Whether token j continues the run begun before it (only spaces or an initial's dot between)."""
    if j == 0:
        return True
    gap = text[toks[j - 1][2] - offset : toks[j][1] - offset]
    return gap in (" ", ". ") and not (gap == ". " and len(toks[j - 1][0]) > 1)


def _title_before(toks, first: int, in_known, known: list[Mention], text: str, offset: int, run_start: int):
    """The title words right before a name, across case: 'foreign ministry spokesperson', the
    capitalised words of its run ('Finance Minister'), or a title and a comma ('his Indian
    counterpart, Ajit Doval')."""
    words, heads = title_words()
    k = first
    while k > 0:
        t = token_norm(toks[k - 1][0])
        gap = text[toks[k - 1][2] - offset : toks[k][1] - offset]
        after_comma = k == first and gap == ", " and (t in heads or t in descriptor_words())
        if gap not in (" ", "-") and not after_comma:
            break
        if (k - 1 >= run_start or after_comma or t in words or t in descriptor_words() or in_known[k - 1]
                or t.isdigit() or re.match(r"\d+/\d+", t)):
            k -= 1
            continue
        break
    while k < first and token_norm(toks[k][0]) in {"the", "of", "for", "in", "and", "on", "at"}:
        k += 1
    if k == first:
        return None, None
    start = toks[k][1]
    end = toks[first - 1][2]
    return text[start - offset : end - offset], start


def _apposition_after(text: str, offset: int, end: int) -> str | None:
    """', Joint Secretary for Counter-Terrorism, Ministry of External Affairs' after a name."""
    rest = text[end - offset :]
    match = re.match(r"\s*,\s*(?:the\s+|a\s+|an\s+)?([^,;:“”\"()]{3,120}?)(?=[,;:“”\"()]|\.\s|\.$|$)", rest)
    if not match:
        return None
    phrase = match.group(1).strip()
    # Include a following ", Ministry of ..." organisation part.
    more = re.match(r",\s*((?:Ministry|Department|Office|Bureau|Agency)[^,;.]{0,80})", rest[match.end():])
    if more:
        phrase = phrase + ", " + more.group(1).strip()
    first_words = [token_norm(t) for t, _, _ in tokens(phrase)][:6]
    _, heads = title_words()
    if not any(w in heads or w in descriptor_words() for w in first_words):
        return None
    return phrase


def _is_post_title(title: str | None) -> bool:
    """A title that names a post ('Home Secretary'), not only a description ('his counterpart')."""
    _, heads = title_words()
    return bool(title) and any(token_norm(t) in heads for t, _, _ in tokens(title))


def _has_head(title: str | None) -> bool:
    if not title:
        return False
    _, heads = title_words()
    return any(token_norm(t) in heads | descriptor_words() for t, _, _ in tokens(title))


def _lead_cue_before(text: str, offset: int, start: int) -> bool:
    before = text[max(0, start - offset - 40) : start - offset].lower()
    return any(before.rstrip().endswith(cue) or f"{cue} " in before[-(len(cue) + 25):] for cue in LEAD_CUES)


def _speech_after(text: str, offset: int, end: int) -> bool:
    rest = text[end - offset : end - offset + 20]
    match = re.match(r"\s*,?\s*([a-z]+)", rest)
    return bool(match and match.group(1) in SPEECH_VERBS)
