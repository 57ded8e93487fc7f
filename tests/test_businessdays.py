"""New York business days: weekdays that are not public holidays; the start day never counts."""

import datetime as dt

import pytest

from cecli.businessdays import add_business_days, business_days_between, is_business_day

NY = {"country": "US", "subdivision": "NY"}
MS = {"country": "US", "subdivision": "MS"}
D = dt.date


def test_the_start_day_is_not_counted_and_may_be_a_weekend():
    assert add_business_days(D(2025, 11, 21), 1, NY) == D(2025, 11, 24)  # Friday -> Monday
    assert add_business_days(D(2025, 11, 22), 1, NY) == D(2025, 11, 24)  # Saturday -> Monday
    assert add_business_days(D(2025, 11, 23), 1, NY) == D(2025, 11, 24)  # Sunday -> Monday
    assert add_business_days(D(2025, 11, 24), 1, NY) == D(2025, 11, 25)


def test_thanksgiving_and_christmas_are_skipped_but_the_day_after_thanksgiving_is_not():
    assert add_business_days(D(2025, 11, 26), 1, NY) == D(2025, 11, 28)
    assert add_business_days(D(2025, 12, 24), 1, NY) == D(2025, 12, 26)


def test_new_york_keeps_lincolns_birthday_and_election_day():
    assert not is_business_day(D(2026, 2, 12), NY)  # Lincoln's Birthday, a Thursday
    assert is_business_day(D(2026, 2, 12), MS)
    assert not is_business_day(D(2025, 11, 4), NY)  # Election Day
    assert is_business_day(D(2025, 11, 4), MS)
    assert not is_business_day(D(2025, 11, 8), NY)  # a Saturday


def test_twenty_business_days_across_election_day_veterans_day_and_thanksgiving():
    # From Friday 2025-10-31: November loses the 4th, 11th and 27th to holidays.
    assert add_business_days(D(2025, 10, 31), 20, NY) == D(2025, 12, 3)
    assert add_business_days(D(2025, 10, 31), 20, MS) == D(2025, 12, 2)  # no Election Day holiday


def test_counting_between_matches_adding():
    start = D(2025, 10, 31)
    for count in (1, 5, 20, 60):
        assert business_days_between(start, add_business_days(start, count, NY), NY) == count
    assert business_days_between(start, start, NY) == 0
    assert business_days_between(start, D(2025, 10, 1), NY) == 0


def test_a_count_below_one_is_refused():
    with pytest.raises(ValueError):
        add_business_days(D(2025, 10, 31), 0, NY)


def test_a_run_across_new_year_uses_both_years_holidays():
    assert add_business_days(D(2025, 12, 31), 1, NY) == D(2026, 1, 2)
