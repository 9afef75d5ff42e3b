"""Score a built store against gold facts: precision, recall and F1 per kind of fact.

`evaluate(store, gold_path)` reads the facts of every article graph in the store, kind by kind
(one SPARQL query per kind over all article graphs, kg/sparql/eval-<kind>.rq), matches them
with the gold facts of the same article, and returns `Scores`. `format_scores(scores)` makes
a rich table of them.

Gold format (JSON)
------------------
::

    {"articles": {
       "<file stem>": {
         "entities":  [{"label": "Ajay Bhalla", "kind": "Person"}],
         "posts":     [{"person": "Ajay Bhalla", "title": "Union Home Secretary",
                        "organization": "Ministry of Home Affairs", "state": "India"}],
         "meetings":  [{"series": "India-US Homeland Security Dialogue", "start": "2024-02-27",
                        "end": "2024-02-29", "place": "New Delhi", "virtual": false}],
         "delegation_leaders": [{"state": "India", "leader": "Ajay Bhalla"}],
         "groups_named": [{"group": "Lashkar-e-Taiba"}],
         "attacks":   [{"attack": "2008 Mumbai attacks", "date": "2008-11-26", "place": "Mumbai",
                        "perpetrator": "Lashkar-e-Taiba", "killed": 166}],
         "agreements": [{"agreement": "Memorandum of Cooperation on Law Enforcement Training",
                         "kind": "MemorandumOfCooperation",
                         "party": "Federal Law Enforcement Training Centers"}],
         "reactions": [{"state": "Pakistan", "spokesperson": "Shafqat Ali Khan"}],
         "legal_actions": [{"person": "Tahawwur Hussain Rana", "action": "Extradition"}]
       }}}

- The file stem is the article file's name without ".txt"; its graph is
  `kg.vocab.article_graph(stem)`. A kind left out of an article means "no facts of this kind".
- Entity kinds: State, GovernmentAgency, InternationalOrganization, TerroristGroup,
  SeparatistMovement, NewsAgency, Person. Agreement kinds: Agreement, MemorandumOfCooperation,
  MemorandumOfUnderstanding, Treaty. Legal actions: Extradition, Arrest, Designation,
  Accusation, AssassinationPlot.
- Required fields: entities label+kind; posts person+title; meetings series; delegation
  leaders state+leader; groups_named group; attacks attack; agreements kind; reactions state;
  legal_actions action. Any other field may be null or left out.
- A name (any field naming an actor, place, series, attack or agreement) may also be a list of
  names: it matches when any of them does ("Nathan Sales" or "Nathan A Sales").
- Dates are ISO strings: "2024-02-27", or "2024-02" / "2016" when the article gives only the
  month or the year. `killed` is an integer, `virtual` a boolean.

Matching rules
--------------
- A fact is a tuple of its fields. A gold fact matches a graph fact when every field the gold
  fact gives (not null) matches; null or missing gold fields are not compared.
- Names are compared through the graph's labels: a gold name matches a graph node when it
  equals one of the node's skos:prefLabel or skos:altLabel (from any graph), ignoring case,
  hyphens, apostrophes, full stops, spaces and other punctuation ("Lashkar e-Tayyiba" =
  "Lashkar-e-Tayyiba"). A node with no label is named by the last segment of its IRI
  (id:place/new-delhi is "new delhi"). A literal is named by its text.
- Loosely compared, against the same labels, by rapidfuzz token-set similarity on lower-cased
  words: meeting series at >= 80 (the labels of the meeting's ctkg:inSeries and of the meeting
  itself); post titles, attack names and agreement names at >= 90, since their wording varies
  between articles ("joint secretary for counterterrorism" vs "Joint Secretary (Counter
  Terrorism)") but "Secretary of State" must not match "Secretary of Defense". A name whose
  words are all among a label's words matches it ("Home Secretary" ~ "Union Home Secretary");
  "US", "U.S." and "United States" are the same word here.
- Dates compare as ISO strings: the gold date must be a prefix of the graph's date, so "2016"
  matches "2016-01-02". Integers compare as numbers. `virtual` compares with ctkg:isVirtual; a
  meeting without ctkg:isVirtual is not virtual. Kinds compare with the local name of the
  node's rdf:type.
- Meetings thus match on series (loosely), and start, end, place and virtual where gold gives
  them. Attacks match on the attack's name plus any of date, place, perpetrator (the graph's
  ctkg:perpetrator or ctkg:attributedTo) and killed that gold gives.
- One graph fact matches at most one gold fact and the reverse: the largest such matching is
  taken (bipartite matching), so a vague gold fact cannot steal the graph fact a precise one
  needs.
- Per kind and article: TP = matched pairs; FP = graph facts of that kind in the article's
  graph that match no gold fact; FN = gold facts that match no graph fact. An article in gold
  with no graph in the store (never built, or kept aside in quarantine) has all its gold facts
  missed; `Scores.missing_articles` lists such articles. Article graphs not in gold are not
  scored. Counts are summed over articles, then precision, recall and F1 are computed per
  kind and micro-averaged over all kinds ("overall"). With nothing to find and nothing found,
  precision and recall are 1.0.

What counts as a graph fact of each kind
----------------------------------------
- entities: a node typed with one of the entity kinds (in any graph) that the article graph
  mentions, as a typed subject or as the object of any of its triples; one fact per node.
- posts: a ctkg:Post typed in the article graph; person from ctkg:heldBy or ctkg:holdsPost.
- meetings: a node typed ctkg:Meeting, Dialogue, WorkingGroupMeeting or Summit in the graph.
- delegation_leaders: each distinct (ctkg:delegationOf, ctkg:ledBy) pair of a ctkg:Delegation.
- groups_named: each distinct object of ctkg:namesGroup in the graph.
- attacks: a ctkg:Attack typed in, or the object of a triple of, the article graph; its
  details from the article graph or the reference graph.
- agreements: each (agreement, ctkg:party) pair of a node typed with an agreement kind.
- reactions: a ctkg:Reaction typed in the graph, with ctkg:issuedBy and ctkg:spokesperson.
- legal_actions: each (legal action, ctkg:targetPerson) pair of a node typed with a legal
  action class; an action with no target person is one fact with no person.
"""
from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rich.table import Table

from kg.errors import BadGold
from kg.fact_matching import compared_name, fact_matches, max_matching  # noqa: F401  (compared_name: part of this module's API)
from kg.paths import internal_query
from kg.store.opening import open_store
from kg.vocab import CTKG, article_graph

GOLD_HELP = "See the gold format in the docstring of kg/evaluate.py (tests/gold/seeds.json is an example)."



def _terms(*names: str) -> frozenset[str]:
    """Local names of ctkg classes; a name the ontology lacks fails here, at import."""
    return frozenset(str(getattr(CTKG, name)).rsplit("#", 1)[-1] for name in names)


ENTITY_KINDS = _terms("State", "GovernmentAgency", "InternationalOrganization", "TerroristGroup",
                      "SeparatistMovement", "NewsAgency", "Person")
AGREEMENT_KINDS = _terms("Agreement", "MemorandumOfCooperation", "MemorandumOfUnderstanding", "Treaty")
LEGAL_ACTIONS = _terms("Extradition", "Arrest", "Designation", "Accusation", "AssassinationPlot")


# -- what each kind of fact is made of -----------------------------------------------------

@dataclass(frozen=True)
class FieldSpec:
    """One field of a kind of fact: its gold name, the query columns it compares, and how."""

    name: str
    columns: tuple[str, ...]
    compare: str                      # "name", "loose", "date", "int", "bool" or "class"
    required: bool = False
    choices: frozenset[str] = frozenset()
    threshold: int = 90               # the least token-set similarity for "loose"


@dataclass(frozen=True)
class KindSpec:
    """A kind of fact: its key in gold, its query file, and the columns that identify a fact."""

    name: str
    query: str
    group_by: tuple[str, ...]
    fields: tuple[FieldSpec, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for f in self.fields for c in f.columns))


def _field(name, compare="name", columns=None, required=False, choices=frozenset(), threshold=90):
    return FieldSpec(name, tuple(columns or (name,)), compare, required, frozenset(choices), threshold)


KINDS: tuple[KindSpec, ...] = (
    KindSpec("entities", "eval-entities", ("entity",), (
        _field("label", columns=("entity",), required=True),
        _field("kind", "class", required=True, choices=ENTITY_KINDS))),
    KindSpec("posts", "eval-posts", ("post",), (
        _field("person", required=True), _field("title", "loose", required=True),
        _field("organization"), _field("state"))),
    KindSpec("meetings", "eval-meetings", ("meeting",), (
        _field("series", "loose", columns=("series", "meeting"), required=True, threshold=80),
        _field("start", "date"), _field("end", "date"), _field("place"), _field("virtual", "bool"))),
    KindSpec("delegation_leaders", "eval-delegation-leaders", ("state", "leader"), (
        _field("state", required=True), _field("leader", required=True))),
    KindSpec("groups_named", "eval-groups-named", ("group",), (
        _field("group", required=True),)),
    KindSpec("attacks", "eval-attacks", ("attack",), (
        _field("attack", "loose", required=True), _field("date", "date"), _field("place"),
        _field("perpetrator"), _field("killed", "int"))),
    KindSpec("agreements", "eval-agreements", ("agreement", "party"), (
        _field("agreement", "loose"), _field("kind", "class", required=True, choices=AGREEMENT_KINDS),
        _field("party"))),
    KindSpec("reactions", "eval-reactions", ("reaction",), (
        _field("state", required=True), _field("spokesperson"))),
    KindSpec("legal_actions", "eval-legal-actions", ("action_node", "person"), (
        _field("person"), _field("action", "class", required=True, choices=LEGAL_ACTIONS))),
)
KIND_NAMES = tuple(kind.name for kind in KINDS)


# -- results --------------------------------------------------------------------------------

@dataclass(frozen=True)
class ShownFact:
    """A gold or graph fact, as text, for reports of what was missed or spurious."""

    article: str
    kind: str
    fields: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return f"{self.article} {self.kind}: " + "; ".join(f"{k}={v}" for k, v in self.fields)


@dataclass(frozen=True)
class KindScore:
    """Counts and rates for one kind of fact (or "overall"), with the facts that went wrong."""

    kind: str
    tp: int
    fp: int
    fn: int
    missed: tuple[ShownFact, ...] = ()      # gold facts no graph fact matched
    spurious: tuple[ShownFact, ...] = ()    # graph facts no gold fact matched

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def found(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return self.tp / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """The evaluation of one store against one gold file."""

    kinds: tuple[KindScore, ...]          # in the order of KIND_NAMES
    overall: KindScore                    # micro-average: counts summed over kinds
    articles: tuple[str, ...]             # the gold article stems scored
    missing_articles: tuple[str, ...]     # of those, the ones with no graph in the store

    def __getitem__(self, kind: str) -> KindScore:
        for score in self.kinds:
            if score.kind == kind:
                return score
        raise KeyError(kind)


# -- gold -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldFact:
    article: str
    kind: str
    fields: tuple[tuple[str, object], ...]   # (field, value) for the fields gold gives

    def get(self, name: str):
        return dict(self.fields).get(name)


def load_gold(path: str | os.PathLike) -> dict[str, dict[str, tuple[GoldFact, ...]]]:
    """Read and check a gold file: {stem: {kind: gold facts}}. Raises BadGold with the fix."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadGold(f"{path}: no such gold file. Pass the path of a gold JSON file. {GOLD_HELP}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadGold(f"{path}: the gold file cannot be read ({error}). Check the path and its permissions.") from None
    except json.JSONDecodeError as error:
        raise BadGold(f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}). "
                      "Fix the JSON and run again.") from None
    articles = data.get("articles") if isinstance(data, dict) else None
    if not isinstance(articles, dict):
        raise BadGold(f'{path}: the gold file needs a top-level object {{"articles": {{"<file stem>": {{...}}}}}}. '
                      f"{GOLD_HELP}")
    return {stem: _read_article(path, stem, entry) for stem, entry in articles.items()}


def _read_article(path: Path, stem: str, entry) -> dict[str, tuple[GoldFact, ...]]:
    if not isinstance(entry, dict):
        raise BadGold(f"{path}: article '{stem}' must be an object of kinds of facts. {GOLD_HELP}")
    unknown = sorted(set(entry) - set(KIND_NAMES))
    if unknown:
        raise BadGold(f"{path}: article '{stem}' has unknown kind(s) {', '.join(map(repr, unknown))}. "
                      f"Use only: {', '.join(KIND_NAMES)}.")
    facts = {}
    for spec in KINDS:
        items = entry.get(spec.name) or []
        if not isinstance(items, list):
            raise BadGold(f"{path}: article '{stem}' {spec.name} must be a list of objects. {GOLD_HELP}")
        facts[spec.name] = tuple(_read_fact(path, stem, spec, i, item) for i, item in enumerate(items))
    return facts


def _read_fact(path: Path, stem: str, spec: KindSpec, index: int, item) -> GoldFact:
    where = f"{path}: article '{stem}' {spec.name}[{index}]"
    if not isinstance(item, dict):
        raise BadGold(f"{where} must be an object. {GOLD_HELP}")
    known = {f.name for f in spec.fields}
    unknown = sorted(set(item) - known)
    if unknown:
        raise BadGold(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}. "
                      f"A {spec.name} fact has: {', '.join(f.name for f in spec.fields)}.")
    fields = []
    for field in spec.fields:
        value = item.get(field.name)
        if value is None:
            if field.required:
                needed = ", ".join(f.name for f in spec.fields if f.required)
                raise BadGold(f"{where}: missing field '{field.name}'. Each {spec.name} fact needs {needed}.")
            continue
        problem = _check_value(field, value)
        if problem:
            raise BadGold(f"{where}: field '{field.name}' {problem}. {GOLD_HELP}")
        fields.append((field.name, tuple(value) if isinstance(value, list) else value))
    return GoldFact(stem, spec.name, tuple(fields))


def _check_value(field: FieldSpec, value) -> str | None:
    """What is wrong with a gold value for this field, or None."""
    if field.compare in ("name", "loose"):
        names = value if isinstance(value, list) else [value]
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            return "must be a name or a list of names"
    elif field.compare == "date":
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            return f"must be an ISO date such as 2024-02-27, 2024-02 or 2024, not {value!r}"
    elif field.compare == "int":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return f"must be a whole number, not {value!r}"
    elif field.compare == "bool":
        if not isinstance(value, bool):
            return f"must be true or false, not {value!r}"
    elif field.compare == "class" and value not in field.choices:
        return f"must be one of {', '.join(sorted(field.choices))}, not {value!r}"
    return None


# -- graph facts ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Value:
    """One value of a graph fact's field: an IRI with its labels, or a literal."""

    text: str                    # the IRI or the literal's lexical form
    labels: tuple[str, ...]      # prefLabel first, then altLabels; a literal's text; or the IRI's last segment

    def shown(self) -> str:
        return self.labels[0] if self.labels and self.labels[0] != self.text else self.text


@dataclass(frozen=True)
class GraphFact:
    article: str
    kind: str
    values: tuple[tuple[str, frozenset[Value]], ...]   # field -> its values

    def get(self, name: str) -> frozenset[Value]:
        return dict(self.values).get(name, frozenset())


def _run(store: ox.Store, query_name: str):
    return store.query(internal_query(query_name))


def _read_labels(store: ox.Store) -> dict[str, tuple[str, ...]]:
    """Every node's labels, preferred labels first."""
    preferred, alternative = defaultdict(list), defaultdict(list)
    for row in _run(store, "eval-labels"):
        target = preferred if row["preferred"].value == "true" else alternative
        target[row["node"].value].append(row["label"].value)
    nodes = set(preferred) | set(alternative)
    return {node: tuple(sorted(preferred[node])) + tuple(sorted(alternative[node])) for node in nodes}


def _value(term, labels: dict[str, tuple[str, ...]]) -> Value:
    if isinstance(term, ox.NamedNode):
        last = term.value.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        return Value(term.value, labels.get(term.value) or (last,))
    return Value(term.value, (term.value,))


def read_graph_facts(store: ox.Store, spec: KindSpec, stems_by_graph: dict[str, str],
                     labels: dict[str, tuple[str, ...]]) -> dict[str, list[GraphFact]]:
    """The facts of one kind in the article graphs named in stems_by_graph: {stem: facts}."""
    grouped: dict[tuple, dict[str, set[Value]]] = {}
    wanted = spec.columns
    for row in _run(store, spec.query):
        stem = stems_by_graph.get(row["g"].value)
        if stem is None:
            continue
        terms = {column: row[column] for column in set(wanted) | set(spec.group_by)}
        key = (stem,) + tuple(terms[c].value if terms[c] is not None else None for c in spec.group_by)
        columns = grouped.setdefault(key, defaultdict(set))
        for column in wanted:
            if terms[column] is not None:
                columns[column].add(_value(terms[column], labels))
    facts: dict[str, list[GraphFact]] = defaultdict(list)
    for key in sorted(grouped, key=lambda k: tuple(str(part) for part in k)):
        columns = grouped[key]
        values = tuple((f.name, frozenset(v for c in f.columns for v in columns.get(c, ()))) for f in spec.fields)
        facts[key[0]].append(GraphFact(key[0], spec.name, values))
    return facts


def _shown_gold_value(value) -> str:
    if isinstance(value, tuple):
        return " | ".join(value)
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _gold_shown(fact: GoldFact) -> ShownFact:
    return ShownFact(fact.article, fact.kind, tuple((name, _shown_gold_value(v)) for name, v in fact.fields))


def _graph_shown(fact: GraphFact) -> ShownFact:
    fields = tuple((name, ", ".join(sorted({v.shown() for v in values})))
                   for name, values in fact.values if values)
    return ShownFact(fact.article, fact.kind, fields)


def score_kind(spec: KindSpec, gold: dict[str, tuple[GoldFact, ...]],
               graph: dict[str, list[GraphFact]]) -> KindScore:
    """Match gold and graph facts of one kind article by article, and count."""
    tp, missed, spurious = 0, [], []
    for stem in gold:
        wanted, found = list(gold[stem]), graph.get(stem, [])
        edges = [[j for j, g in enumerate(found) if fact_matches(spec, w, g)] for w in wanted]
        owner = max_matching(edges)
        tp += len(owner)
        matched_gold = set(owner.values())
        missed += [_gold_shown(w) for i, w in enumerate(wanted) if i not in matched_gold]
        spurious += [_graph_shown(g) for j, g in enumerate(found) if j not in owner]
    return KindScore(spec.name, tp, len(spurious), len(missed), tuple(missed), tuple(spurious))


# -- the entry points -------------------------------------------------------------------------

def evaluate(store: ox.Store | str | os.PathLike, gold_path: str | os.PathLike,
             articles: Iterable[str] | None = None) -> Scores:
    """Score the store's article graphs against the gold file.

    `store` is a pyoxigraph.Store or the folder of one (opened read-only). `articles`, when
    given, limits scoring to these file stems or paths (each must be in gold).
    """
    gold = load_gold(gold_path)
    if articles is not None:
        gold = _restrict(gold, gold_path, articles)
    store = open_store(store, read_only=True)
    stems_by_graph = {str(article_graph(stem)): stem for stem in gold}
    present = {str(g.value) for g in store.named_graphs()} if stems_by_graph else set()
    labels = _read_labels(store)
    scores = []
    for spec in KINDS:
        graph_facts = read_graph_facts(store, spec, stems_by_graph, labels)
        scores.append(score_kind(spec, {stem: gold[stem][spec.name] for stem in gold}, graph_facts))
    overall = KindScore("overall", sum(s.tp for s in scores), sum(s.fp for s in scores), sum(s.fn for s in scores))
    missing = tuple(stem for stem in gold if str(article_graph(stem)) not in present)
    return Scores(tuple(scores), overall, tuple(gold), missing)


def _restrict(gold, gold_path, articles: Iterable[str]):
    stems = [Path(a).stem if a.endswith(".txt") else Path(a).name for a in map(str, articles)]
    unknown = [stem for stem in stems if stem not in gold]
    if unknown:
        raise BadGold(f"{gold_path}: no gold for article(s) {', '.join(unknown)}. "
                      f"Add them to the gold file or leave them out; it has: {', '.join(gold) or 'none'}.")
    return {stem: gold[stem] for stem in dict.fromkeys(stems)}


def format_scores(scores: Scores) -> Table:
    """A table of the scores: one row per kind of fact, then the overall micro-average."""
    title = f"Loader evaluation on {len(scores.articles)} article(s)"
    if scores.missing_articles:
        title += f" ({len(scores.missing_articles)} not in the store)"
    table = Table(title=title)
    for column in ("kind", "gold", "found", "TP", "FP", "FN", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for score in scores.kinds + (scores.overall,):
        style = "bold" if score.kind == "overall" else None
        table.add_row(score.kind, str(score.gold), str(score.found), str(score.tp), str(score.fp),
                      str(score.fn), f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      style=style)
    return table
