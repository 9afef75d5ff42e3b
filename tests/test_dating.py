"""An article whose dateline names no year takes one only from what its text says of dated events."""
from __future__ import annotations

import datetime as dt

from kg.article import read_article
from kg.extract.dating import dated
from kg.extract.pipeline import parse
from kg.mentions import find_mentions
from kg.reference import reference_index


def dated_article(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    docs = parse([s.text for s in article.sentences])
    return dated(article, find_mentions(article, reference_index(), docs), docs, reference_index())


def test_an_anniversary_told_in_the_past_dates_the_article(tmp_path):
    article = dated_article(tmp_path, "NEW DELHI, Jan 8 (PTI) The minister recalled the victims. Officials had "
                                      "marked the 12th anniversary of the Mumbai attacks with a ceremony in "
                                      "November.\n")
    assert article.published == dt.date(2021, 1, 8)
    assert "12th anniversary" in article.date_method


def test_an_anniversary_still_to_come_dates_nothing(tmp_path):
    article = dated_article(tmp_path, "NEW DELHI, Jan 8 (PTI) The city will mark the 20th anniversary of the "
                                      "Mumbai attacks with a ceremony.\n")
    assert article.published is None and article.month_day == (1, 8)


def test_a_lead_weekday_after_the_latest_attack_named_dates_the_article(tmp_path):
    article = dated_article(tmp_path, "Islamabad, Dec 20: The Foreign Office on Friday rejected the remarks. "
                                      "The statement had mentioned the Pathankot attack.\n")
    assert article.published == dt.date(2019, 12, 20)
    assert "Friday" in article.date_method and "Pathankot" in article.date_method


def test_a_lead_weekday_with_no_dated_event_leaves_the_year_unknown(tmp_path):
    article = dated_article(tmp_path, "Islamabad, Dec 20: The Foreign Office on Friday rejected the remarks.\n")
    assert article.published is None and article.month_day == (12, 20)


def test_an_article_with_its_year_is_left_as_it_is(tmp_path):
    article = dated_article(tmp_path, "Islamabad, Dec 20, 2024: The Foreign Office on Friday recalled the "
                                      "Pathankot attack.\n")
    assert article.published == dt.date(2024, 12, 20)
