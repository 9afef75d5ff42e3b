"""One-off meetings beside the article's own: leaders' talks, visits, summits and conferences
(kg/extract/talks.py, visits.py, summits.py). Every sentence is made up."""
from __future__ import annotations

from kg.extract.examples import extraction_of
from kg.terms import ctkg, skos


def meetings(text: str, tmp_path) -> dict[str, dict]:
    extraction, label = extraction_of(text, tmp_path)
    labels = {f.subject: f.object.value for f in extraction.facts if f.predicate == skos.prefLabel}
    found: dict[str, dict] = {}
    for f in extraction.facts:
        if f.rule.split("-")[0] in ("met", "held", "both", "talks", "meeting", "visit", "visited", "summit") \
                and f.predicate in (ctkg.startDate, ctkg.startMonth, ctkg.dateUnknown, ctkg.eventStatus):
            found.setdefault(labels.get(f.subject, f.subject.value), {})[f.predicate.value.rsplit("#", 1)[-1]] = f.object.value
    return found


def test_talks_last_november_are_dated_by_month(tmp_path):
    found = meetings("Indian Prime Minister Ravi Menon held talks with US President Tom Waller during his official "
                     "visit to Washington last November.", tmp_path)
    assert found == {"Menon-Waller talks": {"eventStatus": ctkg.Held.value, "startMonth": "2020-11"}}


def test_a_visit_in_a_sentence_of_talks_is_not_a_second_meeting(tmp_path):
    found = meetings("Indian Prime Minister Ravi Menon met US President Tom Waller during his visit to "
                     "Washington on Monday.", tmp_path)
    assert list(found) == ["Menon-Waller meeting"]


def test_an_undated_visit_without_the_host_side_is_left_out(tmp_path):
    assert meetings("French President Luc Morel's recent visit to India was a success, officials said.", tmp_path) == {}


def test_a_visit_home_is_no_visit(tmp_path):
    assert meetings("Indian Prime Minister Ravi Menon's visit to India in March drew crowds.", tmp_path) == {}


def test_a_press_conference_is_no_meeting(tmp_path):
    assert meetings("Indian diplomat Arjun Rao addressed a press conference in Geneva on Monday.", tmp_path) == {}


def test_three_leaders_holding_a_summit_are_not_talks_of_two(tmp_path):
    found = meetings("Indian Prime Minister Ravi Menon, Japanese Prime Minister Kenji Mori and Australian Prime "
                     "Minister Alan Reid held a summit in Tokyo on Monday.", tmp_path)
    assert not any(name.endswith(("talks", "meeting")) for name in found)


def test_a_plenary_announced_for_a_coming_weekday_is_planned_on_that_day(tmp_path):
    found = meetings("A plenary of the Financial Action Task Force opens in Paris on Sunday.", tmp_path)
    assert found == {"plenary of the Financial Action Task Force (March 2021)":
                     {"eventStatus": ctkg.Planned.value, "startDate": "2021-03-21"}}


def test_the_same_day_passes_over_a_sentence_in_the_past_perfect(tmp_path):
    found = meetings("On Tuesday the committee blocked the listing. China had first blocked it on May 2 last year. "
                     "The same day, Indian diplomat Arjun Rao addressed a conference on terrorism in Geneva.", tmp_path)
    assert [v.get("startDate") for v in found.values()] == ["2021-03-16"]
