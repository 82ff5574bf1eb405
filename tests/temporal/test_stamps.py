"""Time stamps closing list items (timeline/temporal/stamps.py)."""

from timeline.temporal.stamps import stamp_words

# Reuters' "Trump on Twitter" factbox format: each tweet, then its time in brackets
FACTBOX = ("Reuters has not edited the statements or confirmed their accuracy.  @realDonaldTrump : - While the "
           "Fake News loves to talk about my so-called low approval rating, it was 47%...! [0746 EST] - Why is the "
           "United States Post Office making Amazon richer? Should be charging MUCH MORE! [0804 EST] -- Source link: "
           "(bit.ly/2jBh4LU)")


def _item(text: str, stamp: str) -> str | None:
    start = text.index(stamp)
    item = stamp_words().closed_item(text, start, start + len(stamp))
    return None if item is None else text[item[0]:item[1]]


def test_a_stamp_closes_the_item_before_it() -> None:
    assert _item(FACTBOX, "0804 EST") == ("Why is the United States Post Office making Amazon richer? "
                                          "Should be charging MUCH MORE!")


def test_the_first_item_starts_after_the_lists_opener() -> None:
    assert _item(FACTBOX, "0746 EST") == ("While the Fake News loves to talk about my so-called low approval "
                                          "rating, it was 47%...!")


def test_a_stamp_at_the_end_of_the_text_closes_an_item() -> None:
    assert _item("@POTUS : - Just arrived at the Pensacola Bay Center. [1825 EST]", "1825 EST") == \
        "Just arrived at the Pensacola Bay Center."


def test_a_time_in_parentheses_or_inside_a_sentence_is_no_stamp() -> None:
    assert _item("The vote is at 10 a.m. (1500 GMT) - officials said.", "1500 GMT") is None
    assert _item("The markets closed [at 1600 EST] on Friday.", "1600 EST") is None


def test_a_bracketed_link_in_an_item_does_not_end_the_item_before() -> None:
    text = ('I don’t see a deal! [0917 EST] - "Statement from President Donald J. Trump on #GivingTuesday" '
            "[bit.ly/2iddEmr] [1127 EST] -- Source link")
    assert _item(text, "1127 EST") == '"Statement from President Donald J. Trump on #GivingTuesday" [bit.ly/2iddEmr]'


def test_the_author_of_a_list_is_the_name_before_its_opener() -> None:
    words = stamp_words()
    assert words.author(FACTBOX, FACTBOX.index("Why is")) == "@realDonaldTrump"
    assert words.author("Line one [0746 EST]\nLine two [0804 EST]", 20) is None


def test_the_stamps_of_a_list_take_the_day_its_headline_names() -> None:
    from datetime import date

    from timeline.temporal import TemporalTagger

    tagger = TemporalTagger()
    headline = "Factbox: Trump on Twitter (December 12) - Democrats, Gillibrand"
    values = {t.text: t.value for t in tagger.tag(FACTBOX, date(2017, 12, 13), tagger.candidates(FACTBOX), None,
                                                  headline)}
    assert values["0746 EST"] == "2017-12-12T07:46-05:00"
    assert values["0804 EST"] == "2017-12-12T08:04-05:00"
    # no day in the headline (or no headline): the publication date stays
    plain = tagger.tag(FACTBOX, date(2017, 12, 13), tagger.candidates(FACTBOX), None, "Trump on Twitter")
    assert {t.value[:10] for t in plain} == {"2017-12-13"}


def test_a_headline_naming_two_days_or_a_month_names_no_day() -> None:
    from datetime import date

    from timeline.temporal import TemporalTagger

    tagger = TemporalTagger()
    assert tagger.headline_day("Trump on Twitter (Dec. 12)", date(2017, 12, 13)) == "2017-12-12"
    assert tagger.headline_day("Trump on Twitter (Dec. 11, Dec. 12)", date(2017, 12, 13)) is None
    assert tagger.headline_day("Trump in December", date(2017, 12, 13)) is None
