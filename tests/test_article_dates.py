"""The article's date from datelines, bylines and page lines (kg.article), and the calendar
table and relative dates of kg.dates. Every fixture is a made-up sentence."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.article import read_article
from kg.dates import find_date, month_number, weekday_number

BODY = "Officials of the two countries agreed to share more intelligence on smuggling networks."


def read(tmp_path: Path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return read_article(path)


# -- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize("dateline, place, month_day, publisher", [
    ("CAIRO, May 22 (Reuters) -", "CAIRO", (5, 22), "Reuters"),
    ("NAIROBI, Dec 19 (Harbour Newswire) -", "NAIROBI", (12, 19), None),
    ("Karachi, June 23:", "Karachi", (6, 23), None),
    ("Chennai, Sept 10 (IANS)", "Chennai", (9, 10), "IANS"),
    ("QUETTA, Feb 12 (Frontier Wire) -", "QUETTA", (2, 12), None),
    ("Colombo, Sept. 4 --", "Colombo", (9, 4), None),
])
def test_dateline_without_a_year_keeps_month_and_day(tmp_path, dateline, place, month_day,
                                                     publisher):
    article = read(tmp_path, f"{dateline} {BODY}\n")
    assert (article.dateline, article.month_day, article.published) == (place, month_day, None)
    assert article.publisher == publisher
    assert article.sentences[0].text == BODY


@pytest.mark.parametrize("dateline, published", [
    ("MUMBAI, Oct. 3, 2014 --", dt.date(2014, 10, 3)),
    ("Seoul, 28 June 2017:", dt.date(2017, 6, 28)),
    ("Hanoi, March 5, 2012 (AP) -", dt.date(2012, 3, 5)),
])
def test_dateline_with_a_year_gives_the_date(tmp_path, dateline, published):
    article = read(tmp_path, f"{dateline} {BODY}\n")
    assert article.published == published
    assert article.sentences[0].text == BODY


def test_dateline_with_a_full_date_needs_no_colon_or_dash(tmp_path):
    article = read(tmp_path, f"Beijing, 28 June 2017 {BODY}\n")
    assert (article.dateline, article.published) == ("Beijing", dt.date(2017, 6, 28))
    assert article.sentences[0].text == BODY


@pytest.mark.parametrize("dateline, place", [
    ("KABUL —", "KABUL"),
    ("DENVER/NEW DELHI —", "DENVER/NEW DELHI"),
])
def test_dateline_without_a_date_gives_the_place_and_no_date(tmp_path, dateline, place):
    article = read(tmp_path, f"{dateline} {BODY}\n")
    assert (article.dateline, article.published, article.month_day) == (place, None, None)
    assert article.sentences[0].text == BODY


def test_weekday_in_a_dateline_is_not_part_of_the_place(tmp_path):
    article = read(tmp_path, f"DHAKA, Thursday, Dec 19 (PTI) {BODY}\n")
    assert (article.dateline, article.publisher) == ("DHAKA", "PTI")
    assert article.sentences[0].text == BODY


def test_weekday_without_a_date_in_a_dateline_is_not_part_of_the_place(tmp_path):
    article = read(tmp_path, f"OTTAWA, Tuesday (Reuters) - {BODY}\n")
    assert (article.dateline, article.publisher, article.month_day) == ("OTTAWA", "Reuters", None)


# -- bylines, page lines and header fields --------------------------------------------------


@pytest.mark.parametrize("line, published", [
    ("By Staff Reporter | Updated: March 7, 2024 09:12 IST", dt.date(2024, 3, 7)),
    ("Posted: 26 September 2000", dt.date(2000, 9, 26)),
    ("Published: July 23, 2010", dt.date(2010, 7, 23)),
    ("28 September 2021", dt.date(2021, 9, 28)),
    ("Friday, January 25, 2013", dt.date(2013, 1, 25)),
    ("Wed Sep 28, 2016 3:45pm EDT", dt.date(2016, 9, 28)),
    ("2016-09-28 15:45", dt.date(2016, 9, 28)),
    ("2016-09-28T15:45:00Z", dt.date(2016, 9, 28)),
    ("November 4, 2015 / 6:10 PM / Updated", dt.date(2015, 11, 4)),
])
def test_a_dated_line_above_the_body_dates_the_article(tmp_path, line, published):
    article = read(tmp_path, f"Ports agree to share cargo records\n\n{line}\n\n{BODY}\n")
    assert article.published == published
    assert article.sentences[0].text == BODY


def test_a_date_field_on_the_first_line_dates_the_article(tmp_path):
    article = read(tmp_path, f" date 2016-09-28\n{BODY}\n")
    assert article.published == dt.date(2016, 9, 28)
    assert article.date_method == "the file's 'date' field (2016-09-28)"


def test_the_page_year_joins_the_datelines_day(tmp_path):
    article = read(tmp_path, ("Ports agree to share cargo records\n\nUpdated: Dec 21, 2019\n\n"
                              f"HAVANA, Dec 19 (Reuters) - {BODY}\n"))
    assert article.published == dt.date(2019, 12, 19)
    assert "year from the page's 'Updated: Dec 21, 2019' line" in article.date_method


def test_the_page_year_wins_over_a_weekday_in_the_body(tmp_path):
    article = read(tmp_path, ("Ports agree to share cargo records\n\nPublished: Dec 19, 2013\n\n"
                              f"HAVANA, Dec 19 (Reuters) - The talks ended on Wednesday. {BODY}\n"))
    assert article.published == dt.date(2013, 12, 19)


# -- the year of a dateline without one -----------------------------------------------------


@pytest.mark.parametrize("weekday", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                     "Saturday", "Sunday"])
@pytest.mark.parametrize("dateline", ["NAIROBI, Dec 19 (Reuters) -", "Karachi, March 2:",
                                      "Lima, Aug 30 (AFP) -"])
def test_a_weekday_in_the_body_never_gives_a_year(tmp_path, dateline, weekday):
    article = read(tmp_path, f"{dateline} The ministers met in the capital on {weekday}. {BODY}\n")
    assert article.published is None
    assert article.month_day is not None
    assert article.date_method.split("; ")[1].startswith("year unknown")


def test_a_weekday_in_the_body_and_a_bare_year_leave_the_year_unknown(tmp_path):
    article = read(tmp_path, (
        "NAIROBI, Dec 19 (Harbour Newswire) - The ministers met on Wednesday. "
        "They recalled the 2016 bombing of a border post.\n"))
    assert (article.published, article.month_day) == (None, (12, 19))
    assert "the bare year '2016'" in article.date_method


def test_a_bare_year_alone_leaves_the_year_unknown(tmp_path):
    article = read(tmp_path, "Karachi, April 10: A court had convicted him in 2011. " + BODY + "\n")
    assert (article.published, article.month_day) == (None, (4, 10))


def test_a_weekday_written_with_the_dateline_pins_the_year_after_a_bare_year(tmp_path):
    article = read(tmp_path, (
        "NAIROBI, Thursday, Dec 19 (Reuters) - The ministers met on Wednesday. "
        "They recalled the 2016 bombing of a border post.\n"))
    assert article.published == dt.date(2019, 12, 19)     # Dec 19 was a Thursday in 2019
    assert "the dateline's weekday 'Thursday'" in article.date_method


def test_an_abbreviated_weekday_with_the_dateline_counts_too(tmp_path):
    article = read(tmp_path, (
        "Lima, Sat., Aug 30 (AFP) - The ministers met. Their last talks were in May 2010.\n"))
    assert article.published == dt.date(2014, 8, 30)      # the first Saturday Aug 30 after 2010


def test_a_weekday_with_the_dateline_and_no_year_in_the_text_leaves_the_year_unknown(tmp_path):
    article = read(tmp_path, f"NAIROBI, Thursday, Dec 19 (Reuters) - {BODY}\n")
    assert (article.published, article.month_day) == (None, (12, 19))
    assert "2013, 2019" in article.date_method           # the years that would fit


def test_a_month_and_year_in_the_text_bounds_the_year_from_below(tmp_path):
    article = read(tmp_path, (
        "Karachi, March 2: The ministers met on Friday. They first met in October 2016.\n"))
    assert article.published == dt.date(2017, 3, 2)
    assert "'October 2016'" in article.date_method
    assert "the weekday 'Friday' in the text fits any year" in article.date_method


# -- the calendar table ---------------------------------------------------------------------


@pytest.mark.parametrize("name, number", [("Sept", 9), ("Sept.", 9), ("SEPTEMBER", 9),
                                          ("sep", 9), ("Dec.", 12), ("may", 5)])
def test_month_names_and_abbreviations_are_numbered(name, number):
    assert month_number(name) == number


@pytest.mark.parametrize("name, number", [("Monday", 0), ("Thurs", 3), ("thu.", 3),
                                          ("SUNDAY", 6), ("Tues", 1)])
def test_weekday_names_and_abbreviations_are_numbered(name, number):
    assert weekday_number(name) == number


# -- relative dates in a sentence (kg.dates.find_date) --------------------------------------

THURSDAY = dt.date(2019, 12, 19)


@pytest.mark.parametrize("weekday, day", [("Tuesday", 17), ("Wednesday", 18), ("Thursday", 19),
                                          ("Friday", 13)])
def test_on_a_weekday_is_the_latest_such_day_on_or_before_the_article_date(weekday, day):
    span = find_date(f"The envoys met on {weekday} in the capital.", THURSDAY)
    assert span.start == span.end == dt.date(2019, 12, day)


def test_last_month_is_the_month_before_at_month_precision():
    span = find_date("The envoys met last month.", THURSDAY)
    assert (span.start, span.month_year) == (None, (11, 2019))


def test_last_month_in_january_is_december_of_the_year_before():
    assert find_date("They met last month.", dt.date(2020, 1, 8)).month_year == (12, 2019)


def test_a_month_last_year_is_that_month_of_the_year_before():
    span = find_date("The first round was held in September last year.", THURSDAY)
    assert (span.start, span.month_year) == (None, (9, 2018))


def test_earlier_this_month_is_the_article_month():
    assert find_date("The envoys met earlier this month.", THURSDAY).month_year == (12, 2019)


def test_a_relative_month_needs_the_article_date():
    assert find_date("The envoys met last month.", None) is None


def test_a_day_range_in_one_month_is_a_span():
    span = find_date("The talks ran September 9-10.", THURSDAY)
    assert (span.start, span.end) == (dt.date(2019, 9, 9), dt.date(2019, 9, 10))


def test_a_from_to_range_reaches_a_leap_day():
    span = find_date("The fair ran from February 27 to February 29.", dt.date(2024, 3, 5))
    assert (span.start, span.end) == (dt.date(2024, 2, 27), dt.date(2024, 2, 29))


@pytest.mark.parametrize("text, date", [("He landed on Dec. 3.", dt.date(2019, 12, 3)),
                                        ("He landed on Sept 26.", dt.date(2019, 9, 26))])
def test_abbreviated_months_with_a_day_take_the_article_year(text, date):
    assert find_date(text, THURSDAY).start == date


def test_today_is_the_article_date():
    from kg.dates import find_date
    span = find_date("The panel met for the first time today in Ottawa.", dt.date(2004, 5, 6))
    assert span.start == dt.date(2004, 5, 6) == span.end


def test_yesterday_is_the_day_before_the_article_date():
    from kg.dates import find_date
    assert find_date("The envoys signed the accord yesterday.", dt.date(2004, 5, 6)).start == dt.date(2004, 5, 5)


def test_days_of_talks_ending_on_a_weekday_give_a_span():
    from kg.dates import find_date
    span = find_date("Officials ended three days of talks in Lima on Thursday.", dt.date(2012, 3, 10))
    assert (span.start, span.end) == (dt.date(2012, 3, 6), dt.date(2012, 3, 8))


def test_last_with_a_month_name_is_the_latest_such_month_before_the_article_month():
    assert find_date("The ministers met in Lisbon last November.", dt.date(2010, 7, 23)).month_year == (11, 2009)
    assert find_date("The ministers met last March.", dt.date(2010, 7, 23)).month_year == (3, 2010)


def test_last_with_the_article_month_is_a_year_earlier():
    assert find_date("The envoys met last July.", dt.date(2010, 7, 23)).month_year == (7, 2009)


def test_a_bare_month_is_read_only_when_asked_and_takes_the_latest_such_month():
    text = "The president's visit to Chile in March opened the talks."
    assert find_date(text, dt.date(2000, 9, 26)) is None
    assert find_date(text, dt.date(2000, 9, 26), bare_months=True).month_year == (3, 2000)
    assert find_date(text, dt.date(2000, 2, 26), bare_months=True).month_year == (3, 1999)


def test_a_bare_month_with_a_year_or_day_is_read_as_before():
    assert find_date("They met in March 2004.", THURSDAY, bare_months=True).month_year == (3, 2004)
    assert find_date("They met in March last year.", THURSDAY, bare_months=True).month_year == (3, 2018)


def test_the_next_weekday_is_after_the_article_date():
    from kg.dates import next_weekday
    assert next_weekday("Sunday", dt.date(2020, 2, 12)) == dt.date(2020, 2, 16)
    assert next_weekday("Wednesday", dt.date(2020, 2, 12)) == dt.date(2020, 2, 19)
