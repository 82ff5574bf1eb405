"""Hypothesis strategies shared by the hostile tests: arbitrary and
date-like text, publication days and moments over the whole calendar."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# HOSTILE_EXAMPLES=2000 for a longer bug hunt; CI keeps it small and fast
EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "60"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces that look like dates, times and durations, valid or not
DATE_FRAGMENTS = [
    "Monday", "Tuesday's", "on Thursday", "Thursday afternoon", "tonight", "today", "tomorrow", "yesterday",
    "last week", "next year", "this month", "last year", "the coming weekend", "five years ago", "a week later",
    "the next day", "Nov. 1", "Sept. 15", "March 22, 2013", "3/22/2013", "22/3/2013", "2017-11-02", "2009",
    "the 1990s", "the 3000s", "mid-2016", "early 2017", "late last year", "Q3", "Q5", "the third quarter",
    "week 54", "week 0", "February 30", "31 April", "Feb. 29, 2019", "year 0", "the year 10000", "'98", "in '07",
    "10:30 a.m.", "6:17 a.m. EST", "25:61", "noon", "midnight", "every week", "annually", "year-long",
    "several days", "now", "currently", "recently", "the past three years", "fiscal 2018", "summer", "winter 2016",
    "the 21st century", "the 1st Amendment", "Chapter 11", "49-47", "0", "00", "9999", "99999999999999999999",
    "May", "may", "March", "march", "sat", "Sun", "Wed.", "1,000", "-1", "+2", "1e9", "½", "٣/٤/٢٠١٧",
    "at 2315 GMT", "[1116 EST]", "at 2400 UTC", "at 9999 GMT", "at 4 in the morning", "ten at night",
    "two o'clock", "midnight Dec. 31, 9999", "the week of March 6", "last Thanksgiving", "next Christmas",
    "the quarter ended Sept. 30", "year-end", "in recent years", "three days later", "12:00 a.m. +14:00",
]
SPECIALS = list(".,;:!?-/'\"()[]{}\t\n\r\x00\x0b\x0c\x1b\u00a0\u2028\u2029\u200b\u200e\u200f\u202e\ufeff")
RTL = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u0661\u0662\u0663"
EMOJI = "\U0001f600\U0001f1fa\U0001f1f8\U0001f468\u200d\U0001f469\u200d\U0001f467\ufe0f\u20e3"

unicode_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
fragment_text = st.lists(
    st.one_of(
        st.sampled_from(DATE_FRAGMENTS),
        st.sampled_from(SPECIALS),
        st.text(st.sampled_from(RTL + EMOJI + "0123456789-/.:,' "), max_size=12),
        st.integers(min_value=-10**6, max_value=10**12).map(str),
    ),
    max_size=25,
).flatmap(lambda parts: st.sampled_from([" ", "", "\n", ". "]).map(lambda sep: sep.join(parts)))
any_text = st.one_of(unicode_text, fragment_text)
# publication days run to the last representable day (findings F1, F2 fixed)
LAST_DAY = date(9999, 12, 31)
publication_day = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=LAST_DAY),
    st.sampled_from([date(1, 1, 1), date(1, 1, 2), LAST_DAY, date(2017, 11, 2)]),
)
publication_moment = st.builds(
    lambda d, minutes, zone: datetime(d.year, d.month, d.day, minutes // 60, minutes % 60, tzinfo=zone),
    publication_day,
    st.integers(min_value=0, max_value=24 * 60 - 1),
    st.sampled_from([None, timezone.utc, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))]),
)
